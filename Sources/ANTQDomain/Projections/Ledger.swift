import TextFormats

/// Everything the projections know after a prefix of the log: the state a
/// reading command answers from, and the state an append validates against.
public struct Ledger: Sendable, Equatable {
    public var log: LogCreated?
    public var units = UnitRegistry()
    public var models = ModelRegistry()
    public var flows = FlowTable()
    public var amendments = AmendmentIndex()
    /// Seq of the last event folded in.
    public var lastSeq = 0
    public var lastRecorded: UTCInstant?
    /// Every event id seen? No: ids are checked by a log scan when supplied (see Validator).
    /// The sections this ledger holds: one loaded for an append of flow
    /// events holds only `.base` (and the tail's events), and must not be
    /// snapshotted or reported from.
    public var sections = Set(LedgerSection.allCases)
    public var isComplete: Bool { sections.count == LedgerSection.allCases.count }

    public init() {}
}

/// All projections together, folded in one pass over the log.
public struct LedgerProjection: Projection {
    public var periodStart: MonthDay?
    let unitsP = UnitsProjection()
    let modelsP = ModelsProjection()
    let amendP = AmendmentsProjection()

    /// Whether models and cameras are folded. An audit of a flow figure
    /// needs neither; a ledger folded without them is never snapshotted.
    public var includesModels = true

    /// - Parameter periodStart: overrides the log's own reporting-year start (`--period-start`).
    public init(periodStart: MonthDay? = nil, includesModels: Bool = true) {
        self.periodStart = periodStart
        self.includesModels = includesModels
    }

    public var name: String { "ledger" }
    /// Version 1: units, models, cameras, flows, amendments.
    public var version: Int { 1 }
    public var initial: Ledger { Ledger() }

    public func apply(_ event: Event, to s: inout Ledger) {
        if case .logCreated(let c) = event.data, s.log == nil { s.log = c }
        let flows = FlowsProjection(periodStart: periodStart ?? s.log?.periodStart ?? .january1)
        switch event.type {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted:
            flows.apply(event, to: &s.flows)
        case .unitRegistered, .unitChanged, .unitMerged:
            unitsP.apply(event, to: &s.units)
        case .modelEstablished, .modelChanged, .modelDissolved, .cameraInstalled, .cameraRemoved:
            if includesModels { modelsP.apply(event, to: &s.models) }
        case .eventCorrected, .eventRetracted:
            flows.apply(event, to: &s.flows)
            unitsP.apply(event, to: &s.units)
            if includesModels { modelsP.apply(event, to: &s.models) }
            amendP.apply(event, to: &s.amendments)
        case .figureAsserted:
            amendP.apply(event, to: &s.amendments)
        case .logCreated:
            break
        }
        s.lastSeq = event.seq
        s.lastRecorded = event.recorded
    }

    /// Whether an event of this type changes nothing but the flow counters.
    /// Those are sums, independent of order: a replay may fold them on any
    /// core into a partial `FlowTable` (`foldFlow`) and merge the tables.
    public static func changesOnlyFlows(_ type: EventType) -> Bool {
        switch type {
        case .tipReceived, .caseSolved, .arrestMade, .weaponSeized, .awardGranted: true
        default: false
        }
    }

    /// The flow part of `apply` for an event `changesOnlyFlows` accepts,
    /// into a partial table, with the reporting-year start already known.
    @inline(__always)
    public static func foldFlow(occurred: CivilDate, unit: String?, data: EventData, start: MonthDay, sign: Int = 1, into table: inout FlowTable) {
        FlowsProjection.add(occurred: occurred, unit: unit, data: data, start: start, sign: sign, to: &table)
    }

    /// The effective reporting-year start for a ledger.
    public func start(for s: Ledger) -> MonthDay { periodStart ?? s.log?.periodStart ?? .january1 }
}
