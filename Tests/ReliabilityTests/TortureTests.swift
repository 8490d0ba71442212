import Foundation
import Testing

/// Short runs of `antq-torture` (the full runs are in the README): each
/// subcommand exits 0 only when every guarantee held, and prints its counts.
@Suite(.serialized) struct TortureTests {
    static func torture(_ args: [String]) throws -> Binaries.Output {
        let dir = try Binaries.temporaryDirectory("torture")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try Binaries.run(Binaries.torture, args + ["--data", dir + "/data", "--antq", Binaries.antq])
    }

    static func count(_ label: String, in text: String) -> Int? {
        guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else { return nil }
        return Int(line.dropFirst(line.distance(from: line.startIndex, to: line.range(of: label)!.upperBound))
            .trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
    }

    @Test func killedAppendsLoseNothingAndNeverShowHalfABatch() throws {
        let r = try Self.torture(["crash", "--runs", "20", "--max-batch", "300", "--quiet"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((Self.count("crashes (SIGKILL):", in: r.stdout) ?? 0) >= 20, "\(r.stdout)")
        #expect((Self.count("acknowledged events:", in: r.stdout) ?? 0) > 0, "\(r.stdout)")
        #expect(Self.count("lost:", in: r.stdout) == 0, "\(r.stdout)")
    }

    @Test func killedRebuildsAndSnapshotsNeverChangeAFigure() throws {
        let r = try Self.torture(["rebuild", "--runs", "10", "--events", "1500"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((Self.count("crashes (SIGKILL):", in: r.stdout) ?? 0) >= 10, "\(r.stdout)")
    }

    @Test func concurrentWritersGetContiguousSeqsWhileReadersRun() throws {
        let r = try Self.torture(["concurrency", "--writers", "4", "--appends", "50", "--readers", "3"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(Self.count("events appended:", in: r.stdout) == 200, "\(r.stdout)")
    }

    @Test func exactlyOneOfTwoRacingExpectSeqWritersWins() throws {
        let r = try Self.torture(["race", "--runs", "50"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(Self.count("exactly one winner:", in: r.stdout) == 50, "\(r.stdout)")
    }

    @Test func theFuzzBodyAcceptsTheSeedCorpus() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzSeeds").path
        let r = try Binaries.run(Binaries.torture, ["fuzz-corpus", seeds])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("no finding"))
    }
}
