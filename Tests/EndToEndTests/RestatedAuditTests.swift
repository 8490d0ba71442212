import Foundation
import Testing

/// An audit read on a later day's units lists the predecessors' events
/// that make up the restated figure, and equals what `summary --compare`
/// restates for that period (the bundled log: new phường Thuận Giao 25969
/// against 2018, made of old Thuận Giao and the units merged into it).
@Test func anAuditOnLaterUnitsListsThePredecessorsEventsOfTheRestatedFigure() throws {
    let d = try BundledLogTests.copyOfBundledLog()
    defer { d.remove() }
    let summary = try d.ok(["summary", "2025", "--unit", "25969", "--compare", "2018", "--format", "json", "--depth", "0"]).stdout
    let s = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as! [String: Any]
    let unit = (s["units"] as! [[String: Any]])[0]
    let restated = ((unit["compare"] as! [String: Any])["tips"] as! [String: Any])["value"] as! Int
    let audit = try d.ok(["audit", "tips", "--period", "2018", "--unit", "25969", "--units-of", "2025-07-01", "--format", "json"]).stdout
    let a = try JSONSerialization.jsonObject(with: Data(audit.utf8)) as! [String: Any]
    #expect(a["value"] as? Int == restated, "\(audit.prefix(400))")
    #expect(a["restated_on"] as? String == "2025-07-01")
    let rows = a["contributions"] as! [[String: Any]]
    #expect(rows.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) } == restated)
    // More than one predecessor contributes, and the plain audit of 2018 (the units of 2018) is smaller.
    #expect(Set(rows.compactMap { $0["unit"] as? String }).count > 1)
    let plain = try JSONSerialization.jsonObject(with: Data(try d.ok(["audit", "tips", "--period", "2018", "--unit", "25969", "--format", "json"]).stdout.utf8)) as! [String: Any]
    #expect((plain["value"] as? Int ?? 0) < restated)
    #expect(plain["restated_on"] == nil)
}

/// An audit names its unit as it stood on the period's last day, as the
/// summary of the same period does: a code that later became another unit
/// (renamed, or kept for a new ward) is not shown under its later name.
@Test func anAuditNamesItsUnitAsItStoodInThePeriod() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [
        #"{"type":"unit.registered","occurred":"2013-01-01","unit":"80","data":{"name":"Long An","kind":"province","parent":null}}"#,
        #"{"type":"unit.registered","occurred":"2013-01-01","unit":"27694","data":{"name":"1","kind":"ward","parent":"80"}}"#,
        #"{"type":"arrest.made","occurred":"2024-05-01","unit":"27694","data":{"count":4}}"#,
        #"{"type":"unit.changed","occurred":"2025-07-01","unit":"27694","data":{"name":"Tân An"}}"#,
    ].joined(separator: "\n") + "\n")
    for lang in ["en", "vi"] {
        let audit = try d.ok(["audit", "arrests", "--period", "2024", "--unit", "27694", "--lang", lang]).stdout
        let summary = try d.ok(["summary", "2024", "--unit", "27694", "--lang", lang]).stdout
        #expect(audit.split(separator: "\n").first?.contains("1 [27694]") == true && !audit.contains("Tân An"), "\(audit)")
        #expect(!summary.contains("Tân An"), "\(summary)")
        let now = try d.ok(["audit", "arrests", "--period", "2025", "--unit", "27694", "--lang", lang]).stdout
        #expect(now.split(separator: "\n").first?.contains("Tân An [27694]") == true, "\(now)")
    }
}
