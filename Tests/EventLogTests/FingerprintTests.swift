import Foundation
import Testing
import Hashing
@testable import EventLog

@Test func fingerprintPrintsSeqColonLowercaseHashAndParsesBack() {
    let h = SHA256.hash(Array("line".utf8))
    let f = Fingerprint(seq: 42, hash: h)
    #expect(f.description == "42:" + h.hex)
    #expect(Fingerprint(f.description) == f)
    #expect(Fingerprint("42:" + h.hex.uppercased()) == f)
    #expect(Fingerprint("0:" + String(repeating: "0", count: 64)) == Fingerprint(seq: 0, hash: .zero))
}

@Test func fingerprintRejectsMalformedText() {
    let hex = SHA256.hash(Array("x".utf8)).hex
    for bad in ["", "42", "42:", ":" + hex, "-1:" + hex, "4x:" + hex, "42:" + hex.dropLast(), "42:" + hex + "0",
                "42:" + hex.dropLast() + "g", "42:" + hex + ":1", " 42:" + hex, "42 :" + hex] {
        #expect(Fingerprint(bad) == nil, "\(bad)")
    }
}
