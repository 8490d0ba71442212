#if canImport(Glibc)
import Glibc
#endif

import JSONCodec

/// The recorders' names seen lately, by their bytes: a log or a batch has
/// few recorders, and checking and copying the name on every line would
/// otherwise cost an allocation per line. Only names that passed the
/// caller's check are kept.
struct RecorderNames {
    private var entries: [(bytes: [UInt8], name: String)] = []

    /// The name for these bytes: from the cache, or checked by `check` (nil
    /// when it fails) and then kept.
    mutating func name(_ raw: JSONRawString, check: (JSONRawString) throws -> String?) rethrows -> String? {
        if !raw.escaped, let v = cached(raw.bytes) { return v }
        guard let v = try check(raw) else { return nil }
        keep(v)
        return v
    }

    /// The kept name whose stored bytes are exactly `b`.
    func cached(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        guard let p = b.baseAddress else { return nil }
        let n = b.count
        for entry in entries where entry.bytes.count == n {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, n) }) == 0 { return entry.name }
        }
        return nil
    }

    /// Keeps a name that passed the caller's check.
    mutating func keep(_ v: String) {
        if entries.count >= 64 { entries.removeFirst() }
        entries.append((Array(v.utf8), v))
    }
}
