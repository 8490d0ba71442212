/// Why a workbook was not written. Every case is something Excel would refuse,
/// "repair" or silently change, so it is refused here instead.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A workbook needs at least one sheet.
    case noSheets
    /// See ``Sheet/nameProblem(_:)``; ``Sheet/legalName(_:)`` makes a name legal.
    case invalidSheetName(String, reason: String)
    /// Sheet names are compared without case, as Excel does.
    case duplicateSheetName(String)
    /// `frozenHeaderRows` must be 0 up to the last row Excel has.
    case invalidHeaderRows(sheet: String, count: Int)
    case tooManyRows(sheet: String, count: Int)
    case tooManyColumns(sheet: String, row: Int, count: Int)
    /// Not `-?digits(.digits)?`.
    case invalidNumber(sheet: String, cell: String, text: String)
    /// Display decimals must be 0...30.
    case invalidDecimals(sheet: String, cell: String, decimals: Int)
    /// More than 32,767 UTF-16 code units: Excel would cut it.
    case textTooLong(sheet: String, cell: String, length: Int)
    /// The package would not fit in a ZIP without ZIP64.
    case archive(ZipError)

    public var description: String {
        switch self {
        case .noSheets: return "a workbook needs at least one sheet"
        case .invalidSheetName(let name, let reason): return "invalid sheet name \"\(name)\": \(reason)"
        case .duplicateSheetName(let name): return "two sheets are named \"\(name)\" (names are compared without case)"
        case .invalidHeaderRows(let sheet, let count): return "sheet \"\(sheet)\": \(count) frozen header rows is out of range"
        case .tooManyRows(let sheet, let count): return "sheet \"\(sheet)\" has \(count) rows; Excel holds at most \(CellReference.maximumRows)"
        case .tooManyColumns(let sheet, let row, let count): return "sheet \"\(sheet)\" row \(row) has \(count) cells; Excel holds at most \(CellReference.maximumColumns) columns"
        case .invalidNumber(let sheet, let cell, let text): return "sheet \"\(sheet)\" cell \(cell): \"\(text)\" is not a decimal number (-?digits(.digits)?)"
        case .invalidDecimals(let sheet, let cell, let decimals): return "sheet \"\(sheet)\" cell \(cell): \(decimals) decimals is outside 0...\(Cell.maximumDecimals)"
        case .textTooLong(let sheet, let cell, let length): return "sheet \"\(sheet)\" cell \(cell): \(length) characters; Excel holds at most \(Cell.maximumTextLength) in a cell"
        case .archive(let error): return error.description
        }
    }
}
