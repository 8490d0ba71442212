import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import Hashing
import SystemCalls
import Testing
@testable import ANTQDomain
@testable import ANTQStore

/// Every read of the log checks that each line continues the chain of the
/// line before it, in the same pass that decodes it: whichever line is
/// edited, deleted, duplicated or moved, and wherever it falls among the
/// blocks and the cores' pieces, the replay refuses the log and names it.
@Suite struct ChainCheckTests {
    /// A store of random events (declarations included), and its lines.
    static func store(seed: UInt64) -> (TestStore, [[UInt8]]) {
        let t = TestStore()
        t.fill(seed: seed, events: 90)
        return (t, t.logBytes.split(separator: 0x0A).map(Array.init))
    }

    /// Stores reading the same log with pieces and blocks cut every way:
    /// one core, five cores on tiny pieces, and blocks of a few hundred bytes.
    static func readers(_ t: TestStore) -> [DataStore] {
        let one = split(t.store, workers: 1)
        let many = split(t.store, workers: 5)
        var blocks = many
        blocks.replayBlockSize = 700
        return [one, many, blocks]
    }

    static func write(_ t: TestStore, _ lines: [[UInt8]]) {
        var out: [UInt8] = []
        for l in lines { out += l; out.append(0x0A) }
        _ = FileManager.default.createFile(atPath: t.logPath, contents: Data(out))
    }

    /// The line the replay names when it refuses the log, or nil if it read it.
    static func namedLine(_ s: DataStore, visit: Bool = false) -> Int?? {
        do {
            if visit {
                // A visitor shown each block on the in-order thread while the next is read, as the audit's is.
                _ = try s.replay(useSnapshots: false, writeSnapshot: false, visit: { _, _, _ in }, visitReadsLines: false)
            } else {
                _ = try s.replay(useSnapshots: false, writeSnapshot: false)
            }
            return .some(nil)
        } catch {
            guard case .damaged(_, let line, let reason) = error else { return nil }
            #expect(reason.en.contains("chain is broken") && reason.vi.contains("chuỗi băm bị đứt"), "\(reason)")
            #expect(error.exitCode == 79)
            return .some(line)
        }
    }

    /// One byte of the recorder's name changed: still valid JSON and catalogue, only the chain can tell.
    static func editName(_ line: inout [UInt8]) {
        let at = offset(after: "\"by\":\"", in: line)!
        line[at] = line[at] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
    }

    @Test func editingAnyLineButTheLastIsRefusedAndNamedByEveryReader() throws {
        let (t, original) = Self.store(seed: 71)
        defer { t.cleanup() }
        #expect(original.contains { offset(after: "\"type\":\"indicator.recorded\"", in: $0) != nil }, "declared records among the lines")
        for i in 1..<original.count {
            var lines = original
            Self.editName(&lines[i - 1])
            Self.write(t, lines)
            for s in Self.readers(t) {
                #expect(Self.namedLine(s) == .some(i), "edit of line \(i)")
                #expect(Self.namedLine(s, visit: true) == .some(i), "edit of line \(i), read event by event")
                #expect(throws: StoreError.self) { try s.forEachEvent { _, _ in true } }
            }
        }
        Self.write(t, original)
        for s in Self.readers(t) { #expect(Self.namedLine(s) == .some(nil)) }
    }

    /// The damage is named even when the read after its block fails too (a
    /// line longer than the limit follows): a replay that applies a block
    /// while the next is read must not let the later failure speak first.
    @Test func aDamagedLineIsNamedEvenWhenTheReadAfterItFails() throws {
        let (t, original) = Self.store(seed: 74)
        defer { t.cleanup() }
        var lines = original
        Self.editName(&lines[9])
        // A line longer than the longest line a reader takes, before the last line.
        lines.insert(Array(repeating: UInt8(ascii: "x"), count: (16 << 20) + 10), at: lines.count - 1)
        Self.write(t, lines)
        for s in Self.readers(t) {
            #expect(Self.namedLine(s) == .some(10))
        }
    }

    @Test func deletedDuplicatedAndSwappedLinesAreRefusedWhereTheyShow() throws {
        let (t, original) = Self.store(seed: 72)
        defer { t.cleanup() }
        for i in 2..<original.count {
            var deleted = original
            deleted.remove(at: i - 1)
            var duplicated = original
            duplicated.insert(original[i - 1], at: i)
            var swapped = original
            swapped.swapAt(i - 1, i)
            for (name, lines, line) in [("deletion of", deleted, i), ("duplicate of", duplicated, i + 1), ("swap at", swapped, i)] {
                Self.write(t, lines)
                for s in Self.readers(t) {
                    #expect(Self.namedLine(s) == .some(line), "\(name) line \(i)")
                    #expect(Self.namedLine(s, visit: true) == .some(line), "\(name) line \(i), read event by event")
                }
            }
        }
    }

    @Test func anEditedPrevIsRefused() throws {
        let (t, original) = Self.store(seed: 73)
        defer { t.cleanup() }
        for i in 2...original.count {
            var lines = original
            let at = offset(after: "\"prev\":\"", in: lines[i - 1])!
            lines[i - 1][at] = lines[i - 1][at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            Self.write(t, lines)
            for s in Self.readers(t) {
                // Found on line i: named as the line before (edited) or its own prev.
                #expect(Self.namedLine(s) == .some(i - 1), "prev of line \(i)")
            }
        }
    }

    /// `--as-of` reads only a prefix: damage after it is outside what the
    /// report rests on, and the fingerprint printed is that of the prefix.
    @Test func damageAfterTheAsOfPointIsNotPartOfTheReport() throws {
        let (t, original) = Self.store(seed: 74)
        defer { t.cleanup() }
        let events = t.events()
        let cut = events[60].recorded
        let before = try t.store.replay(asOf: cut, useSnapshots: false, writeSnapshot: false)
        #expect(before.fingerprint.seq < 80)
        var lines = original
        lines.remove(at: 80)
        Self.write(t, lines)
        for s in Self.readers(t) {
            let r = try s.replay(asOf: cut, useSnapshots: false, writeSnapshot: false)
            #expect(r.fingerprint == before.fingerprint)
            #expect(r.ledger == before.ledger)
        }
        #expect(Self.namedLine(t.store) == .some(81))
    }

    /// A snapshot at seq N stands for lines 1…N once line N still hashes to
    /// what it recorded: a report built on it shows the state it was made
    /// from, under the log's true fingerprint, without reading the lines
    /// before. An earlier line looked up later (a correction's target) is
    /// taken only if the chain from it up to line N holds.
    @Test func anEditBeforeTheSnapshotIsNotReadButALookupOfThatLineIsRefused() throws {
        let (t, original) = Self.store(seed: 75)
        defer { t.cleanup() }
        let truth = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        let events = t.events()
        let snapAt = 60
        let partial = try t.store.replay(asOf: events[snapAt - 1].recorded, useSnapshots: false, writeSnapshot: false)
        try t.saveSnapshot(partial)
        var lines = original
        let edited = 20
        // One byte changed in place: the snapshot's offsets still hold.
        Self.editName(&lines[edited - 1])
        Self.write(t, lines)
        let fromSnapshot = try t.store.replay(writeSnapshot: false)
        #expect(fromSnapshot.snapshot != nil)
        #expect(fromSnapshot.fingerprint == truth.fingerprint)
        #expect(fromSnapshot.ledger == truth.ledger)
        #expect(fromSnapshot.anchor.seq == partial.fingerprint.seq)
        // Looking the edited line up through the snapshot's anchor is refused, naming it …
        do {
            _ = try t.store.event(seq: edited, anchor: fromSnapshot.anchor)
            Issue.record("an edited line before the snapshot was looked up")
        } catch {
            if case .damaged(_, let line, _) = error { #expect(line == edited) } else { Issue.record("\(error)") }
        }
        // … while a line after it (whose chain to the anchor holds) is found.
        #expect(try t.store.event(seq: edited + 1, anchor: fromSnapshot.anchor)?.seq == edited + 1)
        // A full replay refuses the log.
        #expect(Self.namedLine(t.store) == .some(edited))
    }

    @Test func aSnapshotIsNeverWrittenFromADamagedLog() throws {
        let t = TestStore(snapshotInterval: 40)
        defer { t.cleanup() }
        t.fill(seed: 76, events: 90)
        #expect(!t.snapshotFiles.isEmpty, "appends left snapshots behind")
        for f in t.snapshotFiles { try FileSystem.remove(t.snapshotsDirectory + "/" + f) }
        var lines = t.logBytes.split(separator: 0x0A).map(Array.init)
        lines.swapAt(50, 51)
        Self.write(t, lines)
        #expect(throws: StoreError.self) { _ = try t.store.replay() }
        #expect(t.snapshotFiles.isEmpty)
    }
}
