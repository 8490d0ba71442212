import TextFormats

/// The one rule for free text in data fields (names, recipients, reasons,
/// case references, notes), whichever way it arrives (flags, a batch line,
/// a spreadsheet cell, a correction): normalised (white space at either end
/// trimmed, line breaks included — a cell or a file saved on Windows ends
/// in a carriage return — then Unicode NFC) and refused when empty, when it
/// holds a control character (C0, DEL or C1), or when too long. A stored line is read as
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
        if let c = t.unicodeScalars.first(where: isControl) {
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

    /// True only when a text's UTF-8 is certainly what `normalise` makes
    /// of it, judged from the bytes alone: printable ASCII, Latin letters
    /// (U+00A1–U+02FF) and the precomposed Vietnamese letters (U+1E00–U+1EFF),
    /// none of which is white space, a control character or changed by NFC,
    /// with no space at either end and at most `maxLength` characters.
    /// False means "ask `isCanonical`": any other text, or a backslash
    /// (a JSON escape the caller has not undone).
    @inlinable
    public static func isSurelyCanonical(utf8 u: some Collection<UInt8>, maxLength: Int) -> Bool {
        guard let first = u.first, first != 0x20 else { return false }
        var scalars = 0
        var last: UInt8 = 0
        var i = u.startIndex
        while i != u.endIndex {
            let c = u[i]
            if c >= 0x20 && c < 0x7F {
                if c == 0x5C { return false }
                scalars += 1
                last = c
                u.formIndex(after: &i)
                continue
            }
            u.formIndex(after: &i)
            guard i != u.endIndex else { return false }
            let c1 = u[i]
            guard c1 & 0xC0 == 0x80 else { return false }
            if c >= 0xC2 && c <= 0xCB {
                // U+00A1…U+02FF (not U+0080…U+00A0: C1 controls and the no-break space).
                if c == 0xC2 && c1 <= 0xA0 { return false }
            } else if c == 0xE1 {
                // U+1E00…U+1EFF: E1 B8 80 … E1 BB BF.
                guard c1 >= 0xB8 && c1 <= 0xBB else { return false }
                u.formIndex(after: &i)
                guard i != u.endIndex, u[i] & 0xC0 == 0x80 else { return false }
            } else {
                return false
            }
            scalars += 1
            last = 0x80
            u.formIndex(after: &i)
        }
        return last != 0x20 && scalars <= maxLength
    }

    /// `s` without white space at either end (line breaks and tabs included),
    /// nor the zero-width space or byte-order mark (`isTrimmedSpace`).
    public static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return s }
        if first > 0x20 && last > 0x20 && first < 0x80 && last < 0x80 { return s }
        guard let a = s.unicodeScalars.first, let z = s.unicodeScalars.last, isTrimmedSpace(a) || isTrimmedSpace(z) else { return s }
        var scalars = Array(s.unicodeScalars)
        while let f = scalars.first, isTrimmedSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isTrimmedSpace(l) { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// White space (line breaks included) and the invisible zero-width
    /// space and byte-order mark that spreadsheets leave at either end.
    @inline(__always)
    public static func isTrimmedSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\u{200B}" || c == "\u{FEFF}" || c.properties.isWhitespace
    }

    /// A control character: C0 (below U+0020), DEL, C1 (U+0080–U+009F,
    /// which includes the next-line character U+0085), a line or paragraph
    /// separator (U+2028, U+2029), or a mark that turns the direction of text (U+061C, U+200E–U+200F, U+202A–U+202E,
    /// U+2066–U+2069): no Vietnamese text needs one, and a case reference
    /// holding U+202E is shown reversed.
    @inline(__always)
    public static func isControl(_ c: Unicode.Scalar) -> Bool { ControlEscaping.isControl(c) }
}
