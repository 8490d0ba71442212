import Foundation
import Testing
import TextFormats
@testable import ANTQDomain

/// Years the random logs touch (events occur 2012…2025; periods starting
/// 12-15 push the last days of 2025 into period 2026).
let testYears = 2011...2026

/// Compares every figure of every unit in every year with the reference;
/// returns the first differences found (empty when all agree).
func differencesFromReference(_ events: [Event], _ ledger: Ledger, limit: Int = 10) -> [String] {
    let reference = Reference(events)
    let start = ledger.log?.periodStart ?? .january1
    let names = Metric.all.map(\.name)
    var out: [String] = []
    for year in testYears {
        let table = reference.table(year: year, metrics: names)
        let q = FigureQuery(ledger: ledger, year: year, periodStart: start)
        let codes = Set(ledger.units.views(on: q.endDay).map(\.code))
        if codes != Set(table.keys) { out.append("\(year): units \(codes.sorted()) vs reference \(table.keys.sorted())") }
        for unit in table.keys.sorted() {
            let figures = q.figures(unit: unit)
            for m in Metric.all where figures[m] != table[unit]![m.name] {
                out.append("\(year) \(unit) \(m.name): \(figures[m].map(String.init) ?? "nil") vs reference \(table[unit]![m.name].map(String.init) ?? "nil")")
                if out.count >= limit { return out }
            }
        }
    }
    return out
}

/// Folds events with the ledger projection, as a full replay does.
func fold(_ events: [Event], periodStart: MonthDay? = nil) -> Ledger {
    let p = LedgerProjection(periodStart: periodStart)
    var l = p.initial
    for e in events { p.apply(e, to: &l) }
    return l
}

/// Every figure of two ledgers compared, for every unit either knows.
func figureDifferences(_ a: Ledger, _ b: Ledger, limit: Int = 10) -> [String] {
    let start = a.log?.periodStart ?? .january1
    var out: [String] = []
    for year in testYears {
        let qa = FigureQuery(ledger: a, year: year, periodStart: start)
        let qb = FigureQuery(ledger: b, year: year, periodStart: start)
        let units = Set(a.units.views().map(\.code)).union(b.units.views().map(\.code))
        for u in units.sorted() {
            let fa = qa.figures(unit: u), fb = qb.figures(unit: u)
            for m in Metric.all where fa[m] != fb[m] {
                out.append("\(year) \(u) \(m.name): \(fa[m] ?? -1) vs \(fb[m] ?? -1)")
                if out.count >= limit { return out }
            }
        }
    }
    return out
}

/// The log as if every amended event had been recorded right the first time:
/// amendments dropped, corrected events carrying their final fact, retracted
/// events gone. Seqs of the originals are kept.
func recordedRightFirstTime(_ events: [Event]) -> [Event] {
    var final: [Int: Fact?] = [:]
    for e in events {
        switch e.data {
        case .corrected(let c): final[c.target] = .some(c.replacement)
        case .retracted(let r): final[r.target] = .some(nil)
        default: break
        }
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
