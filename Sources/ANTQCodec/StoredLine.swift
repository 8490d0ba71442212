import ANTQDomain
import Hashing

/// A line of the log as stored: the event, and what places it in the hash
/// chain — the link of the line before (`prev`) and the batch marker
/// (`more`: more lines of the same batch follow).
public struct StoredLine: Sendable, Equatable {
    public var event: Event
    public var prev: SHA256Digest
    public var more: Bool
    /// Texts antq once wrote that it would not write today, read as written
    /// (`verify` warns about each).
    public var notes: [String]

    public init(event: Event, prev: SHA256Digest = .zero, more: Bool = false, notes: [String] = []) {
        self.event = event
        self.prev = prev
        self.more = more
        self.notes = notes
    }
}
