import Foundation
import Testing

/// Who records an event is checked by one rule whichever way the name
/// arrives (`--by`, `ANTQ_USER`, a batch line, a spreadsheet column): white
/// space at the ends is trimmed (a name file saved on Windows ends in a
/// carriage return), a control character inside is refused with the same
/// message everywhere, before anything is written.
@Suite struct RecorderNameTests {
    static let arrest = ["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1"]

    static func dataDir() throws -> DataDir {
        let d = try DataDir.initialised()
        try d.ok(["append", "unit.registered", "--unit", "74", "--occurred", "2013-12-30", "--name", "Bình Dương", "--kind", "province", "--parent", "null"])
        return d
    }

    @Test func aNameFromANameFileWithACarriageReturnIsTrimmedAndReadBack() throws {
        let d = try Self.dataDir()
        defer { d.remove() }
        let r = try d.antq(Self.arrest, environment: ["ANTQ_USER": "Nguyễn Văn An\r\n"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try d.logLines().last!.contains(#""by":"Nguyễn Văn An","#))
        let v = try d.antq(["verify"])
        #expect(v.status == 0 && v.stderr.isEmpty, "\(v.stdout)\(v.stderr)")
        #expect(try d.antq(["summary", "2018"]).status == 0)
    }

    @Test func aControlCharacterInANameIsRefusedTheSameWayOnEveryPath() throws {
        let d = try Self.dataDir()
        defer { d.remove() }
        let before = try d.logBytes()
        for bad in ["Nguyễn\tAn", "An\u{1B}[31m", "An\u{7F}", "Nguyễn\nAn"] {
            let viaEnv = try d.antq(Self.arrest, environment: ["ANTQ_USER": bad])
            let viaFlag = try d.antq(Self.arrest + ["--by", bad])
            var w = ["\"by\":\"" + bad.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\u%04x", $0.value) : String($0) }.joined() + "\""]
            w = [#"{"type":"arrest.made","occurred":"2018-05-01","unit":"74",\#(w[0]),"data":{"count":1}}"#]
            let viaBatch = try d.antq(["append", "-"], stdin: w[0] + "\n")
            for (path, r) in [("ANTQ_USER", viaEnv), ("--by", viaFlag), ("batch", viaBatch)] {
                #expect(r.status == 65, "\(path) \(bad.debugDescription): \(r.stderr)")
                // A batch names the JSON field; the command line names the option.
                let named = path == "batch" ? "field by: the recorder's name" : "--by: the recorder's name"
                #expect(r.stderr.contains(named) && r.stderr.contains("control character"), "\(path): \(r.stderr)")
            }
            #expect(try d.logBytes() == before, "nothing was written for \(bad.debugDescription)")
        }
    }
}
