import Foundation
import Testing

/// Short runs of `antq-torture` (the full runs are in ANTQStore.docc/Guarantees.md): each
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
        let r = try Self.torture(["crash", "--runs", "20", "--max-batch", "100", "--quiet"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((Self.count("crashes (SIGKILL):", in: r.stdout) ?? 0) >= 20, "\(r.stdout)")
        #expect((Self.count("acknowledged events:", in: r.stdout) ?? 0) > 0, "\(r.stdout)")
        #expect(Self.count("lost:", in: r.stdout) == 0, "\(r.stdout)")
    }

    @Test func killedRebuildsAndSnapshotsNeverChangeAFigure() throws {
        let r = try Self.torture(["rebuild", "--runs", "8", "--events", "1000"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((Self.count("crashes (SIGKILL):", in: r.stdout) ?? 0) >= 8, "\(r.stdout)")
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

/// A snapshot writer cleans up the temp files of writers that died between
/// writing and renaming, but never the temp file of one still running.
@Suite struct SnapshotTempFileTests {
    @Test func onlyTempFilesOfDeadWritersAreRemoved() throws {
        let dir = try Binaries.temporaryDirectory("snaptmp")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 3)
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let live = data + "/snapshots/ledger-v1-p101-000000000004.snap.tmp-\(getpid())"
        let stray = data + "/snapshots/ledger-v1-p101-000000000004.snap.tmp-\(dead.processIdentifier)"
        for f in [live, stray] { _ = FileManager.default.createFile(atPath: f, contents: Data("half a snapshot".utf8)) }
        let r = try Binaries.antq(["rebuild", "--data", data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: live), "the temp file of a running writer was deleted under it")
        #expect(!FileManager.default.fileExists(atPath: stray), "the temp file of a dead writer was left behind")
        // Neither is ever read as a snapshot.
        let s = try Binaries.antq(["summary", "2018", "--data", data])
        #expect(s.status == 0)
        #expect(!s.stderr.contains(".tmp-"), "\(s.stderr)")
    }
}

/// `antq init` killed at any instant leaves either no log or a whole one:
/// never a log.jsonl without its log.created line, which would make the
/// directory neither usable nor initialisable again.
@Suite struct InitCrashTests {
    @Test func aKilledInitLeavesNoLogOrAWholeOne() throws {
        let dir = try Binaries.temporaryDirectory("initkill")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t0 = Date()
        #expect(try Binaries.antq(["init", dir + "/timing"]).status == 0)
        let micros = max(2000, Int(Date().timeIntervalSince(t0) * 1_000_000))
        var outcomes = [0, 0]
        for i in 0..<30 {
            let data = dir + "/d\(i)"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Binaries.antq)
            p.arguments = ["init", data]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32.random(in: 0...UInt32(micros)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if FileManager.default.fileExists(atPath: data + "/events/log.jsonl") {
                outcomes[1] += 1
                let v = try Binaries.antq(["verify", "--data", data])
                #expect(v.status == 0, "after a killed init: \(v.stdout)\(v.stderr)")
            } else {
                outcomes[0] += 1
                let again = try Binaries.antq(["init", data])
                #expect(again.status == 0, "init after a killed init: \(again.stderr)")
            }
        }
        #expect(outcomes[0] + outcomes[1] == 30)
    }
}

/// Snapshot pieces are read from a mapping of the file (`MappedRegion`).
struct MappedSnapshotTests {
    /// A mapped snapshot piece cut short by another program: a real SIGBUS.
    /// In a watched range it becomes a message and exit code 74; anywhere
    /// else it still kills the process as before (SIGBUS is signal 7).
    @Test func aMappedFileCutShortWhileReadEndsWithExit74OnlyInAWatchedRange() throws {
        let dir = try Binaries.temporaryDirectory("sigbus")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let watched = try Binaries.run(Binaries.torture, ["sigbus", "watched", dir])
        #expect(watched.status == 74, "\(watched.stdout) \(watched.stderr)")
        #expect(watched.stderr.contains("cut short: \(dir)/piece"))
        let unwatched = try Binaries.run(Binaries.torture, ["sigbus", "unwatched", dir])
        #expect(unwatched.status == SIGBUS, "\(unwatched.stdout) \(unwatched.stderr)")
        #expect(!unwatched.stderr.contains("cut short"))
    }
}
