import ANTQDomain
import Decimals
import EventLog
import Hashing
import TextFormats

/// Every figure whose value differs between two knowledge dates, with the
/// events recorded in between that changed it.
public struct FigureDiff: Sendable {
    public struct Change: Sendable, Equatable {
        public var figure: FigureDefinition
        public var period: Period
        public var unit: String
        public var unitName: String
        public var before: ExactDecimal?
        public var after: ExactDecimal?
        public var seqs: [Int]
    }

    public var from: UTCInstant
    public var to: UTCInstant?
    public var fromFingerprint: Fingerprint
    public var toFingerprint: Fingerprint
    public var changes: [Change]
    /// How far the chain of the log was checked by the reads behind this diff.
    public var chain: ChainCheck = .sha256
    /// The period asked for; nil for every reporting year with flows.
    public var period: Period?
}

extension DataStore {
    /// - Parameter period: only this period; every reporting year with flows when nil.
    ///   A period not made of whole reporting months (a day range) is read
    ///   from ledgers folded for its days alone, as `summary` reads it.
    public func diff(from a: UTCInstant, to b: UTCInstant?, period: Period?) throws(StoreError) -> FigureDiff {
        var atA: Ledger?
        var fpA = Fingerprint(seq: 0, hash: .zero)
        var between: [Event] = []
        var start = MonthDay.january1
        let byDays = period.flatMap { p in
            FigureQuery.isWholeMonths(first: p.firstDay, last: p.lastDay, periodStart: p.start) ? nil : p.firstDay...p.lastDay
        }
        let rB = try replay(asOf: b, periodStart: period?.start, useSnapshots: false, writeSnapshot: false, flowDays: byDays) { e, line, ledger in
            if let c = e.data.logCreated { start = c.periodStart }
            if e.recorded > a {
                if atA == nil { atA = ledger }
                between.append(e)
            } else {
                fpA = Fingerprint(seq: e.seq, hash: SHA256.hash(line))
            }
        }
        let before = atA ?? rB.ledger
        let after = rB.ledger
        var periods: [Period]
        if let period { periods = [period] } else {
            let years = Set((before.flows.keys.map(\.month) + after.flows.keys.map(\.month)).map { Int($0) / 12 })
            periods = years.sorted().map { Period(year: $0, start: start) }
        }
        var changes: [FigureDiff.Change] = []
        for p in periods {
            let months = byDays == nil
            let qa = months ? FigureQuery(ledger: before, first: p.firstDay, last: p.lastDay, periodStart: p.start)
                            : FigureQuery(ledger: before, first: p.firstDay, last: p.lastDay, months: nil)
            let qb = months ? FigureQuery(ledger: after, first: p.firstDay, last: p.lastDay, periodStart: p.start)
                            : FigureQuery(ledger: after, first: p.firstDay, last: p.lastDay, months: nil)
            for u in after.units.views(on: p.lastDay).map(\.code) {
                let fa = qa.values(unit: u), fb = qb.values(unit: u)
                let scope = Set(qb.subtree(u))
                for d in qb.figures.definitions {
                    let x = fa[d.name] ?? nil, y = fb[d.name] ?? nil
                    guard x != y, !(x == nil && y?.isZero == true), !(y == nil && x?.isZero == true) else { continue }
                    let seqs = between.filter { e in Self.responsible(e, for: d, period: p, scope: scope, catalogue: after.catalogue) }.map(\.seq)
                    changes.append(.init(figure: d, period: p, unit: u, unitName: after.units.view(u)?.name ?? u, before: x, after: y, seqs: seqs))
                }
            }
        }
        return FigureDiff(from: a, to: b, fromFingerprint: fpA, toFingerprint: rB.fingerprint, changes: changes, chain: rB.chain, period: period)
    }

    /// Whether `e` changed figure `d` of `period` within `scope`: for a flow,
    /// exactly (its contribution there is not zero); otherwise an event of
    /// the right kind about a unit in scope, that took effect by the
    /// period's last day, the day the figure is read on (a ward moved in
    /// 2025 changes no 2018 figure).
    static func responsible(_ e: Event, for d: FigureDefinition, period: Period, scope: Set<String>, catalogue: DeclaredCatalogue) -> Bool {
        var inTime = false
        FigureContributions.forEachSignedFact(of: e) { f, _, _, _ in if f.occurred <= period.lastDay { inTime = true } }
        // A state, level or ratio figure is read on the period's last day: nothing after it changes it.
        guard d.isFlow else { return FigureContributions.touches(e, d) && affects(e, scope: scope) && inTime }
        var net: Int128 = 0
        FigureContributions.forEachSignedFact(of: e) { f, sign, _, _ in
            guard let u = f.unit, scope.contains(u), period.contains(f.occurred) else { return }
            net += FigureContributions.flowAmount(of: f, to: d.name, catalogue: catalogue) * Int128(sign)
        }
        return net != 0 || (FigureContributions.touches(e, d) && e.type.isUnitEvent && inTime && affects(e, scope: scope))
    }

    static func affects(_ e: Event, scope: Set<String>) -> Bool {
        var units = [e.unit]
        FigureContributions.forEachSignedFact(of: e) { f, _, _, _ in units.append(f.unit) }
        return units.contains { $0.map(scope.contains) ?? false }
    }
}
