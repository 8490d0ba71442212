import Foundation

/// `antq-torture race`: two clerks read the log at seq S and both append
/// with `--expect-seq S` at the same moment. Exactly one may win; the other
/// must be refused (exit 75) and append nothing.
struct RaceTorture {
    var h: Harness
    var runs: Int

    struct Counts {
        var races = 0
        var loserStartedBeforeWinnerEnded = 0
    }

    func run() throws -> Counts {
        try h.setUp()
        var counts = Counts()
        var seq = try lastSeq()
        for i in 0..<runs {
            let args = { (n: Int) in ["append", "camera.installed", "--data", h.data, "--unit", "74", "--occurred", "2018-06-0\(1 + i % 9)",
                                      "--count", "\(n)", "--expect-seq", "\(seq)", "--format", "json"] }
            let a = try Spawned.start(h.antq, args(1), scratch: h.scratch, tag: "race-a")
            let b = try Spawned.start(h.antq, args(2), scratch: h.scratch, tag: "race-b")
            defer { a.cleanUp(); b.cleanUp() }
            let early = try a.endingIfEnded()
            let overlapped = early == nil
            let ea = try early ?? a.wait()
            let eb = try b.wait()
            let endings = [ea, eb]
            guard endings.filter({ $0 == .exited(0) }).count == 1, endings.filter({ $0 == .exited(75) }).count == 1 else {
                throw TortureFailure("race \(i + 1) at seq \(seq): endings \(ea), \(eb) (want one exit 0 and one exit 75):\n\(a.stderr)\(b.stderr)")
            }
            let (winner, loser) = ea == .exited(0) ? (a, b) : (b, a)
            guard appendedSeqs(winner.stdoutBytes) == [seq + 1] else {
                throw TortureFailure("race \(i + 1): the winner's receipt is not [#\(seq + 1)]: \(winner.stdout)")
            }
            guard loser.stdout.contains("expect-seq") || loser.stderr.contains("expect-seq") else {
                throw TortureFailure("race \(i + 1): the loser's message does not mention --expect-seq: \(loser.stdout)\(loser.stderr)")
            }
            seq += 1
            guard try lastSeq() == seq else { throw TortureFailure("race \(i + 1): the log does not end at #\(seq)") }
            if overlapped { counts.loserStartedBeforeWinnerEnded += 1 }
            counts.races += 1
        }
        try h.verifyClean("after \(runs) races")
        return counts
    }

    func lastSeq() throws -> Int {
        let img = try LogImage.read(h.data + "/events/log.jsonl", previous: nil)
        return img.lines.last?.value["seq"]?.intValue ?? 0
    }
}
