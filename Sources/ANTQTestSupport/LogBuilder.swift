import ANTQCodec
import ANTQDomain
import TextFormats

public func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

/// The last day events may have occurred on in the generated logs.
public let testToday = day("2025-06-30")

/// Builds a log in memory through the real append path: every draft goes
/// through `Validator` against the ledger of the events so far, and the
/// accepted events are folded with `LedgerProjection`. `recorded` advances
/// one minute per batch.
public struct LogBuilder {
    public var events: [Event] = []
    public var ledger: Ledger
    public let projection = LedgerProjection()
    public var clock: Int64
    public var by = "Nguyễn Văn An"
    private var ids = 1

    public init(periodStart: MonthDay = .january1, logID: String = "11111111-2222-4333-8444-555555555555") {
        clock = UTCInstant(date: day("2025-01-01"), hour: 0, minute: 0, second: 0)!.microsecondsSinceEpoch
        let created = Event(seq: 1, id: UUIDText.test(1), occurred: day("2025-01-01"),
                            recorded: UTCInstant(microsecondsSinceEpoch: clock), unit: nil, by: by,
                            data: LogCreated(logID: logID, periodStart: periodStart).data)
        ledger = Ledger()
        projection.apply(created, to: &ledger)
        events = [created]
    }

    public var now: UTCInstant { UTCInstant(microsecondsSinceEpoch: clock) }

    /// A validator over the log so far; ids it draws for drafts without one
    /// continue the builder's own numbering.
    public func validator() -> Validator {
        let snapshot = events
        let box = Counter(start: 1_000_000 + events.count * 10)
        return Validator(ledger: ledger, projection: projection, now: now, today: testToday, defaultBy: by,
                         newID: { box.next() },
                         lookup: { seq in snapshot.indices.contains(seq - 1) ? snapshot[seq - 1] : nil })
    }

    /// Validates and appends a batch (all or nothing); returns the new events.
    @discardableResult
    public mutating func append(_ drafts: [EventDraft]) throws(EventProblems) -> [Event] {
        clock += 60_000_000
        var v = validator()
        for d in drafts { _ = try v.accept(d) }
        events += v.accepted
        ledger = v.ledger
        return v.accepted
    }

    /// Appends one batch line written as JSON, as `antq append -` reads it.
    @discardableResult
    public mutating func add(_ json: String) throws(EventProblems) -> Event {
        let d: EventDraft
        do { d = try draft(json) } catch { throw EventProblems(error) }
        return try append([d])[0]
    }

    /// What a batch line would be rejected for (nil if it is accepted). Nothing is appended.
    public func rejection(_ json: String) -> EventProblems? {
        var v = validator()
        do { _ = try v.accept(try draft(json)) } catch let e as EventProblems { return e } catch let e as EventCodingError {
            return EventProblems(e)
        } catch { return EventProblems(EventCodingError(field: nil, problem: "\(error)")) }
        return nil
    }

    /// Takes over what a validator accepted (already validated and folded).
    public mutating func adopt(_ v: Validator) {
        events += v.accepted
        ledger = v.ledger
    }
}

/// Numbers ids for a validator (a class: the validator's closure escapes).
final class Counter: @unchecked Sendable {
    private var n: Int
    init(start: Int) { n = start }
    func next() -> String { n += 1; return UUIDText.test(n) }
}

/// A batch line decoded as `antq append -` does.
public func draft(_ json: String) throws(EventCodingError) -> EventDraft {
    try DraftReader.read(Array(json.utf8))
}

/// A small slice of Bình Dương: the province, three districts, five wards/communes
/// (two of them called Tân Định, in different districts).
public func binhDuong() -> LogBuilder {
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
