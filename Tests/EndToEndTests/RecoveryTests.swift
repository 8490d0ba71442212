import Foundation
import Testing

/// Torn tails, concurrent writers and tampering, seen from the command line.
@Suite struct RecoveryTests {
    /// Cuts the log `cut` bytes before its end (in the middle of the last line).
    func tear(_ d: DataDir, cut: Int) throws -> (kept: Data, torn: Data) {
        let all = try d.logBytes()
        let kept = all.prefix(all.count - cut)
        let lastNewline = kept.lastIndex(of: 0x0A)!
        let h = try FileHandle(forWritingTo: d.logURL)
        try h.truncate(atOffset: UInt64(kept.count))
        try h.close()
        return (Data(kept.prefix(lastNewline + 1)), Data(kept.suffix(from: lastNewline + 1)))
    }

    @Test func tornTailIsIgnoredByReadersWithAWarningAndQuarantinedByTheNextAppend() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let (committed, torn) = try tear(d, cut: 40)
        #expect(!torn.isEmpty)

        for reader in [["log"], ["verify"], ["summary", "2018"], ["units"], ["state"]] {
            let r = try d.antq(reader)
            #expect(r.status == 0, "\(reader): \(r.stderr)")
            #expect(r.stderr.contains("warning:") && r.stderr.contains("events/log.jsonl"),
                    "antq \(reader.joined(separator: " ")) warns about the torn tail: \(r.stderr)")
        }
        let json = try d.antq(["log", "--format", "json"])
        #expect(json.stdoutBytes == committed, "readers see exactly the committed lines")
        let v = try d.antq(["verify"])
        #expect(v.stdout.contains("clean: \(Fixture.lastSeq - 1) lines"))

        let a = try d.antq(["append", "camera.installed", "--unit", "25747", "--occurred", "2018-09-01", "--count", "4"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("appended #\(Fixture.lastSeq) camera.installed"), "the torn event's seq is free again")
        #expect(a.stderr.contains("moved to"))
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: d.eventsURL.path)
            .filter { $0.hasPrefix("log.jsonl.unfinished-") }
        #expect(quarantined.count == 1)
        let moved = try Data(contentsOf: d.eventsURL.appendingPathComponent(quarantined.first ?? "-"))
        #expect(moved == torn, "the torn bytes are preserved, not deleted")
        let after = try d.logBytes()
        #expect(after.prefix(committed.count) == committed)
        let verify = try d.antq(["verify"])
        #expect(verify.status == 0 && verify.stderr.isEmpty, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("clean: \(Fixture.lastSeq) lines"))
    }

    /// 4 processes × 250 appends: seqs 1…1001 contiguous, chain clean.
    @Test(.timeLimit(.minutes(5)))
    func fourWritersTimesTwoHundredFiftyAppendsGiveContiguousSeqs() throws {
        let d = try DataDir.initialised()
        defer { d.remove() }
        let writers = (0..<4).map { w -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            // Each writer registers its own units (valid on an empty log), one append per process run.
            p.arguments = ["-c", """
                i=0
                while [ $i -lt 250 ]; do
                  "$ANTQ" append unit.registered --data "$DATA" --unit $((10000 + \(w) * 1000 + i)) --occurred 2013-12-30 \
                    --name "Đơn vị \(w)-$i" --kind province --parent null >/dev/null || exit 1
                  i=$((i + 1))
                done
                """]
            var env = ProcessInfo.processInfo.environment
            env["ANTQ"] = AntqBinary.url.path
            env["DATA"] = d.path
            env["ANTQ_USER"] = "writer \(w)"
            env["ANTQ_DATA"] = nil
            p.environment = env
            return p
        }
        for p in writers { try p.run() }
        for p in writers { p.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0, 0, 0], "every append succeeded")
        let events = try d.events()
        #expect(events.map { $0["seq"] as? Int } == Array(1...1001))
        let perWriter = Dictionary(grouping: events.dropFirst(), by: { $0["by"] as? String ?? "" }).mapValues(\.count)
        #expect(perWriter == ["writer 0": 250, "writer 1": 250, "writer 2": 250, "writer 3": 250])
        #expect(Set(events.dropFirst().compactMap { $0["unit"] as? String }).count == 1000)
        let v = try d.antq(["verify"])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("clean: 1001 lines"))
    }

    struct Edit: CustomTestStringConvertible, Sendable {
        var line: Int
        var from: String
        var to: String
        var testDescription: String { "line \(line): \(from) → \(to)" }
    }

    /// A one-byte edit in the middle makes verify fail and name that line.
    @Test(arguments: [
        Edit(line: 6, from: "\"25747\"", to: "\"25748\""),            // a unit code
        Edit(line: 11, from: "\"members\":12", to: "\"members\":13"), // a count, still valid JSON
        Edit(line: 13, from: "\"count\":3", to: "\"count\":8"),
        Edit(line: 9, from: "\"data\":{", to: "\"data\":["),          // breaks the JSON
    ])
    func oneByteEditMakesVerifyNameThatLine(_ edit: Edit) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        var lines = try d.logLines()
        let original = lines[edit.line - 1]
        lines[edit.line - 1] = original.replacingOccurrences(of: edit.from, with: edit.to)
        #expect(lines[edit.line - 1] != original && lines[edit.line - 1].utf8.count == original.utf8.count)
        let edited = Data((lines.joined(separator: "\n") + "\n").utf8)
        let diff = zip(try d.logBytes(), edited).filter { $0 != $1 }.count
        #expect(diff == 1, "exactly one byte differs")
        try edited.write(to: d.logURL)

        let v = try d.antq(["verify"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("FAILED"))
        let first = v.stdout.split(separator: "\n").first { $0.hasPrefix("events/log.jsonl:") }
        #expect(first?.hasPrefix("events/log.jsonl:\(edit.line):") == true, "the first problem names line \(edit.line): \(v.stdout)")
        let json = try d.antq(["verify", "--format", "json"])
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(report["clean"] as? Bool == false)
        #expect((report["problems"] as? [[String: Any]])?.first?["line"] as? Int == edit.line)
    }
}
