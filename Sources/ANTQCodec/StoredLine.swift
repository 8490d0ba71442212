import ANTQDomain
import Hashing
import TextFormats

/// A line of the log as stored: the event, and what places it in the hash
/// chain — the link of the line before (`prev`) and the batch marker
/// (`more`: more lines of the same batch follow).
public struct StoredLine: Sendable, Equatable {
    public var event: Event
    public var prev: SHA256Digest
    public var more: Bool
    /// Texts antq once wrote that it would not write today, read as written
    /// (`verify` warns about each).
    public var notes: [Text]

    public init(event: Event, prev: SHA256Digest = .zero, more: Bool = false, notes: [Text] = []) {
        self.event = event
        self.prev = prev
        self.more = more
        self.notes = notes
    }
}

/// A flow event (or a record of a declared indicator) as a fold that keeps
/// only figures reads it (`LineReader.readForFold`): what places it in the
/// chain and in time, its unit, and the data fields its figures read (the
/// others were checked, then dropped). It has no id, author or note.
public struct FlowLine: Sendable {
    public var seq: Int
    public var occurred: CivilDate
    public var recorded: UTCInstant
    public var unit: String
    public var data: EventData
    public var prev: SHA256Digest
    public var more: Bool

    /// The line as an event with no id, author or note, for what reads only
    /// a fact's figures (a filter, a plain replay's in-order fold); never
    /// for what shows or keeps events.
    public var figuresOnlyEvent: Event {
        Event(seq: seq, id: "", occurred: occurred, recorded: recorded, unit: unit, by: "", data: data)
    }
}

/// A line read for a fold: a flow event's figures, or any other event whole
/// (boxed: most lines are flows, and a whole line is large to move).
public enum FoldLine: Sendable {
    case flow(FlowLine)
    indirect case line(StoredLine)

    /// What places the line in the chain and in time, read in one look
    /// (the fold reads all three of every line).
    public var stamp: (seq: Int, recorded: UTCInstant, prev: SHA256Digest) {
        switch self {
        case .flow(let f): (f.seq, f.recorded, f.prev)
        case .line(let l): (l.event.seq, l.event.recorded, l.prev)
        }
    }
}
