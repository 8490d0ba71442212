/// What the envelope's `unit` is for an event type.
public enum UnitRole: Sendable, Equatable {
    /// The unit the fact occurred in (a registered unit, in force that day).
    case required
    /// The code of the unit being registered.
    case newUnit
    /// No unit (`log.created`).
    case none
    /// The unit of the event amended (corrections and retractions: filled in by antq).
    case amended
}

/// A part of a figure's name: a fixed word, or the code of a field's value
/// (`cases.<category>` is `cases` then the value of `category`).
public enum NamePart: Sendable, Equatable {
    case literal(String)
    case value(FieldRef, VocabularyName)
}

/// When a fact adds to a figure.
public enum FlowCondition: Sendable, Equatable {
    /// The field is present and true (`tips.valuable`, `arrests.caught_in_act`).
    case isTrue(FieldRef)
    /// The field's code is one of these (`awards.collective.local`).
    case codeIn(FieldRef, Set<String>)
}

/// One figure a fact adds to: the figure's name (fixed, or made of the
/// fact's vocabulary values), the field that gives the amount, and when.
/// The fold, the figure catalogue, the audit and `antq help` all read these
/// rules, so a figure and the events that make it up cannot disagree.
public struct FlowRule: Sendable {
    public let name: [NamePart]
    public let amount: FieldRef
    public let when: FlowCondition?
    /// The label of a figure whose name ends in a fixed word; one ending in
    /// a value is labelled by that value's term.
    public let label: Text?
    /// A short heading for tables with a column per figure.
    public let short: Text?
    /// What the figure counts, as a review says a change ("tăng 93 **vụ**").
    public let noun: Text?

    public init(_ name: [NamePart], amount: FieldRef, when: FlowCondition? = nil, label: Text? = nil, short: Text? = nil, noun: Text? = nil) {
        self.name = name
        self.amount = amount
        self.when = when
        self.label = label
        self.short = short
        self.noun = noun
    }

    /// A figure with a fixed name.
    public static func fixed(_ name: String, amount: FieldRef, when: FlowCondition? = nil, label: Text, short: Text? = nil, noun: Text? = nil) -> FlowRule {
        FlowRule(name.split(separator: ".").map { .literal(String($0)) }, amount: amount, when: when, label: label, short: short, noun: noun)
    }
}

/// The one declaration of an event type. Validation (`RecordBuilder`,
/// `Validator`), the log codecs, the figures, `antq help append TYPE`, the
/// spreadsheet columns and the catalogue documentation all derive from it:
/// a field is added to a type by adding it here (and to the type's tests).
public final class EventSpec: Sendable {
    public let type: EventType
    public let label: Text
    public let help: Text
    public let unit: UnitRole
    public let fields: [FieldSpec]
    /// At least one of these must be given (what a `unit.changed` changes).
    public let atLeastOne: [FieldRef]
    /// The figures a fact of this type adds to, summed over a period by the day it occurred.
    public let flows: [FlowRule]
    /// Flags after the type in an example command line (`antq help append TYPE`).
    public let example: [String]
    /// Whether the data object may carry fields the log declares (the
    /// dimensions of a declared indicator).
    public let declaredFields: Bool

    public init(_ type: EventType, label: Text, help: Text, unit: UnitRole = .required, fields: [FieldSpec],
                atLeastOne: [FieldRef] = [], flows: [FlowRule] = [], example: [String] = [], declaredFields: Bool = false) {
        // A field's place in the declaration is the index its `FieldRef` names: checked once, here.
        for (i, f) in fields.enumerated() {
            precondition(f.ref.index == i, "\(type.rawValue): field \(f.name) is declared at \(i) but its FieldRef says \(f.ref.index)")
        }
        self.type = type
        self.label = label
        self.help = help
        self.unit = unit
        self.fields = fields
        self.atLeastOne = atLeastOne
        self.flows = flows
        self.example = example
        self.declaredFields = declaredFields
    }

    public func field(named name: String) -> FieldSpec? { fields.first { $0.name == name } }

    /// Whether facts of this type add to flow figures only, by rules that
    /// need nothing but the fact: their counters are sums, so they may be
    /// folded on any core, in any order.
    public var changesOnlyFlows: Bool { !flows.isEmpty }

    /// Whether a fold of this type's facts reads only the fields that make
    /// its figures (`FlowRules.fieldsRead`), not its id, author or notes:
    /// flow facts, and records of declared indicators.
    public var foldsFromFiguresAlone: Bool { changesOnlyFlows || type == .indicatorRecorded }
}
