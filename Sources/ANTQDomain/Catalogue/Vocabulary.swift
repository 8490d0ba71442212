import TextFormats

/// One allowed value of a closed field: the code stored in the log, its
/// labels, and the other ways a clerk writes it ("Ma túy", "ma tuy" for
/// `drugs`). A figure per value (`cases.drugs`) is labelled with `figure`.
public struct Term: Sendable, Hashable {
    /// Stored in the log; never changes once written.
    public var code: String
    public var label: Text
    /// How a figure of this value reads (e.g. "by the Government" for the
    /// issuer `government`); the label when nil.
    public var figureLabel: Text?
    /// Further spellings accepted on input (Vietnamese words, abbreviations).
    public var aliases: [String]
    /// A short heading for the value's figure in tables with a column per figure.
    public var short: Text?

    public init(_ code: String, _ label: Text, figure: Text? = nil, short: Text? = nil, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.figureLabel = figure
        self.short = short
        self.aliases = aliases
    }

    public var figure: Text { figureLabel ?? label }
}

/// The closed vocabularies of the catalogue. A province may extend six of
/// them in its own log (`vocabulary.extended`); the codes of built-in values
/// are part of the format and never change.
public enum VocabularyName: String, CaseIterable, Sendable, Hashable {
    case unitKind = "unit.kind"
    case tipChannel = "tip.channel"
    case caseCategory = "case.category"
    case weaponKind = "weapon.kind"
    case recipientKind = "award.recipient_kind"
    case awardIssuer = "award.issuer"
    case awardForm = "award.form"
    case modelKind = "model.kind"

    /// Whether `vocabulary.extended` may add values (the others carry meaning in code).
    public var isExtensible: Bool {
        switch self {
        case .unitKind, .recipientKind: false
        default: true
        }
    }
}

/// A vocabulary: its values in order, looked up by code or by any way a
/// person writes one (diacritics optional, case ignored).
public struct Vocabulary: Sendable, Equatable {
    public let name: VocabularyName
    public private(set) var terms: [Term]
    private var byFolded: [String: Int]

    public init(_ name: VocabularyName, _ terms: [Term]) {
        self.name = name
        self.terms = []
        self.byFolded = [:]
        for t in terms { add(t) }
    }

    public func term(code: String) -> Term? {
        terms.first { $0.code == code }
    }

    public func contains(code: String) -> Bool { term(code: code) != nil }

    public var codes: [String] { terms.map(\.code) }

    /// The term a person means by `typed`: its code, its Vietnamese or
    /// English label, or an alias, with or without diacritics.
    public func resolve(_ typed: String) -> Term? {
        let folded = foldVietnamese(typed)
        if let i = byFolded[folded] ?? byFolded[folded.replacing("_", with: " ")] { return terms[i] }
        return nil
    }

    /// Adds a value (built-in, or declared by `vocabulary.extended`); a code
    /// already present is left as it is.
    public mutating func add(_ t: Term) {
        guard term(code: t.code) == nil else { return }
        terms.append(t)
        let i = terms.count - 1
        for s in [t.code, t.code.replacing("_", with: " "), t.label.vi, t.label.en] + t.aliases {
            let k = foldVietnamese(s)
            if byFolded[k] == nil { byFolded[k] = i }
        }
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.name == b.name && a.terms == b.terms }
}
