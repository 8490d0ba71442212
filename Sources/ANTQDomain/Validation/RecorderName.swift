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
        let t = trimmed(raw)
        if t.isEmpty {
            throw EventCodingError(field: "by", problem: Text("không có tên người ghi", "nobody is named as the recorder"),
                                   fix: Text("ghi --by TÊN hoặc đặt ANTQ_USER", "give --by NAME or set ANTQ_USER"))
        }
        if let c = t.unicodeScalars.first(where: TextRule.isControl) {
            throw EventCodingError(field: "by",
                                   problem: Text("tên người ghi \(quoted(raw)) chứa ký tự điều khiển (\(codePoint(c)))",
                                                 "the recorder's name \(quoted(raw)) contains a control character (\(codePoint(c)))"),
                                   fix: Text("ghi --by TÊN, hoặc đặt ANTQ_USER là một tên không có dấu xuống dòng, tab hay ký tự điều khiển khác",
                                             "give --by NAME, or set ANTQ_USER to a name without line breaks, tabs or other control characters"))
        }
        if t.unicodeScalars.count > maxLength {
            throw EventCodingError(field: "by", problem: Text("tên người ghi dài quá \(maxLength) ký tự", "the recorder's name is longer than \(maxLength) characters"),
                                   fix: Text("rút gọn còn tối đa \(maxLength) ký tự", "shorten it to at most \(maxLength) characters"))
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
    public static func problem(with v: String) -> Text? {
        do {
            let n = try normalise(v)
            if n.unicodeScalars.elementsEqual(v.unicodeScalars) { return nil }
            let t = trimmed(v)
            return t.unicodeScalars.elementsEqual(v.unicodeScalars)
                ? Text("tên người ghi \(quoted(v)) không ở dạng Unicode NFC", "the recorder's name \(quoted(v)) is not in Unicode NFC")
                : Text("tên người ghi \(quoted(v)) có khoảng trắng hoặc dấu xuống dòng ở đầu hay cuối",
                       "the recorder's name \(quoted(v)) has white space or a line break at an end")
        } catch {
            return error.problem
        }
    }

    /// `v` without white space (line breaks and tabs included) or zero-width spaces at either end: as free text is trimmed.
    static func trimmed(_ v: String) -> String { TextRule.trimmed(v) }

    static func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The name with control characters shown as escapes, for a message.
    static func quoted(_ v: String) -> String { "\"" + ControlEscaping.visible(v) + "\"" }
}
