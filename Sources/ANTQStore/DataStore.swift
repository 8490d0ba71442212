import ANTQCodec
import ANTQDomain
import EventLog
import Hashing
import SystemCalls
import TextFormats

/// A data directory: the log under `events/` and the snapshots under
/// `snapshots/`. The entry point the CLI, the demo generator and the
/// benchmark share.
public struct DataStore: Sendable {
    public let layout: LogLayout
    public let key: KeyFile?
    public var clock: Clock
    /// Write a snapshot when this many events have accumulated since the last one.
    public var snapshotInterval: Int
    /// How many snapshots of one kind to keep.
    public var snapshotsKept: Int
    /// Receives notes meant for stderr (warnings, recoveries, ignored snapshots).
    public var note: @Sendable (String) -> Void
    /// The reader's language for those notes (`say`).
    public var vietnamese = false
    /// How long an append waits for another writer before it gives up
    /// (`StoreError.lockBusy`, exit 75); nil waits as long as it takes.
    public var lockWaitNanoseconds: UInt64? = nil
    /// Receives (bytes done, bytes total) while a replay reads the log, and
    /// (total, total) when it ends; nil for none. The CLI draws it on a terminal.
    public var progress: (@Sendable (Int64, Int64) -> Void)?
    /// How lines are spread over cores when a replay or a verify decodes
    /// them; tests shrink the pieces to make small logs take the parallel path.
    var decoding = BlockPieces()
    /// The blocks the log is read in during a replay (tests make it small
    /// to give a short log a tail of many blocks).
    var replayBlockSize = ChunkStream().chunkSize

    /// Hands `note` a sentence in the reader's language.
    func say(_ t: Text) { note(vietnamese ? t.vi : t.en) }

    /// What every reader without the key of a keyed log is told (on stderr; each report says it too).
    static let chainNotChecked = Text("ghi chú: sổ có khóa này được đọc mà không có khóa: chuỗi băm CHƯA được kiểm tra (dùng --key-file hoặc đặt ANTQ_KEY_FILE để kiểm tra)",
                                      "note: this keyed log is read without its key: its hash chain is NOT checked (give --key-file or set ANTQ_KEY_FILE to check it)")

    public init(layout: LogLayout, key: KeyFile?, clock: Clock = .system, snapshotInterval: Int = 10_000,
                snapshotsKept: Int = 3, note: @escaping @Sendable (String) -> Void = { _ in }) {
        self.layout = layout
        self.key = key
        self.clock = clock
        self.snapshotInterval = snapshotInterval
        self.snapshotsKept = snapshotsKept
        self.note = note
    }

    var chainKey: ChainKey { key.map { .keyed(HMACSHA256(key: $0.key)) } ?? .plain }

    /// Opens an initialised directory, failing with a message that says how to fix it.
    public static func open(_ directory: String, key: KeyFile? = nil, clock: Clock = .system,
                            note: @escaping @Sendable (String) -> Void = { _ in }) throws(StoreError) -> DataStore {
        let layout = LogLayout(root: directory)
        guard FileSystem.exists(layout.logPath) else { throw .notInitialised(directory: directory) }
        return DataStore(layout: layout, key: key, clock: clock, note: note)
    }

    /// Creates `DIR/events/log.jsonl` holding `log.created`, and `DIR/snapshots/`.
    /// - Parameters:
    ///   - logID: the log's identity (`log_id`); a random UUID unless given.
    ///   - eventID: the `id` of the `log.created` event; a random UUID unless given.
    ///   Both are given only by generators that must produce the same bytes on every run (the demo log).
    public static func initialise(_ directory: String, by recorder: String, periodStart: MonthDay = .january1, key: KeyFile? = nil,
                                  clock: Clock = .system, occurred: CivilDate? = nil,
                                  logID: String? = nil, eventID: String? = nil) throws(StoreError) -> (DataStore, Fingerprint) {
        let layout = LogLayout(root: directory)
        if FileSystem.exists(layout.logPath) { throw .alreadyInitialised(directory: directory) }
        // The recorder of line 1 passes the rule every later line's passes (`RecorderName`), before anything is made.
        let by: String
        do throws(EventCodingError) { by = try RecorderName.normalise(recorder) } catch {
            throw .rejected([LineProblem(file: "<command line>", line: 0, error: error)], total: 1)
        }
        do {
            try FileSystem.makeDirectory(layout.root)
            try FileSystem.makeDirectory(layout.eventsDirectory)
            try FileSystem.makeDirectory(layout.snapshotsDirectory)
        } catch { throw .io(error) }
        let now = clock.now()
        let created = Event(seq: 1, id: eventID ?? UUIDText.random(), occurred: occurred ?? Clock.vietnamDay(of: now), recorded: now, unit: nil,
                            by: by, data: LogCreated(logID: logID ?? UUIDText.random(), periodStart: periodStart, keyID: key?.id).data)
        var line = LineWriter.encode(created)
        let hash = SHA256.hash(line)
        line.append(0x0A)
        // Written whole under a temporary name, then linked into place, so a
        // crash never leaves a log.jsonl without its first line (which would
        // make the directory neither usable nor initialisable again).
        let temp = layout.logPath + ".init-\(CurrentProcess.id)"
        if let key {
            // Keyed: the seal vouches for line 1 before line 1 exists.
            let link = line.dropLast().withUnsafeBytes { HMACSHA256(key: key.key).authenticate($0) }
            do { try LogSeal(seq: 1, last: link, previousSeq: 0, previous: .zero).write(layout) } catch { throw .io(error) }
        }
        do {
            let fd = try FileDescriptor.open(temp, [.writeOnly, .create, .truncate], permissions: 0o600)
            defer { try? fd.close() }
            try fd.writeAll(line)
            try fd.sync()
        } catch {
            try? FileSystem.remove(temp)
            throw .io(error)
        }
        do {
            defer { try? FileSystem.remove(temp) }
            do { try FileSystem.link(temp, to: layout.logPath) } catch {
                if error.code == Errno.exists { throw StoreError.alreadyInitialised(directory: directory) }
                throw StoreError.io(error)
            }
            do {
                try FileSystem.syncDirectory(layout.eventsDirectory)
                try FileSystem.syncDirectory(layout.root)
            } catch { throw StoreError.io(error) }
        } catch let e as StoreError {
            throw e
        } catch {
            throw .io(Errno(code: Errno.ioError, call: "link", path: layout.logPath))
        }
        return (DataStore(layout: layout, key: key, clock: clock), Fingerprint(seq: 1, hash: hash))
    }

    /// Reads `log.created` (line 1): the log's identity and settings.
    public func header() throws(StoreError) -> Event {
        let first: [UInt8]
        do {
            let fd = try FileDescriptor.open(layout.logPath, .readOnly)
            defer { try? fd.close() }
            let size = try fd.size()
            var bytes: [UInt8] = []
            var offset: Int64 = 0
            while offset < size {
                let chunk = try fd.readAll(fromAbsoluteOffset: offset, count: Int(min(4096, size - offset)))
                if chunk.isEmpty { break }
                if let nl = chunk.firstIndex(of: 0x0A) { bytes += chunk[..<nl]; break }
                bytes += chunk
                offset += Int64(chunk.count)
                if bytes.count > 1 << 20 { break }
            }
            first = bytes
        } catch {
            throw .io(error)
        }
        let e: Event
        do { e = try LineReader.read(first).event } catch {
            throw .damaged(file: layout.logDisplayName, line: 1, reason: StoreError.reason(error))
        }
        guard e.type == .logCreated else {
            throw .damaged(file: layout.logDisplayName, line: 1, reason: Text("dòng đầu không phải log.created", "the first line is not log.created"))
        }
        return e
    }

    /// Checks that the key given (if any) is the one the log was created with.
    public func checkKey(against header: Event, required: Bool) throws(StoreError) {
        guard let c = header.data.logCreated else { return }
        switch (c.keyID, key) {
        case (nil, nil): return
        case (nil, .some):
            throw .key(Text("sổ này không có khóa nhưng lại có tệp khóa (--key-file hoặc ANTQ_KEY_FILE); bỏ --key-file, hoặc unset ANTQ_KEY_FILE",
                            "this log is not keyed, but a key file was given (--key-file or ANTQ_KEY_FILE); omit --key-file, or unset ANTQ_KEY_FILE"))
        case (.some, nil):
            if required {
                throw .key(Text("sổ này có khóa (khóa \(c.keyID!)); dùng --key-file ĐƯỜNG_DẪN hoặc đặt ANTQ_KEY_FILE",
                                "this log is keyed (key \(c.keyID!)); give --key-file PATH or set ANTQ_KEY_FILE"))
            }
        case (.some(let id), .some(let k)):
            if id != k.id {
                throw .key(Text("tệp khóa \(k.path) không phải khóa của sổ này (sổ cần khóa \(id), tệp là khóa \(k.id))",
                                "key file \(k.path) is not this log's key (log expects key \(id), the file is key \(k.id))"))
            }
        }
    }
}
