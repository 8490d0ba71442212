import ANTQDomain
import ANTQTestSupport
import Testing
import TextFormats

private let seeds: [UInt64] = Array(1...12)

/// Types a 400-event random log may lack: rare on purpose (mergers, splits,
/// continued codes, abolished districts, dissolutions,
/// removals and published figures are a few percent of the draws; retirements of
/// declared indicators a few percent of the declarations).
private let rareTypes: Set<EventType> = [.unitMerged, .unitSplit, .unitContinued, .unitAbolished, .modelDissolved, .cameraRemoved, .figureAsserted, .indicatorRetired]

@Test(arguments: seeds)
func generatedLogsAreMostlyValidAndCoverEveryEventType(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    #expect(g.refusals * 4 < g.attempts, "\(g.refusals) of \(g.attempts) drafts refused")
    let missing = Set(EventType.allCases).subtracting(g.events.map(\.type))
    #expect(missing.isSubset(of: rareTypes), "missing \(missing)")
    let moved = g.events.filter { e in
        guard let c = e.data.correction else { return false }
        return c.was.unit != c.replacement.unit || c.was.occurred.year != c.replacement.occurred.year
    }
    #expect(!moved.isEmpty, "no correction moved an event to another unit or year")
}

@Test func generatedLogsTogetherUseEveryEventType() {
    var types: Set<EventType> = []
    for seed in seeds { types.formUnion(RandomLog.make(seed: seed, events: 400).events.map(\.type)) }
    #expect(types == Set(EventType.allCases), "missing \(Set(EventType.allCases).subtracting(types))")
}

@Test(arguments: seeds)
func everyFigureOfEveryUnitAndYearEqualsTheNaiveReference(seed: UInt64) {
    let g = RandomLog.make(seed: seed, events: 400)
    let diffs = differencesFromReference(g.events, g.ledger)
    #expect(diffs.isEmpty, "seed \(seed): \(diffs.joined(separator: "\n"))")
}

@Test(arguments: seeds)
func theIncrementalLedgerEqualsAFullReplay(seed: UInt64) {
    // The validator folds batch by batch (with its fast paths); a replay folds the stored events.
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
    #expect(g.ledger.levels == right.levels)
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

@Test func anOverriddenPeriodStartMovesFlowsBetweenYears() throws {
    // --period-start 12-15 on a calendar-year log: a tip on 2018-12-20 counts in period 2019.
    var b = binhDuong()
    try b.add(#"{"type":"tip.received","occurred":"2018-12-20","unit":"25747","data":{"count":4,"channel":"hotline","valuable":false}}"#)
    try b.add(#"{"type":"tip.received","occurred":"2018-12-10","unit":"25747","data":{"count":1,"channel":"hotline","valuable":false}}"#)
    let police = MonthDay(month: 12, day: 15)
    let calendar = fold(b.events)
    let shifted = fold(b.events, periodStart: police)
    #expect(query(calendar, year: 2018).value("tips", unit: "74") == dec(5))
    #expect(query(shifted, year: 2018, periodStart: police).value("tips", unit: "74") == dec(1))
    #expect(query(shifted, year: 2019, periodStart: police).value("tips", unit: "74") == dec(4))
}

@Test func everyDocumentedFigureNameExists() {
    let v = Vocabularies.builtIn
    var names = ["tips", "tips.valuable", "cases", "arrests", "arrests.caught_in_act", "cameras", "communes", "communes.with_club"]
    names += v[.caseCategory].codes.map { "cases.\($0)" }
    names += v[.weaponKind].codes.map { "weapons.\($0)" }
    for rk in v[.recipientKind].codes {
        names += ["awards.\(rk)", "awards.\(rk).local"]
        names += v[.awardIssuer].codes.map { "awards.\(rk).\($0)" }
    }
    for k in v[.modelKind].codes { names += ["models.\(k)", "models.\(k).members"] }
    let figures = FigureCatalogue()
    for n in names { #expect(figures.contains(n), "\(n)") }
    // Every built-in figure is one of those: nothing more, nothing less.
    #expect(Set(figures.names) == Set(names), "\(Set(figures.names).symmetricDifference(names).sorted())")
    #expect(figures.names.count == names.count, "a figure is listed twice")
    #expect(!figures.contains("tips.unknown") && !figures.contains("models.shock_team.size"))
}

@Test func figuresAreInTreeOrderEachFollowedByItsParts() {
    let figures = FigureCatalogue().definitions
    for (i, d) in figures.enumerated() {
        guard let p = d.parent else { #expect(d.depth == 0, "\(d.name)"); continue }
        let pi = figures.firstIndex { $0.name == p }
        #expect(pi != nil && pi! < i, "\(d.name) comes before its parent \(p)")
        #expect(d.depth == figures[pi!].depth + 1, "\(d.name)")
        #expect(d.name.hasPrefix(p + "."), "\(d.name) under \(p)")
        // Everything between the parent and this part is also under the parent.
        for between in figures[(pi! + 1)..<i] { #expect(between.name.hasPrefix(p + "."), "\(between.name) between \(p) and \(d.name)") }
    }
}
