import TextFormats

/// The one rule for free text in data fields (names, recipients, reasons,
/// case references, notes), whichever way it arrives: normalised (white
/// space at either end trimmed, Unicode NFC) and refused when empty, when it
/// holds a control character, or when too long. A stored line is read as
/// written: antq wrote it through this rule, and a text it once wrote
/// otherwise is kept with a note rather than refused.
public enum TextRule {
    /// The text as antq stores it, or why it cannot be.
    public static func normalise(_ raw: String, maxLength: Int) -> Result<String, EventCodingError> {
        let t = trimmed(raw)
        if t.isEmpty {
            return .failure(EventCodingError(field: nil, problem: Text("{field} không được để trống", "{field} must not be empty"),
                                             fix: Text("ghi một giá trị, hoặc bỏ trường nếu không bắt buộc", "give a value, or leave the field out if it is optional")))
        }
        if let c = t.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            let cp = RecorderName.codePoint(c)
            return .failure(EventCodingError(field: nil, problem: Text("{field} chứa ký tự điều khiển (\(cp))", "{field} contains a control character (\(cp))"),
                                             fix: Text("bỏ các dấu xuống dòng, tab và ký tự NUL", "remove line breaks, tabs and NUL bytes")))
        }
        if t.unicodeScalars.count > maxLength {
            return .failure(EventCodingError(field: nil, problem: Text("{field} dài quá \(maxLength) ký tự", "{field} is longer than \(maxLength) characters"),
                                             fix: Text("rút gọn còn tối đa \(maxLength) ký tự", "shorten it to at most \(maxLength) characters")))
        }
        return .success(nfc(t))
    }

    /// Whether a stored text is exactly what `normalise` makes of it.
    public static func isCanonical(_ s: String, maxLength: Int) -> Bool {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return !s.isEmpty && s.first != " " && s.last != " " && s.utf8.count <= maxLength
        }
        guard case .success(let n) = normalise(s, maxLength: maxLength) else { return false }
        return n.unicodeScalars.elementsEqual(s.unicodeScalars)
    }

    /// `s` without surrounding spaces (tab, Unicode space separators, zero-width space).
    public static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 && first < 0x80 && last < 0x80 { return s }
        guard let a = s.unicodeScalars.first, let z = s.unicodeScalars.last, isTrimmedSpace(a) || isTrimmedSpace(z) else { return s }
        var scalars = Array(s.unicodeScalars)
        while let f = scalars.first, isTrimmedSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isTrimmedSpace(l) { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    @inline(__always)
    public static func isTrimmedSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\u{200B}" || c == "\u{FEFF}" || c.properties.generalCategory == .spaceSeparator
    }
}
