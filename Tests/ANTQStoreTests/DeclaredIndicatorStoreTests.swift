import ANTQCodec
import ANTQTestSupport
import Decimals
import EventLog
import Foundation
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// A province's own catalogue through the store: random logs with
/// declarations replay to the same figures from any snapshot as from the
/// start, and as the naive reference; and every declaration or record the
/// catalogue refuses is refused by an append, which then writes nothing.
@Suite struct DeclaredIndicatorStoreTests {
    @Test(arguments: [(UInt64(101), MonthDay.january1), (UInt64(102), MonthDay(month: 12, day: 15)),
                      (UInt64(103), MonthDay.january1), (UInt64(104), MonthDay(month: 12, day: 15))])
    func replayFromEverySnapshotEqualsAFullReplayAndTheReferenceWithDeclarations(seed: UInt64, periodStart: MonthDay) throws {
        let t = TestStore(snapshotInterval: 50, kept: 20, periodStart: periodStart)
        defer { t.cleanup() }
        let g = t.fill(seed: seed, events: 450)
        let events = t.events()
        // The log holds what this test is about.
        let count = { (type: EventType) in events.filter { $0.type == type }.count }
        #expect(count(.indicatorDefined) >= 3 && count(.indicatorRecorded) >= 15, "declarations and records")
        #expect(count(.eventCorrected) >= 5 && count(.eventRetracted) >= 5, "corrections and retractions")
        #expect(events.contains { $0.data.correction?.was.type == .indicatorRecorded || $0.data.retraction?.was.type == .indicatorRecorded },
                "an amended record")
        #expect(events.count == g.events.count)

        let full = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(sameFacts(full.ledger, g.ledger))
        #expect(differencesFromReference(events, full.ledger) == [])

        // Snapshot + tail, from the newest snapshot back to the oldest.
        var snapshots = SnapshotStore(layout: t.store.layout).candidates(version: LedgerProjection().version, periodStart: periodStart)
        #expect(snapshots.count >= 6, "appends every 50 events leave snapshots: \(snapshots.count)")
        var used = 0
        while let newest = snapshots.first {
            let header = try SnapshotStore(layout: t.store.layout).load(newest).header
            let r = try t.store.replay(writeSnapshot: false)
            #expect(r.snapshot == newest)
            #expect(r.eventsReplayed == full.fingerprint.seq - header.seq, "tail after #\(header.seq)")
            #expect(r.ledger == full.ledger, "from the snapshot at #\(header.seq)")
            #expect(figureDifferences(r.ledger, full.ledger) == [], "from the snapshot at #\(header.seq)")
            #expect(r.fingerprint == full.fingerprint && r.endOffset == full.endOffset)
            try FileManager.default.removeItem(atPath: newest)
            snapshots.removeFirst()
            used += 1
        }
        #expect(used >= 6)
        #expect(t.notes.value.filter { $0.contains("ignored") }.isEmpty, "\(t.notes.value)")
        // With no snapshot left, a reading command writes one at the end, which then serves.
        t.notes.mutate { $0 = [] }
        var s = t.store
        s.snapshotInterval = 1
        _ = try s.replay()
        let again = try t.store.replay(writeSnapshot: false)
        #expect(again.eventsReplayed == 0 && again.ledger == full.ledger)
        #expect(differencesFromReference(events, again.ledger) == [])
    }

    // MARK: - Refusals

    static let setup = [
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
        #"{"type":"indicator.defined","occurred":"2015-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ","en":"Drugs seized"},"measure":"quantity","unit_of_measure":"kg","decimals":1,"aggregate":"flow","dimensions":[{"name":"substance","values":[{"value":"heroin","label":{"vi":"Heroin","en":"Heroin"}},{"value":"meth","label":{"vi":"Ma túy đá","en":"Meth"}}]}]}}"#,
        #"{"type":"indicator.defined","occurred":"2015-01-01","unit":"74","data":{"indicator":"area.safe","label":{"vi":"Khu dân cư an toàn","en":"Safe areas"},"measure":"count","aggregate":"level"}}"#,
        #"{"type":"indicator.defined","occurred":"2015-01-01","unit":"74","data":{"indicator":"old.count","label":{"vi":"Chỉ tiêu cũ","en":"Old count"},"measure":"count","aggregate":"flow"}}"#,
        #"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"25747","data":{"indicator":"drugs.seized","value":1.4,"substance":"heroin"}}"#,
        #"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"25747","data":{"indicator":"old.count","value":3}}"#,
        #"{"type":"indicator.retired","occurred":"2019-01-01","unit":"74","data":{"indicator":"old.count","reason":"không theo dõi nữa"}}"#,
    ]

    static func record(_ data: String, day: String = "2018-04-02") -> String {
        #"{"type":"indicator.recorded","occurred":"\#(day)","unit":"25747","data":\#(data)}"#
    }

    static func declaration(_ type: String, _ data: String) -> String {
        #"{"type":"\#(type)","occurred":"2019-02-01","unit":"74","data":\#(data)}"#
    }

    static let label = #""label":{"vi":"Nhãn","en":"Label"}"#

    /// Each way the catalogue refuses a line: the line and the field named.
    static let refusals: [(what: String, line: String, field: String)] = [
        ("a record of an undeclared indicator", record(#"{"indicator":"drugs.seize","value":1}"#), "data.indicator"),
        ("a record of a retired indicator", record(#"{"indicator":"old.count","value":1}"#, day: "2019-02-01"), "data.indicator"),
        ("a record with more decimals than declared", record(#"{"indicator":"drugs.seized","value":1.25,"substance":"meth"}"#), "data.value"),
        ("a count with decimals", record(#"{"indicator":"area.safe","value":2.5}"#), "data.value"),
        ("a negative value", record(#"{"indicator":"drugs.seized","value":-1,"substance":"meth"}"#), "data.value"),
        ("an undeclared dimension value", record(#"{"indicator":"drugs.seized","value":1,"substance":"cocaine"}"#), "data.substance"),
        ("an undeclared dimension", record(#"{"indicator":"drugs.seized","value":1,"substance":"meth","colour":"white"}"#), "data.colour"),
        ("a record without its dimension", record(#"{"indicator":"drugs.seized","value":1}"#), "data.substance"),
        ("a second definition of a declared name",
         declaration("indicator.defined", #"{"indicator":"drugs.seized",\#(label),"measure":"count","aggregate":"flow"}"#), "data.indicator"),
        ("a definition of a built-in figure's name",
         declaration("indicator.defined", #"{"indicator":"arrests",\#(label),"measure":"count","aggregate":"flow"}"#), "data.indicator"),
        ("a ratio of the same name as an indicator",
         declaration("ratio.defined", #"{"indicator":"area.safe",\#(label),"numerator":"arrests","denominator":"cases","percent":true}"#), "data.indicator"),
        ("a ratio naming an unknown figure",
         declaration("ratio.defined", #"{"indicator":"ratio.x",\#(label),"numerator":"drugs.seized.cocaine","denominator":"arrests","percent":true}"#), "data.numerator"),
        ("a ratio over an unknown denominator",
         declaration("ratio.defined", #"{"indicator":"ratio.y",\#(label),"numerator":"arrests","denominator":"no.such","percent":false}"#), "data.denominator"),
        ("a change of measure after records", declaration("indicator.changed", #"{"indicator":"drugs.seized","measure":"count"}"#), "data.measure"),
        ("a change of decimals after records", declaration("indicator.changed", #"{"indicator":"drugs.seized","decimals":2}"#), "data.decimals"),
        ("a change of aggregate after records", declaration("indicator.changed", #"{"indicator":"drugs.seized","aggregate":"level"}"#), "data.aggregate"),
        ("a change of an undeclared indicator", declaration("indicator.changed", #"{"indicator":"no.such",\#(label)}"#), "data.indicator"),
        ("a second retirement", declaration("indicator.retired", #"{"indicator":"old.count"}"#), "data.indicator"),
    ]

    /// A good line to put before the bad one, so the refusal is of a whole batch.
    static let good = record(#"{"indicator":"drugs.seized","value":0.5,"substance":"meth"}"#)

    @Test func everyLineTheCatalogueRefusesIsRefusedByAnAppendWhichWritesNothing() throws {
        let t = TestStore()
        defer { t.cleanup() }
        try t.append(Self.setup)
        let before = t.logBytes
        for (what, line, field) in Self.refusals {
            for fastPaths in [true, false] {
                var inputs = TestStore.inputs([Self.good, line]).makeIterator()
                do {
                    _ = try t.store.appendBatch(next: { () throws(StoreError) -> DraftInput? in inputs.next() }, file: "-",
                                                defaultBy: "tester", fastPaths: fastPaths)
                    Issue.record("\(what) was accepted")
                } catch {
                    #expect(error.exitCode == 65, "\(what): \(error)")
                    if case .rejected(let problems, let total) = error {
                        #expect(total == 1 && problems.count == 1 && problems.first?.line == 2, "\(what): \(problems)")
                        #expect(problems.first?.errors.map(\.field) == [field], "\(what): \(problems)")
                        #expect(problems.allSatisfy { $0.errors.allSatisfy { !$0.problem.vi.isEmpty && !$0.problem.en.isEmpty } })
                    } else {
                        Issue.record("\(what): \(error)")
                    }
                }
                let same = t.logBytes == before
                #expect(same, "\(what) (fast paths \(fastPaths)) left the log changed")
            }
            // Alone, through the plain append the CLI uses.
            #expect(throws: StoreError.self, "\(what)") { try t.append([line]) }
            #expect(t.logBytes == before, "\(what)")
        }
        #expect(t.notes.value.isEmpty, "nothing to move aside: \(t.notes.value)")
        // The log is as it was, and still takes good lines.
        #expect(try t.append([Self.good]).events.map(\.seq) == [Self.setup.count + 2])
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(figure(r.ledger, "drugs.seized", year: 2018, unit: "74", start: .january1) == dec("1.9"))
        #expect(differencesFromReference(t.events(), r.ledger) == [])
        #expect(try t.store.verify().clean)
    }

    /// What was refused once records exist is accepted while none do, and
    /// again once the records are retracted: the rule follows the log.
    @Test func aMeasureChangesOnlyWhileNothingIsRecorded() throws {
        let t = TestStore()
        defer { t.cleanup() }
        try t.append(Self.setup)
        let change = Self.declaration("indicator.changed", #"{"indicator":"drugs.seized","measure":"quantity","decimals":2}"#)
        let before = t.logBytes
        #expect(throws: StoreError.self) { try t.append([change]) }
        #expect(t.logBytes == before)
        try t.append([#"{"type":"event.retracted","data":{"target":8,"reason":"nhầm chỉ tiêu"}}"#])
        try t.append([change])
        try t.append([Self.record(#"{"indicator":"drugs.seized","value":1.25,"substance":"meth"}"#)])
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(r.ledger.catalogue.indicators["drugs.seized"]?.decimals == 2)
        #expect(figure(r.ledger, "drugs.seized.meth", year: 2018, unit: "74", start: .january1) == dec("1.25"))
        #expect(differencesFromReference(t.events(), r.ledger) == [])
    }
}
