import Foundation
import Hashing
import SystemCalls
import Testing

/// A listing that streams the log (`antq log`) prints nothing until the
/// whole log has been read and checked: a damaged line far into a long log,
/// after its snapshot, leaves standard output empty, however much the
/// lines before it would have printed.
@Suite(.serialized) struct HeldListingTests {
    @Test func aLongListingOfADamagedLogPrintsNothing() throws {
        let dir = try Binaries.temporaryDirectory("held")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 0)
        let events = (0..<1_500).map { n in
            #"{"type":"arrest.made","occurred":"2018-0\#(1 + n % 9)-1\#(n % 10)","unit":"25747","data":{"count":\#(1 + n % 7),"case":"HS-2018-\#(n)"}}"#
        }
        let batch = dir + "/batch.jsonl"
        try events.joined(separator: "\n").write(toFile: batch, atomically: true, encoding: .utf8)
        #expect(try Binaries.antq(["append", "--data", data, "--file", batch]).status == 0)
        #expect(try Binaries.antq(["snapshot", "--data", data]).status == 0)
        let intact = try Binaries.antq(["log", "--data", data])
        #expect(intact.status == 0 && intact.stdout.utf8.count > 1 << 17, "the listing is longer than any buffer it is written in")
        // A reader that stops early (`| head`) closes the pipe: the listing ends quietly, exit 0.
        let quoted = [Binaries.antq, "log", "--data", data].map { "'" + $0 + "'" }.joined(separator: " ")
        let head = try Binaries.run("/bin/bash", ["-c", "set -o pipefail; " + quoted + " | head -n 1"])
        #expect(head.status == 0 && head.stdout.hasPrefix("#1 ") && head.stderr.isEmpty, "\(head.status): \(head.stderr)")
        var lines = logLines(data)
        // A count in the next-to-last line: after the snapshot, past every earlier write of the listing.
        let seq = lines.count - 1
        let at = lines[seq - 1].firstIndex(of: UInt8(ascii: "t"))! // in "count"
        let digit = lines[seq - 1][(at + 3)...].firstIndex(where: { (0x30...0x39).contains($0) })!
        lines[seq - 1][digit] = lines[seq - 1][digit] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "2")
        try writeLog(data, lines)
        for format in [["--format", "text"], ["--format", "json"]] {
            let out = try Binaries.antq(["log", "--data", data] + format)
            #expect(out.status == 79, "\(format): \(out.stderr)")
            #expect(out.stdout.isEmpty, "\(format) printed \(out.stdout.utf8.count) bytes of a damaged log")
            #expect(out.stderr.contains("events/log.jsonl:\(seq):"), "\(out.stderr)")
        }
    }

    /// A line written by hand (or by an older antq) whose recorder holds an
    /// escape sequence is listed with the sequence shown, not sent to the terminal.
    @Test func aListingShowsControlCharactersInsteadOfPrintingThem() throws {
        let dir = try Binaries.temporaryDirectory("controls")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 3)
        var lines = logLines(data)
        let edited = lines.count - 1
        lines[edited - 1] = Array(String(decoding: lines[edited - 1], as: UTF8.self)
            .replacingOccurrences(of: #""by":"Reliability Test""#, with: #""by":"An\u001b[2J\u0085""#).utf8)
        for i in edited..<lines.count {
            lines[i] = TamperingTests.setSeqAndPrev(lines[i], seq: i + 1, prev: SHA256.hash(lines[i - 1]).hex)
        }
        try writeLog(data, lines)
        let out = try Binaries.antq(["log", "--data", data])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains(#"An\u{1b}[2J\u{85}"#), "\(out.stdout)")
        #expect(!out.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x85 }, "no control character reaches the terminal")
    }

    @Test func heldOutputKeepsOrderAcrossMemoryAndItsScratchFileAndLeavesNoFile() throws {
        let dir = try Binaries.temporaryDirectory("spill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let held = HeldOutput(memoryLimit: 1_000, directory: dir)
        var expected = ""
        for i in 0..<2_000 {
            let piece = "dòng \(i): " + String(repeating: "x", count: i % 37) + "\n"
            try held.append(piece)
            expected += piece
        }
        #expect(held.spilled, "past its memory limit, held output goes to the scratch file")
        #expect(held.count == expected.utf8.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the scratch file has no name")
        let outPath = dir + "/out.txt"
        let out = try FileDescriptor.open(outPath, [.writeOnly, .create, .exclusive])
        try held.release(to: out)
        try out.close()
        #expect(try String(contentsOfFile: outPath, encoding: .utf8) == expected)
        #expect(held.count == 0)
    }
}

/// An append that finds another writer at work says so on stderr and waits
/// for it (up to 30 s, then exit 75), instead of hanging without a word.
@Suite(.serialized) struct BusyLogTests {
    @Test func anAppendBehindAnotherWriterSaysItWaitsThenAppends() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else {
            print("skipped: flock(1) is not installed"); return
        }
        let dir = try Binaries.temporaryDirectory("busy")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 2)
        let log = data + "/events/log.jsonl"
        let quoted = [Binaries.antq, "append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1", "--data", data]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        // Another writer holds the lock for a second; antq is started while it does.
        let script = "( flock -x 9; touch '\(dir)/held'; sleep 1 ) 9>>'\(log)' & while [ ! -e '\(dir)/held' ]; do sleep 0.01; done; " + quoted
        let r = try Binaries.run("/bin/bash", ["-c", script])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("another antq is writing to this log; waiting for it to finish (up to 30 s)"), "\(r.stderr)")
        #expect(r.stdout.contains("appended"), "\(r.stdout)")
    }
}
