import Decimals
import TextFormats

/// Checks proposed events against the ledger as it stands and turns them
/// into events ready to be written. Accepted events are folded into the
/// validator's own copy of the ledger, so a batch may register a unit (or
/// declare an indicator) on one line and use it on the next.
public struct Validator {
    public internal(set) var ledger: Ledger
    public let projection: LedgerProjection
    /// The last day an event may have occurred on (today in Vietnam, UTC+7).
    public let today: CivilDate
    /// The instant written as `recorded`: antq's own clock, never the user's.
    public let now: UTCInstant
    public let defaultBy: String
    /// Reads a stored event by seq, for amendments of events before this batch.
    let lookup: (Int) throws -> Event?
    /// The events accepted so far, in order, while `retainsAccepted` is true.
    public private(set) var accepted: [Event] = []
    /// Whether `accepted` keeps every event. A streaming batch turns it off so
    /// memory does not grow with the batch; `lookup` must then also find the
    /// events accepted earlier in this batch.
    public var retainsAccepted = true
    private var batchIndex: [Int: Int] = [:]
    /// The ids given so far in this batch (see `GivenIDs`).
    public var givenIDs: any GivenIDs = GivenIDSet()
    /// The id of the draft being built, noted in `givenIDs` once it is accepted.
    private var pendingID: UUIDKey?
    /// Whether the shortcuts of a long batch are used (tests turn them off
    /// to compare). They only skip work whose outcome is already known.
    public var usesFastPaths = true
    /// Per unit code, the days on which a fact may use it.
    var unitWindows: [String: UnitWindow] = [:]
    /// Per unit, its camera days in order.
    var cameraDays: [String: [CameraDay]] = [:]
    /// The reporting months flows are folded into (recomputed after an event that is not a flow).
    private var months: ReportingMonths?
    /// Where ids come from when a draft brings none.
    public var newID: () -> String
    /// How numbers typed by a person are read (`1.234` is 1234 in Vietnamese, 1.234 in English).
    public var vietnameseNumbers = true

    public static let earliest = CivilDate(year: 1945, month: 1, day: 1)!

    public init(ledger: Ledger, projection: LedgerProjection = LedgerProjection(), now: UTCInstant, today: CivilDate,
                defaultBy: String, newID: @escaping () -> String, lookup: @escaping (Int) throws -> Event?) {
        self.ledger = ledger
        self.projection = projection
        self.now = ledger.lastRecorded.map { max($0, now) } ?? now
        self.today = today
        self.defaultBy = defaultBy
        self.newID = newID
        self.lookup = lookup
    }

    public var nextSeq: Int { ledger.lastSeq + 1 }

    /// Validates one draft; on success it becomes part of the batch.
    public mutating func accept(_ draft: EventDraft) throws(EventProblems) -> Event {
        pendingID = nil
        let e = try build(draft)
        if let key = pendingID { givenIDs.insert(key, seq: e.seq) }
        if usesFastPaths && e.type.spec.changesOnlyFlows, let unit = e.unit {
            // What `apply` does for a flow event, without working out the months again.
            if months == nil { months = ReportingMonths(start: projection.start(for: ledger)) }
            LedgerProjection.foldFlow(e.data, unit: unit, month: months!.month(of: e.occurred), sign: 1, into: &ledger.flows)
            ledger.lastSeq = e.seq
            ledger.lastRecorded = e.recorded
        } else {
            projection.apply(e, to: &ledger)
            months = nil
        }
        if usesFastPaths { noteApplied(e) }
        if retainsAccepted {
            batchIndex[e.seq] = accepted.count
            accepted.append(e)
        }
        return e
    }

    func event(_ seq: Int) throws(EventProblems) -> Event? {
        if let i = batchIndex[seq] { return accepted[i] }
        do { return try lookup(seq) } catch let e as EventProblems { throw e } catch {
            throw EventProblems(EventCodingError(field: "data.target", problem: "\(error)"))
        }
    }

    private mutating func build(_ d: EventDraft) throws(EventProblems) -> Event {
        var problems: [EventCodingError] = []
        var id = d.id
        if let typed = id {
            // The same rule for an id from a flag, a batch line or a spreadsheet.
            // Most ids come lowercase already: lowercased (a new text) only when not.
            pendingID = d.idKey ?? UUIDKey(typed)
            let given = pendingID == nil ? typed.lowercased() : typed
            if pendingID == nil { pendingID = UUIDKey(given) }
            if pendingID == nil {
                problems.append(EventCodingError(field: "id", problem: Text("\"\(typed)\" không phải UUID", "\"\(typed)\" is not a UUID"),
                                                 fix: Text("bỏ trống để antq tự cấp", "omit it and antq assigns one")))
            } else if givenIDs.contains(pendingID!) {
                pendingID = nil
                problems.append(EventCodingError(field: "id", problem: Text("\(given) xuất hiện hai lần trong đợt ghi", "\(given) appears twice in this batch"),
                                                 fix: Text("mỗi sự kiện một mã riêng", "every event needs its own id")))
            }
            id = given
        }
        var by = ""
        if d.byIsCanonical, let given = d.by { by = given } else {
            do throws(EventCodingError) { by = try RecorderName.normalise(d.by ?? defaultBy) } catch { problems.append(error) }
        }
        if d.type == .logCreated {
            throw EventProblems(EventCodingError(field: "type", problem: Text("log.created chỉ do 'antq init' ghi một lần", "log.created is written once, by 'antq init'")))
        }
        if d.type.isAmendment {
            guard problems.isEmpty else { throw EventProblems(problems) }
            return try buildAmendment(d, id: id ?? newID(), by: by)
        }
        let occurred = d.occurred
        if let occurred { if let p = dateProblem(occurred, field: "occurred") { problems.append(p) } } else {
            problems.append(EventCodingError(field: "occurred", problem: Text("thiếu ngày xảy ra {field}", "{field}, the day it happened, is missing"),
                                             fix: Text("ghi ngày, ví dụ 14/05/2018", "give the day, e.g. 2018-05-14")))
        }
        var data = d.data
        if data == nil {
            var builder = RecordBuilder(mode: d.fieldMode, vocabularies: ledger.catalogue.vocabularies)
            data = builder.data(d.type, d.fields)
            problems += builder.problems
        }
        var unit: String?
        if let text = d.unit {
            do throws(EventCodingError) {
                if d.type == .unitRegistered { unit = try newUnitCode(text) }
                else if usesFastPaths, let occurred, admits(text, on: occurred) { unit = text }
                else { unit = try resolveUnit(text, field: "unit", on: occurred) }
            } catch { problems.append(error) }
        } else {
            problems.append(EventCodingError(field: "unit", problem: Text("thiếu đơn vị {field}", "{field}, the unit, is missing"),
                                             fix: Text("ghi mã hoặc tên đơn vị", "give the unit's code or name")))
        }
        guard problems.isEmpty, let occurred, let unit, var data else { throw EventProblems(problems) }
        data = try resolveNames(in: data, on: occurred, field: "data")
        let fact = Fact(occurred: occurred, unit: unit, data: data)
        try check(fact, seq: nextSeq, field: "", unitChecked: usesFastPaths && unitWindows[unit]?.admits(occurred) == true, fast: usesFastPaths)
        return Event(seq: nextSeq, id: id ?? newID(), occurred: occurred, recorded: now, unit: unit, by: by, data: data)
    }

    // MARK: - Days and units

    func dateProblem(_ d: CivilDate, field: String) -> EventCodingError? {
        if d < Validator.earliest {
            return EventCodingError(field: field, problem: Text("\(d.formatted(vietnamese: true)) trước năm 1945", "\(d.iso) is before 1945"), fix: Text("kiểm tra năm", "check the year"))
        }
        if d > today {
            return EventCodingError(field: field, problem: Text("\(d.formatted(vietnamese: true)) là ngày trong tương lai (hôm nay là \(today.formatted(vietnamese: true)))", "\(d.iso) is in the future (today is \(today.iso))"),
                                    fix: Text("chỉ ghi sự việc đã xảy ra", "record facts once they have happened"))
        }
        return nil
    }

    func newUnitCode(_ text: String) throws(EventCodingError) -> String {
        guard UnitCode.isValid(text) else {
            throw EventCodingError(field: "unit", problem: Text("\"\(text)\" không phải mã đơn vị", "\"\(text)\" is not a unit code"),
                                   fix: Text("đơn vị mới được ghi bằng mã chính thức, ví dụ 25747", "a new unit is given by its official code, e.g. 25747"))
        }
        if let v = ledger.units.view(text) {
            throw EventCodingError(field: "unit", problem: Text("\(text) đã được đăng ký là \(v.name)", "\(text) is already registered as \(v.name)"),
                                   fix: Text("dùng unit.changed để thay đổi", "use unit.changed to change it"))
        }
        return text
    }

    /// A unit's code from its code or its name as it stood on `day`.
    func resolveUnit(_ text: String, field: String, on day: CivilDate?) throws(EventCodingError) -> String {
        if UnitCode.isValid(text) && ledger.units.contains(text) { return text }
        switch UnitResolver(units: ledger.units).resolve(text, on: day) {
        case .success(let code): return code
        case .failure(.ambiguous(_, let candidates)):
            throw EventCodingError(field: field, problem: Text("\"\(text)\" trùng tên nhiều đơn vị: \(candidates.joined(separator: "; "))",
                                                               "\"\(text)\" matches several units: \(candidates.joined(separator: "; "))"),
                                   fix: Text("ghi mã, hoặc thêm tên đơn vị cấp trên, ví dụ \"\(text), <huyện>\"", "give the code, or qualify the name with its district, e.g. \"\(text), <district>\""))
        case .failure(.ceased(_, let fate)):
            throw EventCodingError(field: field, problem: fate, fix: Text("ghi cho đơn vị đang tồn tại vào ngày đó", "record it under the unit in force that day"))
        case .failure(.unknown(_, let suggestions)):
            let similar = suggestions.isEmpty ? Text("", "") : Text("; gần giống: \(suggestions.joined(separator: "; "))", "; similar: \(suggestions.joined(separator: "; "))")
            throw EventCodingError(field: field, problem: Text("\"\(text)\" không phải đơn vị đã đăng ký", "\"\(text)\" is not a registered unit") + similar,
                                   fix: Text("'antq units' liệt kê các đơn vị", "'antq units' lists the units"))
        }
    }

    /// Unit fields given by name (a parent, a successor) as codes, and a
    /// declared indicator's dimension values as their codes in declared order.
    func resolveNames(in data: EventData, on day: CivilDate, field: String) throws(EventProblems) -> EventData {
        var d = data
        var problems: [EventCodingError] = []
        for f in d.spec.fields where f.kind == .unitCode || f.kind == .parentUnit {
            guard case .text(let t)? = d[f.ref] else { continue }
            do throws(EventCodingError) { d[f.ref] = .text(try resolveUnit(t, field: "\(field).\(f.name)", on: day)) } catch { problems.append(error) }
        }
        if d.type == .indicatorRecorded, let name = d.text(IndicatorRecorded.indicator), let i = ledger.catalogue.indicators[name] {
            var ordered: [NamedValue] = []
            for extra in d.declared where !i.dimensions.contains(where: { $0.name == extra.name }) {
                let names = i.dimensions.map(\.name).joined(separator: ", ")
                problems.append(EventCodingError(field: "\(field).\(extra.name)", problem: Text("{field} không phải chiều của chỉ tiêu \(name)", "{field} is not a dimension of \(name)"),
                                                 fix: Text(names.isEmpty ? "chỉ tiêu không có chiều phân loại" : "các chiều: \(names)", names.isEmpty ? "the indicator has no dimensions" : "its dimensions: \(names)")))
            }
            for dim in i.dimensions {
                guard let given = d.declared.first(where: { $0.name == dim.name })?.value.text else {
                    problems.append(EventCodingError(field: "\(field).\(dim.name)", problem: Text("thiếu {field}, chiều của chỉ tiêu \(name)", "{field} is missing: \(name) is recorded by \(dim.name)"),
                                                     fix: Text("một trong: \(dim.values.map(\.code).joined(separator: ", "))", "one of: \(dim.values.map(\.code).joined(separator: ", "))")))
                    continue
                }
                let vocabulary = Vocabulary(.tipChannel, dim.values)
                if let t = vocabulary.resolve(given) { ordered.append(NamedValue(dim.name, .text(t.code))) } else {
                    problems.append(EventCodingError(field: "\(field).\(dim.name)", problem: Text("{field} \"\(given)\" chưa được khai báo cho \(name)", "{field} \"\(given)\" is not declared for \(name)"),
                                                     fix: Text("một trong: \(dim.values.map(\.code).joined(separator: ", ")); thêm giá trị bằng indicator.changed",
                                                               "one of: \(dim.values.map(\.code).joined(separator: ", ")); add values with indicator.changed")))
                }
            }
            d.setDeclared(ordered)
        }
        guard problems.isEmpty else { throw EventProblems(problems) }
        return d
    }
}
