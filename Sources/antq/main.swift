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

let parser = CommandLineParser(Tool.spec)
// Commands that replay the log into the whole ledger: their fresh memory is
// backed by 2 MB pages (a summary on a snapshot: 3,300 page faults -> 1,000).
let buildsTheWholeState: Set<String> = ["rebuild", "snapshot", "summary", "state", "audit", "diff", "export", "verify", "site"]
let env = Environment.variables()
if env["ANTQ_PROFILE"] != nil { Profiling.enable() }

func execute() -> Int32 {
    let outcome: ParseOutcome
    do {
        outcome = try parser.parse(Array(CommandLine.arguments.dropFirst()))
    } catch {
        Terminal.err(parser.message(for: error) + "\n")
        return CommandLineParser.usageExitCode
    }
    switch outcome {
    case .help(let text):
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
                Terminal.err("error: \(parsed.command.name) is not implemented\n")
                return 64
            }
        } catch let e as StoreError {
            Terminal.err(c.format == "json" && parsed.command.name == "append" ? "" : ErrorReport.message(e, c.lang) + "\n")
            if c.format == "json" && parsed.command.name == "append" { Terminal.out(ErrorReport.json(e, c.lang)) }
            return e.exitCode
        } catch let e as ParseError {
            Terminal.err(parser.message(for: e) + "\n")
            return CommandLineParser.usageExitCode
        } catch let e as CLIError {
            let m = e.message
            if c.format == "json" && parsed.command.name == "append" {
                // Tools asked for JSON: the same shape as a rejected batch.
                Terminal.out(ErrorReport.json(message: m.hasPrefix("error:") ? m : "error: " + m, exitCode: e.exitCode))
                return e.exitCode
            }
            Terminal.err((m.hasPrefix("error:") ? m : "error: " + m) + (e.exitCode == 64 ? "\nSee 'antq help \(parsed.command.name)'." : "") + "\n")
            return e.exitCode
        } catch {
            Terminal.err("error: \(error)\n")
            return 74
        }
    }
}

exit(execute())
