import Foundation
import Testing
import TextFormats
import EventLog
@testable import ANTQDomain
@testable import ANTQStore

@Test func aCleanLogVerifiesAndPrintsItsFingerprint() throws {
    let t = TestStore()
    defer { t.cleanup() }
    let g = t.fill(seed: 61, events: 150)
    let r = try t.store.verify()
    // The generator's published figures are random numbers: only they may disagree.
    #expect(chainAndCatalogueProblems(r).isEmpty, "\(r.problems)")
    #expect(r.problems.count == r.assertions.filter { !$0.passed }.count)
    #expect(r.lines == g.events.count)
    #expect(r.fingerprint == (try t.store.replay(useSnapshots: false, writeSnapshot: false)).fingerprint)
    #expect(try t.store.verify(fingerprint: r.fingerprint).fingerprintMatches == true)
}

/// Problems other than published figures that disagree with the log.
private func chainAndCatalogueProblems(_ r: VerifyReport) -> [VerifyReport.Problem] {
    r.problems.filter { !$0.message.hasPrefix("figure.asserted #") }
}

private func editByte(_ t: TestStore, line: Int, _ change: (inout [UInt8]) -> Void) {
    var lines = t.logBytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    change(&lines[line - 1])
    _ = FileManager.default.createFile(atPath: t.logPath, contents: Data(lines.joined(separator: [0x0A])))
}

@Test func aOneByteEditThatBreaksTheLineIsNamedAtThatLine() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 62, events: 100)
    let fp = try t.store.verify().fingerprint
    editByte(t, line: 50) { l in l[l.firstIndex(of: UInt8(ascii: ":"))!] = UInt8(ascii: ";") }
    let r = try t.store.verify(fingerprint: fp)
    #expect(!r.clean)
    #expect(r.problems.first?.line == 50)
    // The chain names the same line: line 51's prev no longer matches it.
    #expect(r.problems.contains { $0.line == 50 && $0.message.contains("line 51 records as prev") })
    #expect(!r.problems.contains { $0.line != 50 })
}

@Test func aOneByteEditThatKeepsTheLineValidIsNamedByTheChain() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 63, events: 100)
    let fp = try t.store.verify().fingerprint
    // "tester" → "testes": still a valid event, only the chain can tell.
    editByte(t, line: 50) { l in
        let s = String(decoding: l, as: UTF8.self)
        l = Array(s.replacingOccurrences(of: "\"by\":\"tester\"", with: "\"by\":\"testes\"").utf8)
    }
    let r = try t.store.verify(fingerprint: fp)
    #expect(!r.clean)
    // Seq is in order, so the line whose bytes changed is named, not the one after it.
    #expect(chainAndCatalogueProblems(r).map(\.line) == [50])
    #expect(chainAndCatalogueProblems(r).first?.message.contains("SHA-256 that line 51 records as prev") == true)
}

@Test func anEditOfTheLastLineIsCaughtByTheFingerprint() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 64, events: 60)
    let fp = try t.store.verify().fingerprint
    editByte(t, line: fp.seq) { l in
        let s = String(decoding: l, as: UTF8.self)
        l = Array(s.replacingOccurrences(of: "\"by\":\"tester\"", with: "\"by\":\"testes\"").utf8)
    }
    let r = try t.store.verify(fingerprint: fp)
    #expect(r.fingerprintMatches == false)
    #expect(!r.clean)
    #expect(r.problems.contains { $0.line == fp.seq })
}

private let setup = [
    #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
    #"{"type":"unit.registered","occurred":"2000-01-01","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
    #"{"type":"arrest.made","occurred":"2018-05-14","unit":"718","data":{"count":40}}"#,
    #"{"type":"arrest.made","occurred":"2018-06-14","unit":"74","data":{"count":2}}"#,
]

@Test func anAssertedFigureIsCheckedAsOfItsOwnRecordedInstant() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    let a = try t.append([#"{"type":"figure.asserted","occurred":"2019-03-28","unit":"74","data":{"metric":"arrests","year":2018,"value":42,"note":"báo cáo 28/3/2019"}}"#])
    // A later correction changes the figure; the announcement was right when made.
    try t.append([#"{"type":"event.corrected","data":{"target":4,"reason":"đếm lại","data":{"count":41}}}"#])
    let r = try t.store.verify()
    #expect(r.clean, "\(r.problems)")
    #expect(r.assertions == [VerifyReport.AssertionCheck(seq: a.events[0].seq, metric: "arrests", year: 2018, unit: "74", expected: 42, actual: 42,
                                                         recorded: a.events[0].recorded)])
}

@Test func aWrongAssertionFailsWithExpectedAndActual() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    let a = try t.append([#"{"type":"figure.asserted","occurred":"2019-03-28","unit":"718","data":{"metric":"arrests","year":2018,"value":42}}"#])
    let seq = a.events[0].seq
    let r = try t.store.verify()
    #expect(!r.clean)
    #expect(r.assertions.map(\.expected) == [42])
    #expect(r.assertions.map(\.actual) == [40])
    #expect(r.problems.contains { $0.line == seq && $0.message.contains("announced as 42") && $0.message.contains("gives 40") })
}

@Test func verifyWarnsAboutATornTailButStaysClean() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    FileHandle(forWritingAtPath: t.logPath).map { h in h.seekToEndOfFile(); h.write(Data("{\"seq\":6".utf8)); h.closeFile() }
    let r = try t.store.verify()
    #expect(r.clean)
    #expect(r.warnings.contains { $0.contains("torn line") })
    #expect(r.fingerprint.seq == 5)
}
