import Hashing
import JSONCodec
import TextFormats

/// Reads stored log lines into events: strict JSON, every envelope field and
/// every catalogue field checked. This is the replay path, so it walks the
/// bytes once with a pull scanner and builds no intermediate tree for the
/// envelope.
public enum EventDecoder {
    /// Decodes one stored line (without its newline).
    public static func decode(_ line: UnsafeRawBufferPointer) throws(EventCodingError) -> Event {
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

    public static func decode(_ line: [UInt8]) throws(EventCodingError) -> Event {
        try line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try decode(b) } }.get()
    }

    private static func decodeThrowing(_ line: UnsafeRawBufferPointer) throws -> Event {
        var s = JSONScanner(line)
        var seq: Int?
        var id: String?
        var type: EventType?
        var occurred: CivilDate?
        var recorded: UTCInstant?
        var unit: String?
        var hasUnit = false
        var by: String?
        var dataFields: [DataField]?
        var prev: SHA256Digest?
        var more = false
        var seen: UInt16 = 0
        func once(_ bit: UInt16, _ name: String) throws {
            if seen & bit != 0 {
                throw EventCodingError(field: name, problem: "appears twice", fix: "a key may appear only once (strict JSON)")
            }
            seen |= bit
        }
        try s.beginObject()
        while let key = try s.nextKey() {
            if key.equals("seq") {
                try once(1, "seq")
                let v = try readInt(&s, field: "seq")
                guard v >= 1 else { throw EventCodingError(field: "seq", problem: "must be 1 or more") }
                seq = Int(v)
            } else if key.equals("id") {
                try once(2, "id")
                let v = try readString(&s, field: "id")
                guard UUIDText.isCanonical(v) else {
                    throw EventCodingError(field: "id", problem: "\"\(v)\" is not a lowercase UUID")
                }
                id = v
            } else if key.equals("type") {
                try once(4, "type")
                let v = try readString(&s, field: "type")
                guard let t = EventType(rawValue: v) else {
                    throw EventCodingError(field: "type", problem: "\"\(v)\" is not an event type",
                                           fix: "see the event catalogue in the README")
                }
                type = t
            } else if key.equals("occurred") {
                try once(8, "occurred")
                let v = try readString(&s, field: "occurred")
                guard let d = CivilDate(iso: v) else {
                    throw EventCodingError(field: "occurred", problem: "\"\(v)\" is not a real date", fix: "write YYYY-MM-DD")
                }
                occurred = d
            } else if key.equals("recorded") {
                try once(16, "recorded")
                let v = try readString(&s, field: "recorded")
                guard let i = UTCInstant(rfc3339: v), i.rfc3339 == v else {
                    throw EventCodingError(field: "recorded", problem: "\"\(v)\" is not an instant in antq's form",
                                           fix: "antq writes YYYY-MM-DDTHH:MM:SS.ffffffZ")
                }
                recorded = i
            } else if key.equals("unit") {
                try once(32, "unit")
                let v = try readString(&s, field: "unit")
                guard UnitCode.isValid(v) else { throw EventCodingError(field: "unit", problem: "\"\(v)\" is not a unit code") }
                unit = v
                hasUnit = true
            } else if key.equals("by") {
                try once(64, "by")
                let v = try readString(&s, field: "by")
                guard !v.isEmpty, v.utf8.count <= 400, isCanonicalText(v) else {
                    throw EventCodingError(field: "by", problem: "must be a non-empty name in NFC")
                }
                by = v
            } else if key.equals("data") {
                try once(128, "data")
                guard try s.peekKind() == .object else { throw EventCodingError(field: "data", problem: "must be an object") }
                dataFields = try DataField.readObject(&s, path: "data")
            } else if key.equals("prev") {
                try once(256, "prev")
                let v = try readString(&s, field: "prev")
                guard v.utf8.count == 64, v == v.lowercased(), let d = SHA256Digest(hex: v) else {
                    throw EventCodingError(field: "prev", problem: "must be 64 lowercase hex digits")
                }
                prev = d
            } else if key.equals("more") {
                try once(512, "more")
                guard try s.peekKind() == .bool, try s.readBool() else {
                    throw EventCodingError(field: "more", problem: "may only be true", fix: "omit it on the last line of a batch")
                }
                more = true
            } else {
                let name = key.string
                throw EventCodingError(field: name, problem: "is not an envelope field",
                                       fix: "the envelope has seq, id, type, occurred, recorded, unit, by, data, prev")
            }
        }
        try s.expectEnd()
        guard let seq else { throw missing("seq") }
        guard let id else { throw missing("id") }
        guard let type else { throw missing("type") }
        guard let occurred else { throw missing("occurred") }
        guard let recorded else { throw missing("recorded") }
        guard let by else { throw missing("by") }
        guard let dataFields else { throw missing("data") }
        guard let prev else { throw missing("prev") }
        if type == .logCreated {
            if hasUnit { throw EventCodingError(field: "unit", problem: "log.created has no unit") }
        } else if !hasUnit {
            throw missing("unit")
        }
        let data = try DataDecoder.decode(type, dataFields, path: "data", mode: .stored)
        return Event(seq: seq, id: id, occurred: occurred, recorded: recorded, unit: unit, by: by, data: data, prev: prev, more: more)
    }

    static func missing(_ f: String) -> EventCodingError {
        EventCodingError(field: f, problem: "is missing")
    }

    static func readString(_ s: inout JSONScanner, field: String) throws -> String {
        guard try s.peekKind() == .string else {
            throw EventCodingError(field: field, problem: "must be a string")
        }
        return try s.readString()
    }

    static func readInt(_ s: inout JSONScanner, field: String) throws -> Int64 {
        guard try s.peekKind() == .number else {
            throw EventCodingError(field: field, problem: "must be a whole number")
        }
        let n = try s.readNumber()
        guard let i = n.int64 else { throw EventCodingError(field: field, problem: "\(n.text) is not a whole number in range") }
        return i
    }

    static func isCanonicalText(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.first != " " && s.last != " " }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        return isNFC(s) && s.first != " " && s.last != " "
    }
}

/// UUIDs as the log stores them: lowercase 8-4-4-4-12 hex.
public enum UUIDText {
    public static func isCanonical(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != 0x2D { return false }
            } else if !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)) {
                return false
            }
        }
        return true
    }

    /// A random (version 4) UUID in canonical form.
    public static func random<G: RandomNumberGenerator>(using g: inout G) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { b -> String in
            let h = String(b, radix: 16)
            return h.count == 1 ? "0" + h : h
        }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    public static func random() -> String {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }
}
