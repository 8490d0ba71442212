import Decimals
import TextFormats

/// Reads figures out of a ledger for a period: a flow is the sum over the
/// unit's subtree (as the tree stood on the period's last day) of what its
/// facts added in the period's months; a state or level figure is read on
/// the period's last day; a ratio divides its two rolled-up figures.
public struct FigureQuery: Sendable {
    public let ledger: Ledger
    public let first: CivilDate
    public let last: CivilDate
    public let figures: FigureCatalogue
    /// The reporting months summed; nil for every month the table holds (a
    /// table folded for this period's days alone).
    public let months: ClosedRange<Int32>?
    /// The day whose unit tree rolls figures up: `last`, unless the query
    /// is one column of a longer period's report, whose columns all roll up
    /// over the report's tree so they add up to its total.
    public let treeDay: CivilDate
    private let cache = QueryCache()
    /// The standing models on `last`, shared with other queries of the same
    /// day while the models do not change (`verify` checks dozens of
    /// published figures between two model events).
    private let standing: StandingModels
    /// The day whose unit tree decides what is summed under a unit (default
    /// the period's last day); a compared period is read on the boundaries
    /// of the period it is compared with.
    public private(set) var boundaries: CivilDate?

    /// A period of whole reporting months of the ledger's flows.
    public init(ledger: Ledger, first: CivilDate, last: CivilDate, periodStart: MonthDay, standing: StandingModels? = nil,
                treeDay: CivilDate? = nil) {
        let m = ReportingMonths(start: periodStart)
        self.init(ledger: ledger, first: first, last: last, months: m.month(of: first)...m.month(of: last), standing: standing, treeDay: treeDay)
    }

    /// - Parameter months: nil when the ledger's flows were folded for the
    ///   period's days alone (a period that is not made of whole months).
    public init(ledger: Ledger, first: CivilDate, last: CivilDate, months: ClosedRange<Int32>?, standing: StandingModels? = nil,
                treeDay: CivilDate? = nil) {
        self.ledger = ledger
        self.first = first
        self.last = last
        self.treeDay = treeDay ?? last
        self.months = months
        self.figures = ledger.figures
        self.standing = standing ?? StandingModels()
    }

    /// Whether a period is made of whole reporting months (else its flows
    /// need a fold of their own, by day).
    public static func isWholeMonths(first: CivilDate, last: CivilDate, periodStart: MonthDay) -> Bool {
        let m = ReportingMonths(start: periodStart)
        return m.firstDay(of: m.month(of: first)) == first && m.lastDay(of: m.month(of: last)) == last
    }

    /// Units counted under `unit` for this period (as the tree stood on `treeDay`).
    public func subtree(_ unit: String) -> [String] {
        UnitRegistry.subtree(unit, children: cache.children(ledger, on: boundaries ?? treeDay))
    }

    /// This query read on the unit tree of `day` (a new ward's figure for an
    /// earlier period is then the sum of its predecessors').
    public func onBoundaries(of day: CivilDate) -> FigureQuery {
        var q = FigureQuery(ledger: ledger, first: first, last: last, months: months, standing: standing, treeDay: treeDay)
        q.boundaries = day
        return q
    }

    /// Every figure of the catalogue for `unit` (summed over its subtree); nil for a ratio without a value.
    public func values(unit: String) -> [String: ExactDecimal?] {
        let units = subtree(unit)
        var out: [String: ExactDecimal?] = [:]
        let flows = flowTotals(units)
        let state = stateTotals(units)
        for d in figures.definitions {
            switch d.kind {
            case .flow: out[d.name] = .of(units: flows[d.name] ?? 0, decimals: d.decimals)
            case .state: out[d.name] = ExactDecimal(state[d.name] ?? 0)
            case .level: out[d.name] = level(d.name, units: Set(units))
            case .ratio: break
            }
        }
        for d in figures.definitions {
            guard case .ratio(let n, let den, let percent) = d.kind else { continue }
            let a = (out[n] ?? nil) ?? value(n, unit: unit) ?? .zero
            let b = (out[den] ?? nil) ?? value(den, unit: unit) ?? .zero
            out[d.name] = ExactDecimal.ratio(a, b, decimals: 2, percent: percent)
        }
        return out
    }

    /// One figure for `unit`; nil for an unknown name or a ratio without a value.
    public func value(_ name: String, unit: String) -> ExactDecimal? {
        guard let d = figures[name] else { return nil }
        let units = subtree(unit)
        switch d.kind {
        case .flow: return .of(units: flowTotals(units)[name] ?? 0, decimals: d.decimals)
        case .state: return ExactDecimal(stateTotals(units)[name] ?? 0)
        case .level: return level(name, units: Set(units))
        case .ratio(let n, let den, let percent):
            return ExactDecimal.ratio(value(n, unit: unit) ?? .zero, value(den, unit: unit) ?? .zero, decimals: 2, percent: percent)
        }
    }

    // MARK: - Flows

    /// Flow totals (in each figure's smallest unit) over `units`.
    func flowTotals(_ units: [String]) -> [String: Int128] {
        let perUnit = cache.flowsByUnit(ledger.flows, months: months)
        var sums = [Int128](repeating: 0, count: ledger.flows.slotNames.count)
        for u in Set(units) {
            guard let row = perUnit[u] else { continue }
            for (i, v) in row.enumerated() { sums[i] += v }
        }
        var out: [String: Int128] = [:]
        for (i, v) in sums.enumerated() where v != 0 { out[ledger.flows.slotNames[i]] = v }
        return out
    }

    // MARK: - State and level figures on the last day

    func stateTotals(_ units: [String]) -> [String: Int64] {
        var out: [String: Int64] = [:]
        let byUnit = standing.byUnit(ledger, on: last)
        let cameras = cache.cameras(ledger, on: last)
        var communes: Int64 = 0, withClub: Int64 = 0
        for u in Set(units) {
            let totals = byUnit[u]
            for (kind, t) in totals?.kinds ?? [:] {
                out["models.\(kind)", default: 0] += t.models
                out["models.\(kind).members", default: 0] += t.members
            }
            out["cameras", default: 0] += cameras[u] ?? 0
            if let v = ledger.units.view(u, on: last), v.isCommuneLevel, v.mergedInto == nil {
                communes += 1
                if (totals?.kinds[Vocabulary.clubKind]?.models ?? 0) > 0 { withClub += 1 }
            }
        }
        out["communes"] = communes
        out["communes.with_club"] = withClub
        return out
    }

    func level(_ name: String, units: Set<String>) -> ExactDecimal {
        let day = Int32(last.dayNumber)
        if ledger.catalogue.indicators[name] != nil { return ledger.levels.sum(indicator: name, units: units, on: day) }
        // `INDICATOR.VALUE`: the records whose dimension has that value.
        let parts = name.split(separator: ".")
        for cut in stride(from: parts.count - 1, through: 1, by: -1) {
            let base = parts[..<cut].joined(separator: "."), code = parts[cut...].joined(separator: ".")
            guard let i = ledger.catalogue.indicators[base] else { continue }
            for (k, d) in i.dimensions.enumerated() where d.values.contains(where: { $0.code == code }) {
                return ledger.levels.sum(indicator: base, units: units, on: day, dimension: (k, code))
            }
        }
        return .zero
    }
}

/// What a query works out once (a query is used from one thread).
final class QueryCache: @unchecked Sendable {
    private var children: [String: [String]]?
    private var flows: [String: [Int128]]?
    private var camerasOnDay: [String: Int64]?

    func children(_ ledger: Ledger, on day: CivilDate) -> [String: [String]] {
        if let children { return children }
        let c = ledger.units.children(on: day)
        children = c
        return c
    }

    /// Each unit's flows summed over the months.
    func flowsByUnit(_ table: FlowTable, months: ClosedRange<Int32>?) -> [String: [Int128]] {
        if let flows { return flows }
        var out: [String: [Int128]] = [:]
        for (key, row) in table.rows where months?.contains(key.month) ?? true {
            var sum = out[key.unit] ?? [Int128](repeating: 0, count: table.slotNames.count)
            for (i, v) in row.enumerated() { sum[i] += v }
            out[key.unit] = sum
        }
        flows = out
        return out
    }

    func cameras(_ ledger: Ledger, on day: CivilDate) -> [String: Int64] {
        if let camerasOnDay { return camerasOnDay }
        var c: [String: Int64] = [:]
        for unit in ledger.models.cameras.keys { c[unit] = ledger.models.cameraCount(unit, on: day) }
        camerasOnDay = c
        return c
    }
}

/// The models standing on a day, summed per unit and kind, worked out once
/// and shared by the queries of that day (used from one thread).
public final class StandingModels: @unchecked Sendable {
    struct Totals {
        var kinds: [String: (models: Int64, members: Int64)] = [:]

        /// Counts one model, in place (a copy taken out and put back would copy `kinds` each time),
        /// with one look-up of its kind.
        mutating func add(kind: String, members: Int64) {
            func count(_ t: inout (models: Int64, members: Int64)) {
                t.models += 1
                t.members += members
            }
            count(&kinds[kind, default: (0, 0)])
        }
    }

    private var day: CivilDate?
    private var totals: [String: Totals] = [:]
    /// Worked out ahead for several days (`prepare`).
    private var prepared: [CivilDate: [String: Totals]] = [:]

    public init() {}

    /// Works out the models standing on each of `days` in one walk over the
    /// models (the columns of a report): what `byUnit` then returns for them.
    public func prepare(_ ledger: Ledger, days: [CivilDate]) {
        let sorted = Array(Set(days)).sorted()
        var out = [[String: Totals]](repeating: [:], count: sorted.count)
        ledger.models.forEachStanding(on: sorted) { i, unit, kind, members in
            out[i][unit, default: Totals()].add(kind: kind, members: members)
        }
        for (i, d) in sorted.enumerated() { prepared[d] = out[i] }
    }

    func byUnit(_ ledger: Ledger, on day: CivilDate) -> [String: Totals] {
        if let p = prepared[day] { return p }
        if self.day == day { return totals }
        var out: [String: Totals] = [:]
        ledger.models.forEachStanding(on: day) { unit, kind, members in
            out[unit, default: Totals()].add(kind: kind, members: members)
        }
        self.day = day
        totals = out
        return out
    }
}
