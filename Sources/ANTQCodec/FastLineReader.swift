import ANTQDomain
import Decimals
import Hashing
import TextFormats

/// The skip inside `LineReader`: a line in exactly the layout `LineWriter`
/// writes (envelope keys in order, data fields in their declaration's
/// order, no escapes, texts already canonical) is read straight from its
/// bytes, field by field as the type's `EventSpec` declares them. Anything
/// else — another key order, an escape, a text it cannot vouch for, a kind
/// of field it does not read (labels, dimensions, periods), or
/// any error at all — makes it decline (nil), and the general reader reads
/// the line and gives the error. It never accepts what the general reader
/// refuses, and what it accepts reads the same (the tests hold both on
/// every generated line and every one-byte change of those lines).
///
/// It keeps the last `recorded` instant, a few recorder names, and the unit
/// and choice codes it has read (`ShortTexts`), since lines share them.
struct FastLineReader {
    private var lastRecorded: (a: UInt64, b: UInt64, c: UInt64, d: UInt64, instant: UTCInstant)?
    private var names = RecorderNames()
    /// Unit codes and choice codes read before.
    var known = Known()
    /// What a reader keeps from one line to the next: texts it has read
    /// and checked, and the storage of the last flow line read for a fold
    /// (handed back by `recycle`).
    struct Known {
        var units = ShortTexts()
        var codes = ShortTexts()
        /// Per event type (by index), the values of the last flow line of
        /// that type handed back: a type's storage always has its type's
        /// length, so it is cleared in place, never resized.
        var spares: [[Value?]] = []

        /// Keeps a flow line's storage for the next line of its type.
        mutating func keep(_ values: consuming [Value?], type: EventType) {
            if spares.isEmpty { spares = Array(repeating: [], count: EventSpec.table.count) }
            spares[type.index] = values
        }
    }

    mutating func read(_ line: UnsafeRawBufferPointer) -> StoredLine? {
        guard let l = scan(line, figuresOnly: false) else { return nil }
        return StoredLine(event: Event(seq: l.seq, id: l.id, occurred: l.occurred, recorded: l.recorded, unit: l.unit, by: l.by, data: l.data),
                          prev: l.prev, more: l.more)
    }

    /// A line read for a fold that keeps nothing of a flow event but its
    /// figures: a flow event (and, with `records`, a record of a declared
    /// indicator) comes back as a `FlowLine`, every other event whole. The
    /// line is checked exactly as `read` checks it.
    mutating func readForFold(_ line: UnsafeRawBufferPointer, records: Bool) -> FoldLine? {
        guard let l = scan(line, figuresOnly: true, records: records) else { return nil }
        if l.figuresOnly, let unit = l.unit {
            return .flow(FlowLine(seq: l.seq, occurred: l.occurred, recorded: l.recorded, unit: unit, data: l.data, prev: l.prev, more: l.more))
        }
        return .line(StoredLine(event: Event(seq: l.seq, id: l.id, occurred: l.occurred, recorded: l.recorded, unit: l.unit, by: l.by, data: l.data),
                                prev: l.prev, more: l.more))
    }

    /// A line's parts. With `figuresOnly` (a flow event, or a record, read
    /// for a fold) the id is checked but not kept, nor are the texts no
    /// figure reads.
    private struct Scanned {
        var seq: Int
        var id: String
        var occurred: CivilDate
        var recorded: UTCInstant
        var unit: String?
        var by: String
        var data: EventData
        var prev: SHA256Digest
        var more: Bool
        var figuresOnly: Bool
    }

    @inline(__always)
    private mutating func scan(_ line: UnsafeRawBufferPointer, figuresOnly wanted: Bool, records: Bool = false) -> Scanned? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var c = Cursor(base: base, end: line.count)
        guard c.literal("{\"seq\":"), let seq = c.positiveInteger(), c.literal(",\"id\":\""), c.remaining >= 36 else { return nil }
        let idStart = c.i
        guard c.isCanonicalUUID() else { return nil }
        c.i += 36
        guard c.literal("\",\"type\":\""), let type = c.eventType(), c.literal("\",\"occurred\":\""), let occurred = c.day(),
              c.literal("\",\"recorded\":\""), let recorded = recordedInstant(&c), c.literal("\"") else { return nil }
        let figuresOnly = wanted && (records ? type.spec.foldsFromFiguresAlone : type.spec.changesOnlyFlows)
        let id = figuresOnly ? "" : String(decoding: UnsafeRawBufferPointer(start: c.base + idStart, count: 36), as: UTF8.self)
        var unit: String?
        if c.literal(",\"unit\":\"") {
            guard type != .logCreated, let u = unitCode(&c), c.literal("\"") else { return nil }
            unit = u
        } else if type != .logCreated {
            return nil
        }
        guard c.literal(",\"by\":\""), let by = names.read(&c, kept: !figuresOnly), c.literal("\",\"data\":"),
              let data = Self.data(type, &c, figuresOnly: figuresOnly, known: &known), c.literal(",\"prev\":\""),
              let prev = c.digest() else { return nil }
        guard c.literal("\"") else { return nil }
        let more = c.literal(",\"more\":true")
        guard c.literal("}"), c.remaining == 0 else { return nil }
        return Scanned(seq: seq, id: id, occurred: occurred, recorded: recorded, unit: unit, by: by, data: data, prev: prev, more: more,
                       figuresOnly: figuresOnly)
    }

    /// `recorded` in antq's form (`2018-05-14T03:00:00.000000Z`, 27 bytes), the same as the line before more often than not.
    private mutating func recordedInstant(_ c: inout Cursor) -> UTCInstant? {
        guard c.remaining >= 32 else { return nil }
        let raw = UnsafeRawPointer(c.base + c.i)
        // The 27 bytes and the 5 after them (`"` and the next key), as four words.
        let a = raw.loadUnaligned(as: UInt64.self), b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let d3 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), d4 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        if let last = lastRecorded, last.a == a, last.b == b, last.c == d3, last.d == d4 {
            c.i += 27
            return last.instant
        }
        guard let instant = c.instant() else { return nil }
        lastRecorded = (a, b, d3, d4, instant)
        return instant
    }

    /// A unit's code (up to the quote); one seen before is found by its bytes, not checked again.
    @inline(__always)
    private mutating func unitCode(_ c: inout Cursor) -> String? {
        known.units.text(&c) { $0.string(where: { UnitCode.isValid(utf8: $0) }) }
    }

    // MARK: - Data

    static func data(_ type: EventType, _ c: inout Cursor, figuresOnly: Bool = false) -> EventData? {
        var none = Known()
        return data(type, &c, figuresOnly: figuresOnly, known: &none)
    }

    /// With `figuresOnly`, the values go into the storage `known` keeps
    /// for the type (a fold hands it back line after line).
    static func data(_ type: EventType, _ c: inout Cursor, figuresOnly: Bool, known: inout Known) -> EventData? {
        let plans = FieldPlans.shared
        let t = type.index
        guard c.literal("{") else { return nil }
        let count = plans.fields[t].count
        var values: [Value?]
        if figuresOnly && t < known.spares.count && known.spares[t].count == count {
            values = known.spares[t]
            known.spares[t] = []
            for k in 0..<count { values[k] = nil }
        } else {
            values = FieldPlans.noValues(count)
        }
        var first = true
        // A correction's `data` comes before the `was` that names its type: skipped, then read once `was` is known.
        var replacement: (field: Int, start: Int, end: Int)?
        let complete = plans.fields[t].withUnsafeBufferPointer { fields -> Bool in
            for k in 0..<count {
                let f = fields[k]
                let save = c.i
                if (first || c.literal(",")) && c.literal(plans.keyBytes + f.keyStart, f.keyCount) {
                    if case .replacement = f.reader {
                        let start = c.i
                        guard c.skipObject() else { return false }
                        replacement = (k, start, c.i)
                        values[k] = .null
                    } else if figuresOnly && !f.folded {
                        // Checked as `value` checks it, not kept: `.null` marks it present.
                        guard skip(f.reader, type, k, &c) else { return false }
                        values[k] = .null
                    } else {
                        guard let v = value(f.reader, type, k, &c, known: &known) else { return false }
                        values[k] = v
                    }
                    first = false
                    continue
                }
                c.i = save
                switch f.presence {
                case 0: return false
                case 2: values[k] = plans.defaults[t][k]
                default: break
                }
            }
            return true
        }
        guard complete else { return nil }
        var declared: [NamedValue] = []
        if c.peek != 0x7D {
            guard plans.declaresFields[t] else { return nil }
            let spec = type.spec
            while c.peek != 0x7D {
                // Fields the log declares (an indicator's dimensions): "name":"code".
                guard first || c.literal(","), c.literal("\""),
                      let name = c.string(where: { RecordBuilder.isIdentifier(utf8: $0) }), spec.field(named: name) == nil,
                      !declared.contains(where: { $0.name == name }), c.literal("\":\""),
                      let text = c.string(where: { !$0.contains(0x5C) }), c.literal("\"") else { return nil }
                declared.append(NamedValue(name, .text(text)))
                first = false
            }
        }
        c.i += 1
        if let r = replacement {
            guard let was = values.lazy.compactMap({ v -> Fact? in if case .fact(let f)? = v { f } else { nil } }).first else { return nil }
            var inner = Cursor(base: c.base, end: r.end)
            inner.i = r.start
            guard let d = data(was.type, &inner), inner.i == r.end else { return nil }
            values[r.field] = .data(d)
        }
        let needed = plans.atLeastOne[t]
        if !needed.isEmpty && needed.allSatisfy({ values[$0] == nil }) { return nil }
        return EventData(type, values: values, declared: declared)
    }

    /// A value as its plan reads it; the rare kinds that carry word lists
    /// are read through the declaration itself.
    @inline(__always)
    static func value(_ reader: FieldPlan.Reader, _ type: EventType, _ k: Int, _ c: inout Cursor, known: inout Known) -> Value? {
        if case .identifier = reader {
            // A choice's code: one of a few, read again and again.
            let save = c.i
            guard c.literal("\""), let code = known.codes.text(&c, read: { $0.string(where: { RecordBuilder.isIdentifier(utf8: $0) }) }),
                  c.literal("\"") else { c.i = save; return nil }
            return .text(code)
        }
        return value(reader, type, k, &c)
    }

    @inline(__always)
    static func value(_ reader: FieldPlan.Reader, _ type: EventType, _ k: Int, _ c: inout Cursor) -> Value? {
        switch reader {
        case .count(let lo, let hi):
            guard let n = c.integer(), n >= lo, n <= hi else { return nil }
            return .int(n)
        case .seq:
            return c.positiveInteger().map { .int(Int64($0)) }
        case .quantity:
            guard let d = c.decimal() else { return nil }
            return RecordBuilder.storedQuantity(d, .quantity)
        case .amount:
            guard let d = c.decimal() else { return nil }
            return RecordBuilder.storedQuantity(d, .amount)
        case .text(let max):
            return c.quoted(vouches: true, where: { TextRule.isSurelyCanonical(utf8: $0, maxLength: max) }).map { .text($0) }
        case .token(let max):
            return c.quoted(where: { !$0.isEmpty && $0.count <= max && $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } }).map { .text($0) }
        case .identifier:
            return c.quoted(where: { RecordBuilder.isIdentifier(utf8: $0) }).map { .text($0) }
        case .word, .vocabularyName:
            return listedWord(type.spec.fields[k].kind, &c)
        case .bool:
            if c.literal("true") { return .bool(true) }
            if c.literal("false") { return .bool(false) }
            return nil
        case .unitCode:
            return c.quoted(where: { UnitCode.isValid(utf8: $0) }).map { .text($0) }
        case .parentUnit:
            if c.literal("null") { return .null }
            return c.quoted(where: { UnitCode.isValid(utf8: $0) }).map { .text($0) }
        case .modelID:
            return c.quoted(where: { RecordBuilder.isModelID(utf8: $0) }).map { .text($0) }
        case .day:
            guard c.literal("\""), let d = c.day(), c.literal("\"") else { return nil }
            return .date(d)
        case .monthDay:
            guard let s = c.quoted(where: { $0.count == 5 }), MonthDay(s) != nil else { return nil }
            return .text(s)
        case .fact:
            return fact(&c).map { .fact($0) }
        case .replacement, .decline:
            return nil
        }
    }

    /// A recorded fact as `LineWriter` writes it: `{"type":…,"occurred":…[,"unit":…],"data":{…}}`.
    static func fact(_ c: inout Cursor) -> Fact? {
        guard c.literal("{\"type\":\""), let type = c.eventType(), type.isRetractable,
              c.literal("\",\"occurred\":\""), let day = c.day(), c.literal("\"") else { return nil }
        var unit: String?
        if c.literal(",\"unit\":\"") {
            guard let u = c.string(where: { UnitCode.isValid(utf8: $0) }), c.literal("\"") else { return nil }
            unit = u
        }
        guard c.literal(",\"data\":"), let d = data(type, &c), c.literal("}") else { return nil }
        return Fact(occurred: day, unit: unit, data: d)
    }

    /// Checks a value without making it: the texts no figure reads (a
    /// recipient, a reason, a case number) are most of a flow line's bytes.
    @inline(__always)
    static func skip(_ reader: FieldPlan.Reader, _ type: EventType, _ k: Int, _ c: inout Cursor) -> Bool {
        switch reader {
        case .text(let max):
            return c.quotedSpan(vouches: true, where: { TextRule.isSurelyCanonical(utf8: $0, maxLength: max) })
        case .token(let max):
            return c.quotedSpan(where: { !$0.isEmpty && $0.count <= max && $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } })
        default:
            return value(reader, type, k, &c) != nil
        }
    }

    /// The kinds that carry a word list, read through the declaration itself.
    static func listedWord(_ kind: FieldKind, _ c: inout Cursor) -> Value? {
        switch kind {
        case .word(let words):
            guard let w = c.quoted(where: { !$0.contains(0x5C) }), words.contains(w) else { return nil }
            return .text(w)
        case .vocabularyName:
            guard let w = c.quoted(where: { !$0.contains(0x5C) }), let n = VocabularyName(rawValue: w), n.isExtensible else { return nil }
            return .text(w)
        default:
            return nil
        }
    }
}
