import Foundation
import OfficeOpenXML
import SeededRandom
import Testing

/// LibreOffice Calc, a real spreadsheet program, opens the workbook and saves
/// every sheet as CSV, cells "as shown": text must come back exactly (and not
/// evaluated when it looks like a formula), numbers in their display format.
/// Needs `soffice` (Debian: libreoffice-calc-nogui) and python3's csv module.
@Suite(.enabled(if: ExternalTool.soffice != nil && ExternalTool.python != nil,
                "soffice (libreoffice-calc-nogui) or python3 is not on PATH: the LibreOffice round trip is skipped"))
struct LibreOfficeRoundTripTests {
    /// Text LibreOffice keeps through its CSV export: Vietnamese (NFC and
    /// NFD), XML specials, Excel's escape written literally, formula look-alikes,
    /// tabs, line breaks, leading and trailing spaces.
    static let texts = ["Công an tỉnh Bình Dương", "Nguye\u{0302}\u{0303}n Thị Ánh", "A & B <c> \"d\" 'e'", "=1+1", "+84 912",
                        "-5", "@SUM(A1:A2)", "=cmd|' /C calc'!A0", "_x0041_ và _x005F_", "dòng 1\ndòng 2", "cột\ttab",
                        "  hai đầu  ", "😀 Đ", "ĐƯỜNG Thủ Dầu Một",
                        "tab\u{0B}dọc\u{01}", "CR\rmột mình"]

    /// Each number with the text LibreOffice shows for it in en-US.
    static let numbers: [(Cell, String)] = [
        (.number("1.400", decimals: 3), "1.400"), (.number("1.4", decimals: 3), "1.400"),
        (.number("33500000", decimals: 0), "33,500,000"), (.number("1234.5", decimals: 2), "1,234.50"),
        (.number("-91.09", decimals: 2), "-91.09"), (.number("91.09"), "91.09"), (.number("1.400"), "1.4"),
        (.number("0"), "0"), (.number("-0.5", decimals: 1), "-0.5"), (.number("1000000.25", decimals: 2), "1,000,000.25"),
        (.integer(42), "42"), (.integer(-7), "-7"), (.integer(1_234_567), "1234567"),
    ]

    static func workbook(seed: UInt64) -> (Workbook, [[[String]]]) {
        var rng = SplitMix64(seed: seed)
        var rows: [[Cell]] = [["Loại", "Nội dung", "Số"].map(Cell.text)]
        var expected: [[String]] = [["Loại", "Nội dung", "Số"]]
        for i in 0..<60 {
            let text = rng.pick(texts) + (rng.chance(0.5) ? " " + rng.pick(SampleCells.words) : "")
            let (number, shown) = numbers[i % numbers.count]
            rows.append([.text("dòng \(i)"), .text(text), number])
            expected.append(["dòng \(i)", text, shown])
        }
        // A sparse row past column Z: empty cells come back as empty fields.
        rows.append([.text("xa")] + Array(repeating: .empty, count: 29) + [.integer(30)])
        expected.append(["xa", "", ""])
        let wideHeader = (0..<31).map { CellReference.columnName($0) }
        let second: [[Cell]] = [wideHeader.map(Cell.text), (0..<31).map { .integer($0) }]
        let book = Workbook(sheets: [Sheet(name: "Báo cáo", rows: rows), Sheet(name: "Đội & 'Tổ' 2", rows: second)])
        // LibreOffice writes every row as wide as the widest.
        let width = 31
        let padded = expected.enumerated().map { i, row in
            i == expected.count - 1 ? ["xa"] + Array(repeating: "", count: 29) + ["30"] : row + Array(repeating: "", count: width - row.count)
        }
        return (book, [padded, [wideHeader, (0..<31).map(String.init)]])
    }

    /// Converts every sheet of `book` to CSV with LibreOffice and reads the
    /// files with Python's csv module. Field 44 (,), quote 34 ("), UTF-8 (76),
    /// from line 1, language en-US (1033), cells as shown or as stored (9th
    /// token), every sheet (-1: one file per sheet, named `book-SHEET.csv`).
    static func convert(_ book: Workbook, asShown: Bool) throws -> [[[String]]] {
        let scratch = try ScratchDirectory("soffice")
        let path = try scratch.write("book.xlsx", try book.bytes())
        let outDir = scratch.url.appendingPathComponent("out").path
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,\(asShown),false,false,-1"
        let arguments = ["-env:UserInstallation=file://" + scratch.url.appendingPathComponent("profile").path,
                         "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, path]
        // A stuck office process must not hold up the whole test run.
        let result = try ExternalTool.timeout.map { try ExternalTool.run($0, ["300", ExternalTool.soffice!] + arguments) }
            ?? ExternalTool.run(ExternalTool.soffice!, arguments)
        guard result.status == 0 else { throw ExternalTool.Failure(description: "soffice: \(result.output) \(result.error)") }
        let files = book.sheets.map { outDir + "/book-\($0.name).csv" }
        let script = """
        import csv, json, sys
        print(json.dumps([list(csv.reader(open(p, encoding='utf-8', newline=''))) for p in sys.argv[1:]]))
        """
        return try ExternalTool.python(script, files, as: [[[String]]].self)
    }

    static func compare(_ got: [[[String]]], _ want: [[[String]]], same: (String, String) -> Bool = sameScalars) {
        #expect(got.count == want.count)
        for (s, (sheet, expected)) in zip(got, want).enumerated() {
            #expect(sheet.count == expected.count, "rows in sheet \(s + 1)")
            for (r, (g, w)) in zip(sheet, expected).enumerated() {
                #expect(g.count == w.count, "sheet \(s + 1) row \(r + 1): \(g.count) fields, expected \(w.count)")
                for (c, (a, b)) in zip(g, w).enumerated() where !same(a, b) {
                    Issue.record("sheet \(s + 1) \(CellReference.name(row: r, column: c)): \(String(reflecting: a)) != \(String(reflecting: b))")
                }
            }
        }
    }

    @Test func calcShowsNumbersInTheirFormatAndTextAsWritten() throws {
        let (book, expected) = Self.workbook(seed: 0x10)
        Self.compare(try Self.convert(book, asShown: true), expected)
    }

    /// The random workbook of the Python tests (every hazard, 16,384 columns,
    /// texts of 32,767 units) with values as stored: text exact, numbers equal
    /// as decimals. The one change is LibreOffice's own handling of CR in a
    /// cell that also has LF (see ``libreOfficeLineBreaks(_:)``).
    @Test func calcReadsEveryRandomCellBackExactly() throws {
        let book = WorkbookPythonTests.randomWorkbook(seed: 0x5EED)
        var expected: [[[String]]] = []
        for sheet in book.sheets {
            let width = sheet.rows.map(\.count).max() ?? 0
            let used = sheet.rows.lastIndex { $0.contains { $0 != .empty } }.map { $0 + 1 } ?? 0
            expected.append(sheet.rows.prefix(used).map { row in
                (0..<width).map { c -> String in
                    guard c < row.count else { return "" }
                    switch row[c] {
                    case .text(let t): return Self.libreOfficeLineBreaks(t)
                    case .number(let n, _): return Self.canonicalDecimal(n)
                    case .integer(let n): return String(n)
                    case .empty: return ""
                    }
                }
            })
        }
        let got = try Self.convert(book, asShown: false)
        // LibreOffice writes a number as the shortest text of its double:
        // canonicalise both sides the same way when the field is a number.
        Self.compare(got, expected) { g, w in sameScalars(g, w) || (Self.isPlainDecimal(g) && Self.canonicalDecimal(g) == w) }
    }

    static func isPlainDecimal(_ s: String) -> Bool {
        s.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
    }

    /// LibreOffice's own model of a cell with line breaks: a cell that holds a
    /// LF is a list of paragraphs, so a CR LF or LF CR pair becomes one LF and
    /// a lone CR another LF; a cell without LF keeps its CRs. (Its reading of
    /// our file is exact: `_x000D_` comes back as CR where there is no LF.)
    static func libreOfficeLineBreaks(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        guard scalars.contains("\n") else { return s }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\r" || c == "\n" {
                out.append("\n")
                let pair: Unicode.Scalar = c == "\r" ? "\n" : "\r"
                if i + 1 < scalars.count, scalars[i + 1] == pair { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// `-007.500` → `-7.5`, `-0.0` → `0`: one spelling per value.
    static func canonicalDecimal(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let body = negative ? s.dropFirst() : Substring(s)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        let fraction = parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        let text = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && text != "0" ? "-" + text : text
    }
}
