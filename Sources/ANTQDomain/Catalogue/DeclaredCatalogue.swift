/// A figure a province declares in its own log (`indicator.defined`).
public struct Indicator: Sendable, Equatable {
    public enum Measure: String, Sendable { case count, quantity }
    public enum Aggregate: String, Sendable {
        /// Summed over a period by the day each record occurred.
        case flow
        /// Each unit's latest value as of a day, summed over units.
        case level
    }
    /// A way records are broken down (a substance, a kind of area); each
    /// value has a figure of its own, `INDICATOR.VALUE`.
    public struct Dimension: Sendable, Equatable {
        public var name: String
        public var values: [Term]
    }

    public var name: String
    public var label: Text
    public var description: String?
    public var measure: Measure
    public var unitOfMeasure: String?
    public var decimals: Int
    public var aggregate: Aggregate
    public var dimensions: [Dimension]
    public var retired = false
    /// Seq of the `indicator.defined` event.
    public var definedSeq: Int
}

/// A figure computed from two others (`ratio.defined`).
public struct Ratio: Sendable, Equatable {
    public var name: String
    public var label: Text
    public var numerator: String
    public var denominator: String
    public var percent: Bool
    public var definedSeq: Int
}

/// What the log declares of its own catalogue up to some point: indicators,
/// ratios and vocabulary values. A pure fold of the declarations, so the
/// catalogue in force at seq N is the built-in one plus the log's first N
/// events; a log without declarations has the built-in catalogue alone.
public struct DeclaredCatalogue: Sendable, Equatable {
    public private(set) var indicators: [String: Indicator] = [:]
    /// Indicator names in the order they were defined.
    public private(set) var indicatorOrder: [String] = []
    public private(set) var ratios: [String: Ratio] = [:]
    public private(set) var ratioOrder: [String] = []
    public private(set) var vocabularies = Vocabularies.builtIn
    /// Declared vocabulary values in order (for listings and snapshots).
    public private(set) var extensions: [Extension] = []
    /// Records in force per indicator: its measure may change only while none is.
    public private(set) var recorded: [String: Int] = [:]
    /// Every declaration folded in, in order: what a snapshot keeps to
    /// rebuild this catalogue.
    public private(set) var declarations: [(seq: Int, data: EventData)] = []

    public struct Extension: Sendable, Equatable {
        public var vocabulary: VocabularyName
        public var term: Term
        public var seq: Int
    }

    public init() {}

    public var isEmpty: Bool { declarations.isEmpty }

    public static func == (a: DeclaredCatalogue, b: DeclaredCatalogue) -> Bool {
        a.indicators == b.indicators && a.indicatorOrder == b.indicatorOrder && a.ratios == b.ratios && a.ratioOrder == b.ratioOrder
            && a.extensions == b.extensions && a.recorded == b.recorded && a.declarations.map(\.seq) == b.declarations.map(\.seq)
    }

    /// Folds one declaration in.
    public mutating func apply(_ d: EventData, seq: Int) {
        if d.type.isDeclaration { declarations.append((seq, d)) }
        switch d.type {
        case .indicatorDefined:
            guard let name = d.text(IndicatorDefined.indicator), indicators[name] == nil else { return }
            var i = Indicator(name: name, label: Self.label(d[IndicatorDefined.label]) ?? Text(name, name), description: d.text(IndicatorDefined.description),
                              measure: .count, unitOfMeasure: nil, decimals: 0, aggregate: .flow, dimensions: [], definedSeq: seq)
            Self.update(&i, with: d, fields: IndicatorDefined.self)
            indicators[name] = i
            indicatorOrder.append(name)
        case .indicatorChanged:
            guard let name = d.text(IndicatorChanged.indicator), var i = indicators[name] else { return }
            if let l = Self.label(d[IndicatorChanged.label]) { i.label = l }
            if let text = d.text(IndicatorChanged.description) { i.description = text }
            Self.update(&i, with: d, fields: IndicatorChanged.self)
            indicators[name] = i
        case .indicatorRetired:
            guard let name = d.text(IndicatorRetired.indicator) else { return }
            indicators[name]?.retired = true
        case .ratioDefined:
            guard let name = d.text(RatioDefined.indicator), ratios[name] == nil, let num = d.text(RatioDefined.numerator),
                  let den = d.text(RatioDefined.denominator) else { return }
            ratios[name] = Ratio(name: name, label: Self.label(d[RatioDefined.label]) ?? Text(name, name), numerator: num, denominator: den,
                                 percent: d.bool(RatioDefined.percent) ?? false, definedSeq: seq)
            ratioOrder.append(name)
        case .vocabularyExtended:
            guard let field = d.text(VocabularyExtended.field).flatMap(VocabularyName.init), let code = d.text(VocabularyExtended.value),
                  !vocabularies[field].contains(code: code) else { return }
            let l = Self.label(d[VocabularyExtended.label]) ?? Text(code, code)
            let term = Term(code, l)
            vocabularies.extend(field, with: term)
            extensions.append(Extension(vocabulary: field, term: term, seq: seq))
        default:
            break
        }
    }

    /// Counts a record of `indicator` in or out (a retraction takes one out).
    public mutating func count(record indicator: String, by n: Int) {
        recorded[indicator, default: 0] += n
        if recorded[indicator] == 0 { recorded[indicator] = nil }
    }

    /// Applies the measure, aggregate and dimensions an `indicator.defined`
    /// or `indicator.changed` gives (the two declare them at the same places).
    static func update(_ i: inout Indicator, with d: EventData, fields: IndicatorFields.Type) {
        if let m = d.text(fields.measure).flatMap(Indicator.Measure.init) { i.measure = m }
        if let u = d.text(fields.unitOfMeasure) { i.unitOfMeasure = u }
        if let n = d.int(fields.decimals) { i.decimals = Int(n) }
        if let a = d.text(fields.aggregate).flatMap(Indicator.Aggregate.init) { i.aggregate = a }
        for dim in d[fields.dimensions]?.list ?? [] {
            guard case .text(let name)? = dim[member: "name"] else { continue }
            let values = (dim[member: "values"]?.list ?? []).compactMap { v -> Term? in
                guard case .text(let code)? = v[member: "value"] else { return nil }
                return Term(code, label(v[member: "label"]) ?? Text(code, code))
            }
            if let k = i.dimensions.firstIndex(where: { $0.name == name }) {
                for t in values where !i.dimensions[k].values.contains(where: { $0.code == t.code }) { i.dimensions[k].values.append(t) }
            } else {
                i.dimensions.append(Indicator.Dimension(name: name, values: values))
            }
        }
    }

    /// A stored label `{"vi": …, "en": …}`; English falls back to Vietnamese.
    public static func label(_ v: Value?) -> Text? {
        guard case .text(let vi)? = v?[member: "vi"] else { return nil }
        return Text(vi: vi, en: v?[member: "en"]?.text ?? vi)
    }
}

/// The fields `indicator.defined` and `indicator.changed` share.
protocol IndicatorFields {
    static var measure: FieldRef { get }
    static var unitOfMeasure: FieldRef { get }
    static var decimals: FieldRef { get }
    static var aggregate: FieldRef { get }
    static var dimensions: FieldRef { get }
}

extension IndicatorDefined: IndicatorFields {}
extension IndicatorChanged: IndicatorFields {}
