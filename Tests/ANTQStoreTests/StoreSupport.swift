import Foundation
import Testing
import SystemCalls
import TextFormats
import EventLog
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
/// advances one minute each time it is read: deterministic `recorded` instants.
func steppingClock(start: String = "2025-07-01") -> Clock {
    let t = LockedBox(UTCInstant(date: day(start), hour: 1, minute: 0, second: 0)!.microsecondsSinceEpoch)
    return Clock { UTCInstant(microsecondsSinceEpoch: t.mutate { $0 += 60_000_000; return $0 }) }
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
    var snapshotFiles: [String] { ((try? FileSystem.list(store.layout.snapshotsDirectory)) ?? []).sorted() }
    func cleanup() { try? FileManager.default.removeItem(atPath: root) }

    /// Appends batch lines as `antq append -` does.
    @discardableResult
    func append(_ lines: [String], expectSeq: Int? = nil) throws(StoreError) -> AppendReceipt {
        let inputs = lines.enumerated().map { i, l in
            DraftInput(line: i + 1, draft: Result { () throws(EventCodingError) in try draft(l) })
        }
        return try store.append(inputs, file: "-", defaultBy: "tester", expectSeq: expectSeq)
    }

    /// Every committed event, decoded from the file.
    func events() -> [Event] {
        logBytes.split(separator: 0x0A).map { try! EventDecoder.decode(Array($0)) }
    }

    /// Appends every batch of a random log; returns the generator.
    @discardableResult
    func fill(seed: UInt64, events: Int) -> RandomLog {
        let g = RandomLog.make(seed: seed, events: events, periodStart: periodStart)
        for batch in g.batches { try! append(batch) }
        return g
    }
}

/// The facts of two ledgers agree (their `recorded` bookkeeping may not).
func sameFacts(_ a: Ledger, _ b: Ledger) -> Bool {
    a.units == b.units && a.models == b.models && a.flows == b.flows && a.amendments == b.amendments && a.lastSeq == b.lastSeq
}
