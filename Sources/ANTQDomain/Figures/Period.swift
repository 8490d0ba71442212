import TextFormats

/// The units a reporting period is counted in, finest first.
public enum PeriodUnit: Int, Sendable, Hashable, CaseIterable {
    case months = 1, quarters = 3, halves = 6, years = 12

    /// Months per unit: every unit is a whole number of reporting months,
    /// so one month arithmetic serves all four.
    public var months: Int { rawValue }

    var perYear: Int { 12 / rawValue }
}

/// A reporting period: a reporting year, half, quarter or month, an
/// inclusive range of one of those, or a literal range of days.
///
/// Why one type: every command that takes a period (`summary`, `compare`,
/// `report` …) must read `2018-H1` the same way and print the same header,
/// and the fold must put a day in the same month the reports name.
///
/// Alignment. A log's `period_start` (MM-DD) is the first day of its
/// reporting year, and a year is named by the calendar year it ends in
/// (with 12-15, year 2018 is 15/12/2017 – 14/12/2018, as `ReportingPeriod`).
/// Months are the reporting year's twelve months, counted from that day:
/// month k starts on the start day in the k-th calendar month from the
/// year's first; with 12-15, `2018-05` is 15/04/2018 – 14/05/2018 (the
/// police "tháng 5"), and with 01-01 it is the calendar month. Month
/// numbers are ordinals within the reporting year: with an unusual start
/// such as 07-01, `2018-01` is July 2017; the header's exact days say so.
/// Quarters are months 1–3, 4–6 …; halves are months 1–6 and 7–12.
///
/// A start day that some months lack (29, 30, 31) is clamped to that
/// month's last day, and every month ends the day before the next one
/// starts. With 01-31: months start 31/01, 28/02 (29/02 in a leap year),
/// 31/03, 30/04 …; so the month starting 28/02 runs to 30/03. The months
/// still tile the year exactly (the year's own first day is never clamped:
/// `MonthDay` refuses 02-29 and any day a month never has).
///
/// Day ranges are taken literally, whatever the start.
///
/// Years are 1000…9998 (`supportedYears`), so that the year after the last
/// day (a 12-15 reporting year ends in the next calendar year) and the
/// dates around it still exist.
public struct Period: Sendable, Hashable, CustomStringConvertible {
    /// What a period is, in the terms it was written in.
    public indirect enum Kind: Sendable, Hashable {
        case year(Int)
        case half(year: Int, half: Int)
        case quarter(year: Int, quarter: Int)
        case month(year: Int, month: Int)
        /// Two or more consecutive units of one kind, both ends included
        /// (`2018-01..2018-08`, `2013..2022`); each end is a single unit.
        case range(from: Kind, through: Kind)
        /// Literal days, both ends included.
        case days(from: CivilDate, through: CivilDate)
    }

    /// Reporting years antq takes; see the type's comment.
    public static let supportedYears: ClosedRange<Int> = 1000...9998

    /// The log's first day of the reporting year the period is aligned to.
    public let start: MonthDay
    /// The first day in the period.
    public let firstDay: CivilDate
    /// The last day in the period (inclusive).
    public let lastDay: CivilDate
    let storage: Storage

    /// Unit periods are kept as a run of absolute unit numbers (year × units
    /// per year + ordinal − 1), so ranges, `previous()` and clipping are
    /// integer arithmetic.
    enum Storage: Hashable {
        case units(PeriodUnit, first: Int, last: Int)
        case days
    }

    init(unit: PeriodUnit, first: Int, last: Int, start: MonthDay) {
        precondition(first <= last, "Period: empty run of units")
        self.start = start
        storage = .units(unit, first: first, last: last)
        firstDay = Period.monthStart(first * unit.months, start)
        lastDay = Period.monthStart((last + 1) * unit.months, start).adding(days: -1)
    }

    init(checkedDays first: CivilDate, _ last: CivilDate, start: MonthDay) {
        precondition(first <= last, "Period: reversed days")
        self.start = start
        storage = .days
        firstDay = first
        lastDay = last
    }

    /// Reporting year `year`: the same days as `ReportingPeriod(year:start:)`.
    public init(year: Int, start: MonthDay) {
        Period.checkYear(year)
        self.init(unit: .years, first: year, last: year, start: start)
    }

    /// Half 1 (months 1–6) or 2 (months 7–12) of reporting year `year`.
    public init(year: Int, half: Int, start: MonthDay) {
        Period.checkYear(year)
        precondition((1...2).contains(half), "Period: half \(half)")
        self.init(unit: .halves, first: year * 2 + half - 1, last: year * 2 + half - 1, start: start)
    }

    /// Quarter 1…4 of reporting year `year` (three reporting months each).
    public init(year: Int, quarter: Int, start: MonthDay) {
        Period.checkYear(year)
        precondition((1...4).contains(quarter), "Period: quarter \(quarter)")
        self.init(unit: .quarters, first: year * 4 + quarter - 1, last: year * 4 + quarter - 1, start: start)
    }

    /// Reporting month 1…12 of reporting year `year`.
    public init(year: Int, month: Int, start: MonthDay) {
        Period.checkYear(year)
        precondition((1...12).contains(month), "Period: month \(month)")
        self.init(unit: .months, first: year * 12 + month - 1, last: year * 12 + month - 1, start: start)
    }

    /// The days `first` through `last`, taken literally.
    public init(from first: CivilDate, through last: CivilDate, start: MonthDay) throws(PeriodError) {
        guard first <= last else { throw .reversedRange(first.iso + ".." + last.iso) }
        for day in [first, last] where !Period.supportedYears.contains(day.year) {
            throw .yearOutOfRange(day.iso)
        }
        self.init(checkedDays: first, last, start: start)
    }

    /// `first` through `last`, two periods of the same kind: two units of
    /// one kind give the run of units between them (one unit if they are the
    /// same), two day ranges the days from the first's first to the last's
    /// last. Different kinds are refused: `2018-01..2018-Q3` has no single
    /// meaning.
    public static func range(from first: Period, through last: Period) throws(PeriodError) -> Period {
        precondition(first.start == last.start, "Period.range: ends aligned to different starts")
        let text = first.label + ".." + last.label
        switch (first.storage, last.storage) {
        case let (.units(u, a, _), .units(v, _, b)) where u == v:
            guard a <= b else { throw .reversedRange(text) }
            return Period(unit: u, first: a, last: b, start: first.start)
        case (.days, .days):
            return try Period(from: first.firstDay, through: last.lastDay, start: first.start)
        default:
            throw .mixedRange(text, first: first.kindName, last: last.kindName)
        }
    }

    static func checkYear(_ year: Int) {
        precondition((2...9998).contains(year), "Period: reporting year \(year) has days outside 0001…9999")
    }

    // MARK: - What it is

    public var kind: Kind {
        switch storage {
        case .days:
            return .days(from: firstDay, through: lastDay)
        case let .units(unit, first, last):
            return first == last ? Period.single(unit, first) : .range(from: Period.single(unit, first), through: Period.single(unit, last))
        }
    }

    static func single(_ unit: PeriodUnit, _ n: Int) -> Kind {
        let year = n / unit.perYear, ordinal = n % unit.perYear + 1
        switch unit {
        case .years: return .year(n)
        case .halves: return .half(year: year, half: ordinal)
        case .quarters: return .quarter(year: year, quarter: ordinal)
        case .months: return .month(year: year, month: ordinal)
        }
    }

    /// The unit a unit period or range is counted in; nil for day ranges.
    public var unit: PeriodUnit? {
        if case let .units(u, _, _) = storage { return u }
        return nil
    }

    /// How many units (months, quarters …) the period spans; nil for day ranges.
    public var unitCount: Int? {
        if case let .units(_, a, b) = storage { return b - a + 1 }
        return nil
    }

    /// Days in the period, both ends counted.
    public var dayCount: Int { lastDay.dayNumber - firstDay.dayNumber + 1 }

    public func contains(_ day: CivilDate) -> Bool { firstDay <= day && day <= lastDay }

    /// The period in the syntax the parser reads (`2018`, `2018-H1`,
    /// `2018-Q3`, `2018-05`, `2018-01..2018-08`, `2013..2022`,
    /// `2018-01-01..2018-05-31`); `PeriodParser.parse(label)` gives it back.
    public var label: String {
        switch storage {
        case .days:
            return firstDay.iso + ".." + lastDay.iso
        case let .units(unit, first, last):
            let a = Period.label(unit, first)
            return first == last ? a : a + ".." + Period.label(unit, last)
        }
    }

    /// The label and the exact days, so a failing test or a log line says
    /// which days were meant.
    public var description: String { label + " (" + firstDay.iso + " – " + lastDay.iso + ")" }

    static func label(_ unit: PeriodUnit, _ n: Int) -> String {
        let year = String(n / unit.perYear), ordinal = n % unit.perYear + 1
        switch unit {
        case .years: return year
        case .halves: return year + "-H" + String(ordinal)
        case .quarters: return year + "-Q" + String(ordinal)
        case .months: return year + (ordinal < 10 ? "-0" : "-") + String(ordinal)
        }
    }

    /// The kind's name in an error message ("quý", "quarter" …).
    var kindName: PeriodError.KindName {
        switch storage {
        case .days: return .day
        case let .units(u, _, _):
            switch u {
            case .years: return .year
            case .halves: return .half
            case .quarters: return .quarter
            case .months: return .month
            }
        }
    }

    // MARK: - Reporting months

    /// 1 when a reporting year starts in the calendar year before the one
    /// it is named by (any start but 01-01), else 0.
    @inline(__always)
    static func yearShift(_ start: MonthDay) -> Int { start == .january1 ? 0 : 1 }

    /// The day reporting months start on in calendar month `month` of
    /// `year`: the start day, clamped to the month's last day.
    @inline(__always)
    static func startDay(year: Int, month: Int, _ start: MonthDay) -> Int {
        start.day <= 28 ? start.day : min(start.day, CivilDate.daysInMonth(year: year, month: month))
    }

    /// The first day of absolute reporting month `n` (reporting year × 12 +
    /// month − 1): the start day in the (month − 1)-th calendar month after
    /// the reporting year's first.
    static func monthStart(_ n: Int, _ start: MonthDay) -> CivilDate {
        let calendar = n - yearShift(start) * 12 + start.month - 1
        let year = calendar / 12, month = calendar % 12 + 1
        return CivilDate(year: year, month: month, day: startDay(year: year, month: month, start))!
    }

    /// Which reporting month (1…12) of which reporting year `day` falls in.
    ///
    /// The fold files each event under it, so it must agree with the month
    /// periods (`Period(year:month:start:).contains(day)`) and with
    /// `ReportingPeriod.year(of:start:)`; it is integer arithmetic only
    /// because it runs once per event.
    public static func reportingMonth(of day: CivilDate, start: MonthDay) -> (year: Int, month: Int) {
        var calendar = day.year * 12 + day.month - 1
        if day.day < startDay(year: day.year, month: day.month, start) { calendar -= 1 }
        let n = calendar + yearShift(start) * 12 - (start.month - 1)
        return (n / 12, n % 12 + 1)
    }

    /// The reporting year `day` falls in (the calendar year it ends in).
    public static func reportingYear(of day: CivilDate, start: MonthDay) -> Int {
        reportingMonth(of: day, start: start).year
    }
}
