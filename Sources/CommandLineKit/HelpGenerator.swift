/// Renders `--help` text from the same tables the parser uses, in the layout of
/// swift-argument-parser: OVERVIEW / USAGE / ARGUMENTS / OPTIONS (aligned, wrapped at 80).
struct HelpGenerator {
    let parser: CommandLineParser
    var tool: ToolSpec { parser.tool }
    static let width = 80
    static let maxLabelColumn = 30

    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help information.")
    static let versionOption = OptionSpec.flag("version", help: "Show the version.")

    /// The headings and fixed lines of a help page, translated like the table's texts.
    static let fixedTexts = ["OVERVIEW", "USAGE", "ARGUMENTS", "OPTIONS", "GLOBAL OPTIONS", "SUBCOMMANDS", "default",
                             "See '%@ help <subcommand>' for detailed help.", "See '%@ help' for all subcommands."]

    func tr(_ s: String) -> String { parser.translate?(s) ?? s }
    func see(_ template: String) -> String { tr(template).replacingPercent(with: tool.name) }

    // MARK: Top level

    func topLevel() -> String {
        var out = "\(tr("OVERVIEW")): \(tr(tool.abstract))\n\n"
        out += "\(tr("USAGE")): \(tool.name)"
        if !tool.globalOptions.isEmpty { out += " [<global-options>]" }
        out += " <subcommand>\n"
        let globals = (tool.globalOptions + [Self.versionOption, Self.helpOption]).map(row)
        let subcommands = parser.commands.map { ($0.name, tr($0.abstract).split(separator: " ").map(String.init)) }
        let column = labelColumn(globals + subcommands)
        out += section(tr("GLOBAL OPTIONS"), rows: globals, column: column)
        out += section(tr("SUBCOMMANDS"), rows: subcommands, column: column)
        out += "\n  " + see("See '%@ help <subcommand>' for detailed help.") + "\n"
        return out
    }

    // MARK: One command

    func command(_ command: CommandSpec) -> String {
        var out = "\(tr("OVERVIEW")): \(tr(command.abstract))\n"
        if let discussion = command.discussion, !discussion.isEmpty {
            out += "\n" + tr(discussion).split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in
                    // Keep the indentation of example lines; wrap only prose.
                    line.hasPrefix(" ") ? String(line)
                        : wrap(line.split(separator: " ").map(String.init), indent: 0, width: Self.width).joined(separator: "\n")
                }
                .joined(separator: "\n") + "\n"
        }
        out += "\n\(tr("USAGE")): \(usage(command))\n"
        let arguments = command.arguments.map(row)
        let options = (command.options + (command.options.contains { $0.name == "help" } ? [] : [Self.helpOption])).map(row)
        let globals = tool.globalOptions.map(row)
        // One help column per page, as in swift-argument-parser, so sections line up.
        let column = labelColumn(arguments + options + globals)
        out += section(tr("ARGUMENTS"), rows: arguments, column: column)
        out += section(tr("OPTIONS"), rows: options, column: column)
        out += section(tr("GLOBAL OPTIONS"), rows: globals, column: column)
        out += "\n  " + see("See '%@ help' for all subcommands.") + "\n"
        return out
    }

    /// `antq summary [--unit <unit>] <year>`, or `antq summary [<options>] <year>` when too long.
    func usage(_ command: CommandSpec) -> String {
        let prefix = "\(tool.name) \(command.name)"
        let args = command.arguments.map(argumentUsage)
        var optionParts = command.options.map(optionUsage)
        if command.acceptsExtraOptions { optionParts.append("[--<field> <value> ...]") }
        let full = ([prefix] + optionParts + args).joined(separator: " ")
        if ("USAGE: " + full).count <= Self.width { return full }
        let extra = command.acceptsExtraOptions ? ["[--<field> <value> ...]"] : []
        return ([prefix] + (command.options.isEmpty ? [] : ["[<options>]"]) + extra + args).joined(separator: " ")
    }

    func argumentUsage(_ argument: ArgumentSpec) -> String {
        var text = "<\(argument.name.lowercased())>"
        if argument.variadic { text += " ..." }
        return argument.optional ? "[\(text)]" : text
    }

    func optionUsage(_ option: OptionSpec) -> String {
        var text = "--\(option.name)"
        if let value = option.valueName { text += " <\(value.lowercased())>" }
        if option.repeatable { text += " ..." }
        return "[\(text)]"
    }

    // MARK: Rows and layout

    /// A help row: the label and the help as wrap units. Annotations such as
    /// `(default: text)` are single units so they never break across lines.
    typealias Row = (label: String, units: [String])

    func row(_ option: OptionSpec) -> Row {
        var label = option.short.map { "-\($0), " } ?? ""
        label += "--\(option.name)"
        if let value = option.valueName { label += " <\(value.lowercased())>" }
        if option.repeatable { label += " ..." }
        return (label, describe(option.help, choices: option.choices, default: option.defaultDescription))
    }

    func row(_ argument: ArgumentSpec) -> Row {
        (argumentUsage(argument).trimmingBrackets, describe(argument.help, choices: argument.choices, default: nil))
    }

    func describe(_ help: String, choices: [String]?, default value: String?) -> [String] {
        var units = tr(help).split(separator: " ").map(String.init)
        if let choices, !choices.isEmpty { units.append("(\(choices.joined(separator: "|")))") }
        if let value { units.append("(\(tr("default")): \(tr(value)))") }
        return units
    }

    /// Where help text starts: after the longest label, capped so help keeps room to breathe.
    func labelColumn(_ rows: [Row]) -> Int {
        let longest = rows.map { $0.label.count }.max() ?? 0
        return min(2 + longest + 2, Self.maxLabelColumn)
    }

    func section(_ title: String, rows: [Row], column: Int) -> String {
        guard !rows.isEmpty else { return "" }
        var out = "\n\(title):\n"
        for (label, units) in rows {
            let lines = wrap(units, indent: column, width: Self.width)
            let head = "  " + label
            if head.count + 2 <= column {
                out += head.paddedRight(to: column) + (lines.first.map { String($0.dropFirst(column)) } ?? "") + "\n"
                for line in lines.dropFirst() { out += line + "\n" }
            } else {
                out += head + "\n"
                for line in lines { out += line + "\n" }
            }
        }
        return out
    }

    /// Greedy word wrap; every returned line starts with `indent` spaces.
    func wrap(_ units: [String], indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        for word in units {
            if current.isEmpty {
                current = String(word)
            } else if indent + current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(pad + current)
                current = String(word)
            }
        }
        lines.append(pad + current)
        return lines
    }
}

extension String {
    func paddedRight(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}

extension String {
    /// The template with `%@` replaced (Foundation's `String(format:)` is not used here).
    func replacingPercent(with value: String) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: "%@") {
            out += rest[..<r.lowerBound] + value
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension CommandLineParser {
    /// Every text a help page passes through ``translate``: headings, the tool's and
    /// each command's abstract and discussion, each option's and argument's help and
    /// default. A translation table is complete when it has an entry for each.
    public func helpStrings() -> [String] {
        var out = HelpGenerator.fixedTexts + [tool.abstract]
        let options = tool.globalOptions + [HelpGenerator.helpOption, HelpGenerator.versionOption]
            + commands.flatMap(\.options)
        for c in commands {
            out.append(c.abstract)
            if let d = c.discussion, !d.isEmpty { out.append(d) }
            out += c.arguments.map(\.help)
        }
        for o in options {
            out.append(o.help)
            if let d = o.defaultDescription { out.append(d) }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// Help text for the tool (`command == nil`) or for one subcommand. Unknown names
    /// fall back to the top-level help.
    public func helpText(for command: String? = nil) -> String {
        let generator = HelpGenerator(parser: self)
        if let command, let spec = self.command(named: command) {
            return generator.command(spec)
        }
        return generator.topLevel()
    }

    /// The one-line usage of a subcommand, e.g. `antq summary [<options>] <year>`.
    public func usage(for command: String) -> String {
        guard let spec = self.command(named: command) else { return "\(tool.name) <subcommand>" }
        return HelpGenerator(parser: self).usage(spec)
    }
}
