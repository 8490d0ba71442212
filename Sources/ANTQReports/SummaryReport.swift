import ANTQDomain
import EventLog
import TextFormats

/// The annual summary of a unit and the units below it: what `antq summary`
/// prints, independent of format.
public struct SummaryReport: Sendable {
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var kind: UnitKind
        public var depth: Int
        public var figures: [Metric: Int]
    }

    public var year: Int
    public var period: ReportingPeriod
    public var asOf: UTCInstant?
    /// When the last event folded in was recorded (shown when there is no `asOf`).
    public var lastRecorded: UTCInstant?
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this report.
    public var chain: ChainCheck = .sha256
    public var rows: [Row]
    /// The same rows for the comparison year (`--compare`), keyed by code.
    public var compareYear: Int?
    public var compareRows: [String: [Metric: Int]]

    /// Builds the report from a ledger.
    /// - Parameters:
    ///   - unit: the root of the report (default: every top-level unit).
    ///   - depth: how many levels below the root to list (0 = root only).
    public static func make(ledger: Ledger, year: Int, periodStart: MonthDay, unit: String?, depth: Int,
                            fingerprint: Fingerprint, asOf: UTCInstant?, compareYear: Int? = nil,
                            chain: ChainCheck = .sha256) -> SummaryReport {
        let q = FigureQuery(ledger: ledger, year: year, periodStart: periodStart)
        let day = q.endDay
        let roots = unit.map { [$0] } ?? ledger.units.roots(on: day)
        let children = ledger.units.children(on: day)
        var rows: [Row] = []
        func walk(_ code: String, _ d: Int) {
            guard let v = ledger.units.view(code, on: day) ?? ledger.units.view(code) else { return }
            rows.append(Row(code: code, name: v.name, kind: v.kind, depth: d, figures: q.figures(unit: code)))
            if d < depth { for c in children[code] ?? [] { walk(c, d + 1) } }
        }
        for r in roots { walk(r, 0) }
        var compareRows: [String: [Metric: Int]] = [:]
        if let cy = compareYear {
            let cq = FigureQuery(ledger: ledger, year: cy, periodStart: periodStart)
            for r in rows { compareRows[r.code] = cq.figures(unit: r.code) }
        }
        return SummaryReport(year: year, period: q.period, asOf: asOf, lastRecorded: ledger.lastRecorded, fingerprint: fingerprint, chain: chain, rows: rows,
                             compareYear: compareYear, compareRows: compareRows)
    }
}
