import ANTQDomain
import ANTQStore
import EventLog
import SystemCalls
import TextFormats

/// `antq log`: lists events; `--format json` prints the stored lines verbatim.
enum LogCommand {
    static func run(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let typeFilter = c.parsed.value("type")
        let year = try c.int("year")
        let from = try c.int("from") ?? 1
        var unitFilter: Set<String>?
        if c.parsed.value("unit") != nil {
            let r = try store.replay(sections: [.base])
            if let u = try c.unit(in: r.ledger) { unitFilter = Set(r.ledger.units.subtree(u, on: nil)) }
        }
        let json = c.format == "json"
        var buffer = ""
        // `--unit` replayed the log above, which already warned about a torn tail.
        try store.forEachEvent(warnAboutTail: unitFilter == nil) { (e: Event, line: UnsafeRawBufferPointer) -> Bool in
            if e.seq < from { return true }
            if let t = typeFilter, !(e.type.rawValue == t || (t.hasSuffix(".") && e.type.rawValue.hasPrefix(t))
                                      || (!t.contains(".") && e.type.rawValue.hasPrefix(t + "."))) { return true }
            if let y = year, e.occurred.year != y { return true }
            if let us = unitFilter, !(e.unit.map { us.contains($0) } ?? false) { return true }
            if json {
                buffer += String(decoding: line, as: UTF8.self) + "\n"
            } else {
                buffer += "#\(e.seq)  \(e.occurred.iso)  \(e.type.rawValue)  \(e.unit ?? "-")  \(describe(e.data))  [by \(e.by), \(e.recorded.rfc3339)]\n"
            }
            if buffer.utf8.count > 1 << 16 { Terminal.out(buffer); buffer = "" }
            return true
        }
        Terminal.out(buffer)
        return 0
    }

    /// A one-line human description of an event's data.
    static func describe(_ d: EventData) -> String {
        switch d {
        case .logCreated(let c): return "log \(c.logID) format \(c.format) period start \(c.periodStart)"
        case .unitRegistered(let name, let kind, let parent): return "\(kind.vietnamese) \(name)" + (parent.map { " under \($0)" } ?? "")
        case .unitChanged(let name, let kind, let parent):
            return [name.map { "name \($0)" }, kind.map { "kind \($0.rawValue)" }, parent.map { "parent \($0 ?? "none")" }].compactMap { $0 }.joined(separator: ", ")
        case .unitMerged(let into): return "merged into \(into)"
        case .tipReceived(let n, let ch, let v): return "\(n) tip(s) via \(ch.rawValue)\(v ? ", valuable" : "")"
        case .caseSolved(let n, let cat, let ref): return "\(n) case(s) \(cat.rawValue)" + (ref.map { " [\($0)]" } ?? "")
        case .arrestMade(let n, let ref, let caught): return "\(n) arrested" + (caught == true ? " in the act" : "") + (ref.map { " [\($0)]" } ?? "")
        case .weaponSeized(let k, let q, _): return "\(q) \(k.rawValue)"
        case .awardGranted(let a): return "\(a.count) \(a.recipientKind.rawValue) \(a.form.rawValue) by \(a.issuer.rawValue): \(a.recipient)"
        case .modelEstablished(let m, let k, let n, let mem): return "\(k.rawValue) \(m) \"\(n)\" \(mem) members"
        case .modelChanged(let m, let k, let n, let mem):
            return "\(m): " + [k.map { "kind \($0.rawValue)" }, n.map { "name \"\($0)\"" }, mem.map { "\($0) members" }].compactMap { $0 }.joined(separator: ", ")
        case .modelDissolved(let m, let r): return "\(m) dissolved" + (r.map { ": \($0)" } ?? "")
        case .cameraInstalled(let n): return "+\(n) camera(s)"
        case .cameraRemoved(let n): return "-\(n) camera(s)"
        case .corrected(let c): return "corrects #\(c.target): \(c.reason)"
        case .retracted(let r): return "retracts #\(r.target): \(r.reason)"
        case .figureAsserted(let m, let y, let v, _): return "announced \(m) \(y) = \(v)"
        }
    }
}
