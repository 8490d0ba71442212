import TextFormats

/// How a spreadsheet writes its numbers, decided once per file: a file is
/// written one way, and the same cell must not be read as 1400 by one
/// clerk and 1.4 by another because their screens speak different
/// languages.
///
/// The cells decide where they can: `1,4`, `1.234.567` and `1.234,5` are
/// Vietnamese only; `1.4`, `1,234,567` and `1,234.5` English only. Where
/// every cell reads both ways (`1.400`) or has no separator, the header
/// decides: field names (as `antq export` writes them) or English labels
/// mean English numbers, the export's own (a point before the decimals);
/// any header typed the Vietnamese way, with or without diacritics, means
/// Vietnamese numbers. A file whose cells disagree
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
            return .style(vietnamese: !headerIsEnglish(columns), byCell: nil)
        }
    }

    /// Whether every column read is headed by its field's name (as `antq
    /// export` writes it) or its English label: an English sheet. A header
    /// typed the Vietnamese way, with or without diacritics ("So luong"),
    /// is Vietnamese.
    static func headerIsEnglish(_ columns: ImportColumns) -> Bool {
        let envelope: [String: [String]] = ["occurred": ["date"], "unit": ["unit code"], "by": ["recorded by"], "id": ["event id"]]
        func spellings(_ t: ImportColumns.Target) -> [String]? {
            switch t {
            case .ignored, .typeCheck: return nil
            case .envelope(let name): return [name] + (envelope[name] ?? [])
            case .data(let name):
                let bare = name.hasPrefix("new.") ? String(name.dropFirst(4)) : name
                let label = columns.type.spec.field(named: bare)?.label.en
                return [name, bare, bare.replacing("_", with: " ")] + (label.map { [$0] } ?? [])
            }
        }
        var any = false
        for (i, t) in columns.targets.enumerated() {
            guard let names = spellings(t) else { continue }
            any = true
            let typed = foldVietnamese(TextRule.trimmed(columns.header[i])).lowercased()
            if !names.contains(where: { $0.lowercased() == typed }) { return false }
        }
        return any
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

    /// Columns holding a number: counts, quantities, amounts (with
    /// `decimalsOnly`, the quantities and amounts alone).
    static func numberColumns(_ columns: ImportColumns, decimalsOnly: Bool = false) -> [Int] {
        let spec = columns.type.spec
        return columns.targets.enumerated().compactMap { i, target -> Int? in
            guard case .data(let name) = target else { return nil }
            if columns.type == .indicatorRecorded && name == IndicatorRecorded.value.name { return i }
            switch spec.field(named: name)?.kind {
            case .quantity?, .amount?: return i
            case .count?: return decimalsOnly ? nil : i
            default: return nil
            }
        }
    }
}
