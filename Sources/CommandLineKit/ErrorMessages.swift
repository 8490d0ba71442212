/// All user-facing wording for parse errors lives here, so every message follows the
/// same shape: what is wrong, then how to fix it (a suggestion, the usage, where to read more).
extension CommandLineParser {
    /// A complete message for stderr, starting with `Error: `, possibly several lines,
    /// without a trailing newline. Exit with `CommandLineParser.usageExitCode` after printing it.
    public func message(for error: ParseError) -> String {
        let name = tool.name
        func seeHelp(_ command: String?) -> String {
            if let command, command != name, self.command(named: command) != nil {
                return "See '\(name) help \(command)'."
            }
            return "See '\(name) help' for the list of subcommands."
        }
        func label(_ command: String) -> String {
            command == name ? "'\(name)'" : "'\(name) \(command)'"
        }

        switch error {
        case .unknownCommand(let typed, let suggestion):
            var text = "Error: Unknown subcommand '\(typed)'."
            if let suggestion { text += " Did you mean '\(suggestion)'?" }
            return text + "\n" + seeHelp(nil)

        case .unknownOption(let typed, let command, let suggestion):
            var text = "Error: Unknown option '\(typed)' for \(label(command))."
            if let suggestion { text += " Did you mean '\(suggestion)'?" }
            if command == name, suggestion == nil {
                text += "\nOptions of a subcommand go after its name, e.g. '\(name) <subcommand> \(typed) ...'."
            }
            return text + "\n" + seeHelp(command)

        case .missingValue(let option, let command):
            let placeholder = valuePlaceholder(for: option, command: command)
            var text = "Error: Missing value for '\(option)'. Usage: \(option) \(placeholder)"
            text += "\nIf the value starts with '-', write it as '\(option)=VALUE'."
            return text + "\n" + seeHelp(command)

        case .invalidChoice(let option, let value, let choices):
            var text = "Error: The value '\(value)' is invalid for '\(option)'."
            if let suggestion = EditDistance.closest(to: value, among: choices) {
                text += " Did you mean '\(suggestion)'?"
            }
            return text + "\nChoose one of: \(choices.joined(separator: ", "))."

        case .missingArgument(let argument, let command):
            return "Error: Missing expected argument '<\(argument.lowercased())>' for \(label(command)).\n"
                + "Usage: \(usage(for: command))\n" + seeHelp(command)

        case .unexpectedArgument(let value, let command):
            var text = "Error: Unexpected argument '\(value)' for \(label(command)).\n"
            text += "Usage: \(usage(for: command))"
            if value.hasPrefix("-") {
                text += "\nIf '\(value)' is meant as an option, check its spelling; as a value, put it after '--'."
            }
            return text + "\n" + seeHelp(command)

        case .flagGivenValue(let option):
            return "Error: '\(option)' is a flag and does not take a value; write just '\(option)'."

        case .noCommand:
            return "Error: Missing subcommand.\nUsage: \(name) <subcommand> [<options>]\n" + seeHelp(nil)
        }
    }

    private func valuePlaceholder(for option: String, command: String) -> String {
        let key = ParsedCommand.key(option)
        let declared = (self.command(named: command)?.options ?? []) + tool.globalOptions
        let spec = option.hasPrefix("--")
            ? declared.first { $0.name == key }
            : declared.first { $0.short.map(String.init) == key }
        if let choices = spec?.choices { return "<\(choices.joined(separator: "|"))>" }
        return "<\((spec?.valueName ?? "value").lowercased())>"
    }
}
