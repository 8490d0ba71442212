import TextFormats

/// An event as a user or a file proposes it, before antq gives it seq,
/// recorded, prev (and, for amendments, the copy of the target).
public struct EventDraft: Sendable, Equatable {
    public var id: String?
    public var type: EventType
    public var occurred: CivilDate?
    /// Code or name as typed; resolved on validation, on the day the fact occurred.
    public var unit: String?
    public var by: String?
    /// The data fields as given (read once the type — or, for a
    /// correction, the target's type — is known).
    public var fields: [InputField]
    public var fieldMode: FieldMode
    /// The data already read for `type`, when a reader could do so without
    /// building `fields` (the batch fast path); `fields` is then empty. Only
    /// ever set to what `RecordBuilder` would return for the fields.
    public var data: EventData?
    /// True when `by` is already as `RecorderName` makes it.
    public var byIsCanonical: Bool
    /// The key of `id` when a reader took it from canonical text (the
    /// batch fast path), so that validation does not read the text again;
    /// only ever `UUIDKey(id)`.
    public var idKey: UUIDKey?

    public init(id: String? = nil, type: EventType, occurred: CivilDate?, unit: String?, by: String? = nil,
                fields: [InputField], fieldMode: FieldMode, data: EventData? = nil, byIsCanonical: Bool = false, idKey: UUIDKey? = nil) {
        self.id = id
        self.type = type
        self.occurred = occurred
        self.unit = unit
        self.by = by
        self.fields = fields
        self.fieldMode = fieldMode
        self.data = data
        self.byIsCanonical = byIsCanonical
        self.idKey = idKey
    }
}

/// Every problem of one input at once (a clerk fixes them in one go).
public struct EventProblems: Error, Sendable, Equatable {
    public var problems: [EventCodingError]

    public init(_ problems: [EventCodingError]) { self.problems = problems }
    public init(_ one: EventCodingError) { self.problems = [one] }
}

extension Value {
    /// The value as input again (a correction gives only what changes; the
    /// rest is the target's own data, read through the same builder).
    public var input: InputValue {
        switch self {
        case .int(let i): .number(String(i))
        case .decimal(let d): .number(d.plain())
        case .text(let s): .string(s)
        case .bool(let b): .bool(b)
        case .date(let d): .string(d.iso)
        case .null: .null
        case .object(let members): .object(members.map { InputField($0.name, $0.value.input) })
        case .list(let l): .array(l.map(\.input))
        case .fact(let f): .object(f.inputFields)
        case .data(let d): .object(d.inputFields)
        }
    }
}

extension EventData {
    /// The data as input fields, in declared order.
    public var inputFields: [InputField] {
        var out: [InputField] = []
        for f in spec.fields { if let v = values[f.ref.index] { out.append(InputField(f.name, v.input)) } }
        for d in declared { out.append(InputField(d.name, d.value.input)) }
        return out
    }
}

extension Fact {
    var inputFields: [InputField] {
        [InputField("type", .string(type.rawValue)), InputField("occurred", .string(occurred.iso))]
            + (unit.map { [InputField("unit", .string($0))] } ?? []) + [InputField("data", .object(data.inputFields))]
    }
}
