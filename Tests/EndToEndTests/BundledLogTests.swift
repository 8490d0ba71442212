import ANTQTestSupport
import Foundation
import Testing

/// The bundled Bình Dương log (`events/log.jsonl` at the top of the
/// repository, written by `antq-demo`): it verifies, it reproduces every
/// figure published for 2018 as of the conference of 28-03-2019, its
/// corrections since explain exactly how today's figures differ, and the
/// generator writes the same bytes again.
///
/// The published figures are read from the repository's own copy of
/// `figures-2018.json` (Fixtures/), so a clean clone tests the same thing.
@Suite struct BundledLogTests {
    /// The repository's top level: Tests/EndToEndTests/BundledLogTests.swift → ../..
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundledLog = repoRoot.appendingPathComponent("events/log.jsonl")
    static let conferenceDay = "2019-03-28"

    /// A published figure: the value, and whether it was given rounded ("more than", "nearly").
    struct Published {
        var metric: String
        var value: Int
        enum Qualifier { case exact, moreThan, nearly }
        var qualifier: Qualifier
        var isState: Bool

        /// Whether an exact count is what the article's words say.
        func admits(_ v: Int) -> Bool {
            switch qualifier {
            case .exact: v == value
            case .moreThan: v > value && v < value + value / 50
            case .nearly: v < value && v > value - value / 50
            }
        }
    }

    /// Every numeric figure of the fixture, by antq metric name.
    static func published() throws -> [Published] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/figures-2018", withExtension: "json"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let flows = try #require(root["flows"] as? [String: Any])
        let state = try #require(root["state_at_report"] as? [String: Any])
        func object(_ o: [String: Any], _ path: String...) throws -> [String: Any] {
            var cur = o
            for k in path { cur = try #require(cur[k] as? [String: Any], "figures-2018.json has no \(path)") }
            return cur
        }
        func number(_ o: [String: Any], _ key: String) throws -> Int { try #require(o[key] as? Int, "figures-2018.json: \(key)") }
        func figure(_ metric: String, _ o: [String: Any], state isState: Bool = false) throws -> Published {
            let q = (o["qualifier"] as? String) ?? ""
            let qualifier: Published.Qualifier = q.hasPrefix("more than") ? .moreThan : q.hasPrefix("nearly") ? .nearly : .exact
            return Published(metric: metric, value: try number(o, "value"), qualifier: qualifier, isState: isState)
        }
        let weapons = try object(flows, "weapons_seized")
        let local = try object(flows, "awards_by_local_levels")
        let ministry = try object(flows, "awards_by_ministry")
        let teams = try object(state, "shock_teams")
        return [
            try figure("tips.valuable", object(flows, "tips_valuable")),
            try figure("cases", object(flows, "cases_uncovered")),
            try figure("arrests", object(flows, "suspects_arrested")),
            try figure("weapons.firearm", object(weapons, "firearm")),
            try figure("weapons.rudimentary", object(weapons, "rudimentary")),
            Published(metric: "awards.collective.local", value: try number(local, "collective"), qualifier: .exact, isState: false),
            Published(metric: "awards.individual.local", value: try number(local, "individual"), qualifier: .exact, isState: false),
            Published(metric: "awards.collective.ministry", value: try number(ministry, "collective"), qualifier: .exact, isState: false),
            Published(metric: "awards.individual.ministry", value: try number(ministry, "individual"), qualifier: .exact, isState: false),
            Published(metric: "communes", value: try number(state, "communes_total"), qualifier: .exact, isState: true),
            Published(metric: "communes.with_club", value: try number(state, "communes_with_crime_prevention_club"), qualifier: .exact, isState: true),
            Published(metric: "models.shock_team", value: try number(teams, "localities"), qualifier: .exact, isState: true),
            Published(metric: "models.shock_team.members", value: try number(teams, "members"), qualifier: .exact, isState: true),
            try figure("models.landlord_club", object(state, "landlord_self_management_clubs"), state: true),
            try figure("models.relatives_club", object(state, "relatives_management_clubs"), state: true),
            try figure("models.self_management_group", object(state, "self_management_groups"), state: true),
            try figure("models.motorbike_taxi_group", object(state, "motorbike_taxi_groups"), state: true),
            try figure("cameras", object(state, "security_cameras"), state: true),
        ]
    }

    /// A data directory holding a copy of the bundled log (antq writes
    /// snapshots where it reads; the repository's own folder stays untouched).
    static func copyOfBundledLog() throws -> DataDir {
        let d = try DataDir.empty()
        let fm = FileManager.default
        try fm.createDirectory(at: d.eventsURL, withIntermediateDirectories: true)
        try fm.createDirectory(at: d.url.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        try fm.copyItem(at: bundledLog, to: d.logURL)
        // The repository's placeholder, which antq must ignore.
        try Data().write(to: d.url.appendingPathComponent("snapshots/.gitkeep"))
        return d
    }

    /// The figures of unit 74 in a report printed as JSON.
    static func figures(_ r: AntqBinary.Output) throws -> [String: Int] {
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let units = try #require(root["units"] as? [[String: Any]])
        let province = try #require(units.first { $0["code"] as? String == "74" })
        return try #require(province["figures"] as? [String: Int])
    }

    static func summary2018(_ d: DataDir, asOf: String?) throws -> [String: Int] {
        try figures(d.antq(["summary", "2018", "--unit", "74", "--depth", "0", "--format", "json"] + (asOf.map { ["--as-of", $0] } ?? [])))
    }

    /// The Vietnam day of a stored `recorded` instant.
    static func vietnamDay(_ recorded: String) throws -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(f.date(from: recorded), "recorded \(recorded)")
        let local = DateFormatter()
        local.dateFormat = "yyyy-MM-dd"
        local.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        local.locale = Locale(identifier: "en_US_POSIX")
        return local.string(from: date)
    }

    // MARK: - Tests

    @Test func bundledLogVerifiesCleanWithEveryAssertionHolding() throws {
        let d = try Self.copyOfBundledLog()
        defer { d.remove() }
        let r = try d.antq(["verify", "--format", "json"])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["clean"] as? Bool == true)
        let assertions = try #require(root["assertions"] as? [[String: Any]])
        #expect(assertions.count == (try Self.published()).count)
        #expect(assertions.allSatisfy { $0["passed"] as? Bool == true })
    }

    @Test func summaryAsOfTheConferenceReproducesEveryPublishedFlow() throws {
        let d = try Self.copyOfBundledLog()
        defer { d.remove() }
        let r = try d.antq(["summary", "2018", "--unit", "74", "--depth", "0", "--format", "json", "--as-of", Self.conferenceDay])
        #expect(!r.stderr.contains("snapshot"), "the snapshots/.gitkeep placeholder must be ignored silently: \(r.stderr)")
        let figures = try Self.figures(r)
        let flows = try Self.published().filter { !$0.isState }
        #expect(flows.count == 9)
        for p in flows {
            let v = try #require(figures[p.metric], "summary has no \(p.metric)")
            #expect(p.admits(v), "\(p.metric): the log gives \(v) as of \(Self.conferenceDay), the article \(p.qualifier) \(p.value)")
        }
    }

    @Test func stateOnTheConferenceDayReproducesEveryPublishedStandingFigure() throws {
        let d = try Self.copyOfBundledLog()
        defer { d.remove() }
        let figures = try Self.figures(d.antq(["state", "--unit", "74", "--depth", "0", "--format", "json",
                                                "--as-of", Self.conferenceDay, "--date", Self.conferenceDay]))
        let state = try Self.published().filter(\.isState)
        #expect(state.count == 9)
        for p in state {
            let v = try #require(figures[p.metric], "state has no \(p.metric)")
            #expect(p.admits(v), "\(p.metric): the log gives \(v) on \(Self.conferenceDay), the article \(p.qualifier) \(p.value)")
        }
    }

    /// Rounded figures are asserted with the exact count behind them; every
    /// announced figure is asserted once, on the conference day, for unit 74.
    @Test func everyPublishedFigureIsAssertedOnTheConferenceDay() throws {
        let d = try Self.copyOfBundledLog()
        defer { d.remove() }
        let asserted = try d.events().filter { $0["type"] as? String == "figure.asserted" }
        let published = try Self.published()
        #expect(asserted.count == published.count)
        let asOf = try Self.summary2018(d, asOf: Self.conferenceDay)
        let state = try Self.figures(d.antq(["state", "--unit", "74", "--depth", "0", "--format", "json", "--as-of", Self.conferenceDay]))
        for p in published {
            let matching = asserted.filter { ($0["data"] as? [String: Any])?["metric"] as? String == p.metric }
            #expect(matching.count == 1, "\(p.metric) asserted \(matching.count) times")
            guard let e = matching.first, let data = e["data"] as? [String: Any] else { continue }
            #expect(e["unit"] as? String == "74")
            #expect(data["year"] as? Int == 2018)
            #expect(try Self.vietnamDay(try #require(e["recorded"] as? String)) == Self.conferenceDay)
            let value = try #require(data["value"] as? Int)
            #expect(p.admits(value), "\(p.metric) asserted \(value), published \(p.qualifier) \(p.value)")
            #expect(value == (p.isState ? state[p.metric] : asOf[p.metric]), "\(p.metric) asserted \(value)")
            let note = try #require(data["note"] as? String)
            if p.qualifier == .moreThan { #expect(note.contains("hơn")) }
            if p.qualifier == .nearly { #expect(note.contains("gần")) }
        }
    }

    /// What a fact adds to the flows this test looks at: an independent
    /// reading of the catalogue, so the check does not trust antq's own.
    static func contributions(_ fact: [String: Any]) -> [String: Int] {
        guard let type = fact["type"] as? String, let data = fact["data"] as? [String: Any] else { return [:] }
        let count = data["count"] as? Int ?? 1
        switch type {
        case "arrest.made": return ["arrests": count]
        case "case.solved": return ["cases": count]
        case "tip.received": return (data["valuable"] as? Bool == true) ? ["tips.valuable": count] : [:]
        case "weapon.seized":
            guard let kind = data["kind"] as? String, let q = data["quantity"] as? Int else { return [:] }
            return ["weapons.\(kind)": q]
        case "award.granted":
            guard let rk = data["recipient_kind"] as? String, let issuer = data["issuer"] as? String else { return [:] }
            let local = ["province", "provincial_police", "district", "commune"].contains(issuer)
            return ["awards.\(rk).\(local ? "local" : issuer)": count]
        default: return [:]
        }
    }

    @Test func todaysSummaryDiffersFromTheAnnouncementExactlyByTheLaterCorrections() throws {
        let d = try Self.copyOfBundledLog()
        defer { d.remove() }
        let then = try Self.summary2018(d, asOf: Self.conferenceDay)
        let now = try Self.summary2018(d, asOf: nil)
        var expected: [String: Int] = [:]
        var amendments = 0
        for e in try d.events() {
            guard let type = e["type"] as? String, type == "event.corrected" || type == "event.retracted",
                  let recorded = e["recorded"] as? String, try Self.vietnamDay(recorded) > Self.conferenceDay,
                  let data = e["data"] as? [String: Any], let was = data["was"] as? [String: Any] else { continue }
            amendments += 1
            // Only facts of 2018 move the 2018 figures.
            if (was["occurred"] as? String)?.hasPrefix("2018") == true {
                for (m, n) in Self.contributions(was) { expected[m, default: 0] -= n }
            }
            if type == "event.corrected" {
                var replacement = data
                replacement["type"] = was["type"]
                if (replacement["occurred"] as? String)?.hasPrefix("2018") == true {
                    for (m, n) in Self.contributions(replacement) { expected[m, default: 0] += n }
                }
            }
        }
        #expect(amendments >= 3, "the story has corrections and a retraction after the conference")
        let published = try Self.published()
        for p in published where !p.isState {
            let delta = (now[p.metric] ?? 0) - (then[p.metric] ?? 0)
            #expect(delta == expected[p.metric, default: 0], "\(p.metric): announced \(then[p.metric] ?? 0), today \(now[p.metric] ?? 0)")
        }
        // The story: arrests announced as 3.630 are fewer today.
        #expect(then["arrests"] == published.first { $0.metric == "arrests" }?.value)
        #expect(expected["arrests", default: 0] < 0)
        #expect(now["arrests"] != then["arrests"])
    }

    @Test func regeneratingTheLogGivesTheSameBytes() throws {
        let dir = try AntqBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let demo = AntqBinary.url.deletingLastPathComponent().appendingPathComponent("antq-demo")
        let r = try Self.runDemo(demo, ["--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let written = try Data(contentsOf: dir.appendingPathComponent("events/log.jsonl"))
        let committed = try Data(contentsOf: Self.bundledLog)
        #expect(written == committed, "antq-demo wrote \(written.count) bytes, the committed log has \(committed.count): run 'swift run antq-demo --force' and commit events/log.jsonl")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("snapshots").path))
        // A second run refuses to overwrite without --force, and leaves the log alone.
        let again = try Self.runDemo(demo, ["--out", dir.path])
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("events/log.jsonl")) == committed)
    }

    static func runDemo(_ executable: URL, _ arguments: [String]) throws -> AntqBinary.Output {
        AntqBinary.Output(try ProcessRunner.run(executable: executable.path, arguments: arguments))
    }
}
