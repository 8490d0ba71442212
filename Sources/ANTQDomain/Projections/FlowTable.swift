import TextFormats

/// Yearly flow counters per (unit where the fact occurred, reporting year).
/// Roll-up to districts and the province happens at query time along the
/// unit tree as it stood, so one table serves every level.
public struct FlowTable: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public var unit: String
        public var year: Int
    }

    public private(set) var rows: [Key: [Int]] = [:]

    public init() {}

    static let zeroRow = [Int](repeating: 0, count: Metric.flowCount)

    @inline(__always)
    mutating func add(unit: String, year: Int, slot: Int, amount: Int) {
        // One hash lookup, modified in place.
        let key = Key(unit: unit, year: year)
        rows[key, default: FlowTable.zeroRow][slot] += amount
        // A row back to all zeros (its events retracted or moved) is no row:
        // a snapshot does not keep it, so the live ledger must not either, or
        // "is this unit used?" would depend on whether a snapshot was read.
        if amount < 0, rows[key]!.allSatisfy({ $0 == 0 }) { rows[key] = nil }
    }

    /// Adds a whole row of counters (`Metric.flowCount` of them) at once: a
    /// snapshot holds thirteen thousand rows, and adding them counter by
    /// counter (a hash lookup each) was most of reading its flows. A row
    /// that sums to zeros is no row, as in `add(unit:year:slot:amount:)`.
    mutating func add(unit: String, year: Int, row: [Int]) {
        precondition(row.count == Metric.flowCount)
        let key = Key(unit: unit, year: year)
        if let existing = rows[key] {
            var sum = existing
            for i in sum.indices { sum[i] += row[i] }
            rows[key] = sum.allSatisfy({ $0 == 0 }) ? nil : sum
        } else if row.contains(where: { $0 != 0 }) {
            rows[key] = row
        }
    }

    /// Adds another table's counters into this one. Flow counters are sums,
    /// so tables folded from consecutive pieces of the log on separate cores
    /// and merged give the table of the whole (rows that cancel out vanish,
    /// as in `add`).
    public mutating func merge(_ other: FlowTable) {
        if rows.isEmpty {
            rows = other.rows
            return
        }
        for (key, row) in other.rows {
            var sum = rows[key] ?? FlowTable.zeroRow
            for i in sum.indices { sum[i] += row[i] }
            rows[key] = sum.allSatisfy({ $0 == 0 }) ? nil : sum
        }
    }

    /// Changes one row in place with a single hash lookup (a fact adds to
    /// up to three counters of the same row).
    @inline(__always)
    mutating func change(unit: String, year: Int, removing: Bool, _ body: (inout [Int]) -> Void) {
        let key = Key(unit: unit, year: year)
        body(&rows[key, default: FlowTable.zeroRow])
        if removing, rows[key]!.allSatisfy({ $0 == 0 }) { rows[key] = nil }
    }

    public func value(unit: String, year: Int, slot: Int) -> Int {
        rows[Key(unit: unit, year: year)]?[slot] ?? 0
    }

    public func row(unit: String, year: Int) -> [Int]? { rows[Key(unit: unit, year: year)] }

    /// Years that have any flow.
    public var years: [Int] { Array(Set(rows.keys.map(\.year))).sorted() }

    /// Tables are equal when their non-zero counters are: a row that went
    /// back to zeros after a retraction is the same as no row.
    public static func == (a: FlowTable, b: FlowTable) -> Bool {
        let nz: ([Key: [Int]]) -> [Key: [Int]] = { $0.filter { $0.value.contains { $0 != 0 } } }
        return nz(a.rows) == nz(b.rows)
    }
}

/// The flows projection: every flow event adds its contribution to the
/// counters of its unit and reporting year.
public struct FlowsProjection: Projection {
    public var periodStart: MonthDay
    public init(periodStart: MonthDay = .january1) { self.periodStart = periodStart }
    public var name: String { "flows" }
    public var version: Int { 1 }
    public var initial: FlowTable { FlowTable() }

    public func apply(_ event: Event, to state: inout FlowTable) {
        FactChange.forEach(event) { change in
            switch change {
            case .add(let f, _): add(f, sign: 1, to: &state)
            case .remove(let f, _): add(f, sign: -1, to: &state)
            }
        }
    }

    @inline(__always)
    func add(_ f: Fact, sign: Int, to state: inout FlowTable) {
        FlowsProjection.add(occurred: f.occurred, unit: f.unit, data: f.data, start: periodStart, sign: sign, to: &state)
    }

    /// A fact's contribution, from its parts (the replay has them apart and
    /// would otherwise copy them into a `Fact` for every line).
    @inline(__always)
    static func add(occurred: CivilDate, unit: String?, data: EventData, start: MonthDay, sign: Int, to state: inout FlowTable) {
        // Amendments of unit or model events come here too: they add no row.
        guard let unit, let amount = data.flowAmount else { return }
        add(occurred: occurred, unit: unit, amount: amount, start: start, sign: sign, to: &state)
    }

    @inline(__always)
    public static func add(occurred: CivilDate, unit: String, amount: FlowAmount, start: MonthDay, sign: Int, to state: inout FlowTable) {
        let year = ReportingPeriod.year(of: occurred, start: start)
        state.change(unit: unit, year: year, removing: sign < 0) { row in
            FlowContribution.forEach(amount) { slot, n in row[slot] += sign * n }
        }
    }
}
