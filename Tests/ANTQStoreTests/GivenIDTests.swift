import ANTQCodec
import ANTQTestSupport
import SeededRandom
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

private let province = #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#
private func arrest(_ n: Int, id: String? = nil) -> String {
    let idField = id.map { #""id":"\#($0)","# } ?? ""
    return #"{\#(idField)"type":"arrest.made","occurred":"2018-05-14","unit":"74","data":{"count":\#(n)}}"#
}
/// A canonical id made from a number (not random: ids a system sends may be sequential).
private func id(_ n: Int) -> String {
    let hex = String(n, radix: 16)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
}

/// The table against a dictionary, with the real hash and with one so poor
/// that every id's kept bits match: the answer must come from the ids read
/// back, never from the bits alone.
@Test(arguments: [false, true])
func givenIDTableAnswersLikeADictionaryEvenWhenEveryHashMatches(collide: Bool) {
    var rng = SplitMix64(seed: 7)
    let n = collide ? 600 : 60_000
    let firstSeq = 1_001
    var keys: [UUIDKey] = []
    var reference: [UUIDKey: Int] = [:]
    final class Box { var events: [Int: Event] = [:]; var readBacks = 0 }
    let box = Box()
    let poor: (UUIDKey) -> UInt64 = { _ in 0x5555_0000_1234_5678 }
    let eventAt: (Int) throws -> Event? = { seq in
        box.readBacks += 1
        return box.events[seq]
    }
    let table = GivenIDTable(firstSeq: firstSeq, eventAt: eventAt, hash: collide ? poor : GivenIDTable.mix)
    var line = 3
    for i in 0..<n {
        let text = i % 3 == 0 ? id(i) : UUIDText.random(using: &rng)
        let key = UUIDKey(text)!
        let seq = firstSeq + i
        box.events[seq] = Event(seq: seq, id: text, occurred: CivilDate(year: 2018, month: 5, day: 14)!, recorded: UTCInstant(microsecondsSinceEpoch: 0),
                            unit: "74", by: "t", data: EventData(.arrestMade, ["count": .int(1)]))
        // Lines with gaps (blank or refused lines) every so often.
        line += rng.next() % 10 == 0 ? 2 + Int(rng.next() % 5) : 1
        table.currentLine = line
        #expect(!table.contains(key))
        table.insert(key, seq: seq)
        keys.append(key)
        reference[key] = line
    }
    // So far every look was for a new id: any read-back was a match of the kept bits alone.
    let falseMatches = box.readBacks
    #expect(!table.isEmpty)
    for k in keys { #expect(table.line(of: k) == reference[k]) }
    for _ in 0..<(collide ? 100 : 10_000) {
        let other = UUIDKey(UUIDText.random(using: &rng))!
        #expect(table.line(of: other) == reference[other])
    }
    if collide { #expect(falseMatches > n) } else { #expect(falseMatches < 20, "\(falseMatches) read-backs for new ids: the kept bits should tell nearly every id apart") }
    #expect(GivenIDTable(firstSeq: 1, eventAt: { _ in nil }).isEmpty)
}

/// Streams `inputs` as `antq append --file` does (no caller collecting the
/// events, so the write stage runs after 1,000 events) and returns the
/// refusal's problems and total; records an issue if the batch is accepted.
private func refusal(_ t: TestStore, _ inputs: [DraftInput]) -> (problems: [LineProblem], total: Int)? {
    var next = inputs.makeIterator()
    do {
        _ = try t.store.appendBatch(next: { () throws(StoreError) -> DraftInput? in next.next() }, file: "drafts.jsonl", defaultBy: "tester",
                                    writeStageAfter: 1_000)
        Issue.record("accepted")
    } catch {
        if case .rejected(let problems, let total) = error { return (problems, total) }
        Issue.record("\(error)")
    }
    return nil
}

/// A batch long enough for the write stage: an id given again is refused
/// on its own line, whether its first use is the line just before, one in
/// an earlier stage block or one written before the stage ran; an id of a
/// refused line is not taken.
@Test func aLongBatchRefusesARepeatedIdOnTheLineThatRepeatsIt() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let before = t.logBytes
    var lines = (0..<12_000).map { arrest($0 % 7 + 1, id: id(1_000_000 + $0)) }
    // (line index, index of its first use): the first use is the held event, a line still in the
    // sink before the stage runs, one written before it, one in the stage's current block, one the stage wrote.
    let repeats = [(11, 10), (900, 850), (5_000, 100), (6_010, 6_005), (11_000, 4_000), (11_999, 11_998)]
    for (at, first) in repeats { lines[at] = arrest(2, id: id(1_000_000 + first).uppercased()) }
    lines[200] = arrest(0, id: id(42))       // refused (count 0) …
    lines[201] = arrest(1, id: id(42))       // … so its id is free for this line
    if let (problems, total) = refusal(t, TestStore.inputs(lines)) {
        #expect(total == 7)
        #expect(problems.map(\.line) == [12, 201, 901, 5_001, 6_011, 11_001, 12_000])
        for p in problems where p.line != 201 {
            #expect(p.error.field == "id" && p.error.problem.en.contains("appears twice in this batch"), "\(p.error.problem.en)")
        }
    }
    // A Bool, not the two arrays: a failing comparison of megabytes would be diffed for minutes.
    #expect(t.logBytes == before ? true : false, "the log changed")
}

/// Ids already in the log: each refused on the line of the batch that gives
/// it (line numbers counted past blank lines), with the seq it has in the log.
@Test func idsAlreadyInTheLogAreNamedOnTheirOwnLinesOfALongBatch() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province, arrest(1, id: id(7)), arrest(1, id: id(8))])
    let before = t.logBytes
    var inputs = TestStore.inputs((0..<9_000).map { arrest(1, id: id(500_000 + $0)) })
    inputs[6_000] = TestStore.inputs([arrest(3, id: id(8).uppercased())])[0]
    inputs[8_500] = TestStore.inputs([arrest(3, id: id(7))])[0]
    // Line numbers as a file with blank lines gives them: three blank lines before line 4,000 of the drafts.
    for i in inputs.indices { inputs[i].line = i + 1 + (i >= 3_999 ? 3 : 0) }
    if let (problems, total) = refusal(t, inputs) {
        #expect(total == 2)
        #expect(problems.map(\.line) == [6_004, 8_504])
        #expect(problems.map { $0.error.problem.en } == ["\(id(8)) is already in the log as #4", "\(id(7)) is already in the log as #3"])
    }
    // A Bool, not the two arrays: a failing comparison of megabytes would be diffed for minutes.
    #expect(t.logBytes == before ? true : false, "the log changed")
    #expect(try t.store.verify().clean)
}

/// An earlier event that cannot be read back (an I/O error, a line gone) is
/// never taken for "not a repeat": the table keeps the failure for the batch to stop on.
@Test func aFailedReadBackIsKeptNotTakenForANewId() {
    struct Unreadable: Error {}
    let poor: (UUIDKey) -> UInt64 = { _ in 42 }
    let throwing: (Int) throws -> Event? = { _ in throw Unreadable() }
    let table = GivenIDTable(firstSeq: 10, eventAt: throwing, hash: poor)
    table.insert(UUIDKey(id(1))!, seq: 10)
    #expect(table.failure == nil)
    _ = table.contains(UUIDKey(id(2))!)
    #expect(table.failure is Unreadable)
    let missing = GivenIDTable(firstSeq: 10, eventAt: { _ in nil }, hash: poor)
    missing.insert(UUIDKey(id(1))!, seq: 10)
    _ = missing.line(of: UUIDKey(id(1))!)
    #expect(missing.failure != nil)
}
