import SystemCalls

/// Every command's entry point and what it asks of the machine, in one
/// table next to the command specs of `Tool.spec` (a test holds the two
/// to the same names). `main.swift` dispatches through it; low-level tuning
/// is decided here and nowhere else.
struct Command: Sendable {
    let name: String
    let tuning: Tuning
    let run: @Sendable (Context) throws -> Int32

    init(_ name: String, _ tuning: Tuning, _ run: @escaping @Sendable (Context) throws -> Int32) {
        self.name = name
        self.tuning = tuning
        self.run = run
    }

    /// What the allocator is told before the command runs.
    enum Tuning: Sendable {
        /// Short commands, and `rebuild`/`snapshot`: the allocator as it is.
        /// A rebuild reads the whole log but keeps little of it (flows are
        /// sums): with huge pages its every touched 2 MB counts whole in its
        /// memory for no gain in time (the benchmark's rebuild rows hold both).
        case lean
        /// Commands that replay the log into the whole ledger: fresh memory
        /// backed by huge pages, on the main thread and every worker
        /// (`ParallelWork`), so the state is faulted in a few large pages.
        case wholeState
        /// `append`: lean for one event, `wholeState` for a batch (a batch
        /// may hold a million events).
        case wholeStateForABatch

        func applies(to c: Context) -> Bool {
            switch self {
            case .lean: false
            case .wholeState: true
            case .wholeStateForABatch: c.parsed.value("file") != nil || c.parsed.arguments.first == "-"
            }
        }
    }

    static let table: [Command] = [
        Command("init", .lean, InitCommand.run),
        Command("append", .wholeStateForABatch, AppendCommand.run),
        Command("correct", .lean) { try AmendCommands.run($0, retract: false) },
        Command("retract", .lean) { try AmendCommands.run($0, retract: true) },
        Command("log", .lean, LogCommand.run),
        Command("units", .lean, UnitsCommand.run),
        Command("verify", .wholeState, VerifyCommand.run),
        Command("rebuild", .lean, RebuildCommand.run),
        Command("snapshot", .lean, RebuildCommand.snapshot),
        Command("summary", .wholeState, ReportCommands.summary),
        Command("state", .wholeState, ReportCommands.state),
        Command("audit", .wholeState, AuditCommands.audit),
        Command("diff", .wholeState, AuditCommands.diff),
        Command("site", .wholeState, SiteCommand.run),
        Command("import", .lean, ImportCommand.run),
        Command("export", .wholeState, ExportCommand.run),
        Command("figures", .lean, FiguresCommand.run),
        Command("completion", .lean, CompletionCommand.run),
    ]

    static func named(_ name: String) -> Command? { table.first { $0.name == name } }

    /// Process-wide settings made once at start-up, before any command:
    /// heaps grow 16 MB at a time (threads that allocate a lot at once
    /// otherwise grow their arena one `mprotect` at a time; untouched pages
    /// cost no memory), and the profile is on when `ANTQ_PROFILE` is set.
    static func startUp(env: [String: String]) {
        MallocTuning.growHeaps(by: 16 << 20)
        if env["ANTQ_PROFILE"] != nil { Profiling.enable() }
    }

    /// Runs the command after applying its tuning.
    func callAsFunction(_ c: Context) throws -> Int32 {
        if tuning.applies(to: c) { MallocTuning.enableHugePages() }
        return try run(c)
    }
}
