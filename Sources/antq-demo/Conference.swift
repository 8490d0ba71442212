import ANTQDomain
import TextFormats

/// The review conference of 28-03-2019: the provincial office records every
/// figure it announced as `figure.asserted` (unit 74, year 2018), with the
/// article's own wording in the note. `antq verify` checks each against the
/// log as it stood when it was recorded; `antq audit` shows announced
/// against current.
enum Conference {
    static let source = "Tổng kết phong trào toàn dân bảo vệ ANTQ năm 2018 (hội nghị 28/3/2019, Báo Bình Dương 29/3/2019)"

    /// (metric, value, the article's words).
    static var figures: [(String, Int, String)] {
        let f = YearlyQuotas.flows2018
        let s = YearlyQuotas.end2018
        return [
            ("tips.valuable", f.tipsValuable,
             "quần chúng nhân dân đã cung cấp hơn 5.000 nguồn tin có giá trị — công bố làm tròn \"hơn 5.000\" (more than 5,000); số trong sổ: \(NumberStyle.vietnamese.format(f.tipsValuable))"),
            ("cases", f.totalCases, "giúp công an các cấp điều tra, khám phá 2.144 vụ"),
            ("arrests", f.arrests, "bắt 3.630 đối tượng"),
            ("weapons.firearm", f.weapons(.firearm), "thu gom 21 súng các loại"),
            ("weapons.rudimentary", f.weapons(.rudimentary), "thu gom … 501 vũ khí thô sơ"),
            ("awards.collective.local", f.awards(.collective, local: true), "các cấp đã kịp thời khen thưởng động viên cho 191 tập thể"),
            ("awards.individual.local", f.awards(.individual, local: true), "các cấp đã kịp thời khen thưởng động viên cho 385 cá nhân"),
            ("awards.collective.ministry", f.awards.filter { $0.0 == .collective && $0.1 == .ministry }.reduce(0) { $0 + $1.2 },
             "Bộ Công an khen thưởng cho 2 tập thể"),
            ("awards.individual.ministry", f.awards.filter { $0.0 == .individual && $0.1 == .ministry }.reduce(0) { $0 + $1.2 },
             "Bộ Công an khen thưởng cho 1 cá nhân"),
            ("communes", UnitList.communes.count, "trên địa bàn tỉnh có 91/91 xã, phường, thị trấn"),
            ("communes.with_club", s.count(.crime_prevention_club), "91/91 xã, phường, thị trấn thành lập CLB phòng, chống tội phạm"),
            ("models.shock_team", s.count(.shock_team), "80 địa phương thành lập Đội xung kích chống tội phạm"),
            ("models.shock_team.members", s.shockTeamMembers,
             "80 địa phương thành lập Đội xung kích chống tội phạm với 3.359 hội viên"),
            ("models.landlord_club", s.count(.landlord_club), "226 CLB Chủ nhà trọ tự quản về ANTT"),
            ("models.relatives_club", s.count(.relatives_club), "72 CLB quản lý người thân không phạm tội và mắc tệ nạn xã hội"),
            ("models.self_management_group", s.count(.self_management_group), "176 tổ tự quản về ANTT"),
            ("models.motorbike_taxi_group", s.count(.motorbike_taxi_group), "38 tổ xe ôm tự quản về ANTT"),
            ("cameras", s.cameras,
             "gần 1.600 camera an ninh — công bố làm tròn \"gần 1.600\" (close to 1,600); số trong sổ: \(NumberStyle.vietnamese.format(s.cameras))"),
        ]
    }

    /// The sitting: recorded in the afternoon of the conference day.
    static func assertions() -> Submission {
        let entries = figures.map { metric, value, words in
            Entry(office: UnitList.province.code, occurred: YearlyQuotas.conferenceDay, unit: UnitList.province.code, type: .figureAsserted,
                  fields: [.text("metric", metric), .number("year", 2018), .number("value", value), .text("note", "\(source): \(words)")])
        }
        return Submission(recorded: Schedule.vietnamTime(YearlyQuotas.conferenceDay, minute: 15 * 60 + 10, second: 42, microsecond: 318_204),
                          by: Clerks.provincial, entries: entries, what: "figures announced at the conference of 28-03-2019")
    }
}
