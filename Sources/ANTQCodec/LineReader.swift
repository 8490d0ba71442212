import ANTQDomain
import Hashing
import JSONCodec
import TextFormats

/// Reads stored log lines: strict JSON (RFC 8259), every envelope field
/// checked, the data read against its type's declaration by
/// `RecordBuilder` in `.stored` mode. The general path: any key order,
/// spaces, escapes, every event type. `FastLineReader` takes the lines in
/// antq's own layout first and hands every other line here.
public struct LineReader {
    private var fast = FastLineReader()

    public init() {}

    /// Reads one stored line (without its newline) with a fresh reader.
    public static func read(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> StoredLine {
        var r = LineReader()
        return try r.read(line)
    }

    public static func read(_ line: [UInt8]) throws(EventCodingError) -> StoredLine {
        try line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try read(b) } }.get()
    }

    /// Reads one stored line: the fast path first, the general path when it declines.
    public mutating func read(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> StoredLine {
        if let l = fast.read(line) { return l }
        return try readInFull(line)
    }

    /// Reads one stored line for a fold that keeps only the figures of a
    /// flow event; it checks the line exactly as `read` does.
    /// - Parameter records: a record of a declared indicator, too, comes
    ///   back with its figure fields only (indicator, value, dimensions).
    public mutating func readForFold(_ line: UnsafeRawBufferPointer, records: Bool = false) throws(EventCodingError) -> FoldLine {
        if let l = fast.readForFold(line, records: records) { return l }
        return .line(try readInFull(line))
    }

    /// Takes back a flow line's storage once its figures are added up, so
    /// the next flow line is read into it instead of fresh memory.
    public mutating func recycle(_ flow: consuming FlowLine) {
        let type = flow.data.type
        fast.known.keep(flow.data.takeValues(), type: type)
    }

    /// The general path alone (tests compare it with the fast path).
    public static func readInFull(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> StoredLine {
        do {
            return try decode(line)
        } catch let e as EventCodingError {
            throw e
        } catch let e as JSONError {
            throw Self.json(e)
        } catch {
            throw EventCodingError(field: nil, problem: "\(error)")
        }
    }

    mutating func readInFull(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> StoredLine { try Self.readInFull(line) }

    static func json(_ e: JSONError) -> EventCodingError {
        EventCodingError(field: nil, problem: Text(vi: "không phải JSON hợp lệ: \(e.message)", en: "not valid JSON: \(e.message)"),
                         fix: Text(vi: "mỗi dòng là một đối tượng JSON chặt chẽ (RFC 8259)", en: "each line must be one strict JSON object (RFC 8259)"),
                         column: e.offset + 1)
    }

    static let envelopeNames = ["seq", "id", "type", "occurred", "recorded", "unit", "by", "data", "prev", "more"]

    private static func decode(_ line: UnsafeRawBufferPointer) throws -> StoredLine {
        var s = JSONScanner(line)
        var seq: Int?, id: String?, type: EventType?, occurred: CivilDate?, recorded: UTCInstant?
        var unit: String?, hasUnit = false, by: String?, dataFields: [InputField]?, prev: SHA256Digest?, more = false
        var notes: [Text] = []
        var seen = Set<String>()
        func fail(_ field: String, _ vi: String, _ en: String, fix: (String, String)? = nil) -> EventCodingError {
            EventCodingError(field: field, problem: Text(vi: vi, en: en), fix: fix.map { Text(vi: $0.0, en: $0.1) })
        }
        try s.beginObject()
        while let key = try s.nextKey() {
            let name = key.string
            guard envelopeNames.contains(name) else {
                throw fail(name, "không phải trường của phong bì sự kiện", "is not an envelope field",
                           fix: ("phong bì có seq, id, type, occurred, recorded, unit, by, data, prev", "the envelope has seq, id, type, occurred, recorded, unit, by, data, prev"))
            }
            guard seen.insert(name).inserted else { throw fail(name, "xuất hiện hai lần", "appears twice", fix: ("mỗi khóa một lần (JSON chặt chẽ)", "a key may appear only once (strict JSON)")) }
            switch name {
            case "seq":
                guard try s.peekKind() == .number else { throw fail(name, "phải là số nguyên", "must be a whole number") }
                let n = try s.readNumber()
                guard let v = Int64(n.text), v >= 1 else { throw fail(name, "\(n.text) không phải số thứ tự từ 1", "must be 1 or more (\(n.text))") }
                seq = Int(v)
            case "id":
                let v = try string(&s, name)
                guard UUIDText.isCanonical(v) else { throw fail(name, "\"\(v)\" không phải UUID chữ thường", "\"\(v)\" is not a lowercase UUID") }
                id = v
            case "type":
                let v = try string(&s, name)
                guard let t = EventType(rawValue: v) else { throw fail(name, "\"\(v)\" không phải loại sự kiện", "\"\(v)\" is not an event type") }
                type = t
            case "occurred":
                let v = try string(&s, name)
                guard let d = CivilDate(iso: v), d.iso == v else { throw fail(name, "\"\(v)\" không phải ngày có thật", "\"\(v)\" is not a real date", fix: ("YYYY-MM-DD", "write YYYY-MM-DD")) }
                occurred = d
            case "recorded":
                let v = try string(&s, name)
                guard let i = UTCInstant(rfc3339: v), i.rfc3339 == v else {
                    throw fail(name, "\"\(v)\" không đúng dạng thời điểm antq ghi", "\"\(v)\" is not an instant in antq's form", fix: ("YYYY-MM-DDTHH:MM:SS.ffffffZ", "antq writes YYYY-MM-DDTHH:MM:SS.ffffffZ"))
                }
                recorded = i
            case "unit":
                let v = try string(&s, name)
                guard UnitCode.isValid(v) else { throw fail(name, "\"\(v)\" không phải mã đơn vị", "\"\(v)\" is not a unit code") }
                unit = v
                hasUnit = true
            case "by":
                let v = try string(&s, name)
                guard !v.isEmpty else { throw fail(name, "trống", "is empty") }
                // A name antq once stored unchecked is read as written, with a note.
                if let problem = RecorderName.problem(with: v) {
                    notes.append(Text("trường by: \(problem.vi); đọc đúng như đã ghi", "field by: \(problem.en); read as written"))
                }
                by = v
            case "data":
                guard try s.peekKind() == .object else { throw fail(name, "phải là một đối tượng", "must be an object") }
                dataFields = try InputTree.readObject(&s, path: "data")
            case "prev":
                let v = try string(&s, name)
                guard v.utf8.count == 64, v.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }), let d = SHA256Digest(hex: v) else {
                    throw fail(name, "phải là 64 chữ số hex viết thường", "must be 64 lowercase hex digits")
                }
                prev = d
            default:
                guard try s.peekKind() == .bool, try s.readBool() else { throw fail(name, "chỉ có thể là true", "may only be true", fix: ("bỏ đi ở dòng cuối của đợt ghi", "omit it on the last line of a batch")) }
                more = true
            }
        }
        try s.expectEnd()
        func missing(_ f: String) -> EventCodingError { fail(f, "thiếu", "is missing") }
        guard let seq else { throw missing("seq") }
        guard let id else { throw missing("id") }
        guard let type else { throw missing("type") }
        guard let occurred else { throw missing("occurred") }
        guard let recorded else { throw missing("recorded") }
        guard let by else { throw missing("by") }
        guard let dataFields else { throw missing("data") }
        guard let prev else { throw missing("prev") }
        if type == .logCreated {
            if hasUnit { throw fail("unit", "log.created không có đơn vị", "log.created has no unit") }
        } else if !hasUnit {
            throw missing("unit")
        }
        var builder = RecordBuilder(mode: .stored, vocabularies: nil)
        guard let data = builder.data(type, dataFields), !builder.failed else { throw builder.problems[0] }
        notes += builder.notes
        return StoredLine(event: Event(seq: seq, id: id, occurred: occurred, recorded: recorded, unit: unit, by: by, data: data),
                          prev: prev, more: more, notes: notes)
    }

    private static func string(_ s: inout JSONScanner, _ field: String) throws -> String {
        guard try s.peekKind() == .string else {
            throw EventCodingError(field: field, problem: Text(vi: "phải là chuỗi", en: "must be a string"))
        }
        return try s.readString()
    }
}
