import TextFormats

/// Typed access to the fields of one `data` object with catalogue-quality
/// errors: every field is checked, unknown fields are refused, and each
/// message says what was expected.
struct FieldReader {
    let fields: [DataField]
    let path: String
    let mode: FieldMode
    var strict: Bool { mode == .stored }
    /// Which fields were read (parallel to `fields`): what is left unread is unknown.
    private(set) var used: [Bool]

    init(_ fields: [DataField], path: String, mode: FieldMode) {
        self.fields = fields
        self.path = path
        self.mode = mode
        self.used = [Bool](repeating: false, count: fields.count)
    }

    func fieldPath(_ k: String) -> String { path.isEmpty ? k : "\(path).\(k)" }

    mutating func raw(_ k: String) -> DataField.Value? {
        guard let i = fields.firstIndex(where: { $0.key == k }) else { return nil }
        used[i] = true
        return fields[i].value
    }

    mutating func string(_ k: String, required: Bool = true, maxLength: Int = 500) throws -> String? {
        guard let given = raw(k), given != .null || required else {
            if required { throw EventCodingError(field: fieldPath(k), problem: "is missing", fix: "add \"\(k)\": \"…\"") }
            return nil
        }
        var v = given
        if mode != .stored, case .int(let i) = v { v = .string(String(i)) }
        guard case .string(let s) = v else {
            throw EventCodingError(field: fieldPath(k), problem: "must be a string, found \(DataField(key: k, value: v).kindName)",
                                   fix: "write it in quotes, e.g. \"\(k)\": \"…\"")
        }
        let t = FieldReader.trimmed(s)
        if t.isEmpty {
            throw EventCodingError(field: fieldPath(k), problem: "must not be empty", fix: "give a value, or leave the field out if it is optional")
        }
        if t.unicodeScalars.count > maxLength {
            throw EventCodingError(field: fieldPath(k), problem: "is longer than \(maxLength) characters",
                                   fix: "shorten it to at most \(maxLength) characters")
        }
        if t.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw EventCodingError(field: fieldPath(k), problem: "contains a control character", fix: "remove line breaks, tabs and NUL bytes")
        }
        let canonical = nfc(t)
        // Scalar by scalar: Swift's `!=` on String ignores normalisation and would let NFD through.
        if strict && !canonical.unicodeScalars.elementsEqual(s.unicodeScalars) {
            throw EventCodingError(field: fieldPath(k), problem: "is not in canonical form (Unicode NFC, no surrounding spaces)",
                                   fix: "antq writes NFC; a line that is not was written by something else")
        }
        return canonical
    }

    mutating func requiredString(_ k: String, maxLength: Int = 500) throws -> String {
        try string(k, required: true, maxLength: maxLength)!
    }

    mutating func int(_ k: String, min lo: Int, max hi: Int, default def: Int? = nil) throws -> Int {
        guard let given = raw(k) else {
            if let def { return def }
            throw EventCodingError(field: fieldPath(k), problem: "is missing", fix: "add \"\(k)\": a whole number from \(lo) to \(hi)")
        }
        var v = given
        if mode == .flags, case .string(let text) = v, let i = Int64(text) { v = .int(i) }
        switch v {
        case .int(let i):
            guard i >= Int64(lo), i <= Int64(hi) else {
                throw EventCodingError(field: fieldPath(k), problem: "is \(i), outside \(lo)…\(hi)",
                                       fix: "give a whole number from \(lo) to \(hi)")
            }
            return Int(i)
        case .number(let text, _):
            throw EventCodingError(field: fieldPath(k), problem: "is \(text), not a whole number in range",
                                   fix: "give a whole number from \(lo) to \(hi)")
        default:
            throw EventCodingError(field: fieldPath(k), problem: "must be a whole number, found \(DataField(key: k, value: v).kindName)",
                                   fix: "write it without quotes, e.g. \"\(k)\": \(max(lo, 1))")
        }
    }

    mutating func optionalInt(_ k: String, min lo: Int, max hi: Int) throws -> Int? {
        guard let v = raw(k), v != .null else { return nil }
        _ = v
        return try int(k, min: lo, max: hi)
    }

    mutating func bool(_ k: String, default def: Bool? = nil) throws -> Bool? {
        guard let v = raw(k), v != .null else {
            if let def { return def }
            return nil
        }
        if mode == .flags, case .string(let text) = v {
            switch foldVietnamese(text) {
            case "true", "yes", "y", "1", "co": return true
            case "false", "no", "n", "0", "khong": return false
            default: break
            }
        }
        guard case .bool(let b) = v else {
            throw EventCodingError(field: fieldPath(k), problem: "must be true or false, found \(DataField(key: k, value: v).kindName)",
                                   fix: "write true or false, without quotes")
        }
        return b
    }

    mutating func requiredBool(_ k: String) throws -> Bool {
        guard let b = try bool(k) else {
            throw EventCodingError(field: fieldPath(k), problem: "is missing", fix: "add \"\(k)\": true or false")
        }
        return b
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ k: String, _ type: T.Type, required: Bool = true) throws -> T? where T.RawValue == String {
        guard let s = try string(k, required: required) else { return nil }
        guard let v = T(rawValue: s) else {
            throw EventCodingError(field: fieldPath(k), problem: "\"\(s)\" is not one of: \(choices(T.self))",
                                   fix: "write one of those values exactly as listed")
        }
        return v
    }

    mutating func object(_ k: String) throws -> [DataField]? {
        guard let v = raw(k), v != .null else { return nil }
        guard case .object(let f) = v else {
            throw EventCodingError(field: fieldPath(k), problem: "must be an object, found \(DataField(key: k, value: v).kindName)",
                                   fix: "write it as \"\(k)\": {…}")
        }
        return f
    }

    /// `s` without surrounding spaces; the common case (nothing to trim) allocates nothing.
    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 && first < 0x80 && last < 0x80 { return s }
        // `CharacterSet.whitespaces` is tab and the space separators (Zs):
        // if neither end scalar is one, there is nothing to trim (and
        // Foundation's trimming is costly on a Vietnamese name).
        guard let a = s.unicodeScalars.first, let z = s.unicodeScalars.last, isTrimmedSpace(a) || isTrimmedSpace(z) else { return s }
        return s.trimmingSpaces()
    }

    /// Whether `trimmed` would cut this scalar at an end of a string (the
    /// batch fast path asks the same question to know it may skip trimming).
    @inline(__always)
    static func isTrimmedSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\u{200B}" || c.properties.generalCategory == .spaceSeparator
    }

    /// Refuses fields the catalogue does not define for this type.
    func rejectUnknown(type: EventType) throws {
        for (i, f) in fields.enumerated() where !used[i] {
            throw EventCodingError(field: fieldPath(f.key), problem: "is not a field of \(type.rawValue)",
                                   fix: "remove it; see the event catalogue in the README")
        }
    }
}


/// How a `data` object reached antq: a stored line must already be
/// canonical; JSON input is normalised (NFC, trimmed); values typed as
/// command-line flags arrive as text and are converted ("3" → 3, "có" → true).
public enum FieldMode: Sendable, Equatable {
    case stored, input, flags
}
