import Foundation
import Testing
@testable import CommandLineKit

@Suite struct ParsingTests {
    @Test func commandWithArgumentAndOptions() throws {
        let parsed = try Sample.run(["summary", "2018", "--unit", "north", "--depth", "3"])
        #expect(parsed.command.name == "summary")
        #expect(parsed.arguments == ["2018"])
        #expect(parsed.value("unit") == "north")
        #expect(parsed.value("--depth") == "3")
        #expect(parsed.value("as-of") == nil)
    }

    @Test func equalsSyntax() throws {
        let parsed = try Sample.run(["summary", "2018", "--format=json", "--as-of=2018-12-31"])
        #expect(parsed.value("format") == "json")
        #expect(parsed.value("as-of") == "2018-12-31")
    }

    @Test func equalsSyntaxKeepsLaterEqualsSigns() throws {
        let parsed = try Sample.run(["log", "--map=a=b"])
        #expect(parsed.values("map") == ["a=b"])
    }

    @Test func shortOptionTakesNextValue() throws {
        let parsed = try Sample.run(["summary", "-o", "csv", "2018"])
        #expect(parsed.value("format") == "csv")
        #expect(parsed.arguments == ["2018"])
    }

    @Test func shortOptionAttachedValue() throws {
        #expect(try Sample.run(["summary", "2018", "-ojson"]).value("format") == "json")
        #expect(try Sample.run(["summary", "2018", "-o=csv"]).value("format") == "csv")
    }

    @Test func shortFlagsCanBeClustered() throws {
        let parsed = try Sample.run(["log", "-rv"])
        #expect(parsed.flag("reverse"))
        #expect(parsed.flag("verbose"))
    }

    @Test func flagsAreFalseUnlessGiven() throws {
        let parsed = try Sample.run(["log", "-r"])
        #expect(parsed.flag("reverse"))
        #expect(!parsed.flag("verbose"))
    }

    @Test func globalOptionAcceptedBeforeCommand() throws {
        let parsed = try Sample.run(["--data", "/x", "summary", "2018"])
        #expect(parsed.value("data") == "/x")
        #expect(parsed.arguments == ["2018"])
    }

    @Test func globalOptionAcceptedAfterCommand() throws {
        let parsed = try Sample.run(["summary", "2018", "--data", "/x", "--lang=en"])
        #expect(parsed.value("data") == "/x")
        #expect(parsed.value("lang") == "en")
        #expect(parsed.arguments == ["2018"])
    }

    @Test func globalChoicesAreValidated() {
        #expect(Sample.error(["--lang", "fr", "verify"]) == .invalidChoice(option: "--lang", value: "fr", choices: ["vi", "en"]))
    }

    @Test func doubleDashMakesRestPositional() throws {
        let parsed = try Sample.run(["log", "--", "--reverse", "-v", "-"])
        #expect(parsed.arguments == ["--reverse", "-v", "-"])
        #expect(!parsed.flag("reverse"))
    }

    @Test func loneDashIsPositional() throws {
        let parsed = try Sample.run(["log", "-", "-r"])
        #expect(parsed.arguments == ["-"])
        #expect(parsed.flag("reverse"))
    }

    @Test func loneDashCanBeAnOptionValue() throws {
        #expect(try Sample.run(["append", "call", "-f", "-"]).values("file") == ["-"])
    }

    @Test func negativeNumberAfterOptionIsValue() throws {
        let parsed = try Sample.run(["summary", "2018", "--depth", "-5", "--period-start", "-1.5"])
        #expect(parsed.value("depth") == "-5")
        #expect(parsed.value("period-start") == "-1.5")
    }

    @Test func negativeNumberIsPositional() throws {
        #expect(try Sample.run(["summary", "-2018"]).arguments == ["-2018"])
    }

    @Test func repeatableOptionCollectsAllValues() throws {
        let parsed = try Sample.run(["log", "--map", "A=B", "--map", "C=D", "-r"])
        #expect(parsed.values("map") == ["A=B", "C=D"])
        #expect(parsed.value("map") == "C=D")
    }

    @Test func repeatedSingleOptionKeepsLastValue() throws {
        #expect(try Sample.run(["summary", "2018", "--unit", "a", "--unit", "b"]).value("unit") == "b")
    }

    @Test func extraOptionsAreCollectedInOrder() throws {
        let parsed = try Sample.run(["append", "call", "--count", "3", "--unit", "north", "--channel=hotline", "--note", "-1"])
        #expect(parsed.arguments == ["call"])
        #expect(parsed.value("unit") == "north")
        #expect(parsed.extra.map(\.name) == ["count", "channel", "note"])
        #expect(parsed.extra.map(\.value) == ["3", "hotline", "-1"])
    }

    @Test func extraOptionWithoutValueIsAnError() {
        #expect(Sample.error(["append", "call", "--count"]) == .missingValue(option: "--count", command: "append"))
        #expect(Sample.error(["append", "call", "--count", "--channel", "x"]) == .missingValue(option: "--count", command: "append"))
    }

    @Test func extraOptionsAreRejectedByOtherCommands() {
        #expect(Sample.error(["summary", "2018", "--count", "3"])
            == .unknownOption("--count", command: "summary", suggestion: nil))
    }

    @Test func variadicArgumentTakesAll() throws {
        #expect(try Sample.run(["log", "a", "b", "c"]).arguments == ["a", "b", "c"])
        #expect(try Sample.run(["log"]).arguments == [])
    }

    @Test func parsedCommandCanBeBuiltDirectly() {
        let parsed = ParsedCommand(command: Sample.tool.commands[0], options: [("unit", "x"), ("verbose", nil)])
        #expect(parsed.value("unit") == "x")
        #expect(parsed.flag("verbose"))
    }

    @Test func versionFlag() throws {
        guard case .version(let text) = try Sample.parser.parse(["--version"]) else {
            Issue.record("expected version"); return
        }
        #expect(text == "antq 1.2.3")
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["help"], [],
    ])
    func topLevelHelpRequests(argv: [String]) throws {
        if argv.isEmpty {
            #expect(Sample.error(argv) == .noCommand)
            return
        }
        let text = try #require(Sample.helpText(argv))
        #expect(text.contains("SUBCOMMANDS:"))
    }

    @Test(arguments: [
        ["help", "summary"], ["summary", "--help"], ["summary", "-h"], ["--data", "/x", "summary", "--help"],
    ])
    func commandHelpRequests(argv: [String]) throws {
        let text = try #require(Sample.helpText(argv))
        #expect(text.hasPrefix("OVERVIEW: Summarise a year."))
        #expect(text == Sample.parser.helpText(for: "summary"))
    }

    @Test func helpWinsOverOtherErrors() {
        #expect(Sample.helpText(["summary", "--fromat", "x", "--help"]) == Sample.parser.helpText(for: "summary"))
        #expect(Sample.helpText(["summary", "--help"]) != nil) // missing YEAR is not reported
    }

    @Test func helpForUnknownCommandIsAnError() {
        #expect(Sample.error(["help", "sumary"]) == .unknownCommand("sumary", suggestion: "summary"))
    }
}
