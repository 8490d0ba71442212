/// Text shown on a terminal with its control characters made visible.
/// antq refuses them in new input, but a line written by an older antq or
/// by hand may hold one, and an escape sequence printed raw would move the
/// cursor, recolour or rewrite what the reader sees.
public enum ControlEscaping {
    /// `s` with each C0 control (line breaks and tabs too), DEL and C1
    /// control written as `\u{…}`; unchanged (the same storage) when it has none.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isControl(u) { out.append(contentsOf: "\\u{\(String(u.value, radix: 16))}".unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    @inline(__always)
    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7F...0x9F).contains(u.value) }
}
