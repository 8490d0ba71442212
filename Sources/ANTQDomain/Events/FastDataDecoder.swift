import JSONCodec

/// The fast path for the `data` of the most frequent events (flows, cameras,
/// models), for stored lines (replay) and for drafts (batch append) alike:
/// reads values that are already canonical straight into `EventData`.
/// Anything it does not recognise at once — an unknown or repeated key, an
/// escaped string, text that trimming or NFC would change, a number out of
/// range — makes it return nil, and the caller decodes the same bytes with
/// the general `DataDecoder`, so acceptance and every error message stay
/// exactly those of the general path (in either mode: for canonical values
/// the two modes give the same data).
enum FastDataDecoder {
    static func decode(_ type: EventType, _ s: inout JSONScanner) -> EventData? {
        switch type {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted, .cameraInstalled, .cameraRemoved,
             .modelEstablished, .modelChanged, .modelDissolved: break
        default: return nil
        }
        guard (try? s.peekKind()) == .object, (try? s.beginObject()) != nil else { return nil }
        var count: Int?
        var quantity: Int?
        var valuable: Bool?
        var caught: Bool?
        var caseRef: String?
        var channel: TipChannel?
        var category: CaseCategory?
        var weapon: WeaponKind?
        var modelKind: ModelKind?
        var members: Int?
        var model: String?
        var name: String?
        var recipientKind: RecipientKind?
        var recipient: String?
        var issuer: Issuer?
        var form: AwardForm?
        var reason: String?
        var seen: UInt32 = 0
        func mark(_ bit: UInt32) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }
        do {
            while let key = try s.nextKey() {
                // Escaped keys go to the general path; the others are told apart
                // by length and their first eight bytes (little-endian words).
                guard !key.escaped else { return nil }
                let k = FastKey(key)
                if k == .count {
                    guard mark(1), let v = int(&s, 1, DataDecoder.maxCount) else { return nil }
                    count = v
                } else if k == .channel {
                    guard mark(2), let v = vocabulary(&s, TipChannel.self) else { return nil }
                    channel = v
                } else if k == .valuable {
                    guard mark(4), (try s.peekKind()) == .bool else { return nil }
                    valuable = try s.readBool()
                } else if k == .category {
                    guard mark(8), let v = vocabulary(&s, CaseCategory.self) else { return nil }
                    category = v
                } else if k == .caseRef {
                    guard mark(16), let v = text(&s, max: 100) else { return nil }
                    caseRef = v
                } else if k == .caughtInAct {
                    guard mark(32), (try s.peekKind()) == .bool else { return nil }
                    caught = try s.readBool()
                } else if k == .kind {
                    // A weapon's kind or a model's: the type says which.
                    guard mark(64) else { return nil }
                    if type == .weaponSeized {
                        guard let v = vocabulary(&s, WeaponKind.self) else { return nil }
                        weapon = v
                    } else {
                        guard let v = vocabulary(&s, ModelKind.self) else { return nil }
                        modelKind = v
                    }
                } else if k == .quantity {
                    guard mark(128), let v = int(&s, 1, DataDecoder.maxCount) else { return nil }
                    quantity = v
                } else if k == .recipientKind {
                    guard mark(256), let v = vocabulary(&s, RecipientKind.self) else { return nil }
                    recipientKind = v
                } else if k == .recipient {
                    guard mark(512), let v = text(&s, max: 300) else { return nil }
                    recipient = v
                } else if k == .issuer {
                    guard mark(1024), let v = vocabulary(&s, Issuer.self) else { return nil }
                    issuer = v
                } else if k == .form {
                    guard mark(2048), let v = vocabulary(&s, AwardForm.self) else { return nil }
                    form = v
                } else if k == .reason {
                    guard mark(4096), let v = text(&s, max: 1000) else { return nil }
                    reason = v
                } else if k == .model {
                    guard mark(8192), let v = modelID(&s) else { return nil }
                    model = v
                } else if k == .name {
                    guard mark(16384), let v = text(&s, max: 300) else { return nil }
                    name = v
                } else if k == .members {
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
            guard seen & ~UInt32(64 | 128 | 16) == 0, let weapon, let quantity else { return nil }
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
            guard seen & ~UInt32(8192 | 64 | 16384 | 32768) == 0, let model, let modelKind, let name, let members else { return nil }
            return .modelEstablished(model: model, kind: modelKind, name: name, members: members)
        case .modelChanged:
            guard seen & ~UInt32(8192 | 64 | 16384 | 32768) == 0, let model,
                  modelKind != nil || name != nil || members != nil else { return nil }
            return .modelChanged(model: model, kind: modelKind, name: name, members: members)
        case .modelDissolved:
            guard seen & ~UInt32(8192 | 4096) == 0, let model else { return nil }
            return .modelDissolved(model: model, reason: reason)
        default:
            return nil
        }
    }

    /// The data keys of the fast path's events.
    enum FastKey: Equatable {
        case count, channel, valuable, category, caseRef, caughtInAct, kind, quantity, recipientKind, recipient, issuer, form, reason
        case model, name, members, other

        @inline(__always)
        init(_ key: JSONKey) {
            switch (key.rawCount, key.rawWord) {
            case (5, 0x74_6E75_6F63): self = .count
            case (7, 0x6C_656E_6E61_6863): self = .channel
            case (8, 0x656C_6261_756C_6176): self = .valuable
            case (8, 0x7972_6F67_6574_6163): self = .category
            case (4, 0x6573_6163): self = .caseRef
            case (4, 0x646E_696B): self = .kind
            case (8, 0x7974_6974_6E61_7571): self = .quantity
            case (6, 0x7265_7573_7369): self = .issuer
            case (4, 0x6D72_6F66): self = .form
            case (6, 0x6E6F_7361_6572): self = .reason
            case (5, 0x6C_6564_6F6D): self = .model
            case (4, 0x656D_616E): self = .name
            case (7, 0x73_7265_626D_656D): self = .members
            case (9, 0x6E65_6970_6963_6572) where key.equals("recipient"): self = .recipient
            case (14, 0x6E65_6970_6963_6572) where key.equals("recipient_kind"): self = .recipientKind
            case (13, 0x695F_7468_6775_6163) where key.equals("caught_in_act"): self = .caughtInAct
            default: self = .other
            }
        }
    }

    @inline(__always)
    static func int(_ s: inout JSONScanner, _ lo: Int, _ hi: Int) -> Int? {
        guard (try? s.peekKind()) == .number, let v = try? s.readInt64(), v >= Int64(lo), v <= Int64(hi) else { return nil }
        return Int(v)
    }

    /// A model id as `FieldReader.modelID` accepts it unchanged: 1–64 of
    /// letters, digits, '-', '_', '.' (nothing to trim or normalise).
    @inline(__always)
    static func modelID(_ s: inout JSONScanner) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString(), !raw.escaped, isModelID(raw.bytes) else { return nil }
        return raw.string
    }

    @inline(__always)
    static func isModelID(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b.count <= 64 else { return false }
        for c in b {
            guard (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E else { return false }
        }
        return true
    }

    /// A vocabulary value, matched on its bytes (an escaped one goes to the general path).
    @inline(__always)
    static func vocabulary<T: StoredVocabulary>(_ s: inout JSONScanner, _ type: T.Type) -> T? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString(), !raw.escaped else { return nil }
        return T.stored(raw.bytes)
    }

    /// Free text already canonical: printable ASCII or NFC-quick-checked,
    /// no surrounding spaces, no control characters, within the length.
    @inline(__always)
    static func text(_ s: inout JSONScanner, max: Int) -> String? {
        guard (try? s.peekKind()) == .string, let raw = try? s.readRawString() else { return nil }
        return canonical(raw, max: max)
    }

    /// `raw` as a String when it is already as antq stores it, and as an
    /// append would leave it: not escaped, not empty, at most `max` bytes, no
    /// control character, nothing to trim at either end, NFC. Stored lines
    /// and drafts share this test (for such text the two modes agree).
    static func canonical(_ raw: JSONRawString, max: Int) -> String? {
        guard !raw.escaped else { return nil }
        return canonical(raw.bytes, max: max)
    }

    /// The same test on a string's bytes (with no escape in them).
    @inline(__always)
    static func canonical(_ b: UnsafeBufferPointer<UInt8>, max: Int) -> String? {
        isCanonical(b, max: max) ? String(decoding: b, as: UTF8.self) : nil
    }

    /// The same test without making the `String`. Bytes not yet checked as
    /// UTF-8 (the layout reader's) are checked here: a sure answer of
    /// `quickCanonical` covers that, and the rare other text is validated
    /// before the full test.
    @inline(__always)
    static func isCanonical(_ b: UnsafeBufferPointer<UInt8>, max: Int) -> Bool {
        guard !b.isEmpty, b.count <= max else { return false }
        if let sure = quickCanonical(b) { return sure }
        return isValidStrictUTF8(b) && EventDecoder.isCanonicalText(String(decoding: b, as: UTF8.self))
    }

    /// `EventDecoder.isCanonicalText` on UTF-8 bytes, answered without
    /// making a `String` for the text a log is made of: ASCII and the
    /// letters Vietnamese is written with (U+0080–U+02FF and U+1E00–U+1EFF,
    /// which `quickCheckNFC` passes). True or false when sure; nil for
    /// anything else (another script, U+00A0 at an end), which the caller
    /// then checks in full. A sure answer also means the bytes are valid
    /// UTF-8 (each sequence it passes is checked whole; anything else is
    /// "unsure"). A replay reads two or three such texts on a
    /// fifth of its lines, and the `String`-based test was a tenth of it.
    @inline(__always)
    static func quickCanonical(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = b.count
        guard n > 0 else { return false }
        var i = 0
        var lastStart = 0
        while i < n {
            let c = b[i]
            lastStart = i
            if c < 0x80 {
                if c < 0x20 || c == 0x7F { return false }
                i &+= 1
            } else if c >= 0xC2 && c <= 0xCB, i &+ 1 < n, b[i &+ 1] & 0xC0 == 0x80 {
                i &+= 2
            } else if c == 0xE1, i &+ 2 < n, b[i &+ 1] >= 0xB8 && b[i &+ 1] <= 0xBB, b[i &+ 2] & 0xC0 == 0x80 {
                i &+= 3
            } else {
                return nil
            }
        }
        // Nothing trimming would cut at either end: a space, or U+00A0 (C2 A0),
        // the only space separator in the ranges above.
        if b[0] == 0x20 || b[lastStart] == 0x20 { return false }
        if b[0] == 0xC2 || b[lastStart] == 0xC2 { return nil }
        return true
    }
}
