import JSONCodec
import TextFormats

/// Checks proposed events against the ledger as it stands and turns them
/// into events ready to be written. Accepted events are folded into the
/// validator's own copy of the ledger, so a batch may register a unit on
/// one line and use it on the next.
public struct Validator {
    public private(set) var ledger: Ledger
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
    /// events accepted earlier in this batch (they are in the log file, not yet committed).
    public var retainsAccepted = true
    private var batchIndex: [Int: Int] = [:]
    private var batchIDs: Set<String> = []
    private var uuids = UUIDSource()
    /// Whether the shortcuts below are used (tests turn them off to compare).
    /// They only skip work whose outcome is already known; every rejection
    /// still goes through the general code and its message.
    public var usesFastPaths = true
    /// Per unit code, the days on which a flow or camera event may use it.
    private var unitWindows: [String: UnitWindow] = [:]
    /// Per unit, its camera days in order (the ledger keeps them unordered).
    private var cameraDays: [String: [CameraDay]] = [:]
    /// The reporting-year start the flow table is folded with (it changes
    /// only with log.created; recomputed after any event that is not a flow).
    private var flowStart: MonthDay?
    /// Where ids come from when a draft brings none (tests inject a fixed one).
    public var newID: (() -> String)?

    public static let earliest = CivilDate(year: 1945, month: 1, day: 1)!

    public init(ledger: Ledger, projection: LedgerProjection = LedgerProjection(), now: UTCInstant, today: CivilDate,
                defaultBy: String, lookup: @escaping (Int) throws -> Event?) {
        self.ledger = ledger
        self.projection = projection
        self.now = ledger.lastRecorded.map { max($0, now) } ?? now
        self.today = today
        self.defaultBy = defaultBy
        self.lookup = lookup
    }

    public var nextSeq: Int { ledger.lastSeq + 1 }

    /// Validates one draft; on success it becomes part of the batch.
    public mutating func accept(_ draft: EventDraft) throws(EventCodingError) -> Event {
        do {
            let e = try build(draft)
            if usesFastPaths && LedgerProjection.changesOnlyFlows(e.type) {
                // What `apply` does for a flow event, without working out the
                // reporting-year start again for every line.
                if flowStart == nil { flowStart = projection.start(for: ledger) }
                LedgerProjection.foldFlow(occurred: e.occurred, unit: e.unit, data: e.data, start: flowStart!, into: &ledger.flows)
                ledger.lastSeq = e.seq
                ledger.lastRecorded = e.recorded
            } else {
                projection.apply(e, to: &ledger)
                flowStart = nil
            }
            if usesFastPaths { noteApplied(e) }
            if retainsAccepted {
                batchIndex[e.seq] = accepted.count
                accepted.append(e)
            }
            return e
        } catch let e as EventCodingError {
            throw e
        } catch {
            throw EventCodingError(field: nil, problem: "\(error)")
        }
    }

    private func event(_ seq: Int) throws -> Event? {
        if let i = batchIndex[seq] { return accepted[i] }
        return try lookup(seq)
    }

    private mutating func build(_ d: EventDraft) throws -> Event {
        var id = d.id
        if let typed = id {
            // The same rule for an id from a flag, a batch line or a spreadsheet.
            let given = typed.lowercased()
            guard UUIDText.isCanonical(given) else {
                throw EventCodingError(field: "id", problem: "\"\(typed)\" is not a UUID", fix: "omit it and antq assigns one")
            }
            id = given
            guard batchIDs.insert(given).inserted else {
                throw EventCodingError(field: "id", problem: "\(given) appears twice in this batch", fix: "every event needs its own id")
            }
        } else {
            id = newID?() ?? uuids.next()
        }
        let by: String
        if d.byIsCanonical, let given = d.by { by = given } else { by = try RecorderName.normalise(d.by ?? defaultBy) }
        if d.type.isAmendment { return try buildAmendment(d, id: id!, by: by) }
        guard let occurred = d.occurred else { throw EventCodingError(field: "occurred", problem: "is missing", fix: "give the day it happened, YYYY-MM-DD") }
        try checkDate(occurred, field: "occurred")
        guard let unitText = d.unit else { throw EventCodingError(field: "unit", problem: "is missing", fix: "give the unit's code or name") }
        let data = try d.data ?? DataDecoder.decode(d.type, d.fields, path: "data", mode: d.fieldMode)
        let unit: String
        var unitChecked = false
        if d.type == .unitRegistered {
            unit = try newUnitCode(unitText)
        } else if usesFastPaths && admits(unitText, on: occurred) {
            // A registered code, in force and not merged away on that day:
            // resolving it and the unit checks below would both pass.
            unit = unitText
            unitChecked = true
        } else {
            unit = try resolveUnit(unitText, field: "unit")
        }
        let fact = Fact(occurred: occurred, unit: unit, data: data)
        try check(fact, seq: nextSeq, field: "", unitChecked: unitChecked, fast: usesFastPaths)
        return Event(seq: nextSeq, id: id!, occurred: occurred, recorded: now, unit: unit, by: by, data: data)
    }

    // MARK: - Facts

    func checkDate(_ d: CivilDate, field: String) throws {
        if d < Validator.earliest {
            throw EventCodingError(field: field, problem: "\(d.iso) is before 1945", fix: "check the year")
        }
        if d > today {
            throw EventCodingError(field: field, problem: "\(d.iso) is in the future (today is \(today.iso))", fix: "record facts once they have happened")
        }
    }

    func newUnitCode(_ text: String) throws -> String {
        guard UnitCode.isValid(text) else {
            throw EventCodingError(field: "unit", problem: "\"\(text)\" is not a unit code", fix: "a new unit is given by its official code, e.g. 25747")
        }
        if let v = ledger.units.view(text) {
            throw EventCodingError(field: "unit", problem: "\(text) is already registered as \(v.name)", fix: "use unit.changed to change it")
        }
        return text
    }

    func resolveUnit(_ text: String, field: String) throws -> String {
        // The common case, a registered code as is: nothing to trim or
        // normalise (ASCII), so the resolver would return it unchanged.
        if UnitCode.isValid(text) && ledger.units.contains(text) { return text }
        switch UnitResolver(units: ledger.units).resolve(text) {
        case .success(let code): return code
        case .failure(.ambiguous(_, let candidates)):
            throw EventCodingError(field: field, problem: "\"\(text)\" matches several units: \(candidates.joined(separator: "; "))",
                                   fix: "give the code, or qualify the name with its district, e.g. \"\(text), <district>\"")
        case .failure(.unknown(_, let suggestions)):
            throw EventCodingError(field: field, problem: "\"\(text)\" is not a registered unit"
                                   + (suggestions.isEmpty ? "" : "; similar: \(suggestions.joined(separator: "; "))"),
                                   fix: "'antq units' lists the units; register a new one with unit.registered")
        }
    }

    /// Rules that depend on the ledger, for a fact as it would stand.
    ///
    /// - Parameter unitChecked: the unit is known to pass the unit checks
    ///   (`admits`), so they are skipped.
    /// - Parameter fast: the fact is a new event checked against this
    ///   validator's own ledger, so the camera cache may answer.
    mutating func check(_ f: Fact, seq: Int, field prefix: String, unitChecked: Bool = false, fast: Bool = false) throws {
        let unitField = prefix.isEmpty ? "unit" : "\(prefix).unit"
        let dataField = prefix.isEmpty ? "data" : "\(prefix).data"
        let occurredField = prefix.isEmpty ? "occurred" : "\(prefix).occurred"
        guard let unit = f.unit else { return }
        if f.type != .unitRegistered && !unitChecked {
            guard let v = ledger.units.view(unit) else {
                throw EventCodingError(field: unitField, problem: "\(unit) is not a registered unit", fix: "'antq units' lists the units")
            }
            guard ledger.units.view(unit, on: f.occurred) != nil else {
                throw EventCodingError(field: unitField, problem: "\(unit) \(v.name) was registered on \(v.registered.iso), after \(f.occurred.iso)",
                                       fix: "check the date, or the unit")
            }
            if let merged = ledger.units.view(unit, on: f.occurred)?.mergedInto {
                throw EventCodingError(field: unitField, problem: "\(unit) \(v.name) was merged into \(merged) on \(v.mergedOn?.iso ?? "?")",
                                       fix: "record it under the successor unit \(merged)")
            }
        }
        switch f.data {
        case .unitRegistered(_, _, let parent):
            if let parent { try checkParent(parent, of: unit, on: f.occurred, field: "\(dataField).parent") }
        case .unitChanged(_, _, let parent):
            if let p = parent, let p { try checkParent(p, of: unit, on: f.occurred, field: "\(dataField).parent") }
        case .unitMerged(let into):
            guard into != unit else { throw EventCodingError(field: "\(dataField).into", problem: "a unit cannot merge into itself",
                                                              fix: "give the code of the unit it merged into") }
            guard let iv = ledger.units.view(into, on: f.occurred) else {
                throw EventCodingError(field: "\(dataField).into", problem: "\(into) is not a registered unit on \(f.occurred.iso)", fix: "register the successor first")
            }
            if iv.mergedInto != nil { throw EventCodingError(field: "\(dataField).into", problem: "\(into) is itself merged away",
                                                               fix: "give the unit it was merged into, \(iv.mergedInto ?? "")") }
            if ledger.units.view(unit)?.mergedInto != nil {
                throw EventCodingError(field: unitField, problem: "\(unit) is already merged", fix: "a unit is merged once; check the unit code")
            }
        case .modelEstablished(let model, _, _, _):
            if let r = ledger.models.record(model) {
                // When a correction is checked, the target's own entry is already
                // taken out: the model's later changes are not "another" model.
                if r.entries.contains(where: { $0.seq != seq && $0.change.type == .modelEstablished }) {
                    throw EventCodingError(field: "\(dataField).model", problem: "model \(model) already exists (in unit \(r.unit))",
                                           fix: "choose a new id, or use model.changed")
                }
                if let first = r.entries.first(where: { $0.seq != seq }), first.occurred < f.occurred {
                    throw EventCodingError(field: occurredField, problem: "model \(model) has an event on \(first.occurred.iso), before \(f.occurred.iso)",
                                           fix: "a model is established before it changes or is dissolved")
                }
            }
        case .modelChanged(let model, _, _, _), .modelDissolved(let model, _):
            guard let r = ledger.models.record(model) else {
                throw EventCodingError(field: "\(dataField).model", problem: "model \(model) does not exist", fix: "establish it first with model.established")
            }
            guard r.unit == unit else {
                throw EventCodingError(field: unitField, problem: "model \(model) belongs to unit \(r.unit), not \(unit)",
                                       fix: "give unit \(r.unit)")
            }
            // A correction re-checks its target: look at the model without it.
            var models = ledger.models
            if r.entries.contains(where: { $0.seq == seq }) {
                models.remove(Fact(occurred: f.occurred, unit: unit, data: f.data), seq: seq)
            }
            guard let v = models.view(model, on: f.occurred) else {
                throw EventCodingError(field: occurredField, problem: "model \(model) was not yet established on \(f.occurred.iso)",
                                       fix: "check the date, or establish the model first")
            }
            guard v.active else {
                throw EventCodingError(field: "\(dataField).model", problem: "model \(model) was dissolved before \(f.occurred.iso)",
                                       fix: "a dissolved model cannot change; establish a new one")
            }
        case .cameraRemoved(let n):
            if fast && camerasStayNonNegative(unit, removing: n, on: f.occurred) { break }
            let have = ledger.models.cameraCount(unit, on: f.occurred)
            if n > have {
                throw EventCodingError(field: "\(dataField).count", problem: "removes \(n) cameras but unit \(unit) has \(have) on \(f.occurred.iso)",
                                       fix: "check the count, the unit and the date")
            }
            try checkCamerasNeverNegative(with: f, seq: seq, field: "\(dataField).count")
        case .cameraInstalled(let n):
            if fast && camerasStayNonNegative(unit, removing: -n, on: f.occurred) { break }
            // A correction may lower or postpone an installation that later removals count on.
            try checkCamerasNeverNegative(with: f, seq: seq, field: "\(dataField).count")
        default:
            break
        }
    }

    func checkParent(_ parent: String, of unit: String, on day: CivilDate, field: String) throws {
        guard parent != unit else { throw EventCodingError(field: field, problem: "a unit cannot be its own parent",
                                                                       fix: "give the code of the unit above it, or null") }
        guard let pv = ledger.units.view(parent, on: day) else {
            throw EventCodingError(field: field, problem: "\(parent) is not a registered unit on \(day.iso)", fix: "register the parent first")
        }
        if pv.mergedInto != nil { throw EventCodingError(field: field, problem: "\(parent) \(pv.name) is merged away",
                                                             fix: "give its successor, \(pv.mergedInto ?? "")") }
        if ledger.units.ancestors(parent, on: day).contains(unit) {
            throw EventCodingError(field: field, problem: "\(parent) is below \(unit): the tree would have a cycle",
                                   fix: "check the parent code")
        }
    }

    // MARK: - Amendments

    private func buildAmendment(_ d: EventDraft, id: String, by: String) throws -> Event {
        var r = FieldReader(d.fields, path: "data", mode: d.fieldMode)
        let target = try r.int("target", min: 1, max: Int(Int32.max))
        let reason = try r.requiredString("reason", maxLength: 1000)
        if r.raw("was") != nil {
            throw EventCodingError(field: "data.was", problem: "is filled in by antq", fix: "remove it")
        }
        guard target < nextSeq, let targetEvent = try event(target) else {
            throw EventCodingError(field: "data.target", problem: "there is no event #\(target) (the log ends at #\(nextSeq - 1))",
                                   fix: "check the seq: 'antq log' lists the events")
        }
        let verb = d.type == .eventCorrected ? "corrected" : "retracted"
        if targetEvent.type == .logCreated {
            throw EventCodingError(field: "data.target", problem: "#\(target) is log.created, which cannot be \(verb)",
                                   fix: "check the seq: 'antq log' lists the events")
        }
        if targetEvent.type.isAmendment {
            let original: Int
            switch targetEvent.data {
            case .corrected(let c): original = c.target
            case .retracted(let x): original = x.target
            default: original = target
            }
            throw EventCodingError(field: "data.target", problem: "#\(target) is itself an amendment (\(targetEvent.type.rawValue))",
                                   fix: "amend the original event #\(original) instead")
        }
        if let by = ledger.amendments.retractions[target] {
            throw EventCodingError(field: "data.target", problem: "#\(target) was already retracted by #\(by)",
                                   fix: "a retracted event stays retracted; if the fact did happen, record it again as a new event")
        }
        let source = ledger.amendments.effectiveSource(of: target)
        var was = targetEvent.fact
        if source != target, let s = try event(source), case .corrected(let c) = s.data { was = c.replacement }
        let occurred = d.occurred ?? today
        try checkDate(occurred, field: "occurred")
        if d.type == .eventRetracted {
            try r.rejectUnknownAmendment(["target", "reason"])
            try checkRetractable(was, target: target)
            return Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: was.unit, by: by,
                         data: .retracted(Retraction(target: target, reason: reason, was: was)))
        }
        guard targetEvent.type.isCorrectable else {
            throw EventCodingError(field: "data.target", problem: "#\(target) is a unit event, which cannot be corrected",
                                   fix: "record the change with unit.changed, or retract it if nothing depends on it")
        }
        // The replacement: what the target should have said.
        var newOccurred = was.occurred
        if let text = try r.string("occurred", required: false, maxLength: 10) {
            guard let day = CivilDate(iso: text) ?? CivilDate(dayMonthYear: text) else {
                throw EventCodingError(field: "data.occurred", problem: "\"\(text)\" is not a real date", fix: "write YYYY-MM-DD")
            }
            newOccurred = day
        }
        try checkDate(newOccurred, field: "data.occurred")
        var newUnit = was.unit
        if let text = try r.string("unit", required: false, maxLength: 200) {
            newUnit = try resolveUnit(text, field: "data.unit")
        }
        var merged = FactFields.fields(of: was.data)
        if let given = try r.object("data") {
            for f in given {
                if let i = merged.firstIndex(where: { $0.key == f.key }) { merged[i] = f } else { merged.append(f) }
            }
        }
        try r.rejectUnknownAmendment(["target", "reason", "occurred", "unit", "data"])
        let mode: FieldMode = d.fieldMode == .flags ? .flags : .input
        let newData = try DataDecoder.decode(was.type, merged, path: "data.data", mode: mode)
        if was.type.isModelEvent {
            if newData.modelID != was.data.modelID {
                throw EventCodingError(field: "data.data.model", problem: "a correction cannot move an event to another model",
                                       fix: "retract it and record the event for the right model")
            }
            if newUnit != was.unit {
                throw EventCodingError(field: "data.unit", problem: "a correction cannot move a model event to another unit",
                                       fix: "retract it and record the event under the right unit")
            }
        }
        let replacement = Fact(occurred: newOccurred, unit: newUnit, data: newData)
        if replacement == was {
            throw EventCodingError(field: "data", problem: "the correction changes nothing in #\(target)", fix: "give the field that was wrong, e.g. --count 3")
        }
        var probe = self
        // The replacement is checked as if the target were gone. For a flow
        // fact that changes only the flow table, which `check` never reads
        // for a flow fact: the ledger as it stands answers the same.
        if !(usesFastPaths && LedgerProjection.changesOnlyFlows(was.type)) {
            projection.apply(Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: was.unit, by: by,
                                   data: .retracted(Retraction(target: target, reason: reason, was: was))), to: &probe.ledger)
        }
        try probe.check(replacement, seq: target, field: "data")
        return Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: newUnit, by: by,
                     data: .corrected(Correction(target: target, reason: reason, replacement: replacement, was: was)))
    }

    func checkRetractable(_ was: Fact, target: Int) throws {
        guard let unit = was.unit else { return }
        switch was.data {
        case .unitRegistered:
            if ledger.units.views().contains(where: { $0.parent == unit || $0.mergedInto == unit })
                || unitHistoryMentions(unit)
                || ledger.flows.rows.keys.contains(where: { $0.unit == unit })
                || ledger.models.allRecords.contains(where: { $0.unit == unit })
                || ledger.models.cameras[unit] != nil {
                throw EventCodingError(field: "data.target", problem: "unit \(unit) is used by other events",
                                       fix: "retract those first, or record the change with unit.changed")
            }
        case .modelEstablished(let model, _, _, _):
            if let r = ledger.models.record(model), r.entries.count > 1 {
                throw EventCodingError(field: "data.target", problem: "model \(model) has later events (#\(r.entries.filter { $0.seq != target }.map { String($0.seq) }.joined(separator: ", #")))",
                                       fix: "retract those first")
            }
        case .cameraInstalled(let n):
            var probe = ledger.models
            probe.remove(was, seq: target)
            if let (day, count) = Validator.firstNegativeCameraDay(unit, probe) {
                throw EventCodingError(field: "data.target", problem: "retracting \(n) cameras would leave unit \(unit) with \(count) on \(day.iso)",
                                       fix: "retract the later removals first")
            }
        default:
            break
        }
    }
}

extension Validator {
    /// A camera count is a running sum over days: a removal (or a lowered
    /// installation) must leave it non-negative on every later day too, not
    /// only on its own day — removals recorded earlier may be dated later.
    func checkCamerasNeverNegative(with f: Fact, seq: Int, field: String) throws {
        guard let unit = f.unit else { return }
        var probe = ledger.models
        probe.add(f, seq: seq)
        if let (day, count) = Validator.firstNegativeCameraDay(unit, probe) {
            throw EventCodingError(field: field, problem: "unit \(unit) would have \(count) cameras on \(day.iso)",
                                   fix: "check the count and the day against the unit's other camera events")
        }
    }

    static func firstNegativeCameraDay(_ unit: String, _ models: ModelRegistry) -> (CivilDate, Int)? {
        var running = 0
        for (day, n) in (models.cameras[unit] ?? [:]).sorted(by: { $0.key < $1.key }) {
            running += n
            if running < 0 { return (CivilDate(dayNumber: Int(day)), running) }
        }
        return nil
    }

    /// Whether any unit event still standing needs `unit` registered: its own
    /// later changes and merger, or another unit that was under it or merged
    /// into it on any day (not only as the tree stands today).
    func unitHistoryMentions(_ unit: String) -> Bool {
        ledger.units.records.values.contains { r in
            r.entries.contains { e in
                switch e.data {
                case .unitRegistered(_, _, let parent):
                    return r.code != unit && parent == unit
                case .unitChanged(_, _, let parent):
                    if r.code == unit { return true }
                    if case .some(.some(let p)) = parent { return p == unit }
                    return false
                case .unitMerged(let into):
                    return r.code == unit || into == unit
                default:
                    return false
                }
            }
        }
    }
}

extension FieldReader {
    func rejectUnknownAmendment(_ allowed: [String]) throws {
        for f in fields where !allowed.contains(f.key) {
            throw EventCodingError(field: fieldPath(f.key), problem: "is not a field of this amendment",
                                   fix: "allowed: \(allowed.joined(separator: ", "))")
        }
    }
}

/// A fact's data as fields, so a correction can give only what changes.
enum FactFields {
    static func fields(of data: EventData) -> [DataField] {
        let bytes = EventEncoder.encodeData(data)
        return bytes.withUnsafeBytes { b in
            var s = JSONScanner(b)
            return (try? DataField.readObject(&s, path: "data")) ?? []
        }
    }
}

// MARK: - Fast paths of a long batch

/// The days on which a unit may carry a flow, camera or model event: from
/// its registration to the day before its first merger (`check`'s unit rules).
struct UnitWindow {
    var registered: Int
    var merged: Int?

    /// Only for a unit whose history `UnitRegistry.view` reads as assumed
    /// here: a valid code, registered first, entries in day order.
    init?(_ units: UnitRegistry, _ code: String) {
        guard UnitCode.isValid(code), let r = units.records[code], let first = r.entries.first,
              case .unitRegistered = first.data else { return nil }
        var previous = first.occurred.dayNumber
        for e in r.entries.dropFirst() {
            guard e.occurred.dayNumber >= previous else { return nil }
            previous = e.occurred.dayNumber
            if case .unitMerged = e.data, merged == nil { merged = e.occurred.dayNumber }
        }
        registered = first.occurred.dayNumber
    }

    func admits(_ day: CivilDate) -> Bool {
        let d = day.dayNumber
        return registered <= d && (merged.map { d < $0 } ?? true)
    }
}

struct CameraDay {
    var day: Int32
    var net: Int
}

extension Validator {
    /// Whether `text` is a unit code that the unit checks of `check` pass
    /// for an event on `day` (and that `resolveUnit` returns unchanged).
    mutating func admits(_ text: String, on day: CivilDate) -> Bool {
        if let w = unitWindows[text] { return w.admits(day) }
        guard let w = UnitWindow(ledger.units, text) else { return false }
        unitWindows[text] = w
        return w.admits(day)
    }

    /// The unit's camera days in order, from the cache or the ledger.
    mutating func orderedCameraDays(_ unit: String) -> [CameraDay] {
        if let days = cameraDays[unit] { return days }
        let days = (ledger.models.cameras[unit] ?? [:]).sorted { $0.key < $1.key }.map { CameraDay(day: $0.key, net: $0.value) }
        cameraDays[unit] = days
        return days
    }

    /// True when removing `n` cameras (installing, for a negative `n`) on
    /// `day` leaves at least `n` there and a non-negative count on every day:
    /// the outcome of the two camera checks in `check`, answered from the
    /// ordered days without copying the registry or sorting. False means
    /// "let the general check decide (and word the problem)".
    mutating func camerasStayNonNegative(_ unit: String, removing n: Int, on day: CivilDate) -> Bool {
        let days = orderedCameraDays(unit)
        let d = Int32(day.dayNumber)
        var running = 0
        var added = false
        if n > 0 {
            var have = 0
            for x in days where x.day <= d { have += x.net }
            if n > have { return false }
        }
        for x in days {
            if !added && x.day >= d {
                added = true
                if x.day > d {
                    running -= n
                    if running < 0 { return false }
                } else {
                    running += x.net - n
                    if running < 0 { return false }
                    continue
                }
            }
            running += x.net
            if running < 0 { return false }
        }
        if !added && running - n < 0 { return false }
        return true
    }

    /// Keeps the caches true to the ledger after `e` was folded in. Flow and
    /// model events touch neither units nor cameras; a camera event changes
    /// one day of one unit; anything else (unit events, amendments) may
    /// change either, so both caches are dropped.
    mutating func noteApplied(_ e: Event) {
        switch e.type {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted,
             .modelEstablished, .modelChanged, .modelDissolved:
            break
        case .cameraInstalled, .cameraRemoved:
            guard let unit = e.unit, var days = cameraDays[unit] else { return }
            let d = Int32(e.occurred.dayNumber)
            let net = ledger.models.cameras[unit]?[d]
            var lo = 0, hi = days.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if days[mid].day < d { lo = mid + 1 } else { hi = mid }
            }
            cameraDays[unit] = nil
            if lo < days.count && days[lo].day == d {
                if let net { days[lo].net = net } else { days.remove(at: lo) }
            } else if let net {
                days.insert(CameraDay(day: d, net: net), at: lo)
            }
            cameraDays[unit] = days
        case .eventCorrected, .eventRetracted:
            // Only what the amended fact (before and after) touches.
            var facts: [Fact] = []
            switch e.data {
            case .corrected(let c): facts = [c.replacement] + (c.was.map { [$0] } ?? [])
            case .retracted(let r): facts = r.was.map { [$0] } ?? []
            default: break
            }
            if facts.isEmpty { unitWindows.removeAll(); cameraDays.removeAll() }
            for f in facts {
                switch f.type {
                case .cameraInstalled, .cameraRemoved:
                    if let u = f.unit { cameraDays[u] = nil } else { cameraDays.removeAll() }
                case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted,
                     .modelEstablished, .modelChanged, .modelDissolved:
                    break
                default:
                    unitWindows.removeAll()
                    cameraDays.removeAll()
                }
            }
        default:
            unitWindows.removeAll()
            cameraDays.removeAll()
        }
    }
}
