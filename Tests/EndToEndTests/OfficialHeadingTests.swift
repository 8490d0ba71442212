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
