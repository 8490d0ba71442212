import SeededRandom
import TextFormats

/// Who records what: one clerk per district office (with a hand-over in Dĩ
/// An), and two officers of the provincial police's PV05 office for the
/// province's own records. The names are invented, not real people.
enum Clerks {
    /// PV05: creates the log, registers units and opening balances, records
    /// provincial awards and the figures announced at the conference.
    static let provincial = "Nguyễn Thị Thanh Hương"
    /// PV05 reviewer who reconciles the districts' records after the conference.
    static let reviewer = "Lê Minh Tuấn"

    private static let byDistrict: [(district: String, from: CivilDate?, name: String)] = [
        ("718", nil, "Phạm Thị Ngọc Ánh"),
        ("719", nil, "Huỳnh Văn Lợi"),
        ("720", nil, "Trương Thị Mỹ Linh"),
        ("721", nil, "Võ Thành Nhân"),
        ("722", nil, "Đặng Văn Sơn"),
        ("723", nil, "Lâm Thị Bích Ngọc"),
        ("724", nil, "Ngô Quốc Việt"),
        ("724", day("2018-07-01"), "Trần Thị Kim Oanh"),
        ("725", nil, "Bùi Thị Thu Trang"),
        ("726", nil, "Hồ Văn Phúc"),
    ]

    /// The clerk of `district` ("74" for the province) on a recording day.
    static func clerk(of district: String, on d: CivilDate) -> String {
        if district == UnitList.province.code { return provincial }
        var name: String?
        for entry in byDistrict where entry.district == district {
            if let from = entry.from, d < from { continue }
            name = entry.name
        }
        guard let name else { preconditionFailure("no clerk for district \(district)") }
        return name
    }

    // MARK: - Names of people who receive awards

    private static let families: [(String, Double)] = [
        ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Võ", 5), ("Phan", 4), ("Trương", 3),
        ("Bùi", 3), ("Đặng", 3), ("Đỗ", 2), ("Ngô", 2), ("Hồ", 2), ("Dương", 2), ("Lý", 1), ("Đinh", 1), ("Mai", 1),
        ("Lâm", 1), ("Châu", 1), ("Tô", 1),
    ]
    private static let maleMiddles = ["Văn", "Văn", "Văn", "Thanh", "Minh", "Quốc", "Hữu", "Công", "Đức", "Hoàng", "Ngọc"]
    private static let femaleMiddles = ["Thị", "Thị", "Thị", "Thị Ngọc", "Thị Thu", "Thị Kim", "Thị Mỹ", "Thị Thanh", "Ngọc"]
    private static let maleGivens = ["Hùng", "Dũng", "Tuấn", "Minh", "Phước", "Lộc", "Tài", "Sang", "Thành", "Hải", "Long",
                                     "Nam", "Bình", "Tâm", "Tám", "Hiếu", "Nghĩa", "Trung", "Khánh", "Vũ", "Sơn", "Tùng", "Đạt"]
    private static let femaleGivens = ["Lan", "Hoa", "Hương", "Mai", "Nga", "Hạnh", "Trang", "Thảo", "Vân", "Yến", "Phượng",
                                       "Loan", "Dung", "Hằng", "Nhung", "Thủy", "Tuyết", "Xuân", "Hiền"]

    /// A plausible Vietnamese full name (about a fifth of the movement's
    /// commended individuals are women).
    static func personName(_ rng: inout SplitMix64) -> String {
        let family = rng.weighted(families)
        if rng.chance(0.22) {
            return nfc("\(family) \(rng.pick(femaleMiddles)) \(rng.pick(femaleGivens))")
        }
        return nfc("\(family) \(rng.pick(maleMiddles)) \(rng.pick(maleGivens))")
    }
}
