import ANTQDomain

/// Short texts a reader has read before (unit codes, the codes of choice
/// fields), found again by their bytes: a province's lines repeat a few
/// hundred such texts over and over, and finding one by two words costs
/// less than checking its bytes and making a string again.
///
/// A text of at most 15 bytes is keyed by its bytes and its length, packed
/// into two words; four neighbouring slots are tried. A hit means the same
/// bytes up to the same closing quote as a text that passed the same check
/// before, so it reads the same; anything else is read (and checked) by
/// the caller's `read`.
struct ShortTexts {
    private static let slots = 512
    /// Allocated on first use: a reader made for one line (a correction's
    /// fact) never needs them.
    private var first: [UInt64] = []
    /// The last bytes with the length in the top byte: 0 marks an empty slot.
    private var second: [UInt64] = []
    private var texts: [String] = []

    /// The text from the cursor up to the next quote (not included), moving past it.
    @inline(__always)
    mutating func text(_ c: inout Cursor, read: (inout Cursor) -> String?) -> String? {
        // The 16 bytes from the cursor as two words; the first quote among them ends the text.
        guard c.end - c.i >= 16 else { return read(&c) }
        let p = UnsafeRawPointer(c.base + c.i)
        var w0 = p.loadUnaligned(as: UInt64.self), w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let q0 = Cursor.quoteLanes(w0), q1 = Cursor.quoteLanes(w1)
        let n = q0 != 0 ? q0.trailingZeroBitCount / 8 : (q1 != 0 ? 8 + q1.trailingZeroBitCount / 8 : 16)
        guard n > 0, n < 16 else { return read(&c) }
        if n < 8 {
            w0 &= (1 << (8 * UInt64(n))) - 1
            w1 = 0
        } else {
            w1 &= (1 << (8 * UInt64(n - 8))) - 1
        }
        w1 |= UInt64(n) << 56
        let home = Int(truncatingIfNeeded: ((w0 ^ (w1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> 55)
        // The first empty slot tried takes a new text; with none, the home slot does.
        var free: Int?
        for probe in 0..<(second.isEmpty ? 0 : 4) {
            let s = (home + probe) & (Self.slots - 1)
            if second[s] == w1 && first[s] == w0 {
                c.i += n
                return texts[s]
            }
            if second[s] == 0 && free == nil { free = s }
        }
        guard let text = read(&c) else { return nil }
        if second.isEmpty {
            first = [UInt64](repeating: 0, count: Self.slots)
            second = first
            texts = [String](repeating: "", count: Self.slots)
        }
        let at = free ?? home
        first[at] = w0
        second[at] = w1
        texts[at] = text
        return text
    }
}

/// Recorder names a reader has read and checked, found again by their
/// bytes: a batch or a log repeats a few clerks' names on every line, and
/// comparing the bytes costs less than checking them and making a string.
struct RecorderNames {
    private var names: [(bytes: [UInt8], name: String)] = []

    /// The name up to the next quote (not included), vouched for as
    /// canonical (else nil: the general reader decides, with its note);
    /// "" when the name is checked but not `kept` (a flow line read for its figures).
    mutating func read(_ c: inout Cursor, kept: Bool = true) -> String? {
        for k in names.indices where c.remaining > names[k].bytes.count && c.base[c.i + names[k].bytes.count] == 0x22 {
            let count = names[k].bytes.count
            if names[k].bytes.withUnsafeBufferPointer({ Cursor.same($0.baseAddress!, c.base + c.i, count) }) {
                c.i += count
                return kept ? names[k].name : ""
            }
        }
        // `isSurelyCanonical` passes only well-formed UTF-8.
        guard let span = c.span(vouches: true, where: { TextRule.isSurelyCanonical(utf8: $0, maxLength: RecorderName.maxLength) }) else { return nil }
        let name = String(decoding: span, as: UTF8.self)
        if names.count == 16 { names.removeFirst() }
        names.append((Array(span), name))
        return name
    }
}
