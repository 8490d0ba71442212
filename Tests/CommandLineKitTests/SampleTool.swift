import Foundation
import CommandLineKit

/// A table shaped like antq's, shared by all tests.
enum Sample {
    static let formats = ["text", "json", "csv", "markdown", "html"]

    static let tool = ToolSpec(
        name: "antq", version: "1.2.3",
        abstract: "Keep tamper-evident records of events and summarise them.",
        commands: [
            CommandSpec(name: "init", abstract: "Create a new data directory.",
                        options: [.option("unit", value: "UNIT", help: "Name of the reporting unit.")]),
            CommandSpec(
                name: "append", abstract: "Append one record.",
                discussion: "Fields beyond the declared options are given as --FIELD VALUE.\n\nExample:\n  antq append call --count 3 --channel hotline",
                arguments: [ArgumentSpec(name: "TYPE", help: "The record type.")],
                options: [
                    .option("unit", value: "UNIT", help: "Reporting unit."),
                    .option("occurred", value: "DATE", help: "When it happened.", default: "now"),
                    .option("by", value: "NAME", help: "Who recorded it."),
                    .option("file", short: "f", value: "FILE", help: "Attach a file.", repeatable: true),
                    .option("expect-seq", value: "N", help: "Fail unless the next sequence number is N."),
                    .option("format", value: "FORMAT", help: "Output format.", choices: ["text", "json"], default: "text"),
                ],
                acceptsExtraOptions: true),
            CommandSpec(name: "log", abstract: "Show records.",
                        arguments: [ArgumentSpec(name: "FILE", help: "Files to read, '-' for stdin.", optional: true, variadic: true)],
                        options: [.option("map", value: "A=B", help: "Rename a field.", repeatable: true),
                                  .flag("reverse", short: "r", help: "Newest first."),
                                  .flag("verbose", short: "v", help: "Show every field.")]),
            CommandSpec(name: "verify", abstract: "Check the hash chain.",
                        options: [.flag("quiet", short: "q", help: "Print nothing on success.")]),
            CommandSpec(
                name: "summary", abstract: "Summarise a year.",
                arguments: [ArgumentSpec(name: "YEAR", help: "The year to summarise.")],
                options: [
                    .option("unit", value: "UNIT", help: "Restrict to one unit."),
                    .option("depth", value: "N", help: "How many levels to show.", default: "2"),
                    .option("as-of", value: "DATE", help: "Ignore records after this date."),
                    .option("period-start", value: "MONTH", help: "First month of the reporting year.", default: "1"),
                    .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text"),
                ]),
            CommandSpec(name: "help", abstract: "Show help for a subcommand.",
                        arguments: [ArgumentSpec(name: "subcommand", help: "The subcommand.", optional: true)]),
        ],
        globalOptions: [
            .option("data", value: "DIR", help: "Data directory.", default: "~/.antq"),
            .option("lang", value: "LANG", help: "Language of messages.", choices: ["vi", "en"], default: "vi"),
        ])

    static let parser = CommandLineParser(tool)

    /// Parses and expects `.run`.
    static func run(_ argv: [String]) throws -> ParsedCommand {
        switch try parser.parse(argv) {
        case .run(let parsed): return parsed
        case .help(let text): throw Unexpected(description: "help: \(text.prefix(40))")
        case .version(let text): throw Unexpected(description: "version: \(text)")
        }
    }

    /// Parses and returns the thrown ParseError, or nil when parsing succeeded.
    static func error(_ argv: [String]) -> ParseError? {
        do {
            _ = try parser.parse(argv)
            return nil
        } catch {
            return error
        }
    }

    static func helpText(_ argv: [String]) -> String? {
        if case .help(let text)? = try? parser.parse(argv) { return text }
        return nil
    }

    struct Unexpected: Error, CustomStringConvertible { var description: String }
}
