import Hashing
import TextFormats

/// One line of the log: the envelope and its data.
public struct Event: Sendable, Equatable {
    public var seq: Int
    public var id: String
    public var occurred: CivilDate
    public var recorded: UTCInstant
    public var unit: String?
    public var by: String
    public var data: EventData
    public var prev: SHA256Digest
    /// Batch marker: more lines of the same batch follow.
    public var more: Bool

    public init(seq: Int, id: String, occurred: CivilDate, recorded: UTCInstant, unit: String?, by: String,
                data: EventData, prev: SHA256Digest = .zero, more: Bool = false) {
        self.seq = seq
        self.id = id
        self.occurred = occurred
        self.recorded = recorded
        self.unit = unit
        self.by = by
        self.data = data
        self.prev = prev
        self.more = more
    }

    public var type: EventType { data.type }
    public var fact: Fact { Fact(occurred: occurred, unit: unit, data: data) }
}
