import ANTQDomain
import ANTQStore
import Decimals
import EventLog
import TextFormats

/// Everything the static site needs, from one replay of the log: the ledger
/// (figures, units, amendments), every event by seq (event pages show
/// them), every flow contribution per figure (audit pages filter them by
/// unit and period instead of replaying the log once per page) and the
/// published figures.
///
/// Memory grows with the log (the events are kept): the site is written
/// for one province's log, not for the benchmark's million events.
struct SiteData {
    var replay: ReplayResult
    var events: [Int: Event] = [:]
    /// Flow figure name → its contributions in log order (signed; amendments carry their target and reason).
    var flows: [String: [FigureAudit.Contribution]] = [:]
    /// `figure.asserted` events in log order.
    var assertions: [Event] = []
    /// Camera installations and removals (signed), as `antq audit cameras` lists them.
    var cameras: [FigureAudit.Contribution] = []

    var ledger: Ledger { replay.ledger }

    init(store: DataStore, asOf: UTCInstant?) throws(StoreError) {
        var events: [Int: Event] = [:]
        var flows: [String: [FigureAudit.Contribution]] = [:]
        var assertions: [Event] = []
        var flowNames: [String]?
        var cameras: [FigureAudit.Contribution] = []
        let visit: (Event, UnsafeRawBufferPointer, inout Ledger) throws -> Void = { e, _, ledger in
            events[e.seq] = e
            if e.type == .figureAsserted { assertions.append(e) }
            // The declarations seen so far decide which flow figures exist.
            if e.type.isDeclaration { flowNames = nil }
            let names = flowNames ?? ledger.figures.definitions.filter(\.isFlow).map(\.name)
            flowNames = names
            FigureContributions.forEachSignedFact(of: e) { f, sign, amends, reason in
                guard let u = f.unit else { return }
                if f.type.isCameraEvent {
                    let n = (f.data.int(CameraCount.count) ?? 0) * Int64(sign) * (f.type == .cameraInstalled ? 1 : -1)
                    cameras.append(.init(seq: e.seq, type: e.type, occurred: f.occurred, recorded: e.recorded, unit: u, by: e.by,
                                         amount: ExactDecimal(n), amends: amends, reason: reason, subject: nil))
                }
                for name in names {
                    let n = FigureContributions.flowAmount(of: f, to: name, catalogue: ledger.catalogue)
                    guard n != 0, let d = ledger.figures[name] else { continue }
                    flows[name, default: []].append(.init(seq: e.seq, type: e.type, occurred: f.occurred, recorded: e.recorded, unit: u, by: e.by,
                                                          amount: .of(units: n * Int128(sign), decimals: d.decimals),
                                                          amends: amends, reason: reason, subject: nil))
                }
            }
        }
        replay = try store.replay(asOf: asOf, useSnapshots: false, writeSnapshot: false, visit: visit, visitReadsLines: false)
        self.events = events
        self.flows = flows
        self.assertions = assertions
        self.cameras = cameras
    }

    func unitName(_ code: String) -> String { ledger.units.view(code)?.name ?? code }

    /// The reporting years that have a flow fact, oldest first.
    func years() -> [Int] {
        var ys = Set<Int>()
        for list in flows.values { for c in list { ys.insert(ReportingPeriod.year(of: c.occurred, start: replay.periodStart)) } }
        return ys.sorted()
    }

    /// The flow audit of one figure for a unit and a period, from the collected contributions.
    func flowAudit(_ d: FigureDefinition, unit: String, period: Period, value: ExactDecimal?) -> FigureAudit {
        let scope = Set(SummaryReport.query(ledger, period).subtree(unit))
        let rows = (flows[d.name] ?? []).filter { period.contains($0.occurred) && scope.contains($0.unit) }
        // The timeline: the value after each recording day (Vietnam time) that changed it.
        var timeline: [FigureAudit.Step] = []
        var total = ExactDecimal.zero
        for c in rows.sorted(by: { $0.recorded < $1.recorded }) {
            total = total + c.amount
            let day = Clock.vietnamDay(of: c.recorded)
            if let last = timeline.last, last.day == day {
                timeline[timeline.count - 1].value = total
                timeline[timeline.count - 1].seqs.append(c.seq)
                if c.amends != nil { timeline[timeline.count - 1].amendments.append(c.seq) }
            } else {
                timeline.append(.init(day: day, value: total, seqs: [c.seq], amendments: c.amends != nil ? [c.seq] : []))
            }
        }
        return FigureAudit(figure: d, unit: unit, unitName: unitName(unit), period: period, value: value, fingerprint: replay.fingerprint,
                           chain: replay.chain, asOf: replay.asOf, contributions: rows, timeline: timeline,
                           assertions: assertions(d, unit: unit, period: period, rows: rows))
    }

    /// The audit of a standing or level figure: the models, communes, cameras
    /// or latest records that stand on the period's last day (no timeline:
    /// `antq audit` draws it from a replay the site does not do per figure).
    func standingAudit(_ d: FigureDefinition, unit: String, period: Period, value: ExactDecimal?) -> FigureAudit {
        let scope = Set(SummaryReport.query(ledger, period).subtree(unit))
        let events = self.events
        let rows: [FigureAudit.Contribution]
        switch d.kind {
        case .state where d.name == "cameras": rows = cameras.filter { $0.occurred <= period.lastDay && scope.contains($0.unit) }
        case .state: rows = DataStore.stateContributions(d.name, ledger: ledger, scope: scope, day: period.lastDay, lookup: { events[$0] })
        case .level: rows = DataStore.levelContributions(d.name, ledger: ledger, scope: scope, day: period.lastDay, lookup: { events[$0] })
        default: rows = []
        }
        return FigureAudit(figure: d, unit: unit, unitName: unitName(unit), period: period, value: value, fingerprint: replay.fingerprint,
                           chain: replay.chain, asOf: replay.asOf, contributions: rows, timeline: [],
                           assertions: assertions(d, unit: unit, period: period, rows: []))
    }

    /// The published values of a figure, each with what the log gave when it was recorded.
    func assertions(_ d: FigureDefinition, unit: String, period: Period, rows: [FigureAudit.Contribution]) -> [FigureAudit.Assertion] {
        assertions.compactMap { e in
            guard e.data.text(FigureAsserted.metric) == d.name, e.unit == unit, DataStore.assertion(e.data, recorded: e.recorded, isFor: period),
                  let announced = e.data.decimal(FigureAsserted.value) else { return nil }
            let then = d.isFlow ? rows.filter { $0.recorded <= e.recorded }.reduce(ExactDecimal.zero) { $0 + $1.amount } : nil
            return .init(seq: e.seq, recorded: e.recorded, by: e.by, announced: announced, valueThen: then, note: e.data.text(FigureAsserted.note))
        }
    }

    /// An event's standing in the ledger the site was built from.
    func status(_ e: Event) -> EventAudit.Status {
        if let t = e.data.amendedSeq { return .amendment(target: t) }
        if e.type == .logCreated || e.type == .figureAsserted || e.type.isDeclaration { return .notAFact }
        if let by = ledger.amendments.retractions[e.seq] { return .retracted(by: by) }
        if let cs = ledger.amendments.corrections[e.seq] { return .corrected(by: cs) }
        return .inForce
    }
}
