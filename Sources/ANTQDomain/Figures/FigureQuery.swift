import TextFormats

/// Reads figures out of a ledger: a flow is the sum over the unit's subtree
/// (as the tree stood on the period's last day) of the counters of that
/// year; a state figure is evaluated on the period's last day.
public struct FigureQuery: Sendable {
    public let ledger: Ledger
    public let period: ReportingPeriod

    /// The day state figures and the unit tree are read on.
    public let endDay: CivilDate
    /// Models standing on `endDay`, read once and only if a state figure is
    /// asked for: a report asks for the state figures of many units, and a
    /// national log holds tens of thousands of models; an audit of a flow
    /// makes a query per recording day and needs none.
    private var standing = StandingModels()
    /// The unit tree and camera counts on `endDay`, worked out once per
    /// query: a summary asks for the subtrees of a dozen units and the
    /// cameras of each unit twice. Unlike `standing`, never handed to
    /// another query (the units or cameras may change in between).
    private let tree = UnitsOnDay()

    var active: [ModelRegistry.View] {
        if let m = standing.models { return m }
        let m = ledger.models.standingModels(on: endDay)
        standing.models = m
        return m
    }

    /// The standing models summed per unit, once per query: a report asks
    /// for the figures of a dozen units, each a subtree of hundreds, and
    /// walking twenty thousand models for each was a fifth of a `summary`.
    var modelsByUnit: [String: StandingModels.UnitTotals] {
        if let t = standing.byUnit { return t }
        var t: [String: StandingModels.UnitTotals] = [:]
        // A unit's models mostly come one after another (a snapshot keeps
        // them in id order, and ids begin with the unit): summed in a run
        // and stored once per run, not looked up per model.
        var unit: String?
        var run = StandingModels.UnitTotals()
        ledger.models.forEachStanding(on: endDay) { u, kind, members in
            if u != unit {
                if let unit { t[unit, default: StandingModels.UnitTotals()].add(run) }
                unit = u
                run = StandingModels.UnitTotals()
            }
            run.add(kind: kind.ordinal, members: members, club: kind == .crime_prevention_club)
        }
        if let unit { t[unit, default: StandingModels.UnitTotals()].add(run) }
        standing.byUnit = t
        return t
    }

    /// What this query has worked out about the standing models (on `endDay`).
    public var standingModels: StandingModels { standing }

    /// The same query, taking over standing models worked out by an earlier
    /// query for the same day: for a caller that knows the models have not
    /// changed since (verify checks dozens of published figures between two
    /// model events). Keeps no ledger alive, only the derived figures.
    public func reusing(_ cache: StandingModels, workedOutOn day: CivilDate) -> FigureQuery {
        guard day == endDay else { return self }
        var q = self
        q.standing = cache
        return q
    }

    public init(ledger: Ledger, year: Int, periodStart: MonthDay) {
        self.ledger = ledger
        self.period = ReportingPeriod(year: year, start: periodStart)
        self.endDay = period.lastDay
    }

    /// State on a given day (`antq state --date D`); flows are those of the day's reporting year so far.
    public init(ledger: Ledger, stateOn day: CivilDate, periodStart: MonthDay) {
        self.ledger = ledger
        self.period = ReportingPeriod(year: ReportingPeriod.year(of: day, start: periodStart), start: periodStart)
        self.endDay = day
    }

    /// Units counted under `unit` for this period.
    public func subtree(_ unit: String) -> [String] {
        UnitRegistry.subtree(unit, children: tree.children(of: ledger, on: endDay))
    }

    /// Every figure for `unit` (summed over its subtree), in `Metric.all` order.
    public func figures(unit: String) -> [Metric: Int] {
        figures(units: subtree(unit))
    }

    public func figures(units: [String]) -> [Metric: Int] {
        var out: [Metric: Int] = [:]
        var flows = [Int](repeating: 0, count: Metric.flowCount)
        for u in units {
            if let row = ledger.flows.row(unit: u, year: period.year) {
                for i in row.indices { flows[i] += row[i] }
            }
        }
        for i in flows.indices { out[.flow(i)] = flows[i] }
        for (k, v) in stateFigures(units: units) { out[k] = v }
        return out
    }

    public func value(_ metric: Metric, unit: String) -> Int {
        let units = subtree(unit)
        switch metric {
        case .flow(let slot):
            return units.reduce(0) { $0 + ledger.flows.value(unit: $1, year: period.year, slot: slot) }
        case .state:
            return stateFigures(units: units)[metric] ?? 0
        }
    }

    func stateFigures(units: [String]) -> [Metric: Int] {
        var out: [Metric: Int] = [:]
        for m in Metric.stateMetrics { out[.state(m)] = 0 }
        let byUnit = modelsByUnit
        var sum = StandingModels.UnitTotals()
        var cameras = 0
        var communes = 0
        var withClub = 0
        for u in Set(units) {
            let totals = byUnit[u]
            if let totals { sum.add(totals) }
            cameras += tree.cameras(of: ledger, on: endDay)[u] ?? 0
            if let v = ledger.units.view(u, on: endDay), v.kind.isCommuneLevel, v.mergedInto == nil {
                communes += 1
                if totals?.hasClub == true { withClub += 1 }
            }
        }
        for (k, kind) in ModelKind.allCases.enumerated() {
            out[.state(.models(kind))] = sum.models[k]
            out[.state(.members(kind))] = sum.members[k]
        }
        out[.state(.cameras)] = cameras
        out[.state(.communes)] = communes
        out[.state(.communesWithClub)] = withClub
        return out
    }
}

/// What a `FigureQuery` works out once about the units on its day (a query is used from one thread).
final class UnitsOnDay: @unchecked Sendable {
    private var childrenOnDay: [String: [String]]?
    private var camerasOnDay: [String: Int]?

    func children(of ledger: Ledger, on day: CivilDate) -> [String: [String]] {
        if let childrenOnDay { return childrenOnDay }
        let c = ledger.units.children(on: day)
        childrenOnDay = c
        return c
    }

    /// Cameras of every unit that has any, at the end of `day`.
    func cameras(of ledger: Ledger, on day: CivilDate) -> [String: Int] {
        if let camerasOnDay { return camerasOnDay }
        var c: [String: Int] = [:]
        for unit in ledger.models.cameras.keys { c[unit] = ledger.models.cameraCount(unit, on: day) }
        camerasOnDay = c
        return c
    }
}

/// The lazily read standing models of one query (a query is used from one thread).
public final class StandingModels: @unchecked Sendable {
    var models: [ModelRegistry.View]?
    var byUnit: [String: UnitTotals]?

    /// Standing models of one unit: count and members per kind (in `ModelKind.allCases` order).
    struct UnitTotals {
        var models = [Int](repeating: 0, count: ModelKind.allCases.count)
        var members = [Int](repeating: 0, count: ModelKind.allCases.count)
        var hasClub = false

        mutating func add(kind: Int, members n: Int, club: Bool) {
            models[kind] += 1
            members[kind] += n
            hasClub = hasClub || club
        }

        mutating func add(_ other: UnitTotals) {
            for k in models.indices {
                models[k] += other.models[k]
                members[k] += other.members[k]
            }
            hasClub = hasClub || other.hasClub
        }
    }
}
