import SeededRandom
import Foundation
import Testing
import TextFormats

struct CSVWriterTests {
    @Test func writerQuotesOnlyWhenNeeded() {
        let writer = CSVWriter()
        #expect(writer.record(["Thủ Dầu Một", "5.000", "a;b", " x "]) == "Thủ Dầu Một,5.000,a;b, x \n")
        #expect(writer.record(["a,b", "say \"hi\"", "x\ny", "x\ry"]) == "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\ry\"\n")
        #expect(CSVWriter(separator: .semicolon).record(["a,b", "a;b"]) == "a,b;\"a;b\"\n")
        #expect(CSVWriter(separator: .tab).record(["a b", "a\tb"]) == "a b\t\"a\tb\"\n")
    }

    @Test func singleEmptyFieldIsWrittenAsQuotes() throws {
        let text = CSVWriter().write([["h"], [""], ["x"]])
        #expect(text == "h\n\"\"\nx\n")
        #expect(try CSVReader().read(text).map(\.fields) == [["h"], [""], ["x"]])
    }

    @Test func writerDefaultsToLFAndCanWriteCRLFWithBOM() {
        #expect(CSVWriter().write([["a", "b"], ["1", "2"]]) == "a,b\n1,2\n")
        let bytes = CSVWriter(lineEnding: .crlf, byteOrderMark: true).encode([["a"], ["1"]])
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("a\r\n1\r\n".utf8))
    }

    @Test func formulaLikeCellsAreNotAltered() {
        #expect(CSVWriter().record(["=SUM(A1:A3)", "+1", "-2", "@x"]) == "=SUM(A1:A3),+1,-2,@x\n")
    }

    @Test func writerOutputReadsBackUnchanged() throws {
        var rng = SplitMix64(seed: 42)
        let pieces = ["a", "Phú Cường", "Cu\u{31B}\u{300}ng", ",", ";", "\t", "\"", "\r\n", "\n", "\r", " ", ""]
        for round in 0..<300 {
            let columns = Int.random(in: 1...4, using: &rng)
            let rows = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                (0..<columns).map { _ in
                    (0..<Int.random(in: 0...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                }
            }
            let separator = CSVSeparator.allCases[round % 3]
            let writer = CSVWriter(separator: separator, lineEnding: round % 2 == 0 ? .lf : .crlf, byteOrderMark: round % 4 == 0)
            let records = try CSVReader(separator: separator).read(writer.encode(rows))
            #expect(exact(records.map(\.fields)) == exact(rows))
        }
    }
}
