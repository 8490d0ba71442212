import Decimals
import TextFormats

/// The type-specific part of an event (`data` in the log): the values of
/// the fields its type declares, in declared order, and the fields the log
/// itself declares (the dimensions of a declared indicator).
public struct EventData: Sendable, Hashable {
    public let type: EventType
    /// Aligned with `type.spec.fields`; nil where a field is absent.
    public private(set) var values: [Value?]
    /// Fields declared by the log (`indicator.recorded`'s dimensions), in declared order.
    public private(set) var declared: [NamedValue]

    public init(_ type: EventType, values: [Value?], declared: [NamedValue] = []) {
        precondition(values.count == type.spec.fields.count, "\(type.rawValue) has \(type.spec.fields.count) fields")
        self.type = type
        self.values = values
        self.declared = declared
    }

    /// By field name (generators and tests); a name the type does not declare is a dimension.
    public init(_ type: EventType, _ fields: KeyValuePairs<String, Value>) {
        let spec = type.spec
        var values = [Value?](repeating: nil, count: spec.fields.count)
        var declared: [NamedValue] = []
        for (k, v) in fields {
            if let f = spec.field(named: k) { values[f.ref.index] = v } else { declared.append(NamedValue(k, v)) }
        }
        self.init(type, values: values, declared: declared)
    }

    public var spec: EventSpec { type.spec }

    /// The values' storage, for a reader that reuses it for the next fact
    /// it reads (a fold that keeps nothing of a fact once it is added up).
    public consuming func takeValues() -> [Value?] { values }

    public subscript(_ f: FieldRef) -> Value? {
        get { values[f.index] }
        set { values[f.index] = newValue }
    }

    public func int(_ f: FieldRef) -> Int64? { values[f.index]?.int }
    public func text(_ f: FieldRef) -> String? { values[f.index]?.text }
    public func bool(_ f: FieldRef) -> Bool? { values[f.index]?.bool }
    public func decimal(_ f: FieldRef) -> ExactDecimal? { values[f.index]?.decimal }

    /// A value by field name, declared by the type or by the log.
    public func value(named name: String) -> Value? {
        if let f = spec.field(named: name) { return values[f.ref.index] }
        return declared.first { $0.name == name }?.value
    }

    public mutating func setDeclared(_ fields: [NamedValue]) { declared = fields }
}

/// What an amended event said: type, day, place and data. A correction or
/// retraction carries a copy of its target's effective fact (`was`, filled
/// in and checked by antq at append time), so projections can undo it
/// without ever looking back into the log.
public struct Fact: Sendable, Hashable {
    public var occurred: CivilDate
    public var unit: String?
    public var data: EventData

    public init(occurred: CivilDate, unit: String?, data: EventData) {
        self.occurred = occurred
        self.unit = unit
        self.data = data
    }

    public var type: EventType { data.type }
}

/// A correction, read from an `event.corrected`'s data.
public struct Correction: Sendable, Hashable {
    public var target: Int
    public var reason: String
    /// The target as it should have been recorded (full replacement).
    public var replacement: Fact
    /// The target's effective fact before this correction.
    public var was: Fact

    public init(target: Int, reason: String, replacement: Fact, was: Fact) {
        self.target = target
        self.reason = reason
        self.replacement = replacement
        self.was = was
    }
}

/// A retraction, read from an `event.retracted`'s data.
public struct Retraction: Sendable, Hashable {
    public var target: Int
    public var reason: String
    public var was: Fact

    public init(target: Int, reason: String, was: Fact) {
        self.target = target
        self.reason = reason
        self.was = was
    }
}

extension EventData {
    public var correction: Correction? {
        guard type == .eventCorrected, let t = int(EventCorrected.target), let r = text(EventCorrected.reason),
              let day = self[EventCorrected.occurred]?.date, case .data(let d)? = self[EventCorrected.data],
              case .fact(let was)? = self[EventCorrected.was] else { return nil }
        return Correction(target: Int(t), reason: r, replacement: Fact(occurred: day, unit: text(EventCorrected.unit), data: d), was: was)
    }

    public var retraction: Retraction? {
        guard type == .eventRetracted, let t = int(EventRetracted.target), let r = text(EventRetracted.reason),
              case .fact(let was)? = self[EventRetracted.was] else { return nil }
        return Retraction(target: Int(t), reason: r, was: was)
    }

    /// The target seq of an amendment.
    public var amendedSeq: Int? {
        switch type {
        case .eventCorrected: int(EventCorrected.target).map(Int.init)
        case .eventRetracted: int(EventRetracted.target).map(Int.init)
        default: nil
        }
    }

    public static func corrected(_ c: Correction) -> EventData {
        var d = EventData(.eventCorrected, values: [Value?](repeating: nil, count: EventType.eventCorrected.spec.fields.count))
        d[EventCorrected.target] = .int(Int64(c.target))
        d[EventCorrected.reason] = .text(c.reason)
        d[EventCorrected.occurred] = .date(c.replacement.occurred)
        d[EventCorrected.unit] = c.replacement.unit.map { .text($0) }
        d[EventCorrected.data] = .data(c.replacement.data)
        d[EventCorrected.was] = .fact(c.was)
        return d
    }

    public static func retracted(_ r: Retraction) -> EventData {
        var d = EventData(.eventRetracted, values: [Value?](repeating: nil, count: EventType.eventRetracted.spec.fields.count))
        d[EventRetracted.target] = .int(Int64(r.target))
        d[EventRetracted.reason] = .text(r.reason)
        d[EventRetracted.was] = .fact(r.was)
        return d
    }
}

/// The log's settings, read from `log.created`.
public struct LogCreated: Sendable, Equatable {
    public var logID: String
    public var format: Int
    /// First day of the reporting year, kept in the log so every summary is auditable.
    public var periodStart: MonthDay
    /// Identifier of the HMAC key in keyed mode (never the key itself).
    public var keyID: String?

    public init(logID: String, format: Int = 1, periodStart: MonthDay = .january1, keyID: String? = nil) {
        self.logID = logID
        self.format = format
        self.periodStart = periodStart
        self.keyID = keyID
    }

    public init?(_ d: EventData) {
        guard d.type == .logCreated, let id = d.text(LogCreatedFields.logID) else { return nil }
        self.init(logID: id, format: Int(d.int(LogCreatedFields.format) ?? 1),
                  periodStart: d.text(LogCreatedFields.periodStart).flatMap(MonthDay.init) ?? .january1,
                  keyID: d.text(LogCreatedFields.keyID))
    }

    public var data: EventData {
        var d = EventData(.logCreated, values: [nil, nil, nil, nil])
        d[LogCreatedFields.logID] = .text(logID)
        d[LogCreatedFields.format] = .int(Int64(format))
        d[LogCreatedFields.periodStart] = .text(periodStart.description)
        d[LogCreatedFields.keyID] = keyID.map { .text($0) }
        return d
    }
}

extension EventData {
    public var logCreated: LogCreated? { LogCreated(self) }
}

/// A day of the year, e.g. the start of a reporting period (12-15).
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    public static let january1 = MonthDay(month: 1, day: 1)

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`; February 29 is refused (a period must start every year).
    public init?(_ text: String) {
        let p = text.split(separator: "-")
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let m = Int(p[0]), let d = Int(p[1]),
              (1...12).contains(m), d >= 1, d <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] else { return nil }
        self.init(month: m, day: d)
    }

    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
}
