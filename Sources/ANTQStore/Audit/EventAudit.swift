import ANTQCodec
import ANTQDomain
import Decimals
import EventLog
import TextFormats

/// One event's standing: in force, corrected, or retracted, and every
/// figure it contributes to (its unit and every unit above it).
public struct EventAudit: Sendable {
    public enum Status: Sendable, Equatable {
        case inForce
        case corrected(by: [Int])
        case retracted(by: Int)
        /// Amendments contribute through their targets.
        case amendment(target: Int)
        /// Declarations, assertions and the log's header feed no figure.
        case notAFact
    }

    public struct Figure: Sendable, Equatable {
        public var figure: FigureDefinition
        /// The reporting year the fact counts in.
        public var period: Period
        public var unit: String
        public var unitName: String
        public var amount: ExactDecimal
        public var value: ExactDecimal?

        public init(figure: FigureDefinition, period: Period, unit: String, unitName: String, amount: ExactDecimal, value: ExactDecimal?) {
            self.figure = figure; self.period = period; self.unit = unit; self.unitName = unitName; self.amount = amount; self.value = value
        }
    }

    public var event: Event
    /// The line exactly as the log holds it (prev and batch marker included).
    public var line: String
    public var status: Status
    public var figures: [Figure]
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this audit.
    public var chain: ChainCheck = .sha256
    public var amendments: [Event]

    public init(event: Event, line: String, status: Status, figures: [Figure], fingerprint: Fingerprint, chain: ChainCheck, amendments: [Event]) {
        self.event = event; self.line = line; self.status = status; self.figures = figures
        self.fingerprint = fingerprint; self.chain = chain; self.amendments = amendments
    }
}

extension DataStore {
    public func audit(event seq: Int) throws(StoreError) -> EventAudit {
        let r = try replay()
        guard let (e, stored) = try storedEvent(seq: seq, anchor: r.anchor) else { throw .usage(Text("không có sự kiện #\(seq)", "there is no event #\(seq)")) }
        let l = r.ledger
        var status: EventAudit.Status = .inForce
        var amendmentSeqs: [Int] = []
        if let target = e.data.amendedSeq {
            status = .amendment(target: target)
        } else if e.type == .logCreated || e.type == .figureAsserted || e.type.isDeclaration {
            status = .notAFact
        } else {
            if let by = l.amendments.retractions[seq] { status = .retracted(by: by); amendmentSeqs.append(by) }
            else if let cs = l.amendments.corrections[seq] { status = .corrected(by: cs); amendmentSeqs += cs }
            if let cs = l.amendments.corrections[seq], l.amendments.retractions[seq] != nil { amendmentSeqs = cs + amendmentSeqs }
        }
        // The effective fact: what the event stands for now.
        var fact: Fact? = status == .inForce ? e.fact : nil
        if case .corrected(let by) = status, let last = by.last, let c = try event(seq: last, anchor: r.anchor), let corr = c.data.correction {
            fact = corr.replacement
        }
        var figures: [EventAudit.Figure] = []
        if let f = fact, let unit = f.unit {
            let year = ReportingPeriod.year(of: f.occurred, start: r.periodStart)
            let period = Period(year: year, start: r.periodStart)
            let q = FigureQuery(ledger: l, first: period.firstDay, last: period.lastDay, periodStart: r.periodStart)
            let units = [unit] + l.units.ancestors(unit, on: period.lastDay)
            var parts: [(String, ExactDecimal)] = []
            for d in q.figures.definitions where d.isFlow {
                let n = FigureContributions.flowAmount(of: f, to: d.name, catalogue: l.catalogue)
                if n != 0 { parts.append((d.name, .of(units: n, decimals: d.decimals))) }
            }
            switch f.type {
            case .modelEstablished:
                let kind = f.data.text(ModelEstablished.kind) ?? ""
                parts += [("models.\(kind)", ExactDecimal(1)), ("models.\(kind).members", ExactDecimal(f.data.int(ModelEstablished.members) ?? 0))]
                if kind == Vocabulary.clubKind { parts.append(("communes.with_club", ExactDecimal(1))) }
            case .modelChanged, .modelDissolved:
                if let id = f.data.modelID, let v = l.models.view(id, on: period.lastDay) {
                    parts += [("models.\(v.kind)", ExactDecimal(v.active ? 1 : 0)), ("models.\(v.kind).members", ExactDecimal(v.active ? v.members : 0))]
                }
            case .cameraInstalled: parts.append(("cameras", ExactDecimal(f.data.int(CameraCount.count) ?? 0)))
            case .cameraRemoved: parts.append(("cameras", ExactDecimal(-(f.data.int(CameraCount.count) ?? 0))))
            case .unitRegistered:
                if Vocabulary.communeLevelKinds.contains(f.data.text(UnitRegistered.kind) ?? "") { parts.append(("communes", ExactDecimal(1))) }
            case .indicatorRecorded:
                if let name = f.data.text(IndicatorRecorded.indicator), let i = l.catalogue.indicators[name], i.aggregate == .level,
                   let v = f.data.decimal(IndicatorRecorded.value) {
                    parts.append((name, v))
                    for d in f.data.declared { if let c = d.value.text { parts.append(("\(name).\(c)", v)) } }
                }
            default: break
            }
            for u in units {
                for (name, n) in parts {
                    guard let d = q.figures[name] else { continue }
                    figures.append(.init(figure: d, period: period, unit: u, unitName: l.units.view(u)?.name ?? u, amount: n, value: q.value(name, unit: u)))
                }
            }
        }
        var amendments: [Event] = []
        for s in amendmentSeqs { if let a = try event(seq: s, anchor: r.anchor) { amendments.append(a) } }
        // The line as the log holds it, byte for byte: a reader may hash it and check the next line's prev.
        return EventAudit(event: e, line: String(decoding: stored, as: UTF8.self), status: status, figures: figures,
                          fingerprint: r.fingerprint, chain: r.chain, amendments: amendments)
    }
}
