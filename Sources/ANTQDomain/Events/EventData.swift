import TextFormats

/// The type-specific part of an event (`data` in the log).
public enum EventData: Sendable, Equatable {
    case logCreated(LogCreated)
    case unitRegistered(name: String, kind: UnitKind, parent: String?)
    /// `parent` is `.some(nil)` when the unit becomes top-level.
    case unitChanged(name: String?, kind: UnitKind?, parent: String??)
    case unitMerged(into: String)
    case tipReceived(count: Int, channel: TipChannel, valuable: Bool)
    case caseSolved(count: Int, category: CaseCategory, caseRef: String?)
    case arrestMade(count: Int, caseRef: String?, caughtInAct: Bool?)
    case weaponSeized(kind: WeaponKind, quantity: Int, caseRef: String?)
    case awardGranted(Award)
    case modelEstablished(model: String, kind: ModelKind, name: String, members: Int)
    case modelChanged(model: String, kind: ModelKind?, name: String?, members: Int?)
    case modelDissolved(model: String, reason: String?)
    case cameraInstalled(count: Int)
    case cameraRemoved(count: Int)
    indirect case corrected(Correction)
    indirect case retracted(Retraction)
    case figureAsserted(metric: String, year: Int, value: Int, note: String?)

    public var type: EventType {
        switch self {
        case .logCreated: .logCreated
        case .unitRegistered: .unitRegistered
        case .unitChanged: .unitChanged
        case .unitMerged: .unitMerged
        case .tipReceived: .tipReceived
        case .caseSolved: .caseSolved
        case .arrestMade: .arrestMade
        case .weaponSeized: .weaponSeized
        case .awardGranted: .awardGranted
        case .modelEstablished: .modelEstablished
        case .modelChanged: .modelChanged
        case .modelDissolved: .modelDissolved
        case .cameraInstalled: .cameraInstalled
        case .cameraRemoved: .cameraRemoved
        case .corrected: .eventCorrected
        case .retracted: .eventRetracted
        case .figureAsserted: .figureAsserted
        }
    }

    /// The model an event is about, for model events.
    public var modelID: String? {
        switch self {
        case .modelEstablished(let m, _, _, _), .modelChanged(let m, _, _, _), .modelDissolved(let m, _): m
        default: nil
        }
    }
}

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
}

public struct Award: Sendable, Equatable {
    public var recipientKind: RecipientKind
    public var recipient: String
    public var issuer: Issuer
    public var form: AwardForm
    public var count: Int
    public var reason: String?

    public init(recipientKind: RecipientKind, recipient: String, issuer: Issuer, form: AwardForm, count: Int = 1, reason: String? = nil) {
        self.recipientKind = recipientKind
        self.recipient = recipient
        self.issuer = issuer
        self.form = form
        self.count = count
        self.reason = reason
    }
}

/// What an amended event said: type, day, place and data. A correction or
/// retraction carries a copy of its target's effective fact (`was`, filled
/// in and checked by antq at append time), so projections can undo it
/// without ever looking back into the log.
public struct Fact: Sendable, Equatable {
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

public struct Correction: Sendable, Equatable {
    public var target: Int
    public var reason: String
    /// The target as it should have been recorded (full replacement).
    public var replacement: Fact
    /// The target's effective fact before this correction.
    public var was: Fact?

    public init(target: Int, reason: String, replacement: Fact, was: Fact?) {
        self.target = target
        self.reason = reason
        self.replacement = replacement
        self.was = was
    }
}

public struct Retraction: Sendable, Equatable {
    public var target: Int
    public var reason: String
    public var was: Fact?

    public init(target: Int, reason: String, was: Fact?) {
        self.target = target
        self.reason = reason
        self.was = was
    }
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
