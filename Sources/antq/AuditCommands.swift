import ANTQDomain
import ANTQReports
import ANTQStore
import TextFormats

/// `antq audit METRIC --year Y [--unit U]`, `antq audit --event SEQ`, `antq diff`.
enum AuditCommands {
    static func audit(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let format = try ReportCommands.format(c)
        if let s = c.parsed.value("event") {
            guard let seq = Int(s), seq > 0 else { throw CLIError.usage("--event takes a seq, e.g. --event 1234") }
            Terminal.out(AuditRenderer.render(try store.audit(event: seq), format: format, lang: c.lang))
            return 0
        }
        guard let name = c.parsed.arguments.first else {
            throw CLIError.usage("audit needs a figure name (e.g. 'antq audit arrests --year 2018') or --event SEQ")
        }
        guard let metric = Metric(name: name) else {
            let close = Metric.all.map(\.name).min { AppendCommand.editDistance($0, name) < AppendCommand.editDistance($1, name) }
            throw CLIError.usage("'\(name)' is not a figure name" + (close.map { "; did you mean '\($0)'?" } ?? "") + " The README lists them under 'Figures'.")
        }
        guard let year = try c.int("year") else { throw CLIError.usage("audit needs --year YEAR") }
        var unit: String?
        if c.parsed.value("unit") != nil { unit = try c.unit(in: try store.replay(sections: [.base]).ledger) }
        let a = try store.audit(metric: metric, year: year, unit: unit, asOf: try c.asOf(), periodStart: try c.periodStart())
        Terminal.out(AuditRenderer.render(a, format: format, lang: c.lang))
        return 0
    }

    static func diff(_ c: Context) throws -> Int32 {
        let stamps = c.parsed.values("as-of")
        guard let first = stamps.first else { throw CLIError.usage("diff needs --as-of A [--as-of B]") }
        let a = try Context.parseAsOf(first)
        let b = try stamps.dropFirst().first.map(Context.parseAsOf)
        if let b, b < a { throw CLIError.usage("the second --as-of must not be earlier than the first") }
        var year: Int?
        if let y = c.parsed.arguments.first {
            guard let v = Int(y) else { throw CLIError.usage("YEAR must be a number, not '\(y)'") }
            year = v
        }
        let d = try c.store().diff(from: a, to: b, year: year)
        Terminal.out(AuditRenderer.render(d, format: try ReportCommands.format(c), lang: c.lang))
        return 0
    }
}
