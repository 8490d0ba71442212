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
        let columns = try c.columns(of: period)
        let historical = c.parsed.value("boundaries") == "historical"
        let r = try store.replay(asOf: asOf, periodStart: override, sections: figureSections)
        keepUntilExit(r)
        // On the units as they were, a period across a change of the tree is shown in parts.
        // Shown in parts, a unit stands in some of them; otherwise it must stand on the last day.
        let unit = historical ? try c.unit(in: r.ledger, on: period.lastDay) : try c.reportUnit(in: r.ledger, on: period.lastDay)
        let cuts = historical ? r.ledger.units.historicalParts(of: period, under: unit) : [period]
        if cuts.count > 1, compare != nil || !columns.isEmpty {
            let days = cuts.dropFirst().map { c.lang.date($0.firstDay) }.joined(separator: ", ")
            throw CLIError.usage(c.lang.t(
                "the units changed on \(days), so --boundaries historical shows \(period.label) in \(cuts.count) parts; --compare and --columns need one set of units: leave out --boundaries historical (everything on the units of \(c.lang.date(period.lastDay))), or ask for each part",
                "địa giới thay đổi ngày \(days), nên --boundaries historical chia \(period.label) thành \(cuts.count) phần; --compare và --columns cần một địa giới: bỏ --boundaries historical (tất cả theo địa giới ngày \(c.lang.date(period.lastDay))), hoặc hỏi từng phần"))
        }
        // The HTML page charts the period against another (the same period a year earlier unless --compare says), or by its columns.
        if format == .html && compare == nil && columns.isEmpty && cuts.count == 1 { compare = try? period.samePeriodOneYearEarlier() }
        // Shown in parts, the whole period's figures are not shown: no ledger folded for its days.
        let ledger = cuts.count > 1 ? r.ledger : try ledger(for: period, r, store: store, asOf: asOf, override: override)
        let compared = try compare.map { ($0, try self.ledger(for: $0, r, store: store, asOf: asOf, override: override)) }
        let split = try columns.map { ($0, try self.ledger(for: $0, r, store: store, asOf: asOf, override: override)) }
        var report = SummaryReport.make(ledger: ledger, period: period, unit: unit, depth: try c.int("depth") ?? 1,
                                        fingerprint: r.fingerprint, asOf: asOf, compare: compared, columns: split, chain: r.chain,
                                        historical: historical)
        if cuts.count > 1 {
            report.parts = try cuts.map { part in
                var p = SummaryReport.make(ledger: try Self.ledger(for: part, r, store: store, asOf: asOf, override: override), period: part, unit: unit,
                                           depth: try c.int("depth") ?? 1, fingerprint: r.fingerprint, asOf: asOf, chain: r.chain, historical: true)
                p.showCodes = c.parsed.flag("codes")
                // A unit registered later did not exist in this part: no row stands for it.
                if let unit, r.ledger.units.view(unit, on: part.lastDay) == nil { p.rows = [] }
                return p
            }
            // No part restates another's units: nothing in it is an estimate.
            report.estimates = [:]
        }
        report.showCodes = c.parsed.flag("codes")
        report.official = try official(c, format: format, asOf: asOf)
        if xlsx { try ReportOutput.write(try WorkbookRenderer.summary(report, lang: c.lang), binary: true, c); return 0 }
        try ReportOutput.write(SummaryRenderer.render(report, format: format, lang: c.lang), c)
        return 0
    }

    /// `--layout official` and its details; refused with any format but HTML, and the details without it.
    static func official(_ c: Context, format: ReportFormat, asOf: UTCInstant?) throws -> OfficialDocument? {
        let details = ["issuer", "superior", "number", "signer", "signer-title"].filter { c.parsed.value($0) != nil } + (c.parsed.values("recipient").isEmpty ? [] : ["recipient"])
        guard c.parsed.value("layout") == "official" else {
            if let d = details.first {
                throw CLIError.usage(c.lang.t("--\(d) is for the official layout: add --format html --layout official",
                                              "--\(d) dùng cho thể thức văn bản: thêm --format html --layout official"))
            }
            return nil
        }
        guard format == .html else {
            throw CLIError.usage(c.lang.t("--layout official needs --format html", "--layout official cần --format html"))
        }
        return OfficialDocument(issuer: c.parsed.value("issuer"), superior: c.parsed.value("superior"), number: c.parsed.value("number"),
                                date: asOf.map { Clock.vietnamDay(of: $0) } ?? c.today, signer: c.parsed.value("signer"),
                                signerTitle: c.parsed.value("signer-title"), recipients: c.parsed.values("recipient"))
    }

    static func state(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let asOf = try c.asOf()
        let r = try store.replay(asOf: asOf, sections: figureSections)
        keepUntilExit(r)
        let day = try c.date("date") ?? asOf.map { Clock.vietnamDay(of: $0) } ?? c.today
        let unit = try c.reportUnit(in: r.ledger, on: day)
        var report = StateReport.make(ledger: r.ledger, day: day, periodStart: r.periodStart, unit: unit,
                                      depth: try c.int("depth") ?? 1, fingerprint: r.fingerprint, asOf: asOf, chain: r.chain)
        report.showCodes = c.parsed.flag("codes")
        if c.format == "xlsx" { try ReportOutput.write(try WorkbookRenderer.state(report, lang: c.lang), binary: true, c); return 0 }
        try ReportOutput.write(StateRenderer.render(report, format: try format(c), lang: c.lang, listModels: c.parsed.flag("models")), c)
        return 0
    }
}
