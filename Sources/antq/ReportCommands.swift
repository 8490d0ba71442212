import ANTQDomain
import ANTQReports
import ANTQStore

/// `antq summary YEAR …` and `antq state …`.
enum ReportCommands {
    static func format(_ c: Context) throws -> ReportFormat {
        guard let f = ReportFormat(rawValue: c.format) else { throw CLIError.usage("unknown format \(c.format)") }
        return f
    }

    /// What a figure report reads of the ledger: not which events were
    /// corrected (the corrections themselves carry what they change), so a
    /// snapshot's amendments section is left unread.
    static let figureSections: Set<LedgerSection> = [.base, .flows, .models]

    static func summary(_ c: Context) throws -> Int32 {
        guard let y = c.parsed.arguments.first, let year = Int(y), (1945...9999).contains(year) else {
            throw CLIError.usage("summary needs a YEAR, e.g. 'antq summary 2018'")
        }
        let store = try c.store()
        let asOf = try c.asOf()
        let r = try store.replay(asOf: asOf, periodStart: try c.periodStart(), sections: figureSections)
        defer { keepUntilExit(r) }
        let unit = try c.unit(in: r.ledger)
        let format = try format(c)
        var compare = try c.int("compare")
        if let cy = compare, !(1945...9999).contains(cy) || cy == year {
            throw CLIError.usage("--compare takes another year, e.g. --compare \(year - 1)")
        }
        // The HTML page always charts this year against another: last year unless --compare says.
        if format == .html && compare == nil { compare = year - 1 }
        let report = SummaryReport.make(ledger: r.ledger, year: year, periodStart: r.periodStart, unit: unit,
                                        depth: try c.int("depth") ?? 1, fingerprint: r.fingerprint, asOf: asOf,
                                        compareYear: compare, chain: r.chain)
        Terminal.out(SummaryRenderer.render(report, format: format, lang: c.lang))
        return 0
    }

    static func state(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let asOf = try c.asOf()
        let r = try store.replay(asOf: asOf, sections: figureSections)
        defer { keepUntilExit(r) }
        let unit = try c.unit(in: r.ledger)
        let day = try c.date("date") ?? asOf.map { Clock.vietnamDay(of: $0) } ?? c.today
        let report = StateReport.make(ledger: r.ledger, day: day, periodStart: r.periodStart, unit: unit,
                                      depth: try c.int("depth") ?? 1, fingerprint: r.fingerprint, asOf: asOf, chain: r.chain)
        Terminal.out(StateRenderer.render(report, format: try format(c), lang: c.lang, listModels: c.parsed.flag("models")))
        return 0
    }
}
