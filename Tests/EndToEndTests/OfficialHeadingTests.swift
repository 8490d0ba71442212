import Foundation
import Testing

/// An official document heads itself as the police of its unit would: a
/// city's district is a quận, not a huyện; the Director signs for a province
/// or a centrally-run city, the Chief of police below; and a place named
/// after a person or by a number is written in full (Nghị định 30/2020).
@Test func anOfficialDocumentIsHeadedAndSignedForItsOwnLevel() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    for (unit, name, kind, parent) in [("79", "Hồ Chí Minh", "thành phố", nil), ("760", "1", "quận", "79"), ("769", "Thủ Đức", "thành phố", "79"),
                                       ("783", "Củ Chi", "huyện", "79"), ("26734", "Bến Nghé", "phường", "760")] as [(String, String, String, String?)] {
        try d.ok(["append", "unit.registered", "--unit", unit, "--occurred", "2010-01-01", "--name", name, "--kind", kind] + (parent.map { ["--parent", $0] } ?? []))
    }
    func heading(_ unit: String) throws -> (issuer: String, place: String, signer: String) {
        let html = try d.ok(["summary", "2023", "--unit", unit, "--format", "html", "--layout", "official", "--lang", "vi"]).stdout
        func div(_ cls: String) -> String {
            guard let r = html.range(of: "class=\"\(cls)\">") else { return "" }
            return String(html[r.upperBound...].prefix { $0 != "<" })
        }
        return (div("issuer"), String(div("placedate").prefix { $0 != "," }), div("signer-title"))
    }
    let city = try heading("79"), q1 = try heading("760"), thuDuc = try heading("769"), cuChi = try heading("783"), ward = try heading("26734")
    #expect(city == ("CÔNG AN THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh", "GIÁM ĐỐC"), "\(city)")
    #expect(q1 == ("CÔNG AN QUẬN 1", "Quận 1", "TRƯỞNG CÔNG AN"), "\(q1)")
    #expect(thuDuc == ("CÔNG AN THÀNH PHỐ THỦ ĐỨC", "Thủ Đức", "TRƯỞNG CÔNG AN"), "a city inside a city is not top level: \(thuDuc)")
    #expect(cuChi.issuer == "CÔNG AN HUYỆN CỦ CHI", "\(cuChi)")
    #expect(ward == ("CÔNG AN PHƯỜNG BẾN NGHÉ", "Bến Nghé", "TRƯỞNG CÔNG AN"), "\(ward)")
    // "quận" is its own kind, shown as it was given.
    #expect(try d.ok(["units", "--lang", "vi"]).stdout.contains("quận"))
    // A title given by the user still wins.
    let given = try d.ok(["summary", "2023", "--unit", "760", "--format", "html", "--layout", "official", "--signer-title", "Phó Trưởng Công an"]).stdout
    #expect(given.contains("PHÓ TRƯỞNG CÔNG AN"))
}

/// Units named by number say their kind once ("Phường 2", not "phường
/// Phường 2"), in refusals, titles and the official heading; a report of a
/// log with two top-level units names both; and one suspect is one suspect.
@Test func namesAndCountsReadAsAPersonWritesThem() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [
        #"{"type":"unit.registered","unit":"80","occurred":"2013-01-01","data":{"name":"Long An","kind":"province"}}"#,
        #"{"type":"unit.registered","unit":"79","occurred":"2013-01-01","data":{"name":"Hồ Chí Minh","kind":"city"}}"#,
        #"{"type":"unit.registered","unit":"27694","occurred":"2013-01-01","data":{"name":"Phường 1","kind":"ward","parent":"80"}}"#,
        #"{"type":"unit.registered","unit":"27697","occurred":"2013-01-01","data":{"name":"Phường 2","kind":"ward","parent":"80"}}"#,
        #"{"type":"arrest.made","unit":"27694","occurred":"2023-03-01","data":{"count":3}}"#,
        #"{"type":"arrest.made","unit":"27694","occurred":"2024-03-01","data":{"count":2}}"#,
        #"{"type":"unit.merged","unit":"27697","occurred":"2025-07-01","data":{"into":"27694"}}"#,
    ].joined(separator: "\n") + "\n")
    let refused = try d.antq(["append", "arrest.made", "--unit", "27697", "--occurred", "2025-08-01", "--count", "1", "--lang", "vi"])
    #expect(refused.status == 65 && refused.stderr.contains("Phường 2 đã nhập vào Phường 1 (27694)") && !refused.stderr.contains("phường Phường"), "\(refused.stderr)")
    let title = try d.ok(["summary", "2024", "--unit", "27694", "--lang", "vi"]).stdout.split(separator: "\n").first ?? ""
    #expect(title.hasSuffix("— Phường 1"), "\(title)")
    let html = try d.ok(["summary", "2024", "--unit", "27694", "--format", "html", "--layout", "official", "--lang", "vi"]).stdout
    #expect(html.contains("CÔNG AN PHƯỜNG 1<"), "the heading says the kind once")
    let en = try d.ok(["summary", "2024", "--unit", "27694", "--format", "html", "--layout", "official", "--lang", "en"]).stdout
    #expect(en.contains(">PHƯỜNG 1 POLICE<"), "and once in English")
    let both = try d.ok(["summary", "2024", "--lang", "en"]).stdout.split(separator: "\n").first ?? ""
    #expect(both.contains("Long An (province)") && both.contains("Hồ Chí Minh (city)"), "\(both)")
    let one = try d.ok(["summary", "2024", "--unit", "80", "--compare", "same-period", "--lang", "en"]).stdout
    #expect(one.contains("down 1 suspect (") && !one.contains("1 suspects"), "\(one)")
}
