import ANTQDomain
import Decimals
import TextFormats

/// Reporting years the random logs touch (events occur 2012…2025; periods
/// starting 12-15 push the last days of 2025 into period 2026).
public let testYears = 2011...2026

/// How two figures are compared: an exact decimal equals another of any
/// scale with the same value (1.40 = 1.4).
func same(_ a: ExactDecimal?, _ b: ExactDecimal?) -> Bool { a == b }

func shown(_ v: ExactDecimal??) -> String {
    switch v {
    case .none: "absent"
    case .some(.none): "nil"
    case .some(.some(let x)): x.plain()
    }
}

/// Compares every figure of every unit in every year with the reference;
/// returns the first differences found (empty when all agree). The
/// figure names themselves are compared too.
public func differencesFromReference(_ events: [Event], _ ledger: Ledger, years: ClosedRange<Int> = testYears, limit: Int = 10) -> [String] {
    let reference = Reference(events)
    let start = ledger.log?.periodStart ?? .january1
    let names = ledger.figures.names
    var out: [String] = []
    if Set(names) != reference.figureNames {
        out.append("figure names: \(Set(names).symmetricDifference(reference.figureNames).sorted()) differ")
    }
    for year in years {
        let period = Period(year: year, start: start)
        out += differencesFromReference(reference, ledger, first: period.firstDay, last: period.lastDay, label: "\(year)",
                                        limit: limit - out.count)
        if out.count >= limit { return out }
    }
    return out
}

/// The same for one period of whole reporting months, or for any days when
/// `ledger` was folded for those days alone (`byDays`).
public func differencesFromReference(_ reference: Reference, _ ledger: Ledger, first: CivilDate, last: CivilDate, label: String,
                                     byDays: Bool = false, limit: Int = 10) -> [String] {
    let start = ledger.log?.periodStart ?? .january1
    let names = ledger.figures.names
    let table = reference.table(first: first, last: last, metrics: names)
    let q = byDays ? FigureQuery(ledger: ledger, first: first, last: last, months: nil)
                   : FigureQuery(ledger: ledger, first: first, last: last, periodStart: start)
    var out: [String] = []
    let codes = Set(ledger.units.views(on: last).map(\.code))
    if codes != Set(table.keys) { out.append("\(label): units \(codes.sorted()) vs reference \(table.keys.sorted())") }
    for unit in table.keys.sorted() {
        let values = q.values(unit: unit)
        for m in names where !same(values[m] ?? nil, table[unit]![m] ?? nil) {
            out.append("\(label) \(unit) \(m): \(shown(values[m])) vs reference \(shown(table[unit]![m]))")
            if out.count >= limit { return out }
        }
    }
    return out
}

/// Folds events with the ledger projection, as a full replay does.
public func fold(_ events: [Event], periodStart: MonthDay? = nil) -> Ledger {
    let p = LedgerProjection(periodStart: periodStart)
    var l = p.initial
    for e in events { p.apply(e, to: &l) }
    return l
}

/// Every figure of two ledgers compared, for every unit either knows.
public func figureDifferences(_ a: Ledger, _ b: Ledger, limit: Int = 10) -> [String] {
    let start = a.log?.periodStart ?? .january1
    var out: [String] = []
    if a.figures.names != b.figures.names { out.append("figure names differ: \(a.figures.names) vs \(b.figures.names)") }
    for year in testYears {
        let p = Period(year: year, start: start)
        let qa = FigureQuery(ledger: a, first: p.firstDay, last: p.lastDay, periodStart: start)
        let qb = FigureQuery(ledger: b, first: p.firstDay, last: p.lastDay, periodStart: start)
        let units = Set(a.units.views().map(\.code)).union(b.units.views().map(\.code))
        for u in units.sorted() {
            let fa = qa.values(unit: u), fb = qb.values(unit: u)
            for m in a.figures.names where !same(fa[m] ?? nil, fb[m] ?? nil) {
                out.append("\(year) \(u) \(m): \(shown(fa[m])) vs \(shown(fb[m]))")
                if out.count >= limit { return out }
            }
        }
    }
    return out
}

/// The log as if every amended event had been recorded right the first time:
/// amendments dropped, corrected events carrying their final fact, retracted
/// events gone. Seqs of the originals are kept.
public func recordedRightFirstTime(_ events: [Event]) -> [Event] {
    var final: [Int: Fact?] = [:]
    for e in events {
        if let c = e.data.correction { final[c.target] = .some(c.replacement) }
        if let r = e.data.retraction { final[r.target] = .some(nil) }
    }
    return events.compactMap { e in
        if e.type.isAmendment { return nil }
        guard let f = final[e.seq] else { return e }
        guard let fact = f else { return nil }
        var c = e
        c.occurred = fact.occurred
        c.unit = fact.unit
        c.data = fact.data
        return c
    }
}
