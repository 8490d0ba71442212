/// One record of a CSV file, as written, with where it came from.
///
/// `line` lets every later error (bad date, unknown unit) point at the spreadsheet row
/// the user can open; it is the physical line where the record starts, which differs
/// from `number` once a quoted field spans several lines.
public struct CSVRecord: Equatable, Sendable {
    /// The fields exactly as in the file (no trimming, no normalisation).
    public var fields: [String]
    /// 1-based physical line where the record starts.
    public var line: Int
    /// 1-based index of the record; the header, if any, is record 1.
    public var number: Int

    public init(fields: [String], line: Int, number: Int) {
        self.fields = fields
        self.line = line
        self.number = number
    }
}
