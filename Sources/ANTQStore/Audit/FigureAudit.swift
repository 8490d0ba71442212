import ANTQDomain
import EventLog
import TextFormats

/// The history of one figure: its value, every event that makes it up, the
/// corrections that changed it, and its value after each recording day.
/// The contributions always add up to the value: they are computed by the
/// same function the projection uses.
public struct FigureAudit: Sendable {
    public struct Contribution: Sendable, Equatable {
        public var seq: Int
        public var type: EventType
        public var occurred: CivilDate
        public var recorded: UTCInstant
        public var unit: String
        public var by: String
        public var amount: Int
        /// For an amendment: the event it amends and why.
        public var amends: Int?
        public var reason: String?
        /// For a state figure: the model or commune the amount stands for.
        public var subject: String?
    }

    public struct Step: Sendable, Equatable {
        /// The recording day (Vietnam time) after which the figure had `value`.
        public var day: CivilDate
        public var value: Int
        /// The events recorded that day that changed it.
        public var seqs: [Int]
        public var amendments: [Int]
    }

    public struct Assertion: Sendable, Equatable {
        public var seq: Int
        public var recorded: UTCInstant
        public var by: String
        public var announced: Int
        /// The figure as the log stood when the assertion was recorded.
        public var valueThen: Int
        public var note: String?
    }

    public var metric: Metric
    public var year: Int
    public var unit: String
    public var unitName: String
    public var period: ReportingPeriod
    public var value: Int
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this audit.
    public var chain: ChainCheck = .sha256
    public var asOf: UTCInstant?
    public var contributions: [Contribution]
    public var timeline: [Step]
    public var assertions: [Assertion]

    /// Corrections and retractions among the contributions.
    public var amendments: [Contribution] { contributions.filter { $0.amends != nil } }
    public var contributionsTotal: Int { contributions.reduce(0) { $0 + $1.amount } }
}

extension DataStore {
    /// Audits one figure in one streaming pass over the log (up to `asOf`).
    public func audit(metric: Metric, year: Int, unit: String?, asOf: UTCInstant? = nil,
                      periodStart: MonthDay? = nil) throws(StoreError) -> FigureAudit {
        var flowRows: [FigureAudit.Contribution] = []   // before the subtree filter
        var timeline: [FigureAudit.Step] = []
        var assertions: [FigureAudit.Assertion] = []
        var currentDay: CivilDate?
        var dayStart = Int64.min / 2
        var daySeqs: [Int] = []
        var dayAmendments: [Int] = []
        var touchedToday = false
        var lastValue = 0
        var resolvedUnit = unit
        var start = periodStart ?? .january1
        var headerKnown = false
        var cameraRows: [FigureAudit.Contribution] = []

        func query(_ l: Ledger) -> FigureQuery { FigureQuery(ledger: l, year: year, periodStart: start) }
        // Without --unit, the figure is the root's. The root, too, changes
        // only with unit events: found again after one, not at every
        // recording day (finding it looks at every unit).
        var foundRoot: String??
        func rootUnit(_ l: Ledger) -> String? {
            if let resolvedUnit { return resolvedUnit }
            if let foundRoot { return foundRoot }
            let root = l.units.roots(on: query(l).endDay).first
            foundRoot = .some(root)
            return root
        }
        // The units a flow is summed over change only with unit events: keep
        // them between recording days instead of walking the tree each day.
        // For a flow, the figure is kept per unit from the same contributions
        // the projection adds (the replay folds the other flow events on every
        // core, so the ledger's own counters lag behind until the end), and
        // as a running sum over the units below the root.
        var flowScope: Set<String>?
        var running: Int?
        var figureByUnit: [String: Int] = [:]
        func scope(_ l: Ledger) -> Set<String>? {
            if let flowScope { return flowScope }
            guard let u = rootUnit(l) else { return nil }
            flowScope = Set(query(l).subtree(u))
            return flowScope
        }
        func valueOf(_ l: Ledger) -> Int {
            guard let u = rootUnit(l) else { return 0 }
            guard case .flow = metric else { return query(l).value(metric, unit: u) }
            if let running { return running }
            let v = (scope(l) ?? []).reduce(0) { $0 + (figureByUnit[$1] ?? 0) }
            running = v
            return v
        }
        func closeDay(_ l: Ledger) {
            guard let day = currentDay, touchedToday else { return }
            let v = valueOf(l)
            if v != lastValue || timeline.isEmpty && v != 0 {
                timeline.append(.init(day: day, value: v, seqs: daySeqs, amendments: dayAmendments))
                lastValue = v
            }
            daySeqs = []
            dayAmendments = []
            touchedToday = false
        }

        // A flow figure is made of the flow events of its slot and year: the
        // replay folds every other flow event on all cores without showing it.
        var keep: (@Sendable (CivilDate, FlowAmount) -> Bool)?
        if case .flow(let slot) = metric {
            let header = try self.header()
            guard case .logCreated(let created) = header.data else { throw .damaged(file: layout.logDisplayName, line: 1, reason: "no log.created") }
            let foldStart = periodStart ?? created.periodStart
            keep = { occurred, amount in
                ReportingPeriod.year(of: occurred, start: foldStart) == year && FlowContribution.amount(of: amount, to: slot) != 0
            }
        }
        let result = try replay(asOf: asOf, periodStart: periodStart, useSnapshots: false, writeSnapshot: false,
                                sections: metric.isFlow ? [.base, .amendments, .flows] : Set(LedgerSection.allCases), visit: { e, _, ledger in
            if !headerKnown, case .logCreated(let c) = e.data {
                headerKnown = true
                if periodStart == nil { start = c.periodStart }
                foundRoot = nil
            }
            // The ledger here is as it stood before `e`: at a new recording
            // day it is the state at the end of the previous one.
            // Most events fall on the same recording day as the one before:
            // compare microseconds, convert to a date only at a new day.
            let micros = e.recorded.microsecondsSinceEpoch
            if micros < dayStart || micros >= dayStart + 86_400_000_000 {
                let day = Clock.vietnamDay(of: e.recorded)
                closeDay(ledger)
                currentDay = day
                dayStart = Int64(day.dayNumber) * 86_400_000_000 - 7 * 3_600_000_000
            }
            if case .figureAsserted(let m, let y, let announced, let note) = e.data, m == metric.name, y == year,
               e.unit == rootUnit(ledger) {
                assertions.append(.init(seq: e.seq, recorded: e.recorded, by: e.by, announced: announced, valueThen: valueOf(ledger), note: note))
            }
            // Only a unit event (or taking one back) can change the tree; a
            // retraction of anything else left it alone (3,000 of them in a
            // national log each walked the tree again).
            var changesTree = e.type.isUnitEvent
            if case .retracted(let r) = e.data { changesTree = r.was.map { $0.type.isUnitEvent } ?? true }
            // antq refuses to correct a unit event, but a stored line may (the projection applies it).
            if case .corrected(let c) = e.data, c.was?.type.isUnitEvent != false { changesTree = true }
            if changesTree { flowScope = nil; running = nil; foundRoot = nil }
            var touches = false
            if case .flow(let slot) = metric {
                // A flow figure changes with the contributions inside its units, or when a unit moves.
                touches = changesTree && Self.touches(e, metric)
                Self.flowContributions(of: e, slot: slot, year: year, start: start) { unit, amount, amends, reason in
                    flowRows.append(.init(seq: e.seq, type: e.type, occurred: e.occurred, recorded: e.recorded, unit: unit, by: e.by,
                                          amount: amount, amends: amends, reason: reason, subject: nil))
                    figureByUnit[unit, default: 0] += amount
                    if let scope = scope(ledger), scope.contains(unit) {
                        touches = true
                        if running != nil { running! += amount }
                    }
                }
            } else {
                touches = Self.touches(e, metric)
                if case .state(.cameras) = metric {
                    let end = ReportingPeriod(year: year, start: start).lastDay
                    Self.cameraContributions(of: e, until: end) { unit, amount, amends, reason in
                        cameraRows.append(.init(seq: e.seq, type: e.type, occurred: e.occurred, recorded: e.recorded, unit: unit, by: e.by,
                                                amount: amount, amends: amends, reason: reason, subject: nil))
                    }
                }
            }
            if touches {
                touchedToday = true
                daySeqs.append(e.seq)
                if e.type.isAmendment { dayAmendments.append(e.seq) }
            }
        }, visitsFlows: keep)
        let ledger = result.ledger
        closeDay(ledger)
        if resolvedUnit == nil { resolvedUnit = rootUnit(ledger) }
        guard let root = resolvedUnit else {
            throw .usage("the log has no units yet")
        }
        let q = FigureQuery(ledger: ledger, year: year, periodStart: result.periodStart)
        let scope = Set(q.subtree(root))
        var rows: [FigureAudit.Contribution]
        switch metric {
        case .flow:
            rows = flowRows.filter { scope.contains($0.unit) }
        case .state(.cameras):
            rows = cameraRows.filter { scope.contains($0.unit) }
        case .state(let s):
            rows = Self.stateContributions(s, ledger: ledger, scope: scope, day: q.endDay, log: self)
        }
        let value = q.value(metric, unit: root)
        return FigureAudit(metric: metric, year: year, unit: root, unitName: ledger.units.view(root)?.name ?? root, period: q.period,
                           value: value, fingerprint: result.fingerprint, chain: result.chain, asOf: asOf, contributions: rows, timeline: timeline,
                           assertions: assertions)
    }

    /// Whether an event can change a figure of this kind (for the timeline).
    static func touches(_ e: Event, _ metric: Metric) -> Bool {
        func kind(_ f: EventData) -> Bool {
            // Only a change of parent moves figures between units; a
            // registration or a merger leaves every flow where it was.
            var reparents = false
            if case .unitChanged(_, _, let p) = f, p != nil { reparents = true }
            let t = f.type
            switch metric {
            case .flow:
                switch t {
                case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted: return true
                default: return reparents
                }
            case .state(.cameras): return t == .cameraInstalled || t == .cameraRemoved || reparents
            case .state(.communes): return t.isUnitEvent
            case .state(.communesWithClub): return t.isModelEvent || t.isUnitEvent
            case .state: return t.isModelEvent || reparents
            }
        }
        switch e.data {
        case .corrected(let c): return kind(c.replacement.data)
        case .retracted(let r): return r.was.map { kind($0.data) } ?? false
        default: return kind(e.data)
        }
    }

    /// The facts an event adds (sign +1) or takes back (sign -1), with the
    /// amended seq and reason for an amendment: a correction takes back what
    /// its target said (`was`) and adds the replacement; a retraction only
    /// takes back. The same rule as `FactChange`, with the audit's details.
    static func forEachSignedFact(of e: Event, _ body: (Fact, Int, Int?, String?) -> Void) {
        switch e.data {
        case .corrected(let c):
            if let was = c.was { body(was, -1, c.target, c.reason) }
            body(c.replacement, 1, c.target, c.reason)
        case .retracted(let r):
            if let was = r.was { body(was, -1, r.target, r.reason) }
        default:
            body(e.fact, 1, nil, nil)
        }
    }

    /// What an event adds to a flow in a year, per unit (an amendment may
    /// take from one unit and give to another).
    static func flowContributions(of e: Event, slot: Int, year: Int, start: MonthDay,
                                  _ body: (String, Int, Int?, String?) -> Void) {
        switch e.data {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted:
            // The common case, read straight off the event (no Fact copy).
            guard let u = e.unit, ReportingPeriod.year(of: e.occurred, start: start) == year else { return }
            let n = FlowContribution.amount(of: e.data, to: slot)
            if n != 0 { body(u, n, nil, nil) }
        case .corrected, .retracted:
            forEachSignedFact(of: e) { f, sign, amends, reason in
                guard let u = f.unit, ReportingPeriod.year(of: f.occurred, start: start) == year else { return }
                let n = FlowContribution.amount(of: f.data, to: slot)
                if n != 0 { body(u, sign * n, amends, reason) }
            }
        default:
            break
        }
    }

    static func cameraContributions(of e: Event, until end: CivilDate, _ body: (String, Int, Int?, String?) -> Void) {
        forEachSignedFact(of: e) { f, sign, amends, reason in
            guard let u = f.unit, f.occurred <= end else { return }
            switch f.data {
            case .cameraInstalled(let n): body(u, sign * n, amends, reason)
            case .cameraRemoved(let n): body(u, -sign * n, amends, reason)
            default: break
            }
        }
    }

    /// State figures are made of things that stand on the day: each active
    /// model (or commune) contributes, through the events that set it.
    static func stateContributions(_ s: Metric.StateMetric, ledger: Ledger, scope: Set<String>, day: CivilDate,
                                   log: DataStore) -> [FigureAudit.Contribution] {
        var rows: [FigureAudit.Contribution] = []
        func row(_ seq: Int, _ unit: String, _ amount: Int, _ subject: String) {
            let e = try? log.event(seq: seq)
            rows.append(.init(seq: seq, type: e?.type ?? .modelEstablished, occurred: e?.occurred ?? day,
                              recorded: e?.recorded ?? UTCInstant(microsecondsSinceEpoch: 0), unit: unit, by: e?.by ?? "",
                              amount: amount, amends: nil, reason: nil, subject: subject))
        }
        switch s {
        case .models(let k), .members(let k):
            for m in ledger.models.activeModels(on: day) where m.kind == k && scope.contains(m.unit) {
                guard let r = ledger.models.record(m.id) else { continue }
                let entries = r.entries.filter { $0.day <= Int32(day.dayNumber) }
                // The event that set the figure: establishment for a count, the last members change for members.
                var source = entries.first?.seq ?? 0
                if case .members = s {
                    for en in entries {
                        switch en.change {
                        case .established: source = en.seq
                        case .changed(_, _, let mem) where mem != nil: source = en.seq
                        default: break
                        }
                    }
                }
                row(source, m.unit, s == .models(k) ? 1 : m.members, "\(m.id) \(m.name)")
            }
        case .communes, .communesWithClub:
            let clubs = Set(ledger.models.activeModels(on: day).filter { $0.kind == .crime_prevention_club }.map(\.unit))
            let clubModels = Dictionary(ledger.models.activeModels(on: day).filter { $0.kind == .crime_prevention_club }.map { ($0.unit, $0.id) },
                                        uniquingKeysWith: { a, _ in a })
            for code in scope.sorted() {
                guard let v = ledger.units.view(code, on: day), v.kind.isCommuneLevel, v.mergedInto == nil,
                      let reg = ledger.units.records[code]?.entries.first?.seq else { continue }
                if s == .communes {
                    row(reg, code, 1, "\(v.kind.vietnamese) \(v.name)")
                } else if clubs.contains(code), let id = clubModels[code], let seq = ledger.models.record(id)?.entries.first?.seq {
                    row(seq, code, 1, "\(v.kind.vietnamese) \(v.name): \(id)")
                }
            }
        case .cameras:
            break
        }
        return rows.sorted { $0.seq < $1.seq }
    }
}
