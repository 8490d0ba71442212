/// Where a data directory keeps its files. The layout is part of the
/// documented format: `events/log.jsonl` is the truth, everything under
/// `snapshots/` can be deleted and rebuilt.
public struct LogLayout: Sendable, Equatable {
    public var root: String

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    public var eventsDirectory: String { root + "/events" }
    public var logPath: String { eventsDirectory + "/log.jsonl" }
    public var snapshotsDirectory: String { root + "/snapshots" }
    /// Displayed in messages: relative, as users and the README name it.
    public var logDisplayName: String { "events/log.jsonl" }

    /// Name of the file an unfinished tail is moved to. It sorts after the
    /// log and says which seq the lost batch would have started at.
    public func quarantinePath(firstSeq: Int, stamp: String) -> String {
        eventsDirectory + "/log.jsonl.unfinished-\(firstSeq)-\(stamp)"
    }
}
