import ANTQDomain
import EventLog
import TextFormats

/// One event's standing: in force, corrected, or retracted, and every
/// figure it contributes to (its unit and every unit above it).
public struct EventAudit: Sendable {
    public enum Status: Sendable, Equatable {
        case inForce
        case corrected(by: [Int])
        case retracted(by: Int)
        /// Amendments and assertions contribute through their targets.
        case amendment(target: Int)
        case notAFact
    }

    public struct Figure: Sendable, Equatable {
        public var metric: Metric
        public var year: Int
        public var unit: String
        public var unitName: String
        public var amount: Int
        public var value: Int
    }

    public var event: Event
    public var line: String
    public var status: Status
    public var figures: [Figure]
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this audit.
    public var chain: ChainCheck = .sha256
    public var amendments: [Event]
}

extension DataStore {
    public func audit(event seq: Int) throws(StoreError) -> EventAudit {
        let r = try replay()
        guard let e = try event(seq: seq, anchor: r.anchor) else { throw .usage("there is no event #\(seq)") }
        let l = r.ledger
        var status: EventAudit.Status = .inForce
        var amendmentSeqs: [Int] = []
        switch e.data {
        case .corrected(let c): status = .amendment(target: c.target)
        case .retracted(let x): status = .amendment(target: x.target)
        case .logCreated, .figureAsserted: status = .notAFact
        default:
            if let by = l.amendments.retractions[seq] { status = .retracted(by: by); amendmentSeqs.append(by) }
            else if let cs = l.amendments.corrections[seq] { status = .corrected(by: cs); amendmentSeqs += cs }
            if let cs = l.amendments.corrections[seq], l.amendments.retractions[seq] != nil { amendmentSeqs = cs + amendmentSeqs }
        }
        // The effective fact: what the event stands for now.
        var fact: Fact? = e.type.isAmendment || e.type == .logCreated || e.type == .figureAsserted ? nil : e.fact
        if case .retracted = status { fact = nil }
        if case .corrected(let by) = status, let last = by.last, let c = try event(seq: last, anchor: r.anchor), case .corrected(let corr) = c.data {
            fact = corr.replacement
        }
        var figures: [EventAudit.Figure] = []
        if let f = fact, let unit = f.unit {
            let year = ReportingPeriod.year(of: f.occurred, start: r.periodStart)
            let q = FigureQuery(ledger: l, year: year, periodStart: r.periodStart)
            let units = [unit] + l.units.ancestors(unit, on: q.endDay)
            var parts: [(Metric, Int)] = []
            FlowContribution.forEach(f.data) { slot, n in parts.append((.flow(slot), n)) }
            switch f.data {
            case .modelEstablished(_, let kind, _, let members):
                parts += [(.state(.models(kind)), 1), (.state(.members(kind)), members)]
                if kind == .crime_prevention_club { parts.append((.state(.communesWithClub), 1)) }
            case .modelChanged(let id, _, _, _), .modelDissolved(let id, _):
                if let v = l.models.view(id, on: q.endDay) { parts += [(.state(.models(v.kind)), v.active ? 1 : 0), (.state(.members(v.kind)), v.active ? v.members : 0)] }
            case .cameraInstalled(let n): parts.append((.state(.cameras), n))
            case .cameraRemoved(let n): parts.append((.state(.cameras), -n))
            case .unitRegistered(_, let kind, _): if kind.isCommuneLevel { parts.append((.state(.communes), 1)) }
            default: break
            }
            for u in units {
                for (m, n) in parts {
                    figures.append(.init(metric: m, year: year, unit: u, unitName: l.units.view(u)?.name ?? u, amount: n,
                                         value: q.value(m, unit: u)))
                }
            }
        }
        var amendments: [Event] = []
        for s in amendmentSeqs { if let a = try event(seq: s, anchor: r.anchor) { amendments.append(a) } }
        return EventAudit(event: e, line: String(decoding: EventEncoder.encode(e), as: UTF8.self), status: status, figures: figures,
                          fingerprint: r.fingerprint, chain: r.chain, amendments: amendments)
    }
}
