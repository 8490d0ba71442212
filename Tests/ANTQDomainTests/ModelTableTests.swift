import SeededRandom
import Testing
import TextFormats
@testable import ANTQDomain

/// `ModelTable` is the registry's own hash table (kept hashes, removal by
/// moving entries back). It must hold exactly what a `Dictionary` given the
/// same changes holds, through adds, changes, removals, growth and joins.
struct ModelTableTests {
    static func record(_ id: String, _ n: Int) -> ModelRegistry.Record {
        ModelRegistry.Record(id: id, unit: "u\(n % 7)",
                             entries: [ModelRegistry.Entry(seq: n, day: Int32(18_000 + n % 50), change: .dissolved(reason: nil))])
    }

    static func expectSame(_ table: ModelTable, _ oracle: [String: ModelRegistry.Record], ids: [String], _ note: String) {
        #expect(table.count == oracle.count, "\(note)")
        #expect(Set(table.records.map(\.id)) == Set(oracle.keys), "\(note)")
        for id in ids { #expect(table[id] == oracle[id], "\(note): \(id)") }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func holdsWhatADictionaryHoldsThroughAddsChangesAndRemovals(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        // Few ids for many steps: the same ids come back after their removal.
        let ids = (0..<600).map { "29\(String(format3: $0))-m\($0 * 7)" } + ["", "a", "ê", "Câu lạc bộ 1", "x-very-long-model-id-of-more-than-fifteen-bytes"]
        var table = ModelTable()
        var oracle: [String: ModelRegistry.Record] = [:]
        for step in 0..<20_000 {
            let id = ids[rng.below(ids.count)]
            switch rng.below(10) {
            case 0..<4:
                table.modify(id, orAdd: { Self.record(id, step) }) { $0.unit += "+" }
                var r = oracle[id] ?? Self.record(id, step)
                r.unit += "+"
                oracle[id] = r
            case 4..<6:
                table.set(Self.record(id, step))
                oracle[id] = Self.record(id, step)
            default:
                #expect(table.remove(id) == oracle.removeValue(forKey: id), "step \(step)")
            }
            if step % 997 == 0 { Self.expectSame(table, oracle, ids: ids, "step \(step)") }
        }
        Self.expectSame(table, oracle, ids: ids, "at the end")
        // Down to nothing, then up again: every removal leaves the rest findable.
        for id in ids.shuffled(using: &rng) {
            #expect(table.remove(id) == oracle.removeValue(forKey: id))
            #expect(table[id] == nil)
        }
        Self.expectSame(table, oracle, ids: ids, "emptied")
        for (n, id) in ids.enumerated() { table.set(Self.record(id, n)); oracle[id] = Self.record(id, n) }
        Self.expectSame(table, oracle, ids: ids, "filled again")
    }

    @Test func joiningTwoTablesHoldsBothAndTheSecondWinsOnAnIdInBoth() {
        var first = ModelTable(), second = ModelTable()
        var oracle: [String: ModelRegistry.Record] = [:]
        first.reserve(3_000)
        for n in 0..<2_000 {
            let id = "m\(n)"
            if n < 1_200 { first.set(Self.record(id, n)); oracle[id] = Self.record(id, n) }
            if n >= 1_000 { second.set(Self.record(id, n + 5)); oracle[id] = Self.record(id, n + 5) }
        }
        var joined = first
        joined.absorb(second)
        Self.expectSame(joined, oracle, ids: (0..<2_100).map { "m\($0)" }, "joined")
        var intoEmpty = ModelTable()
        intoEmpty.absorb(second)
        #expect(intoEmpty == second)
        // Equal whatever the order of adding.
        var reversed = ModelTable()
        for r in joined.records.reversed() { reversed.set(r) }
        #expect(reversed == joined)
        reversed.modify("m5", orAdd: { Self.record("m5", 0) }) { $0.unit = "other" }
        #expect(reversed != joined)
    }
}

private extension String {
    init(format3 n: Int) { self = n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
}
