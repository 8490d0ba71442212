import OfficeOpenXML
import Testing

/// Column letters are bijective base 26, the usual off-by-one past Z.
struct CellReferenceTests {
    @Test func knownColumnsAndCells() {
        let known = [0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 703: "AAB", 16_383: "XFD"]
        for (index, name) in known { #expect(CellReference.columnName(index) == name, "\(index)") }
        #expect(CellReference.name(row: 0, column: 0) == "A1")
        #expect(CellReference.name(row: 9, column: 26) == "AA10")
        #expect(CellReference.name(row: 1_048_575, column: 16_383) == "XFD1048576")
    }

    /// Every column up to XFD against the sequence spelled out directly: all
    /// one-letter names, then all two-letter names in order, then three.
    @Test func everyColumnMatchesTheEnumeratedSequence() {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
        let one = letters
        let two = letters.flatMap { a in letters.map { a + $0 } }
        let three = letters.flatMap { a in two.map { a + $0 } }
        let sequence = one + two + three
        for index in 0..<CellReference.maximumColumns {
            #expect(CellReference.columnName(index) == sequence[index])
        }
    }
}
