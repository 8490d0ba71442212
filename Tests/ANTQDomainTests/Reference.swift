import Foundation
import TextFormats
@testable import ANTQDomain

/// A deliberately naive second implementation of the figures, written from
/// the wording and sharing no code with the projections: it resolves
/// amendments by keeping, for each original event, the fact of its last
/// correction (or nothing after a retraction), then answers every question
/// by brute force over all the effective facts. Slow and obvious on purpose.
struct Reference {
    let periodStart: (month: Int, day: Int)
    /// seq of an original fact → its effective fact (corrections applied, retractions removed).
    var effective: [(seq: Int, fact: Fact)] = []

    init(_ events: [Event], periodStart override: MonthDay? = nil) {
        var start = (month: 1, day: 1)
        var facts: [Int: Fact] = [:]
        for e in events {
            switch e.data {
            case .logCreated(let c): start = (c.periodStart.month, c.periodStart.day)
            case .figureAsserted: break
            case .corrected(let c): facts[c.target] = c.replacement
            case .retracted(let r): facts[r.target] = nil
            default: facts[e.seq] = e.fact
            }
        }
        if let o = override { start = (o.month, o.day) }
        periodStart = start
        effective = facts.keys.sorted().map { ($0, facts[$0]!) }
    }

    // MARK: Periods

    func year(of d: CivilDate) -> Int {
        if periodStart == (1, 1) { return d.year }
        return (d.month > periodStart.month || (d.month == periodStart.month && d.day >= periodStart.day)) ? d.year + 1 : d.year
    }

    func lastDay(of year: Int) -> CivilDate {
        if periodStart == (1, 1) { return CivilDate(year: year, month: 12, day: 31)! }
        return CivilDate(year: year, month: periodStart.month, day: periodStart.day)!.adding(days: -1)
    }

    // MARK: Units

    struct UnitState: Equatable { var name: String; var kind: UnitKind; var parent: String?; var merged: Bool }

    /// Every fact about a unit on or before `d`, in day order then seq order.
    func unitFacts(_ code: String, upTo d: CivilDate) -> [(Int, Fact)] {
        effective.filter { $0.fact.unit == code && $0.fact.type.isUnitEvent && $0.fact.occurred <= d }
            .sorted { ($0.fact.occurred, $0.seq) < ($1.fact.occurred, $1.seq) }
            .map { ($0.seq, $0.fact) }
    }

    func unit(_ code: String, on d: CivilDate) -> UnitState? {
        var s: UnitState?
        for (_, f) in unitFacts(code, upTo: d) {
            switch f.data {
            case .unitRegistered(let n, let k, let p): s = UnitState(name: n, kind: k, parent: p, merged: false)
            case .unitChanged(let n, let k, let p):
                if let n { s?.name = n }
                if let k { s?.kind = k }
                if let p { s?.parent = p }
            case .unitMerged: s?.merged = true
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

    /// Units whose chain of parents, as the units stood (`states`), reaches `top` (including `top`).
    static func subtree(_ top: String, _ states: [String: UnitState]) -> Set<String> {
        var out: Set<String> = []
        for code in states.keys {
            var cur: String? = code
            var steps = 0
            while let c = cur, steps < 100 {
                if c == top { out.insert(code); break }
                cur = states[c]?.parent
                steps += 1
            }
        }
        return out
    }

    // MARK: Flows

    /// What a fact adds to a named figure, from the figure names of the issue.
    static func contribution(_ data: EventData, to metric: String) -> Int {
        let local: Set<Issuer> = [.province, .provincial_police, .district, .commune]
        switch data {
        case .tipReceived(let n, _, let valuable):
            return metric == "tips" || (metric == "tips.valuable" && valuable) ? n : 0
        case .caseSolved(let n, let cat, _):
            return metric == "cases" || metric == "cases.\(cat.rawValue)" ? n : 0
        case .arrestMade(let n, _, _):
            return metric == "arrests" ? n : 0
        case .weaponSeized(let kind, let q, _):
            return metric == "weapons.\(kind.rawValue)" ? q : 0
        case .awardGranted(let a):
            let base = "awards.\(a.recipientKind.rawValue)"
            if metric == base || metric == "\(base).\(a.issuer.rawValue)" { return a.count }
            if metric == "\(base).local" && local.contains(a.issuer) { return a.count }
            return 0
        default:
            return 0
        }
    }

    // MARK: State

    struct ModelState { var unit: String; var kind: ModelKind; var members: Int; var active: Bool }

    func models(on d: CivilDate) -> [String: ModelState] {
        var out: [String: ModelState] = [:]
        let facts = effective.filter { $0.fact.type.isModelEvent && $0.fact.occurred <= d }
            .sorted { ($0.fact.occurred, $0.seq) < ($1.fact.occurred, $1.seq) }
        for (_, f) in facts {
            switch f.data {
            case .modelEstablished(let id, let k, _, let m): out[id] = ModelState(unit: f.unit!, kind: k, members: m, active: true)
            case .modelChanged(let id, let k, _, let m):
                if let k { out[id]?.kind = k }
                if let m { out[id]?.members = m }
            case .modelDissolved(let id, _): out[id]?.active = false
            default: break
            }
        }
        return out
    }

    /// Everything needed to answer figures on one day: units and models as they stood.
    struct Day {
        let reference: Reference
        let day: CivilDate
        let units: [String: UnitState]
        let models: [String: ModelState]

        init(_ r: Reference, _ d: CivilDate) {
            reference = r
            day = d
            var u: [String: UnitState] = [:]
            for code in r.allUnitCodes { if let s = r.unit(code, on: d) { u[code] = s } }
            units = u
            models = r.models(on: d)
        }

        func subtree(_ top: String) -> Set<String> { Reference.subtree(top, units) }

        func state(_ metric: String, units set: Set<String>) -> Int? {
            let active = models.values.filter { $0.active && set.contains($0.unit) }
            if metric == "cameras" {
                return reference.effective.reduce(0) { sum, e in
                    guard let u = e.fact.unit, set.contains(u), e.fact.occurred <= day else { return sum }
                    switch e.fact.data {
                    case .cameraInstalled(let n): return sum + n
                    case .cameraRemoved(let n): return sum - n
                    default: return sum
                    }
                }
            }
            let communes = set.filter { u in units[u].map { $0.kind.isCommuneLevel && !$0.merged } ?? false }
            if metric == "communes" { return communes.count }
            if metric == "communes.with_club" {
                return communes.filter { c in active.contains { $0.unit == c && $0.kind == .crime_prevention_club } }.count
            }
            for k in ModelKind.allCases {
                if metric == "models.\(k.rawValue)" { return active.filter { $0.kind == k }.count }
                if metric == "models.\(k.rawValue).members" { return active.filter { $0.kind == k }.reduce(0) { $0 + $1.members } }
            }
            return nil
        }

        /// A flow over `set` in reporting year `year`.
        func flow(_ metric: String, units set: Set<String>, year y: Int) -> Int {
            reference.effective.reduce(0) { sum, e in
                guard let u = e.fact.unit, set.contains(u), reference.year(of: e.fact.occurred) == y else { return sum }
                return sum + Reference.contribution(e.fact.data, to: metric)
            }
        }
    }

    /// Every figure of `metrics` for every unit standing on the last day of `year`.
    func table(year: Int, metrics: [String]) -> [String: [String: Int]] {
        let d = Day(self, lastDay(of: year))
        // What happened in each unit itself this year, per figure.
        var own: [String: [String: Int]] = [:]
        for e in effective where self.year(of: e.fact.occurred) == year {
            guard let u = e.fact.unit else { continue }
            for m in metrics { own[u, default: [:]][m, default: 0] += Reference.contribution(e.fact.data, to: m) }
        }
        var out: [String: [String: Int]] = [:]
        for unit in d.units.keys {
            let set = d.subtree(unit)
            var row: [String: Int] = [:]
            for m in metrics {
                row[m] = d.state(m, units: set) ?? set.reduce(0) { $0 + (own[$1]?[m] ?? 0) }
            }
            out[unit] = row
        }
        return out
    }
}
