import ANTQDomain
import ANTQTestSupport
import Decimals
import Testing
import TextFormats

/// "Expected change" tests: apply one event, apply the same change by hand
/// to a copy of the state read before, and compare the whole state.

private func state(_ b: LogBuilder, unit: String = "74", on d: String = "2020-12-31") -> [String: ExactDecimal] {
    let q = FigureQuery(ledger: b.ledger, first: day(d), last: day(d), months: nil)
    let values = q.values(unit: unit)
    var out: [String: ExactDecimal] = [:]
    for f in q.figures.definitions where f.kind == .state { out[f.name] = (values[f.name] ?? nil) ?? .zero }
    return out
}

private func flows(_ b: LogBuilder, unit: String = "74", year: Int) -> [String: ExactDecimal] {
    let q = query(b.ledger, year: year)
    let values = q.values(unit: unit)
    var out: [String: ExactDecimal] = [:]
    for f in q.figures.definitions where f.isFlow { out[f.name] = (values[f.name] ?? nil) ?? .zero }
    return out
}

fileprivate extension Dictionary where Key == String, Value == ExactDecimal {
    /// Adds `n` to a figure the catalogue has (a name it lacks is a test error).
    mutating func add(_ name: String, _ n: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let v = self[name] else { Issue.record("no figure \(name)", sourceLocation: sourceLocation); return }
        self[name] = v + ExactDecimal(n)
    }
}

private let club = "models.crime_prevention_club"
private let clubMembers = "models.crime_prevention_club.members"

@Test func establishingAClubAddsAModelItsMembersAndACommuneWithClub() throws {
    var b = binhDuong()
    let before = state(b)
    try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    var expected = before
    expected.add(club, 1)
    expected.add(clubMembers, 12)
    expected.add("communes.with_club", 1)
    #expect(state(b) == expected)
    // Not yet on the day before it was established.
    #expect(state(b, on: "2017-12-31") == state(binhDuong(), on: "2017-12-31"))
}

@Test func changingAModelChangesOnlyWhatItSays() throws {
    var b = binhDuong()
    try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    let before = state(b)
    try b.add(#"{"type":"model.changed","occurred":"2019-01-01","unit":"25747","data":{"model":"c1","members":30}}"#)
    var expected = before
    expected.add(clubMembers, 18)
    #expect(state(b) == expected)
    try b.add(#"{"type":"model.changed","occurred":"2019-06-01","unit":"25747","data":{"model":"c1","kind":"shock_team"}}"#)
    expected.add(club, -1)
    expected.add(clubMembers, -30)
    expected.add("models.shock_team", 1)
    expected.add("models.shock_team.members", 30)
    expected.add("communes.with_club", -1)
    #expect(state(b) == expected)
}

@Test func dissolvingAModelRemovesItFromThatDayOn() throws {
    var b = binhDuong()
    try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"landlord_club","name":"CLB chủ trọ","members":9}}"#)
    let before = state(b)
    try b.add(#"{"type":"model.dissolved","occurred":"2020-06-01","unit":"25747","data":{"model":"c1"}}"#)
    var expected = before
    expected.add("models.landlord_club", -1)
    expected.add("models.landlord_club.members", -9)
    #expect(state(b) == expected)
    #expect(state(b, on: "2020-05-31") == before)
}

@Test func camerasAreARunningCount() throws {
    var b = binhDuong()
    let before = state(b, unit: "718")
    try b.add(#"{"type":"camera.installed","occurred":"2019-01-01","unit":"25747","data":{"count":40}}"#)
    try b.add(#"{"type":"camera.removed","occurred":"2020-01-01","unit":"25747","data":{"count":15}}"#)
    var expected = before
    expected.add("cameras", 25)
    #expect(state(b, unit: "718") == expected)
    #expect(state(b, unit: "721") == state(binhDuong(), unit: "721"))
}

@Test func aMergerTakesACommuneOutOfTheCount() throws {
    var b = binhDuong()
    let before = state(b)
    try b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    var expected = before
    expected.add("communes", -1)
    #expect(state(b) == expected)
}

@Test func aUnitChangeChangesTheUnitsViewFromItsDayOn() throws {
    var b = binhDuong()
    let before = b.ledger.units.views()
    try b.add(#"{"type":"unit.changed","occurred":"2020-02-01","unit":"718","data":{"name":"Thủ Dầu Một mới","kind":"district"}}"#)
    var expected = before
    let i = expected.firstIndex { $0.code == "718" }!
    expected[i].name = "Thủ Dầu Một mới"
    expected[i].kind = "district"
    #expect(b.ledger.units.views() == expected)
    #expect(b.ledger.units.views(on: day("2020-01-31")) == binhDuong().ledger.units.views(on: day("2020-01-31")))
}

@Test func aCommuneBecomingADistrictLeavesTheCommuneCount() throws {
    var b = binhDuong()
    let before = state(b)
    try b.add(#"{"type":"unit.changed","occurred":"2020-01-01","unit":"25760","data":{"kind":"town"}}"#)
    var expected = before
    expected.add("communes", -1)
    #expect(state(b) == expected)
}

@Test func aCorrectionMovesATipToAnotherUnitAndYear() throws {
    var b = binhDuong()
    let t = try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":3,"channel":"hotline","valuable":true}}"#)
    let before2018 = flows(b, unit: "718", year: 2018), before2019 = flows(b, unit: "721", year: 2019)
    try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"nhầm đơn vị","unit":"25852","occurred":"2019-01-03","data":{"valuable":false}}}"#)
    var e2018 = before2018, e2019 = before2019
    e2018.add("tips", -3)
    e2018.add("tips.valuable", -3)
    e2019.add("tips", 3)
    #expect(flows(b, unit: "718", year: 2018) == e2018)
    #expect(flows(b, unit: "721", year: 2019) == e2019)
}

@Test func aRetractionUndoesExactlyTheTarget() throws {
    var b = binhDuong()
    try b.add(#"{"type":"weapon.seized","occurred":"2018-05-14","unit":"25747","data":{"kind":"firearm","quantity":2}}"#)
    let w = try b.add(#"{"type":"weapon.seized","occurred":"2018-05-15","unit":"25747","data":{"kind":"firearm","quantity":5}}"#)
    let before = flows(b, year: 2018)
    try b.add(#"{"type":"event.retracted","data":{"target":\#(w.seq),"reason":"ghi trùng"}}"#)
    var expected = before
    expected.add("weapons.firearm", -5)
    #expect(flows(b, year: 2018) == expected)
}

@Test func anAwardCountsForItsRecipientKindIssuerAndLocalLevels() throws {
    var b = binhDuong()
    let before = flows(b, year: 2018)
    try b.add(#"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"collective","recipient":"Công an phường Phú Cường","issuer":"provincial_police","form":"certificate_of_merit","count":2}}"#)
    var expected = before
    for n in ["awards.collective", "awards.collective.provincial_police", "awards.collective.local"] { expected.add(n, 2) }
    #expect(flows(b, year: 2018) == expected)
}

@Test func anAwardByTheGovernmentDoesNotCountAsLocal() throws {
    var b = binhDuong()
    let before = flows(b, year: 2018)
    try b.add(#"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"individual","recipient":"Trần Văn Bình","issuer":"government","form":"medal"}}"#)
    var expected = before
    for n in ["awards.individual", "awards.individual.government"] { expected.add(n, 1) }
    #expect(flows(b, year: 2018) == expected)
}

/// (d) `valuable` left out means "not known": the tip counts in `tips` only.
@Test func aTipWithoutValuableCountsInTipsOnly() throws {
    var b = binhDuong()
    let before = flows(b, year: 2018)
    let e = try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":4,"channel":"letter"}}"#)
    #expect(e.data.value(named: "valuable") == nil, "nothing is made up for a value not given")
    var expected = before
    expected.add("tips", 4)
    #expect(flows(b, year: 2018) == expected)
    // The same with valuable false, and with true for comparison.
    try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":2,"channel":"letter","valuable":false}}"#)
    expected.add("tips", 2)
    #expect(flows(b, year: 2018) == expected)
    try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":1,"channel":"letter","valuable":true}}"#)
    expected.add("tips", 1)
    expected.add("tips.valuable", 1)
    #expect(flows(b, year: 2018) == expected)
}

/// (d) An arrest caught in the act also counts in `arrests.caught_in_act`.
@Test func anArrestCaughtInTheActFeedsArrestsCaughtInAct() throws {
    var b = binhDuong()
    let before = flows(b, year: 2018)
    try b.add(#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":3,"caught_in_act":true}}"#)
    try b.add(#"{"type":"arrest.made","occurred":"2018-05-15","unit":"25747","data":{"count":2,"caught_in_act":false}}"#)
    try b.add(#"{"type":"arrest.made","occurred":"2018-05-16","unit":"25747","data":{"count":5}}"#)
    var expected = before
    expected.add("arrests", 10)
    expected.add("arrests.caught_in_act", 3)
    #expect(flows(b, year: 2018) == expected)
    #expect(FigureCatalogue()["arrests.caught_in_act"]?.parent == "arrests")
}
