import ANTQDomain
import ANTQTestSupport
import Testing
import TextFormats

/// `forEachStanding` (what the figures count) must give what the full views
/// give (`activeModels`, what listings show), on every day that matters,
/// including after retractions took entries away.
@Test(arguments: [UInt64(51), 52, 53])
func standingModelsCountedForFiguresAreThoseTheViewsGive(seed: UInt64) throws {
    let models = RandomLog.make(seed: seed, events: 800).ledger.models
    #expect(models.recordCount > 10)
    var days: Set<Int> = [CivilDate(year: 2100, month: 1, day: 1)!.dayNumber]
    for r in models.allRecords {
        for e in r.entries { days.formUnion([Int(e.day) - 1, Int(e.day), Int(e.day) + 1]) }
    }
    var checked = 0
    for n in days.sorted() {
        let day = CivilDate(dayNumber: n)
        var counted: [String] = []
        models.forEachStanding(on: day) { unit, kind, members in counted.append("\(unit) \(kind) \(members)") }
        let viewed = models.activeModels(on: day).map { "\($0.unit) \($0.kind) \($0.members)" }
        #expect(counted.sorted() == viewed.sorted(), "on \(day.iso)")
        checked += counted.count
    }
    #expect(checked > 100)
}

private func established(_ id: String, kind: String, members: Int64) -> EventData {
    EventData(.modelEstablished, ["model": .text(id), "kind": .text(kind), "name": .text("Tổ"), "members": .int(members)])
}

private func changed(_ id: String, members: Int64) -> EventData {
    EventData(.modelChanged, ["model": .text(id), "members": .int(members)])
}

private func dissolved(_ id: String) -> EventData { EventData(.modelDissolved, ["model": .text(id)]) }

/// Removing an entry (a retraction) and adding one late must leave the
/// model as a fresh walk of its entries gives it.
@Test func theStandingStateFollowsRemovalsAndLateEntries() {
    var m = ModelRegistry()
    let d = CivilDate(year: 2020, month: 5, day: 1)!
    m.add(Fact(occurred: d, unit: "29000", data: established("a", kind: "shock_team", members: 4)), seq: 1)
    m.add(Fact(occurred: d.adding(days: 10), unit: "29000", data: dissolved("a")), seq: 2)
    func standing(_ day: CivilDate) -> [Int64] {
        var out: [Int64] = []
        m.forEachStanding(on: day) { _, _, members in out.append(members) }
        return out
    }
    #expect(standing(d.adding(days: 20)) == [])
    m.remove(Fact(occurred: d.adding(days: 10), unit: "29000", data: dissolved("a")), seq: 2)
    #expect(standing(d.adding(days: 20)) == [4], "the dissolution was taken back")
    // A change recorded later but dated earlier lands before the last entry.
    m.add(Fact(occurred: d.adding(days: 30), unit: "29000", data: changed("a", members: 9)), seq: 3)
    m.add(Fact(occurred: d.adding(days: 5), unit: "29000", data: changed("a", members: 7)), seq: 4)
    #expect(standing(d.adding(days: 40)) == [9])
    #expect(standing(d.adding(days: 6)) == [7])
    #expect(standing(d) == [4])
    #expect(standing(d.adding(days: -1)) == [])
    #expect(m.record("a")?.entries.map(\.seq) == [1, 4, 3])
}

@Test func aModelChangeKeepsWhatItDoesNotSay() {
    let change = ModelChange(changed("a", members: 9))
    #expect(change == .changed(kind: nil, name: nil, members: 9))
    #expect(change?.data(model: "a") == changed("a", members: 9))
    let est = ModelChange(established("a", kind: "shock_team", members: 4))
    #expect(est?.data(model: "a") == established("a", kind: "shock_team", members: 4))
    #expect(ModelChange(dissolved("a"))?.data(model: "a") == dissolved("a"))
    #expect(ModelChange(EventData(.arrestMade, ["count": .int(1)])) == nil)
}

@Test func camerasAreANetCountPerDay() {
    var m = ModelRegistry()
    let d = CivilDate(year: 2019, month: 1, day: 1)!
    m.add(Fact(occurred: d, unit: "1", data: EventData(.cameraInstalled, ["count": .int(40)])), seq: 1)
    m.add(Fact(occurred: d.adding(days: 365), unit: "1", data: EventData(.cameraRemoved, ["count": .int(15)])), seq: 2)
    #expect(m.cameraCount("1", on: d.adding(days: -1)) == 0)
    #expect(m.cameraCount("1", on: d) == 40)
    #expect(m.cameraCount("1", on: d.adding(days: 365)) == 25)
    #expect(m.cameraCount("1") == 25)
    // Taking both back leaves no trace (a snapshot keeps no empty day).
    m.remove(Fact(occurred: d.adding(days: 365), unit: "1", data: EventData(.cameraRemoved, ["count": .int(15)])), seq: 2)
    m.remove(Fact(occurred: d, unit: "1", data: EventData(.cameraInstalled, ["count": .int(40)])), seq: 1)
    #expect(m.cameras.isEmpty)
}
