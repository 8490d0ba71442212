import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

private let province = #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#
private func arrest(_ n: Int, id: String? = nil, day: String = "2018-05-14") -> String {
    #"{\#(id.map { "\"id\":\"\($0)\"," } ?? "")"type":"arrest.made","occurred":"\#(day)","unit":"74","data":{"count":\#(n)}}"#
}

@Test func appendAssignsSeqsMarksTheBatchAndReportsTheNewFingerprint() throws {
    let t = TestStore()
    defer { t.cleanup() }
    let r = try t.append([province, arrest(1), arrest(2)])
    #expect(r.events.map(\.seq) == [2, 3, 4])
    // Every line of a batch but its last says more lines of the same batch follow.
    let lines = t.storedLines()
    #expect(lines.count == 4)
    #expect(lines.map(\.more) == [false, true, true, false])
    #expect(lines.dropFirst().map(\.event) == r.events)
    #expect(r.fingerprint.seq == 4)
    #expect(r.fingerprint.hash == (try t.store.replay(useSnapshots: false, writeSnapshot: false)).fingerprint.hash)
    #expect(try t.store.verify().clean)
}

@Test func aBatchOf500WithABadLastLineLeavesTheLogByteIdentical() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let before = t.logBytes
    var batch = (1...499).map { arrest($0 % 9 + 1) }
    batch.append(arrest(0))
    #expect {
        try t.append(batch)
    } throws: { error in
        guard case StoreError.rejected(let problems, let total) = error else { return false }
        return total == 1 && problems.count == 1 && problems[0].line == 500 && problems[0].error.field == "data.count"
            && problems[0].description.hasPrefix("-:500: field data.count") && (error as! StoreError).exitCode == 65
    }
    #expect(t.logBytes == before)
}

@Test func everyBadLineIsReportedWithItsNumberUpToTheCap() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let before = t.logBytes
    // Lines 1, 4, 7, … are bad (150 of 450), in three different ways.
    let batch = (1...450).map { i -> String in
        guard i % 3 == 1 else { return arrest(1) }
        switch i % 9 {
        case 1: return arrest(-1)
        case 4: return #"{"type":"arrest.made","occurred":"2018-05-14","unit":"99","data":{"count":1}}"#
        default: return "{not json"
        }
    }
    do {
        try t.append(batch)
        Issue.record("accepted")
    } catch {
        guard case .rejected(let problems, let total) = error else { Issue.record("\(error)"); return }
        #expect(total == 150)
        #expect(problems.count == DataStore.problemCap)
        #expect(problems.map(\.line) == Array(stride(from: 1, through: 298, by: 3)))
        #expect(problems[0].error.field == "data.count")
        #expect(problems[1].error.field == "unit")
        #expect(problems[2].error.column != nil)
    }
    #expect(t.logBytes == before)
}

@Test func anIdAlreadyInTheLogIsRefusedWhateverItsCase() throws {
    let t = TestStore()
    defer { t.cleanup() }
    let id = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
    try t.append([province, arrest(1, id: id)])
    let before = t.logBytes
    do {
        try t.append([arrest(2), arrest(3, id: id.uppercased())])
        Issue.record("duplicate id accepted")
    } catch {
        guard case .rejected(let problems, _) = error else { Issue.record("\(error)"); return }
        #expect(problems.count == 1 && problems[0].line == 2 && problems[0].error.field == "id")
        #expect(problems[0].error.problem.en.contains("already in the log as #3"), "\(problems[0].error.problem.en)")
        #expect(problems[0].error.problem.vi.contains("#3"))
    }
    let unchanged = t.logBytes == before
    #expect(unchanged, "the log holds \(t.events().filter { $0.id == id }.count) events with id \(id)")
    // Another id is fine.
    #expect(try t.append([arrest(3, id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeef")]).events.count == 1)
}

@Test func expectSeqRefusesWhenTheLogMoved() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let before = t.logBytes
    #expect {
        try t.append([arrest(1)], expectSeq: 1)
    } throws: { error in
        guard case StoreError.expectedSeq(let expected, let actual) = error else { return false }
        return expected == 1 && actual == 2 && (error as! StoreError).exitCode == 75
    }
    #expect(t.logBytes == before)
    #expect(try t.append([arrest(1)], expectSeq: 2).events[0].seq == 3)
}

@Test func amendmentsInTheStoreLookTargetsUpInTheLog() throws {
    // The validator finds targets of earlier batches through the on-disk lookup.
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    for i in 1...30 { try t.append([arrest(i % 5 + 1)]) }
    let r = try t.append([#"{"type":"event.corrected","data":{"target":17,"reason":"sai","data":{"count":9}}}"#])
    let c = try #require(r.events[0].data.correction, "not a correction")
    let target = try #require(try t.store.event(seq: 17))
    #expect(c.was == target.fact)
    #expect(c.target == 17 && c.replacement.data.int(ArrestMade.count) == 9)
    // The rest of the fact is the target's own.
    #expect(c.replacement.occurred == target.occurred && c.replacement.unit == target.unit)
    #expect(try t.store.event(seq: 999) == nil)
}

@Test func aCrashLeftoverIsMovedAsideByTheNextAppend() throws {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append([province])
    let committed = t.logBytes
    let leftover = Array("{\"seq\":3,\"id\":\"torn".utf8)
    _ = FileManager.default.createFile(atPath: t.logPath, contents: Data(committed + leftover))
    let r = try t.append([arrest(1)])
    #expect(r.events[0].seq == 3)
    let recovered = try #require(r.recovered)
    #expect(recovered.bytes == Int64(leftover.count))
    #expect(FileManager.default.contents(atPath: recovered.path).map(Array.init) == leftover)
    #expect(Array(t.logBytes.prefix(committed.count)) == committed)
    #expect(t.notes.value.contains { $0.contains("moved to") })
    #expect(try t.store.verify().clean)
}
