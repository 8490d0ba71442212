import FuzzTargets
import Foundation
import SystemCalls

// antq-torture: the harnesses behind the reliability guarantees in
// ANTQStore.docc/Guarantees.md. Each subcommand exits 0 only if every check held, and prints the
// counts it reached; any broken guarantee is printed and exits 1.

let usage = """
usage:
  antq-torture crash       --runs N --data DIR --antq PATH [--max-batch N] [--quiet]
  antq-torture rebuild     --runs N --data DIR --antq PATH [--events N]
  antq-torture concurrency --writers N --appends N --data DIR --antq PATH [--readers N]
  antq-torture race        --runs N --data DIR --antq PATH
  antq-torture fuzz-corpus DIR…
  antq-torture sigbus      watched|unwatched DIR

crash:        SIGKILL `antq append --file` at random instants (at least N kills); after each kill
              and at the end: verify clean, acknowledged events present and unchanged, unfinished
              batches wholly present or wholly absent, torn tails moved aside byte for byte.
rebuild:      SIGKILL `antq rebuild`/`antq snapshot` at random instants, plus a stray snapshot temp
              file and a damaged snapshot; reports must equal a full replay without snapshots.
concurrency:  N writer processes × M single-event appends while readers loop over summary, verify
              and log: seqs contiguous, chain clean, readers never fail nor see an unfinished line.
race:         two `append --expect-seq S` started together, N times: exactly one wins (exit 0),
              the other is refused with exit 75, and the log grows by exactly one event.
fuzz-corpus:  runs the fuzz body (the libFuzzer target antq-fuzz) over every file given.
sigbus:       maps a file in DIR, has it cut short and reads it: watched, the process must exit 74
              with a message (as a command reading a snapshot would); unwatched, it dies of SIGBUS.
DIR must not exist: the harness creates it (and DIR.scratch beside it).
"""

func main() -> Int32 {
    let args = CommandLine.arguments
    guard args.count >= 2 else {
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        return 64
    }
    do {
        switch args[1] {
        case "crash":
            let o = try Options(args[2...])
            var t = CrashTorture(h: try Harness(antq: try o.string("antq"), data: try o.string("data")),
                                 runs: try o.int("runs", default: 200), maxBatch: try o.int("max-batch", default: 5000),
                                 quiet: o.flags.contains("quiet"))
            let started = nowMicros()
            let c = try t.run()
            print("""
            crash: OK
              append runs:                  \(c.attempts)
              crashes (SIGKILL):            \(c.crashes)
              appends completed:            \(c.completed)
              acknowledged events:          \(c.acknowledgedEvents)
              killed, wholly committed:     \(c.killedButCommittedBatches) batches (\(c.killedButCommittedEvents) events, fsynced before the receipt was printed)
              killed, wholly absent:        \(c.killedAbsentBatches) batches
              kills leaving a tail:         \(c.killsLeavingTail) (\(c.tailsWithWholeLines) with whole unfinished lines, \(c.tailsWithTornLine) with a torn line)
              uncommitted tail bytes:       \(c.tornTailBytes)
              quarantine files:             \(c.quarantineFiles) (\(c.quarantinedBytes) bytes; every tail found byte for byte)
              verify runs (all clean):      \(c.verifyRuns)
              lost:                         \(c.lost)
              seconds:                      \(String(format: "%.1f", Double(nowMicros() - started) / 1e6))
            """)
        case "rebuild":
            let o = try Options(args[2...])
            var t = RebuildTorture(h: try Harness(antq: try o.string("antq"), data: try o.string("data")),
                                   runs: try o.int("runs", default: 100), events: try o.int("events", default: 20_000))
            let c = try t.run()
            print("""
            rebuild: OK
              crashes (SIGKILL):            \(c.crashes) (\(c.rebuildKills) rebuild, \(c.snapshotKills) snapshot, \(c.appendKills) append with snapshot)
              completed:                    \(c.completed)
              stray temp files seen:        \(c.strayTemps) (ignored by readers; none left after the final rebuild)
              reports compared:             \(c.comparisons) (all equal to a full replay without snapshots)
            """)
        case "concurrency":
            let o = try Options(args[2...])
            let t = ConcurrencyTorture(h: try Harness(antq: try o.string("antq"), data: try o.string("data")),
                                       writers: try o.int("writers", default: 8), appends: try o.int("appends", default: 500),
                                       readers: try o.int("readers", default: 3))
            let c = try t.run()
            print("""
            concurrency: OK
              writers × appends:            \(c.writers) × \(c.appendsPerWriter)
              events appended:              \(c.events) (seqs \(c.firstSeq)…\(c.lastSeq), contiguous)
              reader runs:                  \(c.readerRuns) (summary \(c.summaryRuns), verify \(c.verifyRuns), log \(c.logRuns)); failures 0, partial lines 0
              verify at the end:            clean
              seconds:                      \(String(format: "%.1f", c.seconds))
            """)
        case "race":
            let o = try Options(args[2...])
            let t = RaceTorture(h: try Harness(antq: try o.string("antq"), data: try o.string("data")), runs: try o.int("runs", default: 200))
            let c = try t.run()
            print("""
            race: OK
              races:                        \(c.races)
              exactly one winner:           \(c.races)
              loser refused with exit 75:   \(c.races) (\(c.loserStartedBeforeWinnerEnded) while the winner was still running)
            """)
        case "sigbus":
            guard args.count == 4, ["watched", "unwatched"].contains(args[2]) else { throw TortureFailure("sigbus takes watched|unwatched DIR") }
            return try MappedCutShort.run(watched: args[2] == "watched", dir: args[3])
        case "fuzz-corpus":
            var n = 0
            for dir in args[2...] {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else { throw TortureFailure("\(dir) does not exist") }
                let files = isDir.boolValue ? try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { dir + "/" + $0 } : [dir]
                for f in files {
                    guard let d = FileManager.default.contents(atPath: f) else { continue }
                    if let finding = d.withUnsafeBytes({ LineFuzz.run($0) }) { throw TortureFailure("\(f): \(finding)") }
                    n += 1
                }
            }
            print("fuzz-corpus: OK, \(n) inputs, no finding")
        default:
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 64
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("antq-torture: FAILED: \(error)\n".utf8))
        return 1
    }
}

CurrentProcess.exit(main())
