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
        let hash = SHA256.hash(line)
        return check(hash: hash, link: key.isKeyed ? key.link(for: line) : hash, seq: seq, prev: prev)
    }

    /// The same, with the line's hash and link computed elsewhere (in
    /// parallel, by a reader that hashes blocks of lines on every core).
    public mutating func check(hash: SHA256Digest, link: SHA256Digest, seq: Int, prev: SHA256Digest) -> [Problem] {
        var problems: [Problem] = []
        if seq != expectedSeq { problems.append(.seq(expected: expectedSeq, found: seq)) }
        if prev != previousLink { problems.append(.prev(expected: previousLink, found: prev)) }
        lastHash = hash
        previousLink = link
        lastSeq = seq
        expectedSeq = seq + 1
        return problems
    }

    /// For a line that could not be decoded: keep the chain going.
    public mutating func skip(line: UnsafeRawBufferPointer) {
        let hash = SHA256.hash(line)
        skip(hash: hash, link: key.isKeyed ? key.link(for: line) : hash)
    }

    public mutating func skip(hash: SHA256Digest, link: SHA256Digest) {
        lastHash = hash
        previousLink = link
        lastSeq = expectedSeq
        expectedSeq += 1
    }

    public var fingerprint: Fingerprint { Fingerprint(seq: lastSeq, hash: lastHash) }
}
