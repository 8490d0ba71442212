import Foundation
import Testing

/// A report read on the units standing on its last day never shows a unit
/// that had ended by then, or did not exist yet, as a row of zeros: it is
/// refused (exit 65) saying what became of the unit and what to ask instead,
/// and the same unit is reported where it stood (a period ending before the
/// change, or in parts with --boundaries historical).
@Suite struct StandingUnitTests {
    @Test func aUnitThatEndedOrDidNotYetExistIsRefusedNotShownAsZeros() throws {
        let d = try BundledLogTests.copyOfBundledLog()
        defer { d.remove() }
        try d.ok(["append", "-"], stdin: #"{"type":"arrest.made","occurred":"2025-03-02","unit":"25747","data":{"count":3}}"# + "\n")
        let log = try d.logBytes()
        let ended: [[String]] = [["summary", "2025", "--unit", "74"], ["summary", "2025", "--unit", "74", "--compare", "same-period"],
                                 ["state", "--date", "2025-07-01", "--unit", "74"], ["audit", "arrests", "--period", "2025", "--unit", "74"]]
        for args in ended {
            let r = try d.antq(args)
            #expect(r.status == 65 && r.stdout.isEmpty, "\(args): \(r.status) \(r.stdout.prefix(200))")
            #expect(r.stderr.contains("no longer stands on") && r.stderr.contains("2025-07-01") && r.stderr.contains("--unit 79"), "\(args): \(r.stderr)")
        }
        let vi = try d.antq(["summary", "2025", "--unit", "74", "--lang", "vi"])
        #expect(vi.status == 65 && vi.stderr.contains("không còn vào ngày"), "\(vi.stderr)")
        let notYet = try d.antq(["summary", "2024", "--unit", "79"])
        #expect(notYet.status == 65 && notYet.stderr.contains("was registered on"), "\(notYet.stderr)")
        // Where it stood, it is reported: before the change, and in parts across it.
        let h1 = try BundledLogTests.figuresOf(try d.antq(["summary", "2025-H1", "--unit", "74", "--format", "json"]), unit: "74")
        #expect(h1["arrests"] == 3, "\(h1)")
        let parts = try d.antq(["summary", "2025", "--unit", "74", "--boundaries", "historical", "--format", "csv"])
        #expect(parts.status == 0 && parts.stdout.contains("2025-01-01..2025-06-30,74,Bình Dương,arrests,3"), "\(parts.stdout.prefix(400))")
        // An audit still reads a flow figure of a unit made by the change on its predecessors; no other kind.
        #expect(try d.antq(["audit", "arrests", "--period", "2024", "--unit", "79"]).status == 0)
        let cameras = try d.antq(["audit", "cameras", "--period", "2024", "--unit", "79"])
        #expect(cameras.status == 65 && cameras.stderr.contains("was registered on") && cameras.stderr.contains("--units-of today")
                && !cameras.stderr.contains("antq audit"), "it names what works, not itself: \(cameras.stderr)")
        #expect(try d.antq(["audit", "cameras", "--period", "2024", "--unit", "79", "--units-of", "today"]).status == 0)
        #expect(try d.logBytes() == log)
    }
}

/// A unit ends (merged, split, abolished) only with nothing recorded for it
/// after the end: otherwise the log would keep a fact `append` refuses once
/// the unit has ended, summed under a unit that no longer stands. Refused
/// with where to look; once the event is moved to the successor, it ends.
@Test func aUnitWithEventsAfterItsEndCannotEnd() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [
        #"{"type":"unit.registered","unit":"80","occurred":"2013-01-01","data":{"name":"Long An","kind":"province"}}"#,
        #"{"type":"unit.registered","unit":"27694","occurred":"2013-01-01","data":{"name":"1","kind":"ward","parent":"80"}}"#,
        #"{"type":"unit.registered","unit":"27697","occurred":"2013-01-01","data":{"name":"2","kind":"ward","parent":"80"}}"#,
        #"{"type":"tip.received","unit":"27697","occurred":"2025-06-30","data":{"count":1,"channel":"hotline"}}"#,
        #"{"type":"tip.received","unit":"27697","occurred":"2025-08-01","data":{"count":5,"channel":"hotline"}}"#,
    ].joined(separator: "\n") + "\n")
    let log = try d.logBytes()
    for end in [["unit.merged", "--into", "27694"], ["unit.split", "--into", "27694", "--alsoInto", "80"], ["unit.abolished", "--into", "27694"]] {
        let r = try d.antq(["append", end[0], "--unit", "27697", "--occurred", "2025-07-01", "--lang", "en"] + end.dropFirst())
        #expect(r.status == 65 && r.stderr.contains("already has events recorded for months from 2025-08-01"), "\(end): \(r.stderr)")
        #expect(r.stderr.contains("antq log --unit 27697 --from 2025-08-01"), "\(r.stderr)")
    }
    #expect(try d.logBytes() == log)
    try d.ok(["correct", "6", "--unit", "27694", "--reason", "recorded under the old ward"])
    try d.ok(["append", "unit.merged", "--unit", "27697", "--occurred", "2025-07-01", "--into", "27694"])
    #expect(try d.ok(["verify"]).status == 0)
}
