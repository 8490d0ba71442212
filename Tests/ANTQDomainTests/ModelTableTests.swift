import SeededRandom
#if canImport(Glibc)
import Glibc
#endif
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

    /// 605 ids leave the table under a third full; 1,020 fill it to just
    /// under half (the most it holds before it grows), where runs of taken
    /// slots are long and wrap past the end of the slot array.
    /// The same with the table made of two parts first (a snapshot's two
    /// models pieces joined): lookups, changes and removals reach both, a
    /// part left empty goes, and new ids land in the last part.
    @Test(arguments: [(UInt64(1), 600, false), (2, 600, false), (3, 1_015, false), (4, 1_015, false), (5, 600, true), (6, 1_015, true)])
    func holdsWhatADictionaryHoldsThroughAddsChangesAndRemovals(seed: UInt64, idCount: Int, joinedFirst: Bool) {
        var rng = SplitMix64(seed: seed)
        // Few ids for many steps: the same ids come back after their removal.
        let ids = (0..<idCount).map { "29\(String(format3: $0 % 1000))-m\($0 * 7)" } + ["", "a", "ê", "Câu lạc bộ 1", "x-very-long-model-id-of-more-than-fifteen-bytes"]
        var table = ModelTable()
        var oracle: [String: ModelRegistry.Record] = [:]
        if joinedFirst {
            var second = ModelTable()
            for (n, id) in ids.enumerated() where n % 3 == 0 {
                if n % 2 == 0 { table.set(Self.record(id, n)) } else { second.set(Self.record(id, n)) }
                oracle[id] = Self.record(id, n)
            }
            table.absorb(second)
            #expect(table.partCount == 2)
            Self.expectSame(table, oracle, ids: ids, "joined")
        }
        for step in 0..<40_000 {
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
        #expect(table.partCount == 1, "a part left empty goes")
        for (n, id) in ids.enumerated() { table.set(Self.record(id, n)); oracle[id] = Self.record(id, n) }
        Self.expectSame(table, oracle, ids: ids, "filled again")
    }

    /// Tables with no id in common (a snapshot's models pieces) are joined
    /// as parts, without copying a record; the join equals one table
    /// holding the same records, and stays so through later changes.
    @Test func tablesWithNoIdInCommonAreJoinedAsPartsAndEqualOneTable() {
        var first = ModelTable(), second = ModelTable(), one = ModelTable()
        for n in 0..<3_000 {
            let r = Self.record("29\(n % 7)-m\(n)", n)
            if n < 1_700 { first.set(r) } else { second.set(r) }
            one.set(r)
        }
        var joined = first
        joined.absorb(second)
        #expect(joined.partCount == 2 && joined.count == 3_000)
        #expect(joined == one && one == joined)
        for n in stride(from: 0, to: 3_000, by: 37) { #expect(joined["29\(n % 7)-m\(n)"] == one["29\(n % 7)-m\(n)"]) }
        // A change to a record of the second part, a new id, a removal from the first.
        for t in [0, 1] {
            var table = t == 0 ? joined : one
            table.modify("295-m2000", orAdd: { Self.record("295-m2000", 0) }) { $0.unit = "moved" }
            table.modify("new", orAdd: { Self.record("new", 9) }) { $0.unit = "fresh" }
            table.remove("290-m7")
            if t == 0 { joined = table } else { one = table }
        }
        #expect(joined == one && joined.count == 3_000)
        #expect(joined["295-m2000"]?.unit == "moved" && joined["new"]?.unit == "fresh" && joined["290-m7"] == nil)
        var visited = 0
        joined.forEachRecord { _ in visited += 1 }
        #expect(visited == 3_000 && Set(joined.records.map(\.id)).count == 3_000)
        // An empty table takes the other whole; an empty part is not kept.
        var empty = ModelTable()
        empty.absorb(second)
        #expect(empty == second && empty.partCount == 1)
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
        // Equal whatever the order of adding.
        var reversed = ModelTable()
        for r in joined.records.reversed() { reversed.set(r) }
        #expect(reversed == joined)
        reversed.modify("m5", orAdd: { Self.record("m5", 0) }) { $0.unit = "other" }
        #expect(reversed != joined)
    }

    /// Ids that differ only in a few bytes (counters, a long shared prefix)
    /// must spread over the slots as random keys would (20,000 keys into
    /// 65,536 slots take about 17,250 distinct slots). A hash whose low bits
    /// ignored part of the key took far fewer, and lookups probed long runs.
    @Test func idsThatDifferInAFewBytesSpreadOverTheSlots() {
        let patterns: [(String, (Int) -> String)] = [
            ("long prefix", { "AAAAAAAAAAAAA" + String(UnicodeScalar(UInt8(65 + $0 % 26))) + String(UnicodeScalar(UInt8(65 + $0 / 26 % 26))) + String(UnicodeScalar(UInt8(65 + $0 / 676 % 26))) }),
            ("m + 7 digits", { "m" + String(10_000_000 + $0).dropFirst() }),
            ("8 digits", { String(100_000_000 + $0).dropFirst().description }),
            ("club-29000-", { "club-29000-" + String(100_000 + $0).dropFirst() }),
            ("unit-m", { "29000-m\($0)" }),
        ]
        for (name, make) in patterns {
            let keys = Set((0..<20_000).map(make))
            let slots = Set(keys.map { ModelTable.hash($0) & 0xFFFF })
            // Random keys: 65,536 × (1 − e^(−keys/65,536)) slots on average, within a percent or so.
            let expected = 65_536 * (1 - exp(-Double(keys.count) / 65_536))
            #expect(keys.count > 17_000 && Double(slots.count) > 0.97 * expected, "\(name): \(slots.count) distinct slots for \(keys.count) keys")
        }
    }
}

private extension String {
    init(format3 n: Int) { self = n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
}