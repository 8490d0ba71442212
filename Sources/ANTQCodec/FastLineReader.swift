import ANTQDomain

/// The fast path for stored lines in antq's own layout (see `LineReader`).
struct FastLineReader {
    mutating func read(_ line: UnsafeRawBufferPointer) -> StoredLine? { nil }
}
