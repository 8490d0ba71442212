import ANTQDomain
import EventLog
import Hashing
import JSONCodec
import SystemCalls
import TextFormats
#if canImport(Glibc)
import Glibc
#endif

/// Snapshots of the ledger under `snapshots/`. A snapshot is only a cache:
/// it is used when its projection name and version, reporting-year start,
/// log id, covered seq, the SHA-256 of that line and its own checksum all
/// match the log as it is now; otherwise it is ignored with a note and an
/// earlier one or a full replay is used.
public struct SnapshotStore: Sendable {
    public let layout: LogLayout

    public init(layout: LogLayout) { self.layout = layout }

    public struct Header: Sendable, Equatable {
        public var projection: String
        public var version: Int
        public var periodStart: MonthDay
        public var logID: String
        public var seq: Int
        /// Byte offset just after the covered line.
        public var offset: Int64
        public var lineHash: SHA256Digest
        public var lastRecorded: UTCInstant?
        public var stateHash: SHA256Digest
    }

    public struct Loaded: Sendable {
        public var header: Header
        public var ledger: Ledger
        public var path: String
    }

    static let prefix = "ledger-v"

    func fileName(version: Int, periodStart: MonthDay, seq: Int) -> String {
        let s = String(seq)
        return "\(SnapshotStore.prefix)\(version)-p\(periodStart.month * 100 + periodStart.day)-\(String(repeating: "0", count: max(0, 12 - s.count)))\(s).snap"
    }

    /// Writes a snapshot atomically (temp file, fsync, rename, fsync of the
    /// directory) and prunes old ones, keeping `keep`.
    public func write(_ ledger: Ledger, header h: Header, keep: Int) throws(Errno) -> String {
        let state = LedgerCodec.encode(ledger)
        var hh = h
        hh.stateHash = SHA256.hash(state)
        var w = JSONWriter(reserving: 512)
        w.beginObject()
        w.key("format"); w.string("antq-snapshot")
        w.key("projection"); w.string(hh.projection)
        w.key("version"); w.int(Int64(hh.version))
        w.key("period_start"); w.string(hh.periodStart.description)
        w.key("log_id"); w.string(hh.logID)
        w.key("seq"); w.int(Int64(hh.seq))
        w.key("offset"); w.int(hh.offset)
        w.key("line_sha256"); w.string(hh.lineHash.hex)
        w.key("last_recorded"); if let r = hh.lastRecorded { w.string(r.rfc3339) } else { w.null() }
        w.key("state_sha256"); w.string(hh.stateHash.hex)
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        bytes += state
        let path = layout.snapshotsDirectory + "/" + fileName(version: hh.version, periodStart: hh.periodStart, seq: hh.seq)
        try FileSystem.makeDirectory(layout.snapshotsDirectory)
        try FileSystem.writeAtomically(bytes, to: path, directory: layout.snapshotsDirectory, permissions: 0o600)
        prune(version: hh.version, periodStart: hh.periodStart, keep: keep)
        return path
    }

    /// Snapshot files for a projection version and period start, newest (highest seq) first.
    public func candidates(version: Int, periodStart: MonthDay) -> [String] {
        let names = (try? FileSystem.list(layout.snapshotsDirectory)) ?? []
        let tag = "\(SnapshotStore.prefix)\(version)-p\(periodStart.month * 100 + periodStart.day)-"
        return names.filter { $0.hasPrefix(tag) && $0.hasSuffix(".snap") }.sorted(by: >).map { layout.snapshotsDirectory + "/" + $0 }
    }

    /// Every snapshot file present (any version), for notes about ignored ones.
    public func allFiles() -> [String] {
        ((try? FileSystem.list(layout.snapshotsDirectory)) ?? []).filter { $0.hasSuffix(".snap") }.sorted()
    }

    func prune(version: Int, periodStart: MonthDay, keep: Int) {
        for old in candidates(version: version, periodStart: periodStart).dropFirst(keep) {
            try? FileSystem.remove(old)
        }
        // Temp files of writers that crashed between write and rename. The
        // name ends with the writer's pid: a live writer's file is left alone,
        // or its rename would fail (two `rebuild`s, or a reader and an append,
        // writing snapshots at the same time).
        for name in ((try? FileSystem.list(layout.snapshotsDirectory)) ?? []) where name.contains(".snap.tmp-") {
            if let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), SnapshotStore.isRunning(pid) { continue }
            try? FileSystem.remove(layout.snapshotsDirectory + "/" + name)
        }
    }

    /// Whether process `pid` exists (`kill(pid, 0)`; EPERM means it exists under another account).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    public enum Rejection: Error, CustomStringConvertible {
        case unreadable(String)
        case mismatch(String)
        /// Sound, but covering events recorded after `--as-of`.
        case notApplicable
        public var description: String {
            switch self {
            case .unreadable(let s), .mismatch(let s): s
            case .notApplicable: "it covers events recorded after --as-of"
            }
        }
    }

    /// Reads a snapshot and checks it on its own (header and checksum).
    public func load(_ path: String) throws(Rejection) -> Loaded {
        let bytes: [UInt8]
        do { bytes = try FileSystem.readFile(path) } catch { throw .unreadable("cannot be read: \(error.text)") }
        guard let nl = bytes.firstIndex(of: 0x0A) else { throw .unreadable("has no header line") }
        let headerBytes = Array(bytes[..<nl])
        let state = Array(bytes[(nl + 1)...])
        guard let v = try? JSONValue.parse(headerBytes),
              case .string("antq-snapshot")? = v["format"],
              case .string(let projection)? = v["projection"],
              case .number(let version)? = v["version"], let ver = version.int64,
              case .string(let ps)? = v["period_start"], let start = MonthDay(ps),
              case .string(let logID)? = v["log_id"],
              case .number(let seqN)? = v["seq"], let seq = seqN.int64,
              case .number(let offN)? = v["offset"], let off = offN.int64,
              case .string(let lh)? = v["line_sha256"], let lineHash = SHA256Digest(hex: lh),
              case .string(let sh)? = v["state_sha256"], let stateHash = SHA256Digest(hex: sh) else {
            throw .unreadable("has an unreadable header")
        }
        var lastRecorded: UTCInstant?
        if case .string(let r)? = v["last_recorded"] { lastRecorded = UTCInstant(rfc3339: r) }
        guard SHA256.hash(state) == stateHash else { throw .mismatch("its checksum does not match its content (corrupted)") }
        let ledger: Ledger
        do { ledger = try LedgerCodec.decode(state) } catch { throw .unreadable("its state cannot be decoded: \(error)") }
        guard ledger.lastSeq == Int(seq) else { throw .mismatch("its state and header disagree on the seq") }
        let h = Header(projection: projection, version: Int(ver), periodStart: start, logID: logID, seq: Int(seq), offset: off,
                       lineHash: lineHash, lastRecorded: lastRecorded, stateHash: stateHash)
        return Loaded(header: h, ledger: ledger, path: path)
    }
}
