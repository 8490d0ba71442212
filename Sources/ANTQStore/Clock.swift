import SystemCalls
import TextFormats

/// Where `recorded` instants come from. The CLI always uses the system
/// clock (users cannot backdate); the demo-log generator and tests drive
/// the library with a clock of their own.
public struct Clock: Sendable {
    public var now: @Sendable () -> UTCInstant

    public init(now: @escaping @Sendable () -> UTCInstant) { self.now = now }

    public static let system = Clock { UTCInstant(microsecondsSinceEpoch: RealtimeClock.microsecondsSinceEpoch()) }

    /// Today in Vietnam (UTC+7): the last day an event may have occurred on.
    public static func vietnamDay(of instant: UTCInstant) -> CivilDate {
        UTCInstant(microsecondsSinceEpoch: instant.microsecondsSinceEpoch + 7 * 3600 * 1_000_000).date
    }
}
