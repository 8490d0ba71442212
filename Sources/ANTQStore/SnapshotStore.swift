import ANTQCodec
import ANTQDomain
import Dispatch
import EventLog
import Hashing
import JSONCodec
import SystemCalls
import TextFormats

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
        /// Where each section lies after the header line, and its checksum.
        public var sections: [SectionInfo] = []
    }

    /// One piece of a section. antq writes each section as one piece; the
    /// header lists pieces so that a section could be cut in several, each
    /// decoded on a core of its own.
    public struct SectionInfo: Sendable, Equatable {
        public var section: LedgerSection
        public var piece: Int = 0
        public var length: Int
        /// XXH64 of the piece without its newline.
        /// - Note: A checksum against damage, not a digest: a snapshot is a
        ///   cache tied to the log by `lineHash`, and anyone able to edit it
        ///   could recompute an unkeyed SHA-256 just as well, and SHA-256 does
        ///   far more work per byte than XXH64 on the megabytes a summary
        ///   loads.
        public var checksum: UInt64
    }

    public struct Loaded: Sendable {
        public var header: Header
        public var ledger: Ledger
        public var path: String
        /// The sections read; the ledger's other parts are empty.
        public var sections: Set<LedgerSection>
    }

    static let prefix = "ledger-v"

    func fileName(version: Int, periodStart: MonthDay, seq: Int) -> String {
        let s = String(seq)
        return "\(SnapshotStore.prefix)\(version)-p\(periodStart.month * 100 + periodStart.day)-\(String(repeating: "0", count: max(0, 12 - s.count)))\(s).snap"
    }

    /// Writes a snapshot atomically (temp file, fsync, rename, fsync of the
    /// directory) and prunes old ones, keeping `keep`.
    public func write(_ ledger: Ledger, header h: Header, keep: Int) throws(Errno) -> String {
        var hh = h
        // Each piece encoded and hashed on any core, kept in file order.
        let jobs = SnapshotCodec.pieceEncoders(ledger)
        final class Piece: @unchecked Sendable {
            var bytes: [UInt8] = []
            var hash: UInt64 = 0
        }
        let done = jobs.map { _ in Piece() }
        ParallelWork.perform(iterations: jobs.count) { i in
            let piece = done[i]
            piece.bytes = jobs[i].encode()
            piece.hash = XXH64.hash(piece.bytes)
            piece.bytes.append(0x0A)
        }
        var pieces: [[UInt8]] = [[]]
        hh.sections = []
        for (job, piece) in zip(jobs, done) {
            hh.sections.append(SectionInfo(section: job.section, piece: job.piece, length: piece.bytes.count, checksum: piece.hash))
            pieces.append(piece.bytes)
        }
        var w = JSONWriter(reserving: 1024)
        w.beginObject()
        w.key("format"); w.string(SnapshotStore.format)
        w.key("projection"); w.string(hh.projection)
        w.key("version"); w.int(Int64(hh.version))
        w.key("period_start"); w.string(hh.periodStart.description)
        w.key("log_id"); w.string(hh.logID)
        w.key("seq"); w.int(Int64(hh.seq))
        w.key("offset"); w.int(hh.offset)
        w.key("line_sha256"); w.string(hh.lineHash.hex)
        w.key("last_recorded"); if let r = hh.lastRecorded { w.string(r.rfc3339) } else { w.null() }
        w.key("sections"); w.beginArray()
        for info in hh.sections {
            w.beginObject()
            w.key("name"); w.string(info.section.rawValue)
            w.key("piece"); w.int(Int64(info.piece))
            w.key("bytes"); w.int(Int64(info.length))
            w.key("xxh64"); w.string(XXH64.hex(info.checksum))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        pieces[0] = w.bytes + [0x0A]
        let path = layout.snapshotsDirectory + "/" + fileName(version: hh.version, periodStart: hh.periodStart, seq: hh.seq)
        try FileSystem.makeDirectory(layout.snapshotsDirectory)
        try FileSystem.writeAtomically(pieces, to: path, directory: layout.snapshotsDirectory, permissions: 0o600)
        prune(version: hh.version, periodStart: hh.periodStart, keep: keep)
        return path
    }

    /// Format 4: a header line, then one piece per `LedgerSection` (binary,
    /// see `SnapshotCodec`), each with its length and XXH64 in the header.
    static let format = "antq-snapshot-4"

    /// Formats antq wrote before, each ignored with a note saying so (the
    /// next snapshot written replaces it): 1 had one SHA-256 for the whole
    /// state, 2 one SHA-256 per piece.
    static let earlierFormats = [
        "antq-snapshot": "one checksum for the whole state",
        "antq-snapshot-2": "a SHA-256 per piece",
        "antq-snapshot-3": "catalogue v1 in JSON pieces",
    ]

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

    /// Whether process `pid` exists (under any account).
    static func isRunning(_ pid: Int32) -> Bool { ProcessTable.contains(pid) }

    public enum Rejection: Error, CustomStringConvertible {
        case unreadable(Text)
        case mismatch(Text)
        /// Sound, but covering events recorded after `--as-of`.
        case notApplicable

        /// The file, or a part of it, could not be opened or read.
        static func unreadable(_ error: Errno) -> Rejection { .unreadable(Text("không đọc được: \(error.text)", "cannot be read: \(error.text)")) }

        /// Why, in both languages (a note in the reader's).
        public var text: Text {
            switch self {
            case .unreadable(let t), .mismatch(let t): t
            case .notApplicable: Text("nó gồm cả các sự kiện ghi sau --as-of", "it covers events recorded after --as-of")
            }
        }

        public var description: String { text.en }
    }

    /// Reads a snapshot's header and the sections asked for, checking each
    /// section read against its checksum (the others are not read at all).
    public func load(_ path: String, sections wanted: Set<LedgerSection> = Set(LedgerSection.allCases)) throws(Rejection) -> Loaded {
        try prepare(path) { _ in wanted }.decode()
    }

    /// Reads a snapshot's header and lays out the decoding of the sections
    /// `sections` picks for that header, without decoding them yet: the
    /// caller checks the header against the log first (a replay refuses a
    /// snapshot whose line no longer hashes as recorded before it decodes
    /// anything), then runs the jobs and `finish()`es (`decode()`).
    public func prepare(_ path: String, sections pick: (Header) -> Set<LedgerSection>) throws(Rejection) -> PendingLoad {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(path, .readOnly) } catch { throw .unreadable(error) }
        var handedOver = false
        defer { if !handedOver { try? fd.close() } }
        func read(_ offset: Int64, _ count: Int) throws(Rejection) -> [UInt8] {
            do { return try fd.readAll(fromAbsoluteOffset: offset, count: count) } catch { throw .unreadable(error) }
        }
        let first = try read(0, 4096)
        guard let nl = first.firstIndex(of: 0x0A) else { throw .unreadable(Text("không có dòng tiêu đề", "has no header line")) }
        let headerBytes = Array(first[..<nl])
        if let v = try? JSONValue.parse(headerBytes), case .string(let format)? = v["format"], let what = SnapshotStore.earlierFormats[format] {
            throw .mismatch(Text("nó theo định dạng ảnh chụp cũ (\(what)); ảnh chụp ghi lần tới sẽ thay nó", "it is in an earlier snapshot format (\(what)); the next snapshot written replaces it"))
        }
        guard let v = try? JSONValue.parse(headerBytes),
              case .string(SnapshotStore.format)? = v["format"],
              case .string(let projection)? = v["projection"],
              case .number(let version)? = v["version"], let ver = version.int64,
              case .string(let ps)? = v["period_start"], let start = MonthDay(ps),
              case .string(let logID)? = v["log_id"],
              case .number(let seqN)? = v["seq"], let seq = seqN.int64,
              case .number(let offN)? = v["offset"], let off = offN.int64,
              case .string(let lh)? = v["line_sha256"], let lineHash = SHA256Digest(hex: lh),
              case .array(let list)? = v["sections"] else {
            throw .unreadable(Text("có tiêu đề không đọc được (không theo định dạng \(SnapshotStore.format))", "has an unreadable header (not of format \(SnapshotStore.format))"))
        }
        var infos: [SectionInfo] = []
        for item in list {
            guard case .string(let name)? = item["name"], let section = LedgerSection(rawValue: name),
                  case .number(let n)? = item["bytes"], let length = n.int64, length >= 1,
                  case .number(let p)? = item["piece"], let piece = p.int64, piece >= 0,
                  case .string(let h)? = item["xxh64"], let hash = XXH64.value(hex: h) else {
                throw .unreadable(Text("có danh sách phần không đọc được", "has an unreadable section list"))
            }
            infos.append(SectionInfo(section: section, piece: Int(piece), length: Int(length), checksum: hash))
        }
        for section in LedgerSection.allCases {
            let pieces = infos.filter { $0.section == section }.map(\.piece)
            guard !pieces.isEmpty, pieces == Array(0..<pieces.count) else { throw .unreadable(Text("không liệt kê đủ các phần, mỗi mảnh một lần", "does not list every section, each piece once")) }
        }
        var lastRecorded: UTCInstant?
        if case .string(let r)? = v["last_recorded"] { lastRecorded = UTCInstant(rfc3339: r) }
        let h = Header(projection: projection, version: Int(ver), periodStart: start, logID: logID, seq: Int(seq), offset: off,
                       lineHash: lineHash, lastRecorded: lastRecorded, sections: infos)
        let wanted = pick(h)
        // Map, check and decode the pieces wanted on every core. A piece is
        // mapped only if the file holds all of it (past the end, a mapping
        // raises SIGBUS instead of returning fewer bytes).
        let fileSize: Int64
        do { fileSize = try fd.size() } catch { throw .unreadable(error) }
        var jobs: [(info: SectionInfo, offset: Int64)] = []
        var offset = Int64(nl + 1)
        for info in infos {
            defer { offset += Int64(info.length) }
            guard wanted.contains(info.section) || info.section == .base else { continue }
            jobs.append((info, offset))
        }
        // The cores take the pieces longest first: the models and the flows
        // (almost all the bytes) must not wait behind the small ones. Results
        // are still joined, and a failure reported, in the file's order.
        let longestFirst = jobs.indices.sorted { jobs[$0].info.length > jobs[$1].info.length }
        let results = PieceResults(count: jobs.count)
        let profiling = Profiling.isOn
        let work = { @Sendable [jobs, fd] (k: Int) in
            let i = longestFirst[k]
            let job = jobs[i]
            guard job.offset + Int64(job.info.length) <= fileSize else {
                results.set(i, .failure(.mismatch(Text("phần \(job.info.section.rawValue) của nó bị cắt cụt", "its \(job.info.section.rawValue) section is cut short"))))
                return
            }
            let region: MappedRegion
            do throws(Errno) { region = try MappedRegion(fd, offset: job.offset, count: job.info.length) } catch {
                results.set(i, .failure(.unreadable(error)))
                return
            }
            // If another program cuts the file short in place while it is mapped
            // (antq never does: snapshots are replaced whole), reading the lost
            // pages raises SIGBUS: say so and stop, rather than crash.
            let guarded = MappedRegionGuard.watch(region.bytes, message: "antq: \(path) was cut short by another program while it was being read; nothing was written. "
                + "Run the command again; if this happens again, delete that snapshot (antq rebuilds it from the log).\n")
            defer {
                MappedRegionGuard.release(guarded)
                withExtendedLifetime(region) {}
            }
            guard region.bytes.last == 0x0A else {
                results.set(i, .failure(.mismatch(Text("phần \(job.info.section.rawValue) của nó bị cắt cụt", "its \(job.info.section.rawValue) section is cut short"))))
                return
            }
            // The piece without its newline; `region` keeps it mapped until the piece is decoded.
            let bytes = UnsafeRawBufferPointer(rebasing: region.bytes.dropLast())
            guard XXH64.hash(bytes) == job.info.checksum else {
                results.set(i, .failure(.mismatch(Text("mã kiểm tra phần \(job.info.section.rawValue) không khớp nội dung (bị hỏng)", "the checksum of its \(job.info.section.rawValue) section does not match its content (corrupted)"))))
                return
            }
            var piece = Ledger()
            let t0 = DispatchTime.now().uptimeNanoseconds
            do { try SnapshotCodec.decode(bytes, into: &piece) } catch {
                results.set(i, .failure(.unreadable(Text("không giải mã được phần \(job.info.section.rawValue): \(error)", "its \(job.info.section.rawValue) section cannot be decoded: \(error)"))))
                return
            }
            results.set(i, .success(piece))
            if profiling {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                Profiling.report("snapshot \(job.info.section.rawValue) piece \(job.info.piece): \(bytes.count) bytes decoded in \(ms) ms")
            }
        }
        let sectionsOfJobs = jobs.map(\.info.section)
        handedOver = true
        return PendingLoad(header: h, fd: fd, jobCount: jobs.count, run: work) { () throws(Rejection) -> Loaded in
            var ledger = Ledger()
            for (i, section) in sectionsOfJobs.enumerated() {
                // Taken out of its slot, so that the ledger takes each section's
                // tables over without a copy (a copy of a big models table is a
                // visible part of a summary).
                switch results.take(i) {
                case .failure(let rejection): throw rejection
                case .success(let piece): ledger.absorb(piece, section: section)
                case nil: throw .unreadable(Text("phần \(section.rawValue) chưa được giải mã", "its \(section.rawValue) section was not decoded"))
                }
            }
            guard ledger.lastSeq == h.seq else { throw .mismatch(Text("trạng thái và tiêu đề của nó lệch nhau về seq", "its state and header disagree on the seq")) }
            ledger.sections = wanted.union([.base])
            return Loaded(header: h, ledger: ledger, path: path, sections: ledger.sections)
        }
    }
}

/// A snapshot being read: its header is known, its pieces are decoded by
/// `run(k)` for every `k` below `jobCount` (on any cores, each once, longest
/// first), then `finish()` joins them or says why the snapshot is refused;
/// `decode()` does both when there is no other work to share the cores with.
public final class PendingLoad: @unchecked Sendable {
    public let header: SnapshotStore.Header
    public let jobCount: Int
    public let run: @Sendable (Int) -> Void
    private let fd: FileDescriptor
    private let join: () throws(SnapshotStore.Rejection) -> SnapshotStore.Loaded

    init(header: SnapshotStore.Header, fd: FileDescriptor, jobCount: Int, run: @escaping @Sendable (Int) -> Void,
         join: @escaping () throws(SnapshotStore.Rejection) -> SnapshotStore.Loaded) {
        self.header = header
        self.fd = fd
        self.jobCount = jobCount
        self.run = run
        self.join = join
    }

    /// The decoded snapshot, once every job has run.
    public func finish() throws(SnapshotStore.Rejection) -> SnapshotStore.Loaded { try join() }

    /// Runs every job on the cores, then `finish()`es.
    public func decode() throws(SnapshotStore.Rejection) -> SnapshotStore.Loaded {
        ParallelWork.perform(iterations: jobCount, run)
        return try finish()
    }

    deinit { try? fd.close() }
}

/// Where the cores decoding a snapshot's pieces leave their results: one
/// slot per piece, each written by one core, read after all are done.
private final class PieceResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<Ledger, SnapshotStore.Rejection>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ r: Result<Ledger, SnapshotStore.Rejection>) { slots[i] = r }
    func take(_ i: Int) -> Result<Ledger, SnapshotStore.Rejection>? {
        let r = slots[i]
        slots[i] = nil
        return r
    }
}
