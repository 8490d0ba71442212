import Testing
import Hashing
@testable import EventLog

/// Runs of lines checked apart (one per core) and joined in order find the
/// same break a line-by-line check finds, wherever the runs are cut.
@Suite struct ChainSegmentTests {
    /// Lines as (seq, prev, link): a sound chain of `n`.
    static func chain(_ n: Int) -> [(Int, SHA256Digest, SHA256Digest)] {
        var out: [(Int, SHA256Digest, SHA256Digest)] = []
        var prev = SHA256Digest.zero
        for i in 1...n {
            let link = SHA256.hash(Array("line \(i) after \(prev.hex)".utf8))
            out.append((i, prev, link))
            prev = link
        }
        return out
    }

    /// The first break, by line index, found by runs cut at `cuts`.
    static func firstBreak(_ lines: [(Int, SHA256Digest, SHA256Digest)], cuts: [Int]) -> (Int, ChainBreak)? {
        var join = ChainJoin(after: 0, link: .zero)
        let bounds = [0] + cuts + [lines.count]
        for k in 0..<(bounds.count - 1) {
            var segment = ChainSegment()
            var inner: (Int, ChainBreak)?
            for i in bounds[k]..<bounds[k + 1] {
                if let b = segment.add(seq: lines[i].0, prev: lines[i].1, link: lines[i].2) { inner = (i, b); break }
            }
            if let b = join.join(segment) { return (bounds[k], b) }
            if let inner { return inner }
        }
        return nil
    }

    static func oneByOne(_ lines: [(Int, SHA256Digest, SHA256Digest)]) -> (Int, ChainBreak)? {
        var join = ChainJoin(after: 0, link: .zero)
        for (i, l) in lines.enumerated() { if let b = join.add(seq: l.0, prev: l.1, link: l.2) { return (i, b) } }
        return nil
    }

    @Test func runsJoinedInOrderFindTheBreakALineByLineCheckFinds() {
        let sound = Self.chain(12)
        let cutsList: [[Int]] = [[], [1], [5], [6, 7], [2, 4, 6, 8, 10], Array(1..<12)]
        for cuts in cutsList { #expect(Self.firstBreak(sound, cuts: cuts) == nil) }
        for i in 0..<12 {
            var edited = sound
            edited[i].2 = SHA256.hash(Array("edited".utf8))   // line i's bytes changed: line i+1 no longer matches
            var deleted = sound
            deleted.remove(at: i)
            var swapped = sound
            if i < 11 { swapped.swapAt(i, i + 1) }
            for cuts in cutsList {
                let c = cuts.filter { $0 < deleted.count }
                if i < 11 {
                    #expect(Self.firstBreak(edited, cuts: cuts)?.0 == i + 1 && Self.firstBreak(edited, cuts: cuts)?.1 == .prev, "edit \(i) cuts \(cuts)")
                    #expect(Self.firstBreak(swapped, cuts: cuts)?.0 == Self.oneByOne(swapped)?.0, "swap \(i) cuts \(cuts)")
                }
                #expect(Self.firstBreak(deleted, cuts: c)?.0 == Self.oneByOne(deleted)?.0, "delete \(i) cuts \(c)")
            }
        }
    }

    @Test func withoutLinksOnlySeqIsFollowed() {
        var lines = Self.chain(5)
        lines[2].1 = SHA256.hash(Array("forged".utf8))
        var join = ChainJoin(after: 0, link: nil)
        var segment = ChainSegment()
        for l in lines { #expect(segment.add(seq: l.0, prev: l.1, link: nil) == nil) }
        #expect(join.join(segment) == nil)
        var bad = ChainSegment()
        #expect(bad.add(seq: 6, prev: .zero, link: nil) == nil)
        #expect(bad.add(seq: 8, prev: .zero, link: nil) == .seq(expected: 7, found: 8))
        #expect(ChainBreak.prev.firstBadLine(foundAt: 9) == 8)
        #expect(ChainBreak.seq(expected: 3, found: 4).firstBadLine(foundAt: 9) == 9)
    }
}
