import ANTQDomain
import ANTQStore
import ANTQTestSupport
import Foundation
import Testing
import TextFormats

/// `AppendSession` is a cache: appending through it must write exactly what
/// appending without it writes, and it must notice when someone else has
/// appended in between.
@Suite struct AppendSessionTests {
    static let instant = UTCInstant(rfc3339: "2018-05-14T03:00:00.000000Z")!

    static func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("antq-session-\(UUID().uuidString)").path
    }

    static func store(_ dir: String) throws -> DataStore {
        let clock = Clock { AppendSessionTests.instant }
        let (s, _) = try DataStore.initialise(dir, by: "Test Clerk", clock: clock,
                                              logID: "00000000-0000-4000-8000-000000000001", eventID: "00000000-0000-4000-8000-000000000002")
        return s
    }

    static func id(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    static func input(_ json: String) -> DraftInput {
        DraftInput(line: 1, draft: Result { () throws(EventCodingError) in try draft(json) })
    }

    static func register(_ code: String, parent: String?, id n: Int) -> DraftInput {
        let p = parent.map { "\"\($0)\"" } ?? "null"
        return input(#"{"id":"\#(id(n))","type":"unit.registered","occurred":"2013-12-30","unit":"\#(code)","data":{"name":"Unit \#(code)","kind":"\#(parent == nil ? "province" : "ward")","parent":\#(p)}}"#)
    }

    static func arrest(_ code: String, count: Int, id n: Int) -> DraftInput {
        input(#"{"id":"\#(id(n))","type":"arrest.made","occurred":"2018-05-10","unit":"\#(code)","data":{"count":\#(count)}}"#)
    }

    /// A declared indicator and a record of it: the session's ledger must carry the catalogue too.
    static func declare(id n: Int) -> DraftInput {
        input(#"{"id":"\#(id(n))","type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ","en":"Drugs seized"},"measure":"quantity","unit_of_measure":"kg","decimals":2,"aggregate":"flow"}}"#)
    }

    static func record(_ code: String, value: String, id n: Int) -> DraftInput {
        input(#"{"id":"\#(id(n))","type":"indicator.recorded","occurred":"2018-05-10","unit":"\#(code)","data":{"indicator":"drugs.seized","value":\#(value)}}"#)
    }

    /// The same batches, one append each.
    static let batches: [[DraftInput]] = [
        [register("74", parent: nil, id: 10), register("25747", parent: "74", id: 11)],
        [arrest("25747", count: 2, id: 12)],
        [register("25750", parent: "74", id: 13), arrest("25750", count: 1, id: 14)],
        [arrest("25747", count: 3, id: 15), declare(id: 16)],
        [record("25750", value: "1.25", id: 17)],
    ]

    static func log(_ dir: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: dir + "/events/log.jsonl")) }

    @Test func appendsThroughASessionWriteTheSameBytesAsPlainAppends() throws {
        let plainDir = Self.directory(), sessionDir = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: plainDir); try? FileManager.default.removeItem(atPath: sessionDir) }
        let plain = try Self.store(plainDir), cached = try Self.store(sessionDir)
        let session = AppendSession()
        for b in Self.batches {
            _ = try plain.append(b, file: "test", defaultBy: "Test Clerk")
            _ = try cached.append(b, file: "test", defaultBy: "Test Clerk", session: session)
        }
        let a = try Self.log(plainDir), b = try Self.log(sessionDir)
        #expect(a == b)
        #expect(String(decoding: b, as: UTF8.self).split(separator: "\n").count == 9)
        // The session's ledger knew the declared indicator: the record counts.
        let r = try cached.replay(useSnapshots: false, writeSnapshot: false)
        let p = Period(year: 2018, start: .january1)
        #expect(FigureQuery(ledger: r.ledger, first: p.firstDay, last: p.lastDay, periodStart: .january1).value("drugs.seized", unit: "74") == dec("1.25"))
    }

    @Test func aSessionSeesWhatAnotherWriterAppendedInBetween() throws {
        let dir = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mine = try Self.store(dir)
        let session = AppendSession()
        _ = try mine.append(Self.batches[0], file: "test", defaultBy: "Test Clerk", session: session)
        // Another process (no session) registers a unit.
        let other = try DataStore.open(dir, clock: Clock { AppendSessionTests.instant })
        _ = try other.append([Self.register("25753", parent: "74", id: 20)], file: "other", defaultBy: "Other Clerk")
        // The session's ledger predates that unit: it must replay, not refuse the unit.
        let r = try mine.append([Self.arrest("25753", count: 1, id: 21)], file: "test", defaultBy: "Test Clerk", session: session)
        #expect(r.events.map(\.seq) == [5])
        // And the other writer's id is known after the replay.
        let before = try Self.log(dir)
        #expect(throws: StoreError.self) {
            _ = try mine.append([Self.arrest("25753", count: 1, id: 20)], file: "test", defaultBy: "Test Clerk", session: session)
        }
        #expect(try Self.log(dir) == before)
    }

    @Test func aSessionRefusesAnIdAlreadyInTheLogAndWritesNothing() throws {
        let dir = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try Self.store(dir)
        let session = AppendSession()
        _ = try s.append(Self.batches[0], file: "test", defaultBy: "Test Clerk", session: session)
        _ = try s.append(Self.batches[1], file: "test", defaultBy: "Test Clerk", session: session)
        let before = try Self.log(dir)
        do {
            // Each refused on its own line (lines as a file with a blank line gives them), with a new id between.
            var lines = [Self.arrest("25747", count: 1, id: 12), Self.arrest("25747", count: 1, id: 900), Self.arrest("25747", count: 2, id: 11)]
            lines[0].line = 1; lines[1].line = 3; lines[2].line = 4
            _ = try s.append(lines, file: "again", defaultBy: "Test Clerk", session: session)
            Issue.record("an id already in the log was accepted")
        } catch {
            guard case .rejected(let problems, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(problems.map(\.line) == [1, 4])
            #expect(problems.allSatisfy { $0.error.field == "id" && $0.error.problem.en.hasSuffix("is already in the log") }, "\(problems)")
            #expect(error.exitCode == 65)
        }
        #expect(try Self.log(dir) == before)
        // The same id in capitals is the same id (ids are compared lowercased).
        #expect(throws: StoreError.self) {
            _ = try s.append([Self.input(#"{"id":"\#(Self.id(12).uppercased())","type":"arrest.made","occurred":"2018-05-10","unit":"25747","data":{"count":1}}"#)],
                             file: "again", defaultBy: "Test Clerk", session: session)
        }
        let unchanged = try Self.log(dir) == before
        #expect(unchanged, "an id already in the log, in capitals, was appended again")
        // The refused batch did not poison the session: the next append still works.
        let r = try s.append([Self.arrest("25747", count: 1, id: 30)], file: "test", defaultBy: "Test Clerk", session: session)
        #expect(r.events.map(\.seq) == [5])
    }
}
