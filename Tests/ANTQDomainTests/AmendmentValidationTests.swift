import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Testing
import TextFormats

// Corrections and retractions (the "Amendments" part of the old ValidatorTests).

@Test func amendmentsCannotTargetLogCreated() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"event.retracted","data":{"target":1,"reason":"x"}}"#, field: "data.target", "is log.created")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":1,"reason":"x","data":{"log_id":"y"}}}"#, field: "data.target", "is log.created")
}

@Test func amendmentsCannotTargetAnAmendment() throws {
    var b = binhDuong()
    let t = try b.add(tip())
    let c = try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":2}}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(c.seq),"reason":"x"}}"#, field: "data.target", "is itself an amendment")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(c.seq),"reason":"x","data":{"count":3}}}"#, field: "data.target", "is itself an amendment")
}

@Test func anEventRetractedOnceCannotBeAmendedAgain() throws {
    var b = binhDuong()
    let t = try b.add(tip())
    let r = try b.add(#"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"trùng"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"x"}}"#, field: "data.target", "already retracted by #\(r.seq)")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":3}}}"#, field: "data.target", "already retracted")
}

@Test func amendmentsCannotTargetThemselvesOrAMissingEvent() {
    let b = binhDuong()
    let next = b.events.count + 1
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(next),"reason":"x"}}"#, field: "data.target", "there is no event #\(next)")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(next + 50),"reason":"x"}}"#, field: "data.target", "there is no event")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":0,"reason":"x"}}"#, field: "data.target", "is not an event's seq")
    expectRefused(b, #"{"type":"event.retracted","data":{"target":3}}"#, field: "data.reason", "is missing")
}

@Test func aUnitEventOthersDependOnCannotBeRetracted() throws {
    var b = binhDuong()
    // 718 (seq 3) has wards under it; 25760 (seq 7) gets a tip.
    expectRefused(b, #"{"type":"event.retracted","data":{"target":3,"reason":"x"}}"#, field: "data.target", "used by other events")
    try b.add(tip("25760"))
    expectRefused(b, #"{"type":"event.retracted","data":{"target":7,"reason":"x"}}"#, field: "data.target", "used by other events")
    // A unit nobody uses can be retracted.
    let reg = try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    expectAccepted(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#)
}

@Test func aRegistrationCannotBeRetractedWhileTheUnitsOwnLaterEventsStand() throws {
    var b = binhDuong()
    let reg = try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"718"}}"#)
    try b.add(#"{"type":"unit.changed","occurred":"2012-01-01","unit":"25762","data":{"name":"Phú Mỹ Mới"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#, field: "data.target", "used by other events")
}

@Test func aRegistrationCannotBeRetractedWhileItWasOnceAParent() throws {
    // 25762 was under 25999 until 2015; nothing is under it now, but the tree of 2012 still needs it.
    var b = binhDuong()
    let reg = try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25999","data":{"name":"Tạm","kind":"district","parent":"74"}}"#)
    try b.add(#"{"type":"unit.registered","occurred":"2010-01-01","unit":"25762","data":{"name":"Phú Mỹ","kind":"ward","parent":"25999"}}"#)
    try b.add(#"{"type":"unit.changed","occurred":"2015-01-01","unit":"25762","data":{"parent":"718"}}"#)
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(reg.seq),"reason":"nhầm"}}"#, field: "data.target", "used by other events")
}

@Test func unitEventsCannotBeCorrected() {
    let b = binhDuong()
    expectRefused(b, #"{"type":"event.corrected","data":{"target":5,"reason":"x","data":{"name":"Phú Cường 2"}}}"#, field: "data.target", "unit event, which cannot be corrected")
}

@Test func theCopyOfTheTargetIsAntqsToWrite() throws {
    var b = binhDuong()
    let t = try b.add(tip())
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"x","was":{}}}"#, field: "data.was", "filled in by antq")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","was":{},"data":{"count":2}}}"#, field: "data.was", "filled in by antq")
}

@Test func aCorrectionMustChangeSomethingAndStayValid() throws {
    var b = binhDuong()
    let t = try b.add(tip())
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":1}}}"#, field: "data", "changes nothing")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":0}}}"#, field: "data.data.count", "outside 1…")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","occurred":"1930-01-01"}}"#, field: "data.occurred", "before 1945")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","unit":"25894","occurred":"2013-01-01"}}"#, field: "data.unit", "registered on 2014-01-01")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","colour":"red"}}"#, field: "data.colour", "not a field of this amendment")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"colour":"red"}}}"#, field: "data.data.colour", "is not a field of tip.received")
    expectAccepted(b, #"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","unit":"Tân Định, Bắc Tân Uyên","occurred":"2019-01-02"}}"#)
}

@Test func aCorrectionCarriesTheTargetsEffectiveFactAsWas() throws {
    var b = binhDuong()
    let t = try b.add(tip(count: "2"))
    let c1 = try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"x","data":{"count":3}}}"#)
    let c2 = try b.add(#"{"type":"event.corrected","data":{"target":\#(t.seq),"reason":"y","unit":"25760"}}"#)
    let first = try #require(c1.data.correction), second = try #require(c2.data.correction)
    #expect(first.was == t.fact)
    #expect(second.was == first.replacement)
    #expect(second.replacement.data == EventData(.tipReceived, ["count": .int(3), "channel": .text("hotline"), "valuable": .bool(true)]))
    #expect(second.replacement.unit == "25760")
    let r = try b.add(#"{"type":"event.retracted","data":{"target":\#(t.seq),"reason":"z"}}"#)
    let x = try #require(r.data.retraction)
    #expect(x.was == second.replacement)
    #expect(r.unit == "25760", "a retraction is filed under the unit of what it takes back")
}

@Test func aModelEventCannotBeMovedToAnotherUnitOrModel() throws {
    var b = binhDuong()
    let m = try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"x","unit":"25760"}}"#, field: "data.unit", "another unit")
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(m.seq),"reason":"x","data":{"model":"club-2"}}}"#, field: "data.data.model", "another model")
}

@Test func aCorrectionCannotMoveAnEstablishmentAfterTheModelsLaterEvents() throws {
    var b = binhDuong()
    let m = try b.add(#"{"type":"model.established","occurred":"2018-01-01","unit":"25747","data":{"model":"club-1","kind":"crime_prevention_club","name":"CLB 1","members":12}}"#)
    try b.add(#"{"type":"model.dissolved","occurred":"2019-01-01","unit":"25747","data":{"model":"club-1"}}"#)
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
    expectRefused(b, #"{"type":"event.retracted","data":{"target":\#(first.seq),"reason":"x"}}"#, field: "data.target", "-5 cameras on 2018-06-01")
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
    fromSnapshot.ledger = try snapshotRoundTrip(b.ledger)
    #expect(fromSnapshot.ledger == b.ledger)
    #expect((b.rejection(retract) == nil) == (fromSnapshot.rejection(retract) == nil))
    expectAccepted(b, retract)
}
