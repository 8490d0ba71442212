/// Text into XML 1.0 bytes, for the two kinds of text a package holds.
///
/// XML 1.0 cannot carry most C0 control characters at all, not even as `&#..;`
/// references, and a parser turns a literal CR into LF. Cell text uses Excel's
/// own escape for those (ST_Xstring: `_xHHHH_`, the UTF-16 code unit in hex),
/// which Excel and LibreOffice decode back, so any text round-trips. The
/// escape makes a literal `_x0041_` ambiguous, so its underscore is written
/// `_x005F_`, as Excel does. LibreOffice also decodes shorter forms (`_x12_`
/// reads as U+0012), and the `_` that ends them may be the start of an escape
/// written for the next character (`_x12` then a vertical tab is `_x12_x000B_`),
/// so the underscore of every `_x` or `_X` followed by a hex digit is escaped.
/// `_x005F_` decodes to `_` in every reader, so escaping more than strictly
/// needed is harmless.
///
/// Work is done on UTF-8 bytes: every character that needs escaping is ASCII
/// except U+FFFE and U+FFFF (EF BF BE, EF BF BF), and the other bytes are
/// copied as they are, so the text's scalars (NFC or not) are kept exactly.
enum XMLEscaping {
    /// Escapes element content or an attribute value. With `excelEscapes`,
    /// characters XML cannot hold become `_xHHHH_` (cell text); without, they
    /// become a space (document properties and the like, which Excel does not
    /// decode). Tab and LF are kept; in attributes they become references so
    /// attribute normalisation does not turn them into spaces.
    static func append(_ text: String, to out: inout [UInt8], excelEscapes: Bool, attribute: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "&"): out.append(contentsOf: amp)
                case UInt8(ascii: "<"): out.append(contentsOf: lt)
                case UInt8(ascii: ">"): out.append(contentsOf: gt)
                case UInt8(ascii: "\""): out.append(contentsOf: quot)
                case UInt8(ascii: "'"): out.append(contentsOf: apos)
                case 0x09, 0x0A:
                    if attribute { appendReference(b, to: &out) } else { out.append(b) }
                case 0x0D:
                    // A literal CR would be read back as LF.
                    if excelEscapes { appendExcelEscape(UInt16(b), to: &out) }
                    else if attribute { appendReference(b, to: &out) }
                    else { out.append(0x20) }
                case 0x00..<0x20:
                    if excelEscapes { appendExcelEscape(UInt16(b), to: &out) } else { out.append(0x20) }
                case UInt8(ascii: "_") where excelEscapes && looksLikeExcelEscape(bytes, at: i):
                    appendExcelEscape(0x5F, to: &out)
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    // U+FFFE and U+FFFF are not XML characters either.
                    if excelEscapes { appendExcelEscape(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out) }
                    else { out.append(0x20) }
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
    }

    /// `_x` or `_X` and a hex digit: the start of something a reader might
    /// decode, whatever follows once the rest of the text is escaped.
    private static func looksLikeExcelEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i + 1] | 0x20 == UInt8(ascii: "x") && isHex(bytes[i + 2])
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x61...0x66).contains(b | 0x20)
    }

    private static func appendExcelEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: "x")])
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
        out.append(UInt8(ascii: "_"))
    }

    private static func appendReference(_ b: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: Array("&#\(b);".utf8))
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&apos;".utf8)
}
