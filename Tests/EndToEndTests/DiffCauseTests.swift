import Foundation
import Testing

/// `diff` names as responsible only the events that change a figure: a
/// correction of one declared indicator's record is no cause of another
/// indicator's change, at the unit recorded or at the levels above it.
@Test func aDeclaredLevelsChangeNamesOnlyItsOwnRecords() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [
        #"{"type":"unit.registered","unit":"80","occurred":"2013-01-01","data":{"name":"Long An","kind":"province"}}"#,
        #"{"type":"unit.registered","unit":"794","occurred":"2013-01-01","data":{"name":"Tân An","kind":"city","parent":"80"}}"#,
        #"{"type":"unit.registered","unit":"27694","occurred":"2013-01-01","data":{"name":"1","kind":"ward","parent":"794"}}"#,
        #"{"type":"unit.registered","unit":"27697","occurred":"2013-01-01","data":{"name":"2","kind":"ward","parent":"794"}}"#,
        #"{"type":"indicator.defined","unit":"80","occurred":"2024-01-01","data":{"indicator":"area.safe","label":{"vi":"Khu dân cư an toàn"},"measure":"count","aggregate":"level"}}"#,
        #"{"type":"indicator.defined","unit":"80","occurred":"2024-01-01","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#,
        #"{"type":"indicator.recorded","unit":"27694","occurred":"2024-03-01","data":{"indicator":"area.safe","value":5}}"#,
        #"{"type":"indicator.recorded","unit":"27697","occurred":"2024-01-05","data":{"indicator":"drugs.seized","value":1}}"#,
    ].joined(separator: "\n") + "\n")
    let between = try d.ok(["log", "--format", "json"]).stdout.split(separator: "\n").last.map(String.init) ?? ""
    let recorded = try #require(try JSONSerialization.jsonObject(with: Data(between.utf8)) as? [String: Any])["recorded"] as? String
    Thread.sleep(forTimeInterval: 0.01)
    try d.ok(["correct", "9", "--reason", "x", "--value", "2"])   // #10: drugs.seized
    try d.ok(["correct", "8", "--reason", "x", "--value", "6"])   // #11: area.safe
    let json = try d.ok(["diff", "--as-of", try #require(recorded), "2024-Q1", "--format", "json"]).stdout
    let changes = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["changes"] as? [[String: Any]], "\(json)")
    for c in changes {
        let seqs = (c["seqs"] as? [Int]) ?? []
        switch c["metric"] as? String {
        case "area.safe": #expect(seqs == [11], "\(c)")
        case "drugs.seized": #expect(seqs == [10], "\(c)")
        default: Issue.record("unexpected change \(c)")
        }
    }
    #expect(changes.filter { $0["metric"] as? String == "area.safe" }.count == 3, "ward, city and province: \(changes)")
}
