import TextFormats

/// A reporting year. Vietnamese police statistics often run 15 Dec → 14 Dec,
/// so a period is named by the year it ends in: with start 12-15, period
/// 2018 is 2017-12-15 … 2018-12-14. With the default start (01-01) a period
/// is the calendar year.
public struct ReportingPeriod: Sendable, Hashable {
    public var year: Int
    public var start: MonthDay

    public init(year: Int, start: MonthDay) {
        self.year = year
        self.start = start
    }

    /// The period a day falls in.
    @inline(__always)
    public static func year(of d: CivilDate, start: MonthDay) -> Int {
        if start == .january1 { return d.year }
        return (d.month, d.day) >= (start.month, start.day) ? d.year + 1 : d.year
    }

    public var firstDay: CivilDate {
        start == .january1 ? makeDate(year, 1, 1) : makeDate(year - 1, start.month, start.day)
    }

    public var lastDay: CivilDate {
        start == .january1 ? makeDate(year, 12, 31) : CivilDate(dayNumber: makeDate(year, start.month, start.day).dayNumber - 1)
    }
}

/// A valid date from known-good parts.
func makeDate(_ y: Int, _ m: Int, _ d: Int) -> CivilDate {
    CivilDate(year: y, month: m, day: d)!
}
