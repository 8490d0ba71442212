import Foundation
import Testing

/// One case of the committed bad-input corpus (BadInput/manifest.tsv).
struct BadInputCase: CustomTestStringConvertible, Sendable {
    var file: String
    var exitCode: Int32
    /// Lines of the file antq must name (empty: the input as a whole is bad).
    var lines: [Int]
    /// The field it must name, if the problem is in one field.
    var field: String?
    /// Text the message must contain.
    var message: String
    /// Arguments that replace `append` (the CSV cases run `import`).
    var arguments: [String]

    var testDescription: String { file }
    var isCSV: Bool { !arguments.isEmpty }

    static let directory: URL = Bundle.module.url(forResource: "BadInput", withExtension: nil)!

    /// Every case in the manifest, in order.
    static let all: [BadInputCase] = {
        let text = (try? String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst(0).compactMap { row -> BadInputCase? in
            if row.hasPrefix("#") || row.hasPrefix("file\t") { return nil }
            let c = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count == 6, let code = Int32(c[1]) else { return nil }
            return BadInputCase(file: c[0], exitCode: code, lines: c[2] == "-" ? [] : c[2].split(separator: ",").compactMap { Int($0) },
                                field: c[3] == "-" ? nil : c[3], message: c[4],
                                arguments: c[5].split(separator: " ").map(String.init))
        }
    }()

    static var batches: [BadInputCase] { all.filter { !$0.isCSV } }
    static var spreadsheets: [BadInputCase] { all.filter(\.isCSV) }

    var url: URL { BadInputCase.directory.appendingPathComponent(file) }
}

/// Issue 7, "Bad input": every case exits 64 or 65, names the line (and
/// field), says how to fix it, and leaves the log byte-for-byte unchanged.
@Suite struct BadInputCorpusTests {
    @Test func corpusHasAtLeastFiftyCasesAndEveryFileIsListed() throws {
        #expect(BadInputCase.all.count >= 50)
        let files = try FileManager.default.contentsOfDirectory(atPath: BadInputCase.directory.path).filter { $0 != "manifest.tsv" }
        #expect(Set(files) == Set(BadInputCase.all.map(\.file)), "every file has a manifest row and every row a file")
        #expect(BadInputCase.all.allSatisfy { $0.exitCode == 64 || $0.exitCode == 65 })
    }

    /// Checks the text report of one run: exit code, line, field, message, fix.
    func checkText(_ r: AntqBinary.Output, _ c: BadInputCase, name: String) {
        #expect(r.status == c.exitCode, "\(name): exit \(r.status), stderr: \(r.stderr)")
        for line in c.lines {
            let prefix = "\(name):\(line): "
            let reported = r.stderr.split(separator: "\n").first { $0.contains(prefix) }
            #expect(reported != nil, "names \(prefix): \(r.stderr)")
            if let field = c.field { #expect(reported?.contains("field \(field): ") == true, "names field \(field): \(r.stderr)") }
        }
        if c.lines.count > 0 { #expect(r.stderr.contains("\(c.lines.count) line(s) are invalid")) }
        #expect(c.message.isEmpty || r.stderr.localizedCaseInsensitiveContains(c.message), "mentions \"\(c.message)\": \(r.stderr)")
        #expect(r.stderr.contains("fix:"), "says how to fix it: \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: BadInputCase.batches)
    func badBatchFromFileIsRefusedWholeAndNamed(_ c: BadInputCase) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let r = try d.antq(["append", "--file", c.url.path])
        checkText(r, c, name: c.url.path)
        #expect(try d.logBytes() == before, "the log is byte-for-byte unchanged")
    }

    @Test(arguments: BadInputCase.batches)
    func badBatchFromStandardInputGivesTheSameProblemsAsJSON(_ c: BadInputCase) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let input = try Data(contentsOf: c.url)
        let r = try AntqBinary.run(["append", "-", "--data", d.path], stdinData: input)
        checkText(r, c, name: "<stdin>")
        #expect(try d.logBytes() == before)

        let j = try AntqBinary.run(["append", "-", "--format", "json", "--data", d.path], stdinData: input)
        #expect(j.status == c.exitCode)
        let report = try #require(try JSONSerialization.jsonObject(with: j.stdoutBytes) as? [String: Any], "JSON on stdout: \(j.stdout)\(j.stderr)")
        #expect(report["exit_code"] as? Int == Int(c.exitCode))
        let problems = report["problems"] as? [[String: Any]] ?? []
        #expect(problems.map { $0["line"] as? Int ?? 0 } == c.lines)
        for p in problems {
            if let field = c.field { #expect(p["field"] as? String == field) }
            #expect((p["fix"] as? String)?.isEmpty == false, "line \(p["line"] ?? "?") says how to fix it: \(p)")
            // The same problem the text report gave.
            #expect(r.stderr.contains(p["problem"] as? String ?? "\u{0}"))
        }
        if c.lines.isEmpty { #expect((report["error"] as? String)?.localizedCaseInsensitiveContains(c.message) == true, "\(report)") }
        #expect(try d.logBytes() == before)
    }

    /// A 10 MB line (generated here, not committed) is refused by its length,
    /// quickly and without reading it as JSON.
    @Test func tenMegabyteLineIsRefused() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let huge = #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","by":""# + String(repeating: "x", count: 10 << 20)
            + #"","data":{"count":1,"channel":"hotline","valuable":false}}"#
        let file = d.root.appendingPathComponent("huge.jsonl")
        try Data((tipLine() + "\n" + huge + "\n" + tipLine() + "\n").utf8).write(to: file)
        let r = try d.antq(["append", "--file", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(file.path):2: "), "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("bytes long"))
        #expect(r.stderr.utf8.count < 2000, "the line is not echoed back")
        #expect(try d.logBytes() == before)
        let s = try AntqBinary.run(["append", "-", "--data", d.path], stdinData: try Data(contentsOf: file))
        #expect(s.status == 65 && s.stderr.contains("<stdin>:2: "))
        #expect(try d.logBytes() == before)
    }

    static let hasImport: Bool = (try? AntqBinary.run(["help", "import"]).status) == 0

    @Test(.enabled(if: BadInputCorpusTests.hasImport, "antq import does not exist yet ('antq help import' fails)"),
          arguments: BadInputCase.spreadsheets)
    func badSpreadsheetRowIsRefusedWholeAndNamed(_ c: BadInputCase) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let r = try d.antq(c.arguments.prefix(1) + [c.url.path] + c.arguments.dropFirst())
        #expect(r.status == c.exitCode, "exit \(r.status): \(r.stderr)")
        for line in c.lines {
            #expect(r.stderr.contains(":\(line):") || r.stderr.contains("line \(line)") || r.stderr.contains("row \(line)"),
                    "names line \(line): \(r.stderr)")
        }
        #expect(c.message.isEmpty || r.stderr.localizedCaseInsensitiveContains(c.message))
        #expect(r.stderr.contains("fix"), "says how to fix it: \(r.stderr)")
        #expect(try d.logBytes() == before)
    }
}
