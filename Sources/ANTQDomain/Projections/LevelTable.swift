import Decimals

/// Declared `level` indicators: each unit's latest value as of a day, per
/// combination of dimension values (certified areas of each kind in each
/// commune). A figure on a day is the sum over units of their latest
/// values on or before that day; a correction replaces one record's entry,
/// a retraction takes it out, and the value before it shows again.
public struct LevelTable: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public var unit: String
        public var indicator: String
        /// The record's value for each dimension, in the indicator's dimension order.
        public var dimensions: [String]

        public init(unit: String, indicator: String, dimensions: [String]) {
            self.unit = unit
            self.indicator = indicator
            self.dimensions = dimensions
        }
    }

    public struct Entry: Sendable, Equatable {
        public var day: Int32
        public var seq: Int
        public var value: ExactDecimal

        public init(day: Int32, seq: Int, value: ExactDecimal) {
            self.day = day
            self.seq = seq
            self.value = value
        }
    }

    /// Entries of each key, by (day, seq).
    public private(set) var entries: [Key: [Entry]] = [:]

    public init() {}

    public mutating func add(_ key: Key, _ e: Entry) {
        var list = entries[key] ?? []
        let at = list.firstIndex { ($0.day, $0.seq) > (e.day, e.seq) } ?? list.endIndex
        list.insert(e, at: at)
        entries[key] = list
    }

    public mutating func remove(_ key: Key, seq: Int) {
        guard var list = entries[key] else { return }
        list.removeAll { $0.seq == seq }
        entries[key] = list.isEmpty ? nil : list
    }

    /// The latest value of a key on or before `day`.
    public func value(_ key: Key, on day: CivilDateNumber) -> ExactDecimal? {
        entries[key]?.last { $0.day <= day }?.value
    }

    /// Sum over `units` of the latest values of `indicator` on `day`, counting
    /// only keys whose dimension `dimension` (index) has value `code` when given.
    public func sum(indicator: String, units: Set<String>, on day: CivilDateNumber, dimension: (index: Int, code: String)? = nil) -> ExactDecimal {
        var total = ExactDecimal(0)
        for (key, list) in entries where key.indicator == indicator && units.contains(key.unit) {
            if let d = dimension, d.index >= key.dimensions.count || key.dimensions[d.index] != d.code { continue }
            if let v = list.last(where: { $0.day <= day })?.value { total = total + v }
        }
        return total
    }
}

/// A day as its number (days since 1970-01-01), as tables keep days.
public typealias CivilDateNumber = Int32
