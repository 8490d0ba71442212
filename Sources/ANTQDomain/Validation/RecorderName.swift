import TextFormats

/// The one rule for who records an event (`by`), whichever way the name
/// arrives: `--by`, `ANTQ_USER`, the OS user, a batch line, a spreadsheet's
/// "Người nhập" column, a correction or a retraction. The name is normalised
/// the same way everywhere (white space at either end trimmed, line breaks
/// included — a name file saved on Windows ends in a carriage return — then
/// Unicode NFC) and refused the same way everywhere (empty, a control
/// character inside, too long), before anything is written — so antq never
/// writes a name it would not read.
public enum RecorderName {
    /// Longest name accepted, in Unicode scalars.
    public static let maxLength = 200

    /// The name as it is stored, or why it cannot be.
    public static func normalise(_ raw: String) throws(EventCodingError) -> String {
        let fix = "give --by NAME, or set ANTQ_USER to a name without line breaks, tabs or other control characters"
        let t = trimmed(raw)
        if t.isEmpty {
            throw EventCodingError(field: "by", problem: "nobody is named as the recorder", fix: "give --by NAME or set ANTQ_USER")
        }
        if let c = t.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw EventCodingError(field: "by", problem: "the recorder's name \(quoted(raw)) contains a control character (\(codePoint(c)))", fix: fix)
        }
        if t.unicodeScalars.count > maxLength {
            throw EventCodingError(field: "by", problem: "the recorder's name is longer than \(maxLength) characters",
                                   fix: "shorten it to at most \(maxLength) characters")
        }
        return nfc(t)
    }

    /// Whether a stored name is exactly what `normalise` makes of it (a
    /// reader accepts any non-empty name, and warns about one that is not).
    public static func isNormalised(_ v: String) -> Bool {
        guard let n = try? normalise(v) else { return false }
        return n.unicodeScalars.elementsEqual(v.unicodeScalars)
    }

    /// Why a stored name is not one antq would write now, for a warning.
    public static func problem(with v: String) -> String? {
        do {
            let n = try normalise(v)
            if n.unicodeScalars.elementsEqual(v.unicodeScalars) { return nil }
            let t = trimmed(v)
            return t.unicodeScalars.elementsEqual(v.unicodeScalars)
                ? "the recorder's name \(quoted(v)) is not in Unicode NFC"
                : "the recorder's name \(quoted(v)) has white space or a line break at an end"
        } catch {
            return error.problem.en
        }
    }

    /// `v` without white space (any Unicode White_Space, line breaks and
    /// tabs included) or zero-width spaces at either end.
    static func trimmed(_ v: String) -> String {
        let scalars = Array(v.unicodeScalars)
        func blank(_ u: Unicode.Scalar) -> Bool { u.properties.isWhitespace || u == "\u{200B}" || u == "\u{FEFF}" }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        if first == 0 && last == scalars.count - 1 { return v }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }

    static func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The name with control characters shown as escapes, for a message.
    static func quoted(_ v: String) -> String {
        var out = "\""
        for u in v.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F { out += "\\u{" + String(u.value, radix: 16) + "}" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }
}
