import ANTQCodec
import ANTQTestSupport
import Decimals
import EventLog
import Foundation
import SystemCalls
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// A lock-protected box for values captured by `@Sendable` closures.
final class LockedBox<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ v: T) { stored = v }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate<R>(_ f: (inout T) -> R) -> R { lock.lock(); defer { lock.unlock() }; return f(&stored) }
}

/// A clock that starts on 2025-07-01 (after every generated `occurred`) and
/// advances `step` microseconds each time it is read: deterministic `recorded` instants.
func steppingClock(start: String = "2025-07-01", step: Int64 = 60_000_000) -> Clock {
    let t = LockedBox(UTCInstant(date: day(start), hour: 1, minute: 0, second: 0)!.microsecondsSinceEpoch)
    return Clock { UTCInstant(microsecondsSinceEpoch: t.mutate { $0 += step; return $0 }) }
}

/// A fresh data directory with a store on it; notes go to `notes`.
struct TestStore {
    let root: String
    var store: DataStore
    let notes = LockedBox<[String]>([])
    var periodStart = MonthDay.january1

    init(snapshotInterval: Int = 10_000, kept: Int = 3, periodStart: MonthDay = .january1) {
        self.periodStart = periodStart
        root = FileManager.default.temporaryDirectory.appendingPathComponent("antq-store-\(UUID().uuidString)").path
        let (s, _) = try! DataStore.initialise(root, by: "tester", periodStart: periodStart, clock: steppingClock())
        store = s
        let box = notes
        store.note = { n in box.mutate { $0.append(n) } }
        store.snapshotInterval = snapshotInterval
        store.snapshotsKept = kept
    }

    /// Another store on a directory of its own, holding `logBytes` as its log.
    init(copying logBytes: [UInt8]) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("antq-store-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: root + "/events", withIntermediateDirectories: true)
        try! FileManager.default.createDirectory(atPath: root + "/snapshots", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/events/log.jsonl", contents: Data(logBytes))
        store = try! DataStore.open(root, clock: steppingClock())
        let box = notes
        store.note = { n in box.mutate { $0.append(n) } }
    }

    var logPath: String { store.layout.logPath }
    var logBytes: [UInt8] { Array(FileManager.default.contents(atPath: logPath)!) }
    var snapshotsDirectory: String { store.layout.snapshotsDirectory }
    var snapshotFiles: [String] { ((try? FileSystem.list(store.layout.snapshotsDirectory)) ?? []).sorted() }
    func cleanup() { try? FileManager.default.removeItem(atPath: root) }

    /// The log's id, from its `log.created` line.
    func logID() throws -> String { try #require(try store.header().data.logCreated).logID }

    /// Writes a snapshot of a replay result, as a reading command would.
    @discardableResult
    func saveSnapshot(_ r: ReplayResult) throws -> String {
        try store.saveSnapshot(r, logID: try logID(), projection: LedgerProjection())
    }

    /// Batch lines as `antq append -` reads them.
    static func inputs(_ lines: [String]) -> [DraftInput] {
        lines.enumerated().map { i, l in
            DraftInput(line: i + 1, draft: Result { () throws(EventCodingError) in try draft(l) })
        }
    }

    /// Appends batch lines as `antq append -` does.
    @discardableResult
    func append(_ lines: [String], expectSeq: Int? = nil) throws(StoreError) -> AppendReceipt {
        try store.append(Self.inputs(lines), file: "-", defaultBy: "tester", expectSeq: expectSeq)
    }

    /// Every committed line, decoded from the file (event, prev and batch marker).
    func storedLines() -> [StoredLine] {
        logBytes.split(separator: 0x0A).map { try! LineReader.read(Array($0)) }
    }

    /// Every committed event, decoded from the file.
    func events() -> [Event] { storedLines().map(\.event) }

    /// Appends every batch of a random log (with declarations unless told); returns the generator.
    @discardableResult
    func fill(seed: UInt64, events: Int, declarations: Bool = true) -> RandomLog {
        let g = RandomLog.make(seed: seed, events: events, periodStart: periodStart, declarations: declarations)
        for batch in g.batches { try! append(batch) }
        return g
    }
}

/// The facts of two ledgers agree (their `recorded` bookkeeping may not).
func sameFacts(_ a: Ledger, _ b: Ledger) -> Bool {
    a.units == b.units && a.models == b.models && a.flows == b.flows && a.levels == b.levels && a.catalogue == b.catalogue
        && a.amendments == b.amendments && a.lastSeq == b.lastSeq
}

/// A store on the same directory that decodes on `workers` cores, splitting even tiny blocks.
func split(_ s: DataStore, workers: Int) -> DataStore {
    var s = s
    s.decoding.workers = workers
    s.decoding.minimumSplitBytes = workers == 1 ? .max : 1
    return s
}

/// Rewrites a file in place.
func edit(_ path: String, _ f: (inout [UInt8]) -> Void) {
    var bytes = Array(FileManager.default.contents(atPath: path)!)
    f(&bytes)
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

/// Replaces a text in a file (it must be there).
func replaceText(_ path: String, _ a: String, _ b: String) {
    edit(path) { bytes in
        let s = String(decoding: bytes, as: UTF8.self)
        precondition(s.contains(a), "\(a) not found")
        bytes = Array(s.replacingOccurrences(of: a, with: b).utf8)
    }
}

/// Appends bytes to the end of a file (a torn line left by a crash).
func appendBytes(_ path: String, _ text: String) {
    edit(path) { $0 += Array(text.utf8) }
}

/// The offset of the first byte after `marker` in a line; nil if absent.
func offset(after marker: String, in line: [UInt8]) -> Int? {
    let m = Array(marker.utf8)
    guard line.count >= m.count else { return nil }
    for i in 0...(line.count - m.count) where Array(line[i..<(i + m.count)]) == m { return i + m.count }
    return nil
}

/// A decimal from its plain text ("1.4"), for expectations.
func dec(_ text: String) -> ExactDecimal { ExactDecimal(json: text)! }

/// An optional decimal as text ("nil" for none), for messages and comparisons.
func shown(_ v: ExactDecimal?) -> String { v.map { $0.plain() } ?? "nil" }

/// The reporting years a ledger's flows touch.
func flowYears(_ l: Ledger) -> [Int] { Set(l.flows.keys.map { Int($0.month) / 12 }).sorted() }

/// A figure of a ledger for a whole reporting year.
func figure(_ l: Ledger, _ name: String, year: Int, unit: String, start: MonthDay) -> ExactDecimal? {
    let p = Period(year: year, start: start)
    return FigureQuery(ledger: l, first: p.firstDay, last: p.lastDay, periodStart: start).value(name, unit: unit)
}
