import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import SystemCalls
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// The file name prefix of ledger snapshots for the current projection, period start 01-01.
private let prefix = "ledger-v\(LedgerProjection().version)-p101-"

private func fileName(seq: Int) -> String {
    prefix + String(repeating: "0", count: 12 - String(seq).count) + "\(seq).snap"
}

@Test func snapshotsAreWrittenWholeAndPrunedToTheNumberKept() throws {
    let t = TestStore(snapshotInterval: 25, kept: 2)
    defer { t.cleanup() }
    t.fill(seed: 44, events: 200)
    let files = t.snapshotFiles
    #expect(files.count == 2, "\(files)")
    #expect(files.allSatisfy { $0.hasPrefix(prefix) && $0.hasSuffix(".snap") })
    let full = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    for f in files {
        let loaded = try SnapshotStore(layout: t.store.layout).load(t.snapshotsDirectory + "/" + f)
        #expect(f == fileName(seq: loaded.header.seq) && loaded.ledger.lastSeq == loaded.header.seq)
    }
    // A temp file left by a writer that crashed before its rename is cleared by the next write.
    let stale = t.snapshotsDirectory + "/" + fileName(seq: 1) + ".tmp-99999999"
    _ = FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
    try t.saveSnapshot(full)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(t.snapshotFiles.count == 2)
    #expect(t.snapshotFiles.last == fileName(seq: full.fingerprint.seq))
    // The newest snapshot holds the very ledger a full replay gives.
    let newest = try SnapshotStore(layout: t.store.layout).load(t.snapshotsDirectory + "/" + t.snapshotFiles.last!)
    #expect(newest.ledger == full.ledger)
}

/// A store of 120 random events, the replay of them all, and the path of a snapshot of that replay.
private func storeWithASnapshotAtItsEnd(seed: UInt64) throws -> (TestStore, ReplayResult, String) {
    let t = TestStore()
    t.fill(seed: seed, events: 120)
    let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    return (t, r, try t.saveSnapshot(r))
}

/// Builds a store with a snapshot at its end, then lets `damage` spoil it:
/// the snapshot is passed over with a note saying why, and the figures stay right.
private func checkIgnored(_ expectedNote: String, _ damage: (TestStore, String) throws -> Void) throws {
    let (t, _, path) = try storeWithASnapshotAtItsEnd(seed: 45)
    defer { t.cleanup() }
    #expect(try t.store.replay(writeSnapshot: false).snapshot == path)
    try damage(t, path)
    let after = try t.store.replay(writeSnapshot: false)
    let truth = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    #expect(after.snapshot == nil)
    #expect(after.ledger == truth.ledger)
    #expect(after.fingerprint == truth.fingerprint)
    let notes = t.notes.value
    #expect(notes.contains { $0.contains("ignored") && $0.contains(expectedNote) }, "\(notes)")
}

@Test func aCorruptedSnapshotIsIgnored() throws {
    try checkIgnored("checksum") { _, path in
        edit(path) { b in b[b.count - 10] ^= 0x01 }
    }
}

/// One bit flipped in the middle of any piece of any section is caught by
/// that piece's checksum, and the note names the section.
@Test func aFlippedBitInAnyPieceIsCaughtByItsChecksumAndNamed() throws {
    let (t, r, path) = try storeWithASnapshotAtItsEnd(seed: 45)
    defer { t.cleanup() }
    let original = Array(FileManager.default.contents(atPath: path)!)
    let header = try SnapshotStore(layout: t.store.layout).load(path).header
    #expect(Set(header.sections.map(\.section)) == Set(LedgerSection.allCases))
    var offset = original.firstIndex(of: 0x0A)! + 1
    for info in header.sections {
        defer { offset += info.length }
        var spoiled = original
        spoiled[offset + info.length / 2] ^= 0x04
        _ = FileManager.default.createFile(atPath: path, contents: Data(spoiled))
        t.notes.mutate { $0 = [] }
        let after = try t.store.replay(writeSnapshot: false)
        #expect(after.snapshot == nil && after.ledger == r.ledger, "\(info.section) piece \(info.piece)")
        #expect(t.notes.value.contains { $0.contains("checksum of its \(info.section.rawValue) section") }, "\(t.notes.value)")
    }
    #expect(offset == original.count, "the pieces the header lists fill the file")
    // The note is in the reader's language, reason and all.
    var vi = t.store
    vi.vietnamese = true
    t.notes.mutate { $0 = [] }
    _ = try vi.replay(writeSnapshot: false)
    #expect(t.notes.value.contains { $0.contains("bỏ qua ảnh chụp") && $0.contains("bị hỏng") && !$0.contains("corrupted") }, "\(t.notes.value)")
}

/// A snapshot's pieces are mapped from the file, which must hold all of a
/// piece first (a mapping past the end raises SIGBUS): a snapshot cut short
/// anywhere after its header (in the last piece, by its final newline only,
/// or by whole pieces) is ignored as cut short, never read past its end.
@Test(arguments: [1, 2, 500, 5_000])
func aSnapshotCutShortIsIgnoredAsCutShort(bytesCut: Int) throws {
    try checkIgnored("cut short") { _, path in
        edit(path) { b in b.removeLast(min(bytesCut, b.count - (b.firstIndex(of: 0x0A)! + 1))) }
    }
}

@Test func aSnapshotOfAnotherLogIsIgnored() throws {
    try checkIgnored("another log") { t, path in
        // In the header only: the state's copy is covered by the checksum.
        replaceText(path, "\"log_id\":\"\(try t.logID())\",\"seq\"", "\"log_id\":\"99999999-2222-4333-8444-555555555555\",\"seq\"")
    }
}

@Test func aSnapshotOfAnOlderProjectionVersionIsIgnored() throws {
    let version = LedgerProjection().version
    try checkIgnored("v\(version - 1)") { _, path in
        replaceText(path, "\"version\":\(version),", "\"version\":\(version - 1),")
    }
}

@Test func aSnapshotWhoseCoveredLineWasEditedIsIgnored() throws {
    try checkIgnored("not what it was") { t, _ in
        // Same length, still a decodable line: only the hash can tell.
        edit(t.logPath) { bytes in
            let lastLineStart = bytes.dropLast().lastIndex(of: 0x0A)! + 1
            let line = String(decoding: bytes[lastLineStart...], as: UTF8.self)
            let edited = line.replacingOccurrences(of: "\"by\":\"tester\"", with: "\"by\":\"testor\"")
            precondition(edited != line)
            bytes.replaceSubrange(lastLineStart..., with: Array(edited.utf8))
        }
    }
}

@Test func aSnapshotPastTheEndOfTheLogIsIgnored() throws {
    let (t, _, path) = try storeWithASnapshotAtItsEnd(seed: 46)
    defer { t.cleanup() }
    // The same log (same log_id), restored from an older copy ending with a finished batch.
    let lines = t.logBytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let n = (1...60).last { !String(decoding: lines[$0 - 1], as: UTF8.self).contains("\"more\":true") }!
    let short = TestStore(copying: Array(lines.prefix(n).joined(separator: [0x0A])) + [0x0A])
    defer { short.cleanup() }
    try FileManager.default.copyItem(atPath: path, toPath: short.snapshotsDirectory + "/" + path.split(separator: "/").last!)
    let after = try short.store.replay(writeSnapshot: false)
    #expect(after.snapshot == nil)
    #expect(after.fingerprint.seq == n)
    #expect(after.ledger == (try short.store.replay(useSnapshots: false, writeSnapshot: false)).ledger)
    #expect(short.notes.value.contains { $0.contains("past the end") })
}

@Test func anEarlierValidSnapshotIsUsedWhenTheNewestIsBad() throws {
    let t = TestStore(snapshotInterval: 40, kept: 3)
    defer { t.cleanup() }
    t.fill(seed: 47, events: 200)
    let files = t.snapshotFiles
    #expect(files.count >= 2)
    edit(t.snapshotsDirectory + "/" + files.last!) { b in b[b.count - 3] ^= 0x20 }
    let r = try t.store.replay(writeSnapshot: false)
    #expect(r.snapshot == t.snapshotsDirectory + "/" + files[files.count - 2])
    #expect(r.ledger == (try t.store.replay(useSnapshots: false, writeSnapshot: false)).ledger)
}

/// A header of each format antq wrote before: 1 (one checksum for the
/// whole state), 2 (a SHA-256 per piece) and 3 (the catalogue in JSON pieces).
private func earlierFormatHeader(_ format: Int, seq: Int) -> String {
    let zeros = String(repeating: "0", count: 64)
    let common = #""projection":"ledger","version":\#(LedgerProjection().version),"period_start":"01-01","log_id":"x","seq":\#(seq),"offset":0,"line_sha256":"\#(zeros)","last_recorded":null"#
    if format == 1 { return #"{"format":"antq-snapshot",\#(common),"state_sha256":"\#(zeros)"}"# + "\n{}\n" }
    let sections = LedgerSection.allCases.map { #"{"name":"\#($0.rawValue)","piece":0,"bytes":3,"sha256":"\#(zeros)"}"# }.joined(separator: ",")
    return #"{"format":"antq-snapshot-\#(format)",\#(common),"sections":[\#(sections)]}"# + "\n" + String(repeating: "{}\n", count: LedgerSection.allCases.count)
}

@Test(arguments: [1, 2, 3])
func aSnapshotInAnEarlierFormatIsIgnoredAndSaysSo(format: Int) throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 58, events: 80)
    let full = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    let old = earlierFormatHeader(format, seq: full.fingerprint.seq)
    _ = FileManager.default.createFile(atPath: t.snapshotsDirectory + "/" + fileName(seq: full.fingerprint.seq), contents: Data(old.utf8))
    let r = try t.store.replay(writeSnapshot: false)
    #expect(r.snapshot == nil && r.ledger == full.ledger)
    #expect(t.notes.value.contains { $0.contains("ignored") && $0.contains("earlier snapshot format") }, "\(t.notes.value)")
}

/// The pieces of a ledger with declarations (indicators with decimals and
/// dimensions, level records, ratios, vocabulary extensions, corrections)
/// decode to the very ledger they were encoded from, through the codec
/// alone and through a file of the snapshot store.
@Test(arguments: [UInt64(81), 82, 83])
func aLedgerWithDeclarationsRoundTripsThroughItsSnapshotPieces(seed: UInt64) throws {
    let g = RandomLog.make(seed: seed, events: 500)
    let l = g.ledger
    #expect(!l.catalogue.indicators.isEmpty && !l.amendments.corrections.isEmpty && !l.units.records.isEmpty)
    #expect(l.catalogue.indicators.values.contains { !$0.dimensions.isEmpty }, "an indicator with dimensions")
    var decoded = Ledger()
    for job in SnapshotCodec.pieceEncoders(l) {
        let bytes = job.encode()
        var piece = Ledger()
        try bytes.withUnsafeBytes { try SnapshotCodec.decode($0, into: &piece) }
        decoded.absorb(piece, section: job.section)
        // A piece cut by one byte is refused, not misread.
        #expect(throws: (any Error).self) {
            var p = Ledger()
            try bytes.dropLast().withUnsafeBytes { try SnapshotCodec.decode($0, into: &p) }
        }
    }
    #expect(decoded == l)
    #expect(figureDifferences(decoded, l) == [])
    #expect(decoded.figures == l.figures)

    let t = TestStore()
    defer { t.cleanup() }
    let header = SnapshotStore.Header(projection: "ledger", version: LedgerProjection().version, periodStart: .january1, logID: "x",
                                      seq: l.lastSeq, offset: 0, lineHash: .zero, lastRecorded: l.lastRecorded)
    let path = try SnapshotStore(layout: t.store.layout).write(l, header: header, keep: 3)
    let loaded = try SnapshotStore(layout: t.store.layout).load(path)
    #expect(loaded.ledger == l && loaded.header.seq == l.lastSeq)
    #expect(differencesFromReference(g.events, loaded.ledger) == [])
}
