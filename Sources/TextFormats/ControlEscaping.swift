/// Text shown on a terminal with its control characters made visible.
/// antq refuses them in new input, but a line written by an older antq or
/// by hand may hold one, and an escape sequence printed raw would move the
/// cursor, recolour or rewrite what the reader sees.
public enum ControlEscaping {
    /// `s` with each C0 control (line breaks and tabs too), DEL, C1 control,
    /// line or paragraph separator and text-direction mark written as `\u{…}`; unchanged (the same
    /// storage) when it has none.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isControl(u) { out.append(contentsOf: "\\u{\(String(u.value, radix: 16))}".unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// C0, DEL, C1, the line and paragraph separators (U+2028, U+2029: a
    /// line break by another name), and the marks that turn the direction
    /// of text (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069).
    @inline(__always)
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0xA0 { return v < 0x20 || v >= 0x7F }
        return v == 0x61C || v == 0x200E || v == 0x200F || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
