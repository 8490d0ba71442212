/// The result of a successful parse: which command to run and what the user typed for it.
///
/// Options are stored by long name (short aliases are already resolved), in the order
/// given, so both "last one wins" and "collect all" readings are available.
public struct ParsedCommand: Sendable {
    /// The declared command that matched.
    public var command: CommandSpec
    /// Positional arguments in order (including everything after `--`).
    public var arguments: [String]
    /// Unknown `--FIELD VALUE` pairs, in the order typed; only filled when
    /// `command.acceptsExtraOptions` is true. Names are without dashes.
    public var extra: [(name: String, value: String)]
    /// Every declared option (command and global) as typed, long name without dashes;
    /// `value` is nil for flags.
    public var options: [(name: String, value: String?)]

    /// Builds a parsed command directly; handy for testing command implementations
    /// without going through argv.
    public init(
        command: CommandSpec, arguments: [String] = [],
        options: [(name: String, value: String?)] = [], extra: [(name: String, value: String)] = []
    ) {
        self.command = command
        self.arguments = arguments
        self.options = options
        self.extra = extra
    }

    /// The value of the last occurrence of `option` (long name, dashes optional), or nil
    /// when it was not given. Commands apply their own defaults on nil.
    public func value(_ option: String) -> String? {
        let key = Self.key(option)
        return options.last { $0.name == key && $0.value != nil }?.value ?? nil
    }

    /// All values of a repeatable option, in the order typed.
    public func values(_ option: String) -> [String] {
        let key = Self.key(option)
        return options.compactMap { $0.name == key ? $0.value : nil }
    }

    /// Whether a flag (or any option) with this long name was given.
    public func flag(_ option: String) -> Bool {
        let key = Self.key(option)
        return options.contains { $0.name == key }
    }

    static func key(_ option: String) -> String {
        String(option.drop(while: { $0 == "-" }))
    }
}

/// What `CommandLineParser.parse` decided the program should do.
public enum ParseOutcome: Sendable {
    /// Run this command.
    case run(ParsedCommand)
    /// Print this text to stdout and exit 0 (`--help`, `-h`, `help`, `help CMD`).
    case help(String)
    /// Print this text (`"antq VERSION"`) to stdout and exit 0.
    case version(String)
}
