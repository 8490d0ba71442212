import TextFormats

extension ExportTable {
    /// What a workbook needs to know of an export column besides its name:
    /// a header a clerk reads, and whether its cells are numbers (so a
    /// spreadsheet totals them) or text.
    public struct ColumnInfo: Sendable, Equatable {
        public var name: String
        public var label: Text
        public var isNumeric: Bool
        /// Shown with thousands grouped: a count or a quantity, not an
        /// identifier or a year (a seq 11084, a reporting year 2018).
        public var isGrouped = true
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
    /// "Số đối tượng", not "Số tin"; a general label when exported types
    /// that label it differently share it); a column the log declares (an
    /// indicator's dimension) is numeric when every cell of it is a number.
    /// Labels of fields that mean different things to different types, for
    /// a column that holds several of them.
    static let sharedLabels: [String: Text] = [
        "count": Text("số lượng", "count"), "kind": Text("loại", "kind"), "name": Text("tên", "name"), "case": Text("vụ án", "case"),
    ]

    public static func columnInfo(header: [String], rows: [[String]]) -> [ColumnInfo] {
        let typeColumn = header.firstIndex(of: "type")
        let present = Set(typeColumn.map { t in rows.map { $0[t] } } ?? [])
        let specs = EventSpec.table.filter { present.contains($0.type.rawValue) } + EventSpec.table.filter { !present.contains($0.type.rawValue) }
        return header.enumerated().map { i, name in
            if let l = envelopeLabels[name] { return ColumnInfo(name: name, label: l, isNumeric: name == "seq", isGrouped: false) }
            let bare = name.hasPrefix("new.") ? String(name.dropFirst(4)) : name
            // A column several exported types share (`count`: tips, arrests, cases …) is labelled for all of them.
            let fields = specs.compactMap { spec in spec.fields.first { $0.name == bare }.map { (spec, $0) } }
            if let (_, f) = fields.first {
                let sharing = Set(fields.filter { present.contains($0.0.type.rawValue) }.map(\.1.label))
                let own = sharing.count > 1 ? (sharedLabels[bare] ?? f.label) : f.label
                let label = name == bare ? own.capitalized : Text("Mới: " + own.vi, "New: " + own.en)
                return ColumnInfo(name: name, label: label, isNumeric: f.kind.isNumber, isGrouped: f.kind.isGroupedNumber)
            }
            let cells = rows.lazy.map { $0[i] }.filter { !$0.isEmpty }
            return ColumnInfo(name: name, label: Text(name, name), isNumeric: !cells.isEmpty && cells.allSatisfy(CSVWriter.isPlainNumber))
        }
    }
}

extension FieldKind {
    /// A number shown with thousands grouped: a seq or a year (a count whose
    /// range starts in the thousands) is read as a whole, never as 2.018.
    public var isGroupedNumber: Bool {
        switch self {
        case .count(let r): r.lowerBound < 1000
        case .quantity, .amount: true
        default: false
        }
    }

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
