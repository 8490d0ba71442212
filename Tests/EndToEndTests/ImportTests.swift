import ANTQTestSupport
import Foundation
import JSONCodec
import Testing

/// `antq import`, `antq export` and `antq completion`, run as a user would.
@Suite struct ImportTests {
    static let units = """
    {"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}
    {"type":"unit.registered","occurred":"2013-12-30","unit":"721","data":{"name":"Bến Cát","kind":"town","parent":"74"}}
    {"type":"unit.registered","occurred":"2013-12-30","unit":"25741","data":{"name":"Phú Cường","kind":"ward","parent":"721"}}
    {"type":"unit.registered","occurred":"2013-12-30","unit":"25750","data":{"name":"Tân Định","kind":"commune","parent":"721"}}

    """

    /// A data directory with the units registered; returns (temp dir, data path).
    func prepared() throws -> (URL, String) {
        let dir = try AntqBinary.temporaryDirectory()
        let data = dir.appendingPathComponent("d").path
        #expect(try AntqBinary.run(["init", data]).status == 0)
        let r = try AntqBinary.run(["append", "-", "--data", data], stdin: Self.units)
        #expect(r.status == 0, "\(r.stderr)")
        return (dir, data)
    }

    func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func events(_ data: String, type: String) throws -> [JSONValue] {
        let r = try AntqBinary.run(["log", "--data", data, "--type", type, "--format", "json"])
        return try r.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    func logBytes(_ data: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: data + "/events/log.jsonl")) }

    @Test func importsAnExcelStyleSheetWithVietnameseHeaders() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        // BOM, ';', CR LF, a quoted cell with a line break, dd/mm/yyyy, names without diacritics, "1.200".
        let csv = "STT;Ngày xảy ra;Xã, phường;Số lượng;Kênh;Có giá trị\r\n"
            + "1;14/05/2018;phu cuong;3;Đường dây nóng;có\r\n"
            + "2;2018-06-01;Tan Dinh;\"1.200\";\"trực\r\ntiếp\";không\r\n"
            + "3;1/7/2018;Phú Cường;2;\"CLB\";x\r\n"
        let path = try write([0xEF, 0xBB, 0xBF] + Array(csv.utf8), "tin-bao.csv", in: dir)
        let r = try AntqBinary.run(["import", path, "--type", "tip.received", "--data", data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 3 row(s)"))
        let tips = try events(data, type: "tip.received")
        #expect(tips.count == 3)
        #expect(tips.map { $0["unit"] } == [.string("25741"), .string("25750"), .string("25741")])
        #expect(tips.map { $0["occurred"] } == [.string("2018-05-14"), .string("2018-06-01"), .string("2018-07-01")])
        #expect(tips[1]["data"]?["count"] == .number(JSONNumber(Int64(1200))))
        #expect(tips.map { $0["data"]?["channel"] } == [.string("hotline"), .string("in_person"), .string("club")])
        #expect(tips.map { $0["data"]?["valuable"] } == [.bool(true), .bool(false), .bool(true)])
        #expect(tips[0]["by"] == .string("Test Clerk"))
    }

    @Test func aBadRowAppendsNothingAndIsNamedByItsPhysicalLine() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try logBytes(data)
        // Row 2 spans lines 2–3 (quoted line break), so the bad row (record 3) starts on line 4.
        let csv = "date,unit,count,channel,valuable\n"
            + "2018-05-14,25741,2,\"hot\nline\",true\n"
            + "2018-05-15,25741,0,hotline,true\n"
            + "2018-05-16,Phú Cường,1\n"
        let path = try write(Array(csv.utf8), "bad.csv", in: dir)
        let r = try AntqBinary.run(["import", path, "--type", "tip.received", "--data", data])
        #expect(r.status == 65)
        #expect(r.stderr.contains("nothing was imported"))
        #expect(r.stderr.contains("bad.csv:2: column \"channel\" is \"hot\nline\", which is not one of the allowed values"), "\(r.stderr)")
        #expect(r.stderr.contains("bad.csv:4: column \"count\" is 0"), "\(r.stderr)")
        #expect(r.stderr.contains("bad.csv:5: the row has 3 cell(s) but the header has 5 columns"), "\(r.stderr)")
        #expect(try logBytes(data) == before, "the log is byte-for-byte unchanged")
    }

    @Test func anUnknownHeaderIsRefusedBeforeAnyRowAndMapFixesIt() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try logBytes(data)
        let csv = "Ngày;Đơn vị;Số vụ;Phân loại;Ghi chú\n20/05/2018;Tân Định;2;Ma túy;bắt tại chỗ\n"
        let path = try write(Array(csv.utf8), "vu-an.csv", in: dir)
        let bad = try AntqBinary.run(["import", path, "--type", "case.solved", "--data", data])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("vu-an.csv:1: column \"Ghi chú\""), "\(bad.stderr)")
        #expect(try logBytes(data) == before)
        let ok = try AntqBinary.run(["import", path, "--type", "case.solved", "--map", "Ghi chú=-", "--data", data])
        #expect(ok.status == 0, "\(ok.stderr)")
        let cases = try events(data, type: "case.solved")
        #expect(cases.first?["data"]?["category"] == .string("drugs"))
        #expect(cases.first?["data"]?["count"] == .number(JSONNumber(Int64(2))))
    }

    @Test func exportReadsBackInPythonsCsvModule() throws {
        guard Self.python != nil else { return }
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = """
        {"type":"award.granted","occurred":"2018-12-20","unit":"721","data":{"recipient_kind":"collective","recipient":"CLB \\"Tân Định\\", Bến Cát; tổ 3","issuer":"district","form":"certificate_of_commendation","count":2}}
        {"type":"tip.received","occurred":"2018-03-01","unit":"25741","data":{"count":5,"channel":"hotline","valuable":true}}
        {"type":"arrest.made","occurred":"2017-03-01","unit":"25750","data":{"count":3,"caught_in_act":false}}

        """
        #expect(try AntqBinary.run(["append", "-", "--data", data], stdin: batch).status == 0)
        for bom in [false, true] {
            let r = try AntqBinary.run(["export", "--data", data] + (bom ? ["--bom"] : []))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.hasPrefix("\u{FEFF}") == bom)
            let path = try write(Array(r.stdout.utf8), "export.csv", in: dir)
            let script = "import csv,json,sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.DictReader(f))))"
            let json = try #require(try Self.runPython(script, [path])).output
            let rows = try JSONValue.parse(Array(json))
            guard case .array(let list) = rows else { Issue.record("not a list"); return }
            // Every event but log.created, field by field as in the log.
            let log = try AntqBinary.run(["log", "--data", data, "--format", "json"]).stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }.dropFirst()
            #expect(list.count == log.count)
            for (row, e) in zip(list, log) {
                #expect(row["seq"] == e["seq"].map { .string($0.jsonText) })
                #expect(row["id"] == e["id"])
                #expect(row["type"] == e["type"])
                #expect(row["occurred"] == e["occurred"])
                #expect(row["recorded"] == e["recorded"])
                #expect(row["unit"] == e["unit"])
                #expect(row["by"] == e["by"])
                if case .object(let fields) = e["data"] {
                    for (k, v) in fields { #expect(row[k] == .string(v == .null ? "" : v.jsonText), "\(k)") }   // null is an empty cell
                }
            }
            let award = list.first { $0["type"] == .string("award.granted") }
            #expect(award?["recipient"] == .string("CLB \"Tân Định\", Bến Cát; tổ 3"))
            #expect(award?["unit_name"] == .string("Bến Cát"))
        }
    }

    @Test func anExportedSheetReimportsButNotTwice() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let batch = "{\"type\":\"tip.received\",\"occurred\":\"2018-03-01\",\"unit\":\"25741\",\"data\":{\"count\":5,\"channel\":\"hotline\",\"valuable\":true}}\n"
        #expect(try AntqBinary.run(["append", "-", "--data", data], stdin: batch).status == 0)
        let exported = try AntqBinary.run(["export", "--data", data, "--type", "tip.received"]).stdout
        let path = try write(Array(exported.utf8), "tips.csv", in: dir)
        let again = try AntqBinary.run(["import", path, "--type", "tip.received", "--data", data])
        #expect(again.status == 65)
        #expect(again.stderr.contains("is already in the log as #6"), "\(again.stderr)")
    }

    @Test func completionScriptsKnowTheNewCommands() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try AntqBinary.run(["completion", shell])
            #expect(r.status == 0)
            #expect(r.stdout.contains("import") && r.stdout.contains("export") && r.stdout.contains("separator"), "\(shell)")
        }
        #expect(try AntqBinary.run(["completion", "powershell"]).status == 64)
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try AntqBinary.run(["summary", "2018", "--data", data])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
    }

    @Test func summaryHTMLComparesWithLastYearByDefault() throws {
        let (dir, data) = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try AntqBinary.run(["summary", "2018", "--data", data, "--format", "html", "--lang", "vi"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Năm 2018 so với năm 2017"))
        let c = try AntqBinary.run(["summary", "2018", "--data", data, "--format", "html", "--compare", "2016"])
        #expect(c.stdout.contains("2018 against 2016"))
    }

    static let python = ProcessRunner.find("python3")

    /// Runs `python3 -c script arguments…` (the outside oracle) and returns
    /// what it printed and its exit status; nil without python3.
    static func runPython(_ script: String, _ arguments: [String]) throws -> (output: Data, status: Int32)? {
        guard let python else { return nil }
        let r = try ProcessRunner.run(executable: python, arguments: ["-c", script] + arguments)
        return (r.stdout, r.status)
    }

    /// A province (74) whose log declares `drugs.seized` in kg with three decimals.
    static func provinceWithDrugsSeized() throws -> DataDir {
        let d = try DataDir.initialised()
        try d.ok(["append", "-"], stdin: [
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#,
        ].joined(separator: "\n") + "\n")
        return d
    }

    /// A value such as 1.400 reads as 1400 in Vietnamese style and 1.4 in
    /// English. The file's style decides, whatever the reader's language: a
    /// cell that reads one way only (1,5 or 2.5) settles it, else the header
    /// (field names, as `antq export` writes them: English; Vietnamese
    /// column names: Vietnamese); a file written both ways is refused, and
    /// `--numbers` says it outright. A reading the header presumed is said,
    /// with the other reading and how to have it.
    @Test func aSheetsNumbersAreReadInTheSheetsStyleWhateverTheReadersLanguage() throws {
        let d = try Self.provinceWithDrugsSeized()
        defer { d.remove() }
        func sheet(_ name: String, _ text: String) throws -> String {
            let path = d.root.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        func total() throws -> String? {
            try d.ok(["summary", "2018", "--format", "csv"]).stdout.split(separator: "\n").first { $0.contains(",drugs.seized,") }?.split(separator: ",").last.map(String.init)
        }
        let record = ["--type", "indicator.recorded", "--indicator", "drugs.seized"]
        let viSheet = try sheet("ma-tuy.csv", "Ngày,Đơn vị,Giá trị\n02/03/2018,74,\"1.400\"\n")
        for lang in ["vi", "en"] {
            let before = try total()
            let r = try d.antq(["import", viSheet] + record + ["--lang", lang])
            #expect(r.status == 0 && r.stderr.contains(lang == "vi" ? "sẽ là 1,4" : "would be 1.4") && r.stderr.contains("--numbers en"), "\(r.stderr)")
            #expect(try total() != before)
        }
        #expect(try total() == "2800.000", "Vietnamese column names: 1.400 is 1400, read the same in either language")
        // A cell that reads one way only settles the file, with no note.
        let settled = try d.antq(["import", try sheet("en.csv", "Ngày,Đơn vị,Giá trị\n02/03/2018,74,1.400\n03/03/2018,74,2.5\n")] + record + ["--lang", "vi"])
        #expect(settled.status == 0 && !settled.stderr.contains("ghi chú"), "\(settled.stderr)")
        #expect(try total() == "2803.900")
        // Written both ways: refused, both cells named; --numbers says how to read it.
        let log = try d.logBytes()
        let mixed = try sheet("mixed.csv", "Ngày,Đơn vị,Giá trị\n02/03/2018,74,1,5\n03/03/2018,74,2.5\n".replacingOccurrences(of: "74,1,5", with: "74,\"1,5\""))
        let refused = try d.antq(["import", mixed] + record + ["--lang", "en"])
        #expect(refused.status == 65 && refused.stderr.contains("both ways") && refused.stderr.contains("1,5") && refused.stderr.contains("2.5")
                && refused.stderr.contains("--numbers"), "\(refused.stderr)")
        #expect(try d.logBytes() == log)
        let told = try d.antq(["import", try sheet("vi-told.csv", "Date,unit,value\n02/03/2018,74,\"1.000\"\n")] + record + ["--numbers", "vi", "--lang", "en"])
        #expect(told.status == 0 && !told.stderr.contains("note"), "\(told.stderr)")
        #expect(try total() == "3803.900")
    }

    /// Headers typed the Vietnamese way without diacritics are Vietnamese
    /// ("So luong": 1.200 is 1200), and a totals row is read in the file's
    /// style too: 1,5 + 2,25 = 3,75 holds, it is not 375.
    @Test func aSheetWithoutDiacriticsIsVietnameseAndItsTotalsAreReadSo() throws {
        let d = try Self.provinceWithDrugsSeized()
        defer { d.remove() }
        let counts = d.root.appendingPathComponent("bat.csv").path
        try "Ngay;Don vi;So luong\n02/03/2018;74;1.200\n".write(toFile: counts, atomically: true, encoding: .utf8)
        let r = try d.antq(["import", counts, "--type", "arrest.made", "--lang", "en"])
        // A count reads one way only in the file's style: no note of another reading.
        #expect(r.status == 0 && !r.stderr.contains("note"), "\(r.stderr)")
        #expect(try d.ok(["summary", "2018", "--format", "csv"]).stdout.contains(",74,Bình Dương,arrests,1200"))
        let quantities = d.root.appendingPathComponent("ma-tuy.csv").path
        try "Ngày;Đơn vị;Giá trị\n02/03/2018;74;1,5\n03/03/2018;74;2,25\nTổng cộng;;3,75\n".write(toFile: quantities, atomically: true, encoding: .utf8)
        let q = try d.antq(["import", quantities, "--type", "indicator.recorded", "--indicator", "drugs.seized", "--lang", "en"])
        #expect(q.status == 0, "\(q.stderr)")
        #expect(try d.ok(["summary", "2018", "--format", "csv"]).stdout.contains(",drugs.seized,3.750"))
    }

    /// What `antq export` writes imports back to the same figure, in either
    /// language: its columns are field names, so its numbers are its own
    /// (1.400 kg is 1,4 kg, not 1400).
    @Test func anExportedQuantityImportsBackToTheSameFigureInEitherLanguage() throws {
        for lang in ["vi", "en"] {
            let (a, b) = (try DataDir.initialised(), try DataDir.initialised())
            defer { a.remove(); b.remove() }
            let header = [#"{"type":"unit.registered","occurred":"2013-12-30","unit":"48","data":{"name":"Đà Nẵng","kind":"city","parent":null}}"#,
                          #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"48","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow"}}"#]
            for d in [a, b] { try d.ok(["append", "-"], stdin: header.joined(separator: "\n") + "\n") }
            try a.ok(["append", "-"], stdin: #"{"type":"indicator.recorded","occurred":"2023-05-01","unit":"48","data":{"indicator":"drugs.seized","value":1.4}}"# + "\n")
            let csv = a.root.appendingPathComponent("export.csv").path
            try a.ok(["export", "--type", "indicator.recorded", "--year", "2023", "--lang", lang, "--output", csv])
            try b.ok(["import", csv, "--type", "indicator.recorded", "--indicator", "drugs.seized", "--lang", lang])
            func figure(_ d: DataDir) throws -> String {
                String(try d.ok(["summary", "2023", "--format", "csv"]).stdout.split(separator: "\n").first { $0.contains(",drugs.seized,") } ?? "")
            }
            let (fa, fb) = (try figure(a), try figure(b))
            #expect(fa == fb && fa.hasSuffix(",1.400"), "\(lang): \(fa) / \(fb)")
        }
    }
}

extension JSONValue {
    /// The value as the export writes it: strings bare, others as JSON text.
    var jsonText: String {
        if case .string(let s) = self { return s }
        return String(decoding: jsonBytes, as: UTF8.self)
    }

}
