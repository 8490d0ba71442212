import TextFormats

/// Cells a number column holds that read as two numbers a thousand times
/// apart, depending on the number style: "1.400" is 1400 in Vietnamese (a
/// dot groups thousands) and 1.4 in English; "1,400" the other way round.
/// Only a single separator followed by exactly three digits is read both
/// ways: "1.400.000" or "1,4" can only be read one way, and a whole-number
/// column takes only its style's grouping (a decimal separator there is
/// refused, see `RecordBuilder.typedWholeNumber`). An import reads
/// such cells in the file's style (`SheetNumberStyle`) and, when only the
/// header decided it, says so, never silently.
public enum AmbiguousNumbers {
    public struct Cell: Sendable, Equatable {
        public var line: Int
        public var column: String
        public var text: String

        public init(line: Int, column: String, text: String) {
            self.line = line
            self.column = column
            self.text = text
        }
    }

    /// The ambiguous cells of the table's columns that hold a decimal (a
    /// declared quantity, an amount), in file order.
    public static func cells(_ table: CSVTable, columns: ImportColumns) -> [Cell] {
        let decimalColumns = SheetNumberStyle.numberColumns(columns, decimalsOnly: true)
        var out: [Cell] = []
        for record in table.rows {
            for i in decimalColumns where i < record.fields.count {
                let t = TextRule.trimmed(record.fields[i])
                if isAmbiguous(t) { out.append(Cell(line: record.line, column: columns.header[i], text: t)) }
            }
        }
        return out
    }

    /// One to three digits, one `.` or `,`, then exactly three digits.
    public static func isAmbiguous(_ t: String) -> Bool {
        let u = Array(t.utf8)
        guard (5...7).contains(u.count), let sep = u.firstIndex(where: { $0 == 0x2E || $0 == 0x2C }), u.count - sep == 4 else { return false }
        return (1...3).contains(sep) && u.enumerated().allSatisfy { $0.offset == sep || (0x30...0x39).contains($0.element) }
    }
}
