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
