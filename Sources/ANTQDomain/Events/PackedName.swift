/// A short ASCII name (at most 32 bytes) as four words, zero-padded.
///
/// Why: the replay matches an event type and one or two vocabulary values
/// on every line. Comparing against each candidate's own byte array meant a
/// pointer chase and a `memcmp` per candidate; a table of packed words is
/// one contiguous array compared with four integer tests.
struct PackedName: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count: Int = 0

    static let capacity = 32

    /// Nil when longer than `capacity` (no name of a table is).
    @inline(__always)
    init?(_ b: UnsafeBufferPointer<UInt8>) {
        guard b.count <= PackedName.capacity else { return nil }
        count = b.count
        guard let base = b.baseAddress, b.count > 0 else { return }
        withUnsafeMutableBytes(of: &words) { raw in
            raw.baseAddress!.copyMemory(from: base, byteCount: b.count)
        }
    }

    @inline(__always)
    static func == (a: PackedName, b: PackedName) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3 && a.count == b.count
    }

    init(_ s: String) {
        var s = s
        self = s.withUTF8 { PackedName($0) }!
    }
}
