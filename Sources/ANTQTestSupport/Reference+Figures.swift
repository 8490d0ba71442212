import ANTQDomain
import Decimals
import TextFormats

extension Reference {
    /// The reporting year a day counts in.
    public func year(of d: CivilDate) -> Int {
        if periodStart == .january1 { return d.year }
        return (d.month > periodStart.month || (d.month == periodStart.month && d.day >= periodStart.day)) ? d.year + 1 : d.year
    }

    public func firstDay(of year: Int) -> CivilDate {
        if periodStart == .january1 { return CivilDate(year: year, month: 1, day: 1)! }
        return CivilDate(year: year - 1, month: periodStart.month, day: periodStart.day)!
    }

    public func lastDay(of year: Int) -> CivilDate {
        if periodStart == .january1 { return CivilDate(year: year, month: 12, day: 31)! }
        return CivilDate(year: year, month: periodStart.month, day: periodStart.day)!.adding(days: -1)
    }

    /// Every figure of `metrics` for every unit registered by `last`: flows
    /// summed over the facts that occurred from `first` to `last`; models,
    /// cameras, communes and level indicators as they stood on `last`;
    /// ratios from the two rolled-up figures. Nil only for a ratio over 0.
    ///
    /// - Parameters:
    ///   - treeOn: roll up over the unit tree of another day (a report
    ///     column rolls up over the tree of its report's last day); units
    ///     listed are those registered by that day.
    ///   - boundaries: the day whose tree decides what is summed under a
    ///     unit and whose units are listed (default `last`): a later day
    ///     restates the period on the units of that day.
    public func table(first: CivilDate, last: CivilDate, metrics: [String], treeOn treeDay: CivilDate? = nil,
                      boundaries: CivilDate? = nil) -> [String: [String: ExactDecimal?]] {
        var units: [String: UnitState] = [:]
        for code in allUnitCodes { if let s = unit(code, on: boundaries ?? last) { units[code] = s } }
        var tree = units
        if boundaries == nil, let treeDay {
            tree = [:]
            for code in allUnitCodes { if let s = unit(code, on: treeDay) { tree[code] = s } }
        }
        let models = self.models(on: last)
        // What happened in each unit itself in the period, per flow figure.
        var own: [String: [String: ExactDecimal]] = [:]
        for e in effective where first <= e.fact.occurred && e.fact.occurred <= last {
            guard let u = e.fact.unit else { continue }
            for m in metrics {
                let c = contribution(e.fact.data, to: m)
                if !c.isZero { own[u, default: [:]][m] = (own[u]?[m] ?? .zero) + c }
            }
        }
        var out: [String: [String: ExactDecimal?]] = [:]
        for code in tree.keys {
            let set = Reference.subtree(code, tree)
            var row: [String: ExactDecimal?] = [:]
            for m in metrics where ratios[m] == nil {
                row[m] = state(m, units: set, on: last, unitStates: units, models: models)
                    ?? set.reduce(ExactDecimal.zero) { $0 + (own[$1]?[m] ?? .zero) }
            }
            for m in metrics {
                guard let r = ratios[m] else { continue }
                let n = (row[r.numerator] ?? nil) ?? .zero, d = (row[r.denominator] ?? nil) ?? .zero
                row[m] = d.isZero ? nil : ExactDecimal.ratio(n, d, decimals: 2, percent: r.percent)
            }
            out[code] = row
        }
        return out
    }

    public func table(year: Int, metrics: [String]) -> [String: [String: ExactDecimal?]] {
        table(first: firstDay(of: year), last: lastDay(of: year), metrics: metrics)
    }

    /// A figure that stands on a day (nil for a flow figure).
    func state(_ metric: String, units set: Set<String>, on day: CivilDate, unitStates: [String: UnitState],
               models: [String: ModelState]) -> ExactDecimal? {
        let active = models.values.filter { $0.active && set.contains($0.unit) }
        if metric == "cameras" {
            return ExactDecimal(Int(effective.reduce(Int64(0)) { sum, e in
                guard let u = e.fact.unit, set.contains(u), e.fact.occurred <= day else { return sum }
                let n = e.fact.data.value(named: "count")?.int ?? 0
                switch e.fact.type {
                case .cameraInstalled: return sum + n
                case .cameraRemoved: return sum - n
                default: return sum
                }
            }))
        }
        let communes = set.filter { u in unitStates[u].map { Vocabulary.communeLevelKinds.contains($0.kind) && !$0.merged } ?? false }
        if metric == "communes" { return ExactDecimal(communes.count) }
        if metric == "communes.with_club" {
            return ExactDecimal(communes.filter { c in active.contains { $0.unit == c && $0.kind == "crime_prevention_club" } }.count)
        }
        if metric.hasPrefix("models.") {
            let rest = metric.dropFirst("models.".count)
            if rest.hasSuffix(".members") {
                let kind = String(rest.dropLast(".members".count))
                return ExactDecimal(Int(active.filter { $0.kind == kind }.reduce(Int64(0)) { $0 + $1.members }))
            }
            return ExactDecimal(active.filter { $0.kind == String(rest) }.count)
        }
        // A level indicator (or one of its dimension values): each unit's latest record per key.
        for (name, i) in indicators where i.level && (metric == name || metric.hasPrefix(name + ".")) {
            let value = metric == name ? nil : String(metric.dropFirst(name.count + 1))
            var latest: [String: (CivilDate, Int, ExactDecimal)] = [:]
            for e in effective where e.fact.type == .indicatorRecorded && e.fact.occurred <= day {
                let d = e.fact.data
                guard d.value(named: "indicator")?.text == name, let u = e.fact.unit, set.contains(u) else { continue }
                let dims = i.dimensions.keys.sorted().map { d.value(named: $0)?.text ?? "" }
                if let value, !dims.contains(value) { continue }
                let key = u + "|" + dims.joined(separator: "|")
                let candidate = (e.fact.occurred, e.seq, d.value(named: "value")!.decimal!)
                if let have = latest[key], (have.0, have.1) > (candidate.0, candidate.1) { continue }
                latest[key] = candidate
            }
            return latest.values.reduce(ExactDecimal.zero) { $0 + $1.2 }
        }
        return nil
    }
}
