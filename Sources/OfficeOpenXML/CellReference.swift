/// A1-style cell references, the only kind the sheet XML uses.
///
/// Columns are bijective base 26 (A…Z, AA…AZ, BA…, ZZ, AAA…), not plain base
/// 26: there is no zero digit, which is the classic off-by-one past column Z.
public enum CellReference {
    /// Excel's last column, XFD.
    public static let maximumColumns = 16_384
    /// Excel's last row.
    public static let maximumRows = 1_048_576

    /// The letters of a column, counting from 0: 0 → A, 25 → Z, 26 → AA,
    /// 701 → ZZ, 702 → AAA, 16383 → XFD.
    public static func columnName(_ zeroBased: Int) -> String {
        precondition(zeroBased >= 0, "column index must not be negative")
        var n = zeroBased + 1
        var letters: [UInt8] = []
        while n > 0 {
            n -= 1
            letters.append(UInt8(ascii: "A") + UInt8(n % 26))
            n /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `A1` for row 0, column 0.
    public static func name(row zeroBasedRow: Int, column zeroBasedColumn: Int) -> String {
        precondition(zeroBasedRow >= 0, "row index must not be negative")
        return columnName(zeroBasedColumn) + String(zeroBasedRow + 1)
    }
}
