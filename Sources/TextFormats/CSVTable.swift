
/// A CSV file seen as a header and data rows, so importers look values up by column name.
///
/// Header names are trimmed and NFC-normalised because offices type them by hand: a
/// trailing space or a decomposed "Số vụ" (from macOS) must still find the column.
/// Data rows are left exactly as read.
public struct CSVTable: Sendable {
    /// Column names: whitespace-trimmed and NFC.
    public var header: [String]
    /// The header record as read (for its line number); nil for an empty file.
    public var headerRecord: CSVRecord?
    /// Every record after the header, untouched.
    public var rows: [CSVRecord]

    /// Splits records into header (the first) and rows; an empty list gives an empty table.
    public init(records: [CSVRecord]) {
        headerRecord = records.first
        header = records.first?.fields.map(CSVTable.normaliseName) ?? []
        rows = Array(records.dropFirst())
    }

    /// Reads bytes with `reader` and splits them into header and rows.
    public init(_ bytes: [UInt8], reader: CSVReader = CSVReader()) throws(CSVError) {
        self.init(records: try reader.read(bytes))
    }

    /// Index of the first column whose name matches `column` after trimming and NFC.
    ///
    /// - Note: With duplicate header names the first one wins; check `header` yourself
    ///   if duplicates must be rejected.
    public func columnIndex(_ column: String) -> Int? {
        let wanted = CSVTable.normaliseName(column)
        return header.firstIndex { $0.unicodeScalars.elementsEqual(wanted.unicodeScalars) }
    }

    /// The field of `row` under `column`, or nil if there is no such column or the row is
    /// shorter than the header (a missing value is not the same as an empty one).
    public func value(_ column: String, in row: CSVRecord) -> String? {
        guard let index = columnIndex(column), index < row.fields.count else { return nil }
        return row.fields[index]
    }

    static func normaliseName(_ name: String) -> String {
        nfc(name.trimmingSpacesAndNewlines())
    }
}
