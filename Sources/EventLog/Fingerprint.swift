import Hashing

/// `SEQ:HASH`, the SHA-256 of line SEQ. Because every line carries the hash
/// of the one before, this pins the whole prefix of the log: a report that
/// prints it can later be checked against the log with `antq verify --fingerprint`.
public struct Fingerprint: Sendable, Hashable, CustomStringConvertible {
    public var seq: Int
    public var hash: SHA256Digest

    public init(seq: Int, hash: SHA256Digest) {
        self.seq = seq
        self.hash = hash
    }

    /// Parses `SEQ:HASH` (64 lowercase or uppercase hex digits).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int(parts[0]), seq >= 0,
              let hash = SHA256Digest(hex: parts[1].lowercased()) else { return nil }
        self.init(seq: seq, hash: hash)
    }

    public var description: String { "\(seq):\(hash.hex)" }
}
