import TextFormats

/// An event as a user or a file proposes it, before antq gives it seq,
/// recorded, prev (and, for amendments, the copy of the target).
public struct EventDraft: Sendable, Equatable {
    public var id: String?
    public var type: EventType
    public var occurred: CivilDate?
    /// Code or name as typed; resolved on validation.
    public var unit: String?
    public var by: String?
    /// The data fields as given (decoded once the type — or, for a
    /// correction, the target's type — is known).
    public var fields: [DataField]
    public var fieldMode: FieldMode
    /// The data already decoded for `type`, when a reader could do so
    /// without building `fields` (the batch fast path); `fields` is then
    /// empty. Only ever set to what `DataDecoder` would return for the
    /// fields, so validation is the same either way.
    public var data: EventData?
    /// True when `by` is already trimmed and in NFC (a JSON batch line's
    /// reader checked it), so validation need not normalise it again.
    public var byIsCanonical: Bool

    public init(id: String? = nil, type: EventType, occurred: CivilDate?, unit: String?, by: String? = nil,
                fields: [DataField], fieldMode: FieldMode, data: EventData? = nil, byIsCanonical: Bool = false) {
        self.id = id
        self.type = type
        self.occurred = occurred
        self.unit = unit
        self.by = by
        self.fields = fields
        self.fieldMode = fieldMode
        self.data = data
        self.byIsCanonical = byIsCanonical
    }
}
