import Foundation
import Testing
@testable import CommandLineKit

@Suite struct ErrorTests {
    @Test func unknownCommandSuggestsClosestName() {
        #expect(Sample.error(["sumary", "2018"]) == .unknownCommand("sumary", suggestion: "summary"))
        #expect(Sample.error(["verfiy"]) == .unknownCommand("verfiy", suggestion: "verify"))
        #expect(Sample.error(["sum"]) == .unknownCommand("sum", suggestion: "summary"))
        #expect(Sample.error(["frobnicate"]) == .unknownCommand("frobnicate", suggestion: nil))
    }

    @Test func unknownOptionSuggestsClosestName() {
        #expect(Sample.error(["summary", "2018", "--fromat", "json"])
            == .unknownOption("--fromat", command: "summary", suggestion: "--format"))
        #expect(Sample.error(["summary", "2018", "--unti=x"])
            == .unknownOption("--unti", command: "summary", suggestion: "--unit"))
        #expect(Sample.error(["summary", "2018", "--dat", "/x"])
            == .unknownOption("--dat", command: "summary", suggestion: "--data"))
    }

    @Test func singleDashLongOptionSuggestsDoubleDash() {
        #expect(Sample.error(["summary", "2018", "-format", "json"])
            == .unknownOption("-f", command: "summary", suggestion: "--format"))
    }

    @Test func unknownOptionBeforeCommandIsReportedNotItsValue() {
        #expect(Sample.error(["--dta", "/x", "summary", "2018"])
            == .unknownOption("--dta", command: "antq", suggestion: "--data"))
    }

    @Test func missingValueAtEndIsAnError() {
        #expect(Sample.error(["summary", "2018", "--unit"]) == .missingValue(option: "--unit", command: "summary"))
        #expect(Sample.error(["summary", "2018", "-o"]) == .missingValue(option: "-o", command: "summary"))
        #expect(Sample.error(["--data"]) == .missingValue(option: "--data", command: "antq"))
    }

    @Test func optionIsNotTakenAsValue() {
        #expect(Sample.error(["summary", "2018", "--unit", "--depth", "2"]) == .missingValue(option: "--unit", command: "summary"))
        #expect(Sample.error(["summary", "2018", "--unit", "--", "x"]) == .missingValue(option: "--unit", command: "summary"))
    }

    @Test func invalidChoiceListsChoices() {
        let error = Sample.error(["summary", "2018", "--format", "xml"])
        #expect(error == .invalidChoice(option: "--format", value: "xml", choices: Sample.formats))
        let message = Sample.parser.message(for: error!)
        #expect(message.contains("'xml'"))
        #expect(message.contains("text, json, csv, markdown, html"))
    }

    @Test func invalidChoiceSuggestsClosestChoice() {
        let message = Sample.parser.message(for: .invalidChoice(option: "--format", value: "jsno", choices: Sample.formats))
        #expect(message.contains("Did you mean 'json'?"))
    }

    @Test func missingArgumentNamesIt() {
        #expect(Sample.error(["summary"]) == .missingArgument(name: "YEAR", command: "summary"))
        #expect(Sample.error(["append", "--unit", "x"]) == .missingArgument(name: "TYPE", command: "append"))
    }

    @Test func unexpectedArgumentIsAnError() {
        #expect(Sample.error(["summary", "2018", "2019"]) == .unexpectedArgument("2019", command: "summary"))
        #expect(Sample.error(["verify", "x"]) == .unexpectedArgument("x", command: "verify"))
    }

    @Test func flagGivenValueIsAnError() {
        #expect(Sample.error(["log", "--reverse=yes"]) == .flagGivenValue(option: "--reverse"))
    }

    @Test func noCommandIsAnError() {
        #expect(Sample.error(["--data", "/x"]) == .noCommand)
    }

    @Test func messagesSayWhatIsWrongAndHowToFixIt() {
        let parser = Sample.parser
        let option = parser.message(for: .unknownOption("--fromat", command: "summary", suggestion: "--format"))
        #expect(option.hasPrefix("error: unknown option '--fromat' for 'antq summary'."))
        #expect(option.contains("Did you mean '--format'?"))
        #expect(option.contains("See 'antq help summary'."))

        let command = parser.message(for: .unknownCommand("sumary", suggestion: "summary"))
        #expect(command.contains("Did you mean 'summary'?"))
        #expect(command.contains("See 'antq help'"))

        let missing = parser.message(for: .missingArgument(name: "YEAR", command: "summary"))
        #expect(missing.contains("'<year>'"))
        #expect(missing.contains("Usage: antq summary"))

        let value = parser.message(for: .missingValue(option: "--format", command: "summary"))
        #expect(value.contains("--format <text|json|csv|markdown|html>"))

        for error in [ParseError.noCommand, .flagGivenValue(option: "--reverse"),
                      .unexpectedArgument("-x", command: "verify")] {
            #expect(parser.message(for: error).hasPrefix("error: "))
            #expect(!parser.message(for: error).hasSuffix("\n"))
        }
    }

    @Test func usageExitCodeIsExUsage() {
        #expect(CommandLineParser.usageExitCode == 64)
    }
}
