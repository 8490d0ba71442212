import Foundation
import Testing

/// Every text a person reads exists in Vietnamese: help pages (the command
/// table carries both texts), the type pages of `help append TYPE`, parse
/// errors, receipts and a sample of refusals, run end to end with
/// `LANG=vi_VN.UTF-8`. A text left in English shows up as English
/// function words in a Vietnamese page.
@Suite struct MessageLanguageTests {
    static let vi = ["LANG": "vi_VN.UTF-8"]

    /// Words of English prose; Vietnamese text never contains them as words.
    static let englishWords = [" the ", " of ", " and ", " or ", " is ", " with ", " to ", " for ", " from ", " only ", " not ", " every ",
                               "Error", "error:", "Usage:", "See '", "Did you mean", "appended", "fingerprint:"]

    /// Lines of `text` that read as English. Lines quoting both languages on
    /// purpose (a vocabulary term `code = vi / en`) are left out.
    static func englishLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { line in
            !line.contains(" = ") && englishWords.contains { (" " + line + " ").contains($0) }
        }
    }

    static let commands = ["init", "append", "correct", "retract", "log", "units", "verify", "rebuild", "snapshot", "state", "summary",
                           "audit", "diff", "import", "export", "figures", "completion", "help"]

    @Test func everyHelpPageIsVietnameseUnderAVietnameseLocale() throws {
        for page in [[], ["help"]] + Self.commands.map { ["help", $0] } {
            let r = try AntqBinary.run(page, environment: Self.vi)
            #expect(r.status == 0, "\(page)")
            #expect(Self.englishLines(r.stdout).isEmpty, "antq \(page.joined(separator: " ")): \(Self.englishLines(r.stdout))")
            #expect(r.stdout.contains("TỔNG QUAN") && r.stdout.contains("CÁCH DÙNG"), "\(page)")
            // The same page in English is English: --lang wins over LANG.
            let en = try AntqBinary.run(page + ["--lang", "en"], environment: Self.vi)
            #expect(en.stdout.contains("OVERVIEW") && en.stdout != r.stdout, "\(page)")
        }
    }

    /// Each option's or argument's help on a help page, by its label
    /// (`-o, --format <format>`), without the choices and the default.
    static func optionHelps(_ page: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: String?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let body = line.drop { $0 == " " }
            let indent = line.count - body.count
            if indent == 2, body.first == "-" || body.first == "<" {
                let parts = body.split(separator: "  ", maxSplits: 1).map(String.init)
                current = parts[0]
                out[parts[0]] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            } else if indent > 4, let c = current {
                out[c, default: ""] += " " + body
            } else {
                current = nil
            }
        }
        return out.mapValues { help in
            help.split(separator: " ").filter { w in !(w.hasPrefix("(") && w.contains("|")) }.joined(separator: " ")
                .components(separatedBy: " (default:").first!.components(separatedBy: " (mặc định:").first!
        }
    }

    @Test func everyOptionHelpHasItsOwnVietnameseText() throws {
        for command in Self.commands {
            let vi = Self.optionHelps(try AntqBinary.run(["help", command], environment: Self.vi).stdout)
            let en = Self.optionHelps(try AntqBinary.run(["help", command, "--lang", "en"]).stdout)
            #expect(Set(vi.keys) == Set(en.keys) && !vi.isEmpty, "\(command)")
            for (label, text) in en where !text.isEmpty {
                #expect(vi[label] != text, "antq help \(command): \(label) has no Vietnamese text: \(text)")
            }
        }
    }

    @Test func everyTypePageListsItsFieldsInBothLanguages() throws {
        let types = ["unit.registered", "unit.changed", "unit.merged", "tip.received", "case.solved", "arrest.made", "weapon.seized",
                     "award.granted", "model.established", "model.changed", "model.dissolved", "camera.installed", "camera.removed",
                     "indicator.recorded"]
        for type in types {
            let vi = try AntqBinary.run(["help", "append", type], environment: Self.vi)
            let en = try AntqBinary.run(["append", type, "--help", "--lang", "en"])
            #expect(vi.status == 0 && en.status == 0, "\(type)")
            #expect(vi.stdout.hasPrefix(type + ":") && vi.stdout.contains("CÁC TRƯỜNG") || !en.stdout.contains("FIELDS"), "\(type)")
            #expect(Self.englishLines(vi.stdout).isEmpty, "\(type): \(Self.englishLines(vi.stdout))")
            #expect(en.stdout.hasPrefix(type + ":") && en.stdout.contains("USAGE: antq append \(type)"), "\(type)")
        }
        // Values with both labels, the default, and an example a clerk can copy.
        let tip = try AntqBinary.run(["help", "append", "tip.received"], environment: Self.vi).stdout
        #expect(tip.contains("hotline = đường dây nóng / hotline"))
        #expect(tip.contains("(mặc định: 1)"))
        #expect(tip.contains("VÍ DỤ:\n  antq append tip.received "))
    }

    @Test func refusalsAreVietnameseAndLeaveTheLogAsItWas() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let xlsx = d.root.appendingPathComponent("bao-cao.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 0, 0]).write(to: xlsx)
        let cases: [([String], Int32)] = [
            (["sumary", "2018"], 64),
            (["summary", "2018", "--fromat", "csv"], 64),
            (["export", "--format", "pdf"], 64),
            (["summary"], 64),
            (["append", "tip.received", "--unit", "Phú Cường", "--occurred", "2018-05-14", "--caught", "1"], 65),
            (["append", "arrest.made", "--unit", "Phú Cường", "--occurred", "2018-05-14", "--count", "hai"], 65),
            (["append", "tip.received", "--unit", "Nowhere", "--occurred", "2018-13-40", "--channel", "fax"], 65),
            (["import", "missing.csv", "--type", "tip.received"], 66),
            (["import", xlsx.path, "--type", "tip.received"], 65),
            (["import", "x.csv"], 64),
            (["summary", "2018", "--as-of", "hôm qua"], 64),
            (["diff", "--as-of", "hôm qua"], 64),
        ]
        for (args, status) in cases {
            let r = try d.antq(args, environment: Self.vi)
            #expect(r.status == status, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("lỗi: "), "\(args): \(r.stderr)")
            #expect(Self.englishLines(r.stderr).isEmpty, "\(args): \(Self.englishLines(r.stderr))")
        }
        #expect(try d.logBytes() == before)
    }

    @Test func aMistypedFlagIsAnsweredWithTheFlagItMeans() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let r = try d.antq(["append", "arrest.made", "--unit", "Phú Cường", "--occurred", "14/05/2018", "--count", "1", "--caught", "có"],
                           environment: Self.vi)
        #expect(r.status == 65)
        #expect(r.stderr.contains("--caught không phải trường của arrest.made; có phải ý là --caught-in-act?"), "\(r.stderr)")
        let batch = try d.antq(["append", "-"], stdin: #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1,"caugth_in_act":true}}"# + "\n")
        #expect(batch.stderr.contains(#"did you mean "caught_in_act"?"#), "\(batch.stderr)")
    }

    @Test func receiptsAreVietnamese() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let one = try d.antq(["append", "tip.received", "--unit", "Phú Cường", "--occurred", "14/05/2018", "--channel", "đường dây nóng",
                              "--valuable", "có"], environment: Self.vi)
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("đã ghi #\(Fixture.lastSeq + 1) tip.received") && one.stdout.contains("dấu vân tay: "), "\(one.stdout)")
        let many = try d.antq(["append", "-"], stdin: tipLine() + "\n" + tipLine() + "\n", environment: Self.vi)
        #expect(many.stdout.hasPrefix("đã ghi 2 sự kiện"), "\(many.stdout)")
        #expect(Self.englishLines(one.stdout + many.stdout).isEmpty)
        let verify = try d.antq(["verify"], environment: Self.vi)
        #expect(Self.englishLines(verify.stdout).isEmpty, "\(verify.stdout)")
    }
}

/// Numbers and days inside messages follow the reader's style as reports
/// do: `verify`'s account of an announced figure the log does not give
/// (1.002, and the instant in Vietnam time as dd/mm/yyyy), a day in the
/// future, and the count of an audit's contributions.
@Test func numbersAndDaysInMessagesFollowTheReadersStyle() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    var lines = [#"{"type":"unit.registered","occurred":"2010-01-01","unit":"48","data":{"name":"Đà Nẵng","kind":"city","parent":null}}"#]
    for day in 1...12 { lines.append(#"{"type":"arrest.made","occurred":"2023-03-\#(day < 10 ? "0" : "")\#(day)","unit":"48","data":{"count":\#(day == 1 ? 937 : 6)}}"#) }
    lines.append(#"{"type":"figure.asserted","occurred":"2023-07-01","unit":"48","data":{"metric":"arrests","year":2023,"period":"2023-H1","value":1002,"note":"Báo cáo 6 tháng"}}"#)
    try d.ok(["append", "-"], stdin: lines.joined(separator: "\n") + "\n")
    let vi = try d.antq(["verify", "--lang", "vi"]), en = try d.antq(["verify", "--lang", "en"])
    #expect(vi.status == 1 && en.status == 1)
    let viLine = try #require(vi.stdout.split(separator: "\n").first { $0.contains("figure.asserted") }.map(String.init), "\(vi.stdout)")
    #expect(viLine.contains("là 1.002") && viLine.contains("cho 1.003") && viLine.contains("(UTC+7)") && viLine.range(of: #"\d\d/\d\d/\d{4} \d\d:\d\d"#, options: .regularExpression) != nil, "\(viLine)")
    let enLine = try #require(en.stdout.split(separator: "\n").first { $0.contains("figure.asserted") }.map(String.init), "\(en.stdout)")
    #expect(enLine.contains("as 1,002") && enLine.contains("gives 1,003"), "\(enLine)")
    let future = try d.antq(["append", "arrest.made", "--unit", "48", "--occurred", "2099-01-02", "--count", "1", "--lang", "vi"])
    #expect(future.status == 65 && future.stderr.contains("02/01/2099 là ngày trong tương lai"), "\(future.stderr)")
    let audit = try d.ok(["audit", "arrests", "--year", "2023", "--lang", "vi"]).stdout
    #expect(audit.contains("1.003 = tổng 12 đóng góp"), "\(audit)")
}

/// A batch line's day written as an office writes it (15/01/2023) is a
/// real day in the wrong format, and is said so with the line to write;
/// only a day that does not exist is "not a real date".
@Test func aBatchDayInAnOfficesSpellingIsNamedAsAFormatNotAFalseDay() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "48", "--occurred", "2010-01-01", "--name", "Đà Nẵng", "--kind", "thành phố"])
    let log = try d.logBytes()
    let batch = #"{"type":"arrest.made","occurred":"15/01/2023","unit":"48","data":{"count":1}}"# + "\n"
        + #"{"type":"arrest.made","occurred":"31/02/2023","unit":"48","data":{"count":1}}"# + "\n"
    let en = try d.antq(["append", "-", "--lang", "en"], stdin: batch)
    #expect(en.status == 65 && en.stderr.contains(#"<stdin>:1: field occurred: "15/01/2023" is the day 2023-01-15"#) && en.stderr.contains(#"write "2023-01-15""#), "\(en.stderr)")
    #expect(en.stderr.contains(#"<stdin>:2: field occurred: "31/02/2023" is not a real date"#), "\(en.stderr)")
    let vi = try d.antq(["append", "-", "--lang", "vi"], stdin: batch)
    #expect(vi.stderr.contains("là ngày 15/01/2023") && vi.stderr.contains(#"ghi "2023-01-15""#), "\(vi.stderr)")
    #expect(try d.logBytes() == log)
}

/// An announced figure the log does not give is recorded (that it was
/// announced is a fact) and said at once, with both values in the reader's
/// style; one the log gives passes without a word.
@Test func anAnnouncedFigureTheLogDoesNotGiveIsSaidWhenItIsRecorded() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "-"], stdin: [#"{"type":"unit.registered","occurred":"2010-01-01","unit":"48","data":{"name":"Đà Nẵng","kind":"city","parent":null}}"#,
                                      #"{"type":"arrest.made","occurred":"2023-03-01","unit":"48","data":{"count":1003}}"#].joined(separator: "\n") + "\n")
    let announce = ["append", "figure.asserted", "--unit", "48", "--occurred", "2023-07-01", "--metric", "arrests", "--year", "2023", "--period", "2023-H1"]
    let wrong = try d.antq(announce + ["--value", "1002", "--lang", "vi"])
    #expect(wrong.status == 0 && wrong.stderr.contains("sổ cho 1.003 với arrests 2023-H1 của Đà Nẵng [48], không phải 1.002"), "\(wrong.stderr)")
    let right = try d.antq(announce + ["--value", "1003", "--lang", "en"])
    #expect(right.status == 0 && !right.stderr.contains("note"), "\(right.stderr)")
    let days = try d.antq(announce.dropLast(2) + ["--period", "2023-03-01..2023-03-15", "--value", "7", "--lang", "en"])
    #expect(days.stderr.contains("the log gives 1,003 for arrests 2023-03-01..2023-03-15 of Đà Nẵng [48], not 7"), "\(days.stderr)")
}

/// Headers a reader sees are in their language (`units`: mã, not code), and
/// `diff` gives its two knowledge dates to the second, so two dates a
/// minute apart are told apart.
@Test func unitHeadersAndDiffInstantsReadAsTheReaderNeeds() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "48", "--occurred", "2010-01-01", "--name", "Đà Nẵng", "--kind", "thành phố"])
    #expect(try d.ok(["units", "--lang", "vi"]).stdout.hasPrefix("mã "))
    #expect(try d.ok(["units", "--lang", "en"]).stdout.hasPrefix("code "))
    let diff = try d.ok(["diff", "--as-of", "2026-01-02T03:04:05Z", "--as-of", "2026-01-02T03:04:35Z", "--lang", "en"]).stdout
    #expect(diff.contains("2026-01-02 10:04:05 (UTC+7)") && diff.contains("2026-01-02 10:04:35 (UTC+7)"), "\(diff)")
}
