import ANTQDomain
import CommandLineKit

/// The declared command table: parsing, `--help`, "did you mean" and shell
/// completion are all generated from it, so they cannot drift apart.
enum Tool {
    static let version = "1.0.0"

    static let formats = ["text", "json"]
    static let reportFormats = ["text", "markdown", "csv", "json", "html"]
    /// `summary` and `state` also write a workbook.
    static let tableFormats = reportFormats + ["xlsx"]
    static let output = OptionSpec.option("output", value: "FILE", help: "Write to FILE instead of standard output (required for xlsx on a terminal).")

    static let global: [OptionSpec] = [
        .option("data", short: "d", value: "DIR", help: "Data directory (holds events/ and snapshots/).", default: "$ANTQ_DATA, else the current directory"),
        .option("lang", value: "LANG", help: "Language of reports and messages.", choices: ["vi", "en"], default: "from LC_ALL/LANG"),
        .option("key-file", value: "PATH", help: "HMAC key of a keyed log (keep it outside the data directory).", default: "$ANTQ_KEY_FILE"),
    ]

    static let asOf = OptionSpec.option("as-of", value: "DATE|INSTANT",
                                        help: "Use only what was recorded up to then: a day (YYYY-MM-DD, to its end in Vietnam time) or an RFC 3339 instant.")
    static let unit = OptionSpec.option("unit", short: "u", value: "UNIT", help: "Unit code or name (diacritics optional).")

    static let period = OptionSpec.option("period", short: "p", value: "PERIOD",
                                          help: "Reporting period: 2018, 2018-H1, 2018-Q3, 2018-05, ranges (2018-01..2018-08, 2013..2022), days (2018-01-01..today).")
    static let codes = OptionSpec.flag("codes", help: "Show figure names (codes) next to labels in text and Markdown.")
    static let periodForms = "Periods: 2018 (year), 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2013..2022, 2018-01-01..2018-05-31, 2018-01-01..today; months, quarters and halves run from the log's period start."

    static let spec = ToolSpec(
        name: "antq", version: version,
        abstract: "Event-sourced record keeper for the movement for the whole people to protect national security (ANTQ).",
        commands: [
            CommandSpec(name: "init", abstract: "Create a data directory with a new log.",
                        discussion: "Creates DIR/events/log.jsonl (first event log.created) and DIR/snapshots/.\nExample: antq init ./binh-duong --period-start 12-15",
                        arguments: [ArgumentSpec(name: "dir", help: "Directory to create (default: --data, else the current directory).", optional: true)],
                        options: [.option("period-start", value: "MM-DD", help: "First day of the reporting year, kept in the log.", default: "01-01"),
                                  .option("by", value: "NAME", help: "Who creates the log.", default: "$ANTQ_USER, else the OS user"),
                                  .flag("keyed", help: "Chain lines with HMAC-SHA256 using --key-file (which must exist, mode 600).")]),
            CommandSpec(name: "append", abstract: "Append one event, or a batch of JSON lines.",
                        discussion: """
                        One event:  antq append arrest.made --unit "Phú Cường" --occurred 2018-05-14 --count 2 --caught-in-act true
                        A batch:    antq append --file events.jsonl   (or 'antq append -' to read standard input)
                        Every field of the event's data is given as --FIELD VALUE (dashes or underscores).
                        A batch is all or nothing: one bad line and nothing is appended; every bad line is reported.
                        Types: unit.registered unit.changed unit.merged tip.received case.solved arrest.made weapon.seized
                        award.granted model.established model.changed model.dissolved camera.installed camera.removed
                        event.corrected event.retracted figure.asserted
                        """,
                        arguments: [ArgumentSpec(name: "type", help: "Event type, or '-' to read a batch from standard input.", optional: true)],
                        options: [unit,
                                  .option("occurred", value: "DATE", help: "Day it happened (YYYY-MM-DD or dd/mm/yyyy)."),
                                  .option("by", value: "NAME", help: "Who records it.", default: "$ANTQ_USER, else the OS user"),
                                  .option("id", value: "UUID", help: "Event id (default: a new random UUID)."),
                                  .option("file", short: "f", value: "FILE", help: "Read a batch of JSON lines from FILE."),
                                  .option("expect-seq", value: "N", help: "Refuse (exit 75) unless the log's last seq is N."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")],
                        acceptsExtraOptions: true),
            CommandSpec(name: "correct", abstract: "Correct an event: append event.corrected.",
                        discussion: "Give the fields that were wrong; the rest stay as they were.\nExample: antq correct 1234 --reason \"counted twice\" --count 2",
                        arguments: [ArgumentSpec(name: "seq", help: "Seq of the event to correct.")],
                        options: [.option("reason", value: "TEXT", help: "Why (required)."),
                                  .option("occurred", value: "DATE", help: "Correct the day it happened."),
                                  unit,
                                  .option("by", value: "NAME", help: "Who records the correction."),
                                  .option("expect-seq", value: "N", help: "Refuse unless the log's last seq is N."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")],
                        acceptsExtraOptions: true),
            CommandSpec(name: "retract", abstract: "Retract an event: append event.retracted.",
                        arguments: [ArgumentSpec(name: "seq", help: "Seq of the event to retract.")],
                        options: [.option("reason", value: "TEXT", help: "Why (required)."),
                                  .option("by", value: "NAME", help: "Who records the retraction."),
                                  .option("expect-seq", value: "N", help: "Refuse unless the log's last seq is N."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "log", abstract: "List events.",
                        options: [.option("type", short: "t", value: "TYPE", help: "Only this type (prefix 'unit.' matches all unit events)."),
                                  unit,
                                  .option("year", value: "YEAR", help: "Only events that occurred in this calendar year."),
                                  .option("from", value: "DATE|SEQ", help: "Only events that occurred on or after this day, or from this seq on (a whole number)."),
                                  .option("to", value: "DATE", help: "Only events that occurred on or before this day."),
                                  .option("format", short: "o", value: "FORMAT", help: "text, or json (the stored lines, verbatim).", choices: formats, default: "text")]),
            CommandSpec(name: "units", abstract: "List administrative units.",
                        options: [.flag("tree", help: "Show the unit tree."), asOf,
                                  .option("date", value: "DATE", help: "The tree as it stood on this day."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "verify", abstract: "Check the whole log: strict JSON, catalogue, seq, hash chain, recorded order, asserted figures.",
                        discussion: "Exit 0 only when clean; problems are named as events/log.jsonl:LINE: what is wrong.",
                        options: [.option("fingerprint", value: "SEQ:HASH", help: "Also confirm the log still begins with this state (from a printed report)."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "rebuild", abstract: "Replay the log into the projections and write fresh snapshots.",
                        options: [.flag("from-scratch", help: "Ignore existing snapshots and replay from event 1."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "snapshot", abstract: "Write a snapshot of the projections now.",
                        options: [.option("period-start", value: "MM-DD", help: "For this reporting-year start (default: the log's).")]),
            CommandSpec(name: "state", abstract: "Community models, cameras and communes with a club, as they stand.",
                        options: [unit, asOf,
                                  .option("date", value: "DATE", help: "State on this day (default: today)."),
                                  .option("depth", value: "N", help: "List units down to N levels below.", default: "1"),
                                  .flag("models", help: "List every active model (text format)."),
                                  codes, output,
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: tableFormats, default: "text")]),
            CommandSpec(name: "summary", abstract: "Summary of a period per locality, rolled up commune → district → province.",
                        discussion: "Example: antq summary 2018 --as-of 2019-03-28   (what was known on the day of the review conference)\n" + periodForms,
                        arguments: [ArgumentSpec(name: "period", help: "Reporting period (2018, 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2018-01-01..today).", optional: true)],
                        options: [unit, period,
                                  .option("depth", value: "N", help: "List units down to N levels below.", default: "1"),
                                  asOf,
                                  .option("period-start", value: "MM-DD", help: "Reporting year starts on this day (default: the log's)."),
                                  .option("compare", value: "same-period|previous|PERIOD", help: "Show values, change and percent change against the same period a year earlier (cùng kỳ), the period before, or another period."),
                                  codes, output,
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: tableFormats, default: "text")]),
            CommandSpec(name: "audit", abstract: "The history of a figure: its events, corrections, timeline and announced value.",
                        discussion: "Examples:\n  antq audit arrests --period 2018\n  antq audit models.shock_team.members --period 2018-H1 --unit 74\n  antq audit --event 1234\n'antq figures' lists the figure names.",
                        arguments: [ArgumentSpec(name: "figure", help: "Figure name ('antq figures' lists them).", optional: true)],
                        options: [period, .option("year", value: "YEAR", help: "Reporting year (the same as --period YEAR)."), unit, asOf,
                                  .option("event", value: "SEQ", help: "Instead: one event's status and every figure it contributes to."),
                                  .option("period-start", value: "MM-DD", help: "Reporting year starts on this day (default: the log's)."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: reportFormats, default: "text")]),
            CommandSpec(name: "diff", abstract: "Every figure that differs between two knowledge dates, with the events responsible.",
                        discussion: "Example: antq diff --as-of 2019-03-28 2018   (what changed since the announcement)",
                        arguments: [ArgumentSpec(name: "period", help: "Only this period (as --period).", optional: true)],
                        options: [.option("as-of", value: "DATE|INSTANT", help: "The earlier date; give it twice for two dates (the second defaults to now).", repeatable: true),
                                  period,
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: ["text", "json"], default: "text")]),
            CommandSpec(name: "import", abstract: "Append the rows of a spreadsheet (CSV) as events of one type, all or nothing.",
                        discussion: """
                        Example: antq import tin-bao-2018.csv --type tip.received
                        The file: UTF-8 with or without BOM; separator , ; or tab (detected); quoted cells may hold
                        separators and line breaks. One bad row and nothing is appended; every bad row is named FILE:LINE.
                        Recognised headers (any case, diacritics optional; English field names work too):
                          Ngày, Ngày xảy ra -> occurred (dd/mm/yyyy or yyyy-mm-dd)
                          Đơn vị, Xã, phường, Địa bàn, Mã đơn vị -> unit (code, or name with or without diacritics)
                          Số lượng, Số đối tượng, Số vụ, Số tin -> count (quantity for weapons, members for models)
                          Số thành viên, Hội viên -> members    Kênh -> channel    Có giá trị -> valuable (có/không, x)
                          Loại -> category (cases), kind (weapons, models, units), recipient_kind (awards)
                          Tập thể/cá nhân -> recipient_kind   Người được khen -> recipient   Cấp khen -> issuer
                          Hình thức -> form   Lý do -> reason   Vụ án -> case   Bắt quả tang -> caught_in_act
                          Mã mô hình -> model   Tên -> name   Người nhập -> by   STT -> skipped
                        Values may be Vietnamese: "Ma túy" -> drugs, "Bằng khen" -> certificate_of_merit, "5.000" -> 5000.
                        A file written by 'antq export' imports as it is (its seq, recorded, unit_name columns are skipped).
                        """,
                        arguments: [ArgumentSpec(name: "file", help: "The CSV file.")],
                        options: [.option("type", short: "t", value: "TYPE", help: "Event type of every row.",
                                          choices: EventType.allCases.filter(ImportColumns.isImportable).map(\.rawValue)),
                                  .option("indicator", value: "NAME", help: "With --type indicator.recorded: the declared indicator every row records."),
                                  .option("map", value: "COLUMN=FIELD", help: "Read COLUMN as FIELD (COLUMN=- skips it).", repeatable: true),
                                  .option("by", value: "NAME", help: "Who records the rows (a 'Người nhập' column wins).", default: "$ANTQ_USER, else the OS user"),
                                  .option("separator", value: "SEP", help: "Field separator.", choices: ["auto", "comma", "semicolon", "tab"], default: "auto"),
                                  .option("expect-seq", value: "N", help: "Refuse (exit 75) unless the log's last seq is N."),
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "export", abstract: "Write events as CSV or an .xlsx workbook for a spreadsheet, one row per event.",
                        discussion: """
                        Columns: seq, id, type, occurred, recorded, unit, unit_name, by, status, then every data field (count, channel, …).
                        By default the facts in force: corrections applied, retracted events left out, so a column's total is antq's figure.
                        Example: antq export --type tip.received --year 2018 --bom > tin-bao-2018.csv   (--bom: for Excel)
                        Example: antq export --type arrest.made --year 2018 --format xlsx --output bat-giu-2018.xlsx
                        A text cell beginning with = + - @ TAB or CR gets a leading ' in CSV (never a formula in xlsx).
                        """,
                        options: [.option("type", short: "t", value: "TYPE", help: "Only this type (prefix 'award' matches award.*)."),
                                  .option("year", value: "YEAR", help: "Only events that occurred in this calendar year."),
                                  period,
                                  unit,
                                  .flag("history", help: "Every stored event as written, with its status (corrected by, retracted by), instead of the facts in force."),
                                  .flag("bom", help: "Start with a UTF-8 byte-order mark and end lines with CR LF (Excel)."),
                                  .option("separator", value: "SEP", help: "Field separator.", choices: ["comma", "semicolon", "tab"], default: "comma"),
                                  output,
                                  .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: ["csv", "xlsx"], default: "csv")]),
            CommandSpec(name: "figures", abstract: "List every figure of the log: built-in and declared, with labels and units.",
                        options: [asOf, .option("format", short: "o", value: "FORMAT", help: "Output format.", choices: formats, default: "text")]),
            CommandSpec(name: "completion", abstract: "Print a shell completion script.",
                        discussion: "bash: source <(antq completion bash)\nzsh:  antq completion zsh > \"${fpath[1]}/_antq\"\nfish: antq completion fish > ~/.config/fish/completions/antq.fish",
                        arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.", choices: ["bash", "zsh", "fish"])]),
        ],
        globalOptions: global)
}
