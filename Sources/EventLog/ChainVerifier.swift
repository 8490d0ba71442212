import Hashing

/// Checks, line by line, the parts of the log the core owns: seq is
/// contiguous from 1 and `prev` is the link of the line before. Streaming:
/// it keeps only the previous line's link.
public struct ChainVerifier {
    public let key: ChainKey
    public private(set) var expectedSeq = 1
    public private(set) var previousLink: SHA256Digest = .zero
    public private(set) var lastHash: SHA256Digest = .zero
    public private(set) var lastSeq = 0

    public init(key: ChainKey) { self.key = key }

    public enum Problem: Equatable, Sendable {
        case seq(expected: Int, found: Int)
        case prev(expected: SHA256Digest, found: SHA256Digest)
    }

    /// Checks one line given its decoded seq and prev; returns what is wrong.
    /// After a problem the verifier continues from the line as found, so one
    /// edit is reported once, at the first line concerned.
    public mutating func check(line: UnsafeRawBufferPointer, seq: Int, prev: SHA256Digest) -> [Problem] {
        var problems: [Problem] = []
        if seq != expectedSeq { problems.append(.seq(expected: expectedSeq, found: seq)) }
        if prev != previousLink { problems.append(.prev(expected: previousLink, found: prev)) }
        let hash = SHA256.hash(line)
        lastHash = hash
        previousLink = key.isKeyed ? key.link(for: line) : hash
        lastSeq = seq
        expectedSeq = seq + 1
        return problems
    }

    /// For a line that could not be decoded: keep the chain going.
    public mutating func skip(line: UnsafeRawBufferPointer) {
        let hash = SHA256.hash(line)
        lastHash = hash
        previousLink = key.isKeyed ? key.link(for: line) : hash
        lastSeq = expectedSeq
        expectedSeq += 1
    }

    public var fingerprint: Fingerprint { Fingerprint(seq: lastSeq, hash: lastHash) }
}
