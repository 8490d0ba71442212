import ANTQDomain

/// Labels for figures, in the terms of the source article and the glossary.
public enum MetricLabels {
    public static func label(_ m: Metric, _ lang: Language) -> String {
        let name = m.name
        if let l = table[name] { return lang == .vi ? l.1 : l.0 }
        return name
    }

    /// A short column heading for per-unit tables and charts; the full label
    /// (without the indentation of sub-figures) when there is no short one.
    public static func short(_ m: Metric, _ lang: Language) -> String {
        if let l = shortTable[m.name] { return lang == .vi ? l.1 : l.0 }
        return label(m, lang).trimmingLeadingSpaces
    }

    static let shortTable: [String: (String, String)] = [
        "tips": ("Tips", "Tin báo"),
        "tips.valuable": ("Valuable tips", "Tin có giá trị"),
        "cases": ("Cases", "Số vụ"),
        "arrests": ("Arrests", "Đối tượng"),
        "weapons.firearm": ("Guns", "Súng"),
        "weapons.rudimentary": ("Rudim. weapons", "VK thô sơ"),
        "awards.collective": ("Collectives", "Tập thể"),
        "awards.individual": ("Individuals", "Cá nhân"),
        "communes.with_club": ("With club", "Xã có CLB"),
        "communes": ("Communes", "Số xã"),
        "cameras": ("Cameras", "Camera"),
        "models.crime_prevention_club": ("Clubs", "CLB PCTP"),
        "models.shock_team": ("Shock teams", "Đội xung kích"),
        "models.landlord_club": ("Landlord cl.", "CLB nhà trọ"),
        "models.relatives_club": ("Relatives cl.", "CLB người thân"),
        "models.self_management_group": ("Self-mgmt gr.", "Tổ tự quản"),
        "models.motorbike_taxi_group": ("Moto-taxi gr.", "Tổ xe ôm"),
    ]

    static let table: [String: (String, String)] = {
        var t: [String: (String, String)] = [
            "tips": ("Tips from the public", "Tin báo của quần chúng"),
            "tips.valuable": ("Valuable tips", "Nguồn tin có giá trị"),
            "cases": ("Cases uncovered", "Vụ điều tra, khám phá"),
            "cases.social_order": ("  social-order crime", "  tội phạm về trật tự xã hội"),
            "cases.drugs": ("  drug crime", "  tội phạm về ma túy"),
            "cases.economic": ("  economic crime", "  tội phạm về kinh tế"),
            "cases.environment": ("  environmental crime", "  tội phạm về môi trường"),
            "cases.high_tech": ("  high-tech crime", "  tội phạm sử dụng công nghệ cao"),
            "cases.corruption": ("  corruption", "  tội phạm tham nhũng, chức vụ"),
            "cases.other": ("  other", "  khác"),
            "arrests": ("Suspects arrested", "Đối tượng bị bắt"),
            "weapons.firearm": ("Guns of all types seized", "Súng các loại"),
            "weapons.rudimentary": ("Rudimentary weapons seized", "Vũ khí thô sơ"),
            "weapons.implement": ("Implements used as weapons", "Hung khí các loại"),
            "weapons.explosive": ("Explosives seized", "Vật liệu nổ"),
            "weapons.support_tool": ("Support tools seized", "Công cụ hỗ trợ"),
            "awards.collective": ("Collectives commended", "Tập thể được khen thưởng"),
            "awards.individual": ("Individuals commended", "Cá nhân được khen thưởng"),
            "cameras": ("Security cameras", "Camera an ninh"),
            "communes": ("Communes, wards, townships", "Xã, phường, thị trấn"),
            "communes.with_club": ("  with a crime-prevention club", "  có CLB phòng, chống tội phạm"),
        ]
        let issuers: [Issuer: (String, String)] = [
            .government: ("by the Government", "Chính phủ"),
            .ministry: ("by the Ministry of Public Security", "Bộ Công an"),
            .province: ("by the Provincial People's Committee", "UBND tỉnh"),
            .provincial_police: ("by the Provincial Police", "Công an tỉnh"),
            .district: ("by district committees", "UBND cấp huyện"),
            .commune: ("by commune committees", "UBND cấp xã"),
        ]
        for rk in RecipientKind.allCases {
            for (i, l) in issuers {
                t["awards.\(rk.rawValue).\(i.rawValue)"] = ("  " + l.0, "  " + l.1)
            }
            t["awards.\(rk.rawValue).local"] = ("  by local levels", "  các cấp địa phương")
        }
        let models: [ModelKind: (String, String)] = [
            .crime_prevention_club: ("Crime-prevention clubs", "CLB phòng, chống tội phạm"),
            .shock_team: ("Shock teams", "Đội xung kích"),
            .landlord_club: ("Landlord clubs", "CLB chủ nhà trọ tự quản"),
            .relatives_club: ("Relatives clubs", "CLB quản lý người thân"),
            .self_management_group: ("Self-management groups", "Tổ tự quản về ANTT"),
            .motorbike_taxi_group: ("Motorbike-taxi groups", "Tổ xe ôm tự quản"),
        ]
        for (k, l) in models {
            t["models.\(k.rawValue)"] = l
            t["models.\(k.rawValue).members"] = ("  members", "  thành viên")
        }
        return t
    }()
}
