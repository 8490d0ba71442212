import ANTQDomain
import Decimals
import EventLog
import TextFormats

/// The history of one figure for a unit and a period: its value, every
/// event that makes it up, the corrections that changed it, and its value
/// after each recording day. The contributions always add up to the value:
/// they are computed by the same rules the projection applies.
public struct FigureAudit: Sendable {
    public struct Contribution: Sendable, Equatable {
        public var seq: Int
        public var type: EventType
        public var occurred: CivilDate
        public var recorded: UTCInstant
        public var unit: String
        public var by: String
        public var amount: ExactDecimal
        /// For an amendment: the event it amends and why.
        public var amends: Int?
        public var reason: String?
        /// For a state or level figure: the model, commune or record the amount stands for.
        public var subject: String?

        public init(seq: Int, type: EventType, occurred: CivilDate, recorded: UTCInstant, unit: String, by: String, amount: ExactDecimal,
                    amends: Int?, reason: String?, subject: String?) {
            self.seq = seq; self.type = type; self.occurred = occurred; self.recorded = recorded; self.unit = unit; self.by = by
            self.amount = amount; self.amends = amends; self.reason = reason; self.subject = subject
        }
    }

    public struct Step: Sendable, Equatable {
        /// The recording day (Vietnam time) after which the figure had `value`.
        public var day: CivilDate
        public var value: ExactDecimal?
        /// The events recorded that day that changed it.
        public var seqs: [Int]
        public var amendments: [Int]

        public init(day: CivilDate, value: ExactDecimal?, seqs: [Int], amendments: [Int]) {
            self.day = day; self.value = value; self.seqs = seqs; self.amendments = amendments
        }
    }

    public struct Assertion: Sendable, Equatable {
        public var seq: Int
        public var recorded: UTCInstant
        public var by: String
        public var announced: ExactDecimal
        /// The figure as the log stood when the assertion was recorded.
        public var valueThen: ExactDecimal?
        public var note: String?

        public init(seq: Int, recorded: UTCInstant, by: String, announced: ExactDecimal, valueThen: ExactDecimal?, note: String?) {
            self.seq = seq; self.recorded = recorded; self.by = by; self.announced = announced; self.valueThen = valueThen; self.note = note
        }
    }

    public var figure: FigureDefinition
    public var unit: String
    public var unitName: String
    public var period: Period
    /// Nil for a ratio whose denominator is 0.
    public var value: ExactDecimal?
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this audit.
    public var chain: ChainCheck = .sha256
    public var asOf: UTCInstant?
    public var contributions: [Contribution]
    public var timeline: [Step]
    public var assertions: [Assertion]
    /// Set when the unit did not yet stand on the period's last day (a ward
    /// made by a later reorganisation): the figure is restated on the units
    /// of this day, the sum of its predecessors' events.
    public var restatedOn: CivilDate?

    /// Public: the static site builds its audits from one pass over the log
    /// and renders them with the same code as `antq audit`.
    public init(figure: FigureDefinition, unit: String, unitName: String, period: Period, value: ExactDecimal?, fingerprint: Fingerprint,
                chain: ChainCheck, asOf: UTCInstant?, contributions: [Contribution], timeline: [Step], assertions: [Assertion]) {
        self.figure = figure; self.unit = unit; self.unitName = unitName; self.period = period; self.value = value
        self.fingerprint = fingerprint; self.chain = chain; self.asOf = asOf
        self.contributions = contributions; self.timeline = timeline; self.assertions = assertions
    }

    /// Corrections and retractions among the contributions.
    public var amendments: [Contribution] { contributions.filter { $0.amends != nil } }
    public var contributionsTotal: ExactDecimal { contributions.reduce(ExactDecimal.zero) { $0 + $1.amount } }
}

extension DataStore {
    /// Audits one figure in one streaming pass over the log (up to `asOf`).
    /// - Parameters:
    ///   - unitsOf: read the figure on the units of this day (a new ward's
    ///     figure for an earlier period is then its predecessors').
    ///   - units: the log's units as of `asOf`, when the caller has read
    ///     them already (else they are read from the snapshot here).
    public func audit(figure name: String, period: Period, unit: String?, asOf: UTCInstant? = nil,
                      periodStart: MonthDay? = nil, unitsOf: CivilDate? = nil, units known: Ledger? = nil) throws(StoreError) -> FigureAudit {
        var flowRows: [FigureAudit.Contribution] = []
        var timeline: [FigureAudit.Step] = []
        var assertions: [FigureAudit.Assertion] = []
        var currentDay: CivilDate?
        var dayStart = Int64.min / 2
        var daySeqs: [Int] = []
        var dayAmendments: [Int] = []
        var touchedToday = false
        var lastValue: ExactDecimal?? = .none
        let days = period.firstDay...period.lastDay
        let wholeMonths = FigureQuery.isWholeMonths(first: period.firstDay, last: period.lastDay, periodStart: period.start)
        // The figure as the catalogue stands now (a declared one is known once declared).
        let definition = try figureDefinition(name, asOf: asOf)

        func query(_ l: Ledger) -> FigureQuery {
            wholeMonths ? FigureQuery(ledger: l, first: period.firstDay, last: period.lastDay, periodStart: period.start)
                        : FigureQuery(ledger: l, first: period.firstDay, last: period.lastDay, months: nil)
        }
        // Asked for (`unitsOf`), or for a unit that did not yet stand on the
        // period's last day but stands now (a ward made by a later
        // reorganisation): the figure is read on a later day's units, as
        // `summary --compare` restates it — the sum of the predecessors'
        // events. The units are read first (from the snapshot) so the single
        // pass below knows the scope.
        var restated: (day: CivilDate, scope: Set<String>)?
        if let unit, definition.isFlow {
            let units: Ledger
            if let known { units = known } else {
                units = try replay(asOf: asOf, periodStart: periodStart, writeSnapshot: false, sections: [.base]).ledger
            }
            if let day = unitsOf {
                restated = (day, Set(query(units).onBoundaries(of: day).subtree(unit)))
            } else if units.units.view(unit, on: period.lastDay) == nil, let last = units.lastRecorded {
                let today = Clock.vietnamDay(of: last)
                if units.units.view(unit, on: today) != nil {
                    restated = (today, Set(query(units).onBoundaries(of: today).subtree(unit)))
                }
            }
        }
        var foundRoot: String??
        func rootUnit(_ l: Ledger) -> String? {
            if let unit { return unit }
            if let foundRoot { return foundRoot }
            let root = l.units.roots(on: period.lastDay).first
            foundRoot = .some(root)
            return root
        }
        // A flow figure is kept per unit from the contributions (the replay
        // folds the other flow events on every core, so the ledger's own
        // figures lag behind until the end), summed over the root's subtree.
        var scope: Set<String>?
        var byUnit: [String: ExactDecimal] = [:]
        func scopeOf(_ l: Ledger) -> Set<String> {
            if let restated { return restated.scope }
            if let scope { return scope }
            let s = rootUnit(l).map { Set(query(l).subtree($0)) } ?? []
            scope = s
            return s
        }
        func valueOf(_ l: Ledger) -> ExactDecimal? {
            guard let u = rootUnit(l) else { return .zero }
            if definition.isFlow { return scopeOf(l).reduce(ExactDecimal.zero) { $0 + (byUnit[$1] ?? .zero) } }
            return query(l).value(name, unit: u)
        }
        func closeDay(_ l: Ledger) {
            guard let day = currentDay, touchedToday else { return }
            let v = valueOf(l)
            if lastValue == nil || lastValue! != v {
                if !(timeline.isEmpty && (v ?? .zero).isZero && lastValue == nil) {
                    timeline.append(.init(day: day, value: v, seqs: daySeqs, amendments: dayAmendments))
                }
                lastValue = .some(v)
            }
            daySeqs = []
            dayAmendments = []
            touchedToday = false
        }
        var keep: (@Sendable (Event) -> Bool)?
        if definition.isFlow {
            keep = { e in days.contains(e.occurred) && FigureContributions.flowAmount(of: e.fact, to: name, catalogue: DeclaredCatalogue()) != 0 }
        }
        func visit(_ e: Event, _ line: UnsafeRawBufferPointer, _ ledger: inout Ledger) {
            // The ledger here is as it stood before `e`.
            let micros = e.recorded.microsecondsSinceEpoch
            if micros < dayStart || micros >= dayStart + 86_400_000_000 {
                let day = Clock.vietnamDay(of: e.recorded)
                closeDay(ledger)
                currentDay = day
                dayStart = Int64(day.dayNumber) * 86_400_000_000 - 7 * 3_600_000_000
            }
            if e.type == .figureAsserted, e.data.text(FigureAsserted.metric) == name, e.unit == rootUnit(ledger),
               Self.assertion(e.data, recorded: e.recorded, isFor: period), let announced = e.data.decimal(FigureAsserted.value) {
                assertions.append(.init(seq: e.seq, recorded: e.recorded, by: e.by, announced: announced, valueThen: valueOf(ledger),
                                        note: e.data.text(FigureAsserted.note)))
            }
            var changesTree = e.type.isUnitEvent
            FigureContributions.forEachSignedFact(of: e) { f, _, _, _ in if f.type.isUnitEvent { changesTree = true } }
            if changesTree { scope = nil; foundRoot = nil }
            var touches = changesTree && FigureContributions.touches(e, definition)
            if definition.isFlow {
                FigureContributions.forEachSignedFact(of: e) { f, sign, amends, reason in
                    guard let u = f.unit, days.contains(f.occurred) else { return }
                    let n = FigureContributions.flowAmount(of: f, to: name, catalogue: ledger.catalogue)
                    guard n != 0 else { return }
                    let amount = ExactDecimal.of(units: n * Int128(sign), decimals: definition.decimals)
                    flowRows.append(.init(seq: e.seq, type: e.type, occurred: f.occurred, recorded: e.recorded, unit: u, by: e.by,
                                          amount: amount, amends: amends, reason: reason, subject: nil))
                    byUnit[u] = (byUnit[u] ?? .zero) + amount
                    if scopeOf(ledger).contains(u) { touches = true }
                }
            } else {
                touches = touches || FigureContributions.touches(e, definition)
                if name == "cameras" {
                    FigureContributions.forEachSignedFact(of: e) { f, sign, amends, reason in
                        guard let u = f.unit, f.type.isCameraEvent, f.occurred <= period.lastDay else { return }
                        let n = (f.data.int(CameraCount.count) ?? 0) * Int64(sign) * (f.type == .cameraInstalled ? 1 : -1)
                        flowRows.append(.init(seq: e.seq, type: e.type, occurred: f.occurred, recorded: e.recorded, unit: u, by: e.by,
                                              amount: ExactDecimal(n), amends: amends, reason: reason, subject: nil))
                    }
                }
            }
            if touches {
                touchedToday = true
                daySeqs.append(e.seq)
                if e.type.isAmendment { dayAmendments.append(e.seq) }
            }
        }
        // Only the flows of the period's days are folded: no figure of the audit reads another
        // day's (a ratio's parts are the period's flows too), and most of a log lies outside it.
        let result = try replay(asOf: asOf, periodStart: periodStart, useSnapshots: false, writeSnapshot: false,
                                sections: definition.isFlow ? [.base, .amendments, .flows] : Set(LedgerSection.allCases),
                                flowDays: days, visit: visit, visitsFlows: keep, visitReadsLines: false)
        let ledger = result.ledger
        closeDay(ledger)
        guard let root = rootUnit(ledger) else { throw .usage(Text("sổ chưa có đơn vị nào", "the log has no units yet")) }
        let q = restated.map { query(ledger).onBoundaries(of: $0.day) } ?? query(ledger)
        let inScope = restated?.scope ?? Set(q.subtree(root))
        let anchor = result.anchor
        let lookup: (Int) -> Event? = { try? self.event(seq: $0, anchor: anchor) }
        var rows: [FigureAudit.Contribution]
        switch definition.kind {
        case .flow: rows = flowRows.filter { inScope.contains($0.unit) }
        case .state where name == "cameras": rows = flowRows.filter { inScope.contains($0.unit) }
        case .state: rows = Self.stateContributions(name, ledger: ledger, scope: inScope, day: period.lastDay, lookup: lookup)
        case .level: rows = Self.levelContributions(name, ledger: ledger, scope: inScope, day: period.lastDay, lookup: lookup)
        case .ratio: rows = []
        }
        // Named as it stood on the day its figure is read on (a code the 2025 reorganisation
        // kept for a new ward was another ward in 2018), as `summary` names it.
        let named = ledger.units.view(root, on: restated?.day ?? period.lastDay) ?? ledger.units.view(root)
        var audit = FigureAudit(figure: definition, unit: root, unitName: named?.name ?? root, period: period,
                                value: q.value(name, unit: root), fingerprint: result.fingerprint, chain: result.chain, asOf: asOf,
                                contributions: rows, timeline: timeline, assertions: assertions)
        audit.restatedOn = restated?.day
        return audit
    }

    /// The figure's definition, from the catalogue the log declares (up to `asOf`).
    func figureDefinition(_ name: String, asOf: UTCInstant?) throws(StoreError) -> FigureDefinition {
        if let d = FigureCatalogue()[name] { return d }
        let ledger = try replay(asOf: asOf, writeSnapshot: false, sections: [.base]).ledger
        guard let d = ledger.figures[name] else {
            throw .usage(Text("'\(name)' không phải chỉ tiêu của sổ này; 'antq figures' liệt kê các chỉ tiêu", "'\(name)' is not a figure of this log; 'antq figures' lists them"))
        }
        return d
    }

    /// Whether a published figure is for this period: its `period` (read by
    /// the one parser, `today` being the day it was recorded), or the reporting year `year`.
    public static func assertion(_ d: EventData, recorded: UTCInstant, isFor period: Period) -> Bool {
        (try? FigureAsserted.period(of: d, periodStart: period.start, recordedOn: Clock.vietnamDay(of: recorded))) == period
    }
}
