/// Turns argv into a `ParseOutcome` using one `ToolSpec` table.
///
/// Parsing happens in two phases: `Tokenizer` classifies each word lexically, then the
/// tokens are matched against the declared options of the tool and of the chosen command.
/// `--help` wins over any other problem on the same line, so a user who is stuck can always
/// ask for help by appending it.
public struct CommandLineParser: Sendable {
    /// The table everything is derived from.
    public let tool: ToolSpec

    /// Exit status for usage errors (BSD `EX_USAGE`), so scripts can tell misuse from failure.
    public static let usageExitCode: Int32 = 64

    /// Turns an English help text (an abstract, a discussion, an option's help, a
    /// heading) into the reader's language; nil shows the table's English. Every text
    /// passed through it is listed by ``helpStrings()``, so a test can check that a
    /// translation exists for each.
    public var translate: (@Sendable (String) -> String)?

    /// Keeps the table; nothing is precomputed, so building a parser is cheap.
    public init(_ tool: ToolSpec, translate: (@Sendable (String) -> String)? = nil) {
        self.tool = tool
        self.translate = translate
    }

    /// The commands as shown to users: the declared ones plus a built-in `help` when the
    /// table does not declare it.
    public var commands: [CommandSpec] {
        if tool.commands.contains(where: { $0.name == "help" }) { return tool.commands }
        return tool.commands + [Self.builtinHelp(commandNames: tool.commands.map(\.name))]
    }

    static func builtinHelp(commandNames: [String]) -> CommandSpec {
        CommandSpec(
            name: "help", abstract: "Show help information.",
            arguments: [ArgumentSpec(name: "subcommand", help: "The subcommand to describe.", optional: true)])
    }

    /// Finds a command (including the built-in `help`) by name.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    // MARK: - Parsing

    /// Parses argv WITHOUT the program name.
    ///
    /// Global options may appear before or after the subcommand. Returns `.help` for
    /// `--help`, `-h`, `help` and `help CMD`; `.version` for `--version` before the command.
    public func parse(_ argv: [String]) throws(ParseError) -> ParseOutcome {
        let tokens = Tokenizer.tokenize(argv)
        var state = MatchState()

        // Phase 1: global options up to the subcommand name.
        var position = 0
        var commandToken: Token?
        while position < tokens.count {
            let token = tokens[position]
            if case .terminator = token.kind { position += 1; continue }
            if case .positional = token.kind { commandToken = token; position += 1; break }
            if isHelpToken(token, commandOptions: []) { return .help(helpText()) }
            if case .long("version", nil) = token.kind, !tool.globalOptions.contains(where: { $0.name == "version" }) {
                return .version("\(tool.name) \(tool.version)")
            }
            position = try matchOption(at: position, in: tokens, declared: tool.globalOptions,
                                       command: nil, state: &state)
        }

        guard let commandToken else {
            if let error = state.firstError { throw error }
            throw .noCommand
        }
        let name = commandToken.raw
        guard let command = command(named: name) else {
            // `antq --dta /x summary`: the real problem is the option, not "/x".
            if let error = state.firstError { throw error }
            throw .unknownCommand(name, suggestion: EditDistance.closest(to: name, among: commands.map(\.name)))
        }

        // Phase 2: the command's own options, global options, and positionals.
        var positionals: [String] = []
        while position < tokens.count {
            let token = tokens[position]
            switch token.kind {
            case .terminator:
                position += 1
            case .positional(let word):
                positionals.append(word)
                position += 1
            case .long, .short:
                if isHelpToken(token, commandOptions: command.options) {
                    return .help(helpText(for: command.name))
                }
                position = try matchOption(at: position, in: tokens, declared: command.options + tool.globalOptions,
                                           command: command, state: &state)
            }
        }

        // `help` is always handled here, even when the table declares it for wording.
        if command.name == "help" {
            if let error = state.firstError { throw error }
            guard let topic = positionals.first else { return .help(helpText()) }
            guard self.command(named: topic) != nil else {
                throw .unknownCommand(topic, suggestion: EditDistance.closest(to: topic, among: commands.map(\.name)))
            }
            return .help(helpText(for: topic))
        }

        if let error = state.firstError { throw error }
        try checkArguments(positionals, for: command)
        return .run(ParsedCommand(command: command, arguments: positionals, options: state.options, extra: state.extra))
    }

    struct MatchState {
        var options: [(name: String, value: String?)] = []
        var extra: [(name: String, value: String)] = []
        /// Recoverable problems are remembered so a later `--help` can still win.
        var firstError: ParseError?
        mutating func fail(_ error: ParseError) {
            if firstError == nil { firstError = error }
        }
    }

    func isHelpToken(_ token: Token, commandOptions: [OptionSpec]) -> Bool {
        let declared = commandOptions + tool.globalOptions
        switch token.kind {
        case .long("help", _):
            return !declared.contains { $0.name == "help" }
        case .short("h"):
            return !declared.contains { $0.short == "h" }
        default:
            return false
        }
    }

    /// Matches the option token at `position`, consuming a following value when needed.
    /// Returns the position of the next unconsumed token.
    func matchOption(at position: Int, in tokens: [Token], declared: [OptionSpec],
                     command: CommandSpec?, state: inout MatchState) throws(ParseError) -> Int {
        let token = tokens[position]
        let commandName = command?.name ?? tool.name
        var next = position + 1

        /// Takes the next token as a value if it can be one (a word, `-`, a negative number).
        func takeValue(for display: String) throws(ParseError) -> String {
            guard next < tokens.count, tokens[next].canBeValue, !tokens[next].afterTerminator else {
                throw .missingValue(option: display, command: commandName)
            }
            next += 1
            return tokens[next - 1].raw
        }

        func record(_ spec: OptionSpec, value: String?) {
            if let value, let choices = spec.choices, !choices.contains(value) {
                state.fail(.invalidChoice(option: "--\(spec.name)", value: value, choices: choices))
            }
            state.options.append((spec.name, value))
        }

        switch token.kind {
        case .long(let name, let inline):
            if let spec = declared.first(where: { $0.name == name }) {
                if spec.takesValue {
                    let value = if let inline { inline } else { try takeValue(for: "--\(name)") }
                    record(spec, value: value)
                } else if inline != nil {
                    state.fail(.flagGivenValue(option: "--\(name)"))
                } else {
                    record(spec, value: nil)
                }
            } else if let command, command.acceptsExtraOptions, !name.isEmpty {
                let value = if let inline { inline } else { try takeValue(for: "--\(name)") }
                state.extra.append((name, value))
            } else {
                let suggestion = EditDistance.closest(to: name, among: declared.map(\.name) + ["help"])
                state.fail(.unknownOption(token.raw.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token.raw,
                                          command: commandName, suggestion: suggestion.map { "--\($0)" }))
            }
        case .short(let letters):
            // A cluster: flags may be combined (`-ab`); an option taking a value
            // consumes the rest of the cluster (`-ojson`, `-o=json`) or the next token.
            var rest = Substring(letters)
            while let letter = rest.first {
                rest = rest.dropFirst()
                guard let spec = declared.first(where: { $0.short == letter }) else {
                    let typed = "-\(letter)"
                    let suggestion = EditDistance.closest(to: String(letter) + rest, among: declared.map(\.name))
                    state.fail(.unknownOption(typed, command: commandName,
                                              suggestion: letters.count > 1 ? suggestion.map { "--\($0)" } : nil))
                    break
                }
                if spec.takesValue {
                    if rest.hasPrefix("=") { rest = rest.dropFirst() }
                    let value = if rest.isEmpty { try takeValue(for: "-\(letter)") } else { String(rest) }
                    record(spec, value: value)
                    break
                }
                if rest.hasPrefix("=") {
                    state.fail(.flagGivenValue(option: "-\(letter)"))
                    break
                }
                record(spec, value: nil)
            }
        default:
            break
        }
        return next
    }

    func checkArguments(_ positionals: [String], for command: CommandSpec) throws(ParseError) {
        var index = 0
        for argument in command.arguments {
            let taken: ArraySlice<String>
            if argument.variadic {
                taken = positionals[min(index, positionals.count)...]
            } else {
                taken = index < positionals.count ? positionals[index...index] : []
            }
            if taken.isEmpty && !argument.optional {
                throw .missingArgument(name: argument.name, command: command.name)
            }
            if let choices = argument.choices, let bad = taken.first(where: { !choices.contains($0) }) {
                throw .invalidChoice(option: "<\(argument.name.lowercased())>", value: bad, choices: choices)
            }
            index += taken.count
        }
        if index < positionals.count {
            throw .unexpectedArgument(positionals[index], command: command.name)
        }
    }
}
