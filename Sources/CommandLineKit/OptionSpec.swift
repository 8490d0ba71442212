/// One declared `--option` (or flag) of a command or of the whole tool.
///
/// The same value drives parsing, the OPTIONS section of `--help`, the wording of
/// error messages and the shell completion scripts, so documentation cannot drift
/// away from behaviour.
public struct OptionSpec: Sendable, Equatable {
    /// Long name without dashes, e.g. `"as-of"` for `--as-of`. Also the key used with
    /// `ParsedCommand.value(_:)`, `values(_:)` and `flag(_:)`.
    public var name: String
    /// Optional one-letter alias, e.g. `"o"` for `-o`.
    public var short: Character?
    /// Placeholder shown in help (`<date>`); `nil` makes the option a flag that takes no value.
    public var valueName: String?
    /// One-line description shown in help and offered by zsh/fish completion.
    public var help: String
    /// When true the option may be given several times (`--map A=B --map C=D`) and
    /// help shows it with `...`. Non-repeatable options given twice keep the last value.
    public var repeatable: Bool
    /// Allowed values. Validated by the parser, listed in help as `(text|json|csv)` and
    /// offered by shell completion.
    public var choices: [String]?
    /// Human text for the default, shown in help as `(default: …)`. The parser does not
    /// substitute it; the command applies its own default when `value(_:)` is nil.
    public var defaultDescription: String?

    /// Memberwise initialiser; prefer `.flag` / `.option` for readable tables.
    public init(
        name: String, short: Character? = nil, valueName: String? = nil, help: String,
        repeatable: Bool = false, choices: [String]? = nil, defaultDescription: String? = nil
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.choices = choices
        self.defaultDescription = defaultDescription
    }

    /// True when the option needs a value (`--unit X`); false for a flag (`--verbose`).
    public var takesValue: Bool { valueName != nil }

    /// A switch without a value, e.g. `.flag("dry-run", help: "Only show what would happen.")`.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    /// An option taking a value, e.g.
    /// `.option("format", short: "o", value: "FORMAT", help: "Output format.", choices: ["text", "json"], default: "text")`.
    public static func option(
        _ name: String, short: Character? = nil, value: String, help: String,
        choices: [String]? = nil, default defaultDescription: String? = nil, repeatable: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: value, help: help, repeatable: repeatable,
            choices: choices, defaultDescription: defaultDescription)
    }
}

/// One declared positional argument of a command.
///
/// Arguments are matched in declaration order; required ones must come before optional
/// ones, and only the last may be variadic (`validate()` reports violations).
public struct ArgumentSpec: Sendable, Equatable {
    /// Name shown in help and errors as `<name>`.
    public var name: String
    /// One-line description for the ARGUMENTS section of help.
    public var help: String
    /// When true the argument may be omitted (shown as `[<name>]`).
    public var optional: Bool
    /// When true the argument swallows all remaining positionals (shown as `<name> ...`).
    public var variadic: Bool
    /// Allowed values, validated and offered by completion.
    public var choices: [String]?

    /// Memberwise initialiser with the common case (a single required argument) as default.
    public init(name: String, help: String, optional: Bool = false, variadic: Bool = false, choices: [String]? = nil) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.choices = choices
    }
}
