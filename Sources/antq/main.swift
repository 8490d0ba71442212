import ANTQStore
import CommandLineKit
import SystemCalls
#if canImport(Glibc)
import Glibc
#endif

// A write past a file-size limit must fail with EFBIG (exit 74), not kill us.
signal(SIGXFSZ, SIG_IGN)
// Writing to a closed pipe (antq log | head) is not an error worth a crash.
signal(SIGPIPE, SIG_IGN)
// Grow malloc's heaps 16 MB at a time: the cores decoding a snapshot's
// models each grew their arena a little per mprotect call, a tenth of a
// summary's CPU. Untouched pages cost no memory.
MallocTuning.growHeaps(by: 16 << 20)

let translateHeadings: @Sendable (String) -> String = { Tool.headings[$0] ?? $0 }
let parser = CommandLineParser(Tool.spec, translate: Tool.vietnamese ? translateHeadings : nil)
// Commands that replay the log into the whole ledger: their fresh memory is
// backed by 2 MB pages (a summary on a snapshot: 3,300 page faults -> 1,000).
let buildsTheWholeState: Set<String> = ["rebuild", "snapshot", "summary", "state", "audit", "diff", "export", "verify", "site"]
let env = Environment.variables()
if env["ANTQ_PROFILE"] != nil { Profiling.enable() }

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
        if buildsTheWholeState.contains(parsed.command.name) { MallocTuning.enableHugePages() }
        do {
            switch parsed.command.name {
            case "init": return try InitCommand.run(c)
            case "append": return try AppendCommand.run(c)
            case "correct": return try AmendCommands.run(c, retract: false)
            case "retract": return try AmendCommands.run(c, retract: true)
            case "log": return try LogCommand.run(c)
            case "units": return try UnitsCommand.run(c)
            case "verify": return try VerifyCommand.run(c)
            case "rebuild": return try RebuildCommand.run(c)
            case "snapshot": return try RebuildCommand.snapshot(c)
            case "summary": return try ReportCommands.summary(c)
            case "state": return try ReportCommands.state(c)
            case "audit": return try AuditCommands.audit(c)
            case "diff": return try AuditCommands.diff(c)
            case "site": return try SiteCommand.run(c)
            case "import": return try ImportCommand.run(c)
            case "export": return try ExportCommand.run(c)
            case "figures": return try FiguresCommand.run(c)
            case "completion": return try CompletionCommand.run(c)
            default:
                Terminal.err(ErrorReport.error(c.lang) + c.lang.t("\(parsed.command.name) is not implemented\n", "lệnh \(parsed.command.name) chưa có\n"))
                return 64
            }
        } catch let e as StoreError {
            Terminal.err(c.format == "json" && parsed.command.name == "append" ? "" : ErrorReport.message(e, c.lang) + "\n")
            if c.format == "json" && parsed.command.name == "append" { Terminal.out(ErrorReport.json(e, c.lang)) }
            return e.exitCode
        } catch let e as ParseError {
            Terminal.err(parser.message(for: e, vietnamese: c.lang.isVietnamese) + "\n")
            return CommandLineParser.usageExitCode
        } catch let e as CLIError {
            let m = e.message
            if c.format == "json" && parsed.command.name == "append" {
                // Tools asked for JSON: the same shape as a rejected batch.
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

exit(execute())
