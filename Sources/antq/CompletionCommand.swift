import CommandLineKit

/// `antq completion bash|zsh|fish`: the script generated from the command table,
/// so completion knows every command, option and choice `--help` knows.
enum CompletionCommand {
    static func run(_ c: Context) throws -> Int32 {
        guard let name = c.parsed.arguments.first, let shell = Shell(rawValue: name) else {
            throw CLIError.usage(c.lang.t("completion needs a shell: bash, zsh or fish", "completion cần tên shell: bash, zsh hoặc fish"))
        }
        Terminal.out(CommandLineParser(Tool.spec).completionScript(shell: shell))
        return 0
    }
}
