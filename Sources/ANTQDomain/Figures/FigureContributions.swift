import Decimals
import TextFormats

/// What one fact adds to one figure, in the figure's smallest unit (a
/// count is a whole number; 1,4 kg at three decimals is 1400): the same
/// rules the fold applies (`FlowRules`, a declared indicator's record), so
/// an audit's contributions always add up to the figure.
public enum FigureContributions {
    public static func flowAmount(of f: Fact, to figure: String, catalogue: DeclaredCatalogue) -> Int128 {
        if f.type == .indicatorRecorded {
            guard let name = f.data.text(IndicatorRecorded.indicator), let i = catalogue.indicators[name], i.aggregate == .flow,
                  let v = f.data.decimal(IndicatorRecorded.value), record(f, feeds: figure) else { return 0 }
            return v.units(decimals: i.decimals)
        }
        return Int128(FlowRules.amount(of: f.data, to: figure))
    }

    /// Whether a record of a declared indicator feeds `figure`: the
    /// indicator's own, or one of its dimension values (`drugs.seized.heroin`).
    public static func record(_ f: Fact, feeds figure: String) -> Bool {
        guard let name = f.data.text(IndicatorRecorded.indicator) else { return false }
        return figure == name || f.data.declared.contains { "\(name).\($0.value.text ?? "")" == figure }
    }

    /// The facts an event adds (+1) or takes back (-1), with the amended seq
    /// and reason for an amendment (the same rule as `FactChange`).
    public static func forEachSignedFact(of e: Event, _ body: (Fact, Int, Int?, String?) -> Void) {
        if let c = e.data.correction {
            body(c.was, -1, c.target, c.reason)
            body(c.replacement, 1, c.target, c.reason)
        } else if let r = e.data.retraction {
            body(r.was, -1, r.target, r.reason)
        } else if !e.type.isDeclaration && e.type != .logCreated && e.type != .figureAsserted {
            body(e.fact, 1, nil, nil)
        }
    }

    /// Whether an event can change a figure of this kind (for an audit's timeline).
    public static func touches(_ e: Event, _ figure: FigureDefinition) -> Bool {
        var touched = false
        forEachSignedFact(of: e) { f, _, _, _ in
            let reparents = f.type == .unitChanged && f.data[UnitChanged.parent] != nil
            switch figure.kind {
            case .flow: touched = touched || (f.type == .indicatorRecorded ? record(f, feeds: figure.name) : !f.data.spec.flows.isEmpty) || reparents
            case .level: touched = touched || (f.type == .indicatorRecorded && record(f, feeds: figure.name)) || reparents
            case .ratio: touched = true
            case .state:
                if figure.name == "cameras" { touched = touched || f.type.isCameraEvent || reparents }
                else if figure.name == "communes" { touched = touched || f.type.isUnitEvent }
                else if figure.name == "communes.with_club" { touched = touched || f.type.isModelEvent || f.type.isUnitEvent }
                else { touched = touched || f.type.isModelEvent || reparents }
            }
        }
        return touched
    }
}
