import TextFormats

/// How a period is named in a report: the words a Vietnamese report uses
/// ("6 tháng đầu năm 2018", "quý I năm 2018", "giai đoạn 2013–2022"), or
/// plain English, and a header with the exact first and last day, because
/// with a 12-15 start "tháng 5" alone does not say which days were counted.
extension Period {
    /// The period in words: "6 tháng đầu năm 2018" / "first half of 2018".
    ///
    /// Months are named by their number in the reporting year (see the
    /// type's comment): with a 12-15 start "tháng 5 năm 2018" / "May 2018" is
    /// 15/04/2018 – 14/05/2018, as police reports call it.
    public func words(vietnamese vi: Bool) -> String {
        switch storage {
        case .days:
            return dayWords(vi)
        case let .units(unit, first, last):
            if first == last { return Period.unitWords(unit, first, vi) }
            return rangeWords(unit, first, last, vi)
        }
    }

    /// Words and exact days: "6 tháng đầu năm 2018 (15/12/2017 – 14/06/2018)",
    /// "first half of 2018 (2017-12-15 – 2018-06-14)".
    public func header(vietnamese vi: Bool) -> String {
        words(vietnamese: vi) + " (" + firstDay.formatted(vietnamese: vi) + " – " + lastDay.formatted(vietnamese: vi) + ")"
    }

    static func unitWords(_ unit: PeriodUnit, _ n: Int, _ vi: Bool) -> String {
        let year = n / unit.perYear, k = n % unit.perYear + 1
        switch unit {
        case .years:
            return vi ? "năm \(year)" : "\(year)"
        case .halves:
            if vi { return (k == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + "\(year)" }
            return (k == 1 ? "first half of " : "second half of ") + "\(year)"
        case .quarters:
            return vi ? "quý \(roman[k - 1]) năm \(year)" : "Q\(k) \(year)"
        case .months:
            return vi ? "tháng \(k) năm \(year)" : "\(englishMonths[k - 1]) \(year)"
        }
    }

    /// A run of two or more units: shortened the way reports write it when
    /// both ends are in one reporting year, else "từ … đến …".
    func rangeWords(_ unit: PeriodUnit, _ first: Int, _ last: Int, _ vi: Bool) -> String {
        let per = unit.perYear
        let year = first / per, a = first % per + 1, b = last % per + 1
        let sameYear = last / per == year
        switch unit {
        case .years:
            return vi ? "giai đoạn \(first)–\(last)" : "\(first)–\(last)"
        case .months where sameYear:
            if vi { return a == 1 && b < 12 ? "\(b) tháng đầu năm \(year)" : "từ tháng \(a) đến tháng \(b) năm \(year)" }
            return "\(Period.englishMonths[a - 1])–\(Period.englishMonths[b - 1]) \(year)"
        case .quarters where sameYear:
            // "9 tháng đầu năm" is how a report names quarters I–III.
            if vi { return a == 1 && b < 4 ? "\(3 * b) tháng đầu năm \(year)" : "từ quý \(Period.roman[a - 1]) đến quý \(Period.roman[b - 1]) năm \(year)" }
            return "Q\(a)–Q\(b) \(year)"
        default:
            let from = Period.unitWords(unit, first, vi), to = Period.unitWords(unit, last, vi)
            return vi ? "từ \(from) đến \(to)" : "\(from) – \(to)"
        }
    }

    /// "từ 01/01/2018 đến 31/05/2018"; a range from the first day of the
    /// reporting year its last day is in is "từ đầu năm đến …" (year to date).
    func dayWords(_ vi: Bool) -> String {
        let reportingYear = Period.reportingYear(of: lastDay, start: start)
        let yearStart = Period.monthStart(reportingYear * 12, start)
        if firstDay == yearStart {
            return vi ? "từ đầu năm đến \(lastDay.formatted(vietnamese: true))" : "year to \(Period.englishDate(lastDay))"
        }
        if vi { return "từ \(firstDay.formatted(vietnamese: true)) đến \(lastDay.formatted(vietnamese: true))" }
        return "\(Period.englishDate(firstDay)) – \(Period.englishDate(lastDay))"
    }

    /// "7 December 2026".
    static func englishDate(_ d: CivilDate) -> String { "\(d.day) \(englishMonths[d.month - 1]) \(d.year)" }

    static let roman = ["I", "II", "III", "IV"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June",
                                "July", "August", "September", "October", "November", "December"]
}
