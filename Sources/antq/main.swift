import ANTQStore
import CommandLineKit
import SystemCalls

// A write past a file-size limit must fail with EFBIG (exit 74), not kill us.
Signals.ignoreFileSizeLimit()
// Writing to a closed pipe (antq log | head) is not an error worth a crash.
Signals.ignoreBrokenPipe()
let parser = CommandLineParser(Tool.spec, translate: Tool.expandHelp)
let env = Environment.variables()
Command.startUp(env: env)

func execute() -> Int32 {
    let outcome: ParseOutcome
    do throws(ParseError) {
        outcome = try parser.parse(Array(CommandLine.arguments.dropFirst()))
    } catch .noCommand {
        // A bare `antq`: the overview, as `antq help` shows it, and no error.
        Terminal.out(parser.helpText())
        return 0
    } catch {
        Terminal.err(parser.message(for: error, vietnamese: Tool.vietnamese) + "\n")
        return CommandLineParser.usageExitCode
    }
    switch outcome {
    case .help(let text):
        if let typeHelp = TypeHelp.text(for: Array(CommandLine.arguments.dropFirst()), vietnamese: Tool.vietnamese) {
            Terminal.out(typeHelp)
            return 0
        }
        Terminal.out(text.hasSuffix("\n") ? text : text + "\n")
        return 0
    case .version(let v):
        Terminal.out(v + "\n")
        return 0
    case .run(let parsed):
        let c = Context(parsed: parsed, env: env)
        // A tool that asked `append` for JSON gets every error as JSON, in the shape of a rejected batch.
        let jsonErrors = c.format == "json" && parsed.command.name == "append"
        do {
            guard let command = Command.named(parsed.command.name) else {
                Terminal.err(ErrorReport.error(c.lang) + c.lang.t("\(parsed.command.name) is not implemented\n", "lệnh \(parsed.command.name) chưa có\n"))
                return 64
            }
            return try command(c)
        } catch let e as StoreError {
            if jsonErrors { Terminal.out(ErrorReport.json(e, c.lang)) } else { Terminal.err(ErrorReport.message(e, c.lang, command: parsed.command.name) + "\n") }
            return e.exitCode
        } catch let e as ParseError {
            Terminal.err(parser.message(for: e, vietnamese: c.lang.isVietnamese) + "\n")
            return CommandLineParser.usageExitCode
        } catch let e as CLIError {
            let m = e.message
            if jsonErrors {
                Terminal.out(ErrorReport.json(message: m.hasPrefix("error:") ? m : "error: " + m, exitCode: e.exitCode))
                return e.exitCode
            }
            let prefix = ErrorReport.error(c.lang)
            let see = c.lang.t("See 'antq help \(parsed.command.name)'.", "Xem 'antq help \(parsed.command.name)'.")
            Terminal.err((m.hasPrefix("error:") || m.hasPrefix("lỗi:") ? m : prefix + m) + (e.exitCode == 64 ? "\n" + see : "") + "\n")
            return e.exitCode
        } catch {
            Terminal.err(ErrorReport.error(c.lang) + "\(error)\n")
            return 74
        }
    }
}

CurrentProcess.exit(execute())
