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
    public static func make(ledger: Ledger, period: Period, unit: String?, depth: Int, fingerprint: Fingerprint, asOf: UTCInstant?,
                            compare: (period: Period, ledger: Ledger)? = nil, chain: ChainCheck = .sha256) -> SummaryReport {
        let q = query(ledger, period)
        let day = period.lastDay
        let roots = unit.map { [$0] } ?? ledger.units.roots(on: day)
        let children = ledger.units.children(on: day)
        var rows: [Row] = []
        func walk(_ code: String, _ d: Int) {
            guard let v = ledger.units.view(code, on: day) ?? ledger.units.view(code) else { return }
            rows.append(Row(code: code, name: v.name, kind: v.kind, depth: d, values: q.values(unit: code)))
            if d < depth { for c in children[code] ?? [] { walk(c, d + 1) } }
        }
        for r in roots { walk(r, 0) }
        var compareRows: [String: [String: ExactDecimal?]] = [:]
        if let compare {
            let cq = query(compare.ledger, compare.period)
            for r in rows { compareRows[r.code] = cq.values(unit: r.code) }
        }
        let shown = q.figures.definitions.filter { d in
            // A declared figure with nothing in this report is left out; built-in figures always show.
            !d.declared || rows.contains { ($0.values[d.name] ?? nil).map { !$0.isZero } ?? false }
                || compareRows.values.contains { ($0[d.name] ?? nil).map { !$0.isZero } ?? false }
        }
        return SummaryReport(period: period, asOf: asOf, lastRecorded: ledger.lastRecorded, fingerprint: fingerprint, chain: chain,
                             figures: shown, rows: rows, compare: compare?.period, compareRows: compareRows)
    }

    /// The query for a period: by whole months, or over a ledger folded for the period's days.
    public static func query(_ ledger: Ledger, _ p: Period) -> FigureQuery {
        FigureQuery.isWholeMonths(first: p.firstDay, last: p.lastDay, periodStart: p.start)
            ? FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, periodStart: p.start)
            : FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, months: nil)
    }

    public var flows: [FigureDefinition] { figures.filter { $0.isFlow || $0.isRatio } }
    public var states: [FigureDefinition] { figures.filter { !$0.isFlow && !$0.isRatio } }
}
