import Decimals
import TextFormats

/// Everything the projections know after a prefix of the log: the state a
/// reading command answers from, and the state an append validates against.
public struct Ledger: Sendable, Equatable {
    public var log: LogCreated?
    public var units = UnitRegistry()
    /// What the log declares of its own catalogue (indicators, ratios, vocabulary).
    public var catalogue = DeclaredCatalogue()
    public var models = ModelRegistry()
    public var flows = FlowTable()
    public var levels = LevelTable()
    public var amendments = AmendmentIndex()
    /// Seq of the last event folded in.
    public var lastSeq = 0
    public var lastRecorded: UTCInstant?
    /// The sections this ledger holds: one loaded for an append of flow
    /// events holds only `.base` (and the tail's events), and must not be
    /// snapshotted or reported from.
    public var sections = Set(LedgerSection.allCases)
    public var isComplete: Bool { sections.count == LedgerSection.allCases.count }

    public init() {}

    /// The figures in force: built in, and what the log declares.
    public var figures: FigureCatalogue { FigureCatalogue(catalogue) }
}

/// All projections together, folded in one pass over the log: a pure fold.
public struct LedgerProjection: Projection {
    public var periodStart: MonthDay?

    /// Whether models and cameras are folded. An audit of a flow figure
    /// needs neither; a ledger folded without them is never snapshotted.
    public var includesModels = true

    /// Only flows of facts that occurred on these days (a period that is not
    /// made of whole months is summed from a fold of its own); nil for all.
    /// A ledger folded with a filter is never snapshotted.
    public var flowDays: ClosedRange<CivilDate>?

    /// - Parameter periodStart: overrides the log's own reporting-year start (`--period-start`).
    public init(periodStart: MonthDay? = nil, includesModels: Bool = true, flowDays: ClosedRange<CivilDate>? = nil) {
        self.periodStart = periodStart
        self.includesModels = includesModels
        self.flowDays = flowDays
    }

    /// Whether the flows of a fact that occurred on `day` are folded.
    @inline(__always)
    public func foldsFlows(on day: CivilDate) -> Bool { flowDays?.contains(day) ?? true }

    public var name: String { "ledger" }
    /// Version 2: flows per reporting month and figure, declared catalogue, levels.
    public var version: Int { 2 }
    public var initial: Ledger { Ledger() }

    /// The effective reporting-year start for a ledger.
    public func start(for s: Ledger) -> MonthDay { periodStart ?? s.log?.periodStart ?? .january1 }

    public func apply(_ event: Event, to s: inout Ledger) {
        switch event.type {
        case .logCreated:
            if s.log == nil { s.log = event.data.logCreated }
        case .figureAsserted:
            s.amendments.apply(event)
        case .eventCorrected, .eventRetracted:
            let months = ReportingMonths(start: start(for: s))
            FactChange.forEach(event) { change in
                switch change {
                case .add(let f, let seq): apply(f, seq: seq, adding: true, months: months, to: &s)
                case .remove(let f, let seq): apply(f, seq: seq, adding: false, months: months, to: &s)
                }
            }
            s.amendments.apply(event)
        default:
            if event.type.isDeclaration {
                s.catalogue.apply(event.data, seq: event.seq)
            } else {
                apply(event.fact, seq: event.seq, adding: true, months: ReportingMonths(start: start(for: s)), to: &s)
            }
        }
        s.lastSeq = event.seq
        s.lastRecorded = event.recorded
    }

    /// One fact in or out of the state (an event, or what an amendment changes).
    func apply(_ f: Fact, seq: Int, adding: Bool, months: ReportingMonths, to s: inout Ledger) {
        switch f.type {
        case .unitRegistered, .unitChanged, .unitMerged, .unitSplit, .unitContinued, .unitAbolished:
            if adding { s.units.add(f, seq: seq) } else { s.units.remove(f, seq: seq) }
        case .modelEstablished, .modelChanged, .modelDissolved, .cameraInstalled, .cameraRemoved:
            guard includesModels else { return }
            if adding { s.models.add(f, seq: seq) } else { s.models.remove(f, seq: seq) }
        case .indicatorRecorded:
            Self.applyIndicator(f, seq: seq, adding: adding, months: months, foldsFlows: foldsFlows(on: f.occurred), to: &s)
        default:
            guard let unit = f.unit, !f.data.spec.flows.isEmpty, foldsFlows(on: f.occurred) else { return }
            Self.foldFlow(f.data, unit: unit, month: months.month(of: f.occurred), sign: adding ? 1 : -1, into: &s.flows)
        }
    }

    /// A flow fact's figures into a table (the sequential fold and the cores' folds alike).
    @inline(__always)
    public static func foldFlow(_ d: EventData, unit: String, month: Int32, sign: Int64, into table: inout FlowTable) {
        table.add(d, unit: unit, month: month, sign: sign)
    }

    /// A record of a declared indicator: summed per month for a flow
    /// indicator, kept as the unit's latest value for a level indicator.
    static func applyIndicator(_ f: Fact, seq: Int, adding: Bool, months: ReportingMonths, foldsFlows: Bool = true, to s: inout Ledger) {
        guard let unit = f.unit, let name = f.data.text(IndicatorRecorded.indicator), let value = f.data.decimal(IndicatorRecorded.value) else { return }
        s.catalogue.count(record: name, by: adding ? 1 : -1)
        guard let indicator = s.catalogue.indicators[name] else { return }
        switch indicator.aggregate {
        case .flow:
            guard foldsFlows else { return }
            IndicatorFlow(indicator, namingValues: false).add(f.data, unit: unit, month: months.month(of: f.occurred), sign: adding ? 1 : -1, into: &s.flows)
        case .level:
            let dims = indicator.dimensions.map { d in f.data.declared.first { $0.name == d.name }?.value.text ?? "" }
            let key = LevelTable.Key(unit: unit, indicator: name, dimensions: dims)
            if adding {
                s.levels.add(key, LevelTable.Entry(day: Int32(f.occurred.dayNumber), seq: seq, value: value))
            } else {
                s.levels.remove(key, seq: seq)
            }
        }
    }
}

extension ExactDecimal {
    /// A whole number of the value's smallest unit at `decimals` places
    /// (1.4 at 3 decimals is 1400); digits past `decimals` are rounded half
    /// away from zero (the validator never lets them in).
    public func units(decimals: Int) -> Int128 {
        let r = rounded(toDecimals: decimals)
        var s = r.significand
        var scale = r.scale
        while scale < decimals { s *= 10; scale += 1 }
        while scale > decimals { s /= 10; scale -= 1 }
        return s
    }

    /// The value of `units` of the smallest unit at `decimals` places.
    public static func of(units: Int128, decimals: Int) -> ExactDecimal {
        ExactDecimal(significand: units, scale: decimals) ?? .zero
    }

    public init(_ i: Int64) { self.init(Int(i)) }

    /// Exact sum; a sum past 38 digits is not a figure any log can reach.
    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        (try? a.adding(b)) ?? a
    }
}

/// The parts of a ledger a snapshot stores apart, each with its own
/// checksum, so that a command loads only what it reads.
///
/// Why: on a national log the models and cameras are most of a snapshot,
/// and an append of a tip, the most common command of all, needs none of them.
public enum LedgerSection: String, CaseIterable, Sendable, Hashable {
    /// Seq, log header, the unit tree and the declared catalogue: every command needs them.
    case base
    /// Which events were corrected or retracted, and the asserted figures.
    case amendments
    /// The flow figures per month, and the declared level indicators.
    case flows
    /// Community models and cameras.
    case models
}
