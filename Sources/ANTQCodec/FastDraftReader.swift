import ANTQDomain
import Decimals
import TextFormats

/// The skip inside the batch reader (`BatchLines.draft`): a batch line of
/// the plain shape a program writes (`type` first or after `id`, then
/// `occurred`, `unit`, `by`, `data`; no escapes, no nulls) is read straight
/// from its bytes into the draft *with its data already built*, so neither
/// the JSON tree nor `RecordBuilder` runs for it. It takes a value only
/// where `RecordBuilder` would give that very value (a whole number in
/// range, `true`/`false`, a built-in code, text already canonical, an ISO
/// day, a model id); anything else — another shape, a declared indicator,
/// a unit named in the data, any doubt — declines (nil) and the general
/// reader reads the line and gives the error. The tests hold the two equal
/// on every line the skip takes.
public struct FastDraftReader {
    /// Unit codes and recorder names read before (lines repeat them).
    private var units = ShortTexts()
    private var names = RecorderNames()

    public init() {}

    public mutating func read(_ line: UnsafeRawBufferPointer) -> EventDraft? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var c = Cursor(base: base, end: line.count)
        // An id is taken here only in canonical form (any other is the general path's to read and lowercase).
        var id: (text: String, key: UUIDKey)?
        guard c.literal("{\"") else { return nil }
        if c.literal("id\":\"") {
            guard let given = c.uuid(), c.literal("\",\"") else { return nil }
            id = given
        }
        guard c.literal("type\":\""), let type = c.eventType(), type != .logCreated, !type.isAmendment, c.literal("\",\"") else { return nil }
        if id == nil, c.literal("id\":\"") {
            guard let given = c.uuid(), c.literal("\",\"") else { return nil }
            id = given
        }
        guard c.literal("occurred\":\""), let occurred = c.day(), c.literal("\",\"unit\":\""),
              let unit = units.text(&c, read: { Self.plainText(&$0) }), c.literal("\",") else { return nil }
        var by: String?
        if c.literal("\"by\":\"") {
            guard let name = names.read(&c), c.literal("\",") else { return nil }
            by = name
        }
        guard c.literal("\"data\":"), let data = Self.data(type, &c), c.literal("}"), c.remaining == 0 else { return nil }
        return EventDraft(id: id?.text, type: type, occurred: occurred, unit: unit, by: by, fields: [], fieldMode: .input,
                          data: data, byIsCanonical: by != nil, idKey: id?.key)
    }

    /// A string with no escape, control character or invalid UTF-8, up to its closing quote.
    private static func plainText(_ c: inout Cursor) -> String? {
        c.string(where: { !$0.isEmpty && !$0.contains(0x5C) })
    }

    /// The data object, its members in any order, each a field the type
    /// declares and read as `RecordBuilder` reads it from a batch line.
    static func data(_ type: EventType, _ c: inout Cursor) -> EventData? {
        let plans = FieldPlans.shared
        let t = type.index
        guard !plans.declaresFields[t], c.literal("{") else { return nil }
        let fields = plans.fields[t]
        var values = FieldPlans.noValues(fields.count)
        var first = true
        while c.peek != 0x7D {
            guard first || c.literal(","), c.literal("\"") else { return nil }
            first = false
            var j = c.i
            while j < c.end, c.base[j] != 0x22 { j += 1 }
            let n = j - c.i
            guard let k = fields.firstIndex(where: { $0.keyCount == n + 3 && Cursor.same(plans.keyBytes + $0.keyStart + 1, c.base + c.i, n) }),
                  values[k] == nil else { return nil }
            c.i = j
            guard c.literal("\":"), let v = value(fields[k].reader, t, k, &c) else { return nil }
            values[k] = v
        }
        c.i += 1
        for k in fields.indices where values[k] == nil {
            switch fields[k].presence {
            case 0: return nil
            case 2: values[k] = plans.defaults[t][k]
            default: break
            }
        }
        let needed = plans.atLeastOne[t]
        if !needed.isEmpty && needed.allSatisfy({ values[$0] == nil }) { return nil }
        return EventData(type, values: values, declared: [])
    }

    /// A batch line's value, read as a stored line's where `RecordBuilder`
    /// gives the same for both; a choice only as a built-in code.
    @inline(__always)
    static func value(_ reader: FieldPlan.Reader, _ t: Int, _ k: Int, _ c: inout Cursor) -> Value? {
        switch reader {
        case .identifier:
            // Only a choice's built-in code that names itself; a declared code or a label goes the general way.
            guard let codes = FieldPlans.shared.builtInCodes[t][k],
                  let s = c.quoted(where: { RecordBuilder.isIdentifier(utf8: $0) }), codes.contains(s) else { return nil }
            return .text(s)
        case .count, .bool, .text, .modelID, .day:
            return FastLineReader.value(reader, FieldPlans.shared.types[t], k, &c)
        case .seq, .quantity, .amount, .token, .word, .vocabularyName, .unitCode, .parentUnit, .monthDay, .fact, .replacement, .decline:
            return nil
        }
    }
}
