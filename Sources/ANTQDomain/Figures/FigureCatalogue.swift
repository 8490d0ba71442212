/// One figure a report can show: its stable name, its labels, how it is
/// computed and how it is written.
public struct FigureDefinition: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Summed over a period by the day its facts occurred.
        case flow
        /// Evaluated on the period's last day (models, members, cameras, communes).
        case state
        /// A declared `level` indicator: each unit's latest value on the period's last day.
        case level
        /// Numerator over denominator, each rolled up first.
        case ratio(numerator: String, denominator: String, percent: Bool)
    }

    public var name: String
    public var label: Text
    /// A short heading for tables with a column per figure.
    public var short: Text?
    public var kind: Kind
    /// `kg`, `đồng` … for a declared quantity; nil for a count.
    public var unitOfMeasure: String?
    /// Digits after the point (a count 0, a ratio 2).
    public var decimals: Int
    /// The figure this one is a part of (`cases` for `cases.drugs`).
    public var parent: String?
    /// How many parents up to a top-level figure.
    public var depth: Int
    /// Declared in the log (not built in).
    public var declared: Bool
    /// What a built-in count counts ("vụ", "đối tượng"), for a change said in words.
    public var noun: Text? = nil

    public var isFlow: Bool { kind == .flow }
    public var isRatio: Bool { if case .ratio = kind { true } else { false } }
    public var shortLabel: Text { short ?? label }
}

/// Every figure in force, in report order (each figure followed by its
/// parts): the built-in flows from the declarations' rules over the
/// vocabularies in force, the state figures, the declared indicators and
/// ratios. The same list names and labels figures for summaries, audits,
/// `antq figures`, completion and the documentation.
public struct FigureCatalogue: Sendable, Equatable {
    public let definitions: [FigureDefinition]
    private let index: [String: Int]

    public init(_ declared: DeclaredCatalogue = DeclaredCatalogue()) {
        if declared.isEmpty {
            self = Self.builtInOnly
        } else {
            self.init(building: declared)
        }
    }

    /// The catalogue of a log that declares nothing, made once: most logs
    /// declare nothing, and a command asks for it more than once (its help
    /// table lists the figures, its report names them).
    private static let builtInOnly = FigureCatalogue(building: DeclaredCatalogue())

    private init(building declared: DeclaredCatalogue) {
        var list: [FigureDefinition] = []
        var seen: Set<String> = []
        func add(_ name: String, _ label: Text, short: Text?, kind: FigureDefinition.Kind, unit: String? = nil, decimals: Int = 0, declared: Bool = false,
                 noun: Text? = nil) {
            guard seen.insert(name).inserted else { return }
            list.append(FigureDefinition(name: name, label: label, short: short, kind: kind, unitOfMeasure: unit, decimals: decimals,
                                         parent: nil, depth: 0, declared: declared, noun: noun))
        }
        let vocabularies = declared.vocabularies
        for spec in EventSpec.table {
            for rule in spec.flows {
                for (name, label, short) in Self.expand(rule, vocabularies) { add(name, label, short: short, kind: .flow, noun: rule.noun) }
            }
        }
        for name in declared.indicatorOrder where declared.indicators[name]!.aggregate == .flow {
            Self.addIndicator(declared.indicators[name]!) { add($0, $1, short: $2, kind: $3, unit: $4, decimals: $5, declared: $6) }
        }
        for term in vocabularies[.modelKind].terms {
            add("models.\(term.code)", term.figure, short: term.short, kind: .state, noun: Text("mô hình", "models"))
            add("models.\(term.code).members", Text("thành viên", "members"), short: nil, kind: .state, noun: Text("thành viên", "members"))
        }
        add("cameras", Text("Camera an ninh", "Security cameras"), short: Text("Camera", "Cameras"), kind: .state, noun: Text("camera", "cameras"))
        add("communes", Text("Xã, phường, thị trấn", "Communes, wards, townships"), short: Text("Số xã", "Communes"), kind: .state, noun: Text("xã", "communes"))
        add("communes.with_club", Text("có CLB phòng, chống tội phạm", "with a crime-prevention club"), short: Text("Xã có CLB", "With club"), kind: .state, noun: Text("xã", "communes"))
        for name in declared.indicatorOrder where declared.indicators[name]!.aggregate == .level {
            Self.addIndicator(declared.indicators[name]!) { add($0, $1, short: $2, kind: $3, unit: $4, decimals: $5, declared: $6) }
        }
        for name in declared.ratioOrder {
            let r = declared.ratios[name]!
            add(name, r.label, short: nil, kind: .ratio(numerator: r.numerator, denominator: r.denominator, percent: r.percent), decimals: 2, declared: true)
        }
        definitions = Self.treeOrder(list)
        index = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.name, $0) })
    }

    public subscript(_ name: String) -> FigureDefinition? { index[name].map { definitions[$0] } }

    public func contains(_ name: String) -> Bool { index[name] != nil }

    public var names: [String] { definitions.map(\.name) }

    /// The names of the figures made from the words of `vocabularies` (the
    /// built-in rules expanded, and two figures per kind of model): a log
    /// that extends a vocabulary makes these, so none may be a declared
    /// indicator's name.
    public static func vocabularyFigureNames(_ vocabularies: Vocabularies) -> Set<String> {
        var out: Set<String> = []
        for spec in EventSpec.table {
            for rule in spec.flows { for (name, _, _) in expand(rule, vocabularies) { out.insert(name) } }
        }
        for term in vocabularies[.modelKind].terms { out.formUnion(["models.\(term.code)", "models.\(term.code).members"]) }
        return out
    }

    /// The figure names a rule can produce with these vocabularies, with labels.
    static func expand(_ rule: FlowRule, _ v: Vocabularies) -> [(String, Text, Text?)] {
        var out: [([String], Text?, Text?)] = [([], nil, nil)]
        for part in rule.name {
            switch part {
            case .literal(let w):
                out = out.map { ($0.0 + [w], rule.label, rule.short) }
            case .value(_, let vocabulary):
                out = out.flatMap { prefix in v[vocabulary].terms.map { (prefix.0 + [$0.code], $0.figure, $0.short) } }
            }
        }
        return out.map { ($0.0.joined(separator: "."), $0.1 ?? rule.label ?? Text($0.0.joined(separator: "."), $0.0.joined(separator: ".")), $0.2) }
    }

    static func addIndicator(_ i: Indicator, _ add: (String, Text, Text?, FigureDefinition.Kind, String?, Int, Bool) -> Void) {
        let kind: FigureDefinition.Kind = i.aggregate == .flow ? .flow : .level
        let unit = i.measure == .quantity ? i.unitOfMeasure : nil
        add(i.name, i.label, nil, kind, unit, i.decimals, true)
        for d in i.dimensions {
            for t in d.values { add("\(i.name).\(t.code)", t.label, nil, kind, unit, i.decimals, true) }
        }
    }

    /// Each figure followed by its parts, depth by depth; a part is a figure
    /// whose name is its parent's name and one more word.
    static func treeOrder(_ list: [FigureDefinition]) -> [FigureDefinition] {
        // A figure's parent is the nearest figure its name extends, of the same
        // origin: a declared `cases.occurred` (707) is no part of the built-in
        // `cases` (644), nor a built-in `weapons.firearm` of a declared `weapons`.
        let declared = Set(list.filter(\.declared).map(\.name)), builtIn = Set(list.filter { !$0.declared }.map(\.name))
        func parent(_ d: FigureDefinition) -> String? {
            let names = d.declared ? declared : builtIn
            var parts = d.name.split(separator: ".")
            while parts.count > 1 {
                parts.removeLast()
                let p = parts.joined(separator: ".")
                if names.contains(p) { return p }
            }
            return nil
        }
        var children: [String: [FigureDefinition]] = [:]
        var roots: [FigureDefinition] = []
        for var d in list {
            d.parent = parent(d)
            if let p = d.parent { children[p, default: []].append(d) } else { roots.append(d) }
        }
        var out: [FigureDefinition] = []
        func walk(_ d: FigureDefinition, _ depth: Int) {
            var d = d
            d.depth = depth
            out.append(d)
            for c in children[d.name] ?? [] { walk(c, depth + 1) }
        }
        for r in roots { walk(r, 0) }
        return out
    }
}
