/// `log.created`: the first line of every log, written by `antq init`.
public enum LogCreatedFields {
    public static let logID = FieldRef(0, "log_id")
    public static let format = FieldRef(1, "format")
    public static let periodStart = FieldRef(2, "period_start")
    public static let keyID = FieldRef(3, "key_id")

    static let spec = EventSpec(
        .logCreated, label: Text("Khởi tạo sổ", "Log created"),
        help: Text("Dòng đầu tiên của sổ, do 'antq init' ghi: mã sổ, ngày bắt đầu năm báo cáo và khóa (nếu có).",
                   "The first line of the log, written by 'antq init': the log's id, the first day of the reporting year, and the key (if keyed)."),
        unit: .none,
        fields: [
            FieldSpec(logID, .token(maxLength: 100), .required, label: Text("mã sổ", "log id")),
            FieldSpec(format, .count(1...1), .required, label: Text("phiên bản định dạng", "format version")),
            FieldSpec(periodStart, .monthDay, .defaulted(.text("01-01")), label: Text("ngày bắt đầu năm báo cáo", "first day of the reporting year")),
            FieldSpec(keyID, .token(maxLength: 100), .optional, label: Text("mã khóa HMAC", "HMAC key id")),
        ])
}
