/// What a field holds and the rule that checks it. Every reader (a stored
/// line, a batch line, command-line flags, a spreadsheet cell) checks a
/// value against its kind through `RecordBuilder`, so a value refused on
/// one way in is refused on every way in, with the same words.
public enum FieldKind: Sendable, Equatable {
    /// A whole number in a range (counts, members, a year, a format number).
    case count(ClosedRange<Int64>)
    /// A decimal at least 0 and at most 10^15 (a declared indicator's value;
    /// its number of decimals is checked against the declaration).
    case quantity
    /// A figure's published value: a whole number or, for declared
    /// quantities, a decimal.
    case amount
    /// Free text: trimmed, Unicode NFC, no control character, at most `maxLength` characters.
    case text(maxLength: Int)
    /// A value of a vocabulary (built-in or declared in the log).
    case choice(VocabularyName)
    /// One of a few fixed words (`count`/`quantity`, `flow`/`level`).
    case word([String])
    case bool
    /// An administrative unit's official code.
    case unitCode
    /// A unit's code, or null for a top-level unit.
    case parentUnit
    /// A community model's id: letters, digits, `-`, `_`, `.`.
    case modelID
    /// A lowercase dotted name (`drugs.seized`): a declared indicator.
    case identifier
    /// A figure's name (`arrests`, `drugs.seized`, `cases.drugs`).
    case figureName
    /// A day, `YYYY-MM-DD`.
    case day
    /// A day of the year, `MM-DD` (the start of the reporting year).
    case monthDay
    /// A reporting period (`2018`, `2018-H1`, `2018-01..2018-08`).
    case period
    /// An event's position in the log.
    case seq
    /// `{"vi": …, "en": …}` (`vi` required).
    case label
    /// The dimensions of a declared indicator (at most two).
    case dimensions
    /// A field name of the catalogue a vocabulary belongs to (`model.kind`).
    case vocabularyName
    /// An identifier kept as given (a log's id, a key's id).
    case token(maxLength: Int)
    /// What an amended event said (`was`): filled in and checked by antq.
    case fact
    /// A correction's replacement data, read with the amended event's type.
    case replacementData
}

extension FieldKind {
    /// A value that is an object or a list, so typed as JSON on the command line.
    public var isStructured: Bool {
        switch self {
        case .label, .dimensions, .fact, .replacementData: true
        default: false
        }
    }
}

/// Whether a field must be given.
public enum Presence: Sendable, Equatable {
    case required
    case optional
    /// Absent means this value (and the value is stored).
    case defaulted(Value)
}

/// A field of an event type, named and placed once, in its declaration.
/// Code that reads an event's data reads it through these
/// (`data[TipReceived.count]`), never by spelling the name again.
public struct FieldRef: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let name: String

    public init(_ index: Int, _ name: String) {
        self.index = index
        self.name = name
    }

    public var description: String { name }
}

/// One field of an event type: everything validation, the codecs, help,
/// spreadsheet import and export and the documentation need to know of it.
public final class FieldSpec: Sendable {
    public let ref: FieldRef
    public let kind: FieldKind
    public let presence: Presence
    public let label: Text
    /// What the field is for, shown by `antq help append TYPE`.
    public let help: Text
    /// Spreadsheet headers that mean this field (Vietnamese first); the
    /// field's name and label are accepted too.
    public let columns: [String]

    public var name: String { ref.name }

    public init(_ ref: FieldRef, _ kind: FieldKind, _ presence: Presence, label: Text, help: Text? = nil, columns: [String] = []) {
        self.ref = ref
        self.kind = kind
        self.presence = presence
        self.label = label
        self.help = help ?? label
        self.columns = columns
    }

    public var isRequired: Bool { presence == .required }
}

extension FieldKind {
    /// The largest count a record may carry: a province's ten-year totals
    /// pass a million.
    public static let maxCount: Int64 = 1_000_000_000_000
    public static let positiveCount = FieldKind.count(1...maxCount)
    public static let anyCount = FieldKind.count(0...maxCount)
}
