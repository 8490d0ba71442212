/// `unit.registered`: an administrative unit comes into the log, with its
/// official code as the envelope's unit.
public enum UnitRegistered {
    public static let name = FieldRef(0, "name")
    public static let kind = FieldRef(1, "kind")
    public static let parent = FieldRef(2, "parent")

    static let spec = EventSpec(
        .unitRegistered, label: Text("Đăng ký đơn vị hành chính", "Unit registered"),
        help: Text("Đưa một đơn vị hành chính vào sổ; --unit là mã chính thức của đơn vị mới.",
                   "Registers an administrative unit; --unit is the new unit's official code."),
        unit: .newUnit,
        fields: [
            FieldSpec(name, .text(maxLength: 200), .required, label: Text("tên", "name"), columns: ["Tên", "Tên đơn vị"]),
            FieldSpec(kind, .choice(.unitKind), .required, label: Text("loại đơn vị", "kind"), columns: ["Loại", "Loại đơn vị", "Cấp"]),
            FieldSpec(parent, .parentUnit, .defaulted(.null), label: Text("đơn vị cấp trên", "parent unit"),
                      help: Text("mã hoặc tên đơn vị cấp trên; bỏ trống cho đơn vị cấp cao nhất", "the parent's code or name; leave out for a top-level unit"),
                      columns: ["Đơn vị cấp trên", "Trực thuộc"]),
        ],
        example: ["--unit", "25747", "--occurred", "2013-12-30", "--name", "Phú Cường", "--kind", "phường", "--parent", "Thủ Dầu Một"])
}

/// `unit.changed`: a unit is renamed, changes kind or moves to another parent.
public enum UnitChanged {
    public static let name = FieldRef(0, "name")
    public static let kind = FieldRef(1, "kind")
    public static let parent = FieldRef(2, "parent")

    static let spec = EventSpec(
        .unitChanged, label: Text("Thay đổi đơn vị hành chính", "Unit changed"),
        help: Text("Đổi tên, loại hoặc đơn vị cấp trên của một đơn vị từ ngày --occurred.",
                   "Renames a unit, changes its kind or moves it to another parent from --occurred on."),
        fields: [
            FieldSpec(name, .text(maxLength: 200), .optional, label: Text("tên mới", "new name"), columns: ["Tên", "Tên mới"]),
            FieldSpec(kind, .choice(.unitKind), .optional, label: Text("loại mới", "new kind"), columns: ["Loại", "Loại đơn vị"]),
            FieldSpec(parent, .parentUnit, .optional, label: Text("đơn vị cấp trên mới", "new parent"), columns: ["Đơn vị cấp trên", "Trực thuộc"]),
        ],
        atLeastOne: [name, kind, parent],
        example: ["--unit", "724", "--occurred", "2020-02-01", "--kind", "thành phố"])
}

/// `unit.merged`: a unit ends, merged whole into a successor.
public enum UnitMerged {
    public static let into = FieldRef(0, "into")

    static let spec = EventSpec(
        .unitMerged, label: Text("Sáp nhập đơn vị", "Unit merged"),
        help: Text("Đơn vị chấm dứt, nhập toàn bộ vào đơn vị kế thừa; từ ngày đó không ghi sự kiện mới cho đơn vị này.",
                   "The unit ends, merged whole into its successor; no later event may name it."),
        fields: [
            FieldSpec(into, .unitCode, .required, label: Text("nhập vào đơn vị", "merged into"), columns: ["Sáp nhập vào", "Nhập vào"]),
        ],
        example: ["--unit", "74", "--occurred", "2025-07-01", "--into", "79"])
}
