import Foundation
import Hashing
import Testing

/// Tamper evidence of the plain (SHA-256) chain: every edit, deletion,
/// insertion or reordering of a line makes `verify` fail and name the first
/// line where it shows; truncation is caught against a fingerprint printed earlier.
@Suite struct TamperingTests {
    /// Verify (JSON) of a tampered copy of `original`.
    static func verifyTampered(_ data: String, _ lines: [[UInt8]], fingerprint: String? = nil) throws -> Binaries.Output {
        try writeLog(data, lines)
        return try Binaries.antq(["verify", "--data", data, "--format", "json"] + (fingerprint.map { ["--fingerprint", $0] } ?? []))
    }

    static func fingerprint(_ data: String) throws -> String {
        let v = try Binaries.antq(["verify", "--data", data, "--format", "json"])
        #expect(v.status == 0, "\(v.stdout)")
        let fp = v.stdout.components(separatedBy: "\"fingerprint\":\"").dropFirst().first?.prefix { $0 != "\"" }
        return String(fp ?? "")
    }

    @Test func editingAnyLineButTheLastIsNamedByVerify() throws {
        let log = try TamperCase("edit")
        defer { log.cleanup() }
        let (data, original, n) = (log.data, log.original, log.original.count)
        let fp = try Self.fingerprint(data)
        for i in 1...n {
            var lines = original
            // Same length, still valid JSON and catalogue: only the chain can tell.
            let text = String(decoding: lines[i - 1], as: UTF8.self)
            #expect(text.contains("Reliability Test"))
            lines[i - 1] = Array(text.replacingOccurrences(of: "Reliability Test", with: "Reliability Tesx").utf8)
            let v = try Self.verifyTampered(data, lines)
            if i < n {
                #expect(v.status == 1, "edit of line \(i) not caught")
                // Seq is in order, so verify names the edited line itself, and says which prev no longer matches it.
                #expect(v.firstProblem?.line == i, "edit of line \(i): \(v.stdout)")
                #expect(v.firstProblem?.message.contains("line \(i + 1) records as prev") == true, "the message names the witness: \(v.stdout)")
            }
            // The last line is pinned only by a fingerprint printed before the edit.
            let withFP = try Self.verifyTampered(data, lines, fingerprint: fp)
            #expect(withFP.status == 1, "edit of line \(i) not caught by --fingerprint")
        }
        try writeLog(data, original)
        #expect(try Binaries.antq(["verify", "--data", data]).status == 0)
    }

    @Test func deletingAnyLineIsNamedByVerifyOrCaughtByTheFingerprint() throws {
        let log = try TamperCase("delete")
        defer { log.cleanup() }
        let (data, original, n) = (log.data, log.original, log.original.count)
        let fp = try Self.fingerprint(data)
        for i in 1...n {
            var lines = original
            lines.remove(at: i - 1)
            let v = try Self.verifyTampered(data, lines)
            if i < n {
                #expect(v.status == 1, "deletion of line \(i) not caught")
                #expect(v.firstProblem?.line == i, "deletion of line \(i): \(v.stdout)")
            } else {
                // Removing the last line is a truncation: only the fingerprint knows.
                let t = try Self.verifyTampered(data, lines, fingerprint: fp)
                #expect(t.status == 1)
                #expect(t.stdout.contains("truncated"), "\(t.stdout)")
            }
        }
    }

    @Test func insertingALineAnywhereIsNamedByVerify() throws {
        let log = try TamperCase("insert")
        defer { log.cleanup() }
        let (data, original, n) = (log.data, log.original, log.original.count)
        // A verbatim copy of the line before (a replayed event) at positions 2…n+1.
        for p in 2...(n + 1) {
            var lines = original
            lines.insert(original[p - 2], at: p - 1)
            let v = try Self.verifyTampered(data, lines)
            #expect(v.status == 1, "duplicate inserted at \(p) not caught")
            #expect(v.firstProblem?.line == p, "duplicate at \(p): \(v.stdout)")
        }
        // A careful forgery that fits its position (seq and prev right): shows on the line after it.
        for p in 1...n {
            var lines = original
            let prev = p == 1 ? String(repeating: "0", count: 64) : SHA256.hash(original[p - 2]).hex
            let forged = Self.setSeqAndPrev(original[n - 1], seq: p, prev: prev)
            lines.insert(forged, at: p - 1)
            let v = try Self.verifyTampered(data, lines)
            #expect(v.status == 1, "forged line at \(p) not caught")
            #expect(v.firstProblem?.line == (p == 1 ? 1 : p + 1), "forged line at \(p): \(v.stdout)")
        }
    }

    @Test func reorderingAnyTwoAdjacentLinesIsNamedByVerify() throws {
        let log = try TamperCase("reorder")
        defer { log.cleanup() }
        let (data, original) = (log.data, log.original)
        for i in 1..<original.count {
            var lines = original
            lines.swapAt(i - 1, i)
            let v = try Self.verifyTampered(data, lines)
            #expect(v.status == 1, "swap of lines \(i) and \(i + 1) not caught")
            #expect(v.firstProblem?.line == i, "swap \(i)/\(i + 1): \(v.stdout)")
        }
    }

    @Test func truncatingTheEndIsCaughtByAnEarlierFingerprint() throws {
        let log = try TamperCase("truncate")
        defer { log.cleanup() }
        let data = log.data
        let bytes = Binaries.bytes(data + "/events/log.jsonl")
        let fp = try Self.fingerprint(data)
        #expect(try Binaries.antq(["verify", "--data", data, "--fingerprint", fp]).status == 0)
        // Cut whole lines, or in the middle of a line.
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        for cut in [lineEnds[lineEnds.count - 2] + 1, lineEnds[lineEnds.count - 4] + 1, bytes.count - 17, lineEnds[3] + 40] {
            try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: data + "/events/log.jsonl"))
            let v = try Binaries.antq(["verify", "--data", data, "--fingerprint", fp])
            #expect(v.status == 1, "truncation to \(cut) bytes not caught: \(v.stdout)")
            #expect(v.stdout.contains("truncated") || v.stdout.contains("DOES NOT HOLD"), "\(v.stdout)")
        }
    }

    /// A forger who edits a line and recomputes every SHA-256 after it gets a
    /// log the plain chain accepts: only a fingerprint printed earlier (every
    /// report prints one) exposes it. Keyed mode closes this (KeyedModeTests).
    @Test func recomputingThePlainChainIsCaughtOnlyByAnEarlierFingerprint() throws {
        let log = try TamperCase("recompute")
        defer { log.cleanup() }
        let data = log.data
        let fp = try Self.fingerprint(data)
        let forged = Self.forge(logLines(data), editing: 6) { SHA256.hash($0).hex }
        try writeLog(data, forged)
        #expect(try Binaries.antq(["verify", "--data", data]).status == 0, "the plain chain cannot resist a recomputation")
        let v = try Binaries.antq(["verify", "--data", data, "--fingerprint", fp, "--format", "json"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("rewritten"), "\(v.stdout)")
    }

    // MARK: - Forgery tools

    /// Replaces `"seq":N` and `"prev":"…"` in a stored line.
    static func setSeqAndPrev(_ line: [UInt8], seq: Int, prev: String) -> [UInt8] {
        var text = String(decoding: line, as: UTF8.self)
        text = text.replacingOccurrences(of: #"^\{"seq":\d+"#, with: "{\"seq\":\(seq)", options: .regularExpression)
        text = text.replacingOccurrences(of: #""prev":"[0-9a-f]{64}""#, with: "\"prev\":\"\(prev)\"", options: .regularExpression)
        return Array(text.utf8)
    }

    /// Edits line `index` (1-based; its count or recorder) and rewrites every
    /// later `prev` with `link` of the line before, as a forger would.
    static func forge(_ original: [[UInt8]], editing index: Int, link: ([UInt8]) -> String) -> [[UInt8]] {
        var lines = original
        var text = String(decoding: lines[index - 1], as: UTF8.self)
        if text.contains("\"count\":") {
            text = text.replacingOccurrences(of: #""count":\d+"#, with: "\"count\":99", options: .regularExpression)
        } else {
            text = text.replacingOccurrences(of: "Reliability Test", with: "Someone Else")
        }
        lines[index - 1] = Array(text.utf8)
        for i in index..<lines.count {
            let seq = Int(String(decoding: lines[i], as: UTF8.self).split(separator: ",")[0].dropFirst(7))!
            lines[i] = setSeqAndPrev(lines[i], seq: seq, prev: link(lines[i - 1]))
        }
        return lines
    }
}

/// A small valid log in a directory of its own, for one tampering case.
struct TamperCase {
    let dir: String
    let data: String
    /// The log's lines as written, before any tampering.
    let original: [[UInt8]]

    init(_ name: String) throws {
        dir = try Binaries.temporaryDirectory(name)
        data = try makeLog(dir)
        original = logLines(data)
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: dir) }
}
