import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Testing
import TextFormats

func tip(_ unit: String = "25747", occurred: String = "2018-05-14", count: String = "1", extra: String = "") -> String {
    #"{"type":"tip.received","occurred":"\#(occurred)","unit":"\#(unit)","data":{"count":\#(count),"channel":"hotline","valuable":true\#(extra)}}"#
}

// MARK: - Units

@Test func anUnregisteredUnitIsRefused() {
    let b = binhDuong()
    expectRefused(b, tip("99999"), field: "unit", "is not a registered unit")
    expectAccepted(b, tip("25747"))
}

@Test func aUnitCannotBeUsedBeforeItWasRegistered() {
    let b = binhDuong()
    expectRefused(b, tip("25894", occurred: "2013-12-31"), field: "unit", "was registered on 2014-01-01")
    expectAccepted(b, tip("25894", occurred: "2014-01-01"))
}

@Test func aUnitMergedAwayCannotBeUsedFromTheMergerOn() throws {
    var b = binhDuong()
    try b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    expectRefused(b, tip("25750", occurred: "2020-01-01"), field: "unit", "became part of")
    expectRefused(b, tip("25750", occurred: "2020-01-01"), field: "unit", "record it under the successor 25747")
    expectAccepted(b, tip("25750", occurred: "2019-12-31"))
    expectAccepted(b, tip("25747", occurred: "2020-01-01"))
}

/// The refusal names the successor in the reader's language, the units by
/// their Vietnamese kind and name (part of the name): "phường Phú Hòa became
/// part of phường Phú Cường (25747) on 01/01/2020", as issue 20 words it.
@Test func aMergerRefusalNamesTheSuccessorInTheReadersLanguage() throws {
    var b = binhDuong()
    try b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    let p = try #require(b.rejection(tip("25750", occurred: "2020-01-01"))?.problems.first)
    #expect(p.problem.vi.contains("đã nhập vào phường Phú Cường (25747)"), "\(p.problem.vi)")
    #expect(p.problem.en.contains("phường Phú Hòa became part of phường Phú Cường (25747) on 01/01/2020"), "\(p.problem.en)")
}

@Test func unitMergersAreChecked() throws {
    var b = binhDuong()
    expectRefused(b, #"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25750"}}"#, field: "data.into", "cannot merge into itself")
    expectRefused(b, #"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"88888"}}"#, field: "data.into", "not a registered unit")
    try b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    expectRefused(b, #"{"type":"unit.merged","occurred":"2021-01-01","unit":"25760","data":{"into":"25750"}}"#, field: "data.into", "is itself merged away")
    expectRefused(b, #"{"type":"unit.merged","occurred":"2019-01-01","unit":"25750","data":{"into":"25760"}}"#, field: "unit", "is already merged")
}

@Test func aNewUnitNeedsAFreeCodeAndAKnownParentWithoutCycles() throws {
    var b = binhDuong()
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25747","data":{"name":"X","kind":"ward","parent":"718"}}"#, field: "unit", "already registered")
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"Phú Mỹ","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#, field: "unit", "is not a unit code")
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"726"}}"#, field: "data.parent", "not a registered unit on 2010-01-01")
    // Its own code as parent: the unit is not registered yet, so the parent is unknown.
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"25762"}}"#, field: "data.parent", "not a registered unit")
    expectRefused(b, #"{"type":"unit.changed","occurred":"2010-01-01","unit":"718","data":{"parent":"718"}}"#, field: "data.parent", "its own parent")
    expectRefused(b, #"{"type":"unit.changed","occurred":"2010-01-01","unit":"718","data":{"parent":"25747"}}"#, field: "data.parent", "cycle")
    try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    #expect(b.ledger.units.view("25762")?.parent == "718")
}

@Test func aUnitChangeMustChangeSomething() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"unit.changed","occurred":"2020-02-01","unit":"718","data":{}}"#, field: "data", "changes nothing")
    expectAccepted(b, #"{"type":"unit.changed","occurred":"2020-02-01","unit":"718","data":{"kind":"city"}}"#)
}

// MARK: - Dates

@Test func occurredMustBeARealDay() {
    let b = binhDuong()
    #expect(throws: EventCodingError.self) { try draft(tip(occurred: "2018-02-30")) }
    do { _ = try draft(tip(occurred: "2018-13-01")); Issue.record("month 13 accepted") } catch {
        #expect(error.field == "occurred" && error.problem.en.contains("not a real date"))
    }
    do { _ = try draft(tip(occurred: "14/05/2018")); Issue.record("dd/mm/yyyy accepted in a batch line") } catch { #expect(error.field == "occurred") }
    expectAccepted(b, tip(occurred: "2016-02-29"))
}

@Test func occurredMayNotBeInTheFuture() {
    let b = binhDuong()
    expectRefused(b, tip(occurred: testToday.adding(days: 1).iso), field: "occurred", "in the future")
    expectAccepted(b, tip(occurred: testToday.iso))
}

@Test func occurredMayNotBeBefore1945() throws {
    var b = LogBuilder()
    try b.add(#"{"type":"unit.registered","occurred":"1945-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#)
    expectRefused(b, tip("74", occurred: "1944-12-31"), field: "occurred", "before 1945")
    expectAccepted(b, tip("74", occurred: "1945-01-01"))
}

// MARK: - Counts and fields

@Test func countsMustBeWholeNumbersInRange() {
    let b = binhDuong()
    expectRefused(b, tip(count: "0"), field: "data.count", "is 0, outside 1…")
    expectRefused(b, tip(count: "-3"), field: "data.count", "is -3, outside")
    expectRefused(b, tip(count: "9223372036854775808"), field: "data.count", "is not a whole number")
    expectRefused(b, tip(count: "1e-5"), field: "data.count", "is not a whole number")
    expectRefused(b, tip(count: "1.5"), field: "data.count", "is not a whole number: 1.5")
    expectRefused(b, tip(count: "1000000000001"), field: "data.count", "outside 1…1,000,000,000,000")
    expectRefused(b, tip(count: "\"3\""), field: "data.count", "is not a whole number")
    expectAccepted(b, tip(count: "1000000000000"))
    // 1e400 does not fit a double: the strict JSON scanner refuses the line
    // itself, naming its column (not a field).
    let line = tip(count: "1e400")
    let huge = b.rejection(line)
    let column = Array(line.utf8).firstRange(of: Array("1e400".utf8))!.lowerBound + 1
    #expect(huge?.problems.first?.field == nil)
    #expect(huge?.problems.first?.column == column, "\(huge.map(describe) ?? "accepted")")
    // Zero is a valid member count.
    expectAccepted(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"shock_team","name":"Đội 1","members":0}}"#)
    expectRefused(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"shock_team","name":"Đội 1","members":-1}}"#, field: "data.members", "outside 0…")
}

/// (b) Counts and quantities up to 10^12 (a province's ten-year totals pass a million).
@Test func countsAndQuantitiesUpTo10To12AreAcceptedAndAboveRefused() {
    let b = binhDuong()
    let weapon = { (q: String) in #"{"type":"weapon.seized","occurred":"2018-05-14","unit":"25747","data":{"kind":"firearm","quantity":\#(q)}}"# }
    expectAccepted(b, weapon("1000000000000"))
    expectRefused(b, weapon("1000000000001"), field: "data.quantity", "outside 1…1,000,000,000,000")
    expectAccepted(b, #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1000000000000}}"#)
    expectRefused(b, #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1000000000001}}"#, field: "data.count", "outside 1…1,000,000,000,000")
    expectRefused(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"shock_team","name":"Đội 1","members":1000000000001}}"#,
                  field: "data.members", "outside 0…1,000,000,000,000")
}

/// A null for a field with a default is "not given": it must not become a
/// value that is stored one way and read back another.
@Test func aNullCountIsRefusedOrStoredAsItIsReadBack() throws {
    var b = binhDuong()
    guard let e = try? b.add(tip(count: "null")) else { return }
    #expect(e.data.int(TipReceived.count) == 1, "a null count was accepted as \(String(describing: e.data[TipReceived.count]))")
    let back = try readBack(e).event
    #expect(back == e, "the event read back from its line is not the event appended")
    // What the appender counted, and what a replay of the stored line counts.
    let replayed = fold(Array(b.events.dropLast()) + [back])
    #expect(query(b.ledger, year: 2018).value("tips", unit: "74") == query(replayed, year: 2018).value("tips", unit: "74"))
}

@Test func aCountLeftOutDefaultsToOneWhereTheCatalogueSaysSo() throws {
    var b = binhDuong()
    let e = try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club","valuable":false}}"#)
    #expect(e.data == EventData(.tipReceived, ["count": .int(1), "channel": .text("club"), "valuable": .bool(false)]))
    expectRefused(b, #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{}}"#, field: "data.count", "is missing")
}

@Test func unknownFieldsAreRefused() {
    let b = binhDuong()
    expectRefused(b, tip(extra: #","colour":"red""#), field: "data.colour", "is not a field of tip.received")
    expectRefused(b, tip(extra: #","cout":2"#), field: "data.cout", "did you mean \"count\"?")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","colour":"red","data":{"channel":"club","valuable":false}}"#, field: "colour", "is not an envelope field")
}

@Test func missingFieldsAreNamed() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"valuable":false}}"#, field: "data.channel", "is missing")
    // `valuable` may be left out when not known (it then counts in tips only).
    expectAccepted(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club"}}"#)
    expectRefused(b, #"{"type":"weapon.seized","occurred":"2018-05-14","unit":"25747","data":{"kind":"firearm"}}"#, field: "data.quantity", "is missing")
    expectRefused(b, #"{"type":"tip.received","unit":"25747","data":{"channel":"club","valuable":false}}"#, field: "occurred", "is missing")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","data":{"channel":"club","valuable":false}}"#, field: "unit", "is missing")
}

@Test func wrongTypesAreNamed() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club","valuable":"yes"}}"#, field: "data.valuable", "must be yes or no")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":true,"valuable":true}}"#, field: "data.channel", "must be text")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"fax","valuable":true}}"#, field: "data.channel", "one of: hotline")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":[1]}"#, field: "data", "must be an object")
    expectRefused(b, #"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"collective","recipient":"   ","issuer":"province","form":"medal"}}"#, field: "data.recipient", "must not be empty")
}

@Test func batchLinesMayNotSetWhatAntqAssigns() {
    for key in ["seq", "prev", "recorded", "more"] {
        do {
            _ = try draft(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","\#(key)":1,"data":{"channel":"club","valuable":false}}"#)
            Issue.record("\(key) accepted")
        } catch { #expect(error.field == key && error.problem.en.contains("assigned by antq")) }
    }
    do { _ = try draft(#"{"type":"log.created","occurred":"2018-05-14","data":{}}"#); Issue.record("log.created accepted") } catch {
        #expect(error.field == "type")
    }
    do { _ = try draft(#"{"type":"tip.sent","occurred":"2018-05-14","unit":"1","data":{}}"#); Issue.record("unknown type accepted") } catch {
        #expect(error.field == "type" && error.problem.en.contains("not an event type"))
    }
    do { _ = try draft(#"{"type":"tip.received","type":"tip.received"}"#); Issue.record("duplicate key accepted") } catch {
        #expect(error.problem.en.contains("appears twice"))
    }
    do { _ = try draft(#"[1,2]"#); Issue.record("array accepted") } catch { #expect(error.problem.en.contains("JSON object")) }
    do { _ = try draft(#"{"type":"tip.received",}"#); Issue.record("trailing comma accepted") } catch { #expect(error.column != nil) }
}

@Test func givenIdsAreUUIDsLowercasedAndUniqueInABatch() throws {
    var b = binhDuong()
    let line = #"{"id":"AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE","type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1}}"#
    let d = try draft(line)
    expectRefused(b, #"{"id":"not-a-uuid","type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1}}"#, field: "id", "is not a UUID")
    #expect(throws: EventProblems.self) { try b.append([d, d]) }
    #expect(b.events.count == 10, "a refused batch appends nothing")
    #expect(try b.append([d]).first?.id == "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
}

@Test func aBatchMayRegisterAUnitAndUseItOnTheNextLine() throws {
    var b = binhDuong()
    let events = try b.append([
        try draft(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#),
        try draft(tip("Phú Mỹ")),
    ])
    #expect(events.map(\.seq) == [11, 12])
    #expect(events[1].unit == "25762")
    #expect(Set(events.map(\.recorded)).count == 1)
}

// MARK: - Models and cameras

@Test func aModelMustExistBeforeItChanges() throws {
    var b = binhDuong()
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "data.model", "does not exist")
    try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    expectRefused(b, #"{"type":"model.changed","occurred":"2017-12-31","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "occurred", "not yet established")
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25760","data":{"model":"club-1","members":20}}"#, field: "unit", "belongs to unit 25747")
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1"}}"#, field: "data", "changes nothing")
    expectRefused(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25760","data":{"model":"club-1","kind":"shock_team","name":"X","members":1}}"#, field: "data.model", "already exists")
    expectAccepted(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#)
}

@Test func aDissolvedModelCannotChange() throws {
    var b = binhDuong()
    try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    try b.add(#"{"type":"model.dissolved","occurred":"2019-01-01","unit":"25747","data":{"model":"club-1"}}"#)
    expectRefused(b, #"{"type":"model.changed","occurred":"2019-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "data.model", "was dissolved")
    expectRefused(b, #"{"type":"model.dissolved","occurred":"2019-06-01","unit":"25747","data":{"model":"club-1"}}"#, field: "data.model", "was dissolved")
    expectAccepted(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#)
}

@Test func moreCamerasThanAUnitHasCannotBeRemoved() throws {
    var b = binhDuong()
    try b.add(#"{"type":"camera.installed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
    expectRefused(b, #"{"type":"camera.removed","occurred":"2018-01-01","unit":"25747","data":{"count":6}}"#, field: "data.count", "has 5")
    expectRefused(b, #"{"type":"camera.removed","occurred":"2017-12-31","unit":"25747","data":{"count":1}}"#, field: "data.count", "has 0")
    expectAccepted(b, #"{"type":"camera.removed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
}

@Test func aRemovalCannotDriveALaterDaysCameraCountBelowZero() throws {
    // 5 installed on 01-01, 5 removed on 03-01: removing 3 on 02-01 (when 5
    // stood) would leave -3 from 03-01 on.
    var b = binhDuong()
    try b.add(#"{"type":"camera.installed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
    try b.add(#"{"type":"camera.removed","occurred":"2018-03-01","unit":"25747","data":{"count":5}}"#)
    expectRefused(b, #"{"type":"camera.removed","occurred":"2018-02-01","unit":"25747","data":{"count":3}}"#, field: "data.count", "-3 cameras on 2018-03-01")
}
