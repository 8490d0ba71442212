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

    /// `init` writes line 1 under the same rule: a carriage return at the
    /// end is trimmed, a control character (C0, DEL, or C1 such as U+0085)
    /// is refused before the data directory is made.
    @Test func initNamesItsRecorderByTheSameRule() throws {
        let d = try DataDir.empty()
        defer { d.remove() }
        let r = try AntqBinary.run(["init", d.path, "--by", "Nguyễn Văn An\r"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try d.logLines().first!.contains(#""by":"Nguyễn Văn An","#))
        let v = try d.antq(["verify"])
        #expect(v.status == 0 && v.stderr.isEmpty, "\(v.stdout)\(v.stderr)")
        for (i, bad) in ["Ng\tuyen", "A\u{85}n", "An\u{9B}31m"].enumerated() {
            let e = try DataDir.empty()
            defer { e.remove() }
            let viaFlag = try AntqBinary.run(["init", e.path, "--by", bad])
            let viaEnv = try AntqBinary.run(["init", e.path], environment: ["ANTQ_USER": bad])
            for (path, out) in [("--by", viaFlag), ("ANTQ_USER", viaEnv)] {
                #expect(out.status == 65, "\(i) \(path): \(out.stderr)")
                #expect(out.stderr.contains("control character"), "\(path): \(out.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: e.path), "nothing was made for \(bad.debugDescription)")
        }
        // An empty --by is refused, as append refuses it (not replaced by the login name).
        let empty = try AntqBinary.run(["init", d.root.path + "/empty", "--by", ""])
        #expect(empty.status == 65 && empty.stderr.contains("nobody is named"), "\(empty.stderr)")
        let vi = try AntqBinary.run(["init", d.root.path + "/other", "--by", "A\u{85}n", "--lang", "vi"])
        #expect(vi.status == 65 && vi.stderr.contains("ký tự điều khiển (U+0085)"), "\(vi.stderr)")
    }

    /// Free text follows one rule on every path too: a carriage return at
    /// the end (a cell, a file from Windows) is trimmed in flags, batch
    /// lines and spreadsheet cells alike; a C1 control inside is refused by each.
    @Test func aCaseReferenceIsTrimmedOrRefusedAlikeOnEveryPath() throws {
        let d = try Self.dataDir()
        defer { d.remove() }
        let viaFlag = try d.antq(Self.arrest + ["--case", "HS-1\r"])
        let viaBatch = try d.antq(["append", "-"], stdin: #"{"type":"arrest.made","occurred":"2018-05-01","unit":"74","data":{"count":1,"case":"HS-2\r"}}"# + "\n")
        let csv = d.root.path + "/arrests.csv"
        try "Ngày,Đơn vị,Số đối tượng,Số hồ sơ vụ án\n01/05/2018,74,1,\"HS-3\r\"\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let viaImport = try d.antq(["import", csv, "--type", "arrest.made"])
        for (path, r) in [("flag", viaFlag), ("batch", viaBatch), ("import", viaImport)] { #expect(r.status == 0, "\(path): \(r.stderr)") }
        let stored = try d.logLines().suffix(3)
        for n in 1...3 { #expect(stored.contains { $0.contains(#""case":"HS-\#(n)""#) }, "HS-\(n) stored trimmed: \(stored)") }
        let before = try d.logBytes()
        let flagC1 = try d.antq(Self.arrest + ["--case", "HS\u{85}4"])
        let batchC1 = try d.antq(["append", "-"], stdin: #"{"type":"arrest.made","occurred":"2018-05-01","unit":"74","data":{"count":1,"case":"HS\u00854"}}"# + "\n")
        for (path, r) in [("flag", flagC1), ("batch", batchC1)] {
            #expect(r.status == 65 && r.stderr.contains("control character (U+0085)"), "\(path): \(r.stderr)")
        }
        // A mark that turns the direction of text would show the reference reversed.
        let reversed = try d.antq(Self.arrest + ["--case", "VA\u{202E}21-ab"])
        #expect(reversed.status == 65 && reversed.stderr.contains("U+202E"), "\(reversed.stderr)")
        #expect(try d.logBytes() == before)
    }
}
