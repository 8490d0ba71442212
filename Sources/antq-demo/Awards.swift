import SeededRandom
import ANTQDomain
import TextFormats

/// The year's commendations: who gave them, when, to whom. Local levels
/// give most of theirs at the year's review conferences and around the
/// festival of 19 August (Ngày hội toàn dân bảo vệ ANTQ), the provincial
/// police gives ad-hoc certificates after notable arrests, the Ministry a
/// handful a year. One event per recipient, so an audit names them.
struct Awards {
    let spreading: Spreading

    /// An occasion on which awards are handed out. Ceremonies' awards need
    /// no reason (the occasion says it); ad-hoc ones say what was done.
    private struct Occasion {
        var day: CivilDate
        var reason: String?
    }

    func entries(_ q: FlowQuota) -> [Entry] {
        var rng = SplitMix64(seed: spreading.seed, stream: "awards \(q.year)")
        let y = q.year
        let review = Occasion(day: day(y == 2017 ? "2017-03-24" : "2018-03-23"), reason: nil)
        let festival = Occasion(day: day("\(y)-08-18"), reason: nil)
        let ministry = Occasion(day: day("\(y)-08-17"), reason: "Thành tích xuất sắc trong phong trào toàn dân bảo vệ ANTQ")
        let calendar = DayWeights(year: y)
        func adHoc() -> Occasion {
            Occasion(day: calendar.draw(&rng), reason: rng.pick(Awards.adHocReasons))
        }
        var out: [Entry] = []
        for (rk, issuer, total) in q.awards {
            var left = total
            // 14-07-2018: the provincial police's ad-hoc certificates to 2 collectives and
            // 8 individuals (cand.com.vn, "Khen thưởng 10 tập thể, cá nhân xuất sắc bảo vệ ANTQ").
            if y == 2018 && issuer == .provincial_police {
                let n = min(left, rk == .collective ? 2 : 8)
                let o = Occasion(day: day("2018-07-14"), reason: "Khen thưởng đột xuất: thành tích xuất sắc trong đấu tranh phòng, chống tội phạm")
                for _ in 0..<n { out.append(award(rk, issuer, o, &rng)) }
                left -= n
            }
            while left > 0 {
                let o: Occasion
                var group = 1
                switch issuer {
                case .ministry, .government:
                    o = ministry
                case .province:
                    o = rng.chance(0.6) ? review : festival
                case .provincial_police:
                    o = adHoc()
                    group = rng.int(1...4)
                case .district:
                    let r = rng.unit()
                    if r < 0.3 {
                        o = Occasion(day: CivilDate(year: y, month: rng.int(1...2), day: rng.int(10...28))!, reason: nil)
                        group = rng.int(3...8)
                    } else if r < 0.8 {
                        o = Occasion(day: CivilDate(year: y, month: 8, day: rng.int(10...25))!, reason: festival.reason)
                        group = rng.int(3...8)
                    } else {
                        o = adHoc()
                    }
                case .commune:
                    if rng.chance(0.6) {
                        o = Occasion(day: CivilDate(year: y, month: 8, day: rng.int(5...25))!, reason: festival.reason)
                        group = rng.int(2...5)
                    } else {
                        o = adHoc()
                    }
                }
                // A district's or commune's ceremony honours people of one place,
                // entered as one line with the count; ad-hoc awards name the person.
                let place = pickCommune(issuer, &rng)
                let n = min(group, left)
                let local = issuer == .district || issuer == .commune
                if local && o.reason == nil && n > 1 {
                    out.append(award(rk, issuer, o, &rng, commune: place, count: n))
                } else {
                    for _ in 0..<n { out.append(award(rk, issuer, o, &rng, commune: local ? place : nil)) }
                }
                left -= n
            }
        }
        return out
    }

    private func pickCommune(_ issuer: Issuer, _ rng: inout SplitMix64) -> DemoUnit {
        UnitList.communes[rng.weightedIndex(UnitList.communes.map { spreading.weights[$0.code]! })]
    }

    private func award(_ rk: RecipientKind, _ issuer: Issuer, _ o: Occasion, _ rng: inout SplitMix64, commune: DemoUnit? = nil,
                       count: Int = 1) -> Entry {
        var c = commune ?? pickCommune(issuer, &rng)
        if let commune, issuer == .district, count == 1, !rng.chance(0.4) {
            // A district ceremony: recipients from any commune of the district.
            let siblings = UnitList.communes(of: commune.parent!)
            c = siblings[rng.weightedIndex(siblings.map { spreading.weights[$0.code]! })]
        }
        let place = UnitList.longName(c, kind: UnitChanges.kind(c, on: o.day))
        let recipient: String
        if count > 1 {
            recipient = rk == .collective ? "\(count) tập thể thuộc \(place)"
                : "\(count) cá nhân (\(rng.pick(["hội viên CLB PCTP", "đội viên Đội xung kích", "bảo vệ dân phố", "quần chúng nhân dân"])) \(place))"
        } else if rk == .collective {
            var kinds = ["Công an \(place)", "CLB phòng, chống tội phạm \(place)", "Đội xung kích chống tội phạm \(place)"]
            let area = c.kind == .commune ? "Ấp" : "Khu phố"
            kinds.append("\(area) \(rng.int(1...9)), \(place)")
            if c.kind == .ward { kinds.append("Ban bảo vệ dân phố \(place)") }
            recipient = rng.pick(kinds)
        } else {
            let roles = ["hội viên CLB PCTP", "đội viên Đội xung kích", "bảo vệ dân phố", "Công an viên", "người dân"]
            recipient = "\(Clerks.personName(&rng)) (\(rng.pick(roles)) \(place))"
        }
        let form: AwardForm = switch issuer {
        case .ministry, .government: .certificate_of_merit
        case .province: rk == .collective && rng.chance(0.15) ? .emulation_flag : .certificate_of_merit
        case .provincial_police, .district, .commune: .certificate_of_commendation
        }
        let office = issuer == .district || issuer == .commune ? c.parent! : UnitList.province.code
        var fields: [InputField] = [.text("recipient_kind", rk.rawValue), .text("recipient", recipient), .text("issuer", issuer.rawValue),
                                   .text("form", form.rawValue)]
        if count > 1 { fields.append(.number("count", count)) }
        if let reason = o.reason { fields.append(.text("reason", reason)) }
        return Entry(office: office, occurred: o.day, unit: c.code, type: .awardGranted, fields: fields)
    }

    static let adHocReasons = [
        "Bắt giữ đối tượng cướp giật tài sản",
        "Cung cấp nguồn tin giúp triệt phá tụ điểm ma túy",
        "Tố giác đối tượng trộm cắp tài sản",
        "Cao điểm tấn công trấn áp tội phạm dịp Tết",
        "Truy đuổi, bắt giữ đối tượng trộm cắp xe máy",
    ]
}
