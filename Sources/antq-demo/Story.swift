import SeededRandom
import ANTQDomain
import TextFormats

/// The whole timeline of the bundled log, as sittings in the order they
/// happen: the log opened in January 2017, the unit tree and the opening
/// balance, two years of district records, the unit change of July 2018,
/// the conference, the corrections of 2019, the unit changes up to the 2025
/// merger into Thành phố Hồ Chí Minh.
struct Story {
    let seed: UInt64

    /// When PV05 opens the log: Tuesday 03-01-2017, 08:05 in Vietnam.
    static let opened = Schedule.vietnamTime(day("2017-01-03"), minute: 8 * 60 + 5, second: 12, microsecond: 402_117)

    func sittings() -> [Submission] {
        UnitChanges.checkConsistency()
        let spreading = Spreading(seed: seed)
        var models = CommunityModels(spreading: spreading)
        var out: [Submission] = []
        out.append(registration())
        out.append(Submission(recorded: Schedule.vietnamTime(day("2017-01-04"), minute: 9 * 60 + 30, second: 5, microsecond: 77_310),
                              by: Clerks.provincial, entries: models.opening(), what: "opening balance of models and cameras on 31-12-2016"))
        check(models.state(), YearlyQuotas.opening)
        let notBefore = Schedule.vietnamTime(day("2017-01-04"), minute: 14 * 60)

        var years: [Entry] = []
        for (quota, state, previous) in [(YearlyQuotas.flows2017, YearlyQuotas.end2017, YearlyQuotas.opening),
                                         (YearlyQuotas.flows2018, YearlyQuotas.end2018, YearlyQuotas.end2017)] {
            var entries = spreading.flows(Corrections.truth(quota))
            entries += Awards(spreading: spreading).entries(quota)
            entries += models.year(quota.year, target: state, previous: previous)
            check(models.state(), state)
            if quota.year == 2018 { Corrections.plant(&entries) }
            years += entries
        }
        out += Schedule.submissions(years, notBefore: notBefore, seed: seed, stream: "2017-2018")
        out += kindChanges(through: day("2018-12-31"))
        out.append(Conference.assertions())
        out += Corrections.amendments(years)
        out += kindChanges(after: day("2018-12-31"))
        out.append(reorganisation())
        // Sittings in the order they happen (ties keep the order above).
        return out.enumerated().sorted { ($0.element.recorded, $0.offset) < ($1.element.recorded, $1.offset) }.map(\.element)
    }

    private func check(_ have: StateQuota, _ want: StateQuota) {
        for (k, n) in want.models { precondition(have.count(k) == n, "\(k.rawValue): \(have.count(k)) models, the quota is \(n)") }
        precondition(have.shockTeamMembers == want.shockTeamMembers, "shock-team members \(have.shockTeamMembers), quota \(want.shockTeamMembers)")
        precondition(have.cameras == want.cameras, "cameras \(have.cameras), quota \(want.cameras)")
    }

    /// The province, then the nine districts and 91 communes as they stood on 30-12-2013.
    private func registration() -> Submission {
        func register(_ u: DemoUnit, on d: CivilDate) -> Entry {
            Entry(office: UnitList.province.code, occurred: d, unit: u.code, type: .unitRegistered, fields: [
                .text("name", u.name), .text("kind", UnitChanges.registeredKind(u).rawValue), u.parent.map { .text("parent", $0) } ?? .null("parent"),
            ])
        }
        var entries = [register(UnitList.province, on: UnitChanges.provinceEstablished)]
        entries += UnitList.districts.map { register($0, on: UnitChanges.treeRegistered) }
        entries += UnitList.communes.map { register($0, on: UnitChanges.treeRegistered) }
        return Submission(recorded: Schedule.vietnamTime(day("2017-01-03"), minute: 8 * 60 + 21, second: 40, microsecond: 915_002),
                          by: Clerks.provincial, entries: entries, what: "unit tree")
    }

    /// The changes of kind, each recorded by the provincial office a few days after it took effect.
    private func kindChanges(through last: CivilDate? = nil, after first: CivilDate? = nil) -> [Submission] {
        var rng = SplitMix64(seed: seed, stream: "unit changes")
        var days: [CivilDate] = []
        for c in UnitChanges.kindChanges where !days.contains(c.day) { days.append(c.day) }
        return days.filter { d in (last.map { d <= $0 } ?? true) && (first.map { d > $0 } ?? true) }.map { d in
            let entries = UnitChanges.kindChanges.filter { $0.day == d }.map { c in
                Entry(office: UnitList.province.code, occurred: c.day, unit: c.code, type: .unitChanged, fields: [.text("kind", c.after.rawValue)])
            }
            return Submission(recorded: Schedule.officeHours(Schedule.workingDay(d.adding(days: rng.int(3...6))), &rng),
                              by: Clerks.provincial, entries: entries, what: "unit changes of \(d.iso)")
        }
    }
}
