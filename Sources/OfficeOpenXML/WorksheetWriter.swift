/// Writes one `xl/worksheets/sheetN.xml`, registering its texts and formats in
/// the workbook's shared tables as it goes.
///
/// Elements follow the order the schema (CT_Worksheet) prescribes, since Excel
/// rejects them out of order: dimension, sheetViews, sheetFormatPr, cols,
/// sheetData, pageMargins.
enum WorksheetWriter {
    /// Column widths in characters of the default font: at least Excel's usual
    /// 8.43 rounded up, at most wide enough for a sentence, so one long note
    /// does not push the other columns out of sight.
    static let minimumWidth = 9
    static let maximumWidth = 60

    static func xml(for sheet: Sheet, selected: Bool, strings: inout SharedStrings, styles: inout StyleTable) throws(SpreadsheetError) -> [UInt8] {
        let name = sheet.name
        guard sheet.rows.count <= CellReference.maximumRows else { throw .tooManyRows(sheet: name, count: sheet.rows.count) }
        guard sheet.frozenHeaderRows >= 0, sheet.frozenHeaderRows < CellReference.maximumRows else {
            throw .invalidHeaderRows(sheet: name, count: sheet.frozenHeaderRows)
        }

        var data: [UInt8] = []
        var widths: [Int] = []
        var columnNames: [String] = []
        var lastRow = 0, lastColumn = 0
        for (r, row) in sheet.rows.enumerated() {
            guard row.count <= CellReference.maximumColumns else { throw .tooManyColumns(sheet: name, row: r + 1, count: row.count) }
            guard row.contains(where: { $0 != .empty }) else { continue }
            let header = r < sheet.frozenHeaderRows
            let rowNumber = String(r + 1)
            data.raw(#"<row r="\#(rowNumber)">"#)
            for (c, cell) in row.enumerated() where cell != .empty {
                while columnNames.count <= c { columnNames.append(CellReference.columnName(columnNames.count)) }
                let ref = columnNames[c] + rowNumber
                try appendCell(cell, ref: ref, header: header, sheet: name, to: &data, strings: &strings, styles: &styles)
                while widths.count <= c { widths.append(0) }
                widths[c] = max(widths[c], cell.displayLength + (header ? 1 : 0))
                lastColumn = max(lastColumn, c)
            }
            data.raw("</row>")
            lastRow = r
        }

        var x: [UInt8] = []
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        x.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        let lastCell = CellReference.name(row: lastRow, column: lastColumn)
        x.raw(#"<dimension ref="\#(lastCell == "A1" ? "A1" : "A1:" + lastCell)"/>"#)
        x.raw(#"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0""#)
        if sheet.frozenHeaderRows > 0 {
            // Rows above the split stay put; the view scrolls from topLeftCell.
            let top = "A" + String(sheet.frozenHeaderRows + 1)
            x.raw(#"><pane ySplit="\#(sheet.frozenHeaderRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/>"#)
            x.raw(#"<selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/></sheetView>"#)
        } else {
            x.raw("/>")
        }
        x.raw(#"</sheetViews><sheetFormatPr defaultRowHeight="15"/>"#)
        if widths.contains(where: { $0 > 0 }) {
            x.raw("<cols>")
            for (c, length) in widths.enumerated() where length > 0 {
                let width = min(max(length + 2, minimumWidth), maximumWidth)
                x.raw(#"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(width)" customWidth="1"/>"#)
            }
            x.raw("</cols>")
        }
        x.raw(data.isEmpty ? "<sheetData/>" : "<sheetData>")
        if !data.isEmpty {
            x.append(contentsOf: data)
            x.raw("</sheetData>")
        }
        x.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        x.raw("</worksheet>")
        return x
    }

    /// One `<c>`: text as a shared-string index (`t="s"`), numbers as their
    /// exact text in `<v>`, never an `<f>` element.
    private static func appendCell(_ cell: Cell, ref: String, header: Bool, sheet: String,
                                   to x: inout [UInt8], strings: inout SharedStrings, styles: inout StyleTable) throws(SpreadsheetError) {
        let value: String
        let style: Int
        var isText = false
        switch cell {
        case .empty: return
        case .text(let text):
            let length = text.utf16.count
            guard length <= Cell.maximumTextLength else { throw .textTooLong(sheet: sheet, cell: ref, length: length) }
            value = String(strings.index(of: text))
            style = header ? 1 : 0
            isText = true
        case .number(let text, let decimals):
            guard Cell.isExactDecimal(text) else { throw .invalidNumber(sheet: sheet, cell: ref, text: text) }
            if let decimals, !(0...Cell.maximumDecimals).contains(decimals) {
                throw .invalidDecimals(sheet: sheet, cell: ref, decimals: decimals)
            }
            value = text
            style = styles.style(bold: header, decimals: decimals)
        case .integer(let n):
            value = String(n)
            style = header ? 1 : 0
        }
        x.raw(#"<c r="\#(ref)""#)
        if style != 0 { x.raw(#" s="\#(style)""#) }
        if isText { x.raw(#" t="s""#) }
        x.raw("><v>")
        x.raw(value)
        x.raw("</v></c>")
    }
}
