import ANTQDomain
import EventLog
import Hashing
import TextFormats

/// Every figure whose value differs between two knowledge dates, with the
/// events recorded in between that changed it.
public struct FigureDiff: Sendable {
    public struct Change: Sendable, Equatable {
        public var metric: Metric
        public var year: Int
        public var unit: String
        public var unitName: String
        public var before: Int
        public var after: Int
        public var seqs: [Int]
    }

    public var from: UTCInstant
    public var to: UTCInstant?
    public var fromFingerprint: Fingerprint
    public var toFingerprint: Fingerprint
    public var changes: [Change]
    /// How far the chain of the log was checked by the reads behind this diff.
    public var chain: ChainCheck = .sha256
}

extension DataStore {
    public func diff(from a: UTCInstant, to b: UTCInstant?, year: Int?) throws(StoreError) -> FigureDiff {
        var atA: Ledger?
        var fpA = Fingerprint(seq: 0, hash: .zero)
        var between: [Event] = []
        var start = MonthDay.january1
        let rB = try replay(asOf: b, useSnapshots: false, writeSnapshot: false) { e, line, ledger in
            if case .logCreated(let c) = e.data { start = c.periodStart }
            if e.recorded > a {
                if atA == nil { atA = ledger }
                between.append(e)
            } else {
                fpA = Fingerprint(seq: e.seq, hash: SHA256.hash(line))
            }
        }
        let before = atA ?? rB.ledger
        let after = rB.ledger
        let years = year.map { [$0] } ?? Array(Set(before.flows.years + after.flows.years)).sorted()
        var changes: [FigureDiff.Change] = []
        for y in years {
            let qa = FigureQuery(ledger: before, year: y, periodStart: start)
            let qb = FigureQuery(ledger: after, year: y, periodStart: start)
            for u in after.units.views(on: qb.endDay).map(\.code) {
                let fa = qa.figures(unit: u)
                let fb = qb.figures(unit: u)
                let scope = Set(qb.subtree(u))
                for m in Metric.all where (fa[m] ?? 0) != (fb[m] ?? 0) {
                    let seqs = between.filter { e in DataStore.responsible(e, for: m, year: y, start: start, scope: scope) }.map(\.seq)
                    changes.append(.init(metric: m, year: y, unit: u, unitName: after.units.view(u)?.name ?? u,
                                         before: fa[m] ?? 0, after: fb[m] ?? 0, seqs: seqs))
                }
            }
        }
        return FigureDiff(from: a, to: b, fromFingerprint: fpA, toFingerprint: rB.fingerprint, changes: changes, chain: rB.chain)
    }

    /// Whether `e` changed figure `m` of `year` within `scope`: for a flow,
    /// exactly (its contribution there is not zero); for a state figure, an
    /// event of the right kind about a unit in scope.
    static func responsible(_ e: Event, for m: Metric, year: Int, start: MonthDay, scope: Set<String>) -> Bool {
        guard case .flow(let slot) = m else { return touches(e, m) && affects(e, scope: scope) }
        var net = 0
        flowContributions(of: e, slot: slot, year: year, start: start) { unit, amount, _, _ in
            if scope.contains(unit) { net += amount }
        }
        return net != 0 || (touches(e, m) && !e.type.isAmendment && e.type.isUnitEvent && affects(e, scope: scope))
    }

    static func affects(_ e: Event, scope: Set<String>) -> Bool {
        var units = [e.unit]
        switch e.data {
        case .corrected(let c): units += [c.replacement.unit, c.was?.unit]
        case .retracted(let r): units.append(r.was?.unit)
        default: break
        }
        return units.contains { $0.map(scope.contains) ?? false }
    }

}
