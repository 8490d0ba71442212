import SeededRandom
import Foundation
import Testing
import TextFormats

/// Our CSV reader and writer checked against CPython's `csv` module on generated data.
@Suite(.enabled(if: Python.available, "python3 is not on PATH: differential tests against Python's csv module are skipped"))
struct CSVPythonDifferentialTests {
    static let script = #"""
import base64, csv, io, json, sys

def read_with_lines(text, **kw):
    reader = csv.reader(io.StringIO(text, newline=''), **kw)
    rows, previous = [], 0
    for row in reader:
        rows.append({"line": previous + 1, "fields": row})
        previous = reader.line_num
    return rows

cases = json.load(open(sys.argv[1], encoding='utf-8'))
out = {"tables": [], "noise": []}
for case in cases["tables"]:
    buffer = io.StringIO(newline='')
    writer = csv.writer(buffer, delimiter=case["delimiter"], lineterminator=case["lineterminator"],
                        quoting=case["quoting"])
    writer.writerows(case["rows"])
    text = buffer.getvalue()
    ours = case["ours"]
    if ours.startswith('\ufeff'):
        ours = ours[1:]
    out["tables"].append({
        "csv": base64.b64encode(text.encode('utf-8')).decode('ascii'),
        "parsed": read_with_lines(text, delimiter=case["delimiter"]),
        "oursParsed": [row["fields"] for row in read_with_lines(ours, delimiter=case["oursDelimiter"])],
    })
for text in cases["noise"]:
    result = {"parsed": read_with_lines(text), "strictError": None}
    try:
        read_with_lines(text, strict=True)
    except csv.Error as error:
        result["strictError"] = str(error)
    out["noise"].append(result)
json.dump(out, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
"""#

    struct Table: Codable {
        var rows: [[String]]
        var delimiter: String
        var lineterminator: String
        var quoting: Int           // csv.QUOTE_MINIMAL = 0, csv.QUOTE_ALL = 1
        var ours: String           // our writer's output for the same rows
        var oursDelimiter: String
    }
    struct Input: Codable {
        var tables: [Table]
        var noise: [String]
    }
    struct Row: Codable {
        var line: Int
        var fields: [String]
    }
    struct TableResult: Codable {
        var csv: String
        var parsed: [Row]
        var oursParsed: [[String]]
    }
    struct NoiseResult: Codable {
        var parsed: [Row]
        var strictError: String?
    }
    struct Output: Codable {
        var tables: [TableResult]
        var noise: [NoiseResult]
    }

    static let pieces = [
        "a", "Thủ Dầu Một", "Thu\u{309} Dâ\u{300}u Mô\u{323}t", "Phú Cường", "Đất Cuốc", "Hoà", ",", ";", "\"",
        "\"\"", "\n", "\r\n", "\r", " ", "\t", "5\" màn hình", "中文", "😀", "=SUM(A1)", "", "3.630", "12,5",
    ]

    static func randomField(_ rng: inout SplitMix64) -> String {
        var field = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) { field += pieces.randomElement(using: &rng)! }
        return field
    }

    static func makeInput() -> Input {
        var rng = SplitMix64(seed: 0x5EED_CE55_2019_0328)
        let separators: [CSVSeparator] = [.comma, .semicolon, .tab]
        var tables: [Table] = []
        for index in 0..<400 {
            let columns = Int.random(in: 1...5, using: &rng)
            var rows = [(1...columns).map { "Cột \($0)" }]
            for _ in 0..<Int.random(in: 0...8, using: &rng) {
                rows.append((0..<columns).map { _ in randomField(&rng) })
            }
            let ourSeparator = separators[index % 3]
            let writer = CSVWriter(separator: ourSeparator, lineEnding: index % 2 == 0 ? .lf : .crlf,
                                   byteOrderMark: index % 5 == 0)
            tables.append(Table(
                rows: rows,
                delimiter: index % 4 < 2 ? "," : ";",
                lineterminator: index % 2 == 0 ? "\r\n" : "\n",
                quoting: index % 8 < 4 ? 0 : 1,
                ours: writer.write(rows),
                oursDelimiter: ourSeparator.text))
        }
        let alphabet = ["a", "b", "ủ", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t"]
        var noise: [String] = []
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) { text += alphabet.randomElement(using: &rng)! }
            noise.append(text)
        }
        return Input(tables: tables, noise: noise)
    }

    static let shared: Result<(Input, Output), any Error> = Result {
        let input = makeInput()
        return (input, try Python.run(script, input: input, as: Output.self))
    }

    @Test func readerMatchesPythonCSVOnGeneratedTables() throws {
        let (input, output) = try Self.shared.get()
        #expect(output.tables.count == input.tables.count)
        for (table, result) in zip(input.tables, output.tables) {
            let bytes = [UInt8](Data(base64Encoded: result.csv)!)
            let separator: CSVSeparator = table.delimiter == ";" ? .semicolon : .comma
            let records = try CSVReader(separator: separator).read(bytes)
            // Python returns [] for a blank line; we skip blank lines (documented choice).
            let expected = result.parsed.filter { !$0.fields.isEmpty }
            #expect(exact(records.map(\.fields)) == exact(expected.map(\.fields)),
                    "csv: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            #expect(records.map(\.line) == expected.map(\.line))
            #expect(records.map(\.number) == (0..<records.count).map { $0 + 1 })
            if table.rows[0].count >= 2 {
                #expect(CSVReader.detectSeparator(bytes) == separator)
            }
        }
    }

    @Test func readerMatchesPythonOnRandomNoise() throws {
        let (input, output) = try Self.shared.get()
        var unclosed = 0
        for (text, result) in zip(input.noise, output.noise) {
            do {
                let records = try CSVReader(separator: .comma).read(text)
                let expected = result.parsed.filter { !$0.fields.isEmpty }
                #expect(exact(records.map(\.fields)) == exact(expected.map(\.fields)), "input: \(text.debugDescription)")
                #expect(records.map(\.line) == expected.map(\.line), "input: \(text.debugDescription)")
                #expect(result.strictError != "unexpected end of data", "input: \(text.debugDescription)")
            } catch .unclosedQuote {
                unclosed += 1
                // Python's non-strict reader returns the open field; its strict mode fails.
                #expect(result.strictError != nil, "input: \(text.debugDescription)")
            }
        }
        #expect(unclosed > 0 && unclosed < input.noise.count)
    }

    @Test func pythonReadsBackWhatOurWriterWrites() throws {
        let (input, output) = try Self.shared.get()
        for (table, result) in zip(input.tables, output.tables) {
            #expect(exact(result.oursParsed) == exact(table.rows), "ours: \(table.ours.debugDescription)")
        }
    }
}
