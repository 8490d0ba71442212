import Foundation
import Testing

/// An exported workbook reads as the clerk expects, checked with Python's
/// `zipfile` and `xml.etree`: a column several types share is labelled for
/// all of them ("Số lượng", not the first type's "Số tin"), and numbers show
/// grouped with the decimals they were written with, a seq ungrouped.
@Suite struct ExportWorkbookTests {
    /// Prints `{"header": [...], "formats": {column letter: [format code of each data cell]}}`.
    static let styles = #"""
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter(M + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
st = ET.fromstring(z.read('xl/styles.xml'))
codes = {int(f.get('numFmtId')): f.get('formatCode') for f in st.iter(M + 'numFmt')}
xfs = [int(x.get('numFmtId', '0')) for x in st.find(M + 'cellXfs').iter(M + 'xf')]
header, formats = [], {}
for n, row in enumerate(ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter(M + 'row')):
    for c in row.iter(M + 'c'):
        letter = re.match(r'[A-Z]+', c.get('r')).group(0)
        if n == 0:
            header.append(shared[int(c.find(M + 'v').text)])
        elif c.get('t') in (None, 'n') and c.find(M + 'v') is not None:
            formats.setdefault(letter, []).append(codes.get(xfs[int(c.get('s', '0'))], 'General'))
print(json.dumps({"header": header, "formats": formats}))
"""#

    struct Styles: Decodable {
        var header: [String]
        var formats: [String: [String]]
    }

    @Test func aSharedColumnIsLabelledForEveryTypeAndNumbersShowTheirFormat() throws {
        let d = try SpreadsheetExportTests.data()
        defer { d.remove() }
        let path = d.root.appendingPathComponent("all.xlsx").path
        try d.ok(["export", "--year", "2018", "--format", "xlsx", "--output", path, "--lang", "vi"])
        guard let (data, status) = try ImportTests.runPython(Self.styles, [path]) else {
            print("skipped: python3 is not installed"); return
        }
        #expect(status == 0)
        let s = try JSONDecoder().decode(Styles.self, from: data)
        func letter(_ label: String) throws -> String {
            let i = try #require(s.header.firstIndex(of: label), "\(label) not in \(s.header)")
            return String(UnicodeScalar(UInt8(65 + i)))
        }
        // Tips, arrests and cases share `count`: neither "Số tin" nor "Số đối tượng" alone.
        #expect(!s.header.contains("Số tin") && !s.header.contains("Số đối tượng"), "\(s.header)")
        #expect(try s.formats[letter("Số lượng")]?.allSatisfy { $0 == "#,##0" } == true, "\(s.formats)")
        #expect(try s.formats[letter("Số thứ tự")]?.allSatisfy { $0 == "General" } == true, "a seq is not grouped: \(s.formats)")
        // A reporting year is a year, not 2.018.
        let announced = d.root.appendingPathComponent("announced.xlsx").path
        try d.ok(["append", "figure.asserted", "--unit", "74", "--occurred", "2019-01-10", "--metric", "tips", "--year", "2018", "--value", "12"])
        try d.ok(["export", "--type", "figure.asserted", "--format", "xlsx", "--output", announced, "--lang", "vi", "--history"])
        let a = try JSONDecoder().decode(Styles.self, from: try #require(try ImportTests.runPython(Self.styles, [announced])).output)
        #expect(try a.formats[letterIn(a, "Năm báo cáo")]?.allSatisfy { $0 == "General" } == true, "\(a.header) \(a.formats)")
        // One type alone keeps its own label.
        let tips = d.root.appendingPathComponent("tips.xlsx").path
        try d.ok(["export", "--type", "tip.received", "--year", "2018", "--format", "xlsx", "--output", tips, "--lang", "vi"])
        let t = try JSONDecoder().decode(Styles.self, from: try #require(try ImportTests.runPython(Self.styles, [tips])).output)
        #expect(t.header.contains("Số tin"), "\(t.header)")
    }

    func letterIn(_ s: Styles, _ label: String) throws -> String {
        let i = try #require(s.header.firstIndex(of: label), "\(label) not in \(s.header)")
        return String(UnicodeScalar(UInt8(65 + i)))
    }

    @Test func aDeclaredQuantityShowsItsDecimalsInTheWorkbook() throws {
        let d = try DataDir.initialised()
        defer { d.remove() }
        try d.ok(["append", "-"], stdin: [
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"48","data":{"name":"Đà Nẵng","kind":"city","parent":null}}"#,
            #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"48","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#,
            #"{"type":"indicator.recorded","occurred":"2023-05-01","unit":"48","data":{"indicator":"drugs.seized","value":1.4}}"#,
            #"{"type":"indicator.recorded","occurred":"2023-06-01","unit":"48","data":{"indicator":"drugs.seized","value":12345}}"#,
        ].joined(separator: "\n") + "\n")
        let path = d.root.appendingPathComponent("q.xlsx").path
        try d.ok(["export", "--type", "indicator.recorded", "--year", "2023", "--format", "xlsx", "--output", path])
        guard let (data, _) = try ImportTests.runPython(Self.styles, [path]) else { print("skipped: python3 is not installed"); return }
        let s = try JSONDecoder().decode(Styles.self, from: data)
        let i = try #require(s.header.firstIndex { $0.lowercased().hasPrefix("value") || $0.hasPrefix("Giá trị") }, "\(s.header)")
        #expect(s.formats[String(UnicodeScalar(UInt8(65 + i)))] == ["#,##0.000", "#,##0.000"], "\(s.formats)")
    }
}
