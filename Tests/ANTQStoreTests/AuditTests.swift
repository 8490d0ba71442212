import Foundation
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// A clock that moves `hours` forward at each reading, so a random log's
/// batches fall on many different recording days (the audit timeline is per day).
private func dailyClock(hours: Int64 = 9) -> Clock {
    let t = LockedBox(UTCInstant(date: CivilDate(iso: "2025-07-01")!, hour: 1, minute: 0, second: 0)!.microsecondsSinceEpoch)
    return Clock { UTCInstant(microsecondsSinceEpoch: t.mutate { $0 += hours * 3_600_000_000; return $0 }) }
}

/// The end of a Vietnam day, as `--as-of DAY` means it.
private func endOfVietnamDay(_ d: CivilDate) -> UTCInstant {
    UTCInstant(microsecondsSinceEpoch: Int64(d.dayNumber + 1) * 86_400_000_000 - 7 * 3_600_000_000 - 1)
}

private func randomStore(seed: UInt64, events: Int) -> TestStore {
    var t = TestStore()
    t.store.clock = dailyClock()
    t.fill(seed: seed, events: events)
    return t
}

/// Figures worth auditing in a ledger: every metric, for each year with
/// flows, for the root and for a few units below it.
private func samples(_ l: Ledger, start: MonthDay, years: Int = 2, below: Int = 1) -> [(Metric, Int, String)] {
    var out: [(Metric, Int, String)] = []
    // The busiest years (most flow rows), so the figures are not all zero.
    let busiest = Dictionary(grouping: l.flows.rows.keys, by: \.year).sorted { $0.value.count > $1.value.count }.prefix(years).map(\.key)
    for year in busiest.sorted() {
        let q = FigureQuery(ledger: l, year: year, periodStart: start)
        guard let root = l.units.roots(on: q.endDay).first else { continue }
        let units = [root] + Array(q.subtree(root).dropFirst().prefix(below))
        for u in units { for m in Metric.all { out.append((m, year, u)) } }
    }
    return out
}

@Suite struct AuditTests {
    @Test(arguments: [71, 72] as [UInt64])
    func contributionsAlwaysAddUpToTheFigureTheSummaryReports(seed: UInt64) throws {
        let t = randomStore(seed: seed, events: 160)
        defer { t.cleanup() }
        let r = try t.store.replay()
        var checked = 0
        for (metric, year, unit) in samples(r.ledger, start: r.periodStart) {
            let a = try t.store.audit(metric: metric, year: year, unit: unit)
            let summary = FigureQuery(ledger: r.ledger, year: year, periodStart: r.periodStart).value(metric, unit: unit)
            #expect(a.value == summary, "\(metric) \(year) \(unit)")
            #expect(a.contributionsTotal == a.value, "\(metric) \(year) \(unit): contributions \(a.contributionsTotal) ≠ value \(a.value)")
            #expect(a.fingerprint == r.fingerprint)
            if a.value != 0 { checked += 1 }
        }
        #expect(checked > 10, "the random log gives figures worth auditing")
    }

    @Test func anAuditIsTheSameWhetherItsLinesAreFoldedOnOneCoreOrSplitOverMany() throws {
        let t = randomStore(seed: 73, events: 300)
        defer { t.cleanup() }
        let r = try t.store.replay()
        var split = t.store
        split.decoding.workers = 5
        split.decoding.minimumSplitBytes = 1
        var one = t.store
        one.decoding.workers = 1
        one.decoding.minimumSplitBytes = .max
        var compared = 0
        let unitEvents = Set(t.events().filter(\.type.isUnitEvent).map(\.seq))
        for (metric, year, unit) in samples(r.ledger, start: r.periodStart) where metric.isFlow {
            let a = try one.audit(metric: metric, year: year, unit: unit)
            let b = try split.audit(metric: metric, year: year, unit: unit)
            #expect(a.value == b.value && a.contributions == b.contributions && a.timeline == b.timeline && a.assertions == b.assertions,
                    "\(metric) \(year) \(unit)")
            // Each step lists only the events that make up this figure or moved a unit.
            let relevant = Set(a.contributions.map(\.seq)).union(unitEvents)
            #expect(a.timeline.allSatisfy { $0.seqs.allSatisfy(relevant.contains) }, "\(metric) \(year) \(unit)")
            if a.value != 0 { compared += 1 }
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
            for (metric, year, unit) in samples(full.ledger, start: full.periodStart, years: 1) {
                let a = try t.store.audit(metric: metric, year: year, unit: unit, asOf: asOf)
                let expected = FigureQuery(ledger: r.ledger, year: year, periodStart: r.periodStart).value(metric, unit: unit)
                #expect(a.value == expected, "\(metric) \(year) \(unit) as of \(asOf)")
                #expect(a.contributionsTotal == a.value)
            }
        }
    }

    @Test(arguments: [76] as [UInt64])
    func timelineEndsAtTheValueAndEachStepIsTheSummaryAsOfThatDay(seed: UInt64) throws {
        let t = randomStore(seed: seed, events: 140)
        defer { t.cleanup() }
        let full = try t.store.replay()
        var steps = 0
        for (metric, year, unit) in samples(full.ledger, start: full.periodStart).filter({ $0.2 == "74" }) {
            let a = try t.store.audit(metric: metric, year: year, unit: unit)
            #expect((a.timeline.last?.value ?? 0) == a.value, "\(metric) \(year): timeline ends at \(a.timeline.last?.value ?? 0), value \(a.value)")
            var previous: Int?
            for step in a.timeline {
                let r = try t.store.replay(asOf: endOfVietnamDay(step.day), useSnapshots: false, writeSnapshot: false)
                let then = FigureQuery(ledger: r.ledger, year: year, periodStart: r.periodStart).value(metric, unit: unit)
                #expect(step.value == then, "\(metric) \(year) on \(step.day.iso)")
                #expect(step.value != previous, "a step is a change")
                previous = step.value
                steps += 1
            }
        }
        #expect(steps > 5)
    }

    /// Builds: province 74 → district 718 → communes 25747, 25750.
    private func twoCommunes() throws -> TestStore {
        var t = TestStore()
        t.store.clock = dailyClock(hours: 24)
        try t.append([
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25750","data":{"name":"Phú Hòa","kind":"ward","parent":"718"}}"#,
        ])
        return t
    }

    @Test func aCorrectionMovingAnArrestShowsInBothCommunesAudits() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest),"reason":"wrong ward","unit":"25750"}}"#]).events[0].seq

        let from = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "25747")
        #expect(from.value == 0)
        #expect(from.contributions.map { [$0.seq, $0.amount] } == [[arrest, 3], [fix, -3]])
        #expect(from.amendments.first?.reason == "wrong ward")
        #expect(from.timeline.map(\.value) == [3, 0])

        let to = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "25750")
        #expect(to.value == 3)
        #expect(to.contributions.map { [$0.seq, $0.amount] } == [[fix, 3]])
        #expect(to.timeline.map(\.value) == [3])

        let district = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "718")
        #expect(district.value == 3 && district.contributionsTotal == 3)
        #expect(district.timeline.map(\.value) == [3], "the move does not change the district's figure")
    }

    /// A retraction of a unit event changes the tree the figure is summed
    /// over; the audit must see that (and other retractions must not).
    @Test func retractingAMoveOfACommuneShowsInTheDistrictsTimeline() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        try t.append([#"{"type":"unit.registered","occurred":"2013-12-30","unit":"719","data":{"name":"Dĩ An","kind":"town","parent":"74"}}"#])
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25750","data":{"count":4}}"#]).events[0].seq
        let other = try t.append([#"{"type":"arrest.made","occurred":"2018-05-15","unit":"25747","data":{"count":1}}"#]).events[0].seq
        let move = try t.append([#"{"type":"unit.changed","occurred":"2018-06-01","unit":"25750","data":{"parent":"719"}}"#]).events[0].seq
        _ = try t.append([#"{"type":"event.retracted","data":{"target":\#(other),"reason":"counted twice"}}"#])
        _ = try t.append([#"{"type":"event.retracted","data":{"target":\#(move),"reason":"moved by mistake"}}"#])

        let a = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "718")
        #expect(a.value == 4)
        #expect(a.timeline.map(\.value) == [4, 5, 1, 0, 4], "arrest, other, the move, other retracted, the move taken back")
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(FigureQuery(ledger: r.ledger, year: 2018, periodStart: r.periodStart).value(Metric(name: "arrests")!, unit: "718") == 4)
        _ = arrest
    }

    /// Without a unit, an audit is of the root, which can change part-way
    /// through the log: here 74 is put under a new unit VN that has a ward
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

        let a = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: nil)
        #expect(a.unit == "90")
        #expect(a.value == 15 && a.contributionsTotal == 15)
        // 74 was the root until it was put under 90: the ward of 90 counted only from then on.
        #expect(a.timeline.map(\.value) == [3, 13, 15])
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(FigureQuery(ledger: r.ledger, year: 2018, periodStart: r.periodStart).value(Metric(name: "arrests")!, unit: "90") == 15)
    }

    @Test func aRetractionTakesTheEventOutAndShowsInTheTimeline() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let keep = try t.append([#"{"type":"arrest.made","occurred":"2018-03-01","unit":"25747","data":{"count":2}}"#]).events[0].seq
        let wrong = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let announced = try t.append([#"{"type":"figure.asserted","occurred":"2019-03-28","unit":"74","data":{"metric":"arrests","year":2018,"value":5}}"#]).events[0].seq
        let retraction = try t.append([#"{"type":"event.retracted","data":{"target":\#(wrong),"reason":"counted twice"}}"#]).events[0].seq

        let a = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "74")
        #expect(a.value == 2)
        #expect(a.contributions.map(\.seq) == [keep, wrong, retraction])
        #expect(a.contributions.map(\.amount) == [2, 3, -3])
        #expect(a.timeline.map(\.value) == [2, 5, 2])
        #expect(a.timeline.last?.amendments == [retraction])
        #expect(a.assertions.map { [$0.seq, $0.announced, $0.valueThen] } == [[announced, 5, 5]])

        // Before the retraction was recorded, the audit gives the announced figure.
        let before = t.events().first { $0.seq == announced }!.recorded
        let then = try t.store.audit(metric: Metric(name: "arrests")!, year: 2018, unit: "74", asOf: before)
        #expect(then.value == 5 && then.contributions.map(\.seq) == [keep, wrong])
    }

    @Test func anEventsAuditNamesItsStatusAndEveryFigureItFeeds() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0].seq
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest),"reason":"two, not three","data":{"count":2}}}"#]).events[0].seq
        let e = try t.store.audit(event: arrest)
        #expect(e.status == .corrected(by: [fix]))
        #expect(e.figures.map { "\($0.metric.name) \($0.unit) \($0.amount) \($0.value)" } == ["arrests 25747 2 2", "arrests 718 2 2", "arrests 74 2 2"])
        #expect(try t.store.audit(event: fix).status == .amendment(target: arrest))
    }

    @Test func diffNamesEveryChangedFigureAndTheEventsBetween() throws {
        let t = try twoCommunes()
        defer { t.cleanup() }
        let arrest = try t.append([#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3}}"#]).events[0]
        let fix = try t.append([#"{"type":"event.corrected","data":{"target":\#(arrest.seq),"reason":"two","data":{"count":2}}}"#]).events[0].seq
        let d = try t.store.diff(from: arrest.recorded, to: nil, year: 2018)
        #expect(Set(d.changes.map { "\($0.metric.name) \($0.unit) \($0.before)→\($0.after)" }) ==
                ["arrests 25747 3→2", "arrests 718 3→2", "arrests 74 3→2"])
        #expect(d.changes.allSatisfy { $0.seqs == [fix] })
        #expect(d.fromFingerprint.seq == arrest.seq)
    }
}
