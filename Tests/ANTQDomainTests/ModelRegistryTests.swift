import Testing
import TextFormats
@testable import ANTQDomain

/// `forEachStanding` counts from each model's cached final state when the
/// day is after its last entry, and walks the entries otherwise. Both must
/// give what the full views give, on every day that matters, including
/// after retractions took entries away (the cache follows the entries).
@Test(arguments: [UInt64(51), 52, 53])
func standingModelsCountedFromTheCacheAreThoseTheViewsGive(seed: UInt64) throws {
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
        models.forEachStanding(on: day) { unit, kind, members in counted.append("\(unit) \(kind.rawValue) \(members)") }
        let viewed = models.standingModels(on: day).map { "\($0.unit) \($0.kind.rawValue) \($0.members)" }
        #expect(counted.sorted() == viewed.sorted(), "on \(day.iso)")
        checked += counted.count
    }
    #expect(checked > 100)
}

/// Removing an entry (a retraction) and adding one late must leave the
/// cached final state as a fresh walk of the entries gives it.
@Test func theCachedFinalStateFollowsRemovalsAndLateEntries() {
    var m = ModelRegistry()
    let d = CivilDate(year: 2020, month: 5, day: 1)!
    m.add(Fact(occurred: d, unit: "29000", data: .modelEstablished(model: "a", kind: .shock_team, name: "Tổ", members: 4)), seq: 1)
    m.add(Fact(occurred: d.adding(days: 10), unit: "29000", data: .modelDissolved(model: "a", reason: nil)), seq: 2)
    func standing(_ day: CivilDate) -> [Int] {
        var out: [Int] = []
        m.forEachStanding(on: day) { _, _, members in out.append(members) }
        return out
    }
    #expect(standing(d.adding(days: 20)) == [])
    m.remove(Fact(occurred: d.adding(days: 10), unit: "29000", data: .modelDissolved(model: "a", reason: nil)), seq: 2)
    #expect(standing(d.adding(days: 20)) == [4], "the dissolution was taken back")
    // A change recorded later but dated earlier lands before the last entry.
    m.add(Fact(occurred: d.adding(days: 30), unit: "29000", data: .modelChanged(model: "a", kind: nil, name: nil, members: 9)), seq: 3)
    m.add(Fact(occurred: d.adding(days: 5), unit: "29000", data: .modelChanged(model: "a", kind: nil, name: nil, members: 7)), seq: 4)
    #expect(standing(d.adding(days: 40)) == [9])
    #expect(standing(d.adding(days: 6)) == [7])
    #expect(standing(d) == [4])
    #expect(standing(d.adding(days: -1)) == [])
}
