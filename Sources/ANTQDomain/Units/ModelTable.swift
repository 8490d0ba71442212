import TextFormats

/// The registry's models by id: records kept one after another in an array,
/// found through an open-addressing table that keeps each id's hash.
///
/// Why not a `Dictionary`: a snapshot's models come in two pieces decoded on
/// two cores, then joined. A dictionary hashes every id of the second piece
/// again to join it (2 ms of a 25 ms summary); this table moves the kept
/// hashes along, and walks its records as an array (a summary counts every
/// model). The hash (`ByteHash`) is seeded per process, so a set of
/// colliding ids is hard to prepare in advance; it is not a keyed
/// cryptographic hash, and at worst colliding ids make the registry slow,
/// never wrong.
struct ModelTable: Sendable {
    private(set) var records: [ModelRegistry.Record] = []
    /// `hashes[i]` is the hash of `records[i].id`.
    private var hashes: [UInt64] = []
    /// Linear probing: an index into `records`, or -1. Never more than half full.
    private var slots: [Int32] = Array(repeating: -1, count: 16)
    private var mask = 15

    var count: Int { records.count }

    subscript(id: String) -> ModelRegistry.Record? {
        let h = ModelTable.hash(id)
        guard case .found(_, let i) = find(id, hash: h) else { return nil }
        return records[i]
    }

    /// Changes the record of `id` in place, first adding `make()` if there is none.
    mutating func modify(_ id: String, orAdd make: () -> ModelRegistry.Record, _ body: (inout ModelRegistry.Record) -> Void) {
        let h = ModelTable.hash(id)
        switch find(id, hash: h) {
        case .found(_, let i):
            body(&records[i])
        case .empty(let slot):
            var r = make()
            body(&r)
            place(r, hash: h, slot: slot)
        }
    }

    /// Sets the record of its id, adding or replacing it.
    mutating func set(_ r: ModelRegistry.Record) {
        set(r, hash: ModelTable.hash(r.id))
    }

    private mutating func set(_ r: ModelRegistry.Record, hash h: UInt64) {
        switch find(r.id, hash: h) {
        case .found(_, let i): records[i] = r
        case .empty(let slot): place(r, hash: h, slot: slot)
        }
    }

    /// Takes out the record of `id`. The last record moves into its place
    /// in the array, and the slots after it move back over the hole, so
    /// lookups never meet a gap (no tombstones).
    @discardableResult
    mutating func remove(_ id: String) -> ModelRegistry.Record? {
        guard case .found(var hole, let i) = find(id, hash: ModelTable.hash(id)) else { return nil }
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

    /// Adds every record of `other` (a record of an id already here
    /// replaces it), with the hashes `other` kept: no id is hashed again.
    mutating func absorb(_ other: ModelTable) {
        guard !records.isEmpty else {
            self = other
            return
        }
        reserve(records.count + other.records.count)
        for i in other.records.indices { set(other.records[i], hash: other.hashes[i]) }
    }

    private enum Place { case found(slot: Int, index: Int), empty(slot: Int) }

    private func find(_ id: String, hash h: UInt64) -> Place {
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let i = Int(slots[s])
            if i < 0 { return .empty(slot: s) }
            if hashes[i] == h && records[i].id == id { return .found(slot: s, index: i) }
            s = (s + 1) & mask
        }
    }

    private mutating func place(_ r: ModelRegistry.Record, hash h: UInt64, slot: Int) {
        slots[slot] = Int32(records.count)
        records.append(r)
        hashes.append(h)
        if records.count * 2 > slots.count { rehash(capacity: slots.count * 2) }
    }

    private mutating func rehash(capacity: Int) {
        (slots, mask) = OpenAddressing.slots(for: hashes, capacity: capacity)
    }

    /// Drawn once per process from the system's random source.
    private static let seed = UInt64.random(in: .min ... .max)

    static func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

extension ModelTable: Equatable {
    /// The same records by id, in whatever order they were added.
    static func == (a: ModelTable, b: ModelTable) -> Bool {
        a.count == b.count && a.records.allSatisfy { b[$0.id] == $0 }
    }
}
