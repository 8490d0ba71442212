/// Trimming without Foundation (see `nfc` for why antq avoids it).
extension String {
    /// Without surrounding tabs, space separators (Unicode Zs) and zero
    /// width spaces: what Foundation's `CharacterSet.whitespaces` trims (a
    /// name pasted from a web page may end in U+200B). The common case,
    /// nothing to trim, returns `self` without copying.
    public func trimmingSpaces() -> String {
        trimming(String.isSpace)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c == "\u{200B}" || c.properties.generalCategory == .spaceSeparator
    }

    /// Also without line breaks (LF, VT, FF, CR, NEL, LS, PS), as
    /// `CharacterSet.whitespacesAndNewlines`.
    public func trimmingSpacesAndNewlines() -> String {
        trimming { c in
            switch c.value {
            case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
            default: String.isSpace(c)
            }
        }
    }

    /// Without the scalars `isSpace` accepts at either end.
    public func trimming(_ isSpace: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
