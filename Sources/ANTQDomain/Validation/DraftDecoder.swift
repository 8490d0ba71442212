import JSONCodec
import TextFormats

/// Reads one line of a batch (`antq append -`): an envelope without `seq`,
/// `prev` and `recorded`, which antq assigns — `recorded` is always antq's
/// own clock, so nobody can backdate a record.
public enum DraftDecoder {
    /// Decodes one line, first by `fast` (when given) and, if that declines,
    /// by the general path below, which alone reports problems.
    public static func decode(_ line: UnsafeRawBufferPointer, fast: inout FastDraftDecoder) throws(EventCodingError) -> EventDraft {
        if let d = fast.decode(line) { return d }
        return try decode(line)
    }

    public static func decode(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> EventDraft {
        do {
            return try decodeThrowing(line)
        } catch let e as EventCodingError {
            throw e
        } catch let e as JSONError {
            throw .json(e)
        } catch {
            throw EventCodingError(field: nil, problem: "\(error)")
        }
    }

    private static func decodeThrowing(_ line: UnsafeRawBufferPointer) throws -> EventDraft {
        var s = JSONScanner(line)
        guard try s.peekKind() == .object else {
            throw EventCodingError(field: nil, problem: "a line must be a JSON object", fix: "write {\"type\": …, \"occurred\": …, \"unit\": …, \"data\": {…}}")
        }
        let fields = try DataField.readObject(&s, path: "")
        try s.expectEnd()
        var r = FieldReader(fields, path: "", mode: .input)
        for forbidden in ["seq", "prev", "recorded", "more"] where fields.contains(where: { $0.key == forbidden }) {
            throw EventCodingError(field: forbidden, problem: "is assigned by antq and may not be given",
                                   fix: "remove \"\(forbidden)\" from the line")
        }
        let typeName = try r.requiredString("type", maxLength: 64)
        guard let type = EventType(rawValue: typeName) else {
            throw EventCodingError(field: "type", problem: "\"\(typeName)\" is not an event type",
                                   fix: "one of: " + EventType.allCases.filter { $0 != .logCreated }.map(\.rawValue).joined(separator: ", "))
        }
        if type == .logCreated {
            throw EventCodingError(field: "type", problem: "log.created is written once by 'antq init'", fix: "remove this line")
        }
        var id: String?
        if let given = try r.string("id", required: false, maxLength: 36) {
            let lower = given.lowercased()
            guard UUIDText.isCanonical(lower) else {
                throw EventCodingError(field: "id", problem: "\"\(given)\" is not a UUID", fix: "omit it and antq assigns one")
            }
            id = lower
        }
        var occurred: CivilDate?
        if let text = try r.string("occurred", required: !type.isAmendment, maxLength: 10) {
            guard let d = CivilDate(iso: text) else {
                throw EventCodingError(field: "occurred", problem: "\"\(text)\" is not a real date", fix: "write YYYY-MM-DD, e.g. 2018-05-14")
            }
            occurred = d
        }
        let unit = try r.string("unit", required: !type.isAmendment, maxLength: 200)
        // `by` is left as given: `RecorderName` normalises or refuses it in
        // the validator, as for every other way a name arrives.
        var by: String?
        if let v = r.raw("by"), v != .null {
            guard case .string(let s) = v else {
                throw EventCodingError(field: "by", problem: "must be a string", fix: "write the recorder's name in quotes")
            }
            by = s
        }
        var data: [DataField] = []
        if let v = r.raw("data") {
            guard case .object(let f) = v else {
                throw EventCodingError(field: "data", problem: "must be an object", fix: "write \"data\": {…} with the fields of the event type")
            }
            data = f
        }
        for f in fields where !["type", "id", "occurred", "unit", "by", "data"].contains(f.key) {
            throw EventCodingError(field: f.key, problem: "is not an envelope field",
                                   fix: "a batch line has type, occurred, unit, data and optionally id and by")
        }
        return EventDraft(id: id, type: type, occurred: occurred, unit: unit, by: by, fields: data, fieldMode: .input)
    }
}
