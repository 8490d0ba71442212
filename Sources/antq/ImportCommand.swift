import ANTQDomain
import ANTQReports
import ANTQStore
import Decimals
import JSONCodec
import SystemCalls
import TextFormats

/// `antq import FILE.csv --type TYPE [--map COLUMN=FIELD …]`: the rows of a
/// spreadsheet appended as events of one type, all or nothing.
///
/// Reading (`CSVReader`), the column mapping and the row → draft conversion
/// (`ImportColumns`, `SpreadsheetImporter` in ANTQDomain/Spreadsheet) and the
/// validated atomic append (`DataStore.append`) live in the libraries; this
/// command only wires them together and words the errors as `FILE:LINE`.
enum ImportCommand {
    static let separators: [String: CSVSeparator?] = ["auto": nil, "comma": .comma, "semicolon": .semicolon, "tab": .tab]

    static func run(_ c: Context) throws -> Int32 {
        guard let path = c.parsed.arguments.first else {
            throw CLIError.usage(c.lang.t("import needs a CSV FILE, e.g. 'antq import tips.csv --type tip.received'",
                                          "import cần một TỆP CSV, ví dụ 'antq import tin-bao.csv --type tip.received'"))
        }
        guard let typeName = c.parsed.value("type") else {
            throw CLIError.usage(c.lang.t("import needs --type TYPE (every row becomes one event of that type), e.g. --type tip.received",
                                          "import cần --type LOẠI (mỗi dòng thành một sự kiện loại đó), ví dụ --type tip.received"))
        }
        guard let type = EventType(rawValue: typeName), ImportColumns.isImportable(type) else {
            let names = EventType.allCases.filter(ImportColumns.isImportable).map(\.rawValue)
            throw CLIError.usage(c.lang.t("--type \(typeName) cannot be imported; use one of: ", "--type \(typeName) không nhập được; dùng một trong: ")
                                 + names.joined(separator: ", "))
        }
        let sepName = c.parsed.value("separator") ?? "auto"
        guard let separator = separators[sepName] else {
            throw CLIError.usage(c.lang.t("--separator takes auto, comma, semicolon or tab, not '\(sepName)'",
                                          "--separator nhận auto, comma, semicolon hoặc tab, không phải '\(sepName)'"))
        }
        var overrides: [(column: String, field: String)] = []
        for m in c.parsed.values("map") {
            guard let eq = m.lastIndex(of: "=") else {
                throw CLIError.usage(c.lang.t("--map takes COLUMN=FIELD (or COLUMN=- to skip a column), not '\(m)'",
                                              "--map nhận CỘT=TRƯỜNG (hoặc CỘT=- để bỏ qua cột), không phải '\(m)'"))
            }
            overrides.append((String(m[..<eq]), String(m[m.index(after: eq)...])))
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readFile(path) } catch {
            throw CLIError.failed(ErrorReport.cannotRead(path, error, c.lang), code: 66)
        }
        // A workbook is a ZIP archive ("PK\u{3}\u{4}"): reading one needs an inflater antq does not
        // have yet, so it is refused before anything is read as CSV.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || path.lowercased().hasSuffix(".xlsx") {
            throw CLIError.invalid(c.lang.t("\(path) is an Excel workbook (.xlsx); import reads CSV only. Fix: in Excel, File › Save As › \"CSV UTF-8\", then import that file",
                                            "\(path) là tệp Excel (.xlsx); import chỉ đọc CSV. Cách sửa: trong Excel chọn Tệp › Lưu thành › \"CSV UTF-8\", rồi nhập tệp đó"))
        }
        let store = try c.store()
        // A declared indicator's records: every row is of `--indicator`, and its dimensions are columns.
        var fixed: [InputField] = []
        var declared: [String] = []
        if type == .indicatorRecorded {
            guard let name = c.parsed.value("indicator") else {
                throw CLIError.usage(c.lang.t("--type indicator.recorded needs --indicator NAME (every row is a record of it)",
                                              "--type indicator.recorded cần --indicator TÊN (mỗi dòng là một số liệu của chỉ tiêu đó)"))
            }
            let catalogue = try store.replay(sections: [.base]).ledger.catalogue
            guard let indicator = catalogue.indicators[name] else {
                throw CLIError.invalid(c.lang.t("--indicator \(name) is not declared in this log; 'antq figures' lists the declared indicators",
                                                "--indicator \(name) chưa được khai báo trong sổ này; 'antq figures' liệt kê các chỉ tiêu đã khai báo"))
            }
            fixed = [InputField("indicator", .string(name))]
            declared = indicator.dimensions.map(\.name)
        } else if c.parsed.value("indicator") != nil {
            throw CLIError.usage(c.lang.t("--indicator goes with --type indicator.recorded", "--indicator chỉ dùng với --type indicator.recorded"))
        }
        let read = try readTable(bytes, path: path, separator: separator, lang: c.lang)
        // Title and blank rows above the header are skipped; a totals row is a check, not data.
        let records = (read.headerRecord.map { [$0] } ?? []) + read.rows
        let headerRow = try c.int("header-row")
        guard let headerIndex = SpreadsheetLayout.headerIndex(records, type: type, declared: declared, line: headerRow) else {
            if let headerRow {
                throw CLIError.usage(c.lang.t("--header-row \(headerRow): \(path) has no row on line \(headerRow)", "--header-row \(headerRow): \(path) không có dòng \(headerRow)"))
            }
            throw CLIError.invalid(ErrorReport.error(c.lang) + c.lang.t("\(path) is empty; nothing was imported", "\(path) trống; không nhập gì"))
        }
        let below = records[(headerIndex + 1)...]
        let totals = below.filter { SpreadsheetLayout.isTotals($0.fields) }
        let table = CSVTable(records: [records[headerIndex]] + below.filter { !SpreadsheetLayout.isTotals($0.fields) })
        let headerLine = table.headerRecord?.line ?? 1
        let columns = try mapColumns(table.header, type: type, declared: declared, fixed: fixed.map(\.key), overrides: overrides, path: path, headerLine: headerLine, lang: c.lang)
        let (vietnameseNumbers, byHeader) = try numberStyle(table, columns: columns, path: path, c)
        let mismatches = totals.flatMap { SpreadsheetLayout.mismatches(totals: $0, rows: table.rows, columns: columns, vietnamese: vietnameseNumbers) }
        if !mismatches.isEmpty {
            throw CLIError.invalid(([ErrorReport.error(c.lang) + c.lang.t("nothing was imported: the totals row disagrees with the rows above it",
                                                                          "không nhập gì: dòng tổng cộng không khớp với các dòng phía trên")]
                                    + mismatches.map { "  " + $0.message(path: path, vietnamese: c.lang.isVietnamese) }
                                    + [ErrorReport.fix(c.lang) + c.lang.t("correct the rows or the total, then import the file again",
                                                                          "sửa các dòng hoặc số tổng cộng rồi nhập lại tệp")]).joined(separator: "\n"))
        }
        let rows = SpreadsheetImporter.drafts(table, columns: columns, fixed: fixed, vietnameseNumbers: vietnameseNumbers)
        guard !rows.isEmpty else {
            throw CLIError.invalid(ErrorReport.error(c.lang) + c.lang.t("\(path) has a header but no rows; nothing was imported", "\(path) có tiêu đề nhưng không có dòng dữ liệu; không nhập gì"))
        }
        let expect = try c.int("expect-seq")
        let inputs = rows.map { DraftInput(line: $0.line, draft: $0.draft) }
        // A cell that reads one way only settles the others; the header is only a presumption.
        if byHeader {
            noteAmbiguousNumbers(AmbiguousNumbers.cells(table, columns: columns), vietnamese: vietnameseNumbers, path: path, lang: c.lang)
        }
        let receipt = try append(inputs, store: store, path: path, by: c.recorder, expect: expect, columns: columns, lang: c.lang)
        printReceipt(receipt, path: path, type: type, json: c.format == "json", lang: c.lang)
        return 0
    }

    /// The file's number style: `--numbers`, else as its cells or its header
    /// show (`SheetNumberStyle`); a file written both ways is refused.
    /// `byHeader`: only the header decided it.
    static func numberStyle(_ table: CSVTable, columns: ImportColumns, path: String, _ c: Context) throws -> (vietnamese: Bool, byHeader: Bool) {
        if let given = c.parsed.value("numbers") { return (given == "vi", false) }
        switch SheetNumberStyle.decide(table, columns: columns) {
        case .style(let vietnamese, let cell): return (vietnamese, cell == nil)
        case .mixed(let v, let e):
            func at(_ cell: AmbiguousNumbers.Cell) -> String { "\(cell.text) (\(path):\(cell.line), " + c.lang.t("column", "cột") + " \"\(cell.column)\")" }
            throw CLIError.invalid(ErrorReport.error(c.lang) + c.lang.t(
                "nothing was imported: \(path) writes numbers both ways: \(at(v)) only reads as Vietnamese, \(at(e)) only as English",
                "không nhập gì: \(path) viết số theo cả hai cách: \(at(v)) chỉ đọc được theo cách viết tiếng Việt, \(at(e)) chỉ theo cách viết tiếng Anh")
                + "\n" + ErrorReport.fix(c.lang) + c.lang.t("write every number one way, or say how the file writes them with --numbers vi or --numbers en",
                                                             "viết mọi số theo một cách, hoặc cho biết tệp viết số theo cách nào bằng --numbers vi hay --numbers en"))
        }
    }

    /// Says how cells such as "1.400" were read (1400 in Vietnamese style,
    /// 1.4 in English) and how to have them read the other way: the two
    /// readings are a thousand times apart, so neither is taken silently.
    static func noteAmbiguousNumbers(_ cells: [AmbiguousNumbers.Cell], vietnamese vi: Bool, path: String, lang: Language) {
        guard let first = cells.first else { return }
        // Shown without grouping, in the reader's decimal mark: 1400 and 1,4 (1.4 in English), never 1.400 again.
        func read(_ style: ExactDecimal.Style) -> String {
            guard let x = try? ExactDecimal(typed: first.text, style: style) else { return "?" }
            return lang.isVietnamese ? x.plain().replacing(".", with: ",") : x.plain()
        }
        let asRead = read(vi ? .vietnamese : .english), otherReading = read(vi ? .english : .vietnamese)
        let more = cells.count > 1 ? lang.t(" and \(cells.count - 1) more cell(s) like it", " và \(cells.count - 1) ô tương tự") : ""
        let at = "\(path):\(first.line), " + lang.t("column", "cột") + " \"\(first.column)\""
        let how = vi ? lang.t("Vietnamese", "tiếng Việt") : lang.t("English", "tiếng Anh")
        let other = vi ? "en" : "vi"
        Terminal.err(lang.t(
            "note: \(first.text) (\(at))\(more) read in \(how) number style, as \(asRead), the file's style by its header; the other way it would be \(otherReading): import with --numbers \(other) if the file writes numbers so\n",
            "ghi chú: \(first.text) (\(at))\(more) được đọc theo cách viết số \(how) (theo tiêu đề cột của tệp), là \(asRead); theo cách kia sẽ là \(otherReading): nếu tệp viết số như vậy, hãy nhập với --numbers \(other)\n"))
    }

    /// Appends the rows; a rejection is reworded for a spreadsheet (rows, columns).
    static func append(_ inputs: [DraftInput], store: DataStore, path: String, by: String, expect: Int?,
                       columns: ImportColumns, lang: Language) throws -> AppendReceipt {
        let result = Result { () throws(StoreError) -> AppendReceipt in
            try store.append(inputs, file: path, defaultBy: by, expectSeq: expect)
        }
        switch result {
        case .success(let r): return r
        case .failure(.rejected(let problems, let total)):
            var lines = [ErrorReport.error(lang) + lang.t("nothing was imported: \(total) row(s) of \(path) are invalid",
                                                          "không nhập gì: \(total) dòng của \(path) không hợp lệ")]
            for p in problems {
                for e in p.errors {
                    // A spreadsheet user knows the column by its header, not the field's name.
                    let column = e.field.flatMap { columns.column(for: $0) }
                    let named = column.map { lang.t("column \"\($0)\"", "cột \"\($0)\"") }
                    lines.append("  \(p.file):\(p.line): " + e.message(vietnamese: lang.isVietnamese, field: named))
                }
            }
            if total > problems.count { lines.append(lang.t("  … and \(total - problems.count) more", "  … và \(total - problems.count) dòng nữa")) }
            lines.append(ErrorReport.fix(lang) + lang.t("correct the rows named above (FILE:LINE is the line where the row starts, as a text editor numbers them) and import the whole file again",
                                                        "sửa các dòng nêu trên (TỆP:DÒNG là dòng bắt đầu của hàng, như trình soạn thảo đánh số) rồi nhập lại cả tệp"))
            throw CLIError.invalid(lines.joined(separator: "\n"))
        case .failure(let other):
            throw other
        }
    }

    static func readTable(_ bytes: [UInt8], path: String, separator: CSVSeparator?, lang: Language) throws(CLIError) -> CSVTable {
        do { return try CSVTable(bytes, reader: CSVReader(separator: separator)) } catch {
            throw CLIError.invalid(ErrorReport.error(lang) + "\(path):\(error.line): " + error.message(vietnamese: lang.isVietnamese)
                                   + lang.t("; nothing was imported", "; chưa nhập gì") + "\n" + ErrorReport.fix(lang)
                                   + lang.t("correct the file in a spreadsheet or text editor and import it again", "sửa tệp trong bảng tính hoặc trình soạn thảo rồi nhập lại"))
        }
    }

    static func mapColumns(_ header: [String], type: EventType, declared: [String], fixed: [String], overrides: [(column: String, field: String)], path: String,
                           headerLine: Int, lang: Language) throws(CLIError) -> ImportColumns {
        do { return try ImportColumns.resolve(header: header, type: type, declared: declared, fixed: fixed, overrides: overrides) } catch {
            let lines = [ErrorReport.error(lang) + lang.t("nothing was imported: the header of \(path) does not fit \(type.rawValue)",
                                                          "không nhập gì: dòng tiêu đề của \(path) không khớp \(type.rawValue)")]
                + error.problems.map { "  \(path):\(headerLine): \($0.message(vietnamese: lang.isVietnamese))" }
                + [ErrorReport.fix(lang) + lang.t("rename or map the columns named above; 'antq help import' lists the recognised headers",
                                                  "đổi tên hoặc chỉ định (--map) các cột nêu trên; 'antq help import' liệt kê các tiêu đề được nhận")]
            throw CLIError.invalid(lines.joined(separator: "\n"))
        }
    }

    static func printReceipt(_ receipt: AppendReceipt, path: String, type: EventType, json: Bool, lang: Language) {
        if json {
            var w = JSONWriter()
            w.beginObject()
            w.key("file"); w.string(path)
            w.key("type"); w.string(type.rawValue)
            w.key("appended"); w.beginArray(); for e in receipt.events { w.int(Int64(e.seq)) }; w.endArray()
            w.key("fingerprint"); w.string(receipt.fingerprint.description)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
        } else {
            let first = receipt.events.first!.seq, last = receipt.events.last!.seq
            Terminal.out(Receipts.imported(count: receipt.events.count, path: path, type: type, first: first, last: last, lang) + "\n"
                         + Receipts.fingerprint(receipt.fingerprint, lang) + "\n")
        }
    }
}
