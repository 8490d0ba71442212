import ANTQDomain

/// The ids a streamed batch's lines gave, in 11 to 21 bytes per id (as full
/// as its parts are) instead
/// of a set of 16-byte keys and a map of them to lines (a batch of a million
/// lines with ids held both, tens of MB each, for the duplicate check).
///
/// The ids themselves are in the lines being written: the table keeps only
/// 32 bits of each id's hash and where its event is (its place in the
/// batch). When the bits match, the earlier event is read back (`eventAt`,
/// the batch's own lookup) and its id compared whole, so an answer is never
/// a guess; matching bits of different ids are rare (a few in a million
/// inserts), and each costs one read.
///
/// The table is split 256 ways by the hash's top byte and each part grows
/// on its own (by a quarter), so growing never holds two copies of the whole table.
final class GivenIDTable: GivenIDs {
    /// Per part: slots of `hash bits 0-31 << 32 | place + 1`; 0 is empty.
    private var parts: [[UInt64]]
    private var counts: [Int]
    /// Seq of the batch's first event: place = seq - firstSeq.
    private let firstSeq: Int
    private let eventAt: (Int) throws -> Event?
    private let hash: (UUIDKey) -> UInt64
    /// Input line of each place, kept as the places where the difference
    /// `line - place` changes (blank lines, refused lines): usually one entry.
    private var lineSteps: [(place: Int, delta: Int)] = []
    /// The input line of the event being validated (`take` sets it).
    var currentLine = 0
    /// The first earlier event that could not be read back to compare ids.
    /// The batch stops on it (`BatchAppender` rethrows it): an id that may
    /// be a repeat is never let through as new.
    private(set) var failure: Error?

    private static let partBits = 8
    private static let firstCapacity = 16

    /// - Parameter hash: `mix` but in tests, which give a poor one to make
    ///   every id's bits match and check that the answer still holds.
    init(firstSeq: Int, eventAt: @escaping (Int) throws -> Event?, hash: @escaping (UUIDKey) -> UInt64 = GivenIDTable.mix) {
        self.firstSeq = firstSeq
        self.eventAt = eventAt
        self.hash = hash
        parts = Array(repeating: [], count: 1 << Self.partBits)
        counts = Array(repeating: 0, count: 1 << Self.partBits)
    }

    /// A 64-bit mix of the key (ids need not be random: a system may send
    /// sequential ones).
    static func mix(_ key: UUIDKey) -> UInt64 {
        var h = key.high &* 0x9E37_79B9_7F4A_7C15 ^ (key.low &+ 0x632B_E59B_D9B4_E019)
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        h &*= 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    func contains(_ key: UUIDKey) -> Bool { place(of: key) != nil }

    /// Whether no line gave an id.
    var isEmpty: Bool { lineSteps.isEmpty }

    func insert(_ key: UUIDKey, seq: Int) {
        let h = hash(key)
        let p = Int(truncatingIfNeeded: h >> (64 - Self.partBits))
        if parts[p].isEmpty { parts[p] = Array(repeating: 0, count: Self.firstCapacity) }
        if (counts[p] + 1) * 5 > parts[p].count * 4 { grow(p) }
        let place = seq - firstSeq
        precondition(place >= 0 && place < Int(UInt32.max), "a batch holds at most 2^32 - 1 events")
        put(UInt64(truncatingIfNeeded: h) << 32 | UInt64(place + 1), into: &parts[p])
        counts[p] += 1
        let delta = currentLine - place
        if lineSteps.last?.delta != delta { lineSteps.append((place, delta)) }
    }

    /// The input line of the batch's event with this id, if any.
    func line(of key: UUIDKey) -> Int? {
        guard let place = place(of: key) else { return nil }
        var lo = 0, hi = lineSteps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineSteps[mid].place <= place { lo = mid + 1 } else { hi = mid }
        }
        return place + lineSteps[lo - 1].delta
    }

    private func place(of key: UUIDKey) -> Int? {
        let h = hash(key)
        let slots = parts[Int(truncatingIfNeeded: h >> (64 - Self.partBits))]
        guard !slots.isEmpty else { return nil }
        let bits = UInt32(truncatingIfNeeded: h)
        var i = Self.home(bits, slots.count)
        while slots[i] != 0 {
            if UInt32(truncatingIfNeeded: slots[i] >> 32) == bits {
                let place = Int(truncatingIfNeeded: slots[i] & 0xFFFF_FFFF) - 1
                // A match of 32 bits: read the earlier event back to be sure.
                do {
                    guard let e = try eventAt(firstSeq + place) else {
                        throw StoreError.damaged(file: "events/log.jsonl", line: nil,
                                                 reason: Text("không tìm lại được sự kiện #\(firstSeq + place) của loạt này để so mã định danh",
                                                              "event #\(firstSeq + place) of this batch could not be found again to compare its id"))
                    }
                    if UUIDKey(e.id) == key { return place }
                } catch {
                    if failure == nil { failure = error }
                }
            }
            i = i + 1 == slots.count ? 0 : i + 1
        }
        return nil
    }

    /// Where a slot with these hash bits is first looked for in a part of
    /// `count` slots: the bits scaled to the count (any count, not only a
    /// power of two, so that a part grows by a quarter, not by double).
    @inline(__always)
    static func home(_ bits: UInt32, _ count: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bits) &* UInt64(count)) >> 32)
    }

    private func put(_ slot: UInt64, into slots: inout [UInt64]) {
        var i = Self.home(UInt32(truncatingIfNeeded: slot >> 32), slots.count)
        while slots[i] != 0 { i = i + 1 == slots.count ? 0 : i + 1 }
        slots[i] = slot
    }

    /// Grows one part by a quarter: each slot's place comes again from the
    /// hash bits it keeps. Why a quarter: doubling leaves the parts a third
    /// to a half empty, and a million ids' table was the batch's memory
    /// over its budget.
    private func grow(_ p: Int) {
        let old = parts[p]
        parts[p] = []
        var bigger = [UInt64](repeating: 0, count: old.count + old.count / 4)
        for s in old where s != 0 { put(s, into: &bigger) }
        parts[p] = bigger
    }
}
