/// How a record of a declared flow indicator adds to the flow table: the
/// amount in the indicator's smallest unit goes to the indicator's figure
/// and to `INDICATOR.VALUE` for each of its dimension values.
///
/// Why a type of its own: what this needs of the catalogue (decimals and
/// dimension names) cannot change while a record of the indicator is in
/// force (the validator refuses such a change), so a record can be folded
/// with the shape known before it, on any core (`IndicatorFlows`), rather
/// than in log order with the catalogue of its own seq.
public struct IndicatorFlow: Sendable, Equatable {
    public let name: String
    public let decimals: Int
    /// The dimensions' names, in declared order.
    public let dimensions: [String]
    /// `INDICATOR.VALUE` per dimension value known when this was made, so a
    /// fold of many records builds each figure's name once; a value added
    /// later is named when met.
    let figures: [String: String]

    /// - Parameter namingValues: false for a shape used once (the in-order
    ///   fold): naming every value up front would cost more than the record.
    public init(_ i: Indicator, namingValues: Bool = true) {
        name = i.name
        decimals = i.decimals
        dimensions = i.dimensions.map(\.name)
        var figures: [String: String] = [:]
        if namingValues {
            for d in i.dimensions { for v in d.values { figures[v.code] = "\(i.name).\(v.code)" } }
        }
        self.figures = figures
    }

    /// Whether records fold the same way under both shapes (the names of
    /// dimension values aside: a new value is named when met).
    public func foldsLike(_ other: IndicatorFlow) -> Bool {
        decimals == other.decimals && dimensions == other.dimensions
    }

    /// Adds a record (`sign` 1) or takes it back (-1).
    public func add(_ d: EventData, unit: String, month: Int32, sign: Int64, into table: inout FlowTable) {
        guard let value = d.decimal(IndicatorRecorded.value) else { return }
        let amount = value.units(decimals: decimals) * Int128(sign)
        table.add(amount, unit: unit, month: month, slot: table.slot(name))
        for dimension in dimensions {
            guard let code = d.declared.first(where: { $0.name == dimension })?.value.text, !code.isEmpty else { continue }
            table.add(amount, unit: unit, month: month, slot: table.slot(figures[code] ?? "\(name).\(code)"))
        }
    }
}

/// The declared flow indicators of a catalogue, by name, as `IndicatorFlow`s.
public struct IndicatorFlows: Sendable, Equatable {
    private var byName: [String: IndicatorFlow] = [:]

    /// None: every record is folded in log order.
    public init() {}

    public init(_ catalogue: DeclaredCatalogue) {
        for (name, i) in catalogue.indicators where i.aggregate == .flow { byName[name] = IndicatorFlow(i) }
    }

    public var isEmpty: Bool { byName.isEmpty }

    public subscript(name: String) -> IndicatorFlow? { byName[name] }

    public var names: Dictionary<String, IndicatorFlow>.Keys { byName.keys }

    /// The indicators whose records fold differently under `next` (one
    /// that became a level, other decimals, other dimensions): records
    /// folded with these shapes after such a change must be folded again.
    public func foldingDifferently(under next: IndicatorFlows) -> [String] {
        byName.compactMap { name, mine in next.byName[name].map { $0.foldsLike(mine) } == true ? nil : name }
    }
}
