import ANTQDomain
import Decimals
import EventLog
import TextFormats

/// The standing state of the movement on a day: community models by kind
/// with members, cameras, communes with a crime-prevention club, declared
/// level indicators, per unit.
public struct StateReport: Sendable {
    public struct Row: Sendable {
        public var code: String
        public var name: String
        public var kind: String
        public var depth: Int
        public var values: [String: ExactDecimal?]
    }

    public var day: CivilDate
    public var asOf: UTCInstant?
    /// When the last event folded in was recorded (shown when there is no `asOf`).
    public var lastRecorded: UTCInstant?
    public var fingerprint: Fingerprint
    /// How far the chain of the log was checked by the read behind this report.
    public var chain: ChainCheck = .sha256
    /// The state and level figures in force, in report order.
    public var figures: [FigureDefinition]
    public var rows: [Row]
    public var models: [ModelRegistry.View]
    public var unitNames: [String: String]
    public var showCodes = false

    public static func make(ledger: Ledger, day: CivilDate, periodStart: MonthDay, unit: String?, depth: Int,
                            fingerprint: Fingerprint, asOf: UTCInstant?, chain: ChainCheck = .sha256) -> StateReport {
        let q = FigureQuery(ledger: ledger, first: day, last: day, months: nil)
        let roots = unit.map { [$0] } ?? ledger.units.roots(on: day)
        let children = ledger.units.listedChildren(on: day)
        let figures = q.figures.definitions.filter { !$0.isFlow && !$0.isRatio }
        var rows: [Row] = []
        func walk(_ code: String, _ d: Int) {
            guard let v = ledger.units.view(code, on: day) ?? ledger.units.view(code) else { return }
            let all = q.values(unit: code)
            rows.append(Row(code: code, name: v.name, kind: v.kind, depth: d, values: all.filter { n, _ in figures.contains { $0.name == n } }))
            if d < depth { for c in children[code] ?? [] { walk(c, d + 1) } }
        }
        for r in roots { walk(r, 0) }
        let scope = Set(roots.flatMap { ledger.units.subtree($0, on: day) })
        let models = ledger.models.activeModels(on: day).filter { scope.contains($0.unit) }
        var names: [String: String] = [:]
        for v in ledger.units.views() { names[v.code] = v.name }
        return StateReport(day: day, asOf: asOf, lastRecorded: ledger.lastRecorded, fingerprint: fingerprint, chain: chain,
                           figures: figures, rows: rows, models: models, unitNames: names)
    }

    /// Per-unit columns: models by kind, cameras, communes and those with a club.
    var unitColumns: [FigureDefinition] {
        figures.filter { ($0.name.hasPrefix("models.") && !$0.name.hasSuffix(".members")) || ["cameras", "communes", "communes.with_club"].contains($0.name) }
    }
}
