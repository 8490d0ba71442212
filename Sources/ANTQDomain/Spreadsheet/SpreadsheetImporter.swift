import TextFormats

/// One spreadsheet row turned into a draft event, or the reason it could not be,
/// with the physical line where the row starts (a quoted cell may span lines).
public struct ImportedRow: Sendable, Equatable {
    public var line: Int
    public var draft: Result<EventDraft, EventCodingError>

    public init(line: Int, draft: Result<EventDraft, EventCodingError>) {
        self.line = line
        self.draft = draft
    }
}

/// Turns the rows of a CSV table into drafts of one event type. Cells
/// arrive as text typed by a person and are read as such (`FieldMode.typed`):
/// dates as dd/mm/yyyy, numbers as "5.000" or "1,4", values in Vietnamese
/// ("Ma túy", "Bằng khen"), "x" in a yes/no column — exactly as for
/// `antq append` with flags. Unit names are left to the validator.
public enum SpreadsheetImporter {
    public static func drafts(_ table: CSVTable, columns: ImportColumns, by defaultBy: String? = nil, fixed: [InputField] = [],
                              vietnameseNumbers: Bool = true) -> [ImportedRow] {
        var out: [ImportedRow] = []
        let width = table.header.count
        for record in table.rows {
            let cells = record.fields
            if cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if cells.count < width {
                out.append(ImportedRow(line: record.line, draft: .failure(EventCodingError(
                    field: nil, problem: Text("dòng có \(cells.count) ô nhưng tiêu đề có \(width) cột (thiếu từ cột \"\(columns.header[cells.count])\")",
                                              "the row has \(cells.count) cell(s) but the header has \(width) columns (\"\(columns.header[cells.count])\" onwards are missing)"),
                    fix: Text("điền ô còn thiếu (ô trống cũng được), hoặc kiểm tra dấu phân cách, dấu ngoặc kép", "fill the missing cells (an empty cell is fine), or check for a separator or quote out of place")))))
                continue
            }
            if cells.count > width, cells[width...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                out.append(ImportedRow(line: record.line, draft: .failure(EventCodingError(
                    field: nil, problem: Text("dòng có \(cells.count) ô nhưng tiêu đề chỉ có \(width) cột", "the row has \(cells.count) cells but the header has only \(width) columns"),
                    fix: Text("đặt tên cột cho các ô thừa, hoặc đặt ô chứa dấu phân cách trong ngoặc kép", "give the extra cells a column header, or quote a cell that contains the separator")))))
                continue
            }
            out.append(ImportedRow(line: record.line, draft: draft(cells, columns, defaultBy, fixed: fixed, vietnameseNumbers: vietnameseNumbers)))
        }
        return out
    }

    /// A cell `antq export` neutralised (`'=…`, `'-…`) reads back as the text
    /// the log holds, so an export re-imports to the same events.
    static func unneutralized(_ cell: String) -> String {
        let b = Array(cell.utf8.prefix(2))
        guard b.count == 2, b[0] == UInt8(ascii: "'"), CSVWriter.formulaPrefixes.contains(b[1]) else { return cell }
        return String(cell.dropFirst())
    }

    static func draft(_ cells: [String], _ columns: ImportColumns, _ defaultBy: String?, fixed: [InputField],
                      vietnameseNumbers: Bool) -> Result<EventDraft, EventCodingError> {
        var occurred: CivilDate?
        var unit: String?
        var by = defaultBy
        var id: String?
        var fields = fixed
        for (index, target) in columns.targets.enumerated() {
            let raw = unneutralized(cells[index].trimmingSpacesAndNewlines())
            let column = columns.header[index]
            switch target {
            case .ignored:
                continue
            case .typeCheck:
                if !raw.isEmpty && raw != columns.type.rawValue {
                    return .failure(EventCodingError(field: "type", problem: Text("dòng là \(raw), không phải \(columns.type.rawValue) (cột \"\(column)\")",
                                                                                  "the row is a \(raw), not a \(columns.type.rawValue) (column \"\(column)\")"),
                                                     fix: Text("nhập từng loại riêng với --type", "import each type separately with --type")))
                }
            case .envelope(let f):
                if raw.isEmpty { continue }
                switch f {
                case "occurred":
                    guard let d = RecordBuilder.typedDay(raw) else {
                        return .failure(EventCodingError(field: "occurred", problem: Text("\"\(raw)\" không phải ngày có thật", "\"\(raw)\" is not a real date"),
                                                         fix: Text("ghi dd/mm/yyyy (28/03/2019) hoặc yyyy-mm-dd", "write dd/mm/yyyy (28/03/2019) or yyyy-mm-dd (2019-03-28)")))
                    }
                    occurred = d
                case "unit": unit = raw
                case "by": by = raw
                default: id = raw.lowercased()
                }
            case .data(let f):
                if raw.isEmpty { continue }
                // A column of a field the command line gives for every row only confirms it.
                if let given = fixed.first(where: { $0.key == f }) {
                    if case .string(let g) = given.value, foldVietnamese(g) == foldVietnamese(raw) { continue }
                    let shown: String = if case .string(let g) = given.value { g } else { "?" }
                    return .failure(EventCodingError(field: f, problem: Text("cột \"\(column)\" ghi \"\(raw)\" nhưng lệnh cho \(f) là \"\(shown)\"",
                                                                            "column \"\(column)\" says \"\(raw)\" but the command gives \(f) \"\(shown)\""),
                                                     fix: Text("nhập riêng các dòng của từng \(f), hoặc bỏ cột bằng --map \"\(column)\"=-",
                                                               "import the rows of each \(f) separately, or skip the column with --map \"\(column)\"=-")))
                }
                fields.removeAll { $0.key == f }
                fields.append(InputField(f, .string(raw)))
            }
        }
        return .success(EventDraft(id: id, type: columns.type, occurred: occurred, unit: unit, by: by, fields: fields,
                                   fieldMode: .typed(vietnameseNumbers: vietnameseNumbers)))
    }
}
