import ANTQDomain
import ANTQReports
import ANTQStore
import TextFormats

/// `antq summary PERIOD …` and `antq state …`.
enum ReportCommands {
    static func format(_ c: Context) throws -> ReportFormat {
        // Only reached for text formats; the parser has checked the choice.
        guard let f = ReportFormat(rawValue: c.format) else { throw CLIError.usage("unknown format \(c.format)") }
        return f
    }

    /// What a figure report reads of the ledger: not which events were
    /// corrected (the corrections themselves carry what they change), so a
    /// snapshot's amendments section is left unread.
    static let figureSections: Set<LedgerSection> = [.base, .flows, .models]

    /// The reporting year's first day: `--period-start`, else the log's.
    static func periodStart(_ c: Context, _ store: DataStore) throws -> (start: MonthDay, override: MonthDay?) {
        let override = try c.periodStart()
        if let override { return (override, override) }
        return (try store.header().data.logCreated?.periodStart ?? .january1, nil)
    }

    /// The ledger a period's figures are read from: the whole log's when the
    /// period is made of whole months, else one folded for its days alone.
    static func ledger(for p: Period, _ whole: ReplayResult, store: DataStore, asOf: UTCInstant?, override: MonthDay?) throws -> Ledger {
        if FigureQuery.isWholeMonths(first: p.firstDay, last: p.lastDay, periodStart: p.start) { return whole.ledger }
        let r = try store.replay(asOf: asOf, periodStart: override, writeSnapshot: false, sections: figureSections,
                                 flowDays: p.firstDay...p.lastDay)
        keepUntilExit(r)
        return r.ledger
    }

    static func summary(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let asOf = try c.asOf()
        let (start, override) = try periodStart(c, store)
        let given = [c.parsed.arguments.first, c.parsed.value("period"), c.parsed.value("year")].compactMap { $0 }
        guard given.count == 1, let text = given.first else {
            throw CLIError.usage(given.isEmpty
                ? c.lang.t("summary needs a PERIOD, e.g. 'antq summary 2018' or 'antq summary --period 2018-H1'",
                           "summary cần một KỲ BÁO CÁO, ví dụ 'antq summary 2018' hoặc 'antq summary --period 2018-H1'")
                : c.lang.t("give the period once (PERIOD or --period)", "chỉ ghi kỳ báo cáo một lần (KỲ hoặc --period)"))
        }
        let period = try c.parsePeriod(text, option: "PERIOD", start: start)
        let xlsx = c.format == "xlsx"
        let format = xlsx ? .csv : try format(c)
        var compare = try c.compare(period, start: start)
        // The HTML page always charts the period against another: the same period a year earlier unless --compare says.
        if format == .html && compare == nil { compare = try? period.samePeriodOneYearEarlier() }
        let r = try store.replay(asOf: asOf, periodStart: override, sections: figureSections)
        keepUntilExit(r)
        let unit = try c.unit(in: r.ledger)
        let ledger = try ledger(for: period, r, store: store, asOf: asOf, override: override)
        let compared = try compare.map { ($0, try self.ledger(for: $0, r, store: store, asOf: asOf, override: override)) }
        var report = SummaryReport.make(ledger: ledger, period: period, unit: unit, depth: try c.int("depth") ?? 1,
                                        fingerprint: r.fingerprint, asOf: asOf, compare: compared, chain: r.chain)
        report.showCodes = c.parsed.flag("codes")
        if xlsx { try ReportOutput.write(try WorkbookRenderer.summary(report, lang: c.lang), binary: true, c); return 0 }
        try ReportOutput.write(SummaryRenderer.render(report, format: format, lang: c.lang), c)
        return 0
    }

    static func state(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let asOf = try c.asOf()
        let r = try store.replay(asOf: asOf, sections: figureSections)
        keepUntilExit(r)
        let unit = try c.unit(in: r.ledger)
        let day = try c.date("date") ?? asOf.map { Clock.vietnamDay(of: $0) } ?? c.today
        var report = StateReport.make(ledger: r.ledger, day: day, periodStart: r.periodStart, unit: unit,
                                      depth: try c.int("depth") ?? 1, fingerprint: r.fingerprint, asOf: asOf, chain: r.chain)
        report.showCodes = c.parsed.flag("codes")
        if c.format == "xlsx" { try ReportOutput.write(try WorkbookRenderer.state(report, lang: c.lang), binary: true, c); return 0 }
        try ReportOutput.write(StateRenderer.render(report, format: try format(c), lang: c.lang, listModels: c.parsed.flag("models")), c)
        return 0
    }
}
