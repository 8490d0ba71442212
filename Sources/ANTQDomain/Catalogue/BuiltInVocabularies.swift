/// The values catalogue v1 knows, in the terms of the source article and
/// the glossary (`../shared/domain/GLOSSARY.md`): their codes, labels and
/// the spellings offices use in spreadsheets.
extension Vocabulary {
    public static let builtIn: [VocabularyName: Vocabulary] = {
        var v: [VocabularyName: Vocabulary] = [:]
        for (name, terms) in builtInTerms { v[name] = Vocabulary(name, terms) }
        return v
    }()

    static let builtInTerms: [(VocabularyName, [Term])] = [
        (.unitKind, [
            Term("province", Text("tỉnh", "province")),
            Term("city", Text("thành phố", "city")),
            Term("town", Text("thị xã", "town")),
            Term("district", Text("huyện", "district")),
            // A city's district is a quận, a province's a huyện: a document heads itself by the right one.
            Term("urban_district", Text("quận", "urban district")),
            Term("ward", Text("phường", "ward")),
            Term("commune", Text("xã", "commune")),
            Term("township", Text("thị trấn", "township")),
            Term("special_zone", Text("đặc khu", "special zone")),
        ]),
        (.tipChannel, [
            Term("hotline", Text("đường dây nóng", "hotline"), aliases: ["Điện thoại", "Gọi điện"]),
            Term("in_person", Text("trực tiếp", "in person"), aliases: ["Đến trình báo"]),
            Term("club", Text("qua câu lạc bộ", "through a club"), aliases: ["CLB", "Câu lạc bộ", "Qua CLB"]),
            Term("letter", Text("đơn thư", "letter"), aliases: ["Thư", "Văn bản"]),
            Term("online", Text("trực tuyến", "online"), aliases: ["Mạng xã hội", "Email", "Zalo"]),
            Term("other", Text("khác", "other")),
        ]),
        (.caseCategory, [
            Term("social_order", Text("tội phạm về trật tự xã hội", "social-order crime"), aliases: ["Trật tự xã hội", "TTXH", "Hình sự", "Phạm pháp hình sự"]),
            Term("drugs", Text("tội phạm về ma túy", "drug crime"), aliases: ["Ma túy", "Ma tuý"]),
            Term("economic", Text("tội phạm về kinh tế", "economic crime"), aliases: ["Kinh tế"]),
            Term("environment", Text("tội phạm về môi trường", "environmental crime"), aliases: ["Môi trường"]),
            Term("high_tech", Text("tội phạm sử dụng công nghệ cao", "high-tech crime"), aliases: ["Công nghệ cao", "Sử dụng công nghệ cao"]),
            Term("corruption", Text("tội phạm tham nhũng, chức vụ", "corruption"), aliases: ["Tham nhũng", "Chức vụ", "Tham nhũng, chức vụ"]),
            Term("other", Text("khác", "other")),
        ]),
        (.weaponKind, [
            Term("firearm", Text("súng các loại", "guns of all types"), figure: Text("Súng các loại", "Guns of all types seized"), short: Text("Súng", "Guns"),
                 aliases: ["Súng", "Súng tự chế", "Súng săn"]),
            Term("rudimentary", Text("vũ khí thô sơ", "rudimentary weapons"), figure: Text("Vũ khí thô sơ", "Rudimentary weapons seized"), short: Text("VK thô sơ", "Rudim. weapons"),
                 aliases: ["Thô sơ"]),
            Term("implement", Text("hung khí", "implements used as weapons"), figure: Text("Hung khí các loại", "Implements used as weapons"),
                 aliases: ["Hung khí các loại"]),
            Term("explosive", Text("vật liệu nổ", "explosives"), figure: Text("Vật liệu nổ", "Explosives seized"), aliases: ["Thuốc nổ"]),
            Term("support_tool", Text("công cụ hỗ trợ", "support tools"), figure: Text("Công cụ hỗ trợ", "Support tools seized"), aliases: ["CCHT"]),
        ]),
        (.recipientKind, [
            Term("collective", Text("tập thể", "collective"), figure: Text("Tập thể được khen thưởng", "Collectives commended"), short: Text("Tập thể", "Collectives")),
            Term("individual", Text("cá nhân", "individual"), figure: Text("Cá nhân được khen thưởng", "Individuals commended"), short: Text("Cá nhân", "Individuals")),
        ]),
        (.awardIssuer, [
            Term("government", Text("Chính phủ", "Government"), figure: Text("Chính phủ", "by the Government"),
                 aliases: ["Thủ tướng", "Thủ tướng Chính phủ"]),
            Term("ministry", Text("Bộ Công an", "Ministry of Public Security"), figure: Text("Bộ Công an", "by the Ministry of Public Security"),
                 aliases: ["Bộ trưởng Bộ Công an", "BCA"]),
            Term("province", Text("UBND tỉnh", "Provincial People's Committee"), figure: Text("UBND tỉnh", "by the Provincial People's Committee"),
                 aliases: ["Chủ tịch UBND tỉnh", "Tỉnh"]),
            Term("provincial_police", Text("Công an tỉnh", "Provincial Police"), figure: Text("Công an tỉnh", "by the Provincial Police"),
                 aliases: ["Giám đốc Công an tỉnh"]),
            Term("district", Text("UBND cấp huyện", "district committee"), figure: Text("UBND cấp huyện", "by district committees"),
                 aliases: ["UBND huyện", "Cấp huyện", "Huyện"]),
            Term("commune", Text("UBND cấp xã", "commune committee"), figure: Text("UBND cấp xã", "by commune committees"),
                 aliases: ["UBND xã", "Cấp xã", "Xã"]),
        ]),
        (.awardForm, [
            Term("emulation_flag", Text("cờ thi đua", "emulation flag")),
            Term("certificate_of_merit", Text("bằng khen", "certificate of merit")),
            Term("certificate_of_commendation", Text("giấy khen", "certificate of commendation")),
            Term("medal", Text("huy chương", "medal"), aliases: ["Huân chương"]),
            Term("badge", Text("kỷ niệm chương", "badge")),
            Term("other", Text("khác", "other")),
        ]),
        (.modelKind, [
            Term("crime_prevention_club", Text("CLB phòng, chống tội phạm", "Crime-prevention clubs"), short: Text("CLB PCTP", "Clubs"),
                 aliases: ["CLB PCTP", "Câu lạc bộ phòng, chống tội phạm", "CLB xung kích PCTP"]),
            Term("shock_team", Text("Đội xung kích", "Shock teams"), short: Text("Đội xung kích", "Shock teams"), aliases: ["Hiệp sĩ"]),
            Term("landlord_club", Text("CLB chủ nhà trọ tự quản", "Landlord clubs"), short: Text("CLB nhà trọ", "Landlord cl."), aliases: ["CLB chủ nhà trọ", "Nhà trọ tự quản"]),
            Term("relatives_club", Text("CLB quản lý người thân", "Relatives clubs"), short: Text("CLB người thân", "Relatives cl."), aliases: ["CLB người thân"]),
            Term("self_management_group", Text("Tổ tự quản về ANTT", "Self-management groups"), short: Text("Tổ tự quản", "Self-mgmt gr."), aliases: ["Tổ tự quản", "Tổ nhân dân tự quản"]),
            Term("motorbike_taxi_group", Text("Tổ xe ôm tự quản", "Motorbike-taxi groups"), short: Text("Tổ xe ôm", "Moto-taxi gr."), aliases: ["Tổ xe ôm"]),
        ]),
    ]

    /// Unit kinds at commune level (xã, phường, thị trấn, đặc khu): the
    /// leaves the "91/91 communes" figure counts.
    public static let communeLevelKinds: Set<String> = ["ward", "commune", "township", "special_zone"]

    /// Issuers counted in the "các cấp" (local levels) award figures.
    /// Values a province declares are not: what level they are is not known.
    public static let localIssuers: Set<String> = ["province", "provincial_police", "district", "commune"]

    /// The model kind whose standing in a commune makes it a "commune with a club".
    public static let clubKind = "crime_prevention_club"
}
