/// Why argv could not be turned into a command. Cases carry only facts; all wording
/// lives in `CommandLineParser.message(for:)` so messages stay consistent.
///
/// Option names are carried as typed or in their canonical `--long` form (with dashes).
public enum ParseError: Error, Equatable, Sendable {
    /// The first word is not a known subcommand; `suggestion` is the closest name.
    case unknownCommand(String, suggestion: String?)
    /// An option not declared for `command` (or the tool name, before the subcommand).
    case unknownOption(String, command: String, suggestion: String?)
    /// An option that needs a value was last on the line or followed by another option.
    case missingValue(option: String, command: String)
    /// A value outside the declared choices (`option` is `--name` or `<argument>`).
    case invalidChoice(option: String, value: String, choices: [String])
    /// A required positional argument was not given.
    case missingArgument(name: String, command: String)
    /// More positionals than the command declares.
    case unexpectedArgument(String, command: String)
    /// `--flag=value` for an option that takes no value.
    case flagGivenValue(option: String)
    /// Options only, no subcommand.
    case noCommand
}
