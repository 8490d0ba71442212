import ANTQReports
import ANTQDomain
import ANTQStore
import Dispatch
import JSONCodec

/// `antq rebuild [--from-scratch]` and `antq snapshot`.
enum RebuildCommand {
    static func run(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let started = DispatchTime.now().uptimeNanoseconds
        let r = try store.replay(useSnapshots: !c.parsed.flag("from-scratch"), writeSnapshot: false)
        defer { keepUntilExit(r) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let header = try store.header()
        guard let created = header.data.logCreated else { return 1 }
        let path = try store.saveSnapshot(r, logID: created.logID, projection: LedgerProjection())
        if c.format == "json" {
            var w = JSONWriter()
            w.beginObject()
            w.key("events_replayed"); w.int(Int64(r.eventsReplayed))
            w.key("from_snapshot"); if let s = r.snapshot { w.string(s) } else { w.null() }
            w.key("seconds"); w.number(JSONNumber(seconds))
            w.key("fingerprint"); w.string(r.fingerprint.description)
            w.key("snapshot_written"); w.string(path)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
        } else {
            let name = r.snapshot.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
            let millis = Int((seconds * 1000).rounded())
            let time = "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
            Terminal.out(Receipts.replayed(r.eventsReplayed, afterSnapshot: name, seconds: time, c.lang) + "\n" + Receipts.snapshot(path, c.lang) + "\n"
                         + Receipts.fingerprint(r.fingerprint, c.lang) + "\n")
        }
        return 0
    }

    static func snapshot(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let start = try c.periodStart()
        let r = try store.replay(periodStart: start, writeSnapshot: false)
        defer { keepUntilExit(r) }
        let header = try store.header()
        guard let created = header.data.logCreated else { return 1 }
        let path = try store.saveSnapshot(r, logID: created.logID, projection: LedgerProjection(periodStart: start))
        Terminal.out(Receipts.snapshot(path, c.lang) + "\n" + Receipts.fingerprint(r.fingerprint, c.lang) + "\n")
        return 0
    }
}
