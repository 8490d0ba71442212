import ANTQDomain
import JSONCodec
import TextFormats

/// Reads one line of a batch (`antq append -`): an envelope without `seq`,
/// `prev` and `recorded`, which antq assigns — `recorded` is always antq's
/// own clock, so nobody can backdate a record.
public enum DraftReader {
    public static func read(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> EventDraft {
        do {
            return try decode(line)
        } catch let e as EventCodingError {
            throw e
        } catch let e as JSONError {
            throw LineReader.json(e)
        } catch {
            throw EventCodingError(field: nil, problem: "\(error)")
        }
    }

    public static func read(_ line: [UInt8]) throws(EventCodingError) -> EventDraft {
        try line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try read(b) } }.get()
    }

    static let envelope = ["type", "id", "occurred", "unit", "by", "data"]

    private static func decode(_ line: UnsafeRawBufferPointer) throws -> EventDraft {
        var s = JSONScanner(line)
        guard try s.peekKind() == .object else {
            throw EventCodingError(field: nil, problem: Text(vi: "mỗi dòng phải là một đối tượng JSON", en: "a line must be a JSON object"),
                                   fix: Text(vi: "ghi {\"type\": …, \"occurred\": …, \"unit\": …, \"data\": {…}}", en: "write {\"type\": …, \"occurred\": …, \"unit\": …, \"data\": {…}}"))
        }
        let fields = try InputTree.readObject(&s, path: "")
        try s.expectEnd()
        func value(_ k: String) -> InputValue? { fields.first { $0.key == k }?.value }
        func fail(_ f: String, _ vi: String, _ en: String, fix: (String, String)? = nil) -> EventCodingError {
            EventCodingError(field: f, problem: Text(vi: vi, en: en), fix: fix.map { Text(vi: $0.0, en: $0.1) })
        }
        for forbidden in ["seq", "prev", "recorded", "more"] where value(forbidden) != nil {
            throw fail(forbidden, "do antq cấp, không được ghi", "is assigned by antq and may not be given", fix: ("bỏ \"\(forbidden)\" khỏi dòng", "remove \"\(forbidden)\" from the line"))
        }
        for f in fields where !envelope.contains(f.key) {
            throw fail(f.key, "không phải trường của phong bì", "is not an envelope field",
                       fix: ("một dòng có type, occurred, unit, data và có thể có id, by", "a batch line has type, occurred, unit, data and optionally id and by"))
        }
        let names = EventType.allCases.filter { $0 != .logCreated }.map(\.rawValue)
        guard let typeValue = value("type") else {
            throw fail("type", "thiếu loại sự kiện", "is missing", fix: ("ví dụ \"type\": \"arrest.made\"", "e.g. \"type\": \"arrest.made\""))
        }
        guard case .string(let typeName) = typeValue else {
            throw fail("type", "phải là tên một loại sự kiện (chuỗi), không phải \(typeValue.kindName)",
                       "must name an event type (a string), not \(typeValue.kindName); it is not an event type",
                       fix: ("một trong: " + names.joined(separator: ", "), "one of: " + names.joined(separator: ", ")))
        }
        if typeName == EventType.logCreated.rawValue {
            throw fail("type", "log.created chỉ do 'antq init' ghi, một lần, ở dòng đầu sổ", "log.created is written once, by 'antq init', as the log's first line",
                       fix: ("bỏ dòng này; sổ đã có log.created", "remove this line: the log already has its log.created"))
        }
        guard let type = EventType(rawValue: typeName) else {
            let close = names.min { editDistance($0, typeName) < editDistance($1, typeName) }
            throw fail("type", "\"\(typeName)\" không phải loại sự kiện" + (close.map { "; có phải ý là \($0)?" } ?? ""),
                       "\"\(typeName)\" is not an event type" + (close.map { "; did you mean \($0)?" } ?? ""),
                       fix: ("một trong: " + names.joined(separator: ", "), "one of: " + names.joined(separator: ", ")))
        }
        var id: String?
        if let v = value("id"), v != .null {
            guard case .string(let given) = v else { throw fail("id", "phải là chuỗi", "must be a string", fix: ("một UUID, ví dụ \"id\": \"\(UUIDText.test(1))\"", "a UUID, e.g. \"id\": \"\(UUIDText.test(1))\"")) }
            id = given
        }
        var occurred: CivilDate?
        if let v = value("occurred"), v != .null {
            guard case .string(let text) = v, let d = CivilDate(iso: text) else {
                let given: String = if case .string(let t) = v { "\"\(t)\"" } else { v.kindName }
                // A real day in an office's spelling (15/01/2023): the format is wrong, not the day.
                if case .string(let t) = v, let d = RecordBuilder.typedDay(t) {
                    throw fail("occurred", "\(given) là ngày \(d.formatted(vietnamese: true)), nhưng dòng JSON ghi ngày theo dạng YYYY-MM-DD",
                               "\(given) is the day \(d.iso), but a JSON line writes a day as YYYY-MM-DD",
                               fix: ("ghi \"\(d.iso)\"", "write \"\(d.iso)\""))
                }
                throw fail("occurred", "\(given) không phải ngày có thật", "\(given) is not a real date", fix: ("YYYY-MM-DD, ví dụ 2018-05-14", "write YYYY-MM-DD, e.g. 2018-05-14"))
            }
            occurred = d
        }
        var unit: String?
        if let v = value("unit"), v != .null {
            switch v {
            case .string(let u): unit = u
            case .number(let n): unit = n
            default: throw fail("unit", "phải là mã hoặc tên đơn vị (một chuỗi), không phải \(v.kindName)", "must be a unit's code or name (a string), not \(v.kindName)",
                                fix: ("ví dụ \"unit\": \"25747\" hoặc \"unit\": \"Phú Cường\"", "e.g. \"unit\": \"25747\" or \"unit\": \"Phú Cường\""))
            }
        }
        // `by` is left as given: `RecorderName` normalises or refuses it in the validator.
        var by: String?
        if let v = value("by"), v != .null {
            guard case .string(let b) = v else { throw fail("by", "phải là chuỗi", "must be a string", fix: ("tên người ghi, ví dụ \"by\": \"Nguyễn Văn An\"", "the recorder's name, e.g. \"by\": \"Nguyễn Văn An\"")) }
            by = b
        }
        var data: [InputField] = []
        if let v = value("data") {
            guard case .object(let f) = v else { throw fail("data", "phải là một đối tượng", "must be an object", fix: ("\"data\": {…}", "write \"data\": {…} with the fields of the event type")) }
            data = f
        }
        return EventDraft(id: id, type: type, occurred: occurred, unit: unit, by: by, fields: data, fieldMode: .input)
    }
}
