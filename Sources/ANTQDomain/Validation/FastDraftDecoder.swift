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
    /// Recently seen `by` names (see `RecorderNames`).
    private var names = RecorderNames()

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
                    guard mark(4), let v = FastDataDecoder.text(&s, max: 200) else { return nil }
                    unit = v
                } else if key.equals("by") {
                    guard mark(8), let v = name(&s) else { return nil }
                    by = v
                } else if key.equals("data") {
                    // The type comes first in the usual order; otherwise let the general path read it.
                    guard mark(16), let type, let d = FastDataDecoder.decode(type, &s) else { return nil }
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
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString() else { return nil }
        // Only a name `RecorderName` leaves as it is; any other goes to the
        // general path and the validator's one rule.
        return names.name(raw) { r in
            guard !r.escaped, let v = FastDataDecoder.canonical(r, max: RecorderName.maxLength), RecorderName.isNormalised(v) else { return nil }
            return v
        }
    }
}

