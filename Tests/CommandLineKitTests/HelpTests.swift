import Foundation
import Testing
@testable import CommandLineKit

@Suite struct HelpTests {
    @Test func helpIsGeneratedFromTheSameTable() {
        let parser = Sample.parser
        for command in Sample.tool.commands {
            let text = parser.helpText(for: command.name)
            for option in command.options + Sample.tool.globalOptions {
                #expect(text.contains("--\(option.name)"), "\(command.name) help lacks --\(option.name)")
                #expect(text.contains(option.help.prefix(20)), "\(command.name) help lacks help of --\(option.name)")
                if let choices = option.choices {
                    #expect(text.contains("(" + choices.joined(separator: "|") + ")"))
                }
                if let value = option.defaultDescription {
                    #expect(text.contains("(default: \(value))"))
                }
            }
            for argument in command.arguments {
                #expect(text.contains("<\(argument.name.lowercased())>"))
            }
        }
    }

    @Test func topLevelHelpListsSubcommandsAndGlobalOptions() {
        let text = Sample.parser.helpText()
        #expect(text.hasPrefix("OVERVIEW: Keep tamper-evident records"))
        #expect(text.contains("USAGE: antq [<global-options>] <subcommand>"))
        #expect(text.contains("GLOBAL OPTIONS:"))
        #expect(text.contains("--version"))
        for command in Sample.tool.commands {
            #expect(text.contains("  \(command.name)"))
            #expect(text.contains(command.abstract))
        }
    }

    @Test func commandHelpHasSectionsInOrder() throws {
        let text = Sample.parser.helpText(for: "summary")
        let sections = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "GLOBAL OPTIONS:"]
        let positions = try sections.map { try #require(text.firstRange(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains("-o, --format <format>"))
        #expect(text.contains("-h, --help"))
    }

    @Test func helpColumnsAreAlignedAndWrappedAt80() {
        for name in [nil] + Sample.tool.commands.map(\.name) {
            let text = Sample.parser.helpText(for: name)
            for line in text.split(separator: "\n") {
                #expect(line.count <= 80, "too long: \(line)")
            }
        }
        let text = Sample.parser.helpText(for: "summary")
        let optionLines = text.split(separator: "\n").filter { $0.hasPrefix("  --") || $0.hasPrefix("  -o") }
        let columns = Set(optionLines.compactMap { line -> Int? in
            guard let gap = line.dropFirst(2).firstRange(of: "  ") else { return nil }
            let rest = line[gap.upperBound...].drop(while: { $0 == " " })
            return line.distance(from: line.startIndex, to: rest.startIndex)
        })
        #expect(columns.count == 1, "help column not aligned: \(columns)")
    }

    @Test func longHelpWraps() {
        let long = String(repeating: "word ", count: 40)
        let tool = ToolSpec(name: "t", version: "1", abstract: "x",
                            commands: [CommandSpec(name: "c", abstract: "c", options: [.flag("f", help: long)])])
        let text = CommandLineParser(tool).helpText(for: "c")
        let lines = text.split(separator: "\n").filter { $0.contains("word") }
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func discussionIsShown() {
        #expect(Sample.parser.helpText(for: "append").contains("antq append call --count 3 --channel hotline"))
    }

    @Test func usageListsOptionsOrFallsBackToPlaceholder() {
        #expect(Sample.parser.usage(for: "verify") == "antq verify [--quiet]")
        #expect(Sample.parser.usage(for: "summary") == "antq summary [<options>] <year>")
        #expect(Sample.parser.usage(for: "log") == "antq log [--map <a=b> ...] [--reverse] [--verbose] [<file> ...]")
    }

    @Test func builtinHelpCommandIsAddedWhenNotDeclared() throws {
        let tool = ToolSpec(name: "t", version: "1", abstract: "x", commands: [CommandSpec(name: "go", abstract: "Go.")])
        let parser = CommandLineParser(tool)
        #expect(parser.helpText().contains("  help"))
        guard case .help(let text) = try parser.parse(["help", "go"]) else { Issue.record("no help"); return }
        #expect(text.hasPrefix("OVERVIEW: Go."))
    }
}
