import Hashing
import SystemCalls

/// How far a read could check the chain of the lines it read. Every report
/// says which: a fingerprint only means "this log" when its chain was checked.
public enum ChainCheck: String, Sendable, Equatable {
    /// Every line's `prev` was checked against the SHA-256 of the line before.
    case sha256
    /// Every line's `prev` was checked against the HMAC of the line before (keyed log, key given).
    case hmac
    /// A keyed log read without its key: the links are HMACs nobody else can
    /// recompute, so only the order of `seq` was checked.
    case notChecked = "not_checked"
}

/// What links the lines of a log, as a reader can check it: the chain key
/// when the reader can recompute the links, or nothing (a keyed log read
/// without its key), in which case only `seq` is followed.
public struct ChainLinks: Sendable {
    public let key: ChainKey?

    public init(key: ChainKey?) { self.key = key }

    public static let plain = ChainLinks(key: .plain)

    public var check: ChainCheck {
        switch key {
        case nil: .notChecked
        case .plain?: .sha256
        case .keyed?: .hmac
        }
    }

    /// The link a line's successor must record as `prev`, when it can be computed.
    @inline(__always)
    public func link(for line: UnsafeRawBufferPointer) -> SHA256Digest? {
        key?.link(for: line)
    }
}

/// Where a read began checking the chain: the line it started after, known
/// good because a snapshot recorded its SHA-256 (or seq 0, the start of the
/// log). A later read of an earlier line (the target of a correction) is
/// trusted only once the chain from that line up to here is checked too.
public struct ChainAnchor: Sendable, Equatable {
    public var seq: Int
    /// Byte offset just after the anchor line.
    public var offset: Int64
    /// The anchor line's link, nil when links cannot be computed.
    public var link: SHA256Digest?

    public init(seq: Int, offset: Int64, link: SHA256Digest?) {
        self.seq = seq
        self.offset = offset
        self.link = link
    }

    /// The start of the log: nothing before it to check.
    public static let start = ChainAnchor(seq: 0, offset: 0, link: .zero)
}

/// Why a line does not continue the chain of the line before it.
public enum ChainBreak: Sendable, Equatable {
    /// `seq` is not one more than the line before: a line was deleted,
    /// duplicated, inserted or moved here.
    case seq(expected: Int, found: Int)
    /// `prev` is not the link of the line before, while `seq` is in order:
    /// the line before was changed after it was written (or this line's `prev` was).
    case prev
}

/// The chain of a run of consecutive lines, checked inside the run; a
/// reader that cuts a block of lines into runs (one per core) checks each run
/// on its own and then joins them in order with `ChainJoin`, so no line is
/// read twice. The core's own concern: it knows `seq` and `prev`, nothing else.
public struct ChainSegment: Sendable {
    /// The first line of the run: its seq and the `prev` it records.
    public private(set) var first: (seq: Int, prev: SHA256Digest)?
    /// The last line checked: its seq and its link (nil when links cannot be computed).
    public private(set) var last: (seq: Int, link: SHA256Digest?)?
    /// Lines added so far.
    public private(set) var count = 0

    public init() {}

    /// Adds the next line of the run; returns why it breaks the chain, if it
    /// does (the line is not added then, and the run should stop).
    @inline(__always)
    public mutating func add(seq: Int, prev: SHA256Digest, link: SHA256Digest?) -> ChainBreak? {
        if let last {
            if seq != last.seq + 1 { return .seq(expected: last.seq + 1, found: seq) }
            if let l = last.link, l != prev { return .prev }
        } else {
            first = (seq, prev)
        }
        last = (seq, link)
        count += 1
        return nil
    }
}

/// Joins checked runs in log order: the first line of each run must follow
/// the last line of the run before (or the known start: line 1's `prev` is
/// 64 zeros; after a snapshot, the link of the line it covers).
public struct ChainJoin: Sendable {
    public private(set) var lastSeq: Int
    public private(set) var lastLink: SHA256Digest?

    /// - Parameters:
    ///   - seq: the seq of the line the next run must follow (0 at the start of the log).
    ///   - link: that line's link (`.zero` at the start), nil when links cannot be computed.
    public init(after seq: Int, link: SHA256Digest?) {
        lastSeq = seq
        lastLink = link
    }

    /// Checks that `segment` starts where the chain so far ends, then
    /// continues the chain from its last line.
    public mutating func join(_ segment: ChainSegment) -> ChainBreak? {
        guard let first = segment.first, let last = segment.last else { return nil }
        if first.seq != lastSeq + 1 { return .seq(expected: lastSeq + 1, found: first.seq) }
        if let l = lastLink, l != first.prev { return .prev }
        lastSeq = last.seq
        lastLink = last.link
        return nil
    }

    /// Continues the chain with one line (a reader that goes line by line).
    @inline(__always)
    public mutating func add(seq: Int, prev: SHA256Digest, link: SHA256Digest?) -> ChainBreak? {
        if seq != lastSeq + 1 { return .seq(expected: lastSeq + 1, found: seq) }
        if let l = lastLink, l != prev { return .prev }
        lastSeq = seq
        lastLink = link
        return nil
    }
}

extension ChainBreak {
    /// The line most likely changed, given the line where the break was
    /// found: for a `prev` mismatch with `seq` in order, the line before it
    /// (its bytes no longer hash to what this line recorded); otherwise the
    /// line itself (inserted, deleted or moved lines show in `seq`).
    public func firstBadLine(foundAt line: Int) -> Int {
        switch self {
        case .prev: max(1, line - 1)
        case .seq: line
        }
    }
}

/// The links of consecutive lines of a block, computed two at a time where
/// the links are plain SHA-256 (`SHA256.hashPair`): a reader asks for each
/// line's link in order, and the second of each pair is kept for the next ask.
public struct PairedLinks {
    public let links: ChainLinks
    /// The block the lines are in, and where the current run of lines ends.
    let block: UnsafeRawBufferPointer
    let end: Int
    private var kept: (start: Int, link: SHA256Digest)?

    public init(_ links: ChainLinks, block: UnsafeRawBufferPointer, end: Int) {
        self.links = links
        self.block = block
        self.end = end
    }

    /// The link of the line at `start..<start+length` (its newline follows it).
    @inline(__always)
    public mutating func link(start: Int, length: Int) -> SHA256Digest? {
        guard case .plain? = links.key else {
            return links.link(for: UnsafeRawBufferPointer(rebasing: block[start..<(start + length)]))
        }
        if let k = kept, k.start == start {
            kept = nil
            return k.link
        }
        let line = UnsafeRawBufferPointer(rebasing: block[start..<(start + length)])
        let next = start + length + 1
        guard next < end, let base = block.baseAddress,
              let nl = ByteSearch.first(0x0A, in: base, from: next, to: end) else { return SHA256.hash(line) }
        let nextLength = nl - next
        let (a, b) = SHA256.hashPair(line, UnsafeRawBufferPointer(rebasing: block[next..<(next + nextLength)]))
        kept = (next, b)
        return a
    }
}
