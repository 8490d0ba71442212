import ANTQDomain
import ANTQTestSupport
import Decimals
import Testing
import TextFormats

private func extend(_ field: String, _ value: String, vi: String = "Tổ an ninh khu phố", en: String = "Neighbourhood watch") -> String {
    #"{"type":"vocabulary.extended","occurred":"2018-01-01","unit":"74","data":{"field":"\#(field)","value":"\#(value)","label":{"vi":"\#(vi)","en":"\#(en)"}}}"#
}

private let watch = #"{"type":"model.established","occurred":"2017-06-01","unit":"25747","data":{"model":"w-1","kind":"KIND","name":"Tổ 1","members":8}}"#

@Test func anExtendedValueIsAcceptedFromItsDeclarationOnAndHasFiguresOfItsOwn() throws {
    var b = binhDuong()
    expectRefused(b, watch.replacing("KIND", with: "neighbourhood_watch"), field: "data.kind", "is not one of the allowed values")
    try b.add(extend("model.kind", "neighbourhood_watch"))
    // In force from its place in the log on, whatever day the model was set up.
    try b.add(watch.replacing("KIND", with: "Tổ an ninh khu phố"))
    #expect(b.ledger.models.record("w-1")?.entries.first?.change == .established(kind: "neighbourhood_watch", name: "Tổ 1", members: 8))
    let f = b.ledger.figures
    #expect(f["models.neighbourhood_watch"]?.label == Text("Tổ an ninh khu phố", "Neighbourhood watch"))
    #expect(f.contains("models.neighbourhood_watch.members"))
    let q = FigureQuery(ledger: b.ledger, first: day("2018-12-31"), last: day("2018-12-31"), months: nil)
    #expect(q.value("models.neighbourhood_watch", unit: "74") == dec(1))
    #expect(q.value("models.neighbourhood_watch.members", unit: "718") == dec(8))
}

@Test func anExtendedIssuerGetsAwardFiguresButIsNotALocalLevel() throws {
    var b = binhDuong()
    try b.add(extend("award.issuer", "party_committee", vi: "Tỉnh ủy", en: "Provincial Party Committee"))
    try b.add(#"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"collective","recipient":"CLB 1","issuer":"tinh uy","form":"medal"}}"#)
    let q = query(b.ledger, year: 2018)
    #expect(q.value("awards.collective.party_committee", unit: "74") == dec(1))
    #expect(q.value("awards.collective", unit: "74") == dec(1))
    #expect(q.value("awards.collective.local", unit: "74") == dec(0))
}

@Test func onlyExtensibleListsTakeNewValuesAndACodeIsAddedOnce() throws {
    var b = binhDuong()
    expectRefused(b, extend("unit.kind", "hamlet"), field: "data.field", "is not a list that can be extended")
    expectRefused(b, extend("award.recipient_kind", "family"), field: "data.field", "is not a list that can be extended")
    expectRefused(b, extend("model.kind", "shock_team"), field: "data.value", "is already a value of model.kind")
    expectRefused(b, extend("model.kind", "watch.night"), field: "data.value", "has no '.'")
    try b.add(extend("tip.channel", "sms", vi: "Tin nhắn", en: "Text message"))
    expectRefused(b, extend("tip.channel", "sms"), field: "data.value", "is already a value of tip.channel")
    #expect(b.ledger.catalogue.vocabularies[.tipChannel].resolve("tin nhan")?.code == "sms")
}

/// A new word makes figures (`cases.<category>`, `models.<kind>` and its
/// members, `weapons.<kind>` …); a declared indicator, one of its dimension
/// figures, or a ratio that already holds such a name refuses the word, in
/// whichever order the two arrive: two kinds of fact never add into one figure.
@Test func aNewWordNeverMakesAFigureTheLogHasDeclaredAndTheOtherWayRound() throws {
    var b = binhDuong()
    func define(_ name: String, dimensions: String = "") -> String {
        #"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"\#(name)","label":{"vi":"Chỉ tiêu"},"measure":"count","aggregate":"flow"\#(dimensions)}}"#
    }
    try b.add(define("cases.occurred"))
    expectRefused(b, extend("case.category", "occurred"), field: "data.value", "would make the figure \"cases.occurred\"")
    try b.add(define("models.mediation_team"))
    expectRefused(b, extend("model.kind", "mediation_team"), field: "data.value", "would make the figure \"models.mediation_team\"")
    try b.add(define("weapons", dimensions: #","dimensions":[{"name":"kind","values":[{"value":"ammunition","label":{"vi":"Đạn"}}]}]"#))
    expectRefused(b, extend("weapon.kind", "ammunition"), field: "data.value", "would make the figure \"weapons.ammunition\"")
    try b.add(#"{"type":"ratio.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"awards.collective.front","label":{"vi":"Tỷ lệ"},"numerator":"arrests","denominator":"tips","percent":true}}"#)
    expectRefused(b, extend("award.issuer", "front"), field: "data.value", "would make the figure \"awards.collective.front\"")
    // The other way round: the word first, then a declaration of one of its figures.
    try b.add(extend("case.category", "fraud", vi: "Lừa đảo", en: "Fraud"))
    expectRefused(b, define("cases.fraud"), field: "data.indicator", "is already a figure's name")
    #expect(b.ledger.catalogue.vocabularies[.caseCategory].term(code: "occurred") == nil)
}
