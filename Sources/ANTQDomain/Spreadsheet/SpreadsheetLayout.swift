import TextFormats

/// The shape of a sheet clerks keep: a title and blank rows above the
/// header, the data, then a totals row ("Tổng cộng;;;3"). The header is
/// found rather than assumed on line 1, and the totals row is a check on
/// the rows above it, never a row of data.
public enum SpreadsheetLayout {
    /// How far down a header is looked for.
    public static let headerSearchRows = 20

    /// The index in `records` of the header: the record on physical line
    /// `line` when given (`--header-row`), else the first record (of the
    /// first 20) in which at least two cells name known columns, else the
    /// first record (whose unknown headers are then reported as usual).
    public static func headerIndex(_ records: [CSVRecord], type: EventType, declared: [String] = [], line: Int? = nil) -> Int? {
        if let line { return records.firstIndex { $0.line == line } }
        for (i, r) in records.prefix(headerSearchRows).enumerated()
        where ImportColumns.recognisedColumns(r.fields, type: type, declared: declared) >= 2 {
            return i
        }
        return records.isEmpty ? nil : 0
    }

    /// Words that open a totals row, folded (no diacritics, lower case).
    static let totalWords: Set<String> = ["tong cong", "cong", "tong", "total", "tong so", "cong so"]

    /// Whether a row is a totals row: its first non-empty cell is one of
    /// "Tổng cộng", "Cộng", "Tổng", "Total" (a trailing ":" allowed).
    public static func isTotals(_ cells: [String]) -> Bool {
        guard let first = cells.first(where: { !$0.trimmingSpaces().isEmpty }) else { return false }
        var folded = foldVietnamese(first.trimmingSpaces())
        if folded.hasSuffix(":") { folded.removeLast() }
        return totalWords.contains(folded.trimmingSpaces())
    }

    /// A column whose total the totals row states and the rows do not add up to.
    public struct TotalMismatch: Sendable, Equatable {
        public var column: String
        public var stated: Int64
        public var sum: Int64
        public var line: Int

        public func message(path: String, vietnamese: Bool) -> String {
            vietnamese
                ? "\(path):\(line): dòng tổng cộng ghi \(column) là \(NumberStyle.vietnamese.format(Int(stated))) nhưng các dòng cộng lại được \(NumberStyle.vietnamese.format(Int(sum)))"
                : "\(path):\(line): the totals row gives \(column) as \(NumberStyle.english.format(Int(stated))) but the rows add up to \(NumberStyle.english.format(Int(sum)))"
        }
    }

    /// Checks the totals row against the rows: every column that is a
    /// data field and holds a whole number in the totals row must equal
    /// the sum of that column (empty cells count 0). Numbers may be grouped
    /// either way ("3.630", "3,630"). A column with a cell that is not a
    /// whole number is not checked (it holds no count).
    /// - Parameter vietnamese: the file's number style (`SheetNumberStyle`):
    ///   cells are read as the rows are, so "3,75" is never taken for 375.
    public static func mismatches(totals: CSVRecord, rows: [CSVRecord], columns: ImportColumns, vietnamese: Bool) -> [TotalMismatch] {
        var out: [TotalMismatch] = []
        func whole(_ cell: String) -> Int64? { RecordBuilder.typedWholeNumber(TextRule.trimmed(cell), vietnamese: vietnamese) }
        for (i, target) in columns.targets.enumerated() {
            guard case .data = target, i < totals.fields.count, let stated = whole(totals.fields[i]) else { continue }
            var sum: Int64 = 0
            var checkable = true
            for r in rows where i < r.fields.count {
                let cell = r.fields[i].trimmingSpaces()
                if cell.isEmpty { continue }
                guard let n = whole(cell) else { checkable = false; break }
                sum += n
            }
            if checkable && sum != stated { out.append(TotalMismatch(column: columns.header[i], stated: stated, sum: sum, line: totals.line)) }
        }
        return out
    }
}
