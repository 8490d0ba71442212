/// `model.established`: a community model (club, team, group) is set up.
public enum ModelEstablished {
    public static let model = FieldRef(0, "model")
    public static let kind = FieldRef(1, "kind")
    public static let name = FieldRef(2, "name")
    public static let members = FieldRef(3, "members")

    static let spec = EventSpec(
        .modelEstablished, label: Text("Thành lập mô hình", "Model established"),
        help: Text("Một mô hình tự quản, câu lạc bộ, đội, tổ được thành lập; mã mô hình do đơn vị đặt và không đổi.",
                   "A community model (club, team, group) is set up; its id is chosen by the unit and never changes."),
        fields: [
            FieldSpec(model, .modelID, .required, label: Text("mã mô hình", "model id"), columns: ["Mã mô hình"]),
            FieldSpec(kind, .choice(.modelKind), .required, label: Text("loại mô hình", "kind"), columns: ["Loại mô hình", "Loại", "Loại hình"]),
            FieldSpec(name, .text(maxLength: 300), .required, label: Text("tên", "name"), columns: ["Tên", "Tên mô hình"]),
            FieldSpec(members, .anyCount, .required, label: Text("số thành viên", "members"),
                      columns: ["Số thành viên", "Thành viên", "Số hội viên", "Hội viên", "Số đội viên", "Số lượng"]),
        ],
        example: ["--unit", "25747", "--occurred", "2017-06-01", "--model", "25747-xk-1", "--kind", "Đội xung kích",
                  "--name", "Đội xung kích phường Phú Cường", "--members", "42"])
}

/// `model.changed`: a model's kind, name or members change.
public enum ModelChanged {
    public static let model = FieldRef(0, "model")
    public static let kind = FieldRef(1, "kind")
    public static let name = FieldRef(2, "name")
    public static let members = FieldRef(3, "members")

    static let spec = EventSpec(
        .modelChanged, label: Text("Thay đổi mô hình", "Model changed"),
        help: Text("Loại, tên hoặc số thành viên của một mô hình thay đổi từ ngày --occurred.",
                   "A model's kind, name or members change from --occurred on."),
        fields: [
            FieldSpec(model, .modelID, .required, label: Text("mã mô hình", "model id"), columns: ["Mã mô hình"]),
            FieldSpec(kind, .choice(.modelKind), .optional, label: Text("loại mô hình", "kind"), columns: ["Loại mô hình", "Loại"]),
            FieldSpec(name, .text(maxLength: 300), .optional, label: Text("tên", "name"), columns: ["Tên", "Tên mô hình"]),
            FieldSpec(members, .anyCount, .optional, label: Text("số thành viên", "members"),
                      columns: ["Số thành viên", "Thành viên", "Số hội viên", "Hội viên", "Số lượng"]),
        ],
        atLeastOne: [kind, name, members],
        example: ["--unit", "25747", "--occurred", "2018-09-01", "--model", "25747-xk-1", "--members", "45"])
}

/// `model.dissolved`: a model ends.
public enum ModelDissolved {
    public static let model = FieldRef(0, "model")
    public static let reason = FieldRef(1, "reason")

    static let spec = EventSpec(
        .modelDissolved, label: Text("Giải thể mô hình", "Model dissolved"),
        help: Text("Mô hình chấm dứt hoạt động; không ghi thay đổi sau ngày này.", "A model ends; it cannot change afterwards."),
        fields: [
            FieldSpec(model, .modelID, .required, label: Text("mã mô hình", "model id"), columns: ["Mã mô hình"]),
            FieldSpec(reason, .text(maxLength: 1000), .optional, label: Text("lý do", "reason"), columns: ["Lý do"]),
        ],
        example: ["--unit", "25747", "--occurred", "2024-12-31", "--model", "25747-xk-1", "--reason", "sáp nhập vào đội phường"])
}

/// `camera.installed` / `camera.removed`: security cameras in a unit.
public enum CameraCount {
    public static let count = FieldRef(0, "count")

    static func spec(_ type: EventType) -> EventSpec {
        let installed = type == .cameraInstalled
        return EventSpec(
            type, label: installed ? Text("Lắp đặt camera an ninh", "Cameras installed") : Text("Tháo dỡ camera an ninh", "Cameras removed"),
            help: installed ? Text("Camera an ninh được lắp đặt trong đơn vị.", "Security cameras installed in the unit.")
                : Text("Camera an ninh được tháo dỡ (không quá số camera đơn vị đang có).",
                       "Security cameras removed (at most as many as the unit has)."),
            fields: [FieldSpec(count, .positiveCount, .required, label: Text("số camera", "cameras"), columns: ["Số camera", "Số lượng camera", "Số lượng"])],
            example: ["--unit", "25747", "--occurred", "2018-04-10", "--count", installed ? "12" : "2"])
    }
}
