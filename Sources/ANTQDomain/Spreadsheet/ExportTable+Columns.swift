import TextFormats

extension ExportTable {
    /// What a workbook needs to know of an export column besides its name:
    /// a header a clerk reads, and whether its cells are numbers (so a
    /// spreadsheet totals them) or text.
    public struct ColumnInfo: Sendable, Equatable {
        public var name: String
        public var label: Text
        public var isNumeric: Bool
    }

    /// The envelope columns' headers. The Vietnamese ones are headers
    /// `antq import` reads back (or skips, for bookkeeping).
    public static let envelopeLabels: [String: Text] = [
        "seq": Text("Số thứ tự", "Seq"), "id": Text("Mã sự kiện", "Event id"), "type": Text("Loại sự kiện", "Event type"),
        "occurred": Text("Ngày xảy ra", "Occurred"), "recorded": Text("Thời điểm ghi", "Recorded"),
        "unit": Text("Mã đơn vị", "Unit code"), "unit_name": Text("Tên đơn vị", "Unit name"),
        "by": Text("Người nhập", "Recorded by"), "status": Text("Tình trạng", "Status"),
    ]

    /// The columns of `header` (as `table` returns it) described from the
    /// catalogue: a field's label and kind from its declaration (the first
    /// exported type that declares the name, so `count` of arrests reads
    /// "Số đối tượng", not "Số tin"); a column the log declares (an
    /// indicator's dimension) is numeric when every cell of it is a number.
    public static func columnInfo(header: [String], rows: [[String]]) -> [ColumnInfo] {
        let typeColumn = header.firstIndex(of: "type")
        let present = Set(typeColumn.map { t in rows.map { $0[t] } } ?? [])
        let specs = EventSpec.table.filter { present.contains($0.type.rawValue) } + EventSpec.table.filter { !present.contains($0.type.rawValue) }
        return header.enumerated().map { i, name in
            if let l = envelopeLabels[name] { return ColumnInfo(name: name, label: l, isNumeric: name == "seq") }
            let bare = name.hasPrefix("new.") ? String(name.dropFirst(4)) : name
            for spec in specs {
                guard let f = spec.fields.first(where: { $0.name == bare }) else { continue }
                let label = name == bare ? f.label.capitalized : Text("Mới: " + f.label.vi, "New: " + f.label.en)
                return ColumnInfo(name: name, label: label, isNumeric: f.kind.isNumber)
            }
            let cells = rows.lazy.map { $0[i] }.filter { !$0.isEmpty }
            return ColumnInfo(name: name, label: Text(name, name), isNumeric: !cells.isEmpty && cells.allSatisfy(CSVWriter.isPlainNumber))
        }
    }
}

extension FieldKind {
    /// A value a spreadsheet should total: counts, quantities, amounts, seqs.
    public var isNumber: Bool {
        switch self {
        case .count, .quantity, .amount, .seq: true
        default: false
        }
    }
}

extension Text {
    /// The same text with a capital first letter, for a column header.
    public var capitalized: Text {
        func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        return Text(cap(vi), cap(en))
    }
}
