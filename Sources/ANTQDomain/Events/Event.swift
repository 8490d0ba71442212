import TextFormats

/// One fact of the log: the envelope and its data. Where the line sits in
/// the hash chain (`prev`, the batch marker) is the log core's business,
/// not the domain's: see `StoredLine` in the codec.
public struct Event: Sendable, Equatable {
    public var seq: Int
    public var id: String
    public var occurred: CivilDate
    public var recorded: UTCInstant
    public var unit: String?
    public var by: String
    public var data: EventData

    public init(seq: Int, id: String, occurred: CivilDate, recorded: UTCInstant, unit: String?, by: String, data: EventData) {
        self.seq = seq
        self.id = id
        self.occurred = occurred
        self.recorded = recorded
        self.unit = unit
        self.by = by
        self.data = data
    }

    public var type: EventType { data.type }
    public var fact: Fact { Fact(occurred: occurred, unit: unit, data: data) }
}
