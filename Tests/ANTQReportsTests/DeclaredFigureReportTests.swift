import ANTQDomain
import ANTQReports
import Decimals
import JSONCodec
import Testing
import TextFormats

/// A log that declares figures of its own: a quantity in kg with three
/// decimals, recorded as a clerk types it ("1,4"), and a ratio of two
/// built-in figures (1.953 valuable tips of 2.144: 91,09%).
private let declaredLedger: Ledger = Fixture.build(Fixture.units + [
    Fixture.draft(.indicatorDefined, "2018-01-01", "74", ["indicator": "drugs.seized", "label": "Ma túy thu giữ", "measure": "quantity",
                                                          "unit_of_measure": "kg", "decimals": "3", "aggregate": "flow"]),
    Fixture.draft(.ratioDefined, "2018-01-01", "74", ["indicator": "valuable_tip_rate", "label": "Tỷ lệ tin có giá trị",
                                                      "numerator": "tips.valuable", "denominator": "tips", "percent": "có"]),
    Fixture.draft(.indicatorRecorded, "2018-03-02", "25741", ["indicator": "drugs.seized", "value": "1,4"]),
    Fixture.draft(.tipReceived, "2018-04-01", "25741", ["count": "1.953", "channel": "hotline", "valuable": "có"]),
    Fixture.draft(.tipReceived, "2018-04-01", "25750", ["count": "191", "channel": "hotline", "valuable": "không"]),
])

private func report(codes: Bool = false) -> SummaryReport { Fixture.summary(codes: codes, ledger: declaredLedger) }

@Suite struct DeclaredFigureReportTests {
    @Test func aDeclaredQuantityIsShownWithItsUnitInTheReadersStyle() {
        let vi = SummaryRenderer.render(report(), format: .text, lang: .vi)
        #expect(row(vi, "Ma túy thu giữ").hasSuffix(" 1,4 kg"), "\(row(vi, "Ma túy thu giữ"))")
        let en = SummaryRenderer.render(report(), format: .text, lang: .en)
        #expect(row(en, "Ma túy thu giữ").hasSuffix(" 1.4 kg"), "English falls back to the Vietnamese label: \(row(en, "Ma túy thu giữ"))")
        let md = SummaryRenderer.render(report(codes: true), format: .markdown, lang: .vi)
        #expect(md.contains("| **Ma túy thu giữ** | `drugs.seized` | 1,4 kg |"), "\(md)")
    }

    @Test func aRatioIsShownWithTwoDecimals() {
        let vi = SummaryRenderer.render(report(), format: .text, lang: .vi)
        #expect(row(vi, "Tỷ lệ tin có giá trị").hasSuffix(" 91,09%"), "\(row(vi, "Tỷ lệ tin có giá trị"))")
        let en = SummaryRenderer.render(report(), format: .text, lang: .en)
        #expect(row(en, "Tỷ lệ tin có giá trị").hasSuffix(" 91.09%"))
    }

    @Test func csvAndJSONCarryExactlyTheDeclaredDecimalsWithAPoint() throws {
        for lang in Language.allCases {
            let csv = try CSVTable(Array(SummaryRenderer.render(report(), format: .csv, lang: lang).utf8))
            func value(_ unit: String, _ metric: String) -> String? {
                csv.rows.first { csv.value("unit", in: $0) == unit && csv.value("metric", in: $0) == metric }.flatMap { csv.value("value", in: $0) }
            }
            #expect(value("74", "drugs.seized") == "1.400", "\(lang)")
            #expect(value("718", "drugs.seized") == "1.400")
            #expect(value("721", "drugs.seized") == "0.000")
            #expect(value("74", "valuable_tip_rate") == "91.09")
            #expect(value("721", "valuable_tip_rate") == "0.00")
            #expect(value("74", "tips") == "2144")

            let json = try JSONValue.parse(SummaryRenderer.render(report(), format: .json, lang: lang))
            let root = try #require(json["units"]?[0])
            #expect(root["figures"]?["drugs.seized"]?.jsonBytes == Array("1.400".utf8))
            #expect(root["figures"]?["valuable_tip_rate"]?.jsonBytes == Array("91.09".utf8))
            guard case .array(let figures)? = json["figures"] else { Issue.record("no figures"); continue }
            let drugs = try #require(figures.first { $0["name"] == .string("drugs.seized") })
            #expect(drugs["unit_of_measure"] == .string("kg") && drugs["decimals"] == .number(JSONNumber(Int64(3))) && drugs["kind"] == .string("flow"))
            let rate = try #require(figures.first { $0["name"] == .string("valuable_tip_rate") })
            #expect(rate["kind"] == .string("ratio") && rate["decimals"] == .number(JSONNumber(Int64(2))))
        }
    }

    @Test func aRatioWithoutADenominatorHasNoValueInAnyFormat() throws {
        // 2017: no tips at all.
        let r = SummaryReport.make(ledger: declaredLedger, period: Period(year: 2017, start: .january1), unit: "74", depth: 0,
                                   fingerprint: Fixture.fingerprint, asOf: nil)
        #expect(r.figures.contains { $0.name == "valuable_tip_rate" } == false, "a declared figure with nothing in the report is left out")
        let both = SummaryReport.make(ledger: declaredLedger, period: Period(year: 2017, start: .january1), unit: "74", depth: 0,
                                      fingerprint: Fixture.fingerprint, asOf: nil, compare: (Period(year: 2018, start: .january1), declaredLedger))
        let vi = SummaryRenderer.render(both, format: .text, lang: .vi)
        #expect(row(vi, "Tỷ lệ tin có giá trị").contains("—"), "\(row(vi, "Tỷ lệ tin có giá trị"))")
        let csv = try CSVTable(Array(SummaryRenderer.render(both, format: .csv, lang: .vi).utf8))
        let rate = try #require(csv.rows.first { csv.value("metric", in: $0) == "valuable_tip_rate" })
        #expect(csv.value("value", in: rate) == "" && csv.value("compare_value", in: rate) == "91.09")
        let json = try JSONValue.parse(SummaryRenderer.render(both, format: .json, lang: .en))
        #expect(json["units"]?[0]?["figures"]?["valuable_tip_rate"] == .null)
    }

    /// 0,00 % over a denominator is a value: the ratio is shown (it was left out as if nothing had been recorded).
    @Test func aRatioOfZeroOverSomethingIsShown() throws {
        let ledger = Fixture.build(Fixture.units + [
            Fixture.draft(.ratioDefined, "2018-01-01", "74", ["indicator": "valuable_tip_rate", "label": "Tỷ lệ tin có giá trị",
                                                              "numerator": "tips.valuable", "denominator": "tips", "percent": "có"]),
            Fixture.draft(.tipReceived, "2017-04-01", "25750", ["count": "3", "channel": "hotline", "valuable": "không"]),
        ])
        let r = SummaryReport.make(ledger: ledger, period: Period(year: 2017, start: .january1), unit: "74", depth: 0,
                                   fingerprint: Fixture.fingerprint, asOf: nil)
        #expect(r.figures.contains { $0.name == "valuable_tip_rate" }, "\(r.figures.map(\.name))")
        #expect(row(SummaryRenderer.render(r, format: .text, lang: .vi), "Tỷ lệ tin có giá trị").hasSuffix(" 0,00%"))
    }

    @Test func aDeclaredFigureWithNothingRecordedIsLeftOutButBuiltInsStay() {
        let r = Fixture.summary()
        #expect(r.figures.allSatisfy { !$0.declared })
        let names = Set(report().figures.map(\.name))
        #expect(names.isSuperset(of: ["drugs.seized", "valuable_tip_rate", "weapons.explosive", "cases.high_tech"]))
    }
}
