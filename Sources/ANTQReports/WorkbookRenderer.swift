import ANTQDomain
import OfficeOpenXML
import TextFormats

/// The `.xlsx` form of `export`, `summary` and `state`: the CSV's rows in a
/// real workbook, so a clerk's Excel totals a column to antq's figure.
///
/// The cells are the CSV's cells, column for column, with three
/// differences: the header row is in the reader's language (and frozen),
/// numbers are numeric cells written from their exact decimal text (never
/// through a binary double here), and the reports carry each figure's
/// label next to its name. Text is always a string cell, never a formula,
/// so a name typed as `=HYPERLINK(…)` stays text.
public enum WorkbookRenderer {
    /// An `antq export` table as a workbook.
    public static func export(header: [String], rows: [[String]], lang: Language) throws(SpreadsheetError) -> [UInt8] {
        let info = ExportTable.columnInfo(header: header, rows: rows)
        var out: [[Cell]] = [info.map { .text(lang.text($0.label)) }]
        out.reserveCapacity(rows.count + 1)
        for row in rows {
            // Grouped with the decimals the cell was written with (1.400 kg shows 1.400); a seq or a year is not grouped.
            out.append(row.enumerated().map { i, s in cell(s, numeric: info[i].isNumeric, decimals: info[i].isGrouped ? s.split(separator: ".").dropFirst().first?.count ?? 0 : nil) })
        }
        return try book(lang.t("Events", "Sự kiện"), out, title: lang.t("antq export", "Dữ liệu xuất từ antq"))
    }

    /// The summary's long table (one figure per row) as a workbook.
    public static func summary(_ r: SummaryReport, lang: Language) throws(SpreadsheetError) -> [UInt8] {
        try book(lang.t("Summary", "Tổng hợp"), reportRows(ChainMark.csvRows(SummaryRenderer.csvRows(r), r.chain), r.figures, lang),
                 title: SummaryRenderer.title(r, lang))
    }

    /// The state report's long table as a workbook.
    public static func state(_ r: StateReport, lang: Language) throws(SpreadsheetError) -> [UInt8] {
        try book(lang.t("State", "Tình hình"), reportRows(ChainMark.csvRows(StateRenderer.csvRows(r), r.chain), r.figures, lang),
                 title: StateRenderer.title(r, lang))
    }

    /// Headers of the reports' CSV columns.
    static let reportHeaders: [String: Text] = [
        "period": Text("Kỳ báo cáo", "Period"), "date": Text("Ngày", "Date"), "unit": Text("Mã đơn vị", "Unit code"),
        "unit_name": Text("Tên đơn vị", "Unit name"), "metric": Text("Mã chỉ tiêu", "Figure name"),
        "value": Text("Giá trị", "Value"), "compare_period": Text("Kỳ so sánh", "Compared period"),
        "compare_value": Text("Giá trị kỳ so sánh", "Compared value"), "change": Text("Tăng, giảm", "Change"),
        "percent_change": Text("Tăng, giảm (%)", "Change (%)"), "chain": Text("Chuỗi băm", "Hash chain"),
    ]

    /// The CSV rows with a label column after `metric` and numbers as numbers.
    static func reportRows(_ csv: [[String]], _ figures: [FigureDefinition], _ lang: Language) -> [[Cell]] {
        guard let head = csv.first, let metric = head.firstIndex(of: "metric") else { return [] }
        let byName = Dictionary(figures.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let numeric: Set<String> = ["value", "compare_value", "change", "percent_change"]
        var header = head.map { Cell.text(reportHeaders[$0].map(lang.text) ?? $0) }
        header.insert(.text(lang.t("Figure", "Chỉ tiêu")), at: metric + 1)
        var out = [header]
        for row in csv.dropFirst() {
            let d = byName[row[metric]]
            var cells = row.enumerated().map { i, s in
                cell(s, numeric: numeric.contains(head[i]), decimals: head[i] == "percent_change" ? 1 : d?.decimals)
            }
            cells.insert(.text(d.map { lang.text($0.label) } ?? ""), at: metric + 1)
            out.append(cells)
        }
        return out
    }

    /// A number column's cell is numeric when its text is a plain decimal;
    /// everything else (and an empty cell) is text or nothing.
    static func cell(_ s: String, numeric: Bool, decimals: Int?) -> Cell {
        if s.isEmpty { return .empty }
        if numeric, CSVWriter.isPlainNumber(s) { return .number(s, decimals: decimals) }
        return .text(s)
    }

    static func book(_ name: String, _ rows: [[Cell]], title: String) throws(SpreadsheetError) -> [UInt8] {
        try Workbook(sheets: [Sheet(name: Sheet.legalName(name), rows: rows)],
                     properties: DocumentProperties(title: title, application: "antq")).bytes()
    }
}
