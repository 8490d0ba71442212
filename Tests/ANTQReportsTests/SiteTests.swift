import ANTQDomain
import ANTQStore
import ANTQTestSupport
import Decimals
import Foundation
import JSONCodec
import Testing
import TextFormats
@testable import ANTQReports

/// `antq site` and the HTML pages of `audit` and `state`, on generated logs.
@Suite(.serialized) struct SiteTests {
    /// The periods every site test writes: two reporting years with flows and their first halves.
    static func periods(_ s: DataStore) throws -> [Period] {
        let years = try SiteData(store: s, asOf: nil).years().filter { $0 >= 2015 }.prefix(2)
        return years.flatMap { [Period(year: $0, start: .january1), Period(year: $0, half: 1, start: .january1)] }
    }

    @Test func everyHTMLOutputEscapesEveryStringFromTheLog() throws {
        let g = try GeneratedStore(seed: 1818, events: 300, inject: true)
        defer { g.cleanup() }
        #expect(g.accepted > 20, "most hostile batches are accepted (\(g.refused) refused)")
        let log = String(decoding: FileManager.default.contents(atPath: g.root + "/events/log.jsonl")!, as: UTF8.self)
        // The hostile text reached the fields that people read on the pages.
        for key in ["name", "recipient", "reason", "by", "vi"] {
            #expect(log.contains("\"\(key)\":\"") && log.range(of: "\"\(key)\":\"[^\"]* <script>", options: .regularExpression) != nil, "no hostile \(key) in the log")
        }
        var pages = try SiteBuilder.pages(store: g.store, options: SiteOptions(lang: .vi, periods: Self.periods(g.store)))
        // Every --format html output of the CLI's reports, for the same log.
        let r = try g.store.replay()
        let day = CivilDate(iso: "2020-12-31")!
        for lang in [Language.vi, .en] {
            let p = Period(year: 2020, start: .january1)
            pages["summary-\(lang)"] = SummaryRenderer.render(SummaryReport.make(ledger: r.ledger, period: p, unit: nil, depth: 2, fingerprint: r.fingerprint,
                                                                                 asOf: nil, compare: (Period(year: 2019, start: .january1), r.ledger)),
                                                              format: .html, lang: lang)
            var st = StateReport.make(ledger: r.ledger, day: day, periodStart: .january1, unit: nil, depth: 2, fingerprint: r.fingerprint, asOf: nil)
            st.showCodes = true
            pages["state-\(lang)"] = StateRenderer.render(st, format: .html, lang: lang, listModels: true)
            let names = r.ledger.figures.definitions.map(\.name)
            for f in ["arrests"] + names.filter { $0.hasPrefix("awards.") }.prefix(1) + names.filter { $0.hasPrefix("models.") }.prefix(1) {
                let a = try g.store.audit(figure: f, period: p, unit: nil)
                pages["audit-\(f)-\(lang)"] = AuditRenderer.render(a, format: .html, lang: lang)
            }
        }
        let amendments = r.ledger.amendments.corrections.flatMap { [$0.key] + $0.value } + r.ledger.amendments.retractions.flatMap { [$0.key, $0.value] }
        #expect(!amendments.isEmpty, "the log has corrections or retractions")
        for seq in Set(amendments + [1, 2, 5]).sorted().prefix(12) {
            pages["event-\(seq)"] = AuditRenderer.render(try g.store.audit(event: seq), format: .html, lang: .en)
        }
        var shown = 0
        for (name, html) in pages {
            let probe = PageProbe.parse(html)
            #expect(probe.error == nil, "\(name) is not well-formed: \(String(describing: probe.error))")
            #expect(probe.elements["script"] == nil && !html.contains("<script"), "\(name) has a script")
            #expect(!html.contains("</pre>") && !html.contains(hostile), "\(name) holds the hostile text unescaped")
            if probe.text.contains(hostile) { shown += 1 }
        }
        // Escaped, not dropped: the text reads as typed on the pages that show it.
        #expect(shown > pages.count / 3, "hostile text shown on \(shown) of \(pages.count) pages")
        #expect(PageProbe.parse(pages["index.html"]!).text.contains(hostile))
    }

    @Test func everyLinkResolvesAndEveryFigureMatchesItsAuditTheSummaryAndTheOracle() throws {
        let g = try GeneratedStore(seed: 77, events: 400, inject: false)
        defer { g.cleanup() }
        let periods = try Self.periods(g.store)
        let pages = try SiteBuilder.pages(store: g.store, options: SiteOptions(lang: .en, periods: periods))
        let probes = pages.mapValues(PageProbe.parse)
        let data = try SiteData(store: g.store, asOf: nil)
        let reference = Reference(data.events.values.sorted { $0.seq < $1.seq })
        var checkedLinks = 0, checkedFigures = 0, summed = 0
        for (name, probe) in probes {
            #expect(probe.error == nil, "\(name): \(String(describing: probe.error))")
            #expect(probe.elements["script"] == nil && probe.elements["img"] == nil && probe.elements["link"] == nil)
            let html = pages[name]!
            #expect(!html.contains("https://") && html.components(separatedBy: "http://").count == html.components(separatedBy: "xmlns=\"http://").count,
                    "\(name) fetches nothing")
            for href in probe.hrefs {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? name : parts[0]
                #expect(pages[target] != nil, "\(name): \(href) is not a page of the site")
                if parts.count == 2, let t = probes[target] { #expect(t.ids.contains(parts[1]), "\(name): no anchor \(href)") }
                checkedLinks += 1
            }
        }
        for p in periods {
            let table = reference.table(first: p.firstDay, last: p.lastDay, metrics: Array(reference.figureNames))
            for code in data.ledger.units.records.keys {
                let name = SiteNames.summary(p, code)
                guard let probe = probes[name] else { continue }
                let json = try JSONValue.parse(SummaryRenderer.render(
                    SummaryReport.make(ledger: data.ledger, period: p, unit: probe.figureLinks.first?.unit, depth: 1,
                                       fingerprint: data.replay.fingerprint, asOf: nil), format: .json, lang: .en))
                #expect(probe.figureLinks.first?.unit == code)
                var fromJSON: [String: [String: String]] = [:]
                if case .array(let units)? = json["units"] {
                    for u in units {
                        guard case .string(let code)? = u["code"], case .object(let figs)? = u["figures"] else { continue }
                        for (k, v) in figs { if case .number(let n) = v { fromJSON[code, default: [:]][k] = ExactDecimal(json: n.text)?.plain() } }
                    }
                }
                for link in probe.figureLinks {
                    let audit = try #require(probes[link.href])
                    #expect(audit.auditValue == link.value, "\(name): \(link.figure) \(link.unit) is \(link.value), its audit says \(audit.auditValue ?? "-")")
                    #expect(fromJSON[link.unit]?[link.figure] == link.value, "\(name): \(link.figure) \(link.unit) differs from summary JSON")
                    if let expected = table[link.unit]?[link.figure] {
                        #expect(expected?.plain() ?? "" == link.value, "\(link.figure) \(link.unit) \(p.label): oracle \(String(describing: expected)), page \(link.value)")
                    }
                    let d = try #require(data.ledger.figures[link.figure])
                    if !d.isRatio {
                        let sum = audit.amounts.compactMap { ExactDecimal(json: $0) }.reduce(ExactDecimal.zero, +)
                        #expect(sum.plain() == link.value, "\(link.href): contributions add up to \(sum.plain()), not \(link.value)")
                        summed += 1
                    }
                    checkedFigures += 1
                }
            }
        }
        #expect(checkedLinks > 1000 && checkedFigures > 100 && summed > 50, "links \(checkedLinks), figures \(checkedFigures), sums \(summed)")
        // Every event a contribution names has its page, which links back to the audits it feeds.
        let eventPages = pages.keys.filter { $0.hasPrefix("e-") }
        #expect(eventPages.count > 10)
        #expect(eventPages.contains { probes[$0]!.hrefs.contains { $0.hasPrefix("a-") } })
    }

    @Test func defaultPeriodsAreEveryYearWithFlowsAndItsHalves() throws {
        let g = try GeneratedStore(seed: 5, events: 120, inject: false)
        defer { g.cleanup() }
        let data = try SiteData(store: g.store, asOf: nil)
        let pages = try SiteBuilder.pages(store: g.store, options: SiteOptions(lang: .vi, depth: 0))
        let root = try #require(data.ledger.units.roots(on: nil).first)
        for y in data.years() {
            for label in ["\(y)", "\(y)-H1", "\(y)-H2"] { #expect(pages["s-\(label)-\(root).html"] != nil, "no summary for \(label)") }
        }
    }

    /// Every summary has a print view in the official document layout,
    /// linked from the summary, with the summary's figures.
    @Test func everySummaryHasAPrintViewInTheOfficialLayout() throws {
        let g = try GeneratedStore(seed: 6, events: 120, inject: false)
        defer { g.cleanup() }
        let pages = try SiteBuilder.pages(store: g.store, options: SiteOptions(lang: .vi, depth: 0))
        let summaries = pages.keys.filter { $0.hasPrefix("s-") }
        #expect(!summaries.isEmpty)
        for name in summaries {
            let printName = "p-" + name.dropFirst(2)
            let summary = try #require(pages[name]), print = try #require(pages[String(printName)], "no print view for \(name)")
            #expect(summary.contains("href=\"\(printName)\""), "\(name) does not link its print view")
            #expect(print.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && print.contains("Độc lập - Tự do - Hạnh phúc"), "\(printName)")
            #expect(print.contains("antq verify --fingerprint"), "\(printName): no fingerprint footnote")
            #expect(!print.contains("<script"))
        }
    }

    @Test func fileNamesKeepReadableCharactersAndEscapeTheRestWithoutCollisions() {
        #expect(SiteNames.slug("models.shock_team.members") == "models.shock_team.members")
        #expect(SiteNames.slug("2018-01..2018-08") == "2018-01..2018-08")
        #expect(SiteNames.slug("a/b c~đ") == "a~2Fb~20c~7E~C4~91")
        #expect(SiteNames.slug("~41") != SiteNames.slug("A"))
    }

    @Test func theSiteReplacesItsDirectoryWholeAndRefusesAnyOtherDirectory() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("antq-sitew-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let out = base + "/site"
        try SiteWriter.write(["index.html": "one", "a.html": "A"], to: out, marker: "m")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == ["index.html", "a.html", SiteWriter.marker])
        try SiteWriter.write(["index.html": "two", "b.html": "B"], to: out + "/", marker: "m")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == ["index.html", "b.html", SiteWriter.marker], "the old pages are gone")
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "two")
        // A failure while writing leaves the previous site as it was and no temporary directory.
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter.write(["index.html": "three", "no/such/dir.html": "x"], to: out, marker: "m") }
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "two")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: base)) == ["site"])
        // A directory antq did not write is never replaced, nor is a file.
        let mine = base + "/documents"
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: mine + "/thesis.odt", contents: Data("keep".utf8))
        #expect(throws: SiteWriter.Failure.notASite(mine)) { try SiteWriter.write(["index.html": "x"], to: mine, marker: "m") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine) == ["thesis.odt"])
        FileManager.default.createFile(atPath: base + "/file", contents: Data("f".utf8))
        #expect(throws: SiteWriter.Failure.notASite(base + "/file")) { try SiteWriter.write(["index.html": "x"], to: base + "/file", marker: "m") }
        // An empty directory is fine.
        try FileManager.default.createDirectory(atPath: base + "/empty", withIntermediateDirectories: true)
        try SiteWriter.write(["index.html": "x"], to: base + "/empty", marker: "m")
    }
}
