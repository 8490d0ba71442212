/// `unit.split`: a unit ends, divided between two or three successors.
///
/// The first successor (`into`) is the one that takes the unit's standing
/// community models and cameras, and its past figures when a comparison is
/// restated on later boundaries: no shares are published for the parts, so
/// figures are never divided, and every restated figure that contains a
/// split unit says so (`UnitRegistry.splitPredecessors`).
public enum UnitSplit {
    public static let into = FieldRef(0, "into")
    public static let alsoInto = FieldRef(1, "alsoInto")
    public static let alsoInto2 = FieldRef(2, "alsoInto2")

    /// The successors in the order given, the first taking models, cameras and past figures.
    public static func successors(_ d: EventData) -> [String] {
        [d.text(into), d.text(alsoInto), d.text(alsoInto2)].compactMap { $0 }
    }

    static let spec = EventSpec(
        .unitSplit, label: Text("Chia tách đơn vị", "Unit split"),
        help: Text("Đơn vị chấm dứt, chia cho hai hoặc ba đơn vị kế thừa; đơn vị --into nhận mô hình, camera và số liệu cũ khi so sánh (không có tỷ lệ phân chia công bố).",
                   "The unit ends, divided between two or three successors; --into takes its models, cameras and past figures in comparisons (no shares are published)."),
        fields: [
            FieldSpec(into, .unitCode, .required, label: Text("đơn vị kế thừa chính", "main successor"), columns: ["Nhập vào", "Đơn vị kế thừa"]),
            FieldSpec(alsoInto, .unitCode, .required, label: Text("đơn vị nhận một phần", "also part of"), columns: ["Một phần nhập vào"]),
            FieldSpec(alsoInto2, .unitCode, .optional, label: Text("đơn vị thứ ba nhận một phần", "third successor"), columns: ["Một phần nhập vào (2)"]),
        ],
        example: ["--unit", "25741", "--occurred", "2025-07-01", "--into", "25747", "--alsoInto", "25750"])
}

/// `unit.continued`: the code goes on as a different, larger unit (the
/// 2025 reorganisation kept one predecessor's code for each new unit). The
/// former unit ends that day and becomes part of the new one; with
/// `partTo` only part of it did, the rest going to that other unit.
public enum UnitContinued {
    public static let name = FieldRef(0, "name")
    public static let kind = FieldRef(1, "kind")
    public static let parent = FieldRef(2, "parent")
    public static let partTo = FieldRef(3, "partTo")

    static let spec = EventSpec(
        .unitContinued, label: Text("Mã tiếp tục cho đơn vị mới", "Unit code continued"),
        help: Text("Từ ngày --occurred, mã --unit là của một đơn vị mới (lớn hơn) với tên, loại, cấp trên mới; đơn vị cũ nhập vào đơn vị mới (một phần, nếu có --partTo).",
                   "From --occurred, the code --unit denotes a new, larger unit with a new name, kind and parent; the former unit becomes part of it (only in part if --partTo names where the rest went)."),
        fields: [
            FieldSpec(name, .text(maxLength: 200), .required, label: Text("tên đơn vị mới", "new unit's name"), columns: ["Tên mới"]),
            FieldSpec(kind, .choice(.unitKind), .required, label: Text("loại đơn vị mới", "new unit's kind"), columns: ["Loại mới"]),
            FieldSpec(parent, .parentUnit, .defaulted(.null), label: Text("đơn vị cấp trên mới", "new parent"), columns: ["Cấp trên mới"]),
            FieldSpec(partTo, .unitCode, .optional, label: Text("phần còn lại nhập vào", "rest of the former unit went to"), columns: ["Phần còn lại nhập vào"]),
        ],
        example: ["--unit", "25747", "--occurred", "2025-07-01", "--name", "Thủ Dầu Một", "--kind", "phường", "--parent", "79"])
}

/// `unit.abolished`: a level ends (the district level on 01-07-2025). The
/// unit's own units must have moved first; `into` names the unit that
/// takes over its area (and anything recorded at the unit itself).
public enum UnitAbolished {
    public static let into = FieldRef(0, "into")

    static let spec = EventSpec(
        .unitAbolished, label: Text("Bãi bỏ đơn vị", "Unit abolished"),
        help: Text("Đơn vị chấm dứt vì cấp hành chính bị bãi bỏ; các đơn vị trực thuộc phải được chuyển trước.",
                   "The unit ends because its level is abolished; its units must have moved first."),
        fields: [
            FieldSpec(into, .unitCode, .required, label: Text("địa bàn thuộc về", "area now under"), columns: ["Địa bàn thuộc về"]),
        ],
        example: ["--unit", "718", "--occurred", "2025-07-01", "--into", "79"])
}
