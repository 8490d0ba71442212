/// A civil date and time (UTC, whole seconds) stamped into a package: the ZIP
/// entries' modification time and, when given, `docProps/core.xml`'s
/// created/modified dates.
///
/// Output must be the same bytes for the same input (reports are compared and
/// hashed), so nothing here reads the clock: the caller passes a time or gets
/// ``dosEpoch``. The range is the one a ZIP (MS-DOS) timestamp can hold,
/// 1980 through 2107, so both places can carry the same value.
public struct Timestamp: Sendable, Equatable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Nil when a field is out of range, the day does not exist in that month
    /// (leap years counted), or the year is outside 1980...2107.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1980...2107).contains(year), (1...12).contains(month),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return nil }
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// 1980-01-01 00:00:00, the earliest ZIP time: the default, so an archive
    /// made without a time is still deterministic.
    public static let dosEpoch = Timestamp(year: 1980, month: 1, day: 1)!

    /// MS-DOS date: bits 15–9 years since 1980, 8–5 month, 4–0 day.
    var dosDate: UInt16 { UInt16((year - 1980) << 9 | month << 5 | day) }

    /// MS-DOS time: bits 15–11 hour, 10–5 minute, 4–0 seconds / 2 (the format
    /// has two-second resolution; an odd second is rounded down).
    var dosTime: UInt16 { UInt16(hour << 11 | minute << 5 | second / 2) }

    /// W3C date-time in UTC, the form `dcterms:W3CDTF` requires: `2024-05-01T08:30:00Z`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}
