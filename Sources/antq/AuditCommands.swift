import ANTQDomain
import ANTQReports
import ANTQStore
import TextFormats

/// `antq audit FIGURE --period P [--unit U]`, `antq audit --event SEQ`, `antq diff`.
enum AuditCommands {
    static func audit(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let format = try ReportCommands.format(c)
        if let s = c.parsed.value("event") {
            guard let seq = Int(s), seq > 0 else { throw CLIError.usage(c.lang.t("--event takes a seq, e.g. --event 1234", "--event cần số thứ tự sự kiện, ví dụ --event 1234")) }
            Terminal.out(AuditRenderer.render(try store.audit(event: seq), format: format, lang: c.lang))
            return 0
        }
        guard let name = c.parsed.arguments.first else {
            throw CLIError.usage(c.lang.t("audit needs a figure name (e.g. 'antq audit arrests --period 2018') or --event SEQ; 'antq figures' lists the names",
                                          "audit cần tên chỉ tiêu (ví dụ 'antq audit arrests --period 2018') hoặc --event SEQ; 'antq figures' liệt kê các tên"))
        }
        let (start, override) = try ReportCommands.periodStart(c, store)
        let base = try store.replay(asOf: try c.asOf(), periodStart: override, sections: [.base])
        let figures = base.ledger.figures
        guard figures.contains(name) else {
            let close = figures.names.min { editDistance($0, name) < editDistance($1, name) }
            throw CLIError.usage(c.lang.t("'\(name)' is not a figure of this log", "'\(name)' không phải chỉ tiêu của sổ này")
                                 + (close.map { c.lang.t("; did you mean '\($0)'?", "; có phải '\($0)'?") } ?? "")
                                 + c.lang.t(" 'antq figures' lists them.", " 'antq figures' liệt kê các chỉ tiêu."))
        }
        guard let period = try c.period(start: start) else {
            throw CLIError.usage(c.lang.t("audit needs --period P (e.g. --period 2018, --period 2018-H1)",
                                          "audit cần --period KỲ (ví dụ --period 2018, --period 2018-H1)"))
        }
        let unitsOf = try c.parsed.value("units-of") == "today" ? c.today : c.date("units-of")
        // A flow figure of a unit made later is restated on its predecessors; no other kind is.
        let unit = try c.reportUnit(in: base.ledger, on: unitsOf ?? period.lastDay, laterUnitsRestated: figures[name]?.isFlow ?? false,
                                      auditing: true)
        let a = try store.audit(figure: name, period: period, unit: unit, asOf: try c.asOf(), periodStart: override, unitsOf: unitsOf,
                                units: base.ledger)
        let names = Dictionary(uniqueKeysWithValues: base.ledger.units.records.keys.map { ($0, base.ledger.units.view($0)?.name ?? $0) })
        Terminal.out(AuditRenderer.render(a, format: format, lang: c.lang, unitNames: names))
        return 0
    }

    static func diff(_ c: Context) throws -> Int32 {
        let stamps = c.parsed.values("as-of")
        guard let first = stamps.first else { throw CLIError.usage(c.lang.t("diff needs --as-of A [--as-of B]", "diff cần --as-of A [--as-of B]")) }
        let a = try Context.parseAsOf(first, c.lang)
        let b = try stamps.dropFirst().first.map { try Context.parseAsOf($0, c.lang) }
        if let b, b < a {
            throw CLIError.usage(c.lang.t("the second --as-of must not be earlier than the first", "--as-of thứ hai không được sớm hơn --as-of thứ nhất"))
        }
        let store = try c.store()
        let (start, _) = try ReportCommands.periodStart(c, store)
        var period = try c.period(start: start)
        if let y = c.parsed.arguments.first {
            guard period == nil else { throw CLIError.usage(c.lang.t("give the period once (PERIOD or --period)", "chỉ ghi kỳ báo cáo một lần (KỲ hoặc --period)")) }
            period = try c.parsePeriod(y, option: "PERIOD", start: start)
        }
        let d = try store.diff(from: a, to: b, period: period)
        Terminal.out(AuditRenderer.render(d, format: try ReportCommands.format(c), lang: c.lang))
        return 0
    }
}
