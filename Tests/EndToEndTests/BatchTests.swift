import Foundation
import Testing

/// `antq append --file F` and `antq append -`: all or nothing, every bad line named.
@Suite struct BatchTests {
    enum Source: String, CaseIterable { case file, stdin }

    /// Runs a batch from a file or from standard input.
    func appendBatch(_ d: DataDir, _ text: String, via source: Source, extra: [String] = []) throws -> AntqBinary.Output {
        switch source {
        case .file:
            let f = d.root.appendingPathComponent("batch.jsonl")
            try Data(text.utf8).write(to: f)
            return try d.antq(["append", "--file", f.path] + extra)
        case .stdin:
            return try d.antq(["append", "-"] + extra, stdin: text)
        }
    }

    @Test(arguments: Source.allCases)
    func badFiveHundredthLineLeavesLogByteIdentical(_ source: Source) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        var lines = (1...600).map { tipLine(count: $0 % 7 + 1) }
        lines[499] = tipLine(count: 0)
        let before = try d.logBytes()
        let r = try appendBatch(d, lines.joined(separator: "\n") + "\n", via: source)
        #expect(r.status == 65)
        let name = source == .file ? d.root.appendingPathComponent("batch.jsonl").path : "<stdin>"
        #expect(r.stderr.contains("\(name):500: field data.count:"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was appended"))
        #expect(!r.stderr.contains(":499:") && !r.stderr.contains(":501:"))
        #expect(try d.logBytes() == before, "the log is byte-for-byte unchanged")
        #expect(try d.antq(["verify"]).status == 0)
    }

    @Test(arguments: Source.allCases)
    func goodBatchAppendsEveryLineAsOneCommittedBatch(_ source: Source) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let r = try appendBatch(d, (1...300).map { tipLine(count: $0) }.joined(separator: "\n") + "\n", via: source)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("appended 300 events: #\(Fixture.lastSeq + 1)…#\(Fixture.lastSeq + 300)"))
        let events = try d.events()
        #expect(events.map { $0["seq"] as? Int } == Array(1...(Fixture.lastSeq + 300)))
        let batch = events.suffix(300)
        #expect(batch.map { ($0["data"] as? [String: Any])?["count"] as? Int } == Array(1...300))
        // Every line of the batch but the last says more follows: the commit marker.
        #expect(batch.dropLast().allSatisfy { $0["more"] as? Bool == true })
        #expect(batch.last?["more"] == nil)
        #expect(try d.antq(["verify"]).status == 0)
    }

    /// Every bad line is named with its field (not only the first), and
    /// `--format json` carries the same problems for tools.
    @Test(arguments: Source.allCases)
    func everyBadLineIsReportedAndJSONGivesTheSameProblems(_ source: Source) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        var lines = (1...1000).map { _ in tipLine() }
        let bad: [Int: (String, String)] = [
            3: (tipLine(occurred: "2018-02-30"), "occurred"),
            250: (tipLine(unit: "99999"), "unit"),
            500: (tipLine(count: -4), "data.count"),
            999: (#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":1,"channel":"pigeon","valuable":false}}"#, "data.channel"),
        ]
        for (n, (text, _)) in bad { lines[n - 1] = text }
        let text = lines.joined(separator: "\n") + "\n"
        let before = try d.logBytes()

        let plain = try appendBatch(d, text, via: source)
        #expect(plain.status == 65)
        #expect(plain.stderr.contains("4 line(s) are invalid"))
        for (n, (_, field)) in bad { #expect(plain.stderr.contains(":\(n): field \(field):"), "line \(n) named with field \(field)") }

        let json = try appendBatch(d, text, via: source, extra: ["--format", "json"])
        #expect(json.status == 65)
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(report["exit_code"] as? Int == 65)
        #expect(report["invalid_lines"] as? Int == 4)
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.map { $0["line"] as? Int } == [3, 250, 500, 999])
        #expect(problems.map { $0["field"] as? String } == [3, 250, 500, 999].map { bad[$0]!.1 })
        for p in problems {
            // The JSON problem is the same one the text report printed.
            let line = p["line"] as? Int ?? 0, problem = p["problem"] as? String ?? "?"
            #expect(plain.stderr.contains(":\(line): field \(p["field"] as? String ?? ""): \(problem)"))
            #expect((p["fix"] as? String)?.isEmpty == false, "line \(line) says how to fix it")
        }
        #expect(try d.logBytes() == before)
    }

    @Test func manyBadLinesAreCappedWithACount() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let r = try d.antq(["append", "-"], stdin: (1...5000).map { _ in tipLine(count: 0) }.joined(separator: "\n") + "\n")
        #expect(r.status == 65)
        #expect(r.stderr.contains("5000 line(s) are invalid"))
        #expect(r.stderr.contains("more"), "the list is capped and says how many were left out")
        #expect(r.stderr.split(separator: "\n").count < 1000)
    }

    /// A batch several times the reader's 256 KiB buffer, from a file and
    /// from a pipe: streamed, not read whole, with the same all-or-nothing
    /// outcome and line numbers as a small one.
    @Test(arguments: Source.allCases)
    func aBatchLargerThanTheReadBufferStreamsWithRightLineNumbers(_ source: Source) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let n = 8_000  // about 1 MB of lines
        var lines = (1...n).map { tipLine(count: $0 % 9 + 1) }
        lines[6_999] = tipLine(count: 0)
        let before = try d.logBytes()
        let bad = try appendBatch(d, lines.joined(separator: "\n") + "\n", via: source)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains(":7000: field data.count:"), "\(bad.stderr)")
        #expect(try d.logBytes() == before, "the log is byte-for-byte unchanged")
        lines[6_999] = tipLine(count: 3)
        // The last line without a newline is still a line.
        let good = try appendBatch(d, lines.joined(separator: "\n"), via: source)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("appended \(n) events: #\(Fixture.lastSeq + 1)…#\(Fixture.lastSeq + n)"))
        let events = try d.events()
        #expect(events.count == Fixture.lastSeq + n)
        let counts: [Int?] = events.suffix(n).map { ($0["data"] as? [String: Any])?["count"] as? Int }
        let expected: [Int?] = (1...n).map { i -> Int? in i == 7_000 ? 3 : i % 9 + 1 }
        #expect(counts == expected)
        #expect(try d.antq(["verify"]).status == 0)
    }

    @Test func aBatchFileThatCannotBeReadIsAMissingFileError() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let r = try d.antq(["append", "--file", d.root.path])  // a directory: opens, but cannot be read
        #expect(r.status == 66, "\(r.stderr)")
        #expect(r.stderr.contains("cannot read \(d.root.path)"))
        #expect(try d.logBytes() == before)
    }
}
