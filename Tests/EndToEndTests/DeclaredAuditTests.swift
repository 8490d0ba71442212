import Foundation
import Testing

/// The audit of a declared figure reads as its summary does: a quantity's
/// contributions and total with the digits they have (1,4, as the value
/// 1,45 kg above them), and a ratio (which has no contributions of its
/// own) without a table that would total to 0.
@Test func aDeclaredFiguresAuditShowsItsValuesAsTheSummaryDoes() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [
        #"{"type":"unit.registered","unit":"80","occurred":"2013-01-01","data":{"name":"Long An","kind":"province"}}"#,
        #"{"type":"indicator.defined","unit":"80","occurred":"2024-01-01","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#,
        #"{"type":"indicator.defined","unit":"80","occurred":"2024-01-01","data":{"indicator":"cases.occurred","label":{"vi":"Vụ phạm pháp xảy ra"},"measure":"count","aggregate":"flow"}}"#,
        #"{"type":"ratio.defined","unit":"80","occurred":"2024-01-01","data":{"indicator":"clearance","label":{"vi":"Tỉ lệ khám phá"},"numerator":"cases","denominator":"cases.occurred","percent":true}}"#,
        #"{"type":"indicator.recorded","unit":"80","occurred":"2024-02-01","data":{"indicator":"drugs.seized","value":1.4}}"#,
        #"{"type":"indicator.recorded","unit":"80","occurred":"2024-03-01","data":{"indicator":"drugs.seized","value":0.05}}"#,
        #"{"type":"indicator.recorded","unit":"80","occurred":"2024-03-01","data":{"indicator":"cases.occurred","value":4}}"#,
        #"{"type":"case.solved","unit":"80","occurred":"2024-03-02","data":{"count":3,"category":"drugs"}}"#,
    ].joined(separator: "\n") + "\n")
    let drugs = try d.ok(["audit", "drugs.seized", "--year", "2024", "--lang", "vi"]).stdout
    let lines = drugs.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(drugs.contains("Giá trị: 1,45 kg") && lines.contains { $0.hasSuffix(" 1,4") } && lines.contains { $0.hasSuffix(" 0,05") }
            && lines.contains { $0.hasPrefix("tổng") && $0.hasSuffix(" 1,45") }, "\(drugs)")
    #expect(!drugs.contains("1,400") && !drugs.contains("1,450"), "\(drugs)")
    for lang in ["vi", "en"] {
        let ratio = try d.ok(["audit", "clearance", "--year", "2024", "--lang", lang]).stdout
        #expect(ratio.contains(lang == "vi" ? "75,00%" : "75.00%") && !ratio.contains(lang == "vi" ? "tổng" : "total"), "\(ratio)")
        let page = try d.ok(["audit", "clearance", "--year", "2024", "--lang", lang, "--format", "html"]).stdout
        #expect(!page.contains("class=\"contributions\""), "no table for a ratio")
    }
}
