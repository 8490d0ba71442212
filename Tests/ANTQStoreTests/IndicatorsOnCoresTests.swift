import ANTQTestSupport
import Decimals
import Foundation
import Hashing
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// Records of declared flow indicators are folded on every core with the
/// shapes declared before their block, not in log order: small blocks put
/// declarations, records, corrections, retractions and changes in blocks of
/// their own, and the ledger must be the one a plain fold of the events
/// gives, whatever the block size.
@Suite struct IndicatorsOnCoresTests {
    @Test(arguments: [(UInt64(201), 300), (202, 900), (203, 4_000)])
    func recordsFoldedOnTheCoresGiveTheLedgerOfAFoldInLogOrder(seed: UInt64, blockSize: Int) throws {
        var t = TestStore(snapshotInterval: 1_000_000)
        defer { t.cleanup() }
        _ = t.fill(seed: seed, events: 500)
        let events = t.events()
        t.store = split(t.store, workers: 3)
        t.store.replayBlockSize = blockSize
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(r.recordsFoldedOnCores > 10, "the cores folded \(r.recordsFoldedOnCores) records")
        #expect(r.ledger == fold(events))
        #expect(figureDifferences(r.ledger, fold(events)) == [])
    }

    /// With `--as-of`, the cores fold the records recorded up to that
    /// instant and no more, whichever piece of a block it falls in.
    @Test(arguments: [UInt64(211), 212])
    func anAsOfReplayFoldsOnTheCoresTheRecordsUpToItsInstant(seed: UInt64) throws {
        var t = TestStore(snapshotInterval: 1_000_000)
        defer { t.cleanup() }
        _ = t.fill(seed: seed, events: 400)
        let events = t.events()
        t.store = split(t.store, workers: 3)
        t.store.replayBlockSize = 3_000
        for k in [events.count / 2, events.count * 3 / 4, events.count - 7] {
            let asOf = events[k].recorded
            let r = try t.store.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
            #expect(r.recordsFoldedOnCores > 0)
            #expect(r.ledger == fold(events.filter { $0.recorded <= asOf }), "as of event \(k + 1)")
        }
    }

    /// A log whose `recorded` instants go back (verify reports it; a replay
    /// still reads it): with `--as-of`, a piece stops at the first line
    /// recorded after it, and the pieces after it in the block, whose lines
    /// are recorded before it, take back what they folded, flows and
    /// records of declared indicators alike.
    @Test func anAsOfStopTakesBackWhatTheLaterPiecesOfItsBlockFolded() throws {
        let t = TestStore(snapshotInterval: 1_000_000)
        defer { t.cleanup() }
        _ = t.fill(seed: 221, events: 400)
        let original = String(decoding: t.logBytes, as: UTF8.self).split(separator: "\n").map(String.init)
        let asOf = try t.store.header().recorded
        let later = UTCInstant(microsecondsSinceEpoch: asOf.microsecondsSinceEpoch + 1_000_000)
        var checked = 0
        for late in stride(from: 40, to: original.count, by: 29) {
            // Every line recorded at line 1's instant but line `late`, a second after it.
            let lines = original.enumerated().map { n, line in
                line.replacing(/"recorded":"[^"]*"/, with: #""recorded":"\#((n + 1 == late ? later : asOf).rfc3339)""#)
            }
            var log = "", prev = String(repeating: "0", count: 64)
            for line in lines {
                let chained = line.replacing(/"prev":"[0-9a-f]{64}"/, with: #""prev":"\#(prev)""#)
                log += chained + "\n"
                prev = SHA256.hash(Array(chained.utf8)).hex
            }
            var copy = TestStore(copying: Array(log.utf8))
            defer { copy.cleanup() }
            copy.store = split(copy.store, workers: 3)
            copy.store.replayBlockSize = 4_000
            let events = copy.events()
            let r = try copy.store.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
            #expect(r.fingerprint.seq == late - 1)
            #expect(r.ledger == fold(Array(events.prefix(late - 1))), "stopped before line \(late)")
            checked += r.recordsFoldedOnCores > 0 ? 1 : 0
        }
        #expect(checked > 3)
    }

    /// An indicator whose records were all taken back may change its
    /// decimals; a record made after that, in the same block as records the
    /// cores folded with the old decimals, sends the replay back to fold the
    /// tail in log order.
    @Test func aBlockThatChangesHowRecordsFoldIsFoldedAgainInLogOrder() throws {
        var t = TestStore(snapshotInterval: 1_000_000)
        defer { t.cleanup() }
        try t.append([
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy"},"measure":"quantity","unit_of_measure":"kg","decimals":1,"aggregate":"flow","description":"\#(String(repeating: "Ma túy thu giữ. ", count: 60))"}}"#,
        ])
        let definedEnd = t.logBytes.count
        let first = try t.append([#"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"74","data":{"indicator":"drugs.seized","value":1.4}}"#]).events[0].seq
        try t.append([#"{"type":"event.retracted","data":{"target":\#(first),"reason":"ghi nhầm"}}"#])
        try t.append([#"{"type":"indicator.changed","occurred":"2018-03-03","unit":"74","data":{"indicator":"drugs.seized","decimals":3}}"#])
        try t.append([#"{"type":"indicator.recorded","occurred":"2018-03-04","unit":"74","data":{"indicator":"drugs.seized","value":0.125}}"#])
        let events = t.events()
        let expected = fold(events)
        #expect(FigureQuery(ledger: expected, first: day("2018-01-01"), last: day("2018-12-31"), periodStart: .january1)
            .value("drugs.seized", unit: "74") == dec("0.125"))
        // The definition in the first block; the records, the retraction and the change in the next.
        try #require(t.logBytes.count - definedEnd <= definedEnd)
        t.store.replayBlockSize = definedEnd + 1
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(r.recordsFoldedOnCores == 0, "folded again in log order")
        #expect(r.ledger == expected)
    }

    /// The same, after a snapshot: the first fold took the snapshot's
    /// ledger (it is not shared, so no table is copied), and the fold in log
    /// order starts again from the snapshot, not from an empty ledger.
    @Test func aFoldAgainAfterASnapshotStartsAgainFromTheSnapshot() throws {
        var t = TestStore(snapshotInterval: 1_000_000)
        defer { t.cleanup() }
        try t.append([
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25747","data":{"name":"Phường Phú Cường","kind":"ward","parent":"74"}}"#,
            #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy"},"measure":"quantity","unit_of_measure":"kg","decimals":1,"aggregate":"flow"}}"#,
            #"{"type":"arrest.made","occurred":"2018-02-01","unit":"25747","data":{"count":2}}"#,
        ])
        t.store.snapshotInterval = 1
        let atSnapshot = try t.store.replay()
        t.store.snapshotInterval = 1_000_000
        try #require(atSnapshot.snapshot == nil && t.snapshotFiles.count == 1, "a snapshot written after the definition")
        let first = try t.append([#"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"25747","data":{"indicator":"drugs.seized","value":1.4}}"#]).events[0].seq
        try t.append([#"{"type":"event.retracted","data":{"target":\#(first),"reason":"ghi nhầm"}}"#])
        try t.append([#"{"type":"indicator.changed","occurred":"2018-03-03","unit":"74","data":{"indicator":"drugs.seized","decimals":3}}"#])
        try t.append([#"{"type":"indicator.recorded","occurred":"2018-03-04","unit":"25747","data":{"indicator":"drugs.seized","value":0.125}}"#])
        try t.append([#"{"type":"arrest.made","occurred":"2018-03-05","unit":"25747","data":{"count":3}}"#])
        let expected = fold(t.events())
        let r = try t.store.replay(writeSnapshot: false)
        #expect(r.snapshot != nil, "the tail is folded on the snapshot")
        #expect(r.recordsFoldedOnCores == 0, "folded again in log order")
        #expect(r.ledger == expected)
        let year = FigureQuery(ledger: r.ledger, first: day("2018-01-01"), last: day("2018-12-31"), periodStart: .january1)
        #expect(year.value("drugs.seized", unit: "74") == dec("0.125"))
        #expect(year.value("arrests", unit: "74") == dec("5"), "the arrest the snapshot holds and the one after it")
    }
}
