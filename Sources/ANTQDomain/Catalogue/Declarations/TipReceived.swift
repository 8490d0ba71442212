/// `tip.received`: tips from the public (tin báo của quần chúng).
public enum TipReceived {
    public static let count = FieldRef(0, "count")
    public static let channel = FieldRef(1, "channel")
    public static let valuable = FieldRef(2, "valuable")

    static let spec = EventSpec(
        .tipReceived, label: Text("Tin báo của quần chúng", "Tips from the public"),
        help: Text("Tin báo, tố giác của quần chúng nhận được; 'có giá trị' khi đã được xác minh là có giá trị.",
                   "Tips received from the public; valuable when verified to be of value."),
        fields: [
            FieldSpec(count, .positiveCount, .defaulted(.int(1)), label: Text("số tin", "number of tips"), columns: ["Số tin", "Số tin báo", "Số lượng"]),
            FieldSpec(channel, .choice(.tipChannel), .required, label: Text("kênh tiếp nhận", "channel"),
                      columns: ["Kênh", "Kênh tiếp nhận", "Hình thức tiếp nhận", "Nguồn tin"]),
            FieldSpec(valuable, .bool, .optional, label: Text("có giá trị", "valuable"),
                      help: Text("có/không; bỏ trống khi chưa rõ (chỉ tính vào tổng số tin)", "yes/no; leave out when not known (counts in tips only)"),
                      columns: ["Có giá trị", "Tin có giá trị", "Giá trị"]),
        ],
        flows: [
            .fixed("tips", amount: count, label: Text("Tin báo của quần chúng", "Tips from the public"), short: Text("Tin báo", "Tips"), noun: Text("tin", "tips")),
            .fixed("tips.valuable", amount: count, when: .isTrue(valuable), label: Text("Nguồn tin có giá trị", "Valuable tips"),
                   short: Text("Tin có giá trị", "Valuable tips"), noun: Text("tin", "tips")),
        ],
        example: ["--unit", "Phú Cường", "--occurred", "2018-05-14", "--count", "3", "--channel", "đường dây nóng", "--valuable", "có"])
}

/// `case.solved`: criminal cases investigated and uncovered (vụ điều tra, khám phá).
public enum CaseSolved {
    public static let count = FieldRef(0, "count")
    public static let category = FieldRef(1, "category")
    public static let caseRef = FieldRef(2, "case")

    static let spec = EventSpec(
        .caseSolved, label: Text("Vụ điều tra, khám phá", "Cases uncovered"),
        help: Text("Vụ án được điều tra, khám phá, theo loại tội phạm.", "Criminal cases investigated and uncovered, by category."),
        fields: [
            FieldSpec(count, .positiveCount, .defaulted(.int(1)), label: Text("số vụ", "number of cases"), columns: ["Số vụ", "Số lượng"]),
            FieldSpec(category, .choice(.caseCategory), .required, label: Text("loại tội phạm", "category"),
                      columns: ["Loại tội phạm", "Loại", "Phân loại"]),
            FieldSpec(caseRef, .text(maxLength: 100), .optional, label: Text("số hồ sơ vụ án", "case reference"),
                      columns: ["Vụ án", "Mã vụ án", "Số hồ sơ", "Hồ sơ"]),
        ],
        flows: [
            .fixed("cases", amount: count, label: Text("Vụ điều tra, khám phá", "Cases uncovered"), short: Text("Số vụ", "Cases"), noun: Text("vụ", "cases")),
            FlowRule([.literal("cases"), .value(category, .caseCategory)], amount: count, noun: Text("vụ", "cases")),
        ],
        example: ["--unit", "25747", "--occurred", "2018-05-14", "--category", "ma túy", "--case", "HS-2018-017"])
}

/// `arrest.made`: suspects arrested (đối tượng bị bắt).
public enum ArrestMade {
    public static let count = FieldRef(0, "count")
    public static let caseRef = FieldRef(1, "case")
    public static let caughtInAct = FieldRef(2, "caught_in_act")

    static let spec = EventSpec(
        .arrestMade, label: Text("Đối tượng bị bắt", "Suspects arrested"),
        help: Text("Số đối tượng bị bắt; 'bắt quả tang' khi bắt khi đang thực hiện hành vi.",
                   "Suspects arrested; caught in the act when arrested while committing the offence."),
        fields: [
            FieldSpec(count, .positiveCount, .required, label: Text("số đối tượng", "number arrested"), columns: ["Số đối tượng", "Số lượng"]),
            FieldSpec(caseRef, .text(maxLength: 100), .optional, label: Text("số hồ sơ vụ án", "case reference"),
                      columns: ["Vụ án", "Mã vụ án", "Số hồ sơ", "Hồ sơ"]),
            FieldSpec(caughtInAct, .bool, .optional, label: Text("bắt quả tang", "caught in the act"), columns: ["Bắt quả tang", "Quả tang"]),
        ],
        flows: [
            .fixed("arrests", amount: count, label: Text("Đối tượng bị bắt", "Suspects arrested"), short: Text("Đối tượng", "Arrests"), noun: Text("đối tượng", "suspects")),
            .fixed("arrests.caught_in_act", amount: count, when: .isTrue(caughtInAct), label: Text("bắt quả tang", "caught in the act"), noun: Text("đối tượng", "suspects")),
        ],
        example: ["--unit", "Phú Cường", "--occurred", "2018-05-14", "--count", "2", "--caught-in-act", "có"])
}

/// `weapon.seized`: weapons, explosives and support tools seized.
public enum WeaponSeized {
    public static let kind = FieldRef(0, "kind")
    public static let quantity = FieldRef(1, "quantity")
    public static let caseRef = FieldRef(2, "case")

    static let spec = EventSpec(
        .weaponSeized, label: Text("Vũ khí, vật liệu nổ thu giữ", "Weapons seized"),
        help: Text("Vũ khí, vật liệu nổ, công cụ hỗ trợ thu giữ, theo loại.", "Weapons, explosives and support tools seized, by kind."),
        fields: [
            FieldSpec(kind, .choice(.weaponKind), .required, label: Text("loại", "kind"), columns: ["Loại vũ khí", "Loại", "Phân loại"]),
            FieldSpec(quantity, .positiveCount, .required, label: Text("số lượng", "quantity"), columns: ["Số lượng"]),
            FieldSpec(caseRef, .text(maxLength: 100), .optional, label: Text("số hồ sơ vụ án", "case reference"),
                      columns: ["Vụ án", "Mã vụ án", "Số hồ sơ", "Hồ sơ"]),
        ],
        flows: [
            FlowRule([.literal("weapons"), .value(kind, .weaponKind)], amount: quantity),
        ],
        example: ["--unit", "25747", "--occurred", "2018-05-14", "--kind", "vũ khí thô sơ", "--quantity", "3"])
}
