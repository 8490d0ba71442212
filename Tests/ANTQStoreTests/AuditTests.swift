import ANTQTestSupport
import Decimals
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// The end of a Vietnam day, as `--as-of DAY` means it.
private func endOfVietnamDay(_ d: CivilDate) -> UTCInstant {
    UTCInstant(microsecondsSinceEpoch: Int64(d.dayNumber + 1) * 86_400_000_000 - 7 * 3_600_000_000 - 1)
}

/// A store of random events (declarations included) whose batches fall on
/// many different recording days (the audit timeline is per day).
private func randomStore(seed: UInt64, events: Int) -> TestStore {
    var t = TestStore()
    t.store.clock = steppingClock(step: 9 * 3_600_000_000)
    t.fill(seed: seed, events: events)
    return t
}

/// Figures worth auditing in a ledger: every figure of its catalogue, for
/// the busiest years (most flow rows, so the figures are not all zero), for
/// the root and for a few units below it.
private func samples(_ l: Ledger, start: MonthDay, years: Int = 2, below: Int = 1) -> [(name: String, period: Period, unit: String)] {
    var out: [(String, Period, String)] = []
    let byYear = Dictionary(grouping: l.flows.keys, by: { Int($0.month) / 12 })
    let busiest = byYear.sorted { ($0.value.count, $0.key) > ($1.value.count, $1.key) }.prefix(years).map(\.key)
    for year in busiest.sorted() {
        let p = Period(year: year, start: start)
        let q = FigureQuery(ledger: l, first: p.firstDay, last: p.lastDay, periodStart: start)
        guard let root = l.units.roots(on: p.lastDay).first else { continue }
        let units = [root] + Array(q.subtree(root).dropFirst().prefix(below))
        for u in units { for name in l.figures.names { out.append((name, p, u)) } }
    }
    return out
}

private func summary(_ l: Ledger, _ name: String, _ p: Period, _ unit: String) -> ExactDecimal? {
    FigureQuery(ledger: l, first: p.firstDay, last: p.lastDay, periodStart: p.start).value(name, unit: unit)
}

/// Whether `e` changed flow figure `name` of `period` within the subtree of
/// `unit` as the log stood when `e` was recorded.
private func counted(_ e: Event, _ name: String, _ period: Period, _ unit: String, _ store: DataStore) throws -> Bool {
    let then = try store.replay(asOf: e.recorded, useSnapshots: false, writeSnapshot: false).ledger
    let scope = Set(FigureQuery(ledger: then, first: period.firstDay, last: period.lastDay, periodStart: period.start).subtree(unit))
    var counted = false
    FigureContributions.forEachSignedFact(of: e) { f, _, _, _ in
        if let u = f.unit, scope.contains(u), period.contains(f.occurred),
           FigureContributions.flowAmount(of: f, to: name, catalogue: then.catalogue) != 0 { counted = true }
    }
    return counted
}

private func n(_ i: Int) -> ExactDecimal? { ExactDecimal(i) }

private let y2018 = Period(year: 2018, start: .january1)

@Suite struct AuditTests {
    @Test(arguments: [71, 72] as [UInt64])
    func contributionsAlwaysAddUpToTheFigureTheSummaryReports(seed: UInt64) throws {
        let t = randomStore(seed: seed, events: 160)
        defer { t.cleanup() }
        let r = try t.store.replay()
        var checked = 0, declared = 0
        for (name, period, unit) in samples(r.ledger, start: r.periodStart) {
            let a = try t.store.audit(figure: name, period: period, unit: unit)
            let what = "\(name) \(period.label) \(unit)"
            #expect(a.value == summary(r.ledger, name, period, unit), "\(what)")
            #expect(a.fingerprint == r.fingerprint)
            #expect(a.figure == r.ledger.figures[name])
            // A ratio is not a sum of events: it has no contributions.
            if a.figure.isRatio {
                #expect(a.contributions.isEmpty, "\(what)")
            } else {
                #expect(a.contributionsTotal == (a.value ?? .zero), "\(what): contributions \(a.contributionsTotal) ≠ value \(shown(a.value))")
            }
            if !(a.value ?? .zero).isZero {
                checked += 1
                if a.figure.declared { declared += 1 }
            }
        }
        #expect(checked > 10, "the random log gives figures worth auditing")
        #expect(declared > 0, "some of them declared by the log")
    }

    @Test func anAuditIsTheSameWhetherItsLinesAreFoldedOnOneCoreOrSplitOverMany() throws {
        let t = randomStore(seed: 73, events: 300)
        defer { t.cleanup() }
        let r = try t.store.replay()
        let one = split(t.store, workers: 1), many = split(t.store, workers: 5)
        var compared = 0
        // Events that moved a unit: unit events, and amendments of unit events.
        let events = t.events()
        let unitEvents = Set(events.filter { e in
            var moves = e.type.isUnitEvent
            FigureContributions.forEachSignedFact(of: e) { f, _, _, _ in if f.type.isUnitEvent { moves = true } }
            return moves
        }.map(\.seq))
        for (name, period, unit) in samples(r.ledger, start: r.periodStart) where r.ledger.figures[name]!.isFlow {
            let a = try one.audit(figure: name, period: period, unit: unit)
            let b = try many.audit(figure: name, period: period, unit: unit)
            let what = "\(name) \(period.label) \(unit)"
            #expect(a.value == b.value && a.contributions == b.contributions && a.timeline == b.timeline && a.assertions == b.assertions, "\(what)")
            // Each step lists only the events that make up this figure or moved a unit.
            let relevant = Set(a.contributions.map(\.seq)).union(unitEvents)
            // Or counted in the figure as the tree stood when they were recorded (a later move took their unit out).
            let others = try a.timeline.flatMap(\.seqs).filter { try !relevant.contains($0) && !counted(events[$0 - 1], name, period, unit, t.store) }
            #expect(others.isEmpty, "\(what): \(others.map { "#\($0) \(events[$0 - 1].type.rawValue)" })")
            if !(a.value ?? .zero).isZero { compared += 1 }
        }
        #expect(compared > 5)
    }

    @Test(arguments: [74, 75] as [UInt64])
    func auditAsOfEqualsSummaryAsOf(seed: UInt64) throws {
        let t = randomStore(seed: seed, events: 140)
        defer { t.cleanup() }
        let events = t.events()
        let instants = stride(from: events.count / 4, to: events.count, by: max(1, events.count / 3)).map { events[$0].recorded }
        let full = try t.store.replay()
        for asOf in instants {
            let r = try t.store.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
            for (name, period, unit) in samples(full.ledger, start: full.periodStart, years: 1) {
                // A figure declared after the instant is not a figure of the log as it was.
                guard let d = r.ledger.figures[name] else {
                    #expect(throws: StoreError.self) { try t.store.audit(figure: name, period: period, unit: unit, asOf: asOf) }
                    continue
                }
                let a = try t.store.audit(figure: name, period: period, unit: unit, asOf: asOf)
                #expect(a.value == summary(r.ledger, name, period, unit), "\(name) \(period.label) \(unit) as of \(asOf)")
                if !d.isRatio { #expect(a.contributionsTotal == (a.value ?? .zero)) }
            }
        }
    }

    @Test(arguments: [76] as [UInt64])
    func timelineEndsAtTheValueAndEachStepIsTheSummaryAsOfThatDay(seed: UInt64) throws {
        let t = randomStore(seed: seed, events: 140)
        defer { t.cleanup() }
        let full = try t.store.replay()
        var steps = 0
        for (name, period, unit) in samples(full.ledger, start: full.periodStart).filter({ $0.unit == "74" }) {
            let a = try t.store.audit(figure: name, period: period, unit: unit)
            let what = "\(name) \(period.label)"
            #expect((a.timeline.last?.value ?? .zero) == (a.value ?? .zero), "\(what): timeline ends at \(shown(a.timeline.last?.value)), value \(shown(a.value))")
            var previous: ExactDecimal?? = .none
            for step in a.timeline {
                let r = try t.store.replay(asOf: endOfVietnamDay(step.day), useSnapshots: false, writeSnapshot: false)
                #expect(step.value == summary(r.ledger, name, period, unit), "\(what) on \(step.day.iso)")
                if let previous { #expect(step.value != previous, "a step is a change") }
                previous = .some(step.value)
                steps += 1
            }
        }
        #expect(steps > 5)
    }

    /// Builds: province 74 → district 718 → communes 25747, 25750.
    private func twoCommunes() throws -> TestStore {
        var t = TestStore()
        t.store.clock = steppingClock(step: 24 * 3_600_000_000)
        try t.append([
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25750","data":{"name":"Phú Hòa","kind":"ward","parent":"718"}}"#,
        ])
        return t
    }

    private func rows(_ a: FigureAudit) -> [String] { a.contributions.map { "\($0.seq):\($0.amount.plain())" } }

    @Test func aCorrectionMovingAnArrestShowsInBothCommunesAudits() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest),"reason":"wrong ward","unit":"25750"}}"#]).events[0].seq

        let from = try t.store.audit(figure: "arrests", period: y2018, unit: "25747")
        #expect(from.value == n(0))
        #expect(rows(from) == ["\(arrest):3", "\(fix):-3"])
        #expect(from.amendments.first?.reason == "wrong ward")
        #expect(from.timeline.map(\.value) == [n(3), n(0)])

        let to = try t.store.audit(figure: "arrests", period: y2018, unit: "25750")
        #expect(to.value == n(3))
        #expect(rows(to) == ["\(fix):3"])
        #expect(to.timeline.map(\.value) == [n(3)])

        let district = try t.store.audit(figure: "arrests", period: y2018, unit: "718")
        #expect(district.value == n(3) && district.contributionsTotal == n(3))
        #expect(district.timeline.map(\.value) == [n(3)], "the move does not change the district's figure")
    }

    /// A retraction of a unit event changes the tree the figure is summed
    /// over; the audit must see that (and other retractions must not).
    @Test func retractingAMoveOfACommuneShowsInTheDistrictsTimeline() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        try t.append([#"{"type":"unit.registered","occurred":"2013-12-30","unit":"719","data":{"name":"Dĩ An","kind":"town","parent":"74"}}"#])
        try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25750","data":{"count":4}}"#])
        let other = try t.append([#"{"type":"arrest.made","occurred":"2018-05-15","unit":"25747","data":{"count":1}}"#]).events[0].seq
        let move = try t.append([#"{"type":"unit.changed","occurred":"2018-06-01","unit":"25750","data":{"parent":"719"}}"#]).events[0].seq
        try t.append([#"{"type":"event.retracted","data":{"target":\#(other),"reason":"counted twice"}}"#])
        try t.append([#"{"type":"event.retracted","data":{"target":\#(move),"reason":"moved by mistake"}}"#])

        let a = try t.store.audit(figure: "arrests", period: y2018, unit: "718")
        #expect(a.value == n(4))
        #expect(a.timeline.map(\.value) == [4, 5, 1, 0, 4].map(n), "arrest, other, the move, other retracted, the move taken back")
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(summary(r.ledger, "arrests", y2018, "718") == n(4))
    }

    /// Without a unit, an audit is of the root, which can change part-way
    /// through the log: here 74 is put under a new unit 90 that has a ward
    /// of its own. The audit must follow the root as it was on each
    /// recording day, and end on the root of the year's last day.
    @Test func anAuditWithoutAUnitFollowsTheRootWhenItChanges() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        try t.append([#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25747","data":{"count":3}}"#])
        try t.append([
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"90","data":{"name":"Vùng Nam","kind":"province","parent":null}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"99001","data":{"name":"Phường Mới","kind":"ward","parent":"90"}}"#,
        ])
        try t.append([#"{"type":"arrest.made","occurred":"2018-04-01","unit":"99001","data":{"count":10}}"#])
        try t.append([#"{"type":"unit.changed","occurred":"2018-06-01","unit":"74","data":{"parent":"90"}}"#])
        try t.append([#"{"type":"arrest.made","occurred":"2018-07-01","unit":"25750","data":{"count":2}}"#])

        let a = try t.store.audit(figure: "arrests", period: y2018, unit: nil)
        #expect(a.unit == "90")
        #expect(a.value == n(15) && a.contributionsTotal == n(15))
        // 74 was the root until it was put under 90: the ward of 90 counted only from then on.
        #expect(a.timeline.map(\.value) == [3, 13, 15].map(n))
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(summary(r.ledger, "arrests", y2018, "90") == n(15))
    }

    @Test func aRetractionTakesTheEventOutAndShowsInTheTimeline() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let keep = try t.append([#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25747","data":{"count":2}}"#]).events[0].seq
        let wrong = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let announced = try t.append([#"{"type":"figure.asserted","occurred":"2019-03-28","unit":"74","data":{"metric":"arrests","year":2018,"value":5}}"#]).events[0]
        let retraction = try t.append([#"{"type":"event.retracted","data":{"target":\#(wrong),"reason":"counted twice"}}"#]).events[0].seq

        let a = try t.store.audit(figure: "arrests", period: y2018, unit: "74")
        #expect(a.value == n(2))
        #expect(rows(a) == ["\(keep):2", "\(wrong):3", "\(retraction):-3"])
        #expect(a.timeline.map(\.value) == [2, 5, 2].map(n))
        #expect(a.timeline.last?.amendments == [retraction])
        #expect(a.assertions.map { "\($0.seq) \($0.announced.plain()) \(shown($0.valueThen))" } == ["\(announced.seq) 5 5"])

        // Before the retraction was recorded, the audit gives the announced figure.
        let then = try t.store.audit(figure: "arrests", period: y2018, unit: "74", asOf: announced.recorded)
        #expect(then.value == n(5) && then.contributions.map(\.seq) == [keep, wrong])
    }

    @Test func anEventsAuditNamesItsStatusAndEveryFigureItFeeds() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest),"reason":"two, not three","data":{"count":2}}}"#]).events[0].seq
        let e = try t.store.audit(event: arrest)
        #expect(e.status == .corrected(by: [fix]))
        #expect(e.figures.map { "\($0.figure.name) \($0.unit) \($0.amount.plain()) \(shown($0.value))" }
                == ["arrests 25747 2 2", "arrests 718 2 2", "arrests 74 2 2"])
        #expect(e.amendments.map(\.seq) == [fix])
        // The line shown is the stored line, byte for byte (its real prev), so a reader can hash it.
        let stored = t.logBytes.split(separator: 0x0A)[arrest - 1]
        #expect(Array(e.line.utf8) == Array(stored) && e.line.contains(#""prev":""#) && !e.line.contains(String(repeating: "0", count: 64)), "\(e.line)")
        #expect(try t.store.audit(event: fix).status == .amendment(target: arrest))
        #expect(throws: StoreError.self) { try t.store.audit(event: 999) }
    }

    @Test func anAuditOfADeclaredQuantityAddsUpItsRecordsAndTheirCorrections() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        try t.append([#"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy","en":"Drugs"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow","dimensions":[{"name":"substance","values":[{"value":"heroin","label":{"vi":"Heroin","en":"Heroin"}},{"value":"meth","label":{"vi":"Ma túy đá","en":"Meth"}}]}]}}"#])
        let a1 = try t.append([#"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"25747","data":{"indicator":"drugs.seized","value":1.4,"substance":"heroin"}}"#]).events[0].seq
        let a2 = try t.append([#"{"type":"indicator.recorded","occurred":"2018-04-02","unit":"25750","data":{"indicator":"drugs.seized","value":0.125,"substance":"meth"}}"#]).events[0].seq
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(a1),"reason":"cân lại","data":{"value":1.45}}}"#]).events[0].seq

        let all = try t.store.audit(figure: "drugs.seized", period: y2018, unit: "74")
        #expect(all.value == dec("1.575") && all.contributionsTotal == dec("1.575"))
        #expect(rows(all) == ["\(a1):1.4", "\(a2):0.125", "\(fix):-1.4", "\(fix):1.45"])
        #expect(all.timeline.map(\.value) == [dec("1.4"), dec("1.525"), dec("1.575")])
        let heroin = try t.store.audit(figure: "drugs.seized.heroin", period: y2018, unit: "718")
        #expect(heroin.value == dec("1.45") && heroin.contributionsTotal == dec("1.45"))
        #expect(try t.store.audit(event: a2).figures.map { "\($0.figure.name) \($0.unit)" }.contains("drugs.seized.meth 74"))
        #expect(throws: StoreError.self) { try t.store.audit(figure: "drugs.unknown", period: y2018, unit: "74") }
    }

    @Test func diffNamesEveryChangedFigureAndTheEventsBetween() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0]
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest.seq),"reason":"two","data":{"count":2}}}"#]).events[0].seq
        let d = try t.store.diff(from: arrest.recorded, to: nil, period: y2018)
        #expect(Set(d.changes.map { "\($0.figure.name) \($0.unit) \(shown($0.before))→\(shown($0.after))" }) ==
                ["arrests 25747 3→2", "arrests 718 3→2", "arrests 74 3→2"])
        #expect(d.changes.allSatisfy { $0.seqs == [fix] })
        #expect(d.fromFingerprint.seq == arrest.seq)
        #expect(d.toFingerprint.seq == fix)
    }

    /// A change of the units that took effect after the period (a ward moved
    /// in 2025) changes no figure of 2018, so it is not named as a cause.
    @Test func diffDoesNotBlameAUnitChangeAfterThePeriod() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        try t.append([#"{"type":"unit.registered","occurred":"2013-12-30","unit":"719","data":{"name":"Bàu Bàng","kind":"district","parent":"74"}}"#])
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0]
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest.seq),"reason":"two","data":{"count":2}}}"#]).events[0].seq
        let move = try t.append([#"{"type":"unit.changed","occurred":"2025-07-01","unit":"25747","data":{"parent":"719"}}"#]).events[0].seq
        let d = try t.store.diff(from: arrest.recorded, to: nil, period: y2018)
        #expect(Set(d.changes.map { "\($0.figure.name) \($0.unit)" }) == ["arrests 25747", "arrests 718", "arrests 74"])
        #expect(d.changes.allSatisfy { $0.seqs == [fix] }, "not #\(move): \(d.changes.map(\.seqs))")
        // Nor, for a figure read on the period's last day, an event that happened after it.
        let installed = try t.append([#"{"type":"camera.installed","occurred":"2018-06-01","unit":"25750","data":{"count":4}}"#]).events[0]
        let recount = try t.append([#"{"type":"event.corrected","data":{"target":\#(installed.seq),"reason":"đếm lại","data":{"count":5}}}"#]).events[0].seq
        let later = try t.append([#"{"type":"camera.installed","occurred":"2025-07-02","unit":"25750","data":{"count":2}}"#]).events[0].seq
        let cams = try t.store.diff(from: installed.recorded, to: nil, period: y2018).changes.filter { $0.figure.name == "cameras" }
        #expect(!cams.isEmpty && cams.allSatisfy { $0.seqs == [recount] }, "not #\(later): \(cams.map { "\($0.unit) \($0.seqs)" })")
    }
}
