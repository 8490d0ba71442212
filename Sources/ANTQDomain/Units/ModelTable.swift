import TextFormats

/// The registry's models by id: records kept one after another in arrays,
/// found through open-addressing tables that keep each id's hash.
///
/// Why not a `Dictionary`: a snapshot's models come in two pieces decoded on
/// two cores, then joined. A dictionary hashes every id of the second piece
/// again to join it (2 ms of a 25 ms summary), and copying its records into
/// the first table still took 0.7 ms that no other core could share. Here a
/// piece whose ids the table does not hold yet is joined as a part of its
/// own: only its kept hashes are probed, nothing is copied. A lookup asks
/// each part in turn (one or two). The hash (`ByteHash`) is seeded per
/// process, so a set of colliding ids is hard to prepare in advance; it is
/// not a keyed cryptographic hash, and at worst colliding ids make the
/// registry slow, never wrong.
struct ModelTable: Sendable {
    /// Never empty; new records go into the last part. An id is in one part at most.
    private var parts: [Part] = [Part()]

    var count: Int { parts.count == 1 ? parts[0].records.count : parts.reduce(0) { $0 + $1.records.count } }

    /// Every record, part after part.
    var records: [ModelRegistry.Record] { parts.count == 1 ? parts[0].records : parts.flatMap(\.records) }

    /// Calls `body` with every record, without gathering them into one array.
    func forEachRecord(_ body: (ModelRegistry.Record) -> Void) {
        for part in parts {
            for r in part.records { body(r) }
        }
    }

    subscript(id: String) -> ModelRegistry.Record? {
        guard case .found(let k, _, let i) = locate(id, hash: ModelTable.hash(id)) else { return nil }
        return parts[k].records[i]
    }

    /// Changes the record of `id` in place, first adding `make()` if there is none.
    mutating func modify(_ id: String, orAdd make: () -> ModelRegistry.Record, _ body: (inout ModelRegistry.Record) -> Void) {
        let h = ModelTable.hash(id)
        switch locate(id, hash: h) {
        case .found(let k, _, let i):
            body(&parts[k].records[i])
        case .absent(let slot):
            var r = make()
            body(&r)
            parts[parts.count - 1].place(r, hash: h, slot: slot)
        }
    }

    /// Sets the record of its id, adding or replacing it.
    mutating func set(_ r: ModelRegistry.Record) {
        set(r, hash: ModelTable.hash(r.id))
    }

    private mutating func set(_ r: ModelRegistry.Record, hash h: UInt64) {
        switch locate(r.id, hash: h) {
        case .found(let k, _, let i): parts[k].records[i] = r
        case .absent(let slot): parts[parts.count - 1].place(r, hash: h, slot: slot)
        }
    }

    /// Takes out the record of `id` (a part left empty goes, unless it is the only one).
    @discardableResult
    mutating func remove(_ id: String) -> ModelRegistry.Record? {
        guard case .found(let k, let slot, let i) = locate(id, hash: ModelTable.hash(id)) else { return nil }
        let removed = parts[k].remove(slot: slot, index: i)
        if parts[k].records.isEmpty && parts.count > 1 { parts.remove(at: k) }
        return removed
    }

    mutating func reserve(_ n: Int) {
        parts[parts.count - 1].reserve(max(0, n - (count - parts[parts.count - 1].records.count)))
    }

    /// Adds every record of `other` (a record of an id already here
    /// replaces it), with the hashes `other` kept: no id is hashed again.
    /// When no id of `other` is here (a snapshot's two models pieces), its
    /// parts are joined as they are.
    mutating func absorb(_ other: ModelTable) {
        if count == 0 {
            self = other
            return
        }
        let apart = other.parts.allSatisfy { part in
            part.records.indices.allSatisfy {
                if case .found = locate(part.records[$0].id, hash: part.hashes[$0]) { return false }
                return true
            }
        }
        if apart {
            parts += other.parts.filter { !$0.records.isEmpty }
            return
        }
        reserve(count + other.count)
        for part in other.parts {
            for i in part.records.indices { set(part.records[i], hash: part.hashes[i]) }
        }
    }

    private enum Location {
        case found(part: Int, slot: Int, index: Int)
        /// In no part; the slot of the last part where it would go.
        case absent(lastPartSlot: Int)
    }

    /// Where `id`'s record is, or where it would go.
    private func locate(_ id: String, hash h: UInt64) -> Location {
        var k = 0
        while true {
            switch parts[k].find(id, hash: h) {
            case .found(let slot, let i): return .found(part: k, slot: slot, index: i)
            case .empty(let slot): if k == parts.count - 1 { return .absent(lastPartSlot: slot) }
            }
            k += 1
        }
    }

    /// Drawn once per process from the system's random source.
    private static let seed = UInt64.random(in: .min ... .max)

    static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// The number of parts (for tests).
    var partCount: Int { parts.count }
}

extension ModelTable {
    /// One open-addressing table: records in an array, slots pointing into it.
    fileprivate struct Part: Sendable {
        var records: [ModelRegistry.Record] = []
        /// `hashes[i]` is the hash of `records[i].id`.
        var hashes: [UInt64] = []
        /// Linear probing: an index into `records`, or -1. Never more than half full.
        private var slots: [Int32] = Array(repeating: -1, count: 16)
        private var mask = 15

        enum Place { case found(slot: Int, index: Int), empty(slot: Int) }

        func find(_ id: String, hash h: UInt64) -> Place {
            var s = Int(truncatingIfNeeded: h) & mask
            while true {
                let i = Int(slots[s])
                if i < 0 { return .empty(slot: s) }
                if hashes[i] == h && records[i].id == id { return .found(slot: s, index: i) }
                s = (s + 1) & mask
            }
        }

        /// Adds a record at the empty slot `find` gave for its id.
        mutating func place(_ r: ModelRegistry.Record, hash h: UInt64, slot: Int) {
            slots[slot] = Int32(records.count)
            records.append(r)
            hashes.append(h)
            if records.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
        }

        /// Takes out the record at `index` (found at `slot`). The last record
        /// moves into its place in the array, and the slots after it move
        /// back over the hole, so lookups never meet a gap (no tombstones).
        mutating func remove(slot: Int, index i: Int) -> ModelRegistry.Record {
            var hole = slot
            let last = records.count - 1
            if i != last {
                // The slot pointing at the last record now points at `i`.
                var s = Int(truncatingIfNeeded: hashes[last]) & mask
                while slots[s] != Int32(last) { s = (s + 1) & mask }
                slots[s] = Int32(i)
                records.swapAt(i, last)
                hashes.swapAt(i, last)
            }
            let removed = records.removeLast()
            hashes.removeLast()
            slots[hole] = -1
            var s = (hole + 1) & mask
            while slots[s] >= 0 {
                let home = Int(truncatingIfNeeded: hashes[Int(slots[s])]) & mask
                // Move the entry back if the hole lies between its home slot and it (cyclically).
                if (s - home) & mask >= (s - hole) & mask {
                    slots[hole] = slots[s]
                    slots[s] = -1
                    hole = s
                }
                s = (s + 1) & mask
            }
            return removed
        }

        mutating func reserve(_ n: Int) {
            records.reserveCapacity(n)
            hashes.reserveCapacity(n)
            if n * 2 > slots.count { rehash(capacity: n * 2) }
        }

        private mutating func rehash(capacity: Int) {
            (slots, mask) = OpenAddressing.slots(for: hashes, capacity: capacity)
        }
    }
}

extension ModelTable: Equatable {
    /// The same records by id, in whatever order and parts they were added.
    static func == (a: ModelTable, b: ModelTable) -> Bool {
        guard a.count == b.count else { return false }
        var same = true
        a.forEachRecord { r in if same && b[r.id] != r { same = false } }
        return same
    }
}
