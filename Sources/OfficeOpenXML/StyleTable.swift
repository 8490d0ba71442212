/// The cell formats a workbook uses, collected while its sheets are written,
/// then written as `xl/styles.xml`.
///
/// A cell's `s` attribute indexes `cellXfs`; each entry pairs a font (regular or
/// bold, for headers) with a number format. Formats are custom codes
/// `#,##0` / `#,##0.0…` (ids from 164, the first id not built in), because a
/// code in the file shows the same in every version and locale of the reader:
/// `,` and `.` in a code mean "group" and "decimal point", and the reader shows
/// them with the user's separators (1,400 in English, 1.400 in Vietnamese).
/// Entries are kept in order of first use, so the output is deterministic.
struct StyleTable {
    private struct Key: Hashable {
        var bold: Bool
        var decimals: Int?
    }

    /// xf 0 is the default (regular, General) and xf 1 the plain header.
    private var keys: [Key] = [Key(bold: false, decimals: nil), Key(bold: true, decimals: nil)]
    private var index: [Key: Int] = [Key(bold: false, decimals: nil): 0, Key(bold: true, decimals: nil): 1]
    /// Decimals of each custom number format, in order of first use: id 164 + position.
    private var formats: [Int] = []

    /// The `s` value for a cell: 0 when it is the default.
    mutating func style(bold: Bool, decimals: Int?) -> Int {
        let key = Key(bold: bold, decimals: decimals)
        if let i = index[key] { return i }
        if let decimals, !formats.contains(decimals) { formats.append(decimals) }
        keys.append(key)
        index[key] = keys.count - 1
        return keys.count - 1
    }

    /// `#,##0` followed by `.` and `decimals` zeros when there are any.
    static func formatCode(decimals: Int) -> String {
        decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals)
    }

    /// `xl/styles.xml`. Two fills are required (none and gray125) even though
    /// none is used: Excel reports the file as damaged without them.
    func xml() -> [UInt8] {
        var x: [UInt8] = []
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        x.raw(#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#)
        if !formats.isEmpty {
            x.raw(#"<numFmts count="\#(formats.count)">"#)
            for (i, d) in formats.enumerated() {
                x.raw(#"<numFmt numFmtId="\#(164 + i)" formatCode="\#(Self.formatCode(decimals: d))"/>"#)
            }
            x.raw("</numFmts>")
        }
        x.raw(#"<fonts count="2">"#)
        x.raw(#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
        x.raw(#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#)
        x.raw("</fonts>")
        x.raw(#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#)
        x.raw(#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#)
        x.raw(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#)
        x.raw(#"<cellXfs count="\#(keys.count)">"#)
        for key in keys {
            let numFmt = key.decimals.map { d in 164 + formats.firstIndex(of: d)! } ?? 0
            x.raw(#"<xf numFmtId="\#(numFmt)" fontId="\#(key.bold ? 1 : 0)" fillId="0" borderId="0" xfId="0""#)
            if numFmt != 0 { x.raw(#" applyNumberFormat="1""#) }
            if key.bold { x.raw(#" applyFont="1""#) }
            x.raw("/>")
        }
        x.raw("</cellXfs>")
        x.raw(#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#)
        x.raw("</styleSheet>")
        return x
    }
}

/// Every distinct text once, in order of first use, as `xl/sharedStrings.xml`.
///
/// Texts are told apart by their UTF-8 bytes, not by `String ==`, which treats
/// canonically equivalent text (NFC `ệ` and its NFD spelling) as equal: merging
/// them would change what a cell holds.
struct SharedStrings {
    private var positions: [[UInt8]: Int] = [:]
    private var body: [UInt8] = []
    private(set) var uniqueCount = 0
    /// Cells that refer to the table, counted with repeats (the `count` attribute).
    private(set) var references = 0

    /// The index of `text` in the table, adding it on first use.
    mutating func index(of text: String) -> Int {
        references += 1
        let key = Array(text.utf8)
        if let i = positions[key] { return i }
        positions[key] = uniqueCount
        uniqueCount += 1
        // Leading or trailing whitespace, or line breaks and tabs, would be
        // trimmed or folded by some readers without xml:space="preserve".
        let needsPreserve = key.first.map(Self.isSpace) == true || key.last.map(Self.isSpace) == true
            || key.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        body.raw(needsPreserve ? #"<si><t xml:space="preserve">"# : "<si><t>")
        XMLEscaping.append(text, to: &body, excelEscapes: true)
        body.raw("</t></si>")
        return uniqueCount - 1
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    func xml() -> [UInt8] {
        var x: [UInt8] = []
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        x.raw(#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(uniqueCount)">"#)
        x.append(contentsOf: body)
        x.raw("</sst>")
        return x
    }
}

extension Array where Element == UInt8 {
    /// Markup written as it is: only for text with nothing to escape.
    mutating func raw(_ s: String) { append(contentsOf: s.utf8) }
}
