import TextFormats

/// Which spreadsheet column feeds which event field, for one event type.
///
/// Offices keep their figures in sheets whose headers are Vietnamese ("Ngày",
/// "Xã, phường", "Số lượng", "Kênh", "Có giá trị", "Loại"), English field names, or
/// the columns of `antq export`. The default mapping below recognises all of them;
/// `--map COLUMN=FIELD` overrides a column (`--map COLUMN=-` skips it).
///
/// - Note: The mapping lives in the domain, not the CLI, because it is knowledge of
///   the event catalogue (which fields a type has, which are required, what a
///   "Loại" column means for a case versus a weapon) and it does no I/O: a table in,
///   drafts out. The store validates and appends the drafts like any other batch.
public struct ImportColumns: Sendable, Equatable {
    /// What one column is used for.
    public enum Target: Sendable, Equatable {
        /// An envelope field: `occurred`, `unit`, `by` or `id`.
        case envelope(String)
        /// A field of the event's `data`.
        case data(String)
        /// The `type` column of an export: checked against `--type`, not stored.
        case typeCheck
        /// Not imported (row numbers, export bookkeeping, `--map COLUMN=-`).
        case ignored
    }

    /// A problem with the header or with `--map`, reported before any row is read.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var column: String?
        public var problem: String
        public var fix: String?

        public init(column: String?, problem: String, fix: String? = nil) {
            self.column = column
            self.problem = problem
            self.fix = fix
        }

        public var description: String {
            (column.map { "column \"\($0)\": " } ?? "") + problem + (fix.map { " (\($0))" } ?? "")
        }
    }

    /// Every problem found in the header and `--map`, reported together.
    public struct HeaderError: Error, Sendable, Equatable {
        public var problems: [Problem]
    }

    public let type: EventType
    /// One target per header column, in column order.
    public let targets: [Target]
    /// The header names as read (trimmed, NFC), for messages.
    public let header: [String]

    /// The envelope fields a row may carry besides `data`.
    public static let envelopeFields = ["occurred", "unit", "by", "id"]

    /// Builds the mapping for `type` from a header and the user's `--map` pairs.
    /// Every problem is collected so the user fixes the header in one go.
    public static func resolve(header: [String], type: EventType, overrides: [(column: String, field: String)] = [])
        throws(HeaderError) -> ImportColumns {
        var problems: [Problem] = []
        guard let fields = dataFields[type] else {
            let names = dataFields.keys.map(\.rawValue).sorted()
            throw HeaderError(problems: [Problem(column: nil, problem: "\(type.rawValue) cannot be imported from a spreadsheet",
                                                 fix: "import one of: \(names.joined(separator: ", ")); correct or retract with 'antq correct'/'antq retract'")])
        }
        let known = Set(envelopeFields + fields)
        // --map: each override must name an existing column and a real field.
        var overrideFor: [Int: Target] = [:]
        for (column, field) in overrides {
            let wanted = foldVietnamese(column)
            let matches = header.indices.filter { nfc(header[$0]) == nfc(column.trimmingSpaces()) }
            let index = matches.first ?? header.indices.first { foldVietnamese(header[$0]) == wanted }
            guard let index else {
                problems.append(Problem(column: column, problem: "--map names a column the file does not have",
                                        fix: "columns are: " + header.map { "\"\($0)\"" }.joined(separator: ", ")))
                continue
            }
            let f = field.trimmingSpaces()
            if f == "-" || f.isEmpty {
                overrideFor[index] = .ignored
            } else if envelopeFields.contains(f) {
                overrideFor[index] = .envelope(f)
            } else if fields.contains(f) {
                overrideFor[index] = .data(f)
            } else {
                problems.append(Problem(column: column, problem: "--map target \"\(f)\" is not a field of \(type.rawValue)",
                                        fix: "fields: " + (envelopeFields + fields).joined(separator: ", ") + ", or - to skip the column"))
            }
        }
        var targets: [Target] = []
        for (index, name) in header.enumerated() {
            if let t = overrideFor[index] { targets.append(t); continue }
            let folded = foldVietnamese(name)
            let asField = folded.replacing(" ", with: "_").replacing("-", with: "_")
            if known.contains(asField) {
                targets.append(envelopeFields.contains(asField) ? .envelope(asField) : .data(asField))
            } else if asField == "type" {
                targets.append(.typeCheck)
            } else if ignoredColumns.contains(folded) || ignoredColumns.contains(asField) {
                targets.append(.ignored)
            } else if let concept = aliases[folded] {
                if let field = field(for: concept, type: type) {
                    targets.append(envelopeFields.contains(field) ? .envelope(field) : .data(field))
                } else {
                    targets.append(.ignored)
                    problems.append(Problem(column: name, problem: "means \(concept.trimming { $0 == "@" }), which \(type.rawValue) does not have",
                                            fix: "skip it with --map \"\(name)\"=-, or map it with --map \"\(name)\"=FIELD (fields: \(fields.joined(separator: ", ")))"))
                }
            } else if name.isEmpty {
                targets.append(.ignored)
            } else {
                targets.append(.ignored)
                problems.append(Problem(column: name, problem: "is not a known column for \(type.rawValue)",
                                        fix: "rename it to a field name, map it with --map \"\(name)\"=FIELD, or skip it with --map \"\(name)\"=- (fields: \((envelopeFields + fields).joined(separator: ", ")))"))
            }
        }
        // Two columns for the same field would make the result depend on column order.
        var seen: [String: Int] = [:]
        for (index, t) in targets.enumerated() {
            guard let f = t.fieldName else { continue }
            if let first = seen[f] {
                problems.append(Problem(column: header[index], problem: "means the same field as column \"\(header[first])\" (\(f))",
                                        fix: "keep one of them, or skip one with --map \"\(header[index])\"=-"))
            } else {
                seen[f] = index
            }
        }
        // Required fields must have a column (else every row would fail the same way).
        for f in ["occurred", "unit"] + (requiredData[type] ?? []) where !targets.contains(where: { $0.fieldName == f }) {
            let hint = headerHints[f].map { " (e.g. \"\($0)\")" } ?? ""
            problems.append(Problem(column: nil, problem: "no column gives \(f)\(hint), which \(type.rawValue) requires",
                                    fix: "add the column, or name an existing one with --map COLUMN=\(f)"))
        }
        if !problems.isEmpty { throw HeaderError(problems: problems) }
        return ImportColumns(type: type, targets: targets, header: header)
    }

    /// The column feeding `field`, for messages ("field data.count (column \"Số lượng\")").
    public func column(for field: String) -> String? {
        let bare = field.hasPrefix("data.") ? String(field.dropFirst(5)) : field
        return targets.firstIndex { $0.fieldName == bare }.map { header[$0] }
    }

    // MARK: - The catalogue as a spreadsheet sees it

    /// Importable types and their data fields, in the order the README documents.
    /// Corrections and retractions are not imported: they refer to events by seq.
    public static let dataFields: [EventType: [String]] = [
        .unitRegistered: ["name", "kind", "parent"],
        .unitChanged: ["name", "kind", "parent"],
        .unitMerged: ["into"],
        .tipReceived: ["count", "channel", "valuable"],
        .caseSolved: ["count", "category", "case"],
        .arrestMade: ["count", "case", "caught_in_act"],
        .weaponSeized: ["kind", "quantity", "case"],
        .awardGranted: ["recipient_kind", "recipient", "issuer", "form", "count", "reason"],
        .modelEstablished: ["model", "kind", "name", "members"],
        .modelChanged: ["model", "kind", "name", "members"],
        .modelDissolved: ["model", "reason"],
        .cameraInstalled: ["count"],
        .cameraRemoved: ["count"],
        .figureAsserted: ["metric", "year", "value", "note"],
    ]

    static let requiredData: [EventType: [String]] = [
        .unitRegistered: ["name", "kind", "parent"],
        .unitMerged: ["into"],
        .tipReceived: ["channel", "valuable"],
        .caseSolved: ["category"],
        .arrestMade: ["count"],
        .weaponSeized: ["kind", "quantity"],
        .awardGranted: ["recipient_kind", "recipient", "issuer", "form"],
        .modelEstablished: ["model", "kind", "name", "members"],
        .modelChanged: ["model"],
        .modelDissolved: ["model"],
        .cameraInstalled: ["count"],
        .cameraRemoved: ["count"],
        .figureAsserted: ["metric", "year", "value"],
    ]

    /// A Vietnamese header to suggest when a required column is missing.
    static let headerHints: [String: String] = [
        "occurred": "Ngày", "unit": "Xã, phường", "count": "Số lượng", "quantity": "Số lượng", "members": "Số thành viên",
        "channel": "Kênh", "valuable": "Có giá trị", "category": "Loại", "kind": "Loại", "recipient_kind": "Tập thể/cá nhân",
        "recipient": "Người được khen", "issuer": "Cấp khen", "form": "Hình thức", "model": "Mã mô hình", "name": "Tên",
    ]

    /// Columns that carry no fact: row numbers and the bookkeeping of `antq export`.
    static let ignoredColumns: Set<String> = ["stt", "tt", "so tt", "so thu tu", "seq", "recorded", "unit_name"]

    /// Default header mapping, keyed by the folded header (lowercase, no diacritics,
    /// so "Ngày xảy ra", "ngay xay ra" and "NGÀY XẢY RA" are one key). Values starting
    /// with `@` are concepts whose field depends on the type (see `field(for:type:)`).
    public static let aliases: [String: String] = {
        var a: [String: String] = [:]
        func add(_ field: String, _ names: [String]) { for n in names { a[foldVietnamese(n)] = field } }
        add("occurred", ["Ngày", "Ngày xảy ra", "Ngày phát sinh", "Ngày tháng", "Ngày vụ việc", "Ngày bắt", "Ngày thu giữ",
                         "Ngày khen thưởng", "Ngày thành lập", "Ngày lắp đặt", "Ngày tiếp nhận", "Date"])
        add("unit", ["Đơn vị", "Xã, phường", "Xã phường", "Xã/phường", "Xã, phường, thị trấn", "Xã/phường/thị trấn",
                     "Địa bàn", "Mã đơn vị", "Tên đơn vị", "Mã xã"])
        add("by", ["Người nhập", "Người ghi", "Cán bộ nhập", "Người báo cáo"])
        add("id", ["Mã sự kiện"])
        add("@count", ["Số lượng", "Số đối tượng", "Số vụ", "Số tin", "Số tin báo", "Số camera", "Số lượng camera"])
        add("@members", ["Số thành viên", "Thành viên", "Số hội viên", "Hội viên", "Số đội viên"])
        add("channel", ["Kênh", "Kênh tiếp nhận", "Hình thức tiếp nhận", "Nguồn tin"])
        add("valuable", ["Có giá trị", "Tin có giá trị", "Giá trị"])
        add("@kind", ["Loại", "Phân loại", "Loại tội phạm", "Loại vũ khí", "Loại mô hình", "Loại hình"])
        add("recipient_kind", ["Tập thể/cá nhân", "Tập thể, cá nhân", "Loại đối tượng"])
        add("recipient", ["Người được khen", "Được khen thưởng", "Tên tập thể, cá nhân", "Tập thể, cá nhân được khen", "Người nhận"])
        add("issuer", ["Cấp khen", "Cấp khen thưởng", "Cơ quan khen thưởng", "Nơi khen"])
        add("form", ["Hình thức", "Hình thức khen thưởng", "Danh hiệu"])
        add("reason", ["Lý do", "Thành tích"])
        add("case", ["Vụ án", "Mã vụ án", "Số hồ sơ", "Hồ sơ"])
        add("caught_in_act", ["Bắt quả tang", "Quả tang"])
        add("model", ["Mã mô hình"])
        add("name", ["Tên", "Tên mô hình"])
        add("parent", ["Đơn vị cấp trên", "Trực thuộc"])
        add("into", ["Sáp nhập vào", "Nhập vào"])
        add("metric", ["Chỉ tiêu", "Mã chỉ tiêu"])
        add("year", ["Năm"])
        add("value", ["Số liệu", "Số liệu công bố"])
        add("note", ["Ghi chú"])
        return a
    }()

    /// The field a concept means for a type, or nil if the type has no such field.
    static func field(for concept: String, type: EventType) -> String? {
        let fields = dataFields[type] ?? []
        if envelopeFields.contains(concept) { return concept }
        switch concept {
        case "@count":
            return ["count", "quantity", "members", "value"].first { fields.contains($0) }
        case "@members":
            return fields.contains("members") ? "members" : nil
        case "@kind":
            return ["category", "kind", "recipient_kind"].first { fields.contains($0) }
        default:
            return fields.contains(concept) ? concept : nil
        }
    }
}

extension ImportColumns.Target {
    /// The field this column fills, if any.
    public var fieldName: String? {
        switch self {
        case .envelope(let f), .data(let f): f
        case .typeCheck, .ignored: nil
        }
    }
}
