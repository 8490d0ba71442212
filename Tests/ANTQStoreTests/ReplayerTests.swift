import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import SystemCalls
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

@Test(arguments: [(UInt64(41), MonthDay.january1), (UInt64(42), MonthDay(month: 12, day: 15)), (UInt64(43), MonthDay.january1)])
func fullReplayEqualsNewestSnapshotPlusTailEqualsTheReference(seed: UInt64, periodStart: MonthDay) throws {
    let t = TestStore(snapshotInterval: 60, kept: 3, periodStart: periodStart)
    defer { t.cleanup() }
    let g = t.fill(seed: seed, events: 300)
    let full = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    let fast = try t.store.replay(writeSnapshot: false)
    #expect(full.snapshot == nil && full.eventsReplayed == g.events.count)
    #expect(fast.snapshot != nil, "appends every 60 events should have left snapshots")
    #expect(fast.eventsReplayed < 60)
    #expect(fast.ledger == full.ledger)
    #expect(fast.fingerprint == full.fingerprint)
    #expect(fast.endOffset == Int64(t.logBytes.count))
    // The same facts as the in-memory log the batches came from …
    #expect(sameFacts(full.ledger, g.ledger))
    // … and every figure equals the naive reference over the stored events.
    #expect(differencesFromReference(t.events(), full.ledger) == [])
    #expect(t.notes.value.filter { $0.contains("ignored") }.isEmpty)
}

@Test(arguments: [UInt64(48), 49])
func asOfReplaysWhatWasKnownThenIgnoringNewerSnapshots(seed: UInt64) throws {
    let t = TestStore(snapshotInterval: 30, kept: 5)
    defer { t.cleanup() }
    t.fill(seed: seed, events: 250)
    let events = t.events()
    let cut = events[events.count / 2].recorded
    let r = try t.store.replay(asOf: cut, writeSnapshot: false)
    // The log truncated after the last line recorded at or before the cut.
    let kept = events.filter { $0.recorded <= cut }.count
    let lines = t.logBytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let truncated = TestStore(copying: Array(lines.prefix(kept).joined(separator: [0x0A])) + [0x0A])
    defer { truncated.cleanup() }
    let expected = try truncated.store.replay(useSnapshots: false, writeSnapshot: false)
    #expect(r.fingerprint == expected.fingerprint)
    #expect(r.ledger == expected.ledger)
    if let s = r.snapshot {
        // Only a snapshot of what was known then may serve.
        let loaded = try SnapshotStore(layout: t.store.layout).load(s)
        #expect(loaded.header.lastRecorded! <= cut)
    }
    #expect(t.snapshotFiles.count >= 2)
    #expect(differencesFromReference(Array(events.prefix(kept)), r.ledger) == [])
}

@Test func replayIgnoresAnUnfinishedBatchAndSaysSo() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 50, events: 40)
    let before = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    appendBytes(t.logPath, "{\"seq\":41,\"id\":\"x")
    let after = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    #expect(after.ledger == before.ledger && after.fingerprint == before.fingerprint)
    #expect(t.notes.value.contains { $0.contains("unfinished batch") })
}

@Test(arguments: [UInt64(46), 47])
func flowsFoldedOnManyCoresAndMergedGiveTheLedgerOfAOneByOneFold(seed: UInt64) throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: seed, events: 400)
    let one = split(t.store, workers: 1)
    let many = split(t.store, workers: 5)
    let a = try one.replay(useSnapshots: false, writeSnapshot: false)
    let b = try many.replay(useSnapshots: false, writeSnapshot: false)
    let events = t.events()
    #expect(a.eventsReplayed == events.count)
    #expect(b.ledger == a.ledger)
    #expect(b.fingerprint == a.fingerprint && b.endOffset == a.endOffset && b.eventsReplayed == a.eventsReplayed)
    #expect(differencesFromReference(events, b.ledger) == [])
    // Stopping at an --as-of instant inside any piece folds exactly the events known then.
    for k in stride(from: 3, to: events.count, by: 41) {
        let asOf = events[k].recorded
        let x = try one.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
        let y = try many.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
        #expect(y.ledger == x.ledger, "as of \(asOf)")
        #expect(y.fingerprint == x.fingerprint && y.eventsReplayed == x.eventsReplayed)
        #expect(y.eventsReplayed == events.filter { $0.recorded <= asOf }.count)
    }
}

@Test func aDamagedLineInTheMiddleOfAPieceIsNamedByItsLineNumberWhateverTheSplit() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 48, events: 300)
    var bytes = t.logBytes
    let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    let line = 217
    bytes[starts[line - 1] + 2] = UInt8(ascii: "z")  // inside `"seq"`: the key becomes unknown
    let damaged = TestStore(copying: bytes)
    defer { damaged.cleanup() }
    for workers in [1, 2, 3, 7] {
        do {
            _ = try split(damaged.store, workers: workers).replay(useSnapshots: false, writeSnapshot: false)
            Issue.record("a damaged line must stop the replay (\(workers) workers)")
        } catch {
            guard case .damaged(_, let n, let reason) = error else { Issue.record("\(error)"); continue }
            #expect(n == line, "\(workers) workers: \(reason)")
            #expect(reason.en.contains("zeq"))
            #expect(error.exitCode == 79)
        }
    }
}

/// A store whose newest snapshot covers its whole log and has its models section spoiled.
private func storeWithSpoiledModelsSection(seed: UInt64) throws -> (TestStore, full: ReplayResult, snapshot: String) {
    let t = TestStore(snapshotInterval: 100_000)
    t.fill(seed: seed, events: 150)
    let full = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    let path = try t.saveSnapshot(full)
    let header = try SnapshotStore(layout: t.store.layout).load(path).header
    #expect(header.sections.last?.section == .models, "the models section is the file's last line")
    #expect(header.sections.last!.length > 20)
    edit(path) { b in b[b.count - 10] ^= 0x01 }
    return (t, full, path)
}

@Test func aCommandReadsOnlyTheSnapshotSectionsItNeeds() throws {
    let (t, full, path) = try storeWithSpoiledModelsSection(seed: 49)
    defer { t.cleanup() }
    let base = try t.store.replay(writeSnapshot: false, sections: [.base])
    #expect(base.snapshot == path, "the spoiled section was not needed")
    #expect(base.ledger.units == full.ledger.units && base.ledger.lastSeq == full.ledger.lastSeq && base.ledger.log == full.ledger.log)
    #expect(base.ledger.catalogue == full.ledger.catalogue && !full.ledger.catalogue.isEmpty, "the declared catalogue is part of the base")
    #expect(base.ledger.models == ModelRegistry() && base.ledger.flows == FlowTable() && !base.ledger.isComplete)
    #expect(t.notes.value.isEmpty, "\(t.notes.value)")
    // The whole ledger needs it: the snapshot is ignored with a note naming the section, and the figures stay right.
    let all = try t.store.replay(writeSnapshot: false)
    #expect(all.snapshot == nil)
    #expect(all.ledger == full.ledger)
    #expect(t.notes.value.contains { $0.contains("ignored") && $0.contains("models section") }, "\(t.notes.value)")
}

@Test func anAppendOfFlowEventsLoadsOnlyTheUnitsFromTheSnapshot() throws {
    let (t, _, _) = try storeWithSpoiledModelsSection(seed: 50)
    defer { t.cleanup() }
    let tip = try #require(t.events().last { $0.type == .tipReceived })
    let unit = try #require(tip.unit)
    try t.append([#"{"type":"tip.received","occurred":"\#(tip.occurred.iso)","unit":"\#(unit)","data":{"count":2,"channel":"hotline","valuable":true}}"#])
    #expect(t.notes.value.isEmpty, "a tip is checked against the units only: \(t.notes.value)")
    // A model event is checked against the models: the spoiled snapshot is noticed and not used.
    try t.append([#"{"type":"model.established","occurred":"\#(tip.occurred.iso)","unit":"\#(unit)","data":{"model":"m-new","kind":"shock_team","name":"Tổ mới","members":10}}"#])
    #expect(t.notes.value.contains { $0.contains("models section") }, "\(t.notes.value)")
    // Both were validated against the right state: the log replays to the reference figures.
    #expect(differencesFromReference(t.events(), try t.store.replay(useSnapshots: false, writeSnapshot: false).ledger) == [])
}

@Test func anAsOfStopTakesBackWhatLaterPiecesFoldedWhenRecordedGoesBackwards() throws {
    // `recorded` only goes backwards in a log whose clock jumped back (verify
    // reports it); a replay must still stop at the first event after --as-of,
    // as a one-by-one fold does, whatever the other cores already folded.
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 57, events: 400)
    var bytes = t.logBytes
    let many = split(t.store, workers: 5)
    let cuts = bytes.withUnsafeBytes { many.decoding.pieces($0) }
    #expect(cuts.count == 6 && bytes.count < 1 << 20, "one block, five pieces")
    // Back-date the first lines of the third piece to before the as-of
    // instant, until they include flow and camera events (both are folded
    // on the workers, so both must be taken back).
    var lineStart = cuts[2]
    var backdatedFlows = 0, backdatedCameras = 0
    while (backdatedFlows < 2 || backdatedCameras < 1) && lineStart < cuts[3] {
        let end = bytes[lineStart...].firstIndex(of: 0x0A)!
        let at = lineStart + offset(after: "\"recorded\":\"", in: Array(bytes[lineStart..<end]))!
        bytes.replaceSubrange(at..<(at + 27), with: Array("2000-01-01T00:00:00.000000Z".utf8))
        let type = try LineReader.read(Array(bytes[lineStart..<end])).event.type
        if type.spec.changesOnlyFlows { backdatedFlows += 1 }
        if type.isCameraEvent { backdatedCameras += 1 }
        lineStart = end + 1
    }
    #expect(backdatedFlows > 0 && backdatedCameras > 0, "the back-dated lines include flow and camera events")
    let edited = TestStore(copying: bytes)
    defer { edited.cleanup() }
    let lastBefore = bytes[..<bytes[(cuts[1] / 2)...].firstIndex(of: 0x0A)!].split(separator: 0x0A).last!
    let asOf = try LineReader.read(Array(lastBefore)).event.recorded
    let one = try split(edited.store, workers: 1).replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
    let five = try split(edited.store, workers: 5).replay(asOf: asOf, useSnapshots: false, writeSnapshot: false)
    #expect(five.ledger == one.ledger)
    #expect(five.eventsReplayed == one.eventsReplayed && five.fingerprint == one.fingerprint)
}

/// A store of random events with a snapshot after the first part of its
/// batches: the replay the snapshot holds, its path, and a full replay of
/// the whole log (no snapshot is written on the way).
private func storeWithASnapshotPartWay(seed: UInt64, events: Int, batchesBefore part: Double) throws
    -> (TestStore, atSnapshot: ReplayResult, snapshot: String, truth: ReplayResult) {
    let t = TestStore(snapshotInterval: 1_000_000, kept: 3)
    let g = RandomLog.make(seed: seed, events: events, periodStart: t.periodStart)
    let cut = Int(Double(g.batches.count) * part)
    for batch in g.batches[..<cut] { try t.append(batch) }
    let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    let path = try t.saveSnapshot(r)
    for batch in g.batches[cut...] { try t.append(batch) }
    return (t, r, path, try t.store.replay(useSnapshots: false, writeSnapshot: false))
}

/// A figure report does not read the amendments section; when its tail is
/// long enough for it to leave a snapshot behind, it reads every section so
/// that it can (a snapshot needs them all).
@Test func aReplayWithoutAmendmentsReadsThemOnlyWhenItWillWriteASnapshot() throws {
    var (t, r, path, truth) = try storeWithASnapshotPartWay(seed: 63, events: 300, batchesBefore: 1.0 / 2)
    defer { t.cleanup() }
    let tail = truth.fingerprint.seq - r.fingerprint.seq
    let sections: Set<LedgerSection> = [.base, .flows, .models]
    // A short tail (under the interval): amendments left unread, no snapshot written, the figures the same.
    t.store.snapshotInterval = tail + 1
    let short = try t.store.replay(sections: sections)
    // (The tail's own corrections are folded into an index of their own; the snapshot's were not read.)
    try #require(r.ledger.amendments != AmendmentIndex(), "the first half holds corrections")
    #expect(short.snapshot == path && !short.ledger.isComplete && short.ledger.amendments != truth.ledger.amendments)
    #expect(short.ledger.flows == truth.ledger.flows && short.ledger.models == truth.ledger.models && short.ledger.units == truth.ledger.units)
    #expect(short.ledger.levels == truth.ledger.levels && short.ledger.catalogue == truth.ledger.catalogue)
    #expect(t.snapshotFiles.count == 1)
    // A long one: every section read, and a snapshot of the end written.
    t.store.snapshotInterval = tail
    let long = try t.store.replay(sections: sections)
    #expect(long.snapshot == path && long.ledger == truth.ledger)
    #expect(t.snapshotFiles.count == 2)
    #expect(try t.store.replay(writeSnapshot: false).eventsReplayed == 0, "the new snapshot covers the whole log")
}

/// A store whose snapshot has a tail of many small blocks after it: the
/// snapshot's pieces are decoded together with the first block, and the
/// events of that block applied once the snapshot is there.
private func storeWithALongTail(seed: UInt64) throws -> (TestStore, snapshot: String, truth: ReplayResult) {
    let (t, r, path, truth) = try storeWithASnapshotPartWay(seed: seed, events: 400, batchesBefore: 1.0 / 3)
    let tail = t.events().filter { $0.seq > r.fingerprint.seq }
    #expect(tail.count > 100 && tail.contains { !$0.type.spec.changesOnlyFlows }, "a tail with events other than flows")
    return (t, path, truth)
}

@Test(arguments: [512, 2048, 1 << 20])
func theSnapshotDecodedWithTheTailsFirstBlockGivesTheLedgerOfAFullReplay(blockSize: Int) throws {
    var (t, path, truth) = try storeWithALongTail(seed: 61)
    defer { t.cleanup() }
    t.store.replayBlockSize = blockSize
    let r = try t.store.replay(writeSnapshot: false)
    #expect(r.snapshot == path)
    #expect(r.ledger == truth.ledger)
    #expect(r.fingerprint == truth.fingerprint && r.endOffset == truth.endOffset)
    #expect(r.eventsReplayed < truth.eventsReplayed)
}

/// A piece found damaged only once it is decoded, after the first block of
/// the tail was folded alongside it: the snapshot is left out and the tail
/// folded again from the start.
@Test(arguments: [2048, 1 << 20])
func aSnapshotFoundDamagedAlongsideTheTailsFirstBlockIsLeftOutAndTheLogFoldedAgain(blockSize: Int) throws {
    var (t, path, truth) = try storeWithALongTail(seed: 62)
    defer { t.cleanup() }
    t.store.replayBlockSize = blockSize
    edit(path) { b in b[b.count - 5] ^= 0x02 }
    let r = try t.store.replay(writeSnapshot: false)
    #expect(r.snapshot == nil)
    #expect(r.ledger == truth.ledger && r.fingerprint == truth.fingerprint)
    #expect(r.eventsReplayed == truth.eventsReplayed)
    #expect(t.notes.value.filter { $0.contains("ignored") && $0.contains("checksum") }.count == 1, "\(t.notes.value)")
}
