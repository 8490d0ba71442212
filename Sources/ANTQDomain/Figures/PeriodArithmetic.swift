import TextFormats

/// Periods derived from a period: the ones reports compare it with and the
/// columns they split it into.
extension Period {
    /// "Cùng kỳ": the same period one year earlier, of the same kind.
    ///
    /// Unit periods move by one reporting year (`2018-Q2` → `2017-Q2`,
    /// `2018-01..2018-08` → `2017-01..2017-08`), so they keep their number
    /// of units. Day ranges move each end back one calendar year, 29 February
    /// becoming 28 February; their length changes only when the range or its
    /// image crosses a 29 February.
    ///
    /// - Throws: `PeriodError.earlierPeriodOutOfRange` when that year is before 1000.
    public func samePeriodOneYearEarlier() throws(PeriodError) -> Period {
        switch storage {
        case let .units(unit, first, last):
            return try shifted(unit, first - unit.perYear, last - unit.perYear, from: label)
        case .days:
            guard firstDay.year - 1 >= Period.supportedYears.lowerBound else { throw .earlierPeriodOutOfRange(label) }
            return Period(checkedDays: Period.oneYearEarlier(firstDay), Period.oneYearEarlier(lastDay), start: start)
        }
    }

    /// "Kỳ trước": the period of the same length just before, ending the day
    /// before this one starts.
    ///
    /// A single unit gives the unit before (`2018-01` → `2017-12`, `2018-H1`
    /// → `2017-H2`); a range of n units gives the n units just before
    /// (`2018-03..2018-08` → `2017-09..2018-02`, `2013..2022` →
    /// `2003..2012`); a day range gives as many days just before.
    ///
    /// - Throws: `PeriodError.earlierPeriodOutOfRange` when that starts before year 1000.
    public func previous() throws(PeriodError) -> Period {
        switch storage {
        case let .units(unit, first, last):
            let n = last - first + 1
            return try shifted(unit, first - n, last - n, from: label)
        case .days:
            let end = firstDay.dayNumber - 1
            guard end - dayCount + 1 >= Period.firstSupportedDay.dayNumber else { throw .earlierPeriodOutOfRange(label) }
            return Period(checkedDays: CivilDate(dayNumber: end - dayCount + 1), CivilDate(dayNumber: end), start: start)
        }
    }

    /// The period split into `unit`s, for report columns (`summary --period
    /// 2018 --columns months`): every `unit` that overlaps the period, in
    /// order, clipped to the period.
    ///
    /// - A unit period split into the same or a finer unit gives whole units
    ///   (a year: 12 months, 4 quarters, 2 halves or itself; `2013..2022`
    ///   by years: ten years).
    /// - Split into a coarser unit, the ends are clipped and stay in the
    ///   period's own unit: `2018-03..2018-08` by quarters gives `2018-03`,
    ///   `2018-Q2`, `2018-07..2018-08`.
    /// - A day range gives the units it overlaps, whole where the range holds
    ///   all of one, else the overlapping days as a day range:
    ///   `2018-01-10..2018-03-31` by months (start 01-01) gives
    ///   `2018-01-10..2018-01-31`, `2018-02`, `2018-03`.
    ///
    /// The parts tile the period: no gap, no overlap.
    public func subperiods(_ unit: PeriodUnit) -> [Period] {
        switch storage {
        case let .units(own, first, last):
            if unit.months <= own.months {
                let r = own.months / unit.months
                return (first * r...(last + 1) * r - 1).map { Period(unit: unit, first: $0, last: $0, start: start) }
            }
            let r = unit.months / own.months
            return (first / r...last / r).map { j in
                let a = max(j * r, first), b = min(j * r + r - 1, last)
                return a == j * r && b == j * r + r - 1
                    ? Period(unit: unit, first: j, last: j, start: start)
                    : Period(unit: own, first: a, last: b, start: start)
            }
        case .days:
            let perUnit = unit.months
            let from = Period.absoluteMonth(firstDay, start) / perUnit
            let to = Period.absoluteMonth(lastDay, start) / perUnit
            return (from...to).map { j in
                let whole = Period(unit: unit, first: j, last: j, start: start)
                if firstDay <= whole.firstDay && whole.lastDay <= lastDay { return whole }
                return Period(checkedDays: max(firstDay, whole.firstDay), min(lastDay, whole.lastDay), start: start)
            }
        }
    }

    /// The run of units `first…last`, refused before year 1000 (`label` is
    /// the period it was derived from, for the message).
    func shifted(_ unit: PeriodUnit, _ first: Int, _ last: Int, from label: String) throws(PeriodError) -> Period {
        guard first / unit.perYear >= Period.supportedYears.lowerBound else { throw .earlierPeriodOutOfRange(label) }
        return Period(unit: unit, first: first, last: last, start: start)
    }

    /// Reporting year × 12 + month − 1 of the month `day` falls in.
    static func absoluteMonth(_ day: CivilDate, _ start: MonthDay) -> Int {
        let m = reportingMonth(of: day, start: start)
        return m.year * 12 + m.month - 1
    }

    static let firstSupportedDay = CivilDate(year: supportedYears.lowerBound, month: 1, day: 1)!

    /// The same day a calendar year earlier; 29 February becomes 28 February.
    static func oneYearEarlier(_ day: CivilDate) -> CivilDate {
        CivilDate(year: day.year - 1, month: day.month, day: day.day)
            ?? CivilDate(year: day.year - 1, month: day.month, day: 28)!
    }
}
