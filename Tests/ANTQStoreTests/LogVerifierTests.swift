import ANTQCodec
import ANTQTestSupport
import Decimals
import EventLog
import Foundation
import Hashing
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// Problems other than published figures that disagree with the log.
private func chainAndCatalogueProblems(_ r: VerifyReport) -> [VerifyReport.Problem] {
    r.problems.filter { !$0.message.hasPrefix("figure.asserted #") }
}

private func editLine(_ t: TestStore, line: Int, _ change: (inout [UInt8]) -> Void) {
    var lines = t.logBytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    change(&lines[line - 1])
    _ = FileManager.default.createFile(atPath: t.logPath, contents: Data(lines.joined(separator: [0x0A])))
}

/// "tester" → "testes": still a valid event, only the chain can tell.
private func renameRecorder(_ l: inout [UInt8]) {
    let s = String(decoding: l, as: UTF8.self)
    precondition(s.contains("\"by\":\"tester\""))
    l = Array(s.replacingOccurrences(of: "\"by\":\"tester\"", with: "\"by\":\"testes\"").utf8)
}

@Test func aCleanLogVerifiesAndPrintsItsFingerprint() throws {
    let t = TestStore()
    defer { t.cleanup() }
    let g = t.fill(seed: 61, events: 150)
    let r = try t.store.verify()
    // The generator's published figures are random numbers: only they may disagree.
    #expect(chainAndCatalogueProblems(r).isEmpty, "\(r.problems)")
    #expect(r.warnings.isEmpty, "\(r.warnings)")
    #expect(r.problems.count == r.assertions.filter { !$0.passed }.count)
    #expect(r.lines == g.events.count)
    #expect(r.fingerprint == (try t.store.replay(useSnapshots: false, writeSnapshot: false)).fingerprint)
    #expect(try t.store.verify(fingerprint: r.fingerprint).fingerprintMatches == true)
}

@Test func aOneByteEditThatBreaksTheLineIsNamedAtThatLine() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 62, events: 100)
    let before = try t.store.verify()
    editLine(t, line: 50) { l in l[l.firstIndex(of: UInt8(ascii: ":"))!] = UInt8(ascii: ";") }
    let r = try t.store.verify(fingerprint: before.fingerprint)
    #expect(!r.clean)
    #expect(r.fingerprintMatches == false && r.fingerprintBreak == 50)
    #expect(r.problems.first?.line == 50)
    // The chain names the same line: line 51's prev no longer matches it.
    #expect(r.problems.contains { $0.line == 50 && $0.message.contains("line 51 records as prev") })
    // The edit adds problems at line 50 only (a published figure may now
    // disagree with the log without line 50's event: that is not the edit's line).
    let old = Set(before.problems.map { "\($0.line): \($0.message)" })
    let added = chainAndCatalogueProblems(r).filter { !old.contains("\($0.line): \($0.message)") }
    #expect(!added.isEmpty && added.allSatisfy { $0.line == 50 }, "\(added.map { "\($0.line): \($0.message)" })")
}

@Test func aOneByteEditThatKeepsTheLineValidIsNamedByTheChain() throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: 63, events: 100)
    let fp = try t.store.verify().fingerprint
    editLine(t, line: 50, renameRecorder)
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
    editLine(t, line: fp.seq, renameRecorder)
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
    #expect(r.assertions == [VerifyReport.AssertionCheck(seq: a.events[0].seq, metric: "arrests", period: Period(year: 2018, start: .january1),
                                                         unit: "74", expected: ExactDecimal(42), actual: ExactDecimal(42),
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
    #expect(r.assertions.map(\.expected) == [ExactDecimal(42)])
    #expect(r.assertions.map(\.actual) == [ExactDecimal(40)])
    #expect(r.problems.contains { $0.line == seq && $0.message.contains("announced as 42") && $0.message.contains("gives 40") })
}

@Test func anAssertedDeclaredQuantityIsCheckedWithItsDecimalsAndPeriod() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup + [
        #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy","en":"Drugs"},"measure":"quantity","unit_of_measure":"kg","decimals":2,"aggregate":"flow"}}"#,
        #"{"type":"indicator.recorded","occurred":"2018-02-10","unit":"718","data":{"indicator":"drugs.seized","value":1.25}}"#,
        #"{"type":"indicator.recorded","occurred":"2018-08-10","unit":"74","data":{"indicator":"drugs.seized","value":0.5}}"#,
    ])
    try t.append([
        #"{"type":"figure.asserted","occurred":"2019-01-05","unit":"74","data":{"metric":"drugs.seized","year":2018,"value":1.75}}"#,
        #"{"type":"figure.asserted","occurred":"2018-07-05","unit":"74","data":{"metric":"drugs.seized","year":2018,"period":"2018-H1","value":1.25}}"#,
        #"{"type":"figure.asserted","occurred":"2018-07-05","unit":"718","data":{"metric":"drugs.seized","year":2018,"period":"2018-H1","value":1.3}}"#,
    ])
    let r = try t.store.verify()
    #expect(r.assertions.map { "\($0.metric) \($0.period.label) \($0.unit) \($0.expected.plain()) \(shown($0.actual)) \($0.passed)" }
            == ["drugs.seized 2018 74 1.75 1.75 true", "drugs.seized 2018-H1 74 1.25 1.25 true", "drugs.seized 2018-H1 718 1.3 1.25 false"])
    #expect(r.problems.map(\.line) == [t.events().count])
}

@Test func verifyWarnsAboutATornTailButStaysClean() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    appendBytes(t.logPath, "{\"seq\":6")
    let r = try t.store.verify()
    #expect(r.clean)
    #expect(r.warnings.contains { $0.en.contains("torn line") && $0.vi.contains("dòng dở") })
    #expect(r.fingerprint.seq == 5)
}

/// The lines of a batch an interrupted append left unfinished are not part
/// of the log: `verify` warns about them and counts only the log's lines.
@Test func verifyCountsOnlyTheLogsLinesNotAnUnfinishedBatch() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    let committed = try t.store.replay(writeSnapshot: false).fingerprint.seq
    try t.append((1...3).map { #"{"type":"arrest.made","occurred":"2018-05-0\#($0)","unit":"718","data":{"count":1}}"# })
    // The batch's last line (the one without "more") never reached the file.
    edit(t.logPath) { bytes in
        bytes.removeLast()
        bytes.removeSubrange((bytes.lastIndex(of: 0x0A)! + 1)...)
    }
    let r = try t.store.verify()
    #expect(r.clean && r.warnings.contains { $0.en.contains("unfinished batch") })
    #expect(r.lines == committed && r.fingerprint.seq == committed, "\(r.lines) lines, fingerprint #\(r.fingerprint.seq), log #\(committed)")
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
    let declared = now.ledger.figures.definitions.filter { $0.declared && $0.isFlow }.map(\.name).prefix(2)
    for name in ["arrests", "tips", "cases"] + declared {
        for year in flowYears(now.ledger).suffix(3) {
            let value = figure(now.ledger, name, year: year, unit: "74", start: now.periodStart) ?? .zero
            assertions.append(#"{"type":"figure.asserted","occurred":"2025-01-01","unit":"74","data":{"metric":"\#(name)","year":\#(year),"value":\#(value.plain())}}"#)
        }
    }
    let tip = try #require(t.events().last { $0.type == .tipReceived })
    // Firearms seized in the same batch, after the figures, and a figure of them that counts them
    // (worked out on a copy of the log): settled on the next batch's first line, such a figure
    // needs the flows of the lines after it, read again from the block they are in.
    let weapons = (0..<4).map { _ in #"{"type":"weapon.seized","occurred":"\#(tip.occurred.iso)","unit":"\#(tip.unit!)","data":{"kind":"firearm","quantity":2}}"# }
    let scratch = TestStore(copying: t.logBytes)
    defer { scratch.cleanup() }
    try scratch.append(weapons)
    let withWeapons = try scratch.store.replay(useSnapshots: false, writeSnapshot: false)
    for year in flowYears(now.ledger).suffix(3) {
        let value = figure(withWeapons.ledger, "weapons.firearm", year: year, unit: "74", start: now.periodStart) ?? .zero
        assertions.append(#"{"type":"figure.asserted","occurred":"2025-01-01","unit":"74","data":{"metric":"weapons.firearm","year":\#(year),"value":\#(value.plain())}}"#)
    }
    let mySeqs = Set(try t.append(assertions + weapons).events.filter { $0.type == .figureAsserted }.map(\.seq))
    for _ in 0..<20 {
        try t.append([#"{"type":"tip.received","occurred":"\#(tip.occurred.iso)","unit":"\#(tip.unit!)","data":{"count":3,"channel":"hotline","valuable":true}}"#])
    }
    var reports: [VerifyReport] = []
    for workers in [1, 3, 6] { reports.append(try split(t.store, workers: workers).verify()) }
    // And in blocks of a few lines: each checked in order (settling the figures, which may read
    // the block's lines again) while the next is read.
    for size in [900, 4_000, 16_000] {
        var blocks = split(t.store, workers: 2)
        blocks.replayBlockSize = size
        reports.append(try blocks.verify())
    }
    let checks = reports[0].assertions
    let mine = checks.filter { mySeqs.contains($0.seq) }
    #expect(mine.count == assertions.count)
    #expect(mine.allSatisfy(\.passed) && mine.filter { !($0.actual ?? .zero).isZero }.count >= 6,
            "the figures asserted mid-log hold, most of them non-zero: \(mine.filter { !$0.passed })")
    for c in checks {
        let then = try t.store.replay(asOf: c.recorded, useSnapshots: false, writeSnapshot: false)
        let q = FigureQuery(ledger: then.ledger, first: c.period.firstDay, last: c.period.lastDay, periodStart: then.periodStart)
        #expect(c.actual == q.value(c.metric, unit: c.unit), "#\(c.seq) \(c.metric) \(c.period.label) \(c.unit)")
    }
    for r in reports.dropFirst() {
        #expect(r.assertions == checks)
        #expect(r.problems == reports[0].problems && r.fingerprint == reports[0].fingerprint && r.lines == reports[0].lines)
    }
}

/// A chained flow line whose recorder antq would refuse today (an older antq
/// wrote it unchecked: a name not in NFC, its marks apart). `verify` reads
/// it as written and names the line in a warning; the fast reading of flow
/// lines must not pass over it silently, and a replay counts it.
@Test func aStoredFlowLineAntqWouldNoLongerWriteIsVerifiedWithAWarningNamingIt() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([#"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#])
    let last = try #require(t.logBytes.split(separator: 0x0A).last)
    var prev = SHA256.hash(Array(last))
    var bytes = t.logBytes
    for seq in 3...5 {
        let e = Event(seq: seq, id: UUIDText.test(seq), occurred: CivilDate(year: 2018, month: 5, day: 14)!,
                      recorded: UTCInstant(microsecondsSinceEpoch: 1_760_000_000_000_000), unit: "74",
                      by: seq == 4 ? "Nguye\u{0302}\u{0303}n Văn An" : "Nguyễn Văn An", data: EventData(.arrestMade, ["count": .int(2)]))
        let line = LineWriter.encode(e, prev: prev)
        prev = SHA256.hash(line)
        bytes += line + [0x0A]
    }
    _ = FileManager.default.createFile(atPath: t.logPath, contents: Data(bytes))
    let r = try t.store.verify()
    #expect(r.problems.isEmpty, "\(r.problems)")
    #expect(r.warnings.count == 1 && r.warnings[0].en.hasPrefix("events/log.jsonl:4: field by:") && r.warnings[0].vi.hasPrefix("events/log.jsonl:4: trường by:"), "\(r.warnings)")
    let replayed = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    #expect(replayed.fingerprint.seq == 5)
    #expect(FigureQuery(ledger: replayed.ledger, first: CivilDate(year: 2018, month: 1, day: 1)!, last: CivilDate(year: 2018, month: 12, day: 31)!, months: nil)
        .value("arrests", unit: "74") == ExactDecimal(6))
}

/// `verify` reads block after block, checking one block in order while the
/// next is read and decoded: the report is the same whatever the blocks and
/// pieces, on a clean random log and on the same log with lines changed in
/// several places (problems, warnings, announced figures, fingerprint).
@Test(arguments: [62 as UInt64, 63])
func verifyReportsTheSameWhateverTheBlocks(seed: UInt64) throws {
    let t = TestStore()
    defer { t.cleanup() }
    t.fill(seed: seed, events: 400)
    func reports() throws -> [String] {
        var small = split(t.store, workers: 3)
        small.replayBlockSize = 900
        return try [t.store, split(t.store, workers: 1), small].map { s in
            let r = try s.verify()
            return "\(r.problems) \(r.warnings) \(r.assertions.map { "\($0.seq) \($0.actual.map { $0.plain() } ?? "-")" }) \(r.fingerprint) \(r.lines)"
        }
    }
    let clean = try reports()
    #expect(Set(clean).count == 1, "\(clean)")
    for line in [40, 200, 390] { editLine(t, line: line, renameRecorderOrCount) }
    let damaged = try reports()
    #expect(Set(damaged).count == 1, "\(damaged)")
    #expect(damaged[0] != clean[0])
}

/// A byte of a line changed, whatever the line: the recorder's first letter, or else a digit.
private func renameRecorderOrCount(_ l: inout [UInt8]) {
    if let r = l.firstRange(of: Array("\"by\":\"".utf8)) {
        l[r.upperBound] = l[r.upperBound] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
    } else if let d = l.lastIndex(where: { (0x30...0x39).contains($0) }) {
        l[d] = l[d] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
    }
}
