#if canImport(Glibc)
import Glibc
#endif

import JSONCodec
import TextFormats

/// Reads what antq itself wrote — stored lines (the replay's first try), a
/// snapshot's facts and its models — laid out exactly as antq's encoders
/// write them: keys in the fixed order, no spaces, no escapes, matched byte
/// for byte.
///
/// Why: nearly every line of a log is written by antq, so its layout is
/// known before it is read. Matching that layout skips what a general JSON
/// scanner must do for each of a line's fifteen keys (find the key, tell it
/// apart, skip spaces, look at the value's kind); on a million lines that
/// was most of a rebuild.
///
/// It covers the frequent events (flows, cameras, models). For anything
/// else, and for any byte that differs from the layout, it returns nil and
/// `EventDecoder` reads the same line with its general scanner. So what is
/// accepted, and every error message, stay those of the general path; a
/// line this reader accepts is one the general path accepts with the same
/// result (differential tests, including every one-byte change of such lines).
struct LayoutReader {
    var p: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    let base: UnsafePointer<UInt8>

    init(_ line: UnsafeRawBufferPointer) {
        let b = line.assumingMemoryBound(to: UInt8.self)
        base = b.baseAddress!
        p = base
        end = base + b.count
    }

    /// The line, checked, or nil when it is not in the canonical layout of a
    /// frequent event or any value fails a check.
    @inline(__always)
    static func read(_ line: UnsafeRawBufferPointer, names: inout RecorderNames, instants: inout LastInstant) -> CanonicalLine? {
        guard line.count > 0 else { return nil }
        var r = LayoutReader(line)
        return r.line(names: &names, instants: &instants)
    }

    @inline(__always)
    private mutating func line(names: inout RecorderNames, instants: inout LastInstant) -> CanonicalLine? {
        guard literal("{\"seq\":"), let seq = number(min: 1, max: 999_999_999_999_999_999),
              literal(",\"id\":\""), let id = fixed(36), UUIDText.isCanonical(id),
              literal("\",\"type\":\""), let typeName = quoted(), let type = EventType(stored: typeName),
              LayoutReader.handles(type),
              literal(",\"occurred\":\""), let occurredText = fixed(10), let occurred = StoredText.date(occurredText),
              literal("\",\"recorded\":\""), let recordedText = fixed(27), let recorded = instants.instant(recordedText),
              literal("\""), let unitCode = envelopeUnit(type),
              literal(",\"by\":\""), let byBytes = quoted(), let by = recorder(byBytes, &names),
              literal(",\"data\":"), let data = data(type),
              literal(",\"prev\":\""), let prev = fixed(64), EventDecoder.isLowercaseHex64(prev),
              literal("\"")
        else { return nil }
        var more = false
        if literal(",\"more\":true}") {
            more = true
        } else if !literal("}") {
            return nil
        }
        guard p == end else { return nil }
        return CanonicalLine(seq: seq, occurred: occurred, recorded: recorded, unitRange: unitCode.map(range), by: by, data: data,
                             more: more, idRange: range(id), prevRange: range(prev))
    }

    /// `,"unit":"…"`, which every event but `log.created` has: `.some(nil)`
    /// for the log's first line, nil when missing or not a unit code.
    @inline(__always)
    private mutating func envelopeUnit(_ type: EventType) -> UnsafeBufferPointer<UInt8>?? {
        if type == .logCreated { return .some(nil) }
        guard literal(",\"unit\":\""), let code = quoted(), UnitCode.isValid(code) else { return nil }
        return .some(code)
    }

    /// The types whose lines this reader knows: every type but `figure.asserted`
    /// (a few lines a log), and amendments of the facts it knows.
    static func handles(_ type: EventType) -> Bool {
        type == .eventCorrected || type == .eventRetracted || type == .logCreated || handlesFact(type)
    }

    /// The facts whose data this reader knows (and which a snapshot stores).
    static func handlesFact(_ type: EventType) -> Bool {
        switch type {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted, .cameraInstalled, .cameraRemoved,
             .modelEstablished, .modelChanged, .modelDissolved, .unitRegistered, .unitChanged, .unitMerged: true
        default: false
        }
    }

    /// A fact as a snapshot stores it (`{"type":…,"occurred":…,["unit":…,]"data":{…}}`,
    /// written by the same encoder as the log), or nil for the general decoder.
    /// A command's start reads the unit tree this way: through the general
    /// decoder it was most of an `antq append`.
    static func fact(_ bytes: UnsafeRawBufferPointer) -> Fact? {
        guard bytes.count > 0 else { return nil }
        var r = LayoutReader(bytes)
        guard r.literal("{\"type\":\""), let typeName = r.quoted(), let type = EventType(stored: typeName), handlesFact(type),
              let fact = r.factAfterType(type), r.p == r.end else { return nil }
        return fact
    }

    // MARK: data, in `EventEncoder.putData`'s layout

    private mutating func data(_ type: EventType) -> CanonicalLine.Data? {
        switch type {
        case .tipReceived:
            guard literal("{\"count\":"), let count = count(), literal(",\"channel\":\""), let channel = vocabulary(TipChannel.self),
                  literal(",\"valuable\":") else { return nil }
            let valuable: Bool
            if literal("true}") { valuable = true } else if literal("false}") { valuable = false } else { return nil }
            return .flow(.tips(count: count, valuable: valuable), FlowText(channel: channel))
        case .caseSolved:
            guard literal("{\"count\":"), let count = count(), literal(",\"category\":\""),
                  let category = vocabulary(CaseCategory.self), let ref = optionalText(",\"case\":\"", max: 100),
                  literal("}") else { return nil }
            return .flow(.cases(count: count, category: category), FlowText(first: ref))
        case .arrestMade:
            guard literal("{\"count\":"), let count = count(), let ref = optionalText(",\"case\":\"", max: 100) else { return nil }
            var caught: Bool?
            if literal(",\"caught_in_act\":true") { caught = true } else if literal(",\"caught_in_act\":false") { caught = false }
            guard literal("}") else { return nil }
            return .flow(.arrests(count: count), FlowText(first: ref, caught: caught))
        case .weaponSeized:
            guard literal("{\"kind\":\""), let kind = vocabulary(WeaponKind.self), literal(",\"quantity\":"), let quantity = count(),
                  let ref = optionalText(",\"case\":\"", max: 100), literal("}") else { return nil }
            return .flow(.weapons(kind: kind, quantity: quantity), FlowText(first: ref))
        case .awardGranted:
            guard literal("{\"recipient_kind\":\""), let recipientKind = vocabulary(RecipientKind.self),
                  literal(",\"recipient\":\""), let recipient = text(max: 300),
                  literal(",\"issuer\":\""), let issuer = vocabulary(Issuer.self),
                  literal(",\"form\":\""), let form = vocabulary(AwardForm.self),
                  literal(",\"count\":"), let count = count(),
                  let reason = optionalText(",\"reason\":\"", max: 1000), literal("}") else { return nil }
            return .flow(.awards(recipientKind: recipientKind, issuer: issuer, count: count),
                         FlowText(first: recipient, second: reason, form: form))
        case .cameraInstalled, .cameraRemoved:
            guard literal("{\"count\":"), let count = count(), literal("}") else { return nil }
            return .other(type == .cameraInstalled ? .cameraInstalled(count: count) : .cameraRemoved(count: count))
        case .modelEstablished:
            guard literal("{\"model\":\""), let model = modelID(), literal(",\"kind\":\""), let kind = vocabulary(ModelKind.self),
                  literal(",\"name\":\""), let name = text(max: 300),
                  literal(",\"members\":"), let members = number(min: 0, max: Int64(DataDecoder.maxMembers)),
                  literal("}") else { return nil }
            return .other(.modelEstablished(model: model, kind: kind, name: string(name), members: members))
        case .modelChanged:
            guard literal("{\"model\":\""), let model = modelID() else { return nil }
            var kind: ModelKind?
            if literal(",\"kind\":\"") {
                guard let k = vocabulary(ModelKind.self) else { return nil }
                kind = k
            }
            guard let name = optionalText(",\"name\":\"", max: 300) else { return nil }
            var members: Int?
            if literal(",\"members\":") {
                guard let m = number(min: 0, max: Int64(DataDecoder.maxMembers)) else { return nil }
                members = m
            }
            guard literal("}"), kind != nil || name != nil || members != nil else { return nil }
            return .other(.modelChanged(model: model, kind: kind, name: name.map(string), members: members))
        case .modelDissolved:
            guard literal("{\"model\":\""), let model = modelID(), let reason = optionalText(",\"reason\":\"", max: 1000),
                  literal("}") else { return nil }
            return .other(.modelDissolved(model: model, reason: reason.map(string)))
        case .logCreated:
            guard literal("{\"log_id\":\""), let id = text(max: 100), literal(",\"format\":1,\"period_start\":\""),
                  let startText = quoted(), let start = MonthDay(String(decoding: startText, as: UTF8.self)) else { return nil }
            var keyID: Range<Int>?
            if literal(",\"key_id\":\"") {
                guard let k = text(max: 100) else { return nil }
                keyID = k
            }
            guard literal("}") else { return nil }
            return .other(.logCreated(LogCreated(logID: string(id), format: 1, periodStart: start, keyID: keyID.map(string))))
        case .unitRegistered:
            guard literal("{\"name\":\""), let name = text(max: 200), literal(",\"kind\":\""), let kind = vocabulary(UnitKind.self),
                  literal(",\"parent\":"), let parent = parentCode(), literal("}") else { return nil }
            return .other(.unitRegistered(name: string(name), kind: kind, parent: parent))
        case .unitChanged:
            guard literal("{") else { return nil }
            var name: Range<Int>?, kind: UnitKind?, parent: String??
            var first = true
            if key("\"name\":\"", &first) {
                guard let n = text(max: 200) else { return nil }
                name = n
            }
            if key("\"kind\":\"", &first) {
                guard let k = vocabulary(UnitKind.self) else { return nil }
                kind = k
            }
            if key("\"parent\":", &first) {
                guard let code = parentCode() else { return nil }
                parent = .some(code)
            }
            guard !first, literal("}") else { return nil }
            return .other(.unitChanged(name: name.map(string), kind: kind, parent: parent))
        case .unitMerged:
            guard literal("{\"into\":\""), let into = quoted(), UnitCode.isValid(into), literal("}") else { return nil }
            return .other(.unitMerged(into: String(decoding: into, as: UTF8.self)))
        case .eventCorrected:
            // `{"target":…,"reason":…,"occurred":…,["unit":…,]"data":{…},"was":{…}}`: the
            // replacement's data comes before the type that says how to read
            // it (the `was` fact's), so that type is read first.
            guard literal("{\"target\":"), let target = number(min: 1, max: 999_999_999_999_999_999),
                  literal(",\"reason\":\""), let reason = text(max: 1000),
                  literal(",\"occurred\":\""), let occurredText = fixed(10), let occurred = StoredText.date(occurredText), literal("\""),
                  let unit = optionalUnit(), literal(",\"data\":") else { return nil }
            let dataStart = p
            guard let wasAt = find(",\"was\":{\"type\":\"") else { return nil }
            p = wasAt
            guard literal(",\"was\":{\"type\":\""), let typeName = quoted(), let type = EventType(stored: typeName),
                  LayoutReader.handlesFact(type) else { return nil }
            let afterType = p
            p = dataStart
            guard let replacement = fact(type), p == wasAt else { return nil }
            p = afterType
            guard let was = factAfterType(type), literal("}") else { return nil }
            return .other(.corrected(Correction(target: target, reason: string(reason),
                                                replacement: Fact(occurred: occurred, unit: unit, data: replacement), was: was)))
        case .eventRetracted:
            guard literal("{\"target\":"), let target = number(min: 1, max: 999_999_999_999_999_999),
                  literal(",\"reason\":\""), let reason = text(max: 1000),
                  literal(",\"was\":{\"type\":\""), let typeName = quoted(), let type = EventType(stored: typeName),
                  LayoutReader.handlesFact(type), let was = factAfterType(type), literal("}") else { return nil }
            return .other(.retracted(Retraction(target: target, reason: string(reason), was: was)))
        default:
            return nil
        }
    }

    /// The data of a fact of `type` inside an amendment, whole.
    private mutating func fact(_ type: EventType) -> EventData? {
        switch data(type) {
        case .other(let d)?: return d
        case .flow(let amount, let text)?: return text.data(amount, in: UnsafeRawBufferPointer(start: base, count: end - base))
        case nil: return nil
        }
    }

    /// A `was` fact after its type: `,"occurred":…,["unit":…,]"data":{…}}`.
    private mutating func factAfterType(_ type: EventType) -> Fact? {
        guard literal(",\"occurred\":\""), let occurredText = fixed(10), let occurred = StoredText.date(occurredText), literal("\""),
              let unit = optionalUnit(), literal(",\"data\":"), let data = fact(type), literal("}") else { return nil }
        return Fact(occurred: occurred, unit: unit, data: data)
    }

    /// A unit's parent: a unit code in quotes, or null (`.some(nil)`); nil when neither.
    private mutating func parentCode() -> String?? {
        if literal("null") { return .some(nil) }
        guard literal("\""), let code = quoted(), UnitCode.isValid(code) else { return nil }
        return .some(String(decoding: code, as: UTF8.self))
    }

    /// An optional key of an object whose keys are all optional: with a
    /// comma before it unless it is the first present.
    private mutating func key(_ k: StaticString, _ first: inout Bool) -> Bool {
        if first {
            guard literal(k) else { return false }
        } else {
            let at = p
            guard literal(","), literal(k) else { p = at; return false }
        }
        first = false
        return true
    }

    /// `,"unit":"…"` if present: `.some(nil)` when absent, nil when not a unit code.
    private mutating func optionalUnit() -> String?? {
        guard literal(",\"unit\":\"") else { return .some(nil) }
        guard let u = quoted(), UnitCode.isValid(u) else { return nil }
        return .some(String(decoding: u, as: UTF8.self))
    }

    /// Where `s` next occurs (the input is not consumed).
    func find(_ s: StaticString) -> UnsafePointer<UInt8>? {
        let n = s.utf8CodeUnitCount, first = s.utf8Start.pointee
        var q = p
        while end - q >= n {
            if q.pointee == first && memcmp(q, s.utf8Start, n) == 0 { return q }
            q += 1
        }
        return nil
    }

    // MARK: values

    private mutating func count() -> Int? { number(min: 1, max: Int64(DataDecoder.maxCount)) }

    /// A whole number as `JSONWriter.int` writes it: no sign, no leading
    /// zero, no fraction or exponent (anything else: the general path).
    @inline(__always)
    mutating func number(min: Int64, max: Int64) -> Int? {
        // Up to seven digits (days, seqs, counts: nearly every number a
        // replay or a snapshot reads) are found and converted eight bytes
        // at a time; longer numbers, and the last bytes of the buffer, go
        // digit by digit.
        if end - p >= 8 {
            let x = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
            // High bit set in each byte that is not a digit: x > 9 (no carry crosses a byte).
            let notDigit = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
            if notDigit != 0 {
                let digits = notDigit.trailingZeroBitCount &>> 3
                guard digits > 0, digits == 1 || p.pointee != 0x30 else { return nil }
                // The digits, most significant first, moved to the top bytes
                // (zeros in front), then joined pairwise: 8 → 4 → 2 → 1.
                var v = x &<< UInt64(8 &* (8 &- digits))
                v = v &* 10 &+ (v &>> 8)
                v = ((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064
                     &+ ((v &>> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) &>> 32
                let n = Int64(v)
                guard n >= min, n <= max else { return nil }
                p += digits
                return Int(n)
            }
        }
        return numberByDigits(min: min, max: max)
    }

    /// `number`, one digit at a time.
    mutating func numberByDigits(min: Int64, max: Int64) -> Int? {
        var v: Int64 = 0
        var q = p
        while q < end, q.pointee &- 0x30 < 10, q - p < 18 {
            v = v &* 10 &+ Int64(q.pointee &- 0x30)
            q += 1
        }
        let digits = q - p
        guard digits > 0, digits == 1 || p.pointee != 0x30, q == end || q.pointee &- 0x30 >= 10,
              v >= min, v <= max else { return nil }
        p = q
        return Int(v)
    }

    /// `count` bytes, then (for the caller's next literal) the closing quote.
    @inline(__always)
    mutating func fixed(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
        guard end - p >= count else { return nil }
        defer { p += count }
        return UnsafeBufferPointer(start: p, count: count)
    }

    /// A string's content up to its closing quote (consumed); nil if it has
    /// an escape, a control character or no end. Not checked as UTF-8: the
    /// callers that take bytes above 0x7F check them (`text`, `recorder`);
    /// the others accept ASCII only.
    @inline(__always)
    mutating func quoted() -> UnsafeBufferPointer<UInt8>? {
        var q = p
        // Eight bytes at a time: the first quote, backslash or control byte.
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while end - q >= 8 {
            let w = UnsafeRawPointer(q).loadUnaligned(as: UInt64.self)
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            let isQuote = ~(((quote & low7) &+ low7) | quote) & high
            let isBackslash = ~(((backslash & low7) &+ low7) | backslash) & high
            let isControl = ~((w & low7) &+ (ones &* 0x60)) & ~w & high
            let stops = isQuote | isBackslash | isControl
            if stops != 0 {
                let at = stops.trailingZeroBitCount &>> 3
                guard q[at] == 0x22 else { return nil }
                q += at
                let s = UnsafeBufferPointer(start: p, count: q - p)
                p = q + 1
                return s
            }
            q += 8
        }
        while q < end {
            let b = q.pointee
            if b == 0x22 { break }
            if b == 0x5C || b < 0x20 { return nil }
            q += 1
        }
        guard q < end else { return nil }
        let s = UnsafeBufferPointer(start: p, count: q - p)
        p = q + 1
        return s
    }

    @inline(__always)
    mutating func vocabulary<T: StoredVocabulary>(_ type: T.Type) -> T? {
        guard let b = quoted() else { return nil }
        return T.stored(b)
    }

    /// Free text as antq stores it (`FastDataDecoder.canonical`), left in
    /// the line: a flow's fold never reads it.
    @inline(__always)
    mutating func text(max: Int) -> Range<Int>? {
        guard let b = quoted(), FastDataDecoder.isCanonical(b, max: max) else { return nil }
        return range(b)
    }

    /// An optional text field: absent (`.some(nil)`), present and good,
    /// or present and not as antq stores it (nil).
    @inline(__always)
    private mutating func optionalText(_ key: StaticString, max: Int) -> Range<Int>?? {
        guard literal(key) else { return .some(nil) }
        guard let v = text(max: max) else { return nil }
        return .some(v)
    }

    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: base + r.lowerBound, count: r.count), as: UTF8.self)
    }

    @inline(__always)
    private mutating func modelID() -> String? {
        guard let b = quoted(), FastDataDecoder.isModelID(b) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    private func recorder(_ b: UnsafeBufferPointer<UInt8>, _ names: inout RecorderNames) -> String? {
        if let cached = names.cached(b) { return cached }
        guard isValidStrictUTF8(b) else { return nil }
        let v = String(decoding: b, as: UTF8.self)
        guard EventDecoder.isRecorderName(v) else { return nil }
        names.keep(v)
        return v
    }

    // MARK: bytes

    /// Consumes `s` if the input continues with exactly its bytes, compared
    /// eight at a time (the literals are the line's fixed parts).
    @inline(__always)
    mutating func literal(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard end - p >= n else { return false }
        let lit = s.utf8Start
        var i = 0
        while i + 8 <= n {
            guard UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(lit + i).loadUnaligned(as: UInt64.self)
            else { return false }
            i += 8
        }
        while i < n {
            guard p[i] == lit[i] else { return false }
            i += 1
        }
        p += n
        return true
    }

    func range(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = b.baseAddress! - base
        return start..<(start + b.count)
    }
}

/// A stored line that `LayoutReader` checked, its text still in the line.
struct CanonicalLine {
    enum Data {
        /// A flow event: its numbers, and where the rest of its data lies.
        case flow(FlowAmount, FlowText)
        /// Any other event the reader knows, whole.
        case other(EventData)
    }

    var seq: Int
    var occurred: CivilDate
    var recorded: UTCInstant
    /// Nil for `log.created` only.
    var unitRange: Range<Int>?
    var by: String
    var data: Data
    var more: Bool
    var idRange: Range<Int>
    var prevRange: Range<Int>

    /// The checked line, every value made; `line` is the bytes it was read from.
    func checked(in line: UnsafeRawBufferPointer) -> CheckedLine {
        let eventData: EventData
        switch data {
        case .other(let d): eventData = d
        case .flow(let amount, let text): eventData = text.data(amount, in: line)
        }
        return CheckedLine(seq: seq, occurred: occurred, recorded: recorded, unit: unitRange.map { Self.string($0, in: line) }, by: by,
                           data: eventData, more: more, textNote: nil, idRange: idRange, prevRange: prevRange)
    }

    static func string(_ r: Range<Int>, in line: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: line[r]), as: UTF8.self)
    }
}

/// The parts of a flow event's data that add nothing to the counters: its
/// texts (as ranges of the line: a case reference, or an award's recipient
/// and reason), a tip's channel, an arrest's "caught in the act", an award's form.
struct FlowText {
    var first: Range<Int>?
    var second: Range<Int>?
    var channel: TipChannel?
    var caught: Bool?
    var form: AwardForm?

    init(first: Range<Int>? = nil, second: Range<Int>? = nil, channel: TipChannel? = nil, caught: Bool? = nil, form: AwardForm? = nil) {
        self.first = first
        self.second = second
        self.channel = channel
        self.caught = caught
        self.form = form
    }

    /// The whole data of the flow event these parts were read with.
    func data(_ amount: FlowAmount, in line: UnsafeRawBufferPointer) -> EventData {
        let first = self.first.map { CanonicalLine.string($0, in: line) }
        switch amount {
        case .tips(let count, let valuable): return .tipReceived(count: count, channel: channel!, valuable: valuable)
        case .cases(let count, let category): return .caseSolved(count: count, category: category, caseRef: first)
        case .arrests(let count): return .arrestMade(count: count, caseRef: first, caughtInAct: caught)
        case .weapons(let kind, let quantity): return .weaponSeized(kind: kind, quantity: quantity, caseRef: first)
        case .awards(let recipientKind, let issuer, let count):
            return .awardGranted(Award(recipientKind: recipientKind, recipient: first!, issuer: issuer, form: form!, count: count,
                                       reason: second.map { CanonicalLine.string($0, in: line) }))
        }
    }
}

/// The last `recorded` instant read, by its 27 bytes: a batch's lines share
/// one, so most lines of a log repeat the line before's, and parsing it
/// (eleven digit groups, a calendar check) was 3% of a replay.
struct LastInstant {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var value: UTCInstant?

    @inline(__always)
    mutating func instant(_ b: UnsafeBufferPointer<UInt8>) -> UTCInstant? {
        guard b.count == 27, let p = b.baseAddress else { return StoredText.instant(b) }
        let raw = UnsafeRawPointer(p)
        let w = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 19, as: UInt64.self))
        if let value, w == words { return value }
        value = StoredText.instant(b)
        words = w
        return value
    }
}
