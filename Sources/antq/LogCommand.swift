import ANTQDomain
import ANTQReports
import ANTQStore
import EventLog
import SystemCalls
import TextFormats

/// `antq log`: lists events in the reader's language, each with its
/// standing (corrected by, retracted by) and its unit's name;
/// `--format json` prints the stored lines verbatim.
enum LogCommand {
    static func run(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let lang = c.lang
        let typeFilter = c.parsed.value("type")
        let year = try c.int("year")
        var fromSeq = 1
        var fromDay: CivilDate?
        if let f = c.parsed.value("from") {
            if let n = Int(f) { fromSeq = n } else { fromDay = try c.date("from") }
        }
        let toDay = try c.date("to")
        if let f = fromDay, let t = toDay, f > t {
            throw CLIError.usage(c.lang.t("--from \(f.iso) is after --to \(t.iso): no day is in between",
                                          "--from \(f.iso) sau --to \(t.iso): không có ngày nào ở giữa"))
        }
        // The amendments and unit names come from one replay; the listing then streams the log.
        let r = try store.replay(sections: [.base, .amendments])
        let ledger = r.ledger
        // `--year` is the reporting year: the units under `--unit` are those `summary YEAR` sums over.
        let period = try year.map { _ in try c.period(start: r.periodStart) } ?? nil
        let scope = try c.unit(in: ledger, on: period?.lastDay).map {
            UnitScope($0, units: ledger.units, period: period.map { ($0.firstDay, $0.lastDay) })
        }
        let vocabularies = ledger.catalogue.vocabularies
        let json = c.format == "json"
        // Printed only once the whole log has been read and checked (see `HeldOutput`).
        let held = HeldOutput()
        var buffer = ""
        try store.forEachEvent(warnAboutTail: false) { (e: Event, line: UnsafeRawBufferPointer) -> Bool in
            if e.seq < fromSeq { return true }
            if let t = typeFilter, !TypeFilter.matches(e.type, t) { return true }
            // The reporting year, as `export --year` and `summary YEAR` read it.
            if let y = year, ReportingPeriod.year(of: e.occurred, start: r.periodStart) != y { return true }
            if let d = fromDay, e.occurred < d { return true }
            if let d = toDay, e.occurred > d { return true }
            if let scope, !scope.contains(e.unit, on: e.occurred) { return true }
            if json {
                buffer += String(decoding: line, as: UTF8.self) + "\n"
            } else {
                let unit = e.unit.map { code in ledger.units.view(code, on: e.occurred).map { "\($0.name) [\(code)]" } ?? code } ?? "-"
                let what = EventDescription.line(e.data, vocabularies: vocabularies, vietnamese: lang.isVietnamese) {
                    ledger.units.view($0, on: e.occurred)?.name
                }
                // Control characters a hand-made or older line may hold are shown, not sent to the terminal.
                buffer += ControlEscaping.visible("#\(e.seq)  \(lang.date(e.occurred))  \(e.type.rawValue)  \(unit)  \(what)"
                    + status(e.seq, ledger.amendments, lang) + "  [\(e.by), \(lang.instant(e.recorded))]") + "\n"
            }
            if buffer.utf8.count > 1 << 16 {
                try held.append(buffer)
                buffer = ""
            }
            return true
        }
        try held.append(buffer)
        try held.release()
        return 0
    }

    static func status(_ seq: Int, _ a: AmendmentIndex, _ lang: Language) -> String {
        if let by = a.retractions[seq] { return lang.t("  — RETRACTED by #\(by)", "  — ĐÃ HỦY BỎ bởi #\(by)") }
        if let cs = a.corrections[seq] {
            let list = cs.map { "#\($0)" }.joined(separator: ", ")
            return lang.t("  — CORRECTED by \(list)", "  — ĐÃ ĐÍNH CHÍNH bởi \(list)")
        }
        return ""
    }
}

/// `--type` of `log` and `export`: a full type name, or a prefix
/// (`award` or `unit.` matches every type that starts so).
enum TypeFilter {
    static func matches(_ type: EventType, _ t: String) -> Bool {
        let name = type.rawValue
        return name == t || (t.hasSuffix(".") && name.hasPrefix(t)) || (!t.contains(".") && name.hasPrefix(t + "."))
    }
}
