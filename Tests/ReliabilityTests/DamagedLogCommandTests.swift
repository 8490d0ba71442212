import Foundation
import Hashing
import Testing

/// What every command does with a damaged log, run as a user would: one
/// changed byte after the newest snapshot, before it, on the last line, in a
/// `prev`; a deleted, a duplicated and two swapped lines. A command that
/// reads a damaged line prints no figure and exits 79 naming it (writers
/// leave the log byte for byte as it was); `verify` names it too.
@Suite(.serialized) struct DamagedLogCommandTests {
    /// A log of 3 units and 40 events (flows, a model, cameras, an award)
    /// with a snapshot at seq `snapshotSeq`, and 12 events after it.
    struct Fixture {
        let dir: String
        let data: String
        let lines: [[UInt8]]
        let snapshotSeq: Int
        let csv: String

        init() throws {
            let dir = try Binaries.temporaryDirectory("damaged")
            let data = try makeLog(dir, events: 0)
            func batch(_ events: [String]) throws {
                let path = dir + "/batch-\(UUID().uuidString).jsonl"
                try events.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                let r = try Binaries.antq(["append", "--data", data, "--file", path])
                #expect(r.status == 0, "\(r.stderr)")
            }
            let units = ["74", "718", "25747"]
            func event(_ n: Int) -> String {
                let unit = units[n % 3], day = "2018-0\(1 + n % 9)-1\(n % 10)"
                switch n % 5 {
                case 0: return #"{"type":"arrest.made","occurred":"\#(day)","unit":"\#(unit)","data":{"count":\#(1 + n % 7)}}"#
                case 1: return #"{"type":"tip.received","occurred":"\#(day)","unit":"\#(unit)","data":{"count":\#(1 + n % 4),"channel":"hotline","valuable":true}}"#
                case 2: return #"{"type":"camera.installed","occurred":"\#(day)","unit":"\#(unit)","data":{"count":\#(2 + n % 3)}}"#
                case 3: return #"{"type":"award.granted","occurred":"\#(day)","unit":"\#(unit)","data":{"recipient_kind":"individual","recipient":"Trần Văn \#(n)","issuer":"province","form":"certificate_of_merit"}}"#
                default: return #"{"type":"case.solved","occurred":"\#(day)","unit":"\#(unit)","data":{"count":1,"category":"drugs","case":"HS-\#(n)"}}"#
                }
            }
            try batch([#"{"type":"model.established","occurred":"2017-06-01","unit":"25747","data":{"model":"m1","kind":"shock_team","name":"Đội xung kích","members":12}}"#]
                      + (0..<27).map(event))
            let s = try Binaries.antq(["snapshot", "--data", data])
            #expect(s.status == 0, "\(s.stderr)")
            try batch((27..<39).map(event))
            self.dir = dir
            self.data = data
            lines = logLines(data)
            snapshotSeq = lines.count - 12
            csv = dir + "/import.csv"
            try "Ngày;Đơn vị;Số đối tượng\n02/12/2018;25747;2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        }

        func cleanup() { try? FileManager.default.removeItem(atPath: dir) }

        /// Lines whose seq is `seq` (1-based) with one byte of their data count changed in place.
        func countEdited(_ seq: Int) -> [[UInt8]] {
            var lines = self.lines
            let text = String(decoding: lines[seq - 1], as: UTF8.self)
            let r = text.range(of: #""data":{"#)!
            let at = text.utf8.distance(from: text.utf8.startIndex, to: r.upperBound.samePosition(in: text.utf8)!)
            // A letter of the first data key: still valid JSON, now not this event; or a digit: another count.
            let target = text[r.upperBound...].firstIndex(where: { $0.isNumber }).map { text.utf8.distance(from: text.utf8.startIndex, to: $0.samePosition(in: text.utf8)!) } ?? at + 1
            lines[seq - 1][target] = lines[seq - 1][target] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "2")
            return lines
        }

        func prevEdited(_ seq: Int) -> [[UInt8]] {
            var lines = self.lines
            let text = String(decoding: lines[seq - 1], as: UTF8.self)
            let r = text.range(of: #""prev":""#)!
            let at = text.utf8.distance(from: text.utf8.startIndex, to: r.upperBound.samePosition(in: text.utf8)!)
            lines[seq - 1][at] = lines[seq - 1][at] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            return lines
        }
    }

    /// Every command that reads the log, and whether it rests on the snapshot.
    static func readers(_ f: Fixture) -> [(name: String, args: [String], usesSnapshot: Bool)] {
        [("summary", ["summary", "2018"], true),
         ("state", ["state", "--date", "2018-12-31"], true),
         ("rebuild", ["rebuild"], true),
         ("snapshot", ["snapshot"], true),
         ("audit", ["audit", "arrests", "--year", "2018"], false),
         ("audit --event", ["audit", "--event", "\(f.lines.count - 1)"], true),
         ("diff", ["diff", "--as-of", "2018-01-01", "2018"], false),
         ("log", ["log"], false),
         ("export", ["export"], false),
         ("rebuild --from-scratch", ["rebuild", "--from-scratch"], false)]
    }

    /// The readers whose whole output is the state (no timings): compared byte for byte.
    static let comparable: Set<String> = ["summary", "state"]

    /// Every command that extends the log (each must leave a damaged one as it was).
    static func writers(_ f: Fixture, target: Int) -> [(name: String, args: [String])] {
        [("append", ["append", "arrest.made", "--unit", "74", "--occurred", "2018-12-01", "--count", "1"]),
         ("correct", ["correct", "\(target)", "--reason", "sai số", "--count", "4"]),
         ("retract", ["retract", "\(target)", "--reason", "nhập trùng"]),
         ("import", ["import", f.csv, "--type", "arrest.made"])]
    }

    /// Runs every reader and writer on `lines` and checks each refuses with
    /// exit 79, names `line`, prints nothing on stdout and changes nothing;
    /// `verify` exits 1 and names `line` among its problems.
    static func expectRefusedEverywhere(_ f: Fixture, _ lines: [[UInt8]], naming line: Int, _ what: String) throws {
        try writeLog(f.data, lines)
        let before = Binaries.bytes(f.data + "/events/log.jsonl")
        for r in readers(f) {
            let out = try Binaries.antq(r.args + ["--data", f.data])
            #expect(out.status == 79, "\(what): \(r.name) exit \(out.status): \(out.stderr)")
            #expect(out.stdout.isEmpty, "\(what): \(r.name) printed figures: \(out.stdout.prefix(200))")
            #expect(out.stderr.contains("events/log.jsonl:\(line):"), "\(what): \(r.name) names line \(line): \(out.stderr)")
            #expect(out.stderr.contains("antq verify"), "\(what): \(r.name) points to verify")
        }
        for w in writers(f, target: f.lines.count - 1) {
            let out = try Binaries.antq(w.args + ["--data", f.data])
            #expect(out.status == 79, "\(what): \(w.name) exit \(out.status): \(out.stderr)")
            #expect(Binaries.bytes(f.data + "/events/log.jsonl") == before, "\(what): \(w.name) changed the log")
        }
        let v = try Binaries.antq(["verify", "--data", f.data, "--format", "json"])
        #expect(v.status == 1, "\(what): verify")
        #expect(v.stdout.contains("\"line\":\(line),"), "\(what): verify names line \(line): \(v.stdout.prefix(600))")
    }

    @Test func aChangedByteAfterTheSnapshotIsRefusedByEveryCommand() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let seq = f.snapshotSeq + 4
        try Self.expectRefusedEverywhere(f, f.countEdited(seq), naming: seq, "a byte of line \(seq)")
    }

    /// The damage is worded in the reader's language, detail and all: the
    /// refusal of a reading command and every problem `verify` lists.
    @Test func theDamageIsWordedInVietnameseToo() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let seq = f.snapshotSeq + 4
        try writeLog(f.data, f.countEdited(seq))
        let vi = try Binaries.antq(["summary", "2018", "--data", f.data, "--lang", "vi"])
        #expect(vi.status == 79 && vi.stderr.contains("sổ bị hỏng") && vi.stderr.contains("chuỗi băm bị đứt"), "\(vi.stderr)")
        #expect(!vi.stderr.contains("the hash chain is broken"), "\(vi.stderr)")
        let en = try Binaries.antq(["summary", "2018", "--data", f.data, "--lang", "en"])
        #expect(en.stderr.contains("the hash chain is broken"), "\(en.stderr)")
        let verify = try Binaries.antq(["verify", "--data", f.data, "--lang", "vi"])
        let problems = verify.stdout.split(separator: "\n").filter { $0.hasPrefix("events/log.jsonl:") }
        #expect(verify.status == 1 && !problems.isEmpty, "\(verify.stdout)")
        #expect(problems.allSatisfy { $0.contains("dòng") && !$0.contains("line") }, "\(problems)")
    }

    @Test func anEditedPrevIsRefusedByEveryCommand() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let seq = f.snapshotSeq + 6
        // Found on line seq: the line before or this prev was changed; the line before is named.
        try Self.expectRefusedEverywhere(f, f.prevEdited(seq), naming: seq - 1, "the prev of line \(seq)")
    }

    @Test func deletedDuplicatedAndSwappedLinesAreRefusedByEveryCommand() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let i = f.snapshotSeq + 3
        var deleted = f.lines
        deleted.remove(at: i - 1)
        try Self.expectRefusedEverywhere(f, deleted, naming: i, "line \(i) deleted")
        var duplicated = f.lines
        duplicated.insert(f.lines[i - 1], at: i)
        try Self.expectRefusedEverywhere(f, duplicated, naming: i + 1, "line \(i) duplicated")
        var swapped = f.lines
        swapped.swapAt(i - 1, i)
        try Self.expectRefusedEverywhere(f, swapped, naming: i, "lines \(i) and \(i + 1) swapped")
    }

    /// Before the snapshot: commands that start from the snapshot do not read
    /// the line, and show the state the snapshot was made from under the
    /// log's true fingerprint; those that read the whole log refuse it; a
    /// correction of the edited line itself is refused (its chain to the
    /// snapshot does not hold), one of a later line is not.
    @Test func aChangedByteBeforeTheSnapshotIsNotReadFromTheSnapshotAndRefusedOtherwise() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let truth = try Self.readers(f).filter { Self.comparable.contains($0.name) }.map { try Binaries.antq($0.args + ["--data", f.data]).stdout }
        let seq = 10
        try writeLog(f.data, f.countEdited(seq))
        for (r, expected) in zip(Self.readers(f).filter { Self.comparable.contains($0.name) }, truth) {
            let out = try Binaries.antq(r.args + ["--data", f.data])
            #expect(out.status == 0, "\(r.name): \(out.stderr)")
            #expect(out.stdout == expected, "\(r.name) from the snapshot shows the state it was made from")
        }
        for r in Self.readers(f).filter({ $0.usesSnapshot && !Self.comparable.contains($0.name) }) {
            let out = try Binaries.antq(r.args + ["--data", f.data])
            #expect(out.status == 0, "\(r.name) starts from the snapshot: \(out.stderr)")
        }
        for r in Self.readers(f).filter({ !$0.usesSnapshot }) {
            let out = try Binaries.antq(r.args + ["--data", f.data])
            #expect(out.status == 79 && out.stdout.isEmpty && out.stderr.contains("events/log.jsonl:\(seq):"), "\(r.name): \(out.stderr)")
        }
        let before = Binaries.bytes(f.data + "/events/log.jsonl")
        let c = try Binaries.antq(["correct", "\(seq)", "--reason", "sai", "--data", f.data, "--count", "5"])
        #expect(c.status == 79 && c.stderr.contains("events/log.jsonl:\(seq):"), "\(c.stderr)")
        #expect(Binaries.bytes(f.data + "/events/log.jsonl") == before)
        let v = try Binaries.antq(["verify", "--data", f.data, "--format", "json"])
        #expect(v.status == 1 && v.stdout.contains("\"line\":\(seq),"))
        // A line after the snapshot chains to it: its correction is accepted.
        let later = try Binaries.antq(["correct", "\(f.snapshotSeq + 1)", "--reason", "sai", "--data", f.data, "--count", "5"])
        #expect(later.status == 0, "\(later.stderr)")
    }

    /// The last line has no successor to vouch for it in a plain log: a
    /// changed last line gives reports under a new fingerprint (never the
    /// old one), and a fingerprint printed before the change exposes it.
    @Test func aChangedLastLineChangesTheFingerprintEveryReportPrints() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let old = try Binaries.antq(["summary", "2018", "--data", f.data]).stdout
        let oldFP = try TamperingTests.fingerprint(f.data)
        #expect(old.contains(oldFP))
        try writeLog(f.data, f.countEdited(f.lines.count))
        let new = try Binaries.antq(["summary", "2018", "--data", f.data])
        #expect(new.status == 0)
        #expect(!new.stdout.contains(oldFP), "a changed log never prints the old fingerprint")
        let v = try Binaries.antq(["verify", "--data", f.data, "--fingerprint", oldFP])
        #expect(v.status == 1 && v.stdout.contains("DOES NOT HOLD"), "\(v.stdout)")
    }

    /// `verify --fingerprint SEQ:HASH` holds only when lines 1…SEQ are intact
    /// and line SEQ hashes to HASH; its wording never contradicts its exit code.
    @Test func verifyFingerprintHoldsOnlyForAnIntactPrefix() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let seq = 30
        let fp = "\(seq):" + SHA256.hash(f.lines[seq - 1]).hex
        func verify(_ lines: [[UInt8]]) throws -> Binaries.Output {
            try writeLog(f.data, lines)
            return try Binaries.antq(["verify", "--data", f.data, "--fingerprint", fp])
        }
        let intact = try verify(f.lines)
        #expect(intact.status == 0 && intact.stdout.contains("holds"), "\(intact.stdout)")
        // A changed line before SEQ: line SEQ still has its hash, but the prefix is not the one pinned.
        let before = try verify(f.countEdited(12))
        #expect(before.status == 1 && before.stdout.contains("DOES NOT HOLD") && before.stdout.contains("line 12"), "\(before.stdout)")
        #expect(!before.stdout.contains("still begins"))
        let at = try verify(f.countEdited(seq))
        #expect(at.status == 1 && at.stdout.contains("DOES NOT HOLD"), "\(at.stdout)")
        #expect(!at.stdout.contains("still begins"))
        // A changed line after SEQ: the prefix holds, the log as a whole does not.
        let after = try verify(f.countEdited(seq + 3))
        #expect(after.status == 1, "\(after.stdout)")
        #expect(after.stdout.contains("holds") && after.stdout.contains("problems above are after line \(seq)"), "\(after.stdout)")
    }
}
