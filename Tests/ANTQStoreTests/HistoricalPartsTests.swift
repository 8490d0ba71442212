import ANTQTestSupport
import Decimals
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// `--boundaries historical` on generated logs with mergers, splits,
/// continued codes and moved units: a year across a change of the tree is
/// cut at each change, and every part, read from a replay of its own days,
/// shows each unit of its own last day with the figures a naive reference
/// sums over the facts of those days.
@Suite struct HistoricalPartsTests {
    @Test(arguments: Array(UInt64(1)...4))
    func eachPartOfAYearAcrossAChangeEqualsTheReferenceOnTheUnitsOfItsTime(seed: UInt64) throws {
        let t = TestStore()
        defer { t.cleanup() }
        let g = t.fill(seed: seed, events: 400, declarations: false)
        let units = g.ledger.units
        let reference = Reference(t.events())
        // The changes, worked out from the facts apart from the registry.
        let changes = Set(reference.effective.map(\.fact).filter { f in
            [.unitMerged, .unitSplit, .unitAbolished, .unitContinued].contains(f.type) || (f.type == .unitChanged && f.data[UnitChanged.parent] != nil)
        }.map(\.occurred))
        let years = Set(changes.map(\.year)).sorted()
        var parts = 0, nonZero = 0
        var out: [String] = []
        for year in years {
            let p = Period(year: year, start: .january1)
            let cut = units.historicalParts(of: p)
            let inside = changes.filter { $0 > p.firstDay && $0 <= p.lastDay }.sorted()
            #expect(cut.dropFirst().map(\.firstDay) == inside, "\(year)")
            #expect(cut.first?.firstDay == p.firstDay && cut.last?.lastDay == p.lastDay)
            for (a, b) in zip(cut, cut.dropFirst()) { #expect(a.lastDay.dayNumber + 1 == b.firstDay.dayNumber) }
            for part in cut where cut.count > 1 {
                parts += 1
                let r = try t.store.replay(writeSnapshot: false, flowDays: part.firstDay...part.lastDay)
                let q = FigureQuery(ledger: r.ledger, first: part.firstDay, last: part.lastDay, months: nil)
                let table = reference.table(first: part.firstDay, last: part.lastDay, metrics: ["tips", "arrests", "cases"], boundaries: part.lastDay)
                for v in units.views(on: part.lastDay) where v.ending == nil {
                    let values = q.values(unit: v.code)
                    for m in ["tips", "arrests", "cases"] {
                        let mine = values[m] ?? nil, theirs = table[v.code]?[m] ?? nil
                        if let mine, !mine.isZero { nonZero += 1 }
                        if mine != theirs { out.append("\(part.label) \(v.code) \(m): \(String(describing: mine)) vs \(String(describing: theirs))") }
                    }
                }
            }
        }
        #expect(out.isEmpty, "seed \(seed): \(out.prefix(8).joined(separator: "\n"))")
        #expect(parts >= 2 && nonZero > 0, "seed \(seed): \(parts) parts")
    }
}

extension HistoricalPartsTests {
    /// A report of one unit is cut only by changes to its own units: a
    /// commune no change names reads its year whole (changes elsewhere in
    /// the province do not cut it); one that ended is cut on the day it ended.
    @Test func aUnitsReportIsCutOnlyByChangesToItsOwnUnits() {
        var whole = 0, cut = 0
        for seed in UInt64(1)...4 {
            let g = RandomLog.make(seed: seed, events: 400, declarations: false)
            let units = g.ledger.units
            let changed = Reference(g.events).effective.map(\.fact).filter { f in
                [.unitMerged, .unitSplit, .unitAbolished, .unitContinued].contains(f.type) || (f.type == .unitChanged && f.data[UnitChanged.parent] != nil)
            }
            for year in Set(changed.map(\.occurred.year)) {
                let p = Period(year: year, start: .january1)
                let inYear = changed.filter { $0.occurred > p.firstDay && $0.occurred <= p.lastDay }
                #expect(!units.historicalParts(of: p).dropFirst().isEmpty || inYear.isEmpty)
                for v in units.views(on: p.firstDay) where v.isCommuneLevel && v.ending == nil {
                    let named = inYear.filter { f in f.unit == v.code || f.data.values.contains { $0 == .text(v.code) } }
                    let cuts = units.historicalParts(of: p, under: v.code).dropFirst().map(\.firstDay)
                    // Alone in its subtree all year (no unit's past under it), and named by no change: read whole.
                    let alone = units.subtree(v.code, on: p.firstDay) == [v.code] && units.subtree(v.code, on: p.lastDay) == [v.code]
                    if named.isEmpty && alone {
                        #expect(cuts.isEmpty, "\(seed) \(year) \(v.code): cut on \(cuts) by changes elsewhere")
                        whole += 1
                    }
                    if let end = named.first(where: { $0.unit == v.code && [.unitMerged, .unitSplit, .unitAbolished].contains($0.type) }) {
                        #expect(cuts.contains(end.occurred), "\(seed) \(year) \(v.code) ended \(end.occurred.iso)")
                        cut += 1
                    }
                }
            }
        }
        #expect(whole > 0 && cut > 0, "\(whole) whole, \(cut) cut")
    }
}
