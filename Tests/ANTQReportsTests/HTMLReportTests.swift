import ANTQDomain
@testable import ANTQReports
import Decimals
import Foundation
import Testing
import TextFormats

@Suite struct HTMLReportTests {
    /// Every bar of a chart is drawn to one scale: length / value is the same for all
    /// non-zero bars, the longest bar fills the plot, zero bars have no length.
    func expectProportional(_ chart: HTMLProbe.Chart, length: (HTMLProbe.Bar) -> Double, plot: Double? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let maxValue = chart.bars.map(\.value).max() ?? 0
        guard maxValue > 0 else { return }
        let longest = chart.bars.map(length).max() ?? 0
        if let plot { #expect(abs(longest - plot) < 0.01, sourceLocation: sourceLocation) }
        for bar in chart.bars {
            let expected = bar.value / maxValue * longest
            #expect(abs(length(bar) - expected) < 0.011, "\(bar.label): \(length(bar)) for \(bar.value), expected \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [Language.vi, .en])
    func summaryPageIsWellFormedAndSelfContained(_ lang: Language) throws {
        let html = SummaryRenderer.render(Fixture.summary(compare: 2017), format: .html, lang: lang)
        let probe = HTMLProbe.parse(html)
        #expect(probe.error == nil, "not well-formed XML: \(String(describing: probe.error))")
        #expect(probe.elements["script"] == nil)
        #expect(probe.elements["link"] == nil && probe.elements["img"] == nil)
        #expect(html.components(separatedBy: "http://").count == html.components(separatedBy: "xmlns=\"http://").count,
                "the only URLs are XML namespaces")
        #expect(!html.contains("https://"))
        #expect(html.contains("@media print"))
        #expect(probe.text.contains(Fixture.fingerprint.description))
        #expect(probe.text.contains(lang == .vi ? "3.630" : "3,630"))
        #expect(probe.text.contains(lang == .vi ? "Nguồn tin có giá trị" : "Valuable tips"))
        #expect(probe.text.contains(lang == .vi ? "Kỳ báo cáo: năm 2018 (01/01/2018 – 31/12/2018)" : "Period: 2018 (2018-01-01 – 2018-12-31)"))
        #expect(html.contains("lang=\"\(lang.rawValue)\""))
    }

    @Test func periodAgainstPeriodColumnsMatchTheFigures() throws {
        let probe = HTMLProbe.parse(SummaryRenderer.render(Fixture.summary(compare: 2017), format: .html, lang: .vi))
        // One pair of columns per top-level flow figure with a value in either period.
        let expected: [String: (Double, Double)] = ["arrests": (3000, 3630), "tips": (4000, 5700), "cases": (2000, 2144),
                                                    "weapons.firearm": (0, 21), "awards.collective": (0, 191)]
        for (metric, (before, now)) in expected {
            let chart = try #require(probe.charts.first { $0.metric == metric }, "no chart for \(metric)")
            #expect(chart.kind == "columns")
            #expect(chart.bars.map(\.value) == [before, now], "\(metric)")
            #expect(chart.bars.map(\.label) == ["2017", "2018"])
            expectProportional(chart, length: \.height, plot: 150)
        }
        #expect(!probe.charts.contains { $0.kind == "columns" && $0.metric == "tips.valuable" }, "a part is charted with its parent's parts")
        // A figure that is zero in both periods gets no empty chart.
        #expect(!probe.charts.contains { $0.metric == "weapons.explosive" })
        #expect(probe.text.contains("Bằng 0 trong cả hai kỳ"))
        // Horizontal charts (parts, districts, coverage) are proportional too.
        let bars = probe.charts.filter { $0.kind == "bars" }
        #expect(bars.count >= 5)
        for chart in bars { expectProportional(chart, length: \.width) }
    }

    @Test func districtAndCoverageChartsShowEachDistrict() throws {
        let probe = HTMLProbe.parse(SummaryRenderer.render(Fixture.summary(compare: 2017), format: .html, lang: .en))
        let byDistrict = probe.charts.filter { $0.kind == "bars" && $0.bars.map(\.label) == ["Thủ Dầu Một — 2018", "Bến Cát — 2018"] }
        #expect(byDistrict.contains { $0.bars.map(\.value) == [2000, 1630] }, "arrests per district")
        #expect(byDistrict.contains { $0.bars.map(\.value) == [3000, 2000] }, "valuable tips per district")
        let coverage = try #require(probe.charts.first { $0.bars.contains { $0.label.hasSuffix("With a club") } })
        // Thủ Dầu Một: 1 commune, 1 with a club; Bến Cát: 2 communes, 1 with a club.
        #expect(coverage.bars.map(\.value) == [1, 1, 2, 1])
        let models = try #require(probe.charts.first { $0.bars.first?.label.hasPrefix("Crime-prevention clubs") == true })
        #expect(models.bars.map(\.value) == [2, 1, 0, 0, 0, 0])
        // The parts of awards to collectives, by issuer and local levels, 2017 against 2018.
        let awards = try #require(probe.charts.first { $0.bars.contains { $0.label.hasPrefix("by district committees") } })
        #expect(awards.bars.map(\.value) == [0, 191, 0, 191])
    }

    @Test func withoutCompareTheSummaryPageHasNoPeriodChartsButStillRenders() {
        let probe = HTMLProbe.parse(SummaryRenderer.render(Fixture.summary(), format: .html, lang: .vi))
        #expect(probe.error == nil)
        #expect(!probe.charts.contains { $0.kind == "columns" })
        #expect(probe.text.contains("28/03/2019 10:00"))
    }

    @Test(arguments: [Language.vi, .en])
    func statePageIsWellFormedWithCoverageCharts(_ lang: Language) throws {
        let html = StateRenderer.render(Fixture.state(), format: .html, lang: lang)
        let probe = HTMLProbe.parse(html)
        #expect(probe.error == nil, "\(String(describing: probe.error))")
        #expect(probe.elements["script"] == nil)
        #expect(probe.text.contains(Fixture.fingerprint.description))
        #expect(probe.text.contains(lang == .vi ? "3.359 thành viên" : "3,359 members"))
        #expect(probe.text.contains(lang == .vi ? "1.600" : "1,600"))
        let cams = try #require(probe.charts.first { $0.bars.map(\.value) == [0, 1600] })
        expectProportional(cams, length: \.width)
        #expect(cams.bars[1].width > 0 && cams.bars[0].width == 0)
    }

    @Test func textInChartsAndTablesIsEscaped() {
        let rows = [SVGChart.Row(label: "A & B <x>", values: [ExactDecimal(3)])]
        let svg = SVGChart.bars(title: "t\"itle", rows: rows, series: [SVGChart.Series(name: "s", style: .solid)], lang: .en)
        let probe = HTMLProbe.parse(svg)
        #expect(probe.error == nil)
        #expect(probe.text.contains("A & B <x>"))
    }

    @Test func aDecimalBarIsDrawnToScaleAndLabelledInTheReadersStyle() {
        let rows = [SVGChart.Row(label: "a", values: [ExactDecimal(json: "1.4")!]), SVGChart.Row(label: "b", values: [ExactDecimal(json: "2.8")!])]
        let svg = SVGChart.bars(title: "kg", rows: rows, series: [SVGChart.Series(name: "s", style: .solid)], lang: .vi)
        let probe = HTMLProbe.parse(svg)
        #expect(probe.charts.first?.bars.map(\.value) == [1.4, 2.8])
        expectProportional(probe.charts[0], length: \.width)
        #expect(probe.text.contains("1,4") && probe.text.contains("2,8"))
    }

    @Test func longLabelsAreClippedNotRunOffTheChart() {
        #expect(SVGChart.clipped("Tập thể — Bộ Công an", 50) == "Tập thể — Bộ Công an")
        let c = SVGChart.clipped(String(repeating: "Thủ Dầu Một ", count: 10), 20)
        #expect(displayWidth(c) <= 20 && c.hasSuffix("…"))
    }
}
