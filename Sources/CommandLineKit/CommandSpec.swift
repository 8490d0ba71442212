/// The declared table of one subcommand (`antq summary …`): its arguments and options.
///
/// Everything the user can type for the command is listed here once; parsing, help,
/// errors and completion are all derived from it.
public struct CommandSpec: Sendable, Equatable {
    /// Subcommand name as typed, e.g. `"summary"`.
    public var name: String
    /// One line, shown in the SUBCOMMANDS list and as OVERVIEW.
    public var abstract: String
    /// Longer help text (examples, notes), shown below OVERVIEW in the command's help.
    public var discussion: String?
    /// Positional arguments in order.
    public var arguments: [ArgumentSpec]
    /// Options specific to this command (global options are declared on `ToolSpec`).
    public var options: [OptionSpec]
    /// When true, unknown `--FIELD VALUE` pairs are collected into `ParsedCommand.extra`
    /// instead of being an error (used by `antq append TYPE --count 3 --channel hotline`);
    /// the command validates them itself. Unknown short options are still errors.
    public var acceptsExtraOptions: Bool

    /// Memberwise initialiser; everything but the name and abstract is optional.
    public init(
        name: String, abstract: String, discussion: String? = nil,
        arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], acceptsExtraOptions: Bool = false
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.acceptsExtraOptions = acceptsExtraOptions
    }

    /// Looks up a declared option by long name.
    public func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// The whole tool: name, version, subcommands and options accepted by every subcommand.
public struct ToolSpec: Sendable, Equatable {
    /// Program name used in usage lines and completion scripts, e.g. `"antq"`.
    public var name: String
    /// Printed by `--version` as `"antq VERSION"`.
    public var version: String
    /// One line shown as the top-level OVERVIEW.
    public var abstract: String
    /// All subcommands. A `help` command is handled by the parser itself; declaring one
    /// only lets you choose its wording and position in the list.
    public var commands: [CommandSpec]
    /// Options accepted before or after any subcommand, e.g. `--data DIR`, `--lang`.
    public var globalOptions: [OptionSpec]

    /// Memberwise initialiser.
    public init(name: String, version: String, abstract: String, commands: [CommandSpec], globalOptions: [OptionSpec] = []) {
        self.name = name
        self.version = version
        self.abstract = abstract
        self.commands = commands
        self.globalOptions = globalOptions
    }
}
