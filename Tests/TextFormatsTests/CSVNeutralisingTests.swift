import Testing
import TextFormats

/// CSV injection (OWASP): a cell that a spreadsheet would run as a formula
/// gets a leading apostrophe; numbers are left as numbers.
struct CSVNeutralisingTests {
    @Test func everyFormulaPrefixGetsAnApostrophe() {
        let writer = CSVWriter(neutralizesFormulas: true)
        for prefix in ["=", "+", "-", "@", "\t", "\r"] {
            let cell = prefix + "HYPERLINK(\"http://x\";\"Bấm\")"
            #expect(CSVWriter.neutralized(cell) == "'" + cell, "\(prefix.unicodeScalars.first!.value)")
            #expect(writer.field(cell).hasPrefix("\"'" + prefix) || writer.field(cell).hasPrefix("'" + prefix))
        }
    }

    @Test func numbersAndOrdinaryTextAreLeftAlone() {
        for cell in ["-1", "-0.5", "12", "3.630", "Tân Định", "", "a=b", " =1"] {
            #expect(CSVWriter.neutralized(cell) == cell)
        }
        // Not a plain number: a sign alone, an exponent, a second sign.
        for cell in ["-", "-1e5", "--1", "-1.", "-.5", "+1"] {
            #expect(CSVWriter.neutralized(cell) == "'" + cell)
        }
    }

    @Test func theWriterLeavesCellsAsTheyAreUnlessAsked() {
        #expect(CSVWriter().record(["=1+1", "@x"]) == "=1+1,@x\n")
        #expect(CSVWriter(neutralizesFormulas: true).record(["=1+1", "@x", "-3"]) == "'=1+1,'@x,-3\n")
    }
}
