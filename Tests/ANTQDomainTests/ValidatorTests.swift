import Foundation
import Testing
import TextFormats
@testable import ANTQDomain

private func tip(_ unit: String = "25747", occurred: String = "2018-05-14", count: String = "1", extra: String = "") -> String {
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

@Test func aUnitMergedAwayCannotBeUsedFromTheMergerOn() {
    var b = binhDuong()
    try! b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    expectRefused(b, tip("25750", occurred: "2020-01-01"), field: "unit", "was merged into 25747")
    expectAccepted(b, tip("25750", occurred: "2019-12-31"))
    expectAccepted(b, tip("25747", occurred: "2020-01-01"))
}

@Test func unitMergersAreChecked() {
    var b = binhDuong()
    expectRefused(b, #"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25750"}}"#, field: "data.into", "cannot merge into itself")
    expectRefused(b, #"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"88888"}}"#, field: "data.into", "not a registered unit")
    try! b.add(#"{"type":"unit.merged","occurred":"2020-01-01","unit":"25750","data":{"into":"25747"}}"#)
    expectRefused(b, #"{"type":"unit.merged","occurred":"2021-01-01","unit":"25760","data":{"into":"25750"}}"#, field: "data.into", "is itself merged away")
    expectRefused(b, #"{"type":"unit.merged","occurred":"2019-01-01","unit":"25750","data":{"into":"25760"}}"#, field: "unit", "is already merged")
}

@Test func aNewUnitNeedsAFreeCodeAndAKnownParentWithoutCycles() {
    var b = binhDuong()
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25747","data":{"name":"X","kind":"ward","parent":"718"}}"#, field: "unit", "already registered")
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"Phú Mỹ","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#, field: "unit", "is not a unit code")
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"726"}}"#, field: "data.parent", "not a registered unit on 2010-01-01")
    expectRefused(b, #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"25762"}}"#, field: "data.parent", "its own parent")
    expectRefused(b, #"{"type":"unit.changed","occurred":"2010-01-01","unit":"718","data":{"parent":"25747"}}"#, field: "data.parent", "cycle")
    try! b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
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
    #expect((try? draft(tip(occurred: "2018-02-30"))) == nil)
    do { _ = try draft(tip(occurred: "2018-13-01")) } catch { #expect(error.field == "occurred" && error.problem.contains("not a real date")) }
    do { _ = try draft(tip(occurred: "14/05/2018")) } catch { #expect(error.field == "occurred") }
    expectAccepted(b, tip(occurred: "2016-02-29"))
}

@Test func occurredMayNotBeInTheFuture() {
    let b = binhDuong()
    expectRefused(b, tip(occurred: testToday.adding(days: 1).iso), field: "occurred", "in the future")
    expectAccepted(b, tip(occurred: testToday.iso))
}

@Test func occurredMayNotBeBefore1945() {
    var b = LogBuilder()
    try! b.add(#"{"type":"unit.registered","occurred":"1945-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#)
    expectRefused(b, tip("74", occurred: "1944-12-31"), field: "occurred", "before 1945")
    expectAccepted(b, tip("74", occurred: "1945-01-01"))
}

// MARK: - Counts and fields

@Test func countsMustBeWholeNumbersInRange() {
    let b = binhDuong()
    expectRefused(b, tip(count: "0"), field: "data.count", "is 0, outside 1…")
    expectRefused(b, tip(count: "-3"), field: "data.count", "is -3, outside")
    expectRefused(b, tip(count: "9223372036854775808"), field: "data.count", "not a whole number in range")
    expectRefused(b, tip(count: "1e-5"), field: "data.count", "not a whole number in range")
    // 1e400 does not fit a double: the strict JSON scanner refuses the line
    // itself, naming the number and its column (not the field).
    let huge = b.rejection(tip(count: "1e400"))
    #expect(huge?.problem.contains("1e400") == true)
    #expect(huge?.column == 79)
    expectRefused(b, tip(count: "1.5"), field: "data.count", "1.5, not a whole number")
    expectRefused(b, tip(count: "2000000"), field: "data.count", "outside 1…1000000")
    expectRefused(b, tip(count: "\"3\""), field: "data.count", "must be a whole number, found a string")
    expectRefused(b, tip(count: "null"), field: "data.count", "must be a whole number")
    expectAccepted(b, tip(count: "1000000"))
    // Zero is a valid member count.
    expectAccepted(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"shock_team","name":"Đội 1","members":0}}"#)
    expectRefused(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"c1","kind":"shock_team","name":"Đội 1","members":-1}}"#, field: "data.members", "outside 0…")
}

@Test func aCountLeftOutDefaultsToOneWhereTheCatalogueSaysSo() throws {
    var b = binhDuong()
    let e = try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club","valuable":false}}"#)
    #expect(e.data == .tipReceived(count: 1, channel: .club, valuable: false))
    expectRefused(b, #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{}}"#, field: "data.count", "is missing")
}

@Test func unknownFieldsAreRefused() {
    let b = binhDuong()
    expectRefused(b, tip(extra: #","colour":"red""#), field: "data.colour", "is not a field of tip.received")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","colour":"red","data":{"channel":"club","valuable":false}}"#, field: "colour", "is not an envelope field")
}

@Test func missingFieldsAreNamed() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"valuable":false}}"#, field: "data.channel", "is missing")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club"}}"#, field: "data.valuable", "is missing")
    expectRefused(b, #"{"type":"weapon.seized","occurred":"2018-05-14","unit":"25747","data":{"kind":"firearm"}}"#, field: "data.quantity", "is missing")
    expectRefused(b, #"{"type":"tip.received","unit":"25747","data":{"channel":"club","valuable":false}}"#, field: "occurred", "is missing")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","data":{"channel":"club","valuable":false}}"#, field: "unit", "is missing")
}

@Test func wrongTypesAreNamed() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"club","valuable":"yes"}}"#, field: "data.valuable", "must be true or false")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":true,"valuable":true}}"#, field: "data.channel", "must be a string")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"fax","valuable":true}}"#, field: "data.channel", "is not one of: hotline")
    expectRefused(b, #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":[1]}"#, field: "data", "must be an object")
    expectRefused(b, #"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"collective","recipient":"   ","issuer":"province","form":"medal"}}"#, field: "data.recipient", "must not be empty")
}

@Test func batchLinesMayNotSetWhatAntqAssigns() {
    for key in ["seq", "prev", "recorded", "more"] {
        do {
            _ = try draft(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","\#(key)":1,"data":{"channel":"club","valuable":false}}"#)
            Issue.record("\(key) accepted")
        } catch { #expect(error.field == key && error.problem.contains("assigned by antq")) }
    }
    do { _ = try draft(#"{"type":"log.created","occurred":"2018-05-14","data":{}}"#); Issue.record("log.created accepted") } catch {
        #expect(error.field == "type")
    }
    do { _ = try draft(#"{"type":"tip.sent","occurred":"2018-05-14","unit":"1","data":{}}"#); Issue.record("unknown type accepted") } catch {
        #expect(error.field == "type" && error.problem.contains("not an event type"))
    }
    do { _ = try draft(#"{"type":"tip.received","type":"tip.received"}"#); Issue.record("duplicate key accepted") } catch {
        #expect(error.problem.contains("appears twice"))
    }
    do { _ = try draft(#"[1,2]"#); Issue.record("array accepted") } catch { #expect(error.problem.contains("JSON object")) }
    do { _ = try draft(#"{"type":"tip.received",}"#); Issue.record("trailing comma accepted") } catch { #expect(error.column != nil) }
}

@Test func givenIdsAreUUIDsLowercasedAndUniqueInABatch() throws {
    var b = binhDuong()
    let d = try draft(#"{"id":"AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE","type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1}}"#)
    #expect(d.id == "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
    do { _ = try draft(#"{"id":"not-a-uuid","type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1}}"#); Issue.record("bad id accepted") } catch {
        #expect(error.field == "id")
    }
    #expect(throws: EventCodingError.self) { try b.append([d, d]) }
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

@Test func aModelMustExistBeforeItChanges() {
    var b = binhDuong()
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "data.model", "does not exist")
    try! b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    expectRefused(b, #"{"type":"model.changed","occurred":"2017-12-31","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "occurred", "not yet established")
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25760","data":{"model":"club-1","members":20}}"#, field: "unit", "belongs to unit 25747")
    expectRefused(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1"}}"#, field: "data", "changes nothing")
    expectRefused(b, #"{"type":"model.established","occurred":"2018-01-01","unit":"25760","data":{"model":"club-1","kind":"shock_team","name":"X","members":1}}"#, field: "data.model", "already exists")
    expectAccepted(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#)
}

@Test func aDissolvedModelCannotChange() {
    var b = binhDuong()
    try! b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    try! b.add(#"{"type":"model.dissolved","occurred":"2019-01-01","unit":"25747","data":{"model":"club-1"}}"#)
    expectRefused(b, #"{"type":"model.changed","occurred":"2019-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#, field: "data.model", "was dissolved")
    expectRefused(b, #"{"type":"model.dissolved","occurred":"2019-06-01","unit":"25747","data":{"model":"club-1"}}"#, field: "data.model", "was dissolved")
    expectAccepted(b, #"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","members":20}}"#)
}

@Test func moreCamerasThanAUnitHasCannotBeRemoved() {
    var b = binhDuong()
    try! b.add(#"{"type":"camera.installed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
    expectRefused(b, #"{"type":"camera.removed","occurred":"2018-01-01","unit":"25747","data":{"count":6}}"#, field: "data.count", "has 5")
    expectRefused(b, #"{"type":"camera.removed","occurred":"2017-12-31","unit":"25747","data":{"count":1}}"#, field: "data.count", "has 0")
    expectAccepted(b, #"{"type":"camera.removed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
}

@Test func aRemovalCannotDriveALaterDaysCameraCountBelowZero() {
    // 5 installed on 01-01, 5 removed on 03-01: removing 3 on 02-01 (when 5
    // stood) would leave -3 from 03-01 on.
    var b = binhDuong()
    try! b.add(#"{"type":"camera.installed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
    try! b.add(#"{"type":"camera.removed","occurred":"2018-03-01","unit":"25747","data":{"count":5}}"#)
    expectRefused(b, #"{"type":"camera.removed","occurred":"2018-02-01","unit":"25747","data":{"count":3}}"#, field: "data.count", "cameras")
}

// MARK: - Amendments

@Test func amendmentsCannotTargetLogCreated() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"event.retracted","data":{"target":1,"reason":"x"}}"#, field: "data.target", "is log.created")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":1,"reason":"x","data":{"log_id":"y"}}}"#, field: "data.target", "is log.created")
}

@Test func amendmentsCannotTargetAnAmendment() {
    var b = binhDuong()
    let t = try! b.add(tip())
    let c = try! b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":2}}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(c.seq),"reason":"x"}}"#, field: "data.target", "is itself an amendment")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(c.seq),"reason":"x","data":{"count":3}}}"#, field: "data.target", "is itself an amendment")
}

@Test func anEventRetractedOnceCannotBeAmendedAgain() {
    var b = binhDuong()
    let t = try! b.add(tip())
    let r = try! b.add(#"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"trùng"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"x"}}"#, field: "data.target", "already retracted by #\(r.seq)")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":3}}}"#, field: "data.target", "already retracted")
}

@Test func amendmentsCannotTargetThemselvesOrAMissingEvent() {
    let b = binhDuong()
    let next = b.events.count + 1
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(next),"reason":"x"}}"#, field: "data.target", "there is no event #\(next)")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(next + 50),"reason":"x"}}"#, field: "data.target", "there is no event")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":0,"reason":"x"}}"#, field: "data.target", "outside 1…")
}

@Test func aUnitEventOthersDependOnCannotBeRetracted() {
    var b = binhDuong()
    // 718 has wards under it; 25747 has a tip.
    expectRefused(b, #"{"type":"event.retracted","data":{"target":3,"reason":"x"}}"#, field: "data.target", "used by other events")
    let t = try! b.add(tip("25760"))
    expectRefused(b, #"{"type":"event.retracted","data":{"target":7,"reason":"x"}}"#, field: "data.target", "used by other events")
    _ = t
    // A unit nobody uses can be retracted.
    let reg = try! b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    expectAccepted(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#)
}

@Test func aRegistrationCannotBeRetractedWhileTheUnitsOwnLaterEventsStand() {
    var b = binhDuong()
    let reg = try! b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    try! b.add(#"{"type":"unit.changed","occurred":"2012-01-01","unit":"25762","data":{"name":"Phú Mỹ Mới"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#, field: "data.target", "used by other events")
}

@Test func aRegistrationCannotBeRetractedWhileItWasOnceAParent() {
    // 25762 was under 25999 until 2015; nothing is under it now, but the tree of 2012 still needs it.
    var b = binhDuong()
    let reg = try! b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25999","data":{"name":"Tạm","kind":"district","parent":"74"}}"#)
    try! b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"25999"}}"#)
    try! b.add(#"{"type":"unit.changed","occurred":"2015-01-01","unit":"25762","data":{"parent":"718"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#, field: "data.target", "used by other events")
}

@Test func unitEventsCannotBeCorrected() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"event.corrected","data":{"target":5,"reason":"x","data":{"name":"Phú Cường 2"}}}"#, field: "data.target", "unit event, which cannot be corrected")
}

@Test func theCopyOfTheTargetIsAntqsToWrite() {
    var b = binhDuong()
    let t = try! b.add(tip())
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"x","was":{}}}"#, field: "data.was", "filled in by antq")
}

@Test func aCorrectionMustChangeSomethingAndStayValid() {
    var b = binhDuong()
    let t = try! b.add(tip())
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":1}}}"#, field: "data", "changes nothing")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":0}}}"#, field: "data.data.count", "outside 1…")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","occurred":"1930-01-01"}}"#, field: "data.occurred", "before 1945")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","unit":"25894","occurred":"2013-01-01"}}"#, field: "data.unit", "registered on 2014-01-01")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","colour":"red"}}"#, field: "data.colour", "not a field of this amendment")
    expectAccepted(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","unit":"Tân Định, Bắc Tân Uyên","occurred":"2019-01-02"}}"#)
}

@Test func aCorrectionCarriesTheTargetsEffectiveFactAsWas() throws {
    var b = binhDuong()
    let t = try b.add(tip(count: "2"))
    let c1 = try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":3}}}"#)
    let c2 = try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"y","unit":"25760"}}"#)
    guard case .corrected(let first) = c1.data, case .corrected(let second) = c2.data else { Issue.record("not corrections"); return }
    #expect(first.was == t.fact)
    #expect(second.was == first.replacement)
    #expect(second.replacement.data == .tipReceived(count: 3, channel: .hotline, valuable: true))
    #expect(second.replacement.unit == "25760")
    let r = try b.add(#"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"z"}}"#)
    guard case .retracted(let x) = r.data else { Issue.record("not a retraction"); return }
    #expect(x.was == second.replacement)
}

@Test func aModelEventCannotBeMovedToAnotherUnitOrModel() {
    var b = binhDuong()
    let m = try! b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"x","unit":"25760"}}"#, field: "data.unit", "another unit")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"x","data":{"model":"club-2"}}}"#, field: "data.data.model", "another model")
}

@Test func aCorrectionCannotMoveAnEstablishmentAfterTheModelsLaterEvents() {
    var b = binhDuong()
    let m = try! b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    try! b.add(#"{"type":"model.dissolved","occurred":"2019-01-01","unit":"25747","data":{"model":"club-1"}}"#)
    // Established after its own dissolution, the club would count as active from 2020 on.
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"x","occurred":"2020-01-01"}}"#, field: "data.occurred", "has an event on 2019-01-01")
}

@Test func anEstablishmentCanBeCorrectedAfterTheModelChanged() throws {
    var b = binhDuong()
    let m = try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    try b.add(#"{"type":"model.changed","occurred":"2018-06-01","unit":"25747","data":{"model":"club-1","name":"CLB Phú Cường"}}"#)
    expectAccepted(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"sai số thành viên","data":{"members":15}}}"#)
    expectAccepted(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"sai ngày","occurred":"2018-05-31"}}"#)
}

@Test func anInstallationCannotBeLoweredOrRetractedBelowLaterRemovals() throws {
    var b = binhDuong()
    let first = try b.add(#"{"type":"camera.installed","occurred":"2018-01-01","unit":"25747","data":{"count":5}}"#)
    try b.add(#"{"type":"camera.installed","occurred":"2019-01-01","unit":"25747","data":{"count":10}}"#)
    try b.add(#"{"type":"camera.removed","occurred":"2018-06-01","unit":"25747","data":{"count":5}}"#)
    // At the end of the log 10 would remain, but on 2018-06-01 the count would be -5.
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(first.seq),"reason":"x"}}"#, field: "data.target", "-5 on 2018-06-01")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(first.seq),"reason":"x","data":{"count":2}}}"#, field: "data.data.count", "-3 cameras on 2018-06-01")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(first.seq),"reason":"x","occurred":"2018-07-01"}}"#, field: "data.data.count", "on 2018-06-01")
    expectAccepted(b, #"{"type":"event.corrected","data":{"target":\#(first.seq),"reason":"x","data":{"count":6}}}"#)
}

@Test func aUnitWhoseOnlyUseWasRetractedCanBeRetractedWithOrWithoutASnapshot() throws {
    var b = binhDuong()
    let reg = try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    let t = try b.add(tip("25762"))
    try b.add(#"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"nhầm đơn vị"}}"#)
    // The decision must not depend on whether the ledger came from a replay or a snapshot.
    let retract = #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#
    var fromSnapshot = b
    fromSnapshot.ledger = try LedgerCodec.decode(LedgerCodec.encode(b.ledger))
    #expect((b.rejection(retract) == nil) == (fromSnapshot.rejection(retract) == nil))
    expectAccepted(b, retract)
}
