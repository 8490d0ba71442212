import ANTQDomain

/// A field of a type's declaration as `FastLineReader` reads it: plain
/// values (no references), so the hot loop walks the declaration without
/// touching reference counts. Built once from `EventSpec.table`, the one
/// declaration; nothing here is declared a second time.
struct FieldPlan {
    /// Where the field's key (`"count":`) lies in `FieldPlans.keyBytes`.
    var keyStart: Int
    var keyCount: Int
    var reader: Reader
    /// 0 required, 1 optional, 2 defaulted (the value is `FieldPlans.defaults[type][field]`).
    var presence: UInt8
    /// A flow rule of the type reads this field (`FlowRules.fieldsRead`):
    /// a reader that only folds figures keeps it; it checks the others and drops them.
    var folded: Bool

    /// How a kind is read; anything the skip does not read is `.decline`.
    enum Reader {
        case count(Int64, Int64)
        case seq
        case quantity, amount
        case text(Int)
        case token(Int)
        case identifier
        case word
        case vocabularyName
        case bool
        case unitCode
        case parentUnit
        case modelID
        case day
        case monthDay
        /// A correction's or retraction's `was`: the recorded fact.
        case fact
        /// A correction's `data`, read against the type its `was` names.
        case replacement
        case decline
    }
}

/// The plans of every event type, by `EventType.index`.
final class FieldPlans: @unchecked Sendable {
    let fields: [[FieldPlan]]
    /// Indices of a type's "at least one of" fields.
    let atLeastOne: [[Int]]
    let defaults: [[Value?]]
    let declaresFields: [Bool]
    /// For a choice field, the built-in codes that a batch line's value
    /// resolves to unchanged (a code, not a label); nil for other fields.
    let builtInCodes: [[Set<String>?]]
    /// Every key's bytes, then every type's name, allocated once for the life of the process.
    let keyBytes: UnsafePointer<UInt8>
    /// Where each type's name lies in `keyBytes`, by index.
    let typeNames: [(start: Int, count: Int)]
    let types: [EventType]
    /// Type indices (-1: empty) at the place `typePlace` gives a name's
    /// first eight bytes and length, the next place taken on a clash: a
    /// line's type is found in one or two looks, then compared whole.
    let typeTable: [Int8]

    /// The place in `typeTable` of a name by its first eight bytes (little-endian) and its length.
    @inline(__always)
    static func typePlace(_ first: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: ((first ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    static let shared = FieldPlans()

    /// `count` absent values, a line's storage before it is read. Why not
    /// `Array(repeating:count:)`: it copies its element through the
    /// generic value witness once per place, which cost more than reading
    /// the line's fields; appending `nil` is a store.
    @inline(__always)
    static func noValues(_ count: Int) -> [Value?] {
        var values: [Value?] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(nil) }
        return values
    }

    private init() {
        var bytes: [UInt8] = []
        var fields: [[FieldPlan]] = []
        for (t, spec) in EventSpec.table.enumerated() {
            fields.append(spec.fields.enumerated().map { k, f in
                let key = Array("\"\(f.name)\":".utf8)
                defer { bytes += key }
                let presence: UInt8 = switch f.presence {
                case .required: 0
                case .optional: 1
                case .defaulted: 2
                }
                return FieldPlan(keyStart: bytes.count, keyCount: key.count, reader: Self.reader(f.kind), presence: presence,
                                 folded: FlowRules.fieldsRead[t][k])
            })
        }
        var names: [(start: Int, count: Int)] = []
        for t in EventType.allCases {
            names.append((bytes.count, t.rawValue.utf8.count))
            bytes += Array(t.rawValue.utf8)
        }
        typeNames = names
        types = EventType.allCases
        var table = [Int8](repeating: -1, count: 64)
        for (k, t) in EventType.allCases.enumerated() {
            let name = Array(t.rawValue.utf8)
            // Every name is longer than eight bytes (`Cursor.eventType` reads the first eight as a word).
            precondition(name.count >= 8 && EventType.allCases.count < 64, "event type names: \(t.rawValue)")
            let first = name.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            var at = Self.typePlace(first, name.count)
            while table[at] >= 0 { at = (at + 1) & 63 }
            table[at] = Int8(k)
        }
        typeTable = table
        let stored = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        stored.initialize(from: bytes, count: bytes.count)
        keyBytes = UnsafePointer(stored)
        self.fields = fields
        atLeastOne = EventSpec.table.map { $0.atLeastOne.map(\.index) }
        defaults = EventSpec.table.map { spec in spec.fields.map { if case .defaulted(let v) = $0.presence { v } else { nil } } }
        declaresFields = EventSpec.table.map(\.declaredFields)
        builtInCodes = EventSpec.table.map { spec in
            spec.fields.map { f in
                guard case .choice(let name) = f.kind else { return nil }
                let v = Vocabularies.builtIn[name]
                return Set(v.codes.filter { v.resolve($0)?.code == $0 })
            }
        }
    }

    private static func reader(_ kind: FieldKind) -> FieldPlan.Reader {
        switch kind {
        case .count(let r): .count(r.lowerBound, r.upperBound)
        case .seq: .seq
        case .quantity: .quantity
        case .amount: .amount
        case .text(let max): .text(max)
        case .token(let max): .token(max)
        case .choice, .identifier, .figureName: .identifier
        case .word: .word
        case .vocabularyName: .vocabularyName
        case .bool: .bool
        case .unitCode: .unitCode
        case .parentUnit: .parentUnit
        case .modelID: .modelID
        case .day: .day
        case .monthDay: .monthDay
        case .fact: .fact
        case .replacementData: .replacement
        case .period, .label, .dimensions: .decline
        }
    }
}
