import TextFormats

/// Corrections and retractions: a draft names its target by seq and gives a
/// reason (and, for a correction, only what was wrong); antq fills in what
/// the target said (`was`) so projections never look back into the log.
extension Validator {
    mutating func buildAmendment(_ d: EventDraft, id: String, by: String) throws(EventProblems) -> Event {
        var problems: [EventCodingError] = []
        let allowed = d.type == .eventRetracted ? ["target", "reason"] : ["target", "reason", "occurred", "unit", "data"]
        for f in d.fields where !allowed.contains(f.key) {
            problems.append(EventCodingError(field: "data.\(f.key)", problem: f.key == "was"
                ? Text("{field} do antq ghi", "{field} is filled in by antq") : Text("{field} không thuộc bản sửa này", "{field} is not a field of this amendment"),
                fix: f.key == "was" ? Text("bỏ \"was\": antq tự chép nội dung của sự kiện được sửa", "remove \"was\": antq copies what the amended event said")
                                    : Text("các trường: \(allowed.joined(separator: ", "))", "allowed: \(allowed.joined(separator: ", "))")))
        }
        var builder = RecordBuilder(mode: d.fieldMode, vocabularies: ledger.catalogue.vocabularies)
        let target = d.fields.first { $0.key == "target" }.flatMap {
            builder.value($0.value, FieldSpec(EventCorrected.target, .seq, .required, label: Text("sự kiện", "event")), path: "data.target")?.int
        }
        let reason = d.fields.first { $0.key == "reason" }.flatMap {
            builder.value($0.value, FieldSpec(EventCorrected.reason, .text(maxLength: 1000), .required, label: Text("lý do", "reason")), path: "data.reason")?.text
        }
        problems += builder.problems
        if d.fields.first(where: { $0.key == "target" }) == nil {
            problems.append(EventCodingError(field: "data.target", problem: Text("thiếu số thứ tự sự kiện cần sửa", "the seq of the event to amend is missing")))
        }
        if d.fields.first(where: { $0.key == "reason" }) == nil {
            problems.append(EventCodingError(field: "data.reason", problem: Text("thiếu lý do {field}", "{field} is missing: say why"), fix: Text("ví dụ --reason \"nhập trùng\"", "e.g. --reason \"entered twice\"")))
        }
        guard problems.isEmpty, let t = target, let reason else { throw EventProblems(problems) }
        let targetSeq = Int(t)
        guard targetSeq < nextSeq, let targetEvent = try event(targetSeq) else {
            try fail("data.target", Text("không có sự kiện #\(targetSeq) (sổ kết thúc ở #\(nextSeq - 1))", "there is no event #\(targetSeq) (the log ends at #\(nextSeq - 1))"),
                     Text("kiểm tra số thứ tự: 'antq log' liệt kê các sự kiện", "check the seq: 'antq log' lists the events"))
        }
        let verb = d.type == .eventCorrected ? Text("sửa", "corrected") : Text("hủy", "retracted")
        if targetEvent.type == .logCreated || targetEvent.type.isDeclaration {
            try fail("data.target", Text("#\(targetSeq) là \(targetEvent.type.rawValue), không thể \(verb.vi)", "#\(targetSeq) is \(targetEvent.type.rawValue), which cannot be \(verb.en)"),
                     targetEvent.type.isDeclaration ? Text("dùng indicator.changed hoặc indicator.retired", "use indicator.changed or indicator.retired")
                                                    : Text("dòng đầu của sổ do 'antq init' ghi và không bao giờ thay đổi; hãy nhắm tới sự kiện khác", "the log's first line is written by 'antq init' and never changes; target another event"))
        }
        if targetEvent.type.isAmendment {
            let original = targetEvent.data.amendedSeq ?? targetSeq
            try fail("data.target", Text("#\(targetSeq) tự nó là một bản sửa (\(targetEvent.type.rawValue))", "#\(targetSeq) is itself an amendment (\(targetEvent.type.rawValue))"),
                     Text("sửa sự kiện gốc #\(original)", "amend the original event #\(original) instead"))
        }
        if let retraction = ledger.amendments.retractions[targetSeq] {
            try fail("data.target", Text("#\(targetSeq) đã bị hủy bởi #\(retraction)", "#\(targetSeq) was already retracted by #\(retraction)"),
                     Text("sự kiện đã hủy giữ nguyên; nếu sự việc có thật, ghi lại thành sự kiện mới", "a retracted event stays retracted; if the fact did happen, record it again"))
        }
        let source = ledger.amendments.effectiveSource(of: targetSeq)
        var was = targetEvent.fact
        if source != targetSeq, let s = try event(source), let c = s.data.correction { was = c.replacement }
        let occurred = d.occurred ?? today
        if let p = dateProblem(occurred, field: "occurred") { throw EventProblems(p) }
        if d.type == .eventRetracted {
            try checkRetractable(was, target: targetSeq)
            return Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: was.unit, by: by,
                         data: .retracted(Retraction(target: targetSeq, reason: reason, was: was)))
        }
        guard targetEvent.type.isCorrectable else {
            try fail("data.target", Text("#\(targetSeq) là sự kiện đơn vị, không sửa được", "#\(targetSeq) is a unit event, which cannot be corrected"),
                     Text("ghi thay đổi bằng unit.changed, hoặc hủy nếu chưa có gì dựa vào nó", "record the change with unit.changed, or retract it if nothing depends on it"))
        }
        return try buildCorrection(d, id: id, by: by, target: targetSeq, reason: reason, was: was, occurred: occurred)
    }

    private mutating func buildCorrection(_ d: EventDraft, id: String, by: String, target: Int, reason: String, was: Fact,
                                          occurred: CivilDate) throws(EventProblems) -> Event {
        var builder = RecordBuilder(mode: d.fieldMode, vocabularies: ledger.catalogue.vocabularies)
        var newOccurred = was.occurred
        if let f = d.fields.first(where: { $0.key == "occurred" }),
           let v = builder.value(f.value, FieldSpec(EventCorrected.occurred, .day, .required, label: Text("ngày", "day")), path: "data.occurred")?.date {
            newOccurred = v
        }
        if builder.failed { throw EventProblems(builder.problems) }
        if let p = dateProblem(newOccurred, field: "data.occurred") { throw EventProblems(p) }
        var newUnit = was.unit
        if let f = d.fields.first(where: { $0.key == "unit" }), case .string(let text) = f.value {
            do throws(EventCodingError) { newUnit = try resolveUnit(text, field: "data.unit", on: newOccurred) } catch { throw EventProblems(error) }
        }
        // The replacement: the target's data with the fields given laid over it, read as the input was given.
        var merged = was.data.inputFields
        if let given = d.fields.first(where: { $0.key == "data" }) {
            guard case .object(let fields) = given.value else { try fail("data.data", Text("{field} phải là một đối tượng", "{field} must be an object")) }
            for f in fields {
                if let i = merged.firstIndex(where: { $0.key == f.key }) { merged[i] = f } else { merged.append(f) }
            }
        }
        guard var newData = builder.data(was.type, merged, path: "data.data") else { throw EventProblems(builder.problems) }
        newData = try resolveNames(in: newData, on: newOccurred, field: "data.data")
        if was.type.isModelEvent {
            if newData.modelID != was.data.modelID {
                try fail("data.data.model", Text("bản sửa không chuyển sự kiện sang mô hình khác", "a correction cannot move an event to another model"),
                         Text("hủy nó và ghi sự kiện cho đúng mô hình", "retract it and record the event for the right model"))
            }
            if newUnit != was.unit {
                try fail("data.unit", Text("bản sửa không chuyển sự kiện mô hình sang đơn vị khác", "a correction cannot move a model event to another unit"))
            }
        }
        let replacement = Fact(occurred: newOccurred, unit: newUnit, data: newData)
        if replacement == was {
            // The values given are the ones already stored: say what #target holds, not a value to type.
            let vocabularies = ledger.catalogue.vocabularies
            let held = { (vi: Bool) in
                "\(was.occurred.formatted(vietnamese: vi)), \(was.unit ?? "-"), " + EventDescription.line(was.data, vocabularies: vocabularies, vietnamese: vi)
            }
            try fail("data", Text("bản sửa không thay đổi gì ở #\(target): các giá trị đã ghi trùng với giá trị đang có (\(held(true)))",
                                  "the correction changes nothing in #\(target): the values given are the ones it holds (\(held(false)))"),
                     Text("ghi giá trị đúng của trường bị sai", "give the right value of the field that was wrong"))
        }
        var probe = self
        // The replacement is checked as if the target were gone.
        if !(usesFastPaths && was.type.spec.changesOnlyFlows) {
            projection.apply(Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: was.unit, by: by,
                                   data: .retracted(Retraction(target: target, reason: reason, was: was))), to: &probe.ledger)
        }
        try probe.check(replacement, seq: target, field: "data", correcting: was)
        return Event(seq: nextSeq, id: id, occurred: occurred, recorded: now, unit: newUnit, by: by,
                     data: .corrected(Correction(target: target, reason: reason, replacement: replacement, was: was)))
    }

    func checkRetractable(_ was: Fact, target: Int) throws(EventProblems) {
        guard let unit = was.unit else { return }
        switch was.type {
        case .unitRegistered:
            if ledger.units.views().contains(where: { $0.parent == unit || $0.mergedInto == unit })
                || unitHistoryMentions(unit)
                || ledger.flows.keys.contains(where: { $0.unit == unit })
                || ledger.models.allRecords.contains(where: { $0.unit == unit })
                || ledger.models.cameras[unit] != nil {
                try fail("data.target", Text("đơn vị \(unit) đang được các sự kiện khác dùng", "unit \(unit) is used by other events"),
                         Text("hủy các sự kiện đó trước, hoặc ghi thay đổi bằng unit.changed", "retract those first, or record the change with unit.changed"))
            }
        case .modelEstablished:
            if let model = was.data.modelID, let r = ledger.models.record(model), r.entries.count > 1 {
                let later = r.entries.filter { $0.seq != target }.map { "#\($0.seq)" }.joined(separator: ", ")
                try fail("data.target", Text("mô hình \(model) còn sự kiện sau (\(later))", "model \(model) has later events (\(later))"), Text("hủy các sự kiện đó trước", "retract those first"))
            }
        case .cameraInstalled:
            var probe = ledger.models
            probe.remove(was, seq: target)
            if let (day, count) = Validator.firstNegativeCameraDay(unit, probe) {
                try fail("data.target", Text("hủy lần lắp này sẽ làm đơn vị \(unit) còn \(count) camera ngày \(day.formatted(vietnamese: true))", "retracting it would leave unit \(unit) with \(count) cameras on \(day.iso)"),
                         Text("hủy các lần tháo sau trước", "retract the later removals first"))
            }
        default:
            break
        }
    }

    /// Whether any unit event still standing needs `unit` registered.
    func unitHistoryMentions(_ unit: String) -> Bool {
        ledger.units.records.values.contains { r in
            r.entries.contains { e in
                switch e.data.type {
                case .unitRegistered: return r.code != unit && e.data.text(UnitRegistered.parent) == unit
                case .unitChanged: return r.code == unit || e.data.text(UnitChanged.parent) == unit
                case .unitMerged: return r.code == unit || e.data.text(UnitMerged.into) == unit
                case .unitSplit: return r.code == unit || UnitSplit.successors(e.data).contains(unit)
                case .unitAbolished: return r.code == unit || e.data.text(UnitAbolished.into) == unit
                case .unitContinued:
                    return r.code == unit || e.data.text(UnitContinued.parent) == unit || e.data.text(UnitContinued.partTo) == unit
                default: return false
                }
            }
        }
    }
}
