/// `award.granted`: collectives and individuals commended (khen thưởng).
public enum AwardGranted {
    public static let recipientKind = FieldRef(0, "recipient_kind")
    public static let recipient = FieldRef(1, "recipient")
    public static let issuer = FieldRef(2, "issuer")
    public static let form = FieldRef(3, "form")
    public static let count = FieldRef(4, "count")
    public static let reason = FieldRef(5, "reason")

    static let spec = EventSpec(
        .awardGranted, label: Text("Khen thưởng", "Award granted"),
        help: Text("Tập thể, cá nhân được khen thưởng trong phong trào: cấp khen và hình thức.",
                   "A collective or individual commended in the movement: by whom and in what form."),
        fields: [
            FieldSpec(recipientKind, .choice(.recipientKind), .required, label: Text("tập thể hay cá nhân", "collective or individual"),
                      columns: ["Tập thể/cá nhân", "Tập thể, cá nhân", "Loại đối tượng", "Loại"]),
            FieldSpec(recipient, .text(maxLength: 300), .required, label: Text("người (tập thể) được khen", "recipient"),
                      columns: ["Người được khen", "Được khen thưởng", "Tên tập thể, cá nhân", "Tập thể, cá nhân được khen", "Người nhận"]),
            FieldSpec(issuer, .choice(.awardIssuer), .required, label: Text("cấp khen", "issuer"),
                      columns: ["Cấp khen", "Cấp khen thưởng", "Cơ quan khen thưởng", "Nơi khen"]),
            FieldSpec(form, .choice(.awardForm), .required, label: Text("hình thức", "form"), columns: ["Hình thức", "Hình thức khen thưởng", "Danh hiệu"]),
            FieldSpec(count, .positiveCount, .defaulted(.int(1)), label: Text("số lượng", "count"), columns: ["Số lượng"]),
            FieldSpec(reason, .text(maxLength: 1000), .optional, label: Text("thành tích", "reason"), columns: ["Lý do", "Thành tích"]),
        ],
        flows: [
            FlowRule([.literal("awards"), .value(recipientKind, .recipientKind)], amount: count, noun: Text("lượt", "awards")),
            FlowRule([.literal("awards"), .value(recipientKind, .recipientKind), .value(issuer, .awardIssuer)], amount: count, noun: Text("lượt", "awards")),
            FlowRule([.literal("awards"), .value(recipientKind, .recipientKind), .literal("local")], amount: count,
                     when: .codeIn(issuer, Vocabulary.localIssuers), label: Text("các cấp địa phương", "by local levels"), noun: Text("lượt", "awards")),
        ],
        example: ["--unit", "724", "--occurred", "2018-12-20", "--recipient-kind", "cá nhân", "--recipient", "Trần Văn Bình",
                  "--issuer", "Công an tỉnh", "--form", "giấy khen"])
}
