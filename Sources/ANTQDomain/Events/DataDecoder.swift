import TextFormats

/// Interprets the fields of a `data` object for a given event type: the
/// catalogue v1, field by field.
enum DataDecoder {
    static let maxCount = 1_000_000
    static let maxMembers = 1_000_000

    static func decode(_ type: EventType, _ fields: [DataField], path: String, mode: FieldMode) throws -> EventData {
        var r = FieldReader(fields, path: path, mode: mode)
        let d: EventData
        switch type {
        case .logCreated:
            let id = try r.requiredString("log_id", maxLength: 100)
            let format = try r.int("format", min: 1, max: 1)
            var start = MonthDay.january1
            if let s = try r.string("period_start", required: false) {
                guard let m = MonthDay(s) else {
                    throw EventCodingError(field: r.fieldPath("period_start"), problem: "\"\(s)\" is not a day of the year",
                                           fix: "write MM-DD, e.g. 12-15")
                }
                start = m
            }
            let key = try r.string("key_id", required: false, maxLength: 100)
            d = .logCreated(LogCreated(logID: id, format: format, periodStart: start, keyID: key))
        case .unitRegistered:
            let name = try r.requiredString("name", maxLength: 200)
            let kind = try r.choice("kind", UnitKind.self)!
            guard let p = r.raw("parent") else {
                throw EventCodingError(field: r.fieldPath("parent"), problem: "is missing",
                                       fix: "give the parent unit's code, or null for a top-level unit")
            }
            var parent: String?
            if case .string = p { parent = try r.unitCode("parent") } else if p != .null {
                throw EventCodingError(field: r.fieldPath("parent"), problem: "must be a unit code or null",
                                       fix: "give the parent unit's code in quotes, or null for a top-level unit")
            }
            d = .unitRegistered(name: name, kind: kind, parent: parent)
        case .unitChanged:
            let name = try r.string("name", required: false, maxLength: 200)
            let kind = try r.choice("kind", UnitKind.self, required: false)
            var parent: String??
            if let p = r.raw("parent") {
                parent = p == .null ? .some(nil) : .some(try r.unitCode("parent"))
            }
            if name == nil && kind == nil && parent == nil {
                throw EventCodingError(field: path, problem: "changes nothing", fix: "give at least one of name, kind, parent")
            }
            d = .unitChanged(name: name, kind: kind, parent: parent)
        case .unitMerged:
            d = .unitMerged(into: try r.unitCode("into"))
        case .tipReceived:
            let count = try r.int("count", min: 1, max: maxCount, default: 1)
            let channel = try r.choice("channel", TipChannel.self)!
            let valuable = try r.requiredBool("valuable")
            d = .tipReceived(count: count, channel: channel, valuable: valuable)
        case .caseSolved:
            let count = try r.int("count", min: 1, max: maxCount, default: 1)
            let cat = try r.choice("category", CaseCategory.self)!
            d = .caseSolved(count: count, category: cat, caseRef: try r.string("case", required: false, maxLength: 100))
        case .arrestMade:
            let count = try r.int("count", min: 1, max: maxCount)
            let ref = try r.string("case", required: false, maxLength: 100)
            d = .arrestMade(count: count, caseRef: ref, caughtInAct: try r.bool("caught_in_act"))
        case .weaponSeized:
            let kind = try r.choice("kind", WeaponKind.self)!
            let q = try r.int("quantity", min: 1, max: maxCount)
            d = .weaponSeized(kind: kind, quantity: q, caseRef: try r.string("case", required: false, maxLength: 100))
        case .awardGranted:
            let rk = try r.choice("recipient_kind", RecipientKind.self)!
            let recipient = try r.requiredString("recipient", maxLength: 300)
            let issuer = try r.choice("issuer", Issuer.self)!
            let form = try r.choice("form", AwardForm.self)!
            let count = try r.int("count", min: 1, max: maxCount, default: 1)
            let reason = try r.string("reason", required: false, maxLength: 1000)
            d = .awardGranted(Award(recipientKind: rk, recipient: recipient, issuer: issuer, form: form, count: count, reason: reason))
        case .modelEstablished:
            let model = try r.modelID()
            let kind = try r.choice("kind", ModelKind.self)!
            let name = try r.requiredString("name", maxLength: 300)
            let members = try r.int("members", min: 0, max: maxMembers)
            d = .modelEstablished(model: model, kind: kind, name: name, members: members)
        case .modelChanged:
            let model = try r.modelID()
            let kind = try r.choice("kind", ModelKind.self, required: false)
            let name = try r.string("name", required: false, maxLength: 300)
            let members = try r.optionalInt("members", min: 0, max: maxMembers)
            if kind == nil && name == nil && members == nil {
                throw EventCodingError(field: path, problem: "changes nothing", fix: "give at least one of kind, name, members")
            }
            d = .modelChanged(model: model, kind: kind, name: name, members: members)
        case .modelDissolved:
            d = .modelDissolved(model: try r.modelID(), reason: try r.string("reason", required: false, maxLength: 1000))
        case .cameraInstalled:
            d = .cameraInstalled(count: try r.int("count", min: 1, max: maxCount))
        case .cameraRemoved:
            d = .cameraRemoved(count: try r.int("count", min: 1, max: maxCount))
        case .figureAsserted:
            let metric = try r.requiredString("metric", maxLength: 100)
            guard Metric(name: metric) != nil else {
                throw EventCodingError(field: r.fieldPath("metric"), problem: "\"\(metric)\" is not a figure name",
                                       fix: "see 'Figures' in the README, e.g. arrests, weapons.firearm")
            }
            let year = try r.int("year", min: 1945, max: 9999)
            let value = try r.int("value", min: 0, max: Int(Int32.max))
            d = .figureAsserted(metric: metric, year: year, value: value, note: try r.string("note", required: false, maxLength: 1000))
        case .eventCorrected:
            let target = try r.int("target", min: 1, max: Int(Int64.max >> 1))
            let reason = try r.requiredString("reason", maxLength: 1000)
            guard let wasFields = try r.object("was") else {
                throw EventCodingError(field: r.fieldPath("was"), problem: "is missing",
                                       fix: "antq records the corrected event's previous content here when it appends a correction")
            }
            let was = try decodeFact(wasFields, path: r.fieldPath("was"), mode: mode)
            let occurred = try r.date("occurred")
            let unit = try r.optionalUnitCode("unit")
            guard let dataFields = try r.object("data") else {
                throw EventCodingError(field: r.fieldPath("data"), problem: "is missing")
            }
            let data = try decode(was.type, dataFields, path: r.fieldPath("data"), mode: mode)
            d = .corrected(Correction(target: target, reason: reason,
                                      replacement: Fact(occurred: occurred, unit: unit, data: data), was: was))
        case .eventRetracted:
            let target = try r.int("target", min: 1, max: Int(Int64.max >> 1))
            let reason = try r.requiredString("reason", maxLength: 1000)
            guard let wasFields = try r.object("was") else {
                throw EventCodingError(field: r.fieldPath("was"), problem: "is missing",
                                       fix: "antq records the retracted event's content here when it appends a retraction")
            }
            d = .retracted(Retraction(target: target, reason: reason, was: try decodeFact(wasFields, path: r.fieldPath("was"), mode: mode)))
        }
        try r.rejectUnknown(type: type)
        return d
    }

    static func decodeFact(_ fields: [DataField], path: String, mode: FieldMode) throws -> Fact {
        var r = FieldReader(fields, path: path, mode: mode)
        let typeName = try r.requiredString("type")
        guard let type = EventType(rawValue: typeName), type.isRetractable else {
            throw EventCodingError(field: r.fieldPath("type"), problem: "\"\(typeName)\" cannot be amended")
        }
        let occurred = try r.date("occurred")
        let unit = try r.optionalUnitCode("unit")
        guard let dataFields = try r.object("data") else {
            throw EventCodingError(field: r.fieldPath("data"), problem: "is missing")
        }
        let data = try decode(type, dataFields, path: r.fieldPath("data"), mode: mode)
        try r.rejectUnknownFact()
        return Fact(occurred: occurred, unit: unit, data: data)
    }
}

extension FieldReader {
    mutating func unitCode(_ k: String) throws -> String {
        let s = try requiredString(k, maxLength: 32)
        guard UnitCode.isValid(s) else {
            throw EventCodingError(field: fieldPath(k), problem: "\"\(s)\" is not a unit code",
                                   fix: "use the official code (digits), e.g. 25747; 'antq units' lists them")
        }
        return s
    }

    mutating func optionalUnitCode(_ k: String) throws -> String? {
        guard let v = raw(k), v != .null else { return nil }
        _ = v
        return try unitCode(k)
    }

    mutating func modelID() throws -> String {
        let s = try requiredString("model", maxLength: 64)
        guard s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) else {
            throw EventCodingError(field: fieldPath("model"), problem: "\"\(s)\" is not a model id",
                                   fix: "use letters, digits, '-', '_' or '.', e.g. 25747-club-1")
        }
        return s
    }

    mutating func date(_ k: String) throws -> CivilDate {
        let s = try requiredString(k, maxLength: 10)
        guard let d = CivilDate(iso: s) else {
            throw EventCodingError(field: fieldPath(k), problem: "\"\(s)\" is not a real date",
                                   fix: "write YYYY-MM-DD, e.g. 2018-05-14")
        }
        return d
    }

    func rejectUnknownFact() throws {
        for (i, f) in fields.enumerated() where !used[i] {
            throw EventCodingError(field: fieldPath(f.key), problem: "is not part of a recorded fact",
                                   fix: "a fact has type, occurred, unit and data")
        }
    }
}

/// Administrative unit codes: the GSO's numeric codes (74, 718, 25747) or,
/// for units outside that list, short identifiers of letters, digits, '-' and '_'.
public enum UnitCode {
    public static func isValid(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isValid($0) }
    }

    static func isValid(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !u.isEmpty && u.count <= 32 else { return false }
        var ok = true
        for c in u { ok = ok && ((c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26 || c == 0x2D || c == 0x5F) }
        return ok
    }
}
