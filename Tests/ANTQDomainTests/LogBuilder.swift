import Foundation
import Testing
import JSONCodec
import TextFormats
@testable import ANTQDomain

func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

/// The last day events may have occurred on in these tests.
let testToday = day("2025-06-30")

/// Builds a log in memory through the real append path: every draft goes
/// through `Validator` against the ledger of the events so far, and the
/// accepted events are folded with `LedgerProjection`. `recorded` advances
/// one minute per batch.
struct LogBuilder {
    var events: [Event] = []
    var ledger: Ledger
    let projection = LedgerProjection()
    var clock: Int64
    var by = "Nguyễn Văn An"

    init(periodStart: MonthDay = .january1, logID: String = "11111111-2222-4333-8444-555555555555") {
        clock = UTCInstant(date: day("2025-01-01"), hour: 0, minute: 0, second: 0)!.microsecondsSinceEpoch
        let created = Event(seq: 1, id: "00000000-0000-4000-8000-000000000001", occurred: day("2025-01-01"),
                            recorded: UTCInstant(microsecondsSinceEpoch: clock), unit: nil, by: by,
                            data: .logCreated(LogCreated(logID: logID, periodStart: periodStart)))
        ledger = Ledger()
        projection.apply(created, to: &ledger)
        events = [created]
    }

    var now: UTCInstant { UTCInstant(microsecondsSinceEpoch: clock) }

    func validator() -> Validator {
        let snapshot = events
        return Validator(ledger: ledger, projection: projection, now: now, today: testToday, defaultBy: by,
                         lookup: { seq in snapshot.indices.contains(seq - 1) ? snapshot[seq - 1] : nil })
    }

    /// Validates and appends a batch (all or nothing); returns the new events.
    @discardableResult
    mutating func append(_ drafts: [EventDraft]) throws(EventCodingError) -> [Event] {
        clock += 60_000_000
        var v = validator()
        for d in drafts { _ = try v.accept(d) }
        events += v.accepted
        ledger = v.ledger
        return v.accepted
    }

    /// Appends one batch line written as JSON, as `antq append -` reads it.
    @discardableResult
    mutating func add(_ json: String) throws(EventCodingError) -> Event {
        try append([draft(json)])[0]
    }

    /// What a batch line would be rejected for (nil if it is accepted). Nothing is appended.
    func rejection(_ json: String) -> EventCodingError? {
        var v = validator()
        do { _ = try v.accept(try draft(json)) } catch { return error }
        return nil
    }
}

/// A batch line decoded as `antq append -` does.
func draft(_ json: String) throws(EventCodingError) -> EventDraft {
    let bytes = Array(json.utf8)
    return try bytes.withUnsafeBytes { b in Result { () throws(EventCodingError) in try DraftDecoder.decode(b) } }.get()
}

/// A small slice of Bình Dương: the province, three districts, five wards/communes
/// (two of them called Tân Định, in different districts).
func binhDuong() -> LogBuilder {
    var b = LogBuilder()
    let lines = [
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"721","data":{"name":"Bến Cát","kind":"town","parent":"74"}}"#,
        #"{"type":"unit.registered","occurred":"2014-01-01","unit":"726","data":{"name":"Bắc Tân Uyên","kind":"district","parent":"74"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25760","data":{"name":"Hòa Phú","kind":"ward","parent":"718"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25750","data":{"name":"Phú Hòa","kind":"ward","parent":"718"}}"#,
        #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25852","data":{"name":"Tân Định","kind":"ward","parent":"721"}}"#,
        #"{"type":"unit.registered","occurred":"2014-01-01","unit":"25894","data":{"name":"Tân Định","kind":"commune","parent":"726"}}"#,
    ]
    try! b.append(lines.map { try! draft($0) })
    return b
}

/// Expects `json` to be refused, on `field`, with a problem mentioning `words`.
func expectRefused(_ b: LogBuilder, _ json: String, field: String?, _ words: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let e = b.rejection(json)
    #expect(e != nil, "accepted: \(json)", sourceLocation: sourceLocation)
    if let e {
        #expect(e.field == field, "\(e)", sourceLocation: sourceLocation)
        #expect(e.problem.contains(words), "\(e)", sourceLocation: sourceLocation)
    }
}

/// Expects `json` to be accepted (nothing is appended).
func expectAccepted(_ b: LogBuilder, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let e = b.rejection(json)
    #expect(e == nil, "\(e.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
}
