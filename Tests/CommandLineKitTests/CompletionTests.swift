import Foundation
import Testing
@testable import CommandLineKit

/// Runs a shell with `arguments`, returning exit status and combined output, or nil
/// when the shell is not installed (so zsh/fish checks are skipped, not failed).
func runShell(_ shell: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
    let path = ["/usr/bin/\(shell)", "/bin/\(shell)", "/usr/local/bin/\(shell)", "/opt/homebrew/bin/\(shell)"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let path else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func writeTemporary(_ text: String, suffix: String) throws -> String {
    let path = NSTemporaryDirectory() + "clk-\(UUID().uuidString)\(suffix)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite struct CompletionTests {
    let parser = Sample.parser

    @Test func bashScriptIsValidSyntax() throws {
        let path = try writeTemporary(parser.completionScript(shell: .bash), suffix: ".bash")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try #require(try runShell("bash", ["-n", path]))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func zshScriptIsValidSyntaxIfZshExists() throws {
        let path = try writeTemporary(parser.completionScript(shell: .zsh), suffix: ".zsh")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let result = try runShell("zsh", ["-n", path]) else { return } // zsh not installed
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func fishScriptIsValidSyntaxIfFishExists() throws {
        let path = try writeTemporary(parser.completionScript(shell: .fish), suffix: ".fish")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let result = try runShell("fish", ["--no-execute", path]) else { return } // fish not installed
        #expect(result.status == 0, "\(result.output)")
    }

    /// Sources the bash script in a real bash, sets COMP_WORDS/COMP_CWORD and prints COMPREPLY.
    func bashComplete(_ words: [String]) throws -> [String] {
        let path = try writeTemporary(parser.completionScript(shell: .bash), suffix: ".bash")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let quoted = words.map { "'" + $0.replacing("'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
        source '\(path)' || exit 3
        complete -p antq >/dev/null || exit 4
        COMP_WORDS=(\(quoted))
        COMP_CWORD=\(words.count - 1)
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        _antq
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let result = try #require(try runShell("bash", ["--norc", "--noprofile", "-c", program]))
        #expect(result.status == 0, "\(result.output)")
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandNames() throws {
        #expect(try bashComplete(["antq", "su"]) == ["summary"])
        #expect(try Set(bashComplete(["antq", ""])) == Set(Sample.tool.commands.map(\.name)))
    }

    @Test func bashCompletesCommandAfterGlobalOption() throws {
        #expect(try bashComplete(["antq", "--data", "/x", "ve"]) == ["verify"])
    }

    @Test func bashCompletesOptionsOfTheCommand() throws {
        #expect(try bashComplete(["antq", "summary", "--for"]) == ["--format"])
        #expect(try bashComplete(["antq", "summary", "2018", "--as"]) == ["--as-of"])
        #expect(try bashComplete(["antq", "verify", "--d"]) == ["--data"])
        #expect(try bashComplete(["antq", "--v"]) == ["--version"])
    }

    @Test func bashCompletesChoicesOfOptions() throws {
        #expect(try Set(bashComplete(["antq", "summary", "--format", ""])) == Set(Sample.formats))
        #expect(try bashComplete(["antq", "summary", "-o", "j"]) == ["json"])
        #expect(try Set(bashComplete(["antq", "append", "x", "--format", ""])) == ["text", "json"])
        #expect(try Set(bashComplete(["antq", "--lang", ""])) == ["vi", "en"])
        #expect(try bashComplete(["antq", "log", "--lang", "e"]) == ["en"])
    }

    @Test func bashCompletesSubcommandNamesAfterHelp() throws {
        #expect(try bashComplete(["antq", "help", "ap"]) == ["append"])
    }

    /// Asks a real fish for completions with `complete -C`; nil when fish is not installed.
    func fishComplete(_ line: String) throws -> [String]? {
        let path = try writeTemporary(parser.completionScript(shell: .fish), suffix: ".fish")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let escaped = line.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
        guard let result = try runShell("fish", ["--no-config", "-c", "source '\(path)'; complete -C '\(escaped)'"]) else {
            return nil
        }
        #expect(result.status == 0, "\(result.output)")
        return result.output.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
    }

    @Test func fishCompletesCommandsOptionsAndChoicesIfFishExists() throws {
        guard let commands = try fishComplete("antq su") else { return } // fish not installed
        #expect(commands == ["summary"])
        #expect(try fishComplete("antq summary --for") == ["--format"])
        #expect(try Set(fishComplete("antq summary --format ") ?? []) == Set(Sample.formats))
        #expect(try fishComplete("antq --data /x ve") == ["verify"])
        #expect(try Set(fishComplete("antq --lang ") ?? []) == ["vi", "en"])
    }

    @Test(arguments: Shell.allCases)
    func scriptsMentionEveryCommandOptionAndChoice(shell: Shell) {
        let script = parser.completionScript(shell: shell)
        for command in Sample.tool.commands {
            #expect(script.contains(command.name))
            for option in command.options + Sample.tool.globalOptions {
                #expect(script.contains(option.name), "\(shell) lacks \(option.name)")
                for choice in option.choices ?? [] {
                    #expect(script.contains(choice))
                }
            }
        }
    }

    @Test func helpTextWithQuotesIsEscaped() throws {
        let tool = ToolSpec(name: "t", version: "1", abstract: "x", commands: [
            CommandSpec(name: "c", abstract: "It's [odd]: \"quoted\"",
                        options: [.option("x", value: "V", help: "Don't [break]: \\ me", choices: ["a"])]),
        ])
        let script = CommandLineParser(tool).completionScript(shell: .bash)
        let path = try writeTemporary(script, suffix: ".bash")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try #require(try runShell("bash", ["-n", path])).status == 0)
        for (shell, flag, suffix) in [("zsh", "-n", ".zsh"), ("fish", "--no-execute", ".fish")] {
            let p = try writeTemporary(CommandLineParser(tool).completionScript(shell: Shell(rawValue: shell)!), suffix: suffix)
            defer { try? FileManager.default.removeItem(atPath: p) }
            if let result = try runShell(shell, [flag, p]) { #expect(result.status == 0, "\(shell): \(result.output)") }
        }
    }
}
