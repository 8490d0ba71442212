#if canImport(Glibc)
import Glibc
#endif
import JSONCodec
import TextFormats

extension LayoutReader {
    /// Reads a models piece of a snapshot in the layout
    /// `LedgerCodec.pieceEncoders` writes (`{"model_count":…,"models":[…]`
    /// and, in the second piece, `"cameras":[…]`). Nil when anything
    /// differs (an escaped name, say): the caller then decodes the piece
    /// with the general scanner, which gives the same registry.
    ///
    /// Why: every reading command loads the models, ten thousand per
    /// piece on a national log, and walking them with the general JSON
    /// scanner was most of a summary on a snapshot.
    static func modelsPiece(_ bytes: UnsafeRawBufferPointer) -> ModelRegistry? {
        guard bytes.count > 0 else { return nil }
        var r = LayoutReader(bytes)
        var models = ModelRegistry()
        var texts = TextInterner()
        var units = RepeatedText()
        guard r.literal("{\"model_count\":"), let count = r.number(min: 0, max: 999_999_999) else { return nil }
        models.reserve(count)
        guard r.literal(",\"models\":[") else { return nil }
        if !r.literal("]") {
            repeat {
                guard r.model(into: &models, texts: &texts, units: &units) else { return nil }
            } while r.literal(",")
            guard r.literal("]") else { return nil }
        }
        if r.literal(",\"cameras\":[") {
            if !r.literal("]") {
                var rows = ModelRegistry.CameraRows()
                repeat {
                    guard r.literal("[\""), let u = r.repeatedString(&units), r.literal(","), let day = r.signedNumber(),
                          r.literal(","), let n = r.signedNumber(), r.literal("]"), let day32 = ModelRegistry.storedDay(day) else { return nil }
                    rows.add(unit: u, day: day32, n: n, to: &models)
                } while r.literal(",")
                rows.flush(into: &models)
                guard r.literal("]") else { return nil }
            }
        }
        guard r.literal("}"), r.p == r.end else { return nil }
        return models
    }

    /// `{"id":"…","unit":"…","rows":[[seq,day,tag,…],…]}`, as `LedgerCodec.writeModels` writes it.
    /// Names and reasons repeat across models: they come from `texts`.
    /// A unit's models usually come one after another (ids are written in
    /// order, and antq's own ids begin with the unit's code): units come from `units`.
    private mutating func model(into models: inout ModelRegistry, texts: inout TextInterner, units: inout RepeatedText) -> Bool {
        guard literal("{\"id\":\""), let id = plainString(), literal(",\"unit\":\""), let unit = repeatedString(&units),
              literal(",\"rows\":[") else { return false }
        var entries: [ModelRegistry.Entry] = []
        entries.reserveCapacity(4)
        // Folded and checked for order as the rows are read, not in a second walk.
        var final = ModelRegistry.Final()
        var ordered = true
        if !literal("]") {
            repeat {
                guard literal("["), let seq = signedNumber(), literal(","), let day = signedNumber(),
                      let day32 = ModelRegistry.storedDay(day), literal(",\""),
                      let tag = quoted(), tag.count == 1 else { return false }
                let change: ModelChange
                switch tag[0] {
                case UInt8(ascii: "e"):
                    guard literal(",\""), let kind = vocabulary(ModelKind.self), literal(",\""), let name = sharedString(&texts),
                          literal(","), let members = signedNumber() else { return false }
                    change = .established(kind: kind, name: name, members: members)
                case UInt8(ascii: "c"):
                    guard literal(",") else { return false }
                    var kind: ModelKind?
                    if !literal("null") {
                        guard literal("\""), let k = vocabulary(ModelKind.self) else { return false }
                        kind = k
                    }
                    guard literal(","), let name = optionalSharedString(&texts), literal(",") else { return false }
                    var members: Int?
                    if !literal("null") {
                        guard let m = signedNumber() else { return false }
                        members = m
                    }
                    change = .changed(kind: kind, name: name, members: members)
                case UInt8(ascii: "d"):
                    guard literal(","), let reason = optionalSharedString(&texts) else { return false }
                    change = .dissolved(reason: reason)
                default:
                    return false
                }
                guard literal("]") else { return false }
                let entry = ModelRegistry.Entry(seq: seq, day: day32, change: change)
                if let last = entries.last, ModelRegistry.Entry.inOrder(entry, last) { ordered = false }
                final.take(entry)
                entries.append(entry)
            } while literal(",")
            guard literal("]") else { return false }
        }
        guard literal("}") else { return false }
        if ordered, !entries.isEmpty {
            models.restore(id: id, unit: unit, orderedEntries: entries, final: final)
        } else {
            models.restore(id: id, unit: unit, entries: entries)
        }
        return true
    }

    /// A string's content after its opening quote, as a `String`: no
    /// escapes (those go to the general scanner), valid UTF-8.
    private mutating func plainString() -> String? {
        guard let b = quoted(), isValidStrictUTF8(b) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    /// Like `plainString`, but the same `String` as last time if the text repeats it.
    private mutating func repeatedString(_ last: inout RepeatedText) -> String? {
        guard let b = quoted() else { return nil }
        if let s = last.string(b) { return s }
        guard isValidStrictUTF8(b) else { return nil }
        let s = String(decoding: b, as: UTF8.self)
        last.remember(b, s)
        return s
    }

    /// Like `plainString`, but one `String` for all equal texts of the piece.
    private mutating func sharedString(_ texts: inout TextInterner) -> String? {
        guard let b = quoted() else { return nil }
        return texts.string(UnsafeRawBufferPointer(b)) { bytes in
            isValidStrictUTF8(bytes.assumingMemoryBound(to: UInt8.self)) ? String(decoding: bytes, as: UTF8.self) : nil
        }
    }

    /// `null` (`.some(nil)`) or a string in quotes; nil for anything else.
    private mutating func optionalSharedString(_ texts: inout TextInterner) -> String?? {
        if literal("null") { return .some(nil) }
        guard literal("\""), let s = sharedString(&texts) else { return nil }
        return .some(s)
    }

    /// A whole number as `JSONWriter.int` writes it, with its sign.
    private mutating func signedNumber() -> Int? {
        if literal("-") {
            guard let n = number(min: 1, max: 999_999_999_999_999_999) else { return nil }
            return -n
        }
        return number(min: 0, max: 999_999_999_999_999_999)
    }
}

/// The last text read for a field whose values come in runs, with its
/// `String`: a repeat costs a comparison of bytes instead of a new string.
/// The bytes are those of the piece being read, which outlives the reader.
struct RepeatedText {
    private var bytes: UnsafeBufferPointer<UInt8>?
    private var last = ""

    func string(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let bytes, bytes.count == b.count,
              b.count == 0 || memcmp(bytes.baseAddress!, b.baseAddress!, b.count) == 0 else { return nil }
        return last
    }

    mutating func remember(_ b: UnsafeBufferPointer<UInt8>, _ s: String) {
        bytes = b
        last = s
    }
}
