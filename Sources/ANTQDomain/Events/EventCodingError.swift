/// Why an input or a stored line is not a valid event: which field, what is
/// wrong, how to fix it, in Vietnamese and English. A problem's words may
/// name the field as `{field}`: whoever shows it puts in the way the user
/// gave it (`--count` for a flag, `"count"` in a batch line, the column
/// header of a spreadsheet).
public struct EventCodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the field (`data.count`), or nil for the whole line.
    public var field: String?
    public var problem: Text
    public var fix: Text?
    /// Byte column (1-based) when the JSON itself is malformed.
    public var column: Int?
    /// A value that would be taken instead (the nearest allowed value), for
    /// a corrected command line.
    public var suggestion: String?
    /// The field named is not a field of the event at all (a corrected
    /// command line drops it, or renames it to `closeField`).
    public var notAField = false
    /// The field of the event a field that is none was close to (`caught` → `caught_in_act`).
    public var closeField: String?

    public init(field: String?, problem: Text, fix: Text? = nil, column: Int? = nil) {
        self.field = field
        self.problem = problem
        self.fix = fix
        self.column = column
    }

    /// English-only wording, for internal errors and tests.
    public init(field: String?, problem: String, fix: String? = nil, column: Int? = nil) {
        self.init(field: field, problem: Text(problem, problem), fix: fix.map { Text($0, $0) }, column: column)
    }

    /// The last part of the field's path (`count` for `data.data.count`).
    public var fieldName: String? { field.map { String($0.split(separator: ".").last ?? Substring($0)) } }

    /// The message with `{field}` written as `name` names it.
    public func message(vietnamese: Bool, field name: String? = nil) -> String {
        var s = ""
        if let column { s += vietnamese ? "cột \(column): " : "column \(column): " }
        if name == nil, let field { s += (vietnamese ? "trường " : "field ") + field + ": " }
        if let name, !problem.text(vietnamese: vietnamese).contains("{field}") { s += name + ": " }
        s += problemText(vietnamese: vietnamese, field: name)
        if let f = fixText(vietnamese: vietnamese, field: name) { s += " (" + f + ")" }
        return s
    }

    /// The problem alone, `{field}` written as `name` (default: the field's quoted name).
    public func problemText(vietnamese: Bool, field name: String? = nil) -> String {
        Self.spellingOthers(problem.text(vietnamese: vietnamese).replacing("{field}", with: name ?? fieldName.map { "\"\($0)\"" } ?? ""), like: name)
    }

    /// `{other:caught_in_act}` (another field named in a message, such as a
    /// "did you mean") written the way the user writes fields: `--caught-in-act`
    /// on the command line, `"caught_in_act"` in a batch line, bare otherwise.
    static func spellingOthers(_ text: String, like name: String?) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "{other:"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            out += rest[..<open.lowerBound]
            let other = String(rest[open.upperBound..<close])
            if name?.hasPrefix("--") == true { out += "--" + other.map { $0 == "_" ? "-" : $0 } }
            else if name?.hasPrefix("\"") == true || name == nil { out += "\"" + other + "\"" }
            else { out += other }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// How to fix it, `{field}` written as `name`.
    public func fixText(vietnamese: Bool, field name: String? = nil) -> String? {
        fix.map { $0.text(vietnamese: vietnamese).replacing("{field}", with: name ?? fieldName.map { "\"\($0)\"" } ?? "") }
    }

    public var description: String { message(vietnamese: false) }
}
