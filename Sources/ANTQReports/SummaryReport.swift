import ANTQDomain
import Decimals
import EventLog
import TextFormats

/// The summary of a unit and the units below it for a period: what `antq
/// summary` prints, independent of format.
public struct SummaryReport: Sendable {
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var kind: String
        public var depth: Int
        /// Every figure by name; nil for a ratio without a value.
        public var values: [String: ExactDecimal?]
        /// A unit with no parent on the report's last day: a province or a city under the central government.
        public var topLevel = false
    }

    public var period: Period
    public var asOf: UTCInstant?
    /// When the last event folded in was recorded (shown when there is no `asOf`).
    public var lastRecorded: UTCInstant?
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this report.
    public var chain: ChainCheck = .sha256
    /// The figures in force, in report order.
    public var figures: [FigureDefinition]
    public var rows: [Row]
    /// The period compared with (`--compare`), and its rows by unit code.
    public var compare: Period?
    public var compareRows: [String: [String: ExactDecimal?]] = [:]
    /// The sub-periods shown as columns (`--columns`), in order; empty for one column.
    public var columns: [Period] = []
    /// Each column's values, by unit code, in the order of `columns`.
    public var columnRows: [[String: [String: ExactDecimal?]]] = []
    /// Per row, the split units (no published shares) whose figures a
    /// restated value holds whole under one successor: such a value is an
    /// estimate and every format says so.
    public var estimates: [String: [UnitRegistry.SplitPart]] = [:]
    /// The compared period read on the units as they were (`--boundaries historical`).
    public var historical = false
    /// With `--boundaries historical`, a period across a change of the unit
    /// tree is shown as its parts (`UnitRegistry.historicalParts`), each on
    /// the units of its own last day; this report's own rows (on the last
    /// day's units) are then not shown. Empty otherwise.
    public var parts: [SummaryReport] = []
    /// Show figure names (codes) next to labels in text and Markdown.
    public var showCodes = false
    /// The official document layout for `--format html --layout official`.
    public var official: OfficialDocument?

    /// Builds the report from a ledger.
    /// - Parameters:
    ///   - ledger: folded for this period's days alone when the period is not made of whole months.
    ///   - unit: the root of the report (default: every top-level unit).
    ///   - depth: how many levels below the root to list (0 = root only).
    ///   - compare: the period to compare with, and the ledger it is read from.
    ///   - columns: sub-periods shown as columns, each with the ledger it is read from.
    public static func make(ledger: Ledger, period: Period, unit: String?, depth: Int, fingerprint: Fingerprint, asOf: UTCInstant?,
                            compare: (period: Period, ledger: Ledger)? = nil, columns: [(period: Period, ledger: Ledger)] = [],
                            chain: ChainCheck = .sha256, historical: Bool = false) -> SummaryReport {
        // The models standing on each column's last day (and the period's), worked out in one walk.
        let standing = StandingModels()
        if !columns.isEmpty { standing.prepare(ledger, days: columns.map(\.period.lastDay) + [period.lastDay]) }
        let q = query(ledger, period, standing: standing)
        let day = period.lastDay
        let roots = unit.map { [$0] } ?? ledger.units.roots(on: day)
        let children = ledger.units.listedChildren(on: day)
        var rows: [Row] = []
        func walk(_ code: String, _ d: Int) {
            guard let v = ledger.units.view(code, on: day) ?? ledger.units.view(code) else { return }
            rows.append(Row(code: code, name: v.name, kind: v.kind, depth: d, values: q.values(unit: code), topLevel: v.parent == nil))
            if d < depth { for c in children[code] ?? [] { walk(c, d + 1) } }
        }
        for r in roots { walk(r, 0) }
        var compareRows: [String: [String: ExactDecimal?]] = [:]
        if let compare {
            let own = query(compare.ledger, compare.period)
            let cq = historical ? own : own.onBoundaries(of: day)
            for r in rows { compareRows[r.code] = cq.values(unit: r.code) }
        }
        // Every column rolls up over the report's tree (its last day), so the columns of a unit add up to
        // its total even when communes moved between districts during the period; levels are read on each column's last day.
        let columnRows = columns.map { c -> [String: [String: ExactDecimal?]] in
            let cq = query(c.ledger, c.period, standing: standing, treeDay: day)
            var out: [String: [String: ExactDecimal?]] = [:]
            for r in rows { out[r.code] = cq.values(unit: r.code) }
            return out
        }
        // A split before the period's end restates whatever was read from before it.
        let earliest = historical ? period.firstDay : min(period.firstDay, compare?.period.firstDay ?? period.firstDay)
        var estimates: [String: [UnitRegistry.SplitPart]] = [:]
        for r in rows {
            let parts = ledger.units.splitParts(under: r.code, on: day).filter { $0.on > earliest }
            if !parts.isEmpty { estimates[r.code] = parts }
        }
        let shown = q.figures.definitions.filter { d in
            // A declared figure with nothing in this report is left out; built-in figures always show.
            // A ratio has something once it has a value (0,00 % over a denominator is one).
            let has = { (v: ExactDecimal?) in v.map { d.isRatio || !$0.isZero } ?? false }
            return !d.declared || rows.contains { has($0.values[d.name] ?? nil) } || compareRows.values.contains { has($0[d.name] ?? nil) }
        }
        var report = SummaryReport(period: period, asOf: asOf, lastRecorded: ledger.lastRecorded, fingerprint: fingerprint, chain: chain,
                                   figures: shown, rows: rows, compare: compare?.period, compareRows: compareRows,
                                   columns: columns.map(\.period), columnRows: columnRows)
        report.estimates = estimates
        report.historical = historical
        return report
    }

    /// Column `i`'s value of figure `name` for unit `code`.
    public func column(_ i: Int, _ code: String, _ name: String) -> ExactDecimal? {
        (columnRows[i][code]?[name] ?? nil)
    }

    /// How the compared period relates to the report's: "cùng kỳ" (the
    /// same period a year earlier), "kỳ trước" (the one just before), or
    /// another period named in words.
    public var compareName: Text? {
        guard let c = compare else { return nil }
        if c == (try? period.samePeriodOneYearEarlier()) { return Text("cùng kỳ", "the same period a year earlier") }
        if c == (try? period.previous()) { return Text("kỳ trước", "the period before") }
        return Text(c.words(vietnamese: true), c.words(vietnamese: false))
    }

    /// The query for a period: by whole months, or over a ledger folded for the period's days.
    /// - Parameter treeDay: the day whose unit tree rolls up (a column's: the report's last day).
    public static func query(_ ledger: Ledger, _ p: Period, standing: StandingModels? = nil, treeDay: CivilDate? = nil) -> FigureQuery {
        FigureQuery.isWholeMonths(first: p.firstDay, last: p.lastDay, periodStart: p.start)
            ? FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, periodStart: p.start, standing: standing, treeDay: treeDay)
            : FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, months: nil, standing: standing, treeDay: treeDay)
    }

    public var flows: [FigureDefinition] { figures.filter { $0.isFlow || $0.isRatio } }
    public var states: [FigureDefinition] { figures.filter { !$0.isFlow && !$0.isRatio } }
}
