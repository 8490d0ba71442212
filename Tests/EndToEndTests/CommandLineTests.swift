import Foundation
import Testing

/// Help, version, usage errors, unit names and the listing commands.
@Suite struct CommandLineTests {
    static let commands = ["init", "append", "correct", "retract", "log", "units", "verify", "summary", "state"]

    @Test func helpListsEverySubcommandAndExitsZero() throws {
        for args in [["--help"], ["-h"], ["help"]] {
            let r = try AntqBinary.run(args)
            #expect(r.status == 0, "\(args)")
            #expect(r.stderr.isEmpty)
            #expect(r.stdout.contains("USAGE: antq"))
            for c in Self.commands { #expect(r.stdout.contains("\n  \(c) "), "\(args) lists \(c)") }
            #expect(r.stdout.contains("--data"))
        }
    }

    @Test func helpForACommandIsTheSameWhicheverWayItIsAsked() throws {
        let a = try AntqBinary.run(["help", "append"])
        let b = try AntqBinary.run(["append", "--help"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        for option in ["--unit", "--occurred", "--by", "--file", "--expect-seq", "--format"] {
            #expect(a.stdout.contains(option), "help append documents \(option)")
        }
        let log = try AntqBinary.run(["help", "log"])
        for option in ["--type", "--unit", "--year", "--from", "--format"] { #expect(log.stdout.contains(option)) }
        #expect(log.stdout != a.stdout)
    }

    /// The figure list of `antq help audit` is made when the page is shown:
    /// it is there, in both languages, in the place of the marker.
    @Test func helpAuditListsTheBuiltInFiguresWithTheirLabels() throws {
        let en = try AntqBinary.run(["help", "audit", "--lang", "en"])
        let vi = try AntqBinary.run(["help", "audit", "--lang", "vi"])
        #expect(en.status == 0 && vi.status == 0)
        #expect(en.stdout.contains("Figures:\n  tips ") && en.stdout.contains("Tips from the public"))
        #expect(vi.stdout.contains("Các chỉ tiêu:\n  tips ") && vi.stdout.contains("arrests.caught_in_act"))
        #expect(!en.stdout.contains("{figure list}") && !vi.stdout.contains("{figure list}"))
        // Only the audit's page lists them.
        #expect(!(try AntqBinary.run(["help", "summary", "--lang", "en"]).stdout.contains("Figures:\n")))
    }

    /// `antq help append` names every type a user can append, in both
    /// languages: the declarations and the reorganisation's types too.
    @Test func helpAppendNamesEveryAppendableType() throws {
        for lang in ["en", "vi"] {
            let page = try AntqBinary.run(["help", "append", "--lang", lang]).stdout.split(whereSeparator: \.isWhitespace).map(String.init)
            for type in ["indicator.defined", "indicator.recorded", "indicator.changed", "indicator.retired", "ratio.defined",
                         "vocabulary.extended", "unit.split", "unit.continued", "unit.abolished", "arrest.made", "figure.asserted"] {
                #expect(page.contains(type), "\(lang): \(type)")
            }
            #expect(!page.contains("log.created"), "\(lang): log.created is written by init only")
        }
    }

    @Test func versionPrintsNameAndVersion() throws {
        let r = try AntqBinary.run(["--version"])
        #expect(r.status == 0)
        let parts = r.stdout.trimmingCharacters(in: .newlines).split(separator: " ")
        #expect(parts.first == "antq")
        #expect(parts.count == 2 && parts[1].split(separator: ".").count == 3 && parts[1].split(separator: ".").allSatisfy { Int($0) != nil },
                "a semantic version: \(r.stdout)")
    }

    @Test(arguments: [(["log", "--tpye", "unit."], "--type"), (["append", "--expect-sq", "3", "-"], "--expect-seq"),
                      (["verify", "--fromat", "json"], "--format"), (["summary", "2018", "--deph", "2"], "--depth")])
    func unknownFlagGetsDidYouMeanAndExit64(_ args: [String], _ suggestion: String) throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let r = try d.antq(args, stdin: tipLine() + "\n")
        #expect(r.status == 64)
        #expect(r.stderr.contains("Did you mean '\(suggestion)'?"), "\(r.stderr)")
        #expect(r.stderr.contains("antq help \(args[0])"))
        #expect(try d.logBytes() == before)
    }

    @Test func unknownCommandExits64() throws {
        let r = try AntqBinary.run(["apend"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("append"), "suggests the command: \(r.stderr)")
    }

    @Test func unitNameTypedWithoutDiacriticsIsAccepted() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        for name in ["phu cuong", "PHU CUONG", "Phú Cường", "tan dinh, ben cat"] {
            let r = try d.antq(["append", "arrest.made", "--unit", name, "--occurred", "2018-08-01", "--count", "1"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
        }
        #expect(try d.events().suffix(4).map { $0["unit"] as? String } == ["25747", "25747", "25747", "25852"])
    }

    @Test func ambiguousUnitNameListsTheCandidates() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let r = try d.antq(["append", "arrest.made", "--unit", "tan dinh", "--occurred", "2018-08-01", "--count", "1"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("matches several units"))
        #expect(r.stderr.contains("25852") && r.stderr.contains("Bến Cát"))
        #expect(r.stderr.contains("25894") && r.stderr.contains("Bắc Tân Uyên"))
        #expect(try d.logBytes() == before)
        let log = try d.antq(["log", "--unit", "Tan Dinh"])
        #expect(log.status == 65)
        #expect(log.stderr.contains("25852") && log.stderr.contains("25894"))
    }

    @Test func logFiltersByTypeUnitYearAndSeq() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        func seqs(_ args: [String]) throws -> [Int] {
            let r = try d.antq(["log"] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return r.stdout.split(separator: "\n").compactMap { $0.hasPrefix("#") ? Int($0.dropFirst().prefix { $0 != " " }) : nil }
        }
        #expect(try seqs([]) == Array(1...Fixture.lastSeq))
        #expect(try seqs(["--type", "unit.merged"]) == [10])
        #expect(try seqs(["--type", "unit."]) == [2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(try seqs(["--type", "model"]) == [11, 12])
        #expect(try seqs(["--unit", "718"]) == [3, 6, 9, 10, 11, 12, 13, 16, 18], "a district lists its communes' events")
        #expect(try seqs(["--unit", "tan dinh, bac tan uyen"]) == [8, 15])
        #expect(try seqs(["--year", "2018"]) == [13, 14, 15, 16])
        #expect(try seqs(["--from", "15"]) == Array(15...Fixture.lastSeq))
        #expect(try seqs(["--type", "tip.received", "--year", "2018", "--unit", "25747"]) == [13])
        #expect(try seqs(["--year", "1999"]) == [])
    }

    @Test func logJSONIsTheStoredLinesVerbatim() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let all = try d.antq(["log", "--format", "json"])
        #expect(all.stdoutBytes == (try d.logBytes()))
        let lines = try d.logLines()
        let some = try d.antq(["log", "--format", "json", "--type", "unit.", "--from", "7"])
        #expect(some.stdout == lines[6...9].joined(separator: "\n") + "\n")
    }

    @Test func unitsTreeNestsCommunesUnderDistricts() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let r = try d.antq(["units", "--tree"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").map(String.init)
        func row(_ code: String) -> String? { rows.first { $0.hasPrefix(code + " ") } }
        /// The column where the unit's name starts: deeper units start further right.
        func indent(_ code: String) -> Int? {
            let name = ["718": "Thủ Dầu Một", "25747": "Phú Cường", "726": "Bắc Tân Uyên", "25894": "Tân Định"][code]!
            guard let r = row(code), let range = r.range(of: name) else { return nil }
            return r.distance(from: r.startIndex, to: range.lowerBound)
        }
        #expect(rows.firstIndex { $0.hasPrefix("718 ") }! < rows.firstIndex { $0.hasPrefix("25747 ") }!)
        #expect(rows.firstIndex { $0.hasPrefix("25747 ") }! < rows.firstIndex { $0.hasPrefix("721 ") }!, "718's communes come before the next district")
        #expect(indent("25747")! > indent("718")!, "a commune is indented under its district")
        #expect(indent("25894")! > indent("726")!)
        #expect(row("25744")?.hasSuffix("25747") == true, "a merged unit shows its successor: \(row("25744") ?? "")")
        let json = try d.antq(["units", "--tree", "--format", "json"])
        let units = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [[String: Any]])
        #expect(units.count == 8)
        #expect(units.first { $0["code"] as? String == "25894" }?["parent"] as? String == "726")
    }

    @Test func correctAndRetractAppendAmendmentsThatReportsFollow() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        func figure(_ metric: String) throws -> Int? {
            let r = try d.antq(["summary", "2018", "--format", "csv"])
            return r.stdout.split(separator: "\n").first { $0.hasPrefix("2018,74,") && $0.split(separator: ",")[3] == metric }
                .flatMap { Int($0.split(separator: ",")[4]) }
        }
        #expect(try figure("cases") == 1)
        let c = try d.antq(["correct", "15", "--reason", "two cases, not one", "--count", "2"])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stdout.contains("appended #\(Fixture.lastSeq + 1) event.corrected"))
        #expect(try figure("cases") == 2)
        let last = try #require(try d.events().last)
        let data = try #require(last["data"] as? [String: Any])
        #expect(data["target"] as? Int == 15 && data["reason"] as? String == "two cases, not one")

        let x = try d.antq(["retract", "15", "--reason", "a duplicate of another record"])
        #expect(x.status == 0, "\(x.stderr)")
        #expect(try figure("cases") == 0)
        let again = try d.antq(["retract", "15", "--reason", "twice"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already retracted by #\(Fixture.lastSeq + 2)"))
        let noReason = try d.antq(["correct", "13", "--count", "1"])
        #expect(noReason.status == 64)
        #expect(noReason.stderr.contains("--reason"))
        #expect(try d.antq(["verify"]).status == 0)
    }

    @Test func summaryAndStateHaveTheirDocumentedShapes() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let fingerprint = try #require(try d.antq(["verify"]).stdout.split(separator: "\n").first { $0.hasPrefix("fingerprint: ") }?
            .dropFirst("fingerprint: ".count))

        let text = try d.antq(["summary", "2018"])
        #expect(text.status == 0)
        #expect(text.stdout.contains(String(fingerprint)), "every report names the log it was computed from")
        #expect(text.stdout.contains("Bình Dương") && text.stdout.contains("Thủ Dầu Một"))

        let csv = try d.antq(["summary", "2018", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["period", "unit", "unit_name", "metric", "value"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 5 && $0[0] == "2018" && Int($0[4]) != nil })
        func value(_ unit: String, _ metric: String) -> Int? { rows.first { $0[1] == unit && $0[3] == metric }.flatMap { Int($0[4]) } }
        #expect(value("74", "tips") == 2, "#13's 3 tips corrected to 2")
        #expect(value("74", "arrests") == 0, "#14 retracted")
        #expect(value("74", "cases.drugs") == 1)
        #expect(value("726", "cases") == 1 && value("718", "cases") == 0, "rolled up by district")
        #expect(value("74", "communes") == 3, "Phú Lợi was merged away in 2015")

        let json = try d.antq(["summary", "2018", "--format", "json"])
        let s = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(s["year"] as? Int == 2018)
        #expect(s["fingerprint"] as? String == String(fingerprint))
        let units = try #require(s["units"] as? [[String: Any]])
        #expect(units.map { $0["code"] as? String } == ["74", "718", "721", "726"])
        #expect((units[0]["figures"] as? [String: Any])?["tips"] as? Int == 2)

        let state = try d.antq(["state", "--format", "json"])
        #expect(state.status == 0)
        let st = try #require(try JSONSerialization.jsonObject(with: state.stdoutBytes) as? [String: Any])
        #expect(st["fingerprint"] as? String == String(fingerprint))
        let sf = try #require((st["units"] as? [[String: Any]])?.first?["figures"] as? [String: Any])
        #expect(sf["cameras"] as? Int == 2)
        #expect(sf["models.crime_prevention_club"] as? Int == 0, "club-1 was dissolved")
        let stateText = try d.antq(["state"])
        #expect(stateText.status == 0 && stateText.stdout.contains(String(fingerprint)))
        let stateCSV = try d.antq(["state", "--format", "csv"])
        let header = stateCSV.stdout.split(separator: "\n").first.map(String.init)
        #expect(header?.hasSuffix(",unit,unit_name,metric,value") == true, "\(header ?? "")")
    }
}
