import TextFormats

/// Which spreadsheet column feeds which event field, for one event type.
///
/// Offices keep their figures in sheets whose headers are Vietnamese ("Ngày",
/// "Xã, phường", "Số lượng", "Kênh", "Có giá trị", "Loại"), English field
/// names, or the columns of `antq export`. The columns a field answers to
/// are in its declaration (`FieldSpec.columns`, its name and its labels);
/// `--map COLUMN=FIELD` overrides a column (`--map COLUMN=-` skips it).
public struct ImportColumns: Sendable, Equatable {
    /// What one column is used for.
    public enum Target: Sendable, Equatable {
        /// An envelope field: `occurred`, `unit`, `by` or `id`.
        case envelope(String)
        /// A field of the event's `data` (declared by the type, or by the log).
        case data(String)
        /// The `type` column of an export: checked against `--type`, not stored.
        case typeCheck
        /// Not imported (row numbers, export bookkeeping, `--map COLUMN=-`).
        case ignored
    }

    /// A problem with the header or with `--map`, reported before any row is read.
    public struct Problem: Error, Sendable, Equatable {
        public var column: String?
        public var problem: Text
        public var fix: Text?

        public init(column: String?, problem: Text, fix: Text? = nil) {
            self.column = column
            self.problem = problem
            self.fix = fix
        }

        public func message(vietnamese: Bool) -> String {
            (column.map { (vietnamese ? "cột \"" : "column \"") + $0 + "\": " } ?? "") + problem.text(vietnamese: vietnamese)
                + (fix.map { " (" + $0.text(vietnamese: vietnamese) + ")" } ?? "")
        }
    }

    /// Every problem found in the header and `--map`, reported together.
    public struct HeaderError: Error, Sendable, Equatable {
        public var problems: [Problem]
    }

    public let type: EventType
    /// One target per header column, in column order.
    public let targets: [Target]
    /// The header names as read, for messages.
    public let header: [String]

    /// The envelope fields a row may carry besides `data`, and the headers they answer to.
    public static let envelope: [(field: String, columns: [String])] = [
        ("occurred", ["Ngày", "Ngày xảy ra", "Ngày phát sinh", "Ngày tháng", "Ngày vụ việc", "Ngày bắt", "Ngày thu giữ",
                      "Ngày khen thưởng", "Ngày thành lập", "Ngày lắp đặt", "Ngày tiếp nhận", "Date"]),
        ("unit", ["Đơn vị", "Xã, phường", "Xã phường", "Xã/phường", "Xã, phường, thị trấn", "Xã/phường/thị trấn",
                  "Địa bàn", "Mã đơn vị", "Tên đơn vị", "Mã xã"]),
        ("by", ["Người nhập", "Người ghi", "Cán bộ nhập", "Người báo cáo"]),
        ("id", ["Mã sự kiện"]),
    ]

    /// Columns that carry no fact: row numbers and the bookkeeping of `antq export`.
    static let ignoredColumns: Set<String> = ["stt", "tt", "so tt", "so thu tu", "seq", "recorded", "unit_name", "status", "ten don vi"]

    /// The types a spreadsheet can hold: facts, not amendments or the log's header.
    public static func isImportable(_ t: EventType) -> Bool { !t.isAmendment && t != .logCreated }

    /// Folded header text → field, from the envelope's and the type's declared columns and labels.
    static func headerLookup(_ spec: EventSpec) -> [String: String] {
        var byHeader: [String: String] = [:]
        for (f, columns) in envelope { for c in columns { byHeader[foldVietnamese(c)] = f } }
        for f in spec.fields {
            for c in f.columns + [f.label.vi, f.label.en] where byHeader[foldVietnamese(c)] == nil { byHeader[foldVietnamese(c)] = f.name }
        }
        return byHeader
    }

    /// How many cells of a row name a column `type` knows (a field, an
    /// envelope field, a row number): how a header row is told from a title.
    public static func recognisedColumns(_ cells: [String], type: EventType, declared: [String] = []) -> Int {
        let spec = type.spec
        let lookup = headerLookup(spec)
        let names = Set(spec.fields.map(\.name) + declared + envelope.map(\.field) + ["type"])
        return cells.filter { cell in
            let folded = foldVietnamese(cell.trimmingSpaces())
            guard !folded.isEmpty else { return false }
            let asField = folded.replacing(" ", with: "_").replacing("-", with: "_")
            return lookup[folded] != nil || names.contains(asField) || ignoredColumns.contains(folded)
        }.count
    }

    /// Builds the mapping for `type` from a header and the user's `--map` pairs.
    /// `declared` are the fields the log declares for the type (a declared
    /// indicator's dimensions); `fixed` are given for every row by the command
    /// line. Every problem is collected so the user fixes the header in one go.
    public static func resolve(header: [String], type: EventType, declared: [String] = [], fixed: [String] = [],
                               overrides: [(column: String, field: String)] = []) throws(HeaderError) -> ImportColumns {
        var problems: [Problem] = []
        guard isImportable(type) else {
            throw HeaderError(problems: [Problem(column: nil, problem: Text("\(type.rawValue) không nhập được từ bảng tính", "\(type.rawValue) cannot be imported from a spreadsheet"),
                                                 fix: Text("sửa, hủy bằng 'antq correct' / 'antq retract'", "correct or retract with 'antq correct' / 'antq retract'"))])
        }
        let spec = type.spec
        let fieldNames = spec.fields.filter { $0.kind != .fact && $0.kind != .replacementData }.map(\.name) + declared
        let envelopeNames = envelope.map(\.field)
        let byHeader = headerLookup(spec)
        var overrideFor: [Int: Target] = [:]
        for (column, field) in overrides {
            let wanted = foldVietnamese(column)
            guard let index = header.indices.first(where: { foldVietnamese(header[$0]) == wanted }) else {
                problems.append(Problem(column: column, problem: Text("--map nêu một cột tệp không có", "--map names a column the file does not have"),
                                        fix: Text("các cột: ", "columns are: ") + Text(header.map { "\"\($0)\"" }.joined(separator: ", "))))
                continue
            }
            let f = field.trimmingSpaces()
            if f == "-" || f.isEmpty { overrideFor[index] = .ignored }
            else if envelopeNames.contains(f) { overrideFor[index] = .envelope(f) }
            else if fieldNames.contains(f) { overrideFor[index] = .data(f) }
            else {
                problems.append(Problem(column: column, problem: Text("trường \"\(f)\" không thuộc \(type.rawValue)", "--map target \"\(f)\" is not a field of \(type.rawValue)"),
                                        fix: Text("các trường: \((envelopeNames + fieldNames).joined(separator: ", ")), hoặc - để bỏ cột", "fields: \((envelopeNames + fieldNames).joined(separator: ", ")), or - to skip the column")))
            }
        }
        var targets: [Target] = []
        for (index, name) in header.enumerated() {
            if let t = overrideFor[index] { targets.append(t); continue }
            let folded = foldVietnamese(name)
            let asField = folded.replacing(" ", with: "_").replacing("-", with: "_")
            if envelopeNames.contains(asField) { targets.append(.envelope(asField)) }
            else if fieldNames.contains(asField) { targets.append(.data(asField)) }
            else if asField == "type" { targets.append(.typeCheck) }
            else if ignoredColumns.contains(folded) || ignoredColumns.contains(asField) || name.isEmpty { targets.append(.ignored) }
            else if let f = byHeader[folded] { targets.append(envelopeNames.contains(f) ? .envelope(f) : .data(f)) }
            else {
                targets.append(.ignored)
                let known = envelopeNames + fieldNames
                let close = known.min { editDistance($0, asField) < editDistance($1, asField) }
                problems.append(Problem(column: name, problem: Text("không phải cột của \(type.rawValue)", "is not a known column for \(type.rawValue)")
                                            + (close.map { Text("; có phải ý là \($0)?", "; did you mean \($0)?") } ?? Text("", "")),
                                        fix: Text("đổi tên cột, hoặc dùng --map \"\(name)\"=TRƯỜNG hay --map \"\(name)\"=- (các trường: \(known.joined(separator: ", ")))",
                                                  "rename it, map it with --map \"\(name)\"=FIELD, or skip it with --map \"\(name)\"=- (fields: \(known.joined(separator: ", ")))")))
            }
        }
        var seen: [String: Int] = [:]
        for (index, t) in targets.enumerated() {
            guard let f = t.fieldName else { continue }
            if let first = seen[f] {
                problems.append(Problem(column: header[index], problem: Text("cùng nghĩa với cột \"\(header[first])\" (\(f))", "means the same field as column \"\(header[first])\" (\(f))"),
                                        fix: Text("giữ một cột, hoặc bỏ một cột bằng --map \"\(header[index])\"=-", "keep one of them, or skip one with --map \"\(header[index])\"=-")))
            } else {
                seen[f] = index
            }
        }
        let required = ["occurred", "unit"] + spec.fields.filter { $0.isRequired && $0.kind != .fact && $0.kind != .replacementData }.map(\.name)
        // A field given for every row (`--indicator`) needs no column.
        for f in required where !fixed.contains(f) && !targets.contains(where: { $0.fieldName == f }) {
            let hint = (envelope.first { $0.field == f }?.columns.first ?? spec.field(named: f)?.columns.first).map { " (\"\($0)\")" } ?? ""
            problems.append(Problem(column: nil, problem: Text("không có cột cho \(f)\(hint), trường bắt buộc của \(type.rawValue)", "no column gives \(f)\(hint), which \(type.rawValue) requires"),
                                    fix: Text("thêm cột, hoặc chỉ định cột có sẵn bằng --map COT=\(f)", "add the column, or name an existing one with --map COLUMN=\(f)")))
        }
        if !problems.isEmpty { throw HeaderError(problems: problems) }
        return ImportColumns(type: type, targets: targets, header: header)
    }

    /// The column feeding `field`, for messages ("field data.count (column \"Số lượng\")").
    public func column(for field: String) -> String? {
        let bare = field.hasPrefix("data.") ? String(field.dropFirst(5)) : field
        return targets.firstIndex { $0.fieldName == bare }.map { header[$0] }
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

extension Text {
    init(_ both: String) { self.init(vi: both, en: both) }
}
