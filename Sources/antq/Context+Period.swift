import ANTQDomain
import TextFormats

extension Context {
    /// A period as typed (`2018`, `2018-H1`, `2018-01..2018-08`,
    /// `2018-01-01..today`), aligned with the reporting year's start.
    /// Exit 64 with the accepted forms, in the reader's language.
    func parsePeriod(_ text: String, option: String, start: MonthDay) throws -> Period {
        do { return try PeriodParser.parse(text, periodStart: start, today: today) } catch {
            let vi = lang.isVietnamese
            throw CLIError.usage("\(option) " + error.message(vietnamese: vi))
        }
    }

    /// `--period P` (or `--year Y`, the same as `--period Y`), if given.
    func period(start: MonthDay) throws -> Period? {
        if let p = parsed.value("period") {
            if parsed.value("year") != nil {
                throw CLIError.usage(lang.t("give --period or --year, not both", "chỉ dùng một trong --period và --year"))
            }
            return try parsePeriod(p, option: "--period", start: start)
        }
        if let y = parsed.value("year") { return try parsePeriod(y, option: "--year", start: start) }
        return nil
    }

    /// `--compare same-period | previous | P` against `period`.
    func compare(_ period: Period, start: MonthDay) throws -> Period? {
        guard let c = parsed.value("compare") else { return nil }
        let vi = lang.isVietnamese
        do {
            switch c.lowercased() {
            case "same-period", "cung-ky", "cùng-kỳ", "cùng kỳ", "cung ky": return try period.samePeriodOneYearEarlier()
            case "previous", "truoc", "kỳ trước", "ky truoc": return try period.previous()
            default:
                let p = try parsePeriod(c, option: "--compare", start: start)
                if p == period {
                    throw CLIError.usage(lang.t("--compare \(c) is the period itself; give another period, same-period or previous",
                                                "--compare \(c) trùng kỳ báo cáo; hãy cho kỳ khác, same-period (cùng kỳ) hoặc previous (kỳ trước)"))
                }
                return p
            }
        } catch let e as PeriodError {
            throw CLIError.usage("--compare " + e.message(vietnamese: vi))
        }
    }

    /// `--columns months|quarters|halves|years`: the period split into
    /// sub-periods, one report column each (empty without the option).
    func columns(of period: Period) throws -> [Period] {
        guard let c = parsed.value("columns") else { return [] }
        let units: [String: PeriodUnit] = ["months": .months, "quarters": .quarters, "halves": .halves, "years": .years]
        guard let unit = units[c] else {
            throw CLIError.usage(lang.t("--columns takes months, quarters, halves or years", "--columns nhận months (tháng), quarters (quý), halves (nửa năm) hoặc years (năm)"))
        }
        return period.subperiods(unit)
    }
}
