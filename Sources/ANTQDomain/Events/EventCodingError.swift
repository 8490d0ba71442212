import JSONCodec

/// Why a line is not a valid event: which field, what is wrong, how to fix it.
/// The log reader adds the file and line; the renderer in the CLI prints it.
public struct EventCodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the field (`data.count`), or nil for the whole line.
    public var field: String?
    public var problem: String
    public var fix: String?
    /// Byte column (1-based) when the JSON itself is malformed.
    public var column: Int?

    public init(field: String?, problem: String, fix: String? = nil, column: Int? = nil) {
        self.field = field
        self.problem = problem
        self.fix = fix
        self.column = column
    }

    public static func json(_ e: JSONError) -> EventCodingError {
        EventCodingError(field: nil, problem: "not valid JSON: \(e.message)",
                         fix: "each line must be one strict JSON object (RFC 8259)", column: e.offset + 1)
    }

    public var description: String {
        var s = ""
        if let column { s += "column \(column): " }
        if let field { s += "field \(field): " }
        s += problem
        if let fix { s += " (\(fix))" }
        return s
    }
}
