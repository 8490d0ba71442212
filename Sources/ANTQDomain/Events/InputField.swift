/// One member of a `data` object as it arrived — from a stored line, a
/// batch line, command-line flags or a spreadsheet row — before its
/// meaning is known. `RecordBuilder` reads it against the type's declaration.
public struct InputField: Sendable, Equatable {
    public var key: String
    public var value: InputValue

    public init(_ key: String, _ value: InputValue) {
        self.key = key
        self.value = value
    }
}

/// A value as it arrived. Flags and spreadsheet cells arrive as `.string`;
/// a JSON number keeps its exact text (no binary floating point on the way).
public indirect enum InputValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case object([InputField])
    case array([InputValue])

    /// How the value is called in a message ("a string", "a number").
    public var kindName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "true/false"
        case .null: "null"
        case .object: "an object"
        case .array: "a list"
        }
    }

    public subscript(member name: String) -> InputValue? {
        if case .object(let fields) = self { return fields.first { $0.key == name }?.value }
        return nil
    }
}

/// How input reached antq, which decides how strictly values are read.
public enum FieldMode: Sendable, Equatable {
    /// A stored line: written by antq, so already canonical; a text antq
    /// once wrote unchecked is read as written, with a note.
    case stored
    /// A JSON batch line: texts are normalised (trimmed, NFC); numbers and
    /// booleans are JSON's own.
    case input
    /// Typed by a person (flags, spreadsheet cells): everything is text,
    /// numbers in the user's style ("5.000", "1,4"), yes/no in either
    /// language, values by their Vietnamese or English names.
    case typed(vietnameseNumbers: Bool)

    var isStored: Bool { self == .stored }
    var isTyped: Bool { if case .typed = self { true } else { false } }
}
