import Foundation
import Testing
import Hashing
@testable import EventLog

/// Feeds lines to a verifier; returns the numbers of the lines with problems.
private func badLines(_ lines: [[UInt8]], key: ChainKey = .plain) -> [Int] {
    var v = ChainVerifier(key: key)
    var bad: [Int] = []
    for (i, l) in lines.enumerated() {
        l.withUnsafeBytes { b in
            if let h = try? LineHeader.decode(b) {
                if !v.check(line: b, seq: h.seq, prev: h.prev).isEmpty { bad.append(i + 1) }
            } else {
                v.skip(line: b)
                bad.append(i + 1)
            }
        }
    }
    return bad
}

@Test func aSoundChainHasNoProblemsAndPinsTheLastLine() {
    let lines = chainLines(10)
    var v = ChainVerifier(key: .plain)
    for l in lines {
        let h = l.withUnsafeBytes { try! LineHeader.decode($0) }
        #expect(l.withUnsafeBytes { v.check(line: $0, seq: h.seq, prev: h.prev) }.isEmpty)
    }
    #expect(v.fingerprint == Fingerprint(seq: 10, hash: SHA256.hash(lines[9])))
}

@Test func anEditedLineIsNamedByTheLineAfterIt() {
    var lines = chainLines(10)
    let h = SHA256.hash(lines[3])
    lines[4] = logLine(seq: 5, prev: h, payload: "line 5 edited")
    #expect(badLines(lines) == [6])
}

@Test func anEditedFirstLineIsCaught() {
    var lines = chainLines(4)
    lines[0] = logLine(seq: 1, prev: .zero, payload: "forged")
    #expect(badLines(lines) == [2])
}

@Test func aDeletedLineIsNamedWhereTheGapIs() {
    var lines = chainLines(10)
    lines.remove(at: 4)
    #expect(badLines(lines) == [5])
}

@Test func anInsertedLineIsNamed() {
    var lines = chainLines(10)
    lines.insert(logLine(seq: 5, prev: SHA256.hash(lines[3]), payload: "intruder"), at: 4)
    #expect(badLines(lines).first == 6)
    // A clumsier insertion (wrong seq) is named at its own position.
    var lines2 = chainLines(10)
    lines2.insert(logLine(seq: 99, prev: .zero, payload: "intruder"), at: 4)
    #expect(badLines(lines2).first == 5)
}

@Test func reorderedLinesAreNamedAtTheFirstMovedOne() {
    var lines = chainLines(10)
    lines.swapAt(4, 5)
    #expect(badLines(lines).first == 5)
}

@Test func oneEditIsReportedOnce() {
    // After a problem the verifier continues from the line as found.
    var lines = chainLines(10)
    lines.remove(at: 2)
    #expect(badLines(lines) == [3])
}

@Test func anUndecodableLineKeepsTheChainGoing() {
    var lines = chainLines(6)
    lines[2] = Array("garbage".utf8)
    // Line 3 itself and line 4 (whose prev no longer matches) are named; 5 and 6 are fine.
    #expect(badLines(lines) == [3, 4])
}

@Test func keyedChainsFailWithAnotherKey() {
    let key = ChainKey.keyed(HMACSHA256(key: Array("a key of sixteen+".utf8)))
    let other = ChainKey.keyed(HMACSHA256(key: Array("another key of 16".utf8)))
    let lines = chainLines(5, key: key)
    #expect(badLines(lines, key: key).isEmpty)
    #expect(badLines(lines, key: other) == [2, 3, 4, 5])
    // The fingerprint is the plain SHA-256 of the last line in keyed mode too.
    var v = ChainVerifier(key: key)
    for l in lines { let h = l.withUnsafeBytes { try! LineHeader.decode($0) }; _ = l.withUnsafeBytes { v.check(line: $0, seq: h.seq, prev: h.prev) } }
    #expect(v.fingerprint.hash == SHA256.hash(lines[4]))
}
