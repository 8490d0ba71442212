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
