import EventLog

/// How a CSV says that the read behind it could not check the hash chain
/// (a keyed log read without its key): a last column `chain` holding
/// `not_checked` on every row. Text, Markdown, HTML and JSON say it in
/// their own way (`ReportHeader.chainNotChecked`, the JSON `chain` field);
/// a CSV has no place for a sentence, and a column survives every
/// spreadsheet the file goes through.
public enum ChainMark {
    /// `rows` (header first) with the mark when `chain` was not checked; as they are otherwise.
    public static func csvRows(_ rows: [[String]], _ chain: ChainCheck) -> [[String]] {
        guard chain == .notChecked, let header = rows.first else { return rows }
        return [header + ["chain"]] + rows.dropFirst().map { $0 + [ChainCheck.notChecked.rawValue] }
    }
}
