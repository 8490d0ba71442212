import SeededRandom
import ANTQDomain
import TextFormats

/// The community models (clubs, teams, groups) and the security cameras:
/// an opening balance on 31-12-2016, then each year's new models,
/// dissolutions, membership changes and cameras, so that the state at the
/// end of each year is exactly its `StateQuota`.
struct CommunityModels {
    let spreading: Spreading

    /// A model as the generator tracks it.
    private struct Model {
        var id: String
        var commune: DemoUnit
        var kind: ModelKind
        var members: Int
        var established: CivilDate
        var active = true
    }

    private var models: [Model] = []
    private var cameras: [String: Int] = [:]
    private var serial: [String: Int] = [:]

    init(spreading: Spreading) { self.spreading = spreading }

    // MARK: - Opening balance

    /// The models and cameras in place on 31-12-2016, entered by the provincial office.
    mutating func opening() -> [Entry] {
        var rng = SplitMix64(seed: spreading.seed, stream: "models opening")
        let q = YearlyQuotas.opening
        var out: [Entry] = []
        for (kind, n) in q.models {
            for c in chooseCommunes(kind, n, &rng) {
                out.append(establish(kind, in: c, on: q.day, office: UnitList.province.code, &rng))
            }
        }
        // The opening shock-team membership is the quota's, spread over the teams.
        let teams = models.indices.filter { models[$0].kind == .shock_team }
        let shares = Spreading.allocate(q.shockTeamMembers, teams.map { _ in rng.double(0.6...1.4) })
        for (i, m) in zip(teams, shares) {
            models[i].members = m
            if let j = out.firstIndex(where: { $0.string("model") == models[i].id }) { out[j].set(.number("members", m)) }
        }
        out += installCameras(q.cameras, on: { _ in q.day }, office: { _ in UnitList.province.code }, &rng)
        return out
    }

    // MARK: - A year

    /// What districts record about models and cameras during `year`.
    mutating func year(_ year: Int, target: StateQuota, previous: StateQuota) -> [Entry] {
        var rng = SplitMix64(seed: spreading.seed, stream: "models \(year)")
        let calendar = DayWeights(year: year)
        var out: [Entry] = []
        let decemberFirst = CivilDate(year: year, month: 12, day: 1)!
        // Dissolutions first (of models established before this year).
        for (kind, n) in YearlyQuotas.dissolved(year) {
            let candidates = models.indices.filter { models[$0].kind == kind && models[$0].active && models[$0].established.year < year }
            for _ in 0..<n {
                let i = candidates.filter { models[$0].active }[rng.below(candidates.filter { models[$0].active }.count)]
                models[i].active = false
                let m = models[i]
                out.append(Entry(office: m.commune.parent!, occurred: calendar.draw(&rng), unit: m.commune.code, type: .modelDissolved, fields: [
                    .text("model", m.id), .text("reason", rng.pick(CommunityModels.dissolutionReasons)),
                ]))
            }
        }
        // New models: the growth plus what was dissolved.
        for (kind, n) in target.models {
            let dissolved = YearlyQuotas.dissolved(year).first { $0.0 == kind }?.1 ?? 0
            let new = n - previous.count(kind) + dissolved
            precondition(new >= 0, "the \(kind) quota shrinks by more than the dissolutions in \(year)")
            for c in chooseCommunes(kind, new, &rng) {
                var d = calendar.draw(&rng)
                if d >= decemberFirst { d = d.adding(days: -30) }
                out.append(establish(kind, in: c, on: d, office: c.parent!, &rng))
            }
        }
        // Shock teams: a few membership changes during the year, then the
        // year-end review (rà soát, kiện toàn) brings the total to the quota.
        let teams = models.indices.filter { models[$0].kind == .shock_team && models[$0].active && models[$0].established < decemberFirst }
        var touched: [Int] = []
        for _ in 0..<5 {
            let i = teams[rng.below(teams.count)]
            if touched.contains(i) { continue }
            touched.append(i)
            let d = CivilDate(year: year, month: rng.int(4...9), day: rng.int(1...28))!
            models[i].members = max(12, models[i].members + rng.int(-6...6))
            out.append(memberChange(models[i], on: d))
        }
        let total = models.filter { $0.kind == .shock_team && $0.active }.reduce(0) { $0 + $1.members }
        var delta = target.shockTeamMembers - total
        var pool = teams.filter { !touched.contains($0) }
        let reviews = 6
        var r = 0
        while r < reviews || delta != 0 {
            precondition(!pool.isEmpty && r < 60, "shock-team members do not reach the quota of \(year)")
            let i = pool.remove(at: rng.below(pool.count))
            var change = r >= reviews - 1 ? delta : delta / (reviews - r) + rng.int(-2...2)
            change = max(change, 12 - models[i].members)
            r += 1
            if change == 0 { continue }
            models[i].members += change
            delta -= change
            out.append(memberChange(models[i], on: CivilDate(year: year, month: 12, day: rng.int(10...28))!))
        }
        // Cameras: installs (the growth plus removals), then a few removed.
        let removed = YearlyQuotas.camerasRemoved(year)
        let installs = target.cameras - previous.cameras + removed
        // Installs are in place before December, when the year's removals happen.
        out += installCameras(installs, on: { r in
            let d = calendar.draw(&r)
            return d.month == 12 ? d.adding(days: -31) : d
        }, office: { $0.parent! }, &rng)
        var left = removed
        while left > 0 {
            let c = UnitList.communes[rng.below(UnitList.communes.count)]
            guard let have = cameras[c.code], have >= 5 else { continue }
            let n = min(left, rng.int(1...3))
            cameras[c.code] = have - n
            left -= n
            // Removed late in the year, after every install of the year is in place.
            out.append(Entry(office: c.parent!, occurred: CivilDate(year: year, month: 12, day: rng.int(1...20))!, unit: c.code,
                             type: .cameraRemoved, fields: [.number("count", n)]))
        }
        return out
    }

    /// The state the generator believes in, checked against the quota after each year.
    func state() -> StateQuota {
        StateQuota(day: day("1970-01-01"),
                   models: ModelKind.allCases.map { k in (k, models.filter { $0.kind == k && $0.active }.count) },
                   shockTeamMembers: models.filter { $0.kind == .shock_team && $0.active }.reduce(0) { $0 + $1.members },
                   cameras: cameras.values.reduce(0, +))
    }

    // MARK: - Helpers

    /// Where new models of a kind go: one club per commune; shock teams in
    /// communes without one; the rest where the people are (landlord clubs
    /// where the factories' workers rent rooms).
    private func chooseCommunes(_ kind: ModelKind, _ n: Int, _ rng: inout SplitMix64) -> [DemoUnit] {
        switch kind {
        case .crime_prevention_club:
            let without = UnitList.communes.filter { c in !models.contains { $0.kind == kind && $0.active && $0.commune.code == c.code } }
            precondition(without.count >= n)
            return Array(without.prefix(n))
        case .shock_team:
            var pool = UnitList.communes.filter { c in !models.contains { $0.kind == kind && $0.active && $0.commune.code == c.code } }
            var out: [DemoUnit] = []
            for _ in 0..<n {
                let i = rng.weightedIndex(pool.map { spreading.weights[$0.code]! })
                out.append(pool.remove(at: i))
            }
            return out
        default:
            let lean = kind == .landlord_club ? 2.0 : 1.0
            let w = UnitList.communes.map { c -> Double in
                let base = spreading.weights[c.code]!
                return lean == 1 ? base : base * base
            }
            return (0..<n).map { _ in UnitList.communes[rng.weightedIndex(w)] }
        }
    }

    private mutating func establish(_ kind: ModelKind, in c: DemoUnit, on d: CivilDate, office: String, _ rng: inout SplitMix64) -> Entry {
        let place = UnitList.longName(c, kind: UnitChanges.kind(c, on: d))
        let area = UnitChanges.kind(c, on: d) == .commune ? "ấp" : "khu phố"
        let n = serial[c.code + kind.rawValue, default: 0] + 1
        serial[c.code + kind.rawValue] = n
        let (suffix, name, members): (String, String, Int) = switch kind {
        case .crime_prevention_club: ("clb-pctp", "CLB phòng, chống tội phạm \(place)", rng.int(18...45))
        case .shock_team: ("doi-xk", "Đội xung kích chống tội phạm \(place)", rng.int(28...52))
        case .landlord_club: ("nha-tro-\(n)", "CLB chủ nhà trọ tự quản về ANTT \(area) \(rng.int(1...12)), \(place)", rng.int(12...40))
        case .relatives_club: ("nguoi-than-\(n)", "CLB quản lý người thân không phạm tội và mắc tệ nạn xã hội \(place)", rng.int(10...30))
        case .self_management_group: ("tu-quan-\(n)", "Tổ tự quản về ANTT \(area) \(rng.int(1...12)), \(place)", rng.int(8...25))
        case .motorbike_taxi_group: ("xe-om-\(n)", "Tổ xe ôm tự quản về ANTT số \(n), \(place)", rng.int(10...30))
        }
        let id = "\(c.code)-\(suffix)"
        models.append(Model(id: id, commune: c, kind: kind, members: members, established: d))
        return Entry(office: office, occurred: d, unit: c.code, type: .modelEstablished, fields: [
            .text("model", id), .text("kind", kind.rawValue), .text("name", name), .number("members", members),
        ])
    }

    private func memberChange(_ m: Model, on d: CivilDate) -> Entry {
        Entry(office: m.commune.parent!, occurred: d, unit: m.commune.code, type: .modelChanged, fields: [
            .text("model", m.id), .number("members", m.members),
        ])
    }

    /// `total` cameras over the communes by weight, each commune's in one to four installs.
    private mutating func installCameras(_ total: Int, on date: (inout SplitMix64) -> CivilDate, office: (DemoUnit) -> String,
                                         _ rng: inout SplitMix64) -> [Entry] {
        let shares = Spreading.allocate(total, UnitList.communes.map { spreading.weights[$0.code]! * rng.double(0.5...1.5) })
        var out: [Entry] = []
        for (c, n) in zip(UnitList.communes, shares) where n > 0 {
            cameras[c.code, default: 0] += n
            let parts = Spreading.allocate(n, (0..<min(n, rng.int(1...4))).map { _ in rng.double(0.5...1.5) })
            for p in parts where p > 0 {
                out.append(Entry(office: office(c), occurred: date(&rng), unit: c.code, type: .cameraInstalled, fields: [.number("count", p)]))
            }
        }
        return out
    }

    static let dissolutionReasons = [
        "Khu nhà trọ bị giải tỏa để xây dựng khu công nghiệp",
        "Sáp nhập vào mô hình khác cùng khu phố",
        "Chủ nhiệm chuyển đi nơi khác, hội viên không duy trì sinh hoạt",
    ]
}
