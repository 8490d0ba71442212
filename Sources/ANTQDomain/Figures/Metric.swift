/// A figure with a stable name (`arrests`, `weapons.firearm`,
/// `models.shock_team.members`). Scripts depend on these names: they are
/// documented in the README and never renamed.
public enum Metric: Hashable, Sendable, CustomStringConvertible {
    /// A yearly flow, summed over the events that occurred in the period.
    case flow(Int)
    /// A state figure, evaluated on the last day of the period.
    case state(StateMetric)

    public enum StateMetric: Hashable, Sendable {
        case models(ModelKind)
        case members(ModelKind)
        case cameras
        case communes
        case communesWithClub
    }

    /// Flow names in their fixed order; the index is the flow's slot in a counter row.
    public static let flowNames: [String] = {
        var n = ["tips", "tips.valuable", "cases"]
        n += CaseCategory.allCases.map { "cases.\($0.rawValue)" }
        n += ["arrests"]
        n += WeaponKind.allCases.map { "weapons.\($0.rawValue)" }
        for rk in RecipientKind.allCases {
            n.append("awards.\(rk.rawValue)")
            n += Issuer.allCases.map { "awards.\(rk.rawValue).\($0.rawValue)" }
            n.append("awards.\(rk.rawValue).local")
        }
        return n
    }()

    public static var flowCount: Int { flowNames.count }

    static let flowIndex: [String: Int] = Dictionary(uniqueKeysWithValues: flowNames.enumerated().map { ($1, $0) })

    public static let stateMetrics: [StateMetric] =
        ModelKind.allCases.flatMap { [StateMetric.models($0), .members($0)] } + [.cameras, .communes, .communesWithClub]

    /// Every figure, in report order.
    public static let all: [Metric] = flowNames.indices.map { Metric.flow($0) } + stateMetrics.map { Metric.state($0) }

    public init?(name: String) {
        if let i = Metric.flowIndex[name] { self = .flow(i); return }
        switch name {
        case "cameras": self = .state(.cameras)
        case "communes": self = .state(.communes)
        case "communes.with_club": self = .state(.communesWithClub)
        default:
            let parts = name.split(separator: ".").map(String.init)
            guard parts.first == "models", parts.count >= 2, let kind = ModelKind(rawValue: parts[1]) else { return nil }
            if parts.count == 2 { self = .state(.models(kind)); return }
            if parts.count == 3 && parts[2] == "members" { self = .state(.members(kind)); return }
            return nil
        }
    }

    public var name: String {
        switch self {
        case .flow(let i): return Metric.flowNames[i]
        case .state(let s):
            switch s {
            case .models(let k): return "models.\(k.rawValue)"
            case .members(let k): return "models.\(k.rawValue).members"
            case .cameras: return "cameras"
            case .communes: return "communes"
            case .communesWithClub: return "communes.with_club"
            }
        }
    }

    public var description: String { name }
    public var isFlow: Bool { if case .flow = self { return true } else { return false } }

    static func slot(_ name: String) -> Int { flowIndex[name]! }
    static let tips = slot("tips"), tipsValuable = slot("tips.valuable"), cases = slot("cases"), arrests = slot("arrests")
    static let caseSlots = CaseCategory.allCases.map { slot("cases.\($0.rawValue)") }
    static let weaponSlots = WeaponKind.allCases.map { slot("weapons.\($0.rawValue)") }
    static let awardSlots = RecipientKind.allCases.map { slot("awards.\($0.rawValue)") }
    static let awardIssuerSlots = RecipientKind.allCases.map { rk in Issuer.allCases.map { slot("awards.\(rk.rawValue).\($0.rawValue)") } }
    static let awardLocalSlots = RecipientKind.allCases.map { slot("awards.\($0.rawValue).local") }
}

extension Issuer {
    /// The "local levels" of the published figures (các cấp): everyone below the Ministry and the Government.
    public var isLocal: Bool { self == .province || self == .provincial_police || self == .district || self == .commune }
}

/// What one fact adds to the yearly flows. The projection and the audit
/// both use this one function, so a figure and the sum of its audited
/// contributions cannot disagree.
public enum FlowContribution {
    @inline(__always)
    public static func forEach(_ data: EventData, _ body: (Int, Int) -> Void) {
        if let amount = data.flowAmount { forEach(amount, body) }
    }

    /// The same from the numbers alone: a replay reads them straight from a
    /// stored line, without the event's text.
    @inline(__always)
    public static func forEach(_ amount: FlowAmount, _ body: (Int, Int) -> Void) {
        switch amount {
        case .tips(let count, let valuable):
            body(Metric.tips, count)
            if valuable { body(Metric.tipsValuable, count) }
        case .cases(let count, let category):
            body(Metric.cases, count)
            body(Metric.caseSlots[CaseCategory.allCases.firstIndex(of: category)!], count)
        case .arrests(let count):
            body(Metric.arrests, count)
        case .weapons(let kind, let quantity):
            body(Metric.weaponSlots[WeaponKind.allCases.firstIndex(of: kind)!], quantity)
        case .awards(let recipientKind, let issuer, let count):
            let r = RecipientKind.allCases.firstIndex(of: recipientKind)!
            body(Metric.awardSlots[r], count)
            body(Metric.awardIssuerSlots[r][Issuer.allCases.firstIndex(of: issuer)!], count)
            if issuer.isLocal { body(Metric.awardLocalSlots[r], count) }
        }
    }

    /// The amount a fact adds to one flow (0 when unrelated).
    public static func amount(of data: EventData, to slot: Int) -> Int {
        data.flowAmount.map { amount(of: $0, to: slot) } ?? 0
    }

    public static func amount(of flow: FlowAmount, to slot: Int) -> Int {
        var total = 0
        forEach(flow) { s, n in if s == slot { total += n } }
        return total
    }
}

/// The numbers of a flow event's data — all that its contribution to the
/// yearly flows depends on (no case reference, no names, no reason).
public enum FlowAmount: Sendable, Equatable {
    case tips(count: Int, valuable: Bool)
    case cases(count: Int, category: CaseCategory)
    case arrests(count: Int)
    case weapons(kind: WeaponKind, quantity: Int)
    case awards(recipientKind: RecipientKind, issuer: Issuer, count: Int)
}

extension EventData {
    /// The flow numbers of a flow event; nil for every other type.
    @inline(__always)
    public var flowAmount: FlowAmount? {
        switch self {
        case .tipReceived(let count, _, let valuable): .tips(count: count, valuable: valuable)
        case .caseSolved(let count, let category, _): .cases(count: count, category: category)
        case .arrestMade(let count, _, _): .arrests(count: count)
        case .weaponSeized(let kind, let quantity, _): .weapons(kind: kind, quantity: quantity)
        case .awardGranted(let a): .awards(recipientKind: a.recipientKind, issuer: a.issuer, count: a.count)
        default: nil
        }
    }
}
