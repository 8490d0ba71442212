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

/// Turns the rows of a CSV table into drafts of one event type.
///
/// Cells arrive as text and are passed on as `.flags` fields (the validator converts
/// "3" to 3 and "có" to true, exactly as for `antq append --count 3`). Before that,
/// the importer accepts what offices type:
/// - dates as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd;
/// - whole numbers with grouped thousands ("5.000", "5,000", "5 000");
/// - vocabulary in Vietnamese ("Ma túy" → drugs, "Bằng khen" → certificate_of_merit,
///   "Đường dây nóng" → hotline), with or without diacritics;
/// - "x" or "✓" in a yes/no column as yes, an empty cell as "not given".
/// Unit names are left to the validator, which resolves names with or without
/// diacritics and refuses ambiguous ones with the candidates listed.
public enum SpreadsheetImporter {
    public static func drafts(_ table: CSVTable, columns: ImportColumns, by defaultBy: String? = nil) -> [ImportedRow] {
        var out: [ImportedRow] = []
        let width = table.header.count
        for record in table.rows {
            let cells = record.fields
            // Spreadsheets often end with rows of empty cells (";;;;"): not events.
            if cells.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if cells.count < width {
                out.append(ImportedRow(line: record.line, draft: .failure(EventCodingError(
                    field: nil, problem: "the row has \(cells.count) cell(s) but the header has \(width) columns (\"\(columns.header[cells.count])\" onwards are missing)",
                    fix: "fill the missing cells (an empty cell is fine), or check for a separator or quote out of place"))))
                continue
            }
            if cells.count > width, cells[width...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                out.append(ImportedRow(line: record.line, draft: .failure(EventCodingError(
                    field: nil, problem: "the row has \(cells.count) cells but the header has only \(width) columns",
                    fix: "give the extra cells a column header, or quote a cell that contains the separator"))))
                continue
            }
            out.append(ImportedRow(line: record.line, draft: draft(cells, columns, defaultBy)))
        }
        return out
    }

    static func draft(_ cells: [String], _ columns: ImportColumns, _ defaultBy: String?) -> Result<EventDraft, EventCodingError> {
        var occurred: CivilDate?
        var unit: String?
        var by = defaultBy
        var id: String?
        var fields: [DataField] = []
        for (index, target) in columns.targets.enumerated() {
            let raw = cells[index].trimmingSpacesAndNewlines()
            let column = columns.header[index]
            switch target {
            case .ignored:
                continue
            case .typeCheck:
                if !raw.isEmpty && raw != columns.type.rawValue {
                    return .failure(EventCodingError(field: "type", problem: "the row is a \(raw), not a \(columns.type.rawValue) (column \"\(column)\")",
                                                     fix: "import each type separately with --type, e.g. filter the sheet by its type column"))
                }
            case .envelope(let f):
                if raw.isEmpty { continue }
                switch f {
                case "occurred":
                    guard let d = parseDate(raw) else {
                        return .failure(EventCodingError(field: "occurred", problem: "\"\(raw)\" is not a real date",
                                                         fix: "write dd/mm/yyyy (28/03/2019) or yyyy-mm-dd (2019-03-28)"))
                    }
                    occurred = d
                case "unit": unit = raw
                case "by": by = raw
                default: id = raw.lowercased()
                }
            case .data(let f):
                if raw.isEmpty { continue }
                fields.append(DataField(key: f, value: .string(value(raw, field: f, type: columns.type))))
            }
        }
        return .success(EventDraft(id: id, type: columns.type, occurred: occurred, unit: unit, by: by, fields: fields, fieldMode: .flags))
    }

    /// A day in any of the forms offices write; nil if it is not a real date.
    public static func parseDate(_ text: String) -> CivilDate? {
        if let d = CivilDate(parsing: text) { return d }
        // Excel sometimes appends a midnight time: "2018-05-14 00:00:00".
        if let space = text.firstIndex(of: " "), let d = CivilDate(parsing: String(text[..<space])) { return d }
        for sep: Character in ["-", "."] where text.contains(sep) {
            let parts = text.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, parts[2].count == 4 { return CivilDate(dayMonthYear: parts.joined(separator: "/")) }
        }
        return nil
    }

    /// The cell as the catalogue spells it; unknown text is passed on unchanged so
    /// the validator names it and lists the accepted values.
    static func value(_ raw: String, field: String, type: EventType) -> String {
        switch field {
        case "count", "quantity", "members", "value", "year":
            return ungrouped(raw) ?? raw
        case "valuable", "caught_in_act":
            return ["x", "✓", "✔"].contains(raw.lowercased()) ? "true" : raw
        default:
            let table: [String: String]?
            switch (field, type) {
            case ("kind", .weaponSeized): table = vocabulary["weapon"]
            case ("kind", .modelEstablished), ("kind", .modelChanged): table = vocabulary["model"]
            case ("kind", _): table = vocabulary["unit"]
            default: table = vocabulary[field]
            }
            guard let table else { return raw }
            let folded = foldVietnamese(raw)
            return table[folded] ?? table[folded.replacing("_", with: " ")] ?? raw
        }
    }

    /// "5.000", "5,000", "5 000" → "5000" when the grouping is regular (groups of three).
    static func ungrouped(_ raw: String) -> String? {
        for sep: Character in [".", ",", " ", "\u{00A0}"] where raw.contains(sep) {
            let groups = raw.split(separator: sep, omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { continue }
            return groups.joined()
        }
        return nil
    }

    /// Vietnamese (and plain English) words for the catalogue's closed vocabularies,
    /// keyed by folded text. The catalogue's own values are accepted as they are.
    public static let vocabulary: [String: [String: String]] = {
        var v: [String: [String: String]] = [:]
        func add(_ field: String, _ pairs: [(String, [String])]) {
            var t: [String: String] = [:]
            for (value, names) in pairs {
                t[foldVietnamese(value)] = value
                t[foldVietnamese(value.replacing("_", with: " "))] = value
                for n in names { t[foldVietnamese(n)] = value }
            }
            v[field] = t
        }
        add("channel", [("hotline", ["Đường dây nóng", "Điện thoại", "Gọi điện"]), ("in_person", ["Trực tiếp", "Đến trình báo"]),
                        ("club", ["CLB", "Câu lạc bộ", "Qua CLB"]), ("letter", ["Thư", "Đơn thư", "Văn bản"]),
                        ("online", ["Trực tuyến", "Mạng xã hội", "Email", "Zalo"]), ("other", ["Khác"])])
        add("category", [("social_order", ["Trật tự xã hội", "TTXH", "Hình sự", "Phạm pháp hình sự"]), ("drugs", ["Ma túy", "Ma tuý"]),
                         ("economic", ["Kinh tế"]), ("environment", ["Môi trường"]), ("high_tech", ["Công nghệ cao", "Sử dụng công nghệ cao"]),
                         ("corruption", ["Tham nhũng", "Chức vụ", "Tham nhũng, chức vụ"]), ("other", ["Khác"])])
        add("weapon", [("firearm", ["Súng", "Súng các loại", "Súng tự chế", "Súng săn"]), ("rudimentary", ["Vũ khí thô sơ", "Thô sơ"]),
                       ("implement", ["Hung khí", "Hung khí các loại"]), ("explosive", ["Vật liệu nổ", "Thuốc nổ"]),
                       ("support_tool", ["Công cụ hỗ trợ", "CCHT"])])
        add("recipient_kind", [("collective", ["Tập thể"]), ("individual", ["Cá nhân"])])
        add("issuer", [("government", ["Chính phủ", "Thủ tướng", "Thủ tướng Chính phủ"]), ("ministry", ["Bộ Công an", "Bộ trưởng Bộ Công an", "BCA"]),
                       ("province", ["UBND tỉnh", "Chủ tịch UBND tỉnh", "Tỉnh"]), ("provincial_police", ["Công an tỉnh", "Giám đốc Công an tỉnh"]),
                       ("district", ["UBND huyện", "UBND cấp huyện", "Cấp huyện", "Huyện"]), ("commune", ["UBND xã", "UBND cấp xã", "Cấp xã", "Xã"])])
        add("form", [("emulation_flag", ["Cờ thi đua"]), ("certificate_of_merit", ["Bằng khen"]), ("certificate_of_commendation", ["Giấy khen"]),
                     ("medal", ["Huy chương", "Huân chương"]), ("badge", ["Kỷ niệm chương"]), ("other", ["Khác"])])
        add("model", [("crime_prevention_club", ["CLB phòng, chống tội phạm", "CLB PCTP", "Câu lạc bộ phòng, chống tội phạm", "CLB xung kích PCTP"]),
                      ("shock_team", ["Đội xung kích", "Hiệp sĩ"]), ("landlord_club", ["CLB chủ nhà trọ", "CLB chủ nhà trọ tự quản", "Nhà trọ tự quản"]),
                      ("relatives_club", ["CLB quản lý người thân", "CLB người thân"]),
                      ("self_management_group", ["Tổ tự quản", "Tổ tự quản về ANTT", "Tổ nhân dân tự quản"]),
                      ("motorbike_taxi_group", ["Tổ xe ôm tự quản", "Tổ xe ôm"])])
        add("unit", UnitKind.allCases.map { ($0.rawValue, [$0.vietnamese]) })
        return v
    }()
}
