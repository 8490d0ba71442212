import Hashing
import JSONCodec
import SystemCalls

/// Keyed mode's seal on the end of the log.
///
/// Why: in a hash chain each line is vouched for by the `prev` of the line
/// after it, so nothing vouches for the last line. Without a seal, someone
/// without the key could edit the last line and the log would still verify.
/// The seal file (`events/log.jsonl.seal`) holds the HMAC of the last line,
/// and of the one before the current append, so a crash between writing the
/// seal and writing the batch still verifies:
///
///     {"seq":N,"last":"<HMAC of line N>","previous_seq":M,"previous":"<HMAC of line M>"}
///
/// It is replaced atomically (temp file, fsync, rename, fsync of the
/// directory) *before* the batch's final line is written.
public struct LogSeal: Sendable, Equatable {
    public var seq: Int
    public var last: SHA256Digest
    public var previousSeq: Int
    public var previous: SHA256Digest

    public init(seq: Int, last: SHA256Digest, previousSeq: Int, previous: SHA256Digest) {
        self.seq = seq
        self.last = last
        self.previousSeq = previousSeq
        self.previous = previous
    }

    public static func path(_ layout: LogLayout) -> String { layout.logPath + ".seal" }

    /// Whether the committed last line (seq and its HMAC) is one the seal vouches for.
    public func vouches(seq s: Int, link: SHA256Digest) -> Bool {
        (s == seq && link == last) || (s == previousSeq && link == previous)
    }

    public func write(_ layout: LogLayout) throws(Errno) {
        var w = JSONWriter(reserving: 200)
        w.beginObject()
        w.key("seq"); w.int(Int64(seq))
        w.key("last"); w.string(last.hex)
        w.key("previous_seq"); w.int(Int64(previousSeq))
        w.key("previous"); w.string(previous.hex)
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        try FileSystem.writeAtomically(bytes, to: LogSeal.path(layout), directory: layout.eventsDirectory, permissions: 0o600)
    }

    /// Reads the seal; nil if it is missing or unreadable.
    public static func read(_ layout: LogLayout) -> LogSeal? {
        guard let bytes = try? FileSystem.readFile(path(layout)),
              let v = try? JSONValue.parse(Array(bytes.prefix { $0 != 0x0A })),
              case .number(let s)? = v["seq"], let seq = s.int64,
              case .string(let l)? = v["last"], let last = SHA256Digest(hex: l),
              case .number(let ps)? = v["previous_seq"], let pseq = ps.int64,
              case .string(let p)? = v["previous"], let prev = SHA256Digest(hex: p) else { return nil }
        return LogSeal(seq: Int(seq), last: last, previousSeq: Int(pseq), previous: prev)
    }
}
