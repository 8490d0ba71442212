/// Flow figures per unit and reporting month: what the facts that occurred
/// in a unit during a month add to each figure. Roll-up to districts and
/// the province, and any period made of whole months (a quarter, a half, a
/// year, a ten-year stage), are sums read at query time, so one table serves
/// every level and every such period.
///
/// Amounts are exact: a count is a whole number, a declared quantity a
/// whole number of its smallest unit (1,4 kg with three decimals is 1400).
/// Figures get a slot the first time something adds to them; a table built
/// on another core has slots of its own and is merged by figure name.
public struct FlowTable: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public var unit: String
        /// The reporting month, as `year * 12 + month - 1` (see `ReportingMonths`).
        public var month: Int32

        public init(unit: String, month: Int32) {
            self.unit = unit
            self.month = month
        }

        /// The hash the table's dictionary uses, from the code's bytes and the
        /// month, with the dictionary's seed. Why not `Hasher`: a replay looks
        /// a row up for every flow event, and a unit code is a few ASCII
        /// bytes, for which a general-purpose keyed hash cost more than the
        /// rest of the look-up. Equal keys hash equal; the codes are checked
        /// before they reach a table, so no input is crafted to collide.
        public func _rawHashValue(seed: Int) -> Int {
            var code = unit
            var h = code.withUTF8 { bytes in
                var h = UInt64(bitPattern: Int64(seed)) ^ (UInt64(UInt32(bitPattern: month)) &* 0x9E37_79B9_7F4A_7C15)
                for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
                return h
            }
            h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
    }

    public private(set) var slotNames: [String] = []
    private var slotIndex: [String: Int] = [:]
    public private(set) var rows: [Key: [Int128]] = [:]
    /// Slots by the flow rule and the codes its name took from a fact, so
    /// the fold builds and hashes a figure's name once, not once per fact.
    private var ruleSlots: [RuleName: Int] = [:]
    /// Slots found before, 16 per rule (`FlowRules.ruleBase`), each at the
    /// place its codes' key gives (a slot of -1 is empty): a rule meets few
    /// codes, so one look finds most.
    private var recent: [RecentSlot] = []

    struct RecentSlot {
        var first: String?
        var second: String?
        /// `RecentSlot.key` of the codes: most codes a rule meets differ
        /// from the one looked for, and comparing two words tells them
        /// apart sooner than comparing the texts.
        var key: UInt64
        var slot: Int

        /// A word from the codes' length and their first and last bytes:
        /// equal codes, equal keys. The codes of one rule are a few words
        /// of a vocabulary, which these three tell apart almost always; two
        /// that share a key only share a place in `recent` (the texts are
        /// compared before a slot is taken), so a weak key costs a look in
        /// the dictionary, never a wrong slot. Hashing every byte cost more
        /// than the look it saves.
        @inline(__always)
        static func key(_ first: String?, _ second: String?) -> UInt64 {
            @inline(__always) func word(_ s: String?) -> UInt64 {
                guard var s else { return 0x2F }
                return s.withUTF8 { u in
                    UInt64(truncatingIfNeeded: u.count) << 16 | UInt64(u.first ?? 0) << 8 | UInt64(u.last ?? 0)
                }
            }
            let h = (word(first) &* 0x9E37_79B9_7F4A_7C15 &+ word(second)) &* 0xC2B2_AE3D_27D4_EB4F
            return h ^ (h >> 29)
        }
    }

    struct RuleName: Hashable {
        var type: Int
        var rule: Int
        var first: String?
        var second: String?
    }

    public init() {}

    /// The slot of a figure, added if new.
    public mutating func slot(_ name: String) -> Int {
        if let s = slotIndex[name] { return s }
        slotNames.append(name)
        slotIndex[name] = slotNames.count - 1
        return slotNames.count - 1
    }

    public func existingSlot(_ name: String) -> Int? { slotIndex[name] }

    /// Makes room for `count` more rows at once (a snapshot knows how many it holds).
    public mutating func reserveRows(_ count: Int) { rows.reserveCapacity(rows.count + count) }

    /// Adds what a flow fact adds to every figure its type's rules give it.
    /// The row is looked up once per fact, whatever the number of figures.
    public mutating func add(_ d: EventData, unit: String, month: Int32, sign: Int64) {
        let key = Key(unit: unit, month: month)
        let type = d.type.index
        var index = rows.index(forKey: key)
        if index == nil {
            rows[key] = []
            index = rows.index(forKey: key)
        }
        let i = index!
        var negative = false
        FlowRules.forEachMatch(d) { r, first, second, n in
            let s = ruleSlot(type: type, rule: r, first: first, second: second, d)
            let amount = Int128(sign * n)
            if amount < 0 { negative = true }
            Self.bump(&rows.values[i], s, amount)
        }
        if negative || rows.values[i].isEmpty, rows.values[i].allSatisfy({ $0 == 0 }) { rows.remove(at: i) }
    }

    /// The slot of the figure a rule names with these codes. A rule takes
    /// few distinct codes (a category, a channel), so the place their key
    /// gives in `recent` holds them more often than not; the dictionary
    /// by name (hashing the codes) is the fallback.
    private mutating func ruleSlot(type: Int, rule: Int, first: String?, second: String?, _ d: EventData) -> Int {
        let key = RecentSlot.key(first, second)
        let at = (FlowRules.ruleBase[type] &+ rule) &* 16 &+ Int(truncatingIfNeeded: key & 15)
        if recent.isEmpty {
            recent = Array(repeating: RecentSlot(first: nil, second: nil, key: 0, slot: -1), count: max(FlowRules.ruleCount, 1) * 16)
        }
        if recent[at].key == key && recent[at].slot >= 0 && recent[at].first == first && recent[at].second == second { return recent[at].slot }
        let name = RuleName(type: type, rule: rule, first: first, second: second)
        let s: Int
        if let known = ruleSlots[name] { s = known } else {
            s = slot(FlowRules.name(d.spec.flows[rule], d))
            ruleSlots[name] = s
        }
        recent[at] = RecentSlot(first: first, second: second, key: key, slot: s)
        return s
    }

    @inline(__always)
    static func bump(_ row: inout [Int128], _ slot: Int, _ amount: Int128) {
        if row.count <= slot { row.append(contentsOf: repeatElement(0, count: slot + 1 - row.count)) }
        row[slot] += amount
    }

    /// Adds to one figure of one row. A row back to all zeros (its facts
    /// retracted or moved) is no row: a snapshot does not keep it, so the
    /// live table must not either.
    public mutating func add(_ amount: Int128, unit: String, month: Int32, slot: Int) {
        let key = Key(unit: unit, month: month)
        Self.bump(&rows[key, default: []], slot, amount)
        if amount < 0, let row = rows[key], row.allSatisfy({ $0 == 0 }) { rows[key] = nil }
    }

    /// Adds a row whose values are already at this table's slots (a
    /// snapshot's row, its names turned into slots as it is read). A row
    /// new to the table is taken as it is: one look-up, no copy value by value.
    public mutating func add(slottedRow row: [Int128], unit: String, month: Int32) {
        guard row.contains(where: { $0 != 0 }) else { return }
        let key = Key(unit: unit, month: month)
        guard let i = rows.index(forKey: key) else {
            rows[key] = row
            return
        }
        var mine = rows.remove(at: i).value
        if mine.count < row.count { mine.append(contentsOf: repeatElement(0, count: row.count - mine.count)) }
        for (s, v) in row.enumerated() where v != 0 { mine[s] += v }
        if mine.contains(where: { $0 != 0 }) { rows[key] = mine }
    }

    /// Adds another table into this one (flows are sums: tables folded from
    /// parts of the log on separate cores merge into the table of the whole).
    public mutating func merge(_ other: FlowTable) {
        if rows.isEmpty && slotNames.isEmpty {
            self = other
            return
        }
        // The other table's slots in this one, found once by name rather than once per value
        // (and only for figures with a value: a name whose amounts were all taken back stays out).
        var slots = [Int?](repeating: nil, count: other.slotNames.count)
        for (key, row) in other.rows {
            for i in row.indices where row[i] != 0 && slots[i] == nil { slots[i] = slot(other.slotNames[i]) }
            add(row: row, key: key, slots: slots)
        }
    }

    /// Adds a row whose value `i` belongs to slot `slots[i]` (set for every
    /// value that is not 0); a row that sums to zeros is no row (see
    /// `add(_:unit:month:slot:)`).
    private mutating func add(row: [Int128], key: Key, slots: [Int?]) {
        // The row is made long enough once, not grown value by value.
        var top = -1
        for (i, v) in row.enumerated() where v != 0 { top = max(top, slots[i]!) }
        guard top >= 0 else {
            // Nothing to add; a row of zeros already there goes, as it would below.
            if let r = rows[key], !r.contains(where: { $0 != 0 }) { rows[key] = nil }
            return
        }
        var mine = rows.removeValue(forKey: key) ?? []
        if mine.count <= top { mine.append(contentsOf: repeatElement(0, count: top + 1 - mine.count)) }
        for (i, v) in row.enumerated() where v != 0 { mine[slots[i]!] += v }
        if mine.contains(where: { $0 != 0 }) { rows[key] = mine }
    }

    public func value(unit: String, month: Int32, slot: Int) -> Int128 {
        guard let row = rows[Key(unit: unit, month: month)], slot < row.count else { return 0 }
        return row[slot]
    }

    /// Every unit and month that has a flow.
    public var keys: Dictionary<Key, [Int128]>.Keys { rows.keys }

    /// Tables are equal when their non-zero figures are, whatever their slots.
    public static func == (a: FlowTable, b: FlowTable) -> Bool {
        a.named == b.named
    }

    /// The table as (unit, month, figure) → amount, for comparisons.
    public var named: [String: Int128] {
        var out: [String: Int128] = [:]
        for (k, row) in rows {
            for (i, v) in row.enumerated() where v != 0 { out["\(k.unit)|\(k.month)|\(slotNames[i])"] = v }
        }
        return out
    }
}
