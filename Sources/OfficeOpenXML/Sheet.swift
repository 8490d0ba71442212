/// One worksheet: a name and rows of cells, the first `frozenHeaderRows` of
/// which are bold and stay in view when scrolling (the header clerks look for).
///
/// Rows may have different lengths; ``Cell/empty`` and missing trailing cells
/// are both simply absent from the file.
public struct Sheet: Sendable, Equatable {
    public var name: String
    public var rows: [[Cell]]
    public var frozenHeaderRows: Int

    /// `name` must satisfy Excel's rules (see ``nameProblem(_:)``); pass it
    /// through ``legalName(_:)`` when it comes from data.
    public init(name: String, rows: [[Cell]], frozenHeaderRows: Int = 1) {
        self.name = name
        self.rows = rows
        self.frozenHeaderRows = frozenHeaderRows
    }

    /// Excel's longest sheet name, in UTF-16 code units.
    public static let maximumNameLength = 31
    /// Characters Excel does not allow in a sheet name: they have meanings in
    /// references such as `'Sheet'!A1` and in paths.
    public static let forbiddenNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why Excel would refuse `name`, or nil if it is acceptable: empty, longer
    /// than 31, a forbidden character or one XML cannot hold, an apostrophe at
    /// either end, or `History` (reserved by Excel for change tracking).
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf16.count > maximumNameLength { return "it is longer than \(maximumNameLength) characters" }
        if let bad = name.first(where: { forbiddenNameCharacters.contains($0) }) { return "it contains \"\(bad)\"" }
        if name.unicodeScalars.contains(where: isUnwritable) { return "it contains a control character" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "it begins or ends with an apostrophe" }
        if name.lowercased() == "history" { return "\"History\" is reserved by Excel" }
        return nil
    }

    /// A name Excel accepts, made from any text: forbidden and control
    /// characters become `_`, apostrophes at the ends are dropped, the result is
    /// cut to 31 UTF-16 units on a character boundary, an empty result becomes
    /// `Sheet`, and `History` becomes `History_`.
    public static func legalName(_ raw: String) -> String {
        var name = String(raw.map { ch -> Character in
            forbiddenNameCharacters.contains(ch) || ch.unicodeScalars.contains(where: isUnwritable) ? "_" : ch
        })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        name = cut(name, to: maximumNameLength)
        while name.hasSuffix("'") { name.removeLast() }
        if name.isEmpty { return "Sheet" }
        if name.lowercased() == "history" { return name + "_" }
        return name
    }

    /// ``legalName(_:)`` of each, then made unique without case by a ` (2)`,
    /// ` (3)`… suffix, shortening the name to keep within 31.
    public static func legalNames(_ raws: [String]) -> [String] {
        var taken: Set<String> = []
        return raws.map { raw in
            let base = legalName(raw)
            var candidate = base
            var n = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = cut(base, to: maximumNameLength - suffix.utf16.count) + suffix
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Scalars XML 1.0 cannot carry: C0 controls other than tab, LF, CR, and
    /// U+FFFE, U+FFFF. Excel allows none of C0 in a name.
    static func isUnwritable(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF
    }

    /// The longest prefix of whole characters within `limit` UTF-16 units.
    private static func cut(_ s: String, to limit: Int) -> String {
        var out = "", units = 0
        for ch in s {
            let w = ch.utf16.count
            if units + w > limit { break }
            out.append(ch)
            units += w
        }
        return out
    }
}
