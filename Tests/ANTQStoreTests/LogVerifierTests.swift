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
    let before = try t.store.verify()
    editByte(t, line: 50) { l in l[l.firstIndex(of: UInt8(ascii: ":"))!] = UInt8(ascii: ";") }
    let r = try t.store.verify(fingerprint: before.fingerprint)
    #expect(!r.clean)
    #expect(r.problems.first?.line == 50)
    // The chain names the same line: line 51's prev no longer matches it.
    #expect(r.problems.contains { $0.line == 50 && $0.message.contains("line 51 records as prev") })
    // The random log's published figures may disagree with it already (they
    // are random); the edit adds problems at line 50 only.
    let old = Set(before.problems.map { "\($0.line): \($0.message)" })
    let added = r.problems.filter { !old.contains("\($0.line): \($0.message)") }
    #expect(!added.isEmpty && added.allSatisfy { $0.line == 50 }, "\(added.map { "\($0.line): \($0.message)" })")
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

@Test(arguments: [UInt64(51), 53])
func everyAssertionIsCheckedAgainstTheLogAsOfItsInstantHoweverTheLinesAreSplitOverCores(seed: UInt64) throws {
    let t = TestStore()
    defer { t.cleanup() }
    // A log, published figures that hold at its end, then more tips: each
    // assertion is settled when the next batch starts, inside a piece of lines.
    t.fill(seed: seed, events: 600)
    let now = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    var assertions: [String] = []
    for metric in ["arrests", "tips", "cases"].map({ Metric(name: $0)! }) {
        for year in now.ledger.flows.years.suffix(3) {
            let value = FigureQuery(ledger: now.ledger, year: year, periodStart: now.periodStart).value(metric, unit: "74")
            assertions.append(#"{"type":"figure.asserted","occurred":"2025-01-01","unit":"74","data":{"metric":"\#(metric.name)","year":\#(year),"value":\#(value)}}"#)
        }
    }
    try t.append(assertions)
    let tip = try #require(t.events().last { $0.type == .tipReceived })
    for _ in 0..<20 {
        try t.append([#"{"type":"tip.received","occurred":"\#(tip.occurred.iso)","unit":"\#(tip.unit!)","data":{"count":3,"channel":"hotline","valuable":true}}"#])
    }
    var reports: [VerifyReport] = []
    for workers in [1, 3, 6] {
        var s = t.store
        s.decoding.workers = workers
        s.decoding.minimumSplitBytes = workers == 1 ? .max : 1
        reports.append(try s.verify())
    }
    let checks = reports[0].assertions
    #expect(checks.filter(\.passed).count >= 9 && checks.filter { $0.passed && $0.actual > 0 }.count >= 6,
            "the nine figures asserted mid-log hold, most of them non-zero")
    for c in checks {
        let then = try t.store.replay(asOf: c.recorded, useSnapshots: false, writeSnapshot: false)
        let metric = try #require(Metric(name: c.metric))
        #expect(c.actual == FigureQuery(ledger: then.ledger, year: c.year, periodStart: then.periodStart).value(metric, unit: c.unit),
                "#\(c.seq) \(c.metric) \(c.year) \(c.unit)")
    }
    for r in reports.dropFirst() {
        #expect(r.assertions == checks)
        #expect(r.problems == reports[0].problems && r.fingerprint == reports[0].fingerprint && r.lines == reports[0].lines)
    }
}
