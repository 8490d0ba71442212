import Foundation
import Testing
import TextFormats
@testable import ANTQDomain

private let seeds: [UInt64] = Array(1...12)

@Test(arguments: seeds)
func generatedLogsAreMostlyValidAndCoverEveryEventType(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    #expect(g.refusals * 4 < g.attempts, "\(g.refusals) of \(g.attempts) drafts refused")
    let types = Set(g.events.map(\.type))
    let missing = Set(EventType.allCases).subtracting(types)
    #expect(missing.isSubset(of: [.unitMerged, .modelDissolved, .cameraRemoved, .figureAsserted]), "missing \(missing)")
    let moved = g.events.filter { e in
        if case .corrected(let c) = e.data, let was = c.was { return was.unit != c.replacement.unit || was.occurred.year != c.replacement.occurred.year }
        return false
    }
    #expect(!moved.isEmpty, "no correction moved an event to another unit or year")
}

@Test func generatedLogsTogetherUseEveryEventType() {
    var types: Set<EventType> = []
    for seed in seeds { types.formUnion(RandomLog.make(seed: seed, events: 400).events.map(\.type)) }
    #expect(types == Set(EventType.allCases))
}

@Test(arguments: seeds)
func everyFigureOfEveryUnitAndYearEqualsTheNaiveReference(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let diffs = differencesFromReference(g.events, g.ledger)
    #expect(diffs.isEmpty, "seed \(seed): \(diffs.joined(separator: "\n"))")
}

@Test(arguments: seeds)
func theIncrementalLedgerEqualsAFullReplay(seed: UInt64) {
    // The validator folds batch by batch; a replay folds the stored events.
    let g = RandomLog.make(seed: seed, events: 300)
    #expect(fold(g.events) == g.ledger)
}

@Test(arguments: seeds)
func amendedLogsEqualLogsRecordedRightTheFirstTime(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let amendments = g.events.filter(\.type.isAmendment).count
    #expect(amendments > 10)
    let right = fold(recordedRightFirstTime(g.events))
    #expect(g.ledger.flows == right.flows)
    #expect(g.ledger.units == right.units)
    #expect(g.ledger.models == right.models)
    let diffs = figureDifferences(g.ledger, right)
    #expect(diffs.isEmpty, "seed \(seed): \(diffs.joined(separator: "\n"))")
}

@Test(arguments: seeds.prefix(6))
func aPrefixByRecordedInstantIsTheTruncatedLog(seed: UInt64) {
    // Generate 200 events, remember what was known then, carry on to 400.
    var g = RandomLog.make(seed: seed, events: 200)
    let known = g.ledger
    let knownEvents = g.events
    let cut = g.events.last!.recorded
    while g.events.count < 400 { g.batch() }
    let prefix = g.events.filter { $0.recorded <= cut }
    #expect(prefix.count == knownEvents.count)
    let replayed = fold(prefix)
    #expect(replayed == known)
    let diffs = differencesFromReference(prefix, replayed)
    #expect(diffs.isEmpty, "seed \(seed): \(diffs.joined(separator: "\n"))")
}

@Test func anOverriddenPeriodStartMovesFlowsBetweenYears() {
    // --period-start 12-15 on a calendar-year log: a tip on 2018-12-20 counts in period 2019.
    var b = binhDuong()
    try! b.add(#"{"type":"tip.received","occurred":"2018-12-20","unit":"25747","data":{"count":4,"channel":"hotline","valuable":false}}"#)
    try! b.add(#"{"type":"tip.received","occurred":"2018-12-10","unit":"25747","data":{"count":1,"channel":"hotline","valuable":false}}"#)
    let tips = Metric(name: "tips")!
    let calendar = fold(b.events)
    let police = fold(b.events, periodStart: MonthDay(month: 12, day: 15))
    #expect(FigureQuery(ledger: calendar, year: 2018, periodStart: .january1).value(tips, unit: "74") == 5)
    #expect(FigureQuery(ledger: police, year: 2018, periodStart: MonthDay(month: 12, day: 15)).value(tips, unit: "74") == 1)
    #expect(FigureQuery(ledger: police, year: 2019, periodStart: MonthDay(month: 12, day: 15)).value(tips, unit: "74") == 4)
}

@Test func everyDocumentedFigureNameExists() {
    var names = ["tips", "tips.valuable", "cases", "arrests", "cameras", "communes", "communes.with_club"]
    names += CaseCategory.allCases.map { "cases.\($0.rawValue)" }
    names += WeaponKind.allCases.map { "weapons.\($0.rawValue)" }
    for rk in RecipientKind.allCases {
        names.append("awards.\(rk.rawValue)")
        names += Issuer.allCases.map { "awards.\(rk.rawValue).\($0.rawValue)" }
    }
    for k in ModelKind.allCases { names += ["models.\(k.rawValue)", "models.\(k.rawValue).members"] }
    for n in names { #expect(Metric(name: n)?.name == n, "\(n)") }
    // Every figure the code computes is one of those, or the "local levels" award totals.
    let extra = Set(Metric.all.map(\.name)).subtracting(names)
    #expect(extra == ["awards.collective.local", "awards.individual.local"])
    #expect(Metric(name: "tips.unknown") == nil && Metric(name: "models.shock_team.size") == nil)
}
