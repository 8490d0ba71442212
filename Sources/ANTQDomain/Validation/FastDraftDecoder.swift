import JSONCodec
import TextFormats

/// The batch fast path for the lines a big batch is made of: flow, camera
/// and model events in the plain form an export or a generator writes.
/// It reads the envelope and the `data` object straight from the bytes with
/// the pull scanner into an `EventDraft` whose `data` is already decoded —
/// no `DataField` tree, no look-up of fields by name, one `String` per free
/// text at most, and the recorders' names reused from line to line.
///
/// Why it can never change what antq accepts or says: it returns nil on
/// anything it does not recognise at once — an unknown, repeated or missing
/// key, an escape, a string that trimming or NFC would change, a number out
/// of range, a value of the wrong kind, an amendment — and the caller then
/// decodes the same bytes with `DraftDecoder`'s general path. When it does
/// return a draft, it is the draft the general path returns (with `data`
/// decoded as `DataDecoder` would; tested differentially).
public struct FastDraftDecoder {
    /// Recently seen `by` names that passed the check, as bytes and value.
    private var names: [(bytes: [UInt8], name: String)] = []

    public init() {}

    /// The draft of one batch line, or nil to let the general path decide.
    public mutating func decode(_ line: UnsafeRawBufferPointer) -> EventDraft? {
        var s = JSONScanner(line)
        var type: EventType?
        var id: String?
        var occurred: CivilDate?
        var unit: String?
        var by: String?
        var data: EventData?
        var seen: UInt8 = 0
        func mark(_ bit: UInt8) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }
        do {
            guard try s.peekKind() == .object else { return nil }
            try s.beginObject()
            while let key = try s.nextKey() {
                if key.equals("type") {
                    guard mark(1), try s.peekKind() == .string else { return nil }
                    let raw = try s.readRawString()
                    guard !raw.escaped, let t = EventType(bytes: raw), FastDraftDecoder.handles(t) else { return nil }
                    type = t
                } else if key.equals("occurred") {
                    guard mark(2), try s.peekKind() == .string else { return nil }
                    let raw = try s.readRawString()
                    guard !raw.escaped, let d = StoredText.date(raw.bytes) else { return nil }
                    occurred = d
                } else if key.equals("unit") {
                    guard mark(4), let v = FastDraftDecoder.text(&s, max: 200) else { return nil }
                    unit = v
                } else if key.equals("by") {
                    guard mark(8), let v = name(&s) else { return nil }
                    by = v
                } else if key.equals("data") {
                    // The type comes first in the usual order; otherwise let the general path read it.
                    guard mark(16), let type, let d = FastDraftData.decode(type, &s) else { return nil }
                    data = d
                } else if key.equals("id") {
                    guard mark(32), try s.peekKind() == .string else { return nil }
                    let raw = try s.readRawString()
                    guard !raw.escaped, UUIDText.isCanonical(raw.bytes) else { return nil }
                    id = raw.string
                } else {
                    return nil
                }
            }
            try s.expectEnd()
        } catch {
            return nil
        }
        guard let type, let occurred, let unit, let data else { return nil }
        return EventDraft(id: id, type: type, occurred: occurred, unit: unit, by: by, fields: [], fieldMode: .input,
                          data: data, byIsCanonical: by != nil)
    }

    /// The event types this path reads; everything else (units, amendments,
    /// figures) takes the general path.
    static func handles(_ t: EventType) -> Bool {
        switch t {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted, .cameraInstalled, .cameraRemoved,
             .modelEstablished, .modelChanged, .modelDissolved:
            return true
        default:
            return false
        }
    }

    /// A `by` name, from the cache when these bytes were seen before.
    private mutating func name(_ s: inout JSONScanner) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString(), !raw.escaped, let p = raw.bytes.baseAddress else { return nil }
        let n = raw.bytes.count
        for entry in names where entry.bytes.count == n {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) }) == 0 { return entry.name }
        }
        guard let v = FastDraftDecoder.canonical(raw, max: 200) else { return nil }
        if names.count >= 64 { names.removeFirst() }
        names.append((Array(raw.bytes), v))
        return v
    }

    /// A free-text value the general reader would return unchanged.
    @inline(__always)
    static func text(_ s: inout JSONScanner, max: Int) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString() else { return nil }
        return canonical(raw, max: max)
    }

    /// `raw` as a String if `FieldReader.string` in input mode would return
    /// exactly it: not escaped, not empty, at most `max` bytes (so at most
    /// `max` scalars), no control character, nothing to trim at either end
    /// (by `FieldReader.trimmed`'s own test), and NFC by the quick check.
    static func canonical(_ raw: JSONRawString, max: Int) -> String? {
        guard !raw.escaped, let first = raw.bytes.first, let last = raw.bytes.last, raw.bytes.count <= max else { return nil }
        var ascii = true
        for b in raw.bytes {
            if b < 0x20 || b == 0x7F { return nil }
            if b >= 0x80 { ascii = false }
        }
        if ascii {
            guard first != 0x20, last != 0x20 else { return nil }
            return raw.string
        }
        let v = raw.string
        guard quickCheckNFC(v), let a = v.unicodeScalars.first, let z = v.unicodeScalars.last,
              !FieldReader.isTrimmedSpace(a), !FieldReader.isTrimmedSpace(z) else { return nil }
        return v
    }
}

/// The `data` objects of the types `FastDraftDecoder` handles, read with the
/// input-mode rules of `DataDecoder` for values that need no conversion.
enum FastDraftData {
    static func decode(_ type: EventType, _ s: inout JSONScanner) -> EventData? {
        guard (try? s.peekKind()) == .object, (try? s.beginObject()) != nil else { return nil }
        var count: Int?
        var quantity: Int?
        var members: Int?
        var valuable: Bool?
        var caught: Bool?
        var caseRef: String?
        var vocab: String?
        var channel: TipChannel?
        var category: CaseCategory?
        var recipientKind: RecipientKind?
        var recipient: String?
        var issuer: Issuer?
        var form: AwardForm?
        var reason: String?
        var model: String?
        var name: String?
        var seen: UInt32 = 0
        func mark(_ bit: UInt32) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }
        do {
            while let key = try s.nextKey() {
                if key.equals("count") {
                    guard mark(1), let v = int(&s, 1, DataDecoder.maxCount) else { return nil }
                    count = v
                } else if key.equals("channel") {
                    guard mark(2), let raw = ascii(&s), let v = TipChannel(rawValue: raw) else { return nil }
                    channel = v
                } else if key.equals("valuable") {
                    guard mark(4), try s.peekKind() == .bool else { return nil }
                    valuable = try s.readBool()
                } else if key.equals("category") {
                    guard mark(8), let raw = ascii(&s), let v = CaseCategory(rawValue: raw) else { return nil }
                    category = v
                } else if key.equals("case") {
                    guard mark(16), let v = FastDraftDecoder.text(&s, max: 100) else { return nil }
                    caseRef = v
                } else if key.equals("caught_in_act") {
                    guard mark(32), try s.peekKind() == .bool else { return nil }
                    caught = try s.readBool()
                } else if key.equals("kind") {
                    // Weapon or model kind: which one is known from the type below.
                    guard mark(64), let raw = ascii(&s) else { return nil }
                    vocab = raw
                } else if key.equals("quantity") {
                    guard mark(128), let v = int(&s, 1, DataDecoder.maxCount) else { return nil }
                    quantity = v
                } else if key.equals("recipient_kind") {
                    guard mark(256), let raw = ascii(&s), let v = RecipientKind(rawValue: raw) else { return nil }
                    recipientKind = v
                } else if key.equals("recipient") {
                    guard mark(512), let v = FastDraftDecoder.text(&s, max: 300) else { return nil }
                    recipient = v
                } else if key.equals("issuer") {
                    guard mark(1024), let raw = ascii(&s), let v = Issuer(rawValue: raw) else { return nil }
                    issuer = v
                } else if key.equals("form") {
                    guard mark(2048), let raw = ascii(&s), let v = AwardForm(rawValue: raw) else { return nil }
                    form = v
                } else if key.equals("reason") {
                    guard mark(4096), let v = FastDraftDecoder.text(&s, max: 1000) else { return nil }
                    reason = v
                } else if key.equals("model") {
                    guard mark(8192), let v = modelID(&s) else { return nil }
                    model = v
                } else if key.equals("name") {
                    guard mark(16384), let v = FastDraftDecoder.text(&s, max: 300) else { return nil }
                    name = v
                } else if key.equals("members") {
                    guard mark(32768), let v = int(&s, 0, DataDecoder.maxMembers) else { return nil }
                    members = v
                } else {
                    return nil
                }
            }
        } catch {
            return nil
        }
        // Exactly the fields of the type, nothing else.
        switch type {
        case .tipReceived:
            guard seen & ~UInt32(1 | 2 | 4) == 0, let channel, let valuable else { return nil }
            return .tipReceived(count: count ?? 1, channel: channel, valuable: valuable)
        case .caseSolved:
            guard seen & ~UInt32(1 | 8 | 16) == 0, let category else { return nil }
            return .caseSolved(count: count ?? 1, category: category, caseRef: caseRef)
        case .arrestMade:
            guard seen & ~UInt32(1 | 16 | 32) == 0, let count else { return nil }
            return .arrestMade(count: count, caseRef: caseRef, caughtInAct: caught)
        case .weaponSeized:
            guard seen & ~UInt32(64 | 128 | 16) == 0, let weapon = vocab.flatMap(WeaponKind.init(rawValue:)), let quantity else { return nil }
            return .weaponSeized(kind: weapon, quantity: quantity, caseRef: caseRef)
        case .awardGranted:
            guard seen & ~UInt32(256 | 512 | 1024 | 2048 | 1 | 4096) == 0, let recipientKind, let recipient, let issuer, let form else { return nil }
            return .awardGranted(Award(recipientKind: recipientKind, recipient: recipient, issuer: issuer, form: form, count: count ?? 1, reason: reason))
        case .cameraInstalled:
            guard seen == 1, let count else { return nil }
            return .cameraInstalled(count: count)
        case .cameraRemoved:
            guard seen == 1, let count else { return nil }
            return .cameraRemoved(count: count)
        case .modelEstablished:
            guard seen & ~UInt32(8192 | 64 | 16384 | 32768) == 0, let model, let kind = vocab.flatMap(ModelKind.init(rawValue:)),
                  let name, let members else { return nil }
            return .modelEstablished(model: model, kind: kind, name: name, members: members)
        case .modelChanged:
            guard seen & ~UInt32(8192 | 64 | 16384 | 32768) == 0, let model else { return nil }
            var kind: ModelKind?
            if let vocab {
                guard let k = ModelKind(rawValue: vocab) else { return nil }
                kind = k
            }
            guard kind != nil || name != nil || members != nil else { return nil }
            return .modelChanged(model: model, kind: kind, name: name, members: members)
        case .modelDissolved:
            guard seen & ~UInt32(8192 | 4096) == 0, let model else { return nil }
            return .modelDissolved(model: model, reason: reason)
        default:
            return nil
        }
    }

    @inline(__always)
    static func int(_ s: inout JSONScanner, _ lo: Int, _ hi: Int) -> Int? {
        guard (try? s.peekKind()) == .number, let v = try? s.readInt64(), v >= Int64(lo), v <= Int64(hi) else { return nil }
        return Int(v)
    }

    /// A vocabulary value: plain ASCII without escapes (small, so the String is inline).
    @inline(__always)
    static func ascii(_ s: inout JSONScanner) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString(), !raw.escaped, raw.bytes.count <= 32 else { return nil }
        return raw.string
    }

    /// A model id as `FieldReader.modelID` accepts it unchanged: 1–64 of
    /// letters, digits, '-', '_', '.' (nothing to trim or normalise).
    @inline(__always)
    static func modelID(_ s: inout JSONScanner) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString(), !raw.escaped,
              !raw.bytes.isEmpty, raw.bytes.count <= 64 else { return nil }
        for b in raw.bytes {
            guard (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E else { return nil }
        }
        return raw.string
    }
}

#if canImport(Glibc)
import Glibc
#endif
