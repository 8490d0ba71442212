import ANTQDomain
import TextFormats

/// One event of the story before it is recorded: what happened, where, and
/// which office's clerk enters it. `Schedule` gives it its recording instant.
struct Entry: Sendable {
    /// The district whose clerk records it, or "74" for the provincial office.
    var office: String
    /// Nil for amendments (antq fills in the day they are recorded).
    var occurred: CivilDate?
    var unit: String?
    var type: EventType
    var fields: [InputField]
    /// Names the event so the story of corrections can find its seq.
    var label: String?
    /// For corrections and retractions: the label of the event they amend.
    var targetLabel: String?
    /// For single-event offices: record this many days after it happened (default: 1 to 4, at random).
    var recordDelay: Int?

    init(office: String, occurred: CivilDate?, unit: String?, type: EventType, fields: [InputField],
         label: String? = nil, targetLabel: String? = nil) {
        self.office = office
        self.occurred = occurred
        self.unit = unit
        self.type = type
        self.fields = fields
        self.label = label
        self.targetLabel = targetLabel
    }

    /// The value of an integer field (`count`, `quantity`).
    func int(_ key: String) -> Int? {
        guard case .number(let v)? = fields.first(where: { $0.key == key })?.value else { return nil }
        return Int(v)
    }

    func string(_ key: String) -> String? {
        guard case .string(let v)? = fields.first(where: { $0.key == key })?.value else { return nil }
        return v
    }

    mutating func set(_ field: InputField) {
        if let i = fields.firstIndex(where: { $0.key == field.key }) { fields[i] = field } else { fields.append(field) }
    }
}

/// One append: the entries a clerk records at one sitting, all or nothing.
struct Submission: Sendable {
    var recorded: UTCInstant
    var by: String
    var entries: [Entry]
    /// For messages: what this sitting is ("weekly batch 724 2018-W12").
    var what: String
}

extension InputField {
    static func text(_ key: String, _ value: String) -> InputField { InputField(key, .string(nfc(value))) }
    static func number(_ key: String, _ value: Int) -> InputField { InputField(key, .number(String(value))) }
    static func flag(_ key: String, _ value: Bool) -> InputField { InputField(key, .bool(value)) }
    static func null(_ key: String) -> InputField { InputField(key, .null) }
    static func object(_ key: String, _ fields: [InputField]) -> InputField { InputField(key, .object(fields)) }
}
