import ANTQDomain
import Decimals
import TextFormats

/// A deliberately naive second implementation of the figures, written from
/// the issues' wording and sharing no code with the projections: it resolves
/// amendments by keeping, for each original event, the fact of its last
/// correction (or nothing after a retraction), reads the declarations in
/// order, then answers every question by brute force over all the effective
/// facts. Slow and obvious on purpose. Values are exact decimals.
public struct Reference {
    public let periodStart: MonthDay
    /// seq of an original fact → its effective fact (corrections applied, retractions removed).
    public var effective: [(seq: Int, fact: Fact)] = []
    /// Declared indicators by name: aggregate, decimals and every dimension value ever declared.
    public var indicators: [String: (level: Bool, decimals: Int, dimensions: [String: [String]])] = [:]
    public var ratios: [String: (numerator: String, denominator: String, percent: Bool)] = [:]
    /// Vocabulary values the log added, by list (`model.kind` …).
    public var extensions: [String: [String]] = [:]

    public init(_ events: [Event], periodStart override: MonthDay? = nil) {
        var start = MonthDay.january1
        var facts: [Int: Fact] = [:]
        for e in events {
            let d = e.data
            switch e.type {
            case .logCreated: start = d.logCreated!.periodStart
            case .figureAsserted: break
            case .eventCorrected: let c = d.correction!; facts[c.target] = c.replacement
            case .eventRetracted: facts[d.retraction!.target] = nil
            case .indicatorDefined, .indicatorChanged:
                let name = d.value(named: "indicator")!.text!
                var i = indicators[name] ?? (false, 0, [:])
                if let a = d.value(named: "aggregate")?.text { i.level = a == "level" }
                if let x = d.value(named: "decimals")?.int { i.decimals = Int(x) }
                if d.value(named: "measure")?.text == "count" { i.decimals = 0 }
                for dim in d.value(named: "dimensions")?.list ?? [] {
                    let members = dim.members ?? []
                    let dname = members.first { $0.name == "name" }!.value.text!
                    let values = (members.first { $0.name == "values" }?.value.list ?? []).compactMap { v in
                        v.members?.first { $0.name == "value" }?.value.text
                    }
                    i.dimensions[dname, default: []] += values.filter { !(i.dimensions[dname] ?? []).contains($0) }
                }
                indicators[name] = i
            case .indicatorRetired: break
            case .ratioDefined:
                ratios[d.value(named: "indicator")!.text!] = (d.value(named: "numerator")!.text!, d.value(named: "denominator")!.text!,
                                                             d.value(named: "percent")!.bool!)
            case .vocabularyExtended:
                extensions[d.value(named: "field")!.text!, default: []].append(d.value(named: "value")!.text!)
            default: facts[e.seq] = e.fact
            }
        }
        periodStart = override ?? start
        effective = facts.keys.sorted().map { ($0, facts[$0]!) }
    }

    // MARK: Names

    /// Every figure name: the built-in catalogue's, plus what the declarations add.
    public var figureNames: Set<String> {
        var out = Set(FigureCatalogue().names)
        for v in extensions["model.kind"] ?? [] { out.insert("models.\(v)"); out.insert("models.\(v).members") }
        for v in extensions["weapon.kind"] ?? [] { out.insert("weapons.\(v)") }
        for v in extensions["case.category"] ?? [] { out.insert("cases.\(v)") }
        for v in extensions["award.issuer"] ?? [] { out.insert("awards.collective.\(v)"); out.insert("awards.individual.\(v)") }
        for (name, i) in indicators {
            out.insert(name)
            for values in i.dimensions.values { for v in values { out.insert("\(name).\(v)") } }
        }
        for name in ratios.keys { out.insert(name) }
        return out
    }

    // MARK: Units

    /// `successor`: where an ended unit's figures are summed (merged, split
    /// or abolished into), read straight from the facts.
    public struct UnitState: Equatable { public var name: String; public var kind: String; public var parent: String?; public var merged: Bool; public var successor: String? = nil }

    func unit(_ code: String, on d: CivilDate) -> UnitState? {
        var s: UnitState?
        let facts = effective.filter { $0.fact.unit == code && $0.fact.type.isUnitEvent && $0.fact.occurred <= d }
            .sorted { ($0.fact.occurred, $0.seq) < ($1.fact.occurred, $1.seq) }
        for (_, f) in facts {
            let data = f.data
            switch f.type {
            case .unitRegistered:
                s = UnitState(name: data.value(named: "name")!.text!, kind: data.value(named: "kind")!.text!,
                              parent: data.value(named: "parent")?.text, merged: false)
            case .unitChanged:
                if let n = data.value(named: "name")?.text { s?.name = n }
                if let k = data.value(named: "kind")?.text { s?.kind = k }
                if let p = data.value(named: "parent") { s?.parent = p.text }
            case .unitMerged, .unitSplit, .unitAbolished:
                if s?.merged == false { s?.merged = true; s?.successor = data.value(named: "into")?.text }
            case .unitContinued:
                s?.name = data.value(named: "name")!.text!
                s?.kind = data.value(named: "kind")!.text!
                s?.parent = data.value(named: "parent")?.text
            default: break
            }
        }
        return s
    }

    var allUnitCodes: [String] {
        var seen: [String] = []
        for (_, f) in effective where f.type == .unitRegistered { if !seen.contains(f.unit!) { seen.append(f.unit!) } }
        return seen
    }

    static func subtree(_ top: String, _ states: [String: UnitState]) -> Set<String> {
        var out: Set<String> = []
        for code in states.keys {
            var cur: String? = code
            var steps = 0
            while let c = cur, steps < 100 {
                if c == top { out.insert(code); break }
                cur = states[c].flatMap { $0.merged ? $0.successor ?? $0.parent : $0.parent }
                steps += 1
            }
        }
        return out
    }

    // MARK: Flows

    static let localIssuers: Set<String> = ["province", "provincial_police", "district", "commune"]

    /// What a fact adds to a named flow figure, from the figure names of the issues.
    func contribution(_ data: EventData, to metric: String) -> ExactDecimal {
        func n(_ field: String) -> ExactDecimal { data.value(named: field)?.decimal ?? .zero }
        func t(_ field: String) -> String { data.value(named: field)?.text ?? "" }
        switch data.type {
        case .tipReceived:
            return metric == "tips" || (metric == "tips.valuable" && data.value(named: "valuable")?.bool == true) ? n("count") : .zero
        case .caseSolved:
            return metric == "cases" || metric == "cases.\(t("category"))" ? n("count") : .zero
        case .arrestMade:
            return metric == "arrests" || (metric == "arrests.caught_in_act" && data.value(named: "caught_in_act")?.bool == true) ? n("count") : .zero
        case .weaponSeized:
            return metric == "weapons.\(t("kind"))" ? n("quantity") : .zero
        case .awardGranted:
            let base = "awards.\(t("recipient_kind"))"
            if metric == base || metric == "\(base).\(t("issuer"))" { return n("count") }
            if metric == "\(base).local" && Reference.localIssuers.contains(t("issuer")) { return n("count") }
            return .zero
        case .indicatorRecorded:
            let name = t("indicator")
            guard let i = indicators[name], !i.level else { return .zero }
            if metric == name { return n("value") }
            for (dim, _) in i.dimensions where metric == "\(name).\(t(dim))" { return n("value") }
            return .zero
        default:
            return .zero
        }
    }

    // MARK: State

    struct ModelState { var unit: String; var kind: String; var members: Int64; var active: Bool }

    func models(on d: CivilDate) -> [String: ModelState] {
        var out: [String: ModelState] = [:]
        let facts = effective.filter { $0.fact.type.isModelEvent && $0.fact.occurred <= d }
            .sorted { ($0.fact.occurred, $0.seq) < ($1.fact.occurred, $1.seq) }
        for (_, f) in facts {
            let id = f.data.value(named: "model")!.text!
            switch f.type {
            case .modelEstablished:
                out[id] = ModelState(unit: f.unit!, kind: f.data.value(named: "kind")!.text!, members: f.data.value(named: "members")?.int ?? 0, active: true)
            case .modelChanged:
                if let k = f.data.value(named: "kind")?.text { out[id]?.kind = k }
                if let m = f.data.value(named: "members")?.int { out[id]?.members = m }
            case .modelDissolved: out[id]?.active = false
            default: break
            }
        }
        return out
    }
}
