import TextFormats

/// How a spreadsheet writes its numbers, decided once per file: a file is
/// written one way, and the same cell must not be read as 1400 by one
/// clerk and 1.4 by another because their screens speak different
/// languages.
///
/// The cells decide where they can: `1,4`, `1.234.567` and `1.234,5` are
/// Vietnamese only; `1.4`, `1,234,567` and `1,234.5` English only. Where
/// every cell reads both ways (`1.400`) or has no separator, the header
/// decides: Vietnamese column names (with diacritics) mean Vietnamese
/// numbers; field names, as `antq export` writes them, mean the export's
/// own numbers (a point before the decimals). A file whose cells disagree
/// is refused: no one reading fits it.
public enum SheetNumberStyle {
    public enum Decision: Sendable, Equatable {
        /// Read in this style; `byCell` names a cell that can only be read so (nil: decided by the header).
        case style(vietnamese: Bool, byCell: AmbiguousNumbers.Cell?)
        /// Cells written both ways: one of each.
        case mixed(vietnamese: AmbiguousNumbers.Cell, english: AmbiguousNumbers.Cell)
    }

    public static func decide(_ table: CSVTable, columns: ImportColumns) -> Decision {
        var vi: AmbiguousNumbers.Cell?, en: AmbiguousNumbers.Cell?
        let numeric = numberColumns(columns)
        for record in table.rows {
            for i in numeric where i < record.fields.count {
                let t = TextRule.trimmed(record.fields[i])
                switch onlyReading(t) {
                case true?: if vi == nil { vi = AmbiguousNumbers.Cell(line: record.line, column: columns.header[i], text: t) }
                case false?: if en == nil { en = AmbiguousNumbers.Cell(line: record.line, column: columns.header[i], text: t) }
                case nil: break
                }
            }
        }
        switch (vi, en) {
        case let (v?, e?): return .mixed(vietnamese: v, english: e)
        case let (v?, nil): return .style(vietnamese: true, byCell: v)
        case let (nil, e?): return .style(vietnamese: false, byCell: e)
        case (nil, nil):
            let vietnameseHeader = columns.targets.indices.contains { columns.targets[$0] != .ignored && columns.header[$0].unicodeScalars.contains { !$0.isASCII } }
            return .style(vietnamese: vietnameseHeader, byCell: nil)
        }
    }

    /// True when a number can only be Vietnamese, false when only English,
    /// nil when it reads both ways or is no grouped or decimal number.
    public static func onlyReading(_ t: String) -> Bool? {
        let body = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let points = body.filter { $0 == "." }.count, commas = body.filter { $0 == "," }.count
        switch (points, commas) {
        case (0, 0): return nil
        case (_, 0): return points > 1 ? true : decimalsAfter(body, ".") ? false : nil
        case (0, _): return commas > 1 ? false : decimalsAfter(body, ",") ? true : nil
        default: return body.lastIndex(of: ",")! > body.lastIndex(of: ".")!
        }
    }

    /// A single separator followed by anything but exactly three digits starts decimals.
    private static func decimalsAfter(_ body: Substring, _ separator: Character) -> Bool {
        guard let at = body.firstIndex(of: separator) else { return false }
        return body[body.index(after: at)...].count != 3 || body[..<at].isEmpty
    }

    /// Columns holding a number: counts, quantities, amounts.
    static func numberColumns(_ columns: ImportColumns) -> [Int] {
        let spec = columns.type.spec
        return columns.targets.enumerated().compactMap { i, target -> Int? in
            guard case .data(let name) = target else { return nil }
            if columns.type == .indicatorRecorded && name == IndicatorRecorded.value.name { return i }
            switch spec.field(named: name)?.kind {
            case .count?, .quantity?, .amount?: return i
            default: return nil
            }
        }
    }
}
