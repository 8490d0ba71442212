import Foundation
import Testing
@testable import ANTQDomain

@Test(arguments: [UInt64(21), 22, 23, 24, 25, 26])
func aLedgerSurvivesEncodeAndDecode(seed: UInt64) throws {
    var g = RandomLog(seed: seed)
    // At several points of a growing log, not only at its end.
    for size in [1, 30, 150, 400] {
        while g.events.count < size { g.batch() }
        let l = size == 1 ? fold(Array(g.events.prefix(1))) : g.ledger
        let bytes = LedgerCodec.encode(l)
        let back = try LedgerCodec.decode(bytes)
        #expect(back == l, "seed \(seed) after \(g.events.count) events")
        let again = LedgerCodec.encode(back)
        #expect(again == bytes, "re-encoding differs: \(firstDifference(again, bytes))")
    }
}

@Test func anEmptyLedgerSurvivesEncodeAndDecode() throws {
    #expect(try LedgerCodec.decode(LedgerCodec.encode(Ledger())) == Ledger())
}

@Test func inconsistentSnapshotContentIsRefused() {
    let l = RandomLog.make(seed: 3, events: 100).ledger
    let text = String(decoding: LedgerCodec.encode(l), as: UTF8.self)
    for broken in [String(text.dropLast()), text.replacingOccurrences(of: "\"last_seq\":", with: "\"last_sequence\":"),
                   text.replacingOccurrences(of: "\"type\":\"unit.registered\"", with: "\"type\":\"unit.registred\"")] {
        #expect(throws: (any Error).self) { try LedgerCodec.decode(Array(broken.utf8)) }
    }
}

/// Where two encodings part, with some context, for a readable failure.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let n = min(a.count, b.count)
    let i = (0..<n).first { a[$0] != b[$0] } ?? n
    let lo = max(0, i - 60)
    let x = String(decoding: a[lo..<min(a.count, i + 60)], as: UTF8.self)
    let y = String(decoding: b[lo..<min(b.count, i + 60)], as: UTF8.self)
    return "at byte \(i): \(x) | \(y)"
}
