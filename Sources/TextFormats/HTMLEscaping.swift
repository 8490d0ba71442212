/// `s` safe to put in HTML text or in a quoted attribute value (`"` or `'`).
///
/// Escapes `&` `<` `>` `"` `'`; unit names like "Công an H. Dầu Tiếng & Bàu Bàng" or a
/// stray `<` in a note must show as written in HTML reports, never become markup.
public func escapeHTML(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out.append(contentsOf: "&amp;".unicodeScalars)
        case "<": out.append(contentsOf: "&lt;".unicodeScalars)
        case ">": out.append(contentsOf: "&gt;".unicodeScalars)
        case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
        case "'": out.append(contentsOf: "&#39;".unicodeScalars)
        default: out.append(scalar)
        }
    }
    return String(out)
}
