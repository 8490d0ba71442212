import TextFormats

/// The one reader of periods: every command that takes `--period` calls it,
/// so `2018-H1` cannot mean two things in two places.
///
/// Forms (see `forms(vietnamese:)`): `2018`, `2018-H1`, `2018-Q3`, `2018-05`,
/// inclusive ranges of one of those joined by `..` (`2018-01..2018-08`,
/// `2013..2022`, `2018-Q1..2018-Q3`), and day ranges `2018-01-01..2018-05-31`
/// whose ends may be `today`. Spaces around the text and around `..` are
/// ignored, `h`, `q` and `today` may be in any case. Anything else is a
/// `PeriodError` naming what was wrong and listing the forms.
///
/// Decisions: a range whose two ends are the same unit is that unit
/// (`2018-05..2018-05` is `2018-05`), so a period has one label; a single
/// day is not a period by itself (write `2018-05-31..2018-05-31`), because
/// `2018-05-31` next to `2018-05` reads too easily as a month.
public enum PeriodParser {
    /// The period `text` names, aligned to the log's `periodStart`; `today`
    /// (the Vietnam calendar day, from the caller) stands for the word `today`.
    public static func parse(_ text: String, periodStart: MonthDay, today: CivilDate) throws(PeriodError) -> Period {
        let whole = trimmed(Substring(text))
        guard !whole.isEmpty else { throw .empty }
        let shown = String(whole)
        guard let dots = whole.firstRange(of: "..") else {
            switch try term(whole, today: today) {
            case let .unit(unit, n): return Period(unit: unit, first: n, last: n, start: periodStart)
            case .day: throw .singleDay(shown)
            }
        }
        let left = trimmed(whole[..<dots.lowerBound]), right = trimmed(whole[dots.upperBound...])
        guard !left.isEmpty, !right.isEmpty else { throw .missingRangeEnd(shown) }
        guard right.firstRange(of: "..") == nil else { throw .unrecognized(shown) }
        let a = try term(left, today: today), b = try term(right, today: today)
        switch (a, b) {
        case let (.unit(u, x), .unit(v, y)) where u == v:
            guard x <= y else { throw .reversedRange(shown) }
            return Period(unit: u, first: x, last: y, start: periodStart)
        case let (.day(x), .day(y)):
            guard x <= y else { throw .reversedRange(shown) }
            return try Period(from: x, through: y, start: periodStart)
        default:
            throw .mixedRange(shown, first: a.kindName, last: b.kindName)
        }
    }

    /// One end of a range, or a whole single period.
    enum Term {
        /// An absolute unit number, as `Period.Storage.units` keeps it.
        case unit(PeriodUnit, Int)
        case day(CivilDate)

        var kindName: PeriodError.KindName {
            switch self {
            case .day: return .day
            case .unit(.years, _): return .year
            case .unit(.halves, _): return .half
            case .unit(.quarters, _): return .quarter
            case .unit(.months, _): return .month
            }
        }
    }

    /// `YYYY`, `YYYY-Hn`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD` or `today`.
    static func term(_ text: Substring, today: CivilDate) throws(PeriodError) -> Term {
        let shown = String(text)
        if text.lowercased() == "today" {
            guard Period.supportedYears.contains(today.year) else { throw .yearOutOfRange(today.iso) }
            return .day(today)
        }
        let b = Array(text.utf8)
        guard b.count >= 4, let year = digits(b[0..<4]) else { throw .unrecognized(shown) }
        if b.count > 4 && b[4] != UInt8(ascii: "-") { throw .unrecognized(shown) }
        guard Period.supportedYears.contains(year) else { throw .yearOutOfRange(shown) }
        let rest = b.dropFirst(5)
        switch (b.count, rest.first.map { $0 | 0x20 }) {
        case (4, _):
            return .unit(.years, year)
        case (_, UInt8(ascii: "h")?):
            guard b.count == 7, let h = digits(rest.dropFirst()), (1...2).contains(h) else { throw .invalidHalf(shown) }
            return .unit(.halves, year * 2 + h - 1)
        case (_, UInt8(ascii: "q")?):
            guard b.count == 7, let q = digits(rest.dropFirst()), (1...4).contains(q) else { throw .invalidQuarter(shown) }
            return .unit(.quarters, year * 4 + q - 1)
        case (6, _), (7, _):
            guard b.count == 7, let m = digits(rest), (1...12).contains(m) else {
                if digits(rest) == nil { throw .unrecognized(shown) }
                throw .invalidMonth(shown)
            }
            return .unit(.months, year * 12 + m - 1)
        case (10, _):
            guard digits(rest.prefix(2)) != nil, b[7] == UInt8(ascii: "-"), digits(rest.suffix(2)) != nil else {
                throw .unrecognized(shown)
            }
            guard let day = CivilDate(iso: shown) else { throw .invalidDate(shown) }
            return .day(day)
        default:
            throw .unrecognized(shown)
        }
    }

    /// The value of a non-empty run of ASCII digits, else nil.
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 4 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `text` without white space (spaces, tabs, no-break spaces) around it.
    static func trimmed(_ text: Substring) -> Substring {
        let head = text.drop(while: \.isWhitespace)
        return head[..<(head.lastIndex { !$0.isWhitespace }.map(head.index(after:)) ?? head.startIndex)]
    }
}
