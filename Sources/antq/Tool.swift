import ANTQDomain
import ANTQReports
import CommandLineKit
import SystemCalls

/// The declared command table: parsing, `--help`, "did you mean" and shell
/// completion are all generated from it, so they cannot drift apart.
enum Tool {
    static let version = "1.0.0"

    /// Every event type a user can append, from the catalogue (a list written
    /// here by hand left out the declarations and, in Vietnamese, the reorganisation).
    static let appendableTypes = EventType.allCases.filter { $0 != .logCreated }.map(\.rawValue).joined(separator: " ")

    /// The reader's language for help, decided once from `--lang` on the command
    /// line, else `LC_ALL`/`LC_MESSAGES`/`LANG`, as every other message is.
    static let vietnamese: Bool = {
        let args = Array(CommandLine.arguments.dropFirst())
        var option: String?
        for (i, a) in args.enumerated() {
            if a == "--lang", i + 1 < args.count { option = args[i + 1] }
            if a.hasPrefix("--lang=") { option = String(a.dropFirst(7)) }
        }
        return Language.from(option: option, environment: Environment.variables()) == .vi
    }()

    /// English or Vietnamese, for a text of the table.
    static func t(_ en: String, _ vi: String) -> String { vietnamese ? vi : en }

    /// Where `antq help audit` lists the figures: the list is made only
    /// when a help page is shown (`expandHelp`), not with the command
    /// table every command builds at start-up.
    static let figureListPlace = "{figure list}"

    /// A help text as shown: the headings in the reader's language and the figure list in its place.
    @Sendable static func expandHelp(_ s: String) -> String {
        let text = vietnamese ? headings[s] ?? s : s
        return text.contains(figureListPlace) ? text.replacing(figureListPlace, with: figureList) : text
    }

    /// The built-in figure names with their labels, for `antq help audit`
    /// (declared indicators are the log's own: `antq figures` lists them too).
    static let figureList: String = {
        let names = FigureCatalogue().definitions
        let width = (names.map(\.name.count).max() ?? 0) + 2
        return t("Figures:", "Các chỉ tiêu:") + "\n" + names.map { d in
            "  " + d.name + String(repeating: " ", count: max(1, width - d.name.count)) + (vietnamese ? d.label.vi : d.label.en)
        }.joined(separator: "\n")
    }()

    /// The help page's headings and fixed lines (see `CommandLineParser.helpStrings()`).
    static let headings: [String: String] = [
        "OVERVIEW": "TỔNG QUAN", "USAGE": "CÁCH DÙNG", "ARGUMENTS": "ĐỐI SỐ", "OPTIONS": "TÙY CHỌN",
        "GLOBAL OPTIONS": "TÙY CHỌN CHUNG", "SUBCOMMANDS": "CÁC LỆNH", "default": "mặc định",
        "See '%@ help <subcommand>' for detailed help.": "Xem '%@ help <lệnh>' để biết chi tiết.",
        "See '%@ help' for all subcommands.": "Xem '%@ help' để biết mọi lệnh.",
        "Show help information.": "Hiện trợ giúp.", "Show the version.": "Hiện phiên bản.",
        "The subcommand to describe.": "Lệnh cần xem trợ giúp.",
    ]

    static let formats = ["text", "json"]
    static let reportFormats = ["text", "markdown", "csv", "json", "html"]
    /// `summary` and `state` also write a workbook.
    static let tableFormats = reportFormats + ["xlsx"]
    static let output = OptionSpec.option("output", value: "FILE", help: t("Write to FILE instead of standard output (required for xlsx on a terminal).", "Ghi ra TỆP thay vì đầu ra chuẩn (bắt buộc với xlsx khi in ra màn hình)."))

    static let global: [OptionSpec] = [
        .option("data", short: "d", value: "DIR", help: t("Data directory (holds events/ and snapshots/).", "Thư mục dữ liệu (chứa events/ và snapshots/)."), default: t("$ANTQ_DATA, else the current directory", "$ANTQ_DATA, nếu không có thì thư mục hiện tại")),
        .option("lang", value: "LANG", help: t("Language of reports and messages.", "Ngôn ngữ của báo cáo và thông báo."), choices: ["vi", "en"], default: t("from LC_ALL/LANG", "theo LC_ALL/LANG")),
        .option("key-file", value: "PATH", help: t("HMAC key of a keyed log (keep it outside the data directory).", "Khóa HMAC của sổ có khóa (để ngoài thư mục dữ liệu)."), default: "$ANTQ_KEY_FILE"),
    ]

    static let asOf = OptionSpec.option("as-of", value: "DATE|INSTANT",
                                        help: t("Use only what was recorded up to then: a day (YYYY-MM-DD, to its end in Vietnam time) or an RFC 3339 instant.", "Chỉ dùng những gì đã ghi đến lúc đó: một ngày (YYYY-MM-DD, đến hết ngày theo giờ Việt Nam) hoặc một thời điểm RFC 3339."))
    static let unit = OptionSpec.option("unit", short: "u", value: "UNIT", help: t("Unit code or name (diacritics optional).", "Mã hoặc tên đơn vị (có dấu hay không dấu đều được)."))

    static let period = OptionSpec.option("period", short: "p", value: "PERIOD",
                                          help: t("Reporting period: 2018, 2018-H1, 2018-Q3, 2018-05, ranges (2018-01..2018-08, 2013..2022), days (2018-01-01..today).", "Kỳ báo cáo: 2018, 2018-H1 (6 tháng đầu năm), 2018-Q3 (quý 3), 2018-05 (tháng), khoảng (2018-01..2018-08, 2013..2022), ngày (2018-01-01..today)."))
    static let codes = OptionSpec.flag("codes", help: t("Show figure names (codes) next to labels in text and Markdown.", "Hiện mã chỉ tiêu bên cạnh tên chỉ tiêu (văn bản và Markdown)."))
    static let periodForms = t("Periods: 2018 (year), 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2013..2022, 2018-01-01..2018-05-31, 2018-01-01..today; months, quarters and halves run from the log's period start.", "Kỳ báo cáo: 2018 (năm), 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2013..2022, 2018-01-01..2018-05-31, 2018-01-01..today; tháng, quý và 6 tháng tính từ ngày đầu kỳ báo cáo của sổ.")

    static let spec = ToolSpec(
        name: "antq", version: version,
        abstract: t("Event-sourced record keeper for the movement for the whole people to protect national security (ANTQ).", "Sổ ghi sự kiện của phong trào toàn dân bảo vệ an ninh Tổ quốc (ANTQ)."),
        commands: [
            CommandSpec(name: "init", abstract: t("Create a data directory with a new log.", "Tạo thư mục dữ liệu với một sổ mới."),
                        discussion: t("Creates DIR/events/log.jsonl (first event log.created) and DIR/snapshots/.\nExample: antq init ./binh-duong --period-start 12-15",
                                      "Tạo DIR/events/log.jsonl (sự kiện đầu tiên log.created) và DIR/snapshots/.\nVí dụ: antq init ./binh-duong --period-start 12-15"),
                        arguments: [ArgumentSpec(name: "dir", help: t("Directory to create (default: --data, else the current directory).", "Thư mục cần tạo (mặc định: --data, nếu không có thì thư mục hiện tại)."), optional: true)],
                        options: [.option("period-start", value: "MM-DD", help: t("First day of the reporting year, kept in the log.", "Ngày đầu năm báo cáo, lưu trong sổ."), default: "01-01"),
                                  .option("by", value: "NAME", help: t("Who creates the log.", "Người tạo sổ."), default: t("$ANTQ_USER, else the OS user", "$ANTQ_USER, nếu không có thì người dùng của máy")),
                                  .flag("keyed", help: t("Chain lines with HMAC-SHA256 using --key-file (which must exist, mode 600).", "Nối chuỗi các dòng bằng HMAC-SHA256 với --key-file (tệp phải có sẵn, quyền 600)."))]),
            CommandSpec(name: "append", abstract: t("Append one event, or a batch of JSON lines.", "Ghi thêm một sự kiện, hoặc một loạt dòng JSON."),
                        discussion: t("""
                        One event:  antq append arrest.made --unit "Phú Cường" --occurred 2018-05-14 --count 2 --caught-in-act true
                        A batch:    antq append --file events.jsonl   (or 'antq append -' to read standard input)
                        Every field of the event's data is given as --FIELD VALUE (dashes or underscores).
                        A batch is all or nothing: one bad line and nothing is appended; every bad line is reported.
                        Types: \(appendableTypes)
                        'antq help append TYPE' lists a type's fields, their values and an example.
                        """, """
                        Một sự kiện: antq append arrest.made --unit "Phú Cường" --occurred 14/05/2018 --count 2 --caught-in-act có
                        Một loạt:    antq append --file events.jsonl   (hoặc 'antq append -' để đọc từ đầu vào chuẩn)
                        Mỗi trường dữ liệu của sự kiện ghi là --TRƯỜNG GIÁ_TRỊ (dấu gạch ngang hoặc gạch dưới đều được).
                        Một loạt được ghi hết hoặc không ghi gì: một dòng sai thì không ghi dòng nào; mọi dòng sai đều được nêu.
                        Các loại: \(appendableTypes)
                        'antq help append LOẠI' liệt kê các trường của một loại, giá trị cho phép và một ví dụ.
                        """),
                        arguments: [ArgumentSpec(name: "type", help: t("Event type, or '-' to read a batch from standard input.", "Loại sự kiện, hoặc '-' để đọc một loạt từ đầu vào chuẩn."), optional: true)],
                        options: [unit,
                                  .option("occurred", value: "DATE", help: t("Day it happened (YYYY-MM-DD or dd/mm/yyyy).", "Ngày xảy ra (YYYY-MM-DD hoặc dd/mm/yyyy).")),
                                  .option("by", value: "NAME", help: t("Who records it.", "Người ghi."), default: t("$ANTQ_USER, else the OS user", "$ANTQ_USER, nếu không có thì người dùng của máy")),
                                  .option("id", value: "UUID", help: t("Event id (default: a new random UUID).", "Mã sự kiện (mặc định: một UUID ngẫu nhiên mới).")),
                                  .option("file", short: "f", value: "FILE", help: t("Read a batch of JSON lines from FILE.", "Đọc một loạt dòng JSON từ TỆP.")),
                                  .option("expect-seq", value: "N", help: t("Refuse (exit 75) unless the log's last seq is N.", "Từ chối (mã thoát 75) nếu số thứ tự cuối của sổ không phải N.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")],
                        acceptsExtraOptions: true),
            CommandSpec(name: "correct", abstract: t("Correct an event: append event.corrected.", "Đính chính một sự kiện: ghi event.corrected."),
                        discussion: t("Give the fields that were wrong; the rest stay as they were.\nExample: antq correct 1234 --reason \"counted twice\" --count 2",
                                      "Ghi các trường bị sai; các trường khác giữ nguyên.\nVí dụ: antq correct 1234 --reason \"đếm hai lần\" --count 2"),
                        arguments: [ArgumentSpec(name: "seq", help: t("Seq of the event to correct.", "Số thứ tự của sự kiện cần đính chính."))],
                        options: [.option("reason", value: "TEXT", help: t("Why (required).", "Lý do (bắt buộc).")),
                                  .option("occurred", value: "DATE", help: t("Correct the day it happened.", "Đính chính ngày xảy ra.")),
                                  unit,
                                  .option("by", value: "NAME", help: t("Who records the correction.", "Người ghi đính chính.")),
                                  .option("expect-seq", value: "N", help: t("Refuse unless the log's last seq is N.", "Từ chối nếu số thứ tự cuối của sổ không phải N.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")],
                        acceptsExtraOptions: true),
            CommandSpec(name: "retract", abstract: t("Retract an event: append event.retracted.", "Hủy bỏ một sự kiện: ghi event.retracted."),
                        arguments: [ArgumentSpec(name: "seq", help: t("Seq of the event to retract.", "Số thứ tự của sự kiện cần hủy bỏ."))],
                        options: [.option("reason", value: "TEXT", help: t("Why (required).", "Lý do (bắt buộc).")),
                                  .option("by", value: "NAME", help: t("Who records the retraction.", "Người ghi việc hủy bỏ.")),
                                  .option("expect-seq", value: "N", help: t("Refuse unless the log's last seq is N.", "Từ chối nếu số thứ tự cuối của sổ không phải N.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "log", abstract: t("List events.", "Liệt kê các sự kiện."),
                        options: [.option("type", short: "t", value: "TYPE", help: t("Only this type (prefix 'unit.' matches all unit events).", "Chỉ loại này (tiền tố 'unit.' khớp mọi sự kiện đơn vị).")),
                                  unit,
                                  .option("year", value: "YEAR", help: t("Only events of this reporting year, the days 'antq summary YEAR' reads (the calendar year when the log's year starts on 1 January).",
                                                                         "Chỉ các sự kiện của năm báo cáo này, đúng các ngày 'antq summary NĂM' đọc (năm dương lịch nếu năm báo cáo của sổ bắt đầu từ 1/1).")),
                                  .option("from", value: "DATE|SEQ", help: t("Only events that occurred on or after this day, or from this seq on (a whole number).", "Chỉ các sự kiện xảy ra từ ngày này, hoặc từ số thứ tự này trở đi (một số nguyên).")),
                                  .option("to", value: "DATE", help: t("Only events that occurred on or before this day.", "Chỉ các sự kiện xảy ra đến hết ngày này.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("text, or json (the stored lines, verbatim).", "text, hoặc json (các dòng đã lưu, nguyên văn)."), choices: formats, default: "text")]),
            CommandSpec(name: "units", abstract: t("List administrative units.", "Liệt kê các đơn vị hành chính."),
                        options: [.flag("tree", help: t("Show the unit tree.", "Hiện cây đơn vị.")), asOf,
                                  .option("date", value: "DATE", help: t("The tree as it stood on this day.", "Cây đơn vị vào ngày này.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "verify", abstract: t("Check the whole log: strict JSON, catalogue, seq, hash chain, recorded order, asserted figures.", "Kiểm tra toàn bộ sổ: JSON chặt chẽ, danh mục, số thứ tự, chuỗi băm, thứ tự ghi, số liệu đã công bố."),
                        discussion: t("Exit 0 only when clean; problems are named as events/log.jsonl:LINE: what is wrong.", "Mã thoát 0 chỉ khi không có lỗi; mỗi lỗi ghi là events/log.jsonl:DÒNG: sai ở đâu."),
                        options: [.option("fingerprint", value: "SEQ:HASH", help: t("Also confirm the log still begins with this state (from a printed report).", "Xác nhận thêm rằng sổ vẫn bắt đầu bằng trạng thái này (lấy từ một báo cáo đã in).")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "rebuild", abstract: t("Replay the log into the projections and write fresh snapshots.", "Đọc lại sổ vào các bảng tổng hợp và ghi ảnh chụp mới."),
                        options: [.flag("from-scratch", help: t("Ignore existing snapshots and replay from event 1.", "Bỏ qua ảnh chụp đã có, đọc lại từ sự kiện 1.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "snapshot", abstract: t("Write a snapshot of the projections now.", "Ghi ngay một ảnh chụp các bảng tổng hợp."),
                        options: [.option("period-start", value: "MM-DD", help: t("For this reporting-year start (default: the log's).", "Cho ngày đầu năm báo cáo này (mặc định: của sổ)."))]),
            CommandSpec(name: "state", abstract: t("Community models, cameras and communes with a club, as they stand.", "Mô hình tự quản, camera và số xã có câu lạc bộ, tại thời điểm xem."),
                        options: [unit, asOf,
                                  .option("date", value: "DATE", help: t("State on this day (default: today).", "Tình hình vào ngày này (mặc định: hôm nay).")),
                                  .option("depth", value: "N", help: t("List units down to N levels below.", "Liệt kê đơn vị xuống N cấp."), default: "1"),
                                  .flag("models", help: t("List every active model (text format).", "Liệt kê mọi mô hình đang hoạt động (định dạng văn bản).")),
                                  codes, output,
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: tableFormats, default: "text")]),
            CommandSpec(name: "summary", abstract: t("Summary of a period per locality, rolled up commune → district → province.", "Tổng hợp một kỳ theo địa bàn, cộng dồn xã → huyện → tỉnh."),
                        discussion: t("""
                        Examples:
                          antq summary 2018 --as-of 2019-03-28          what was known on the day of the review conference
                          antq summary 2018-H1 --compare same-period    the first half against the same half a year earlier (cùng kỳ)
                          antq summary --period 2018 --columns months   one column per month, and the year
                          antq summary 2018-01-01..today                year to date (today in Vietnam)
                        Flow figures are summed over the period's days; models, members, cameras, communes and level indicators are read as of its last day.

                        """, """
                        Ví dụ:
                          antq summary 2018 --as-of 2019-03-28          số liệu đã biết vào ngày hội nghị tổng kết
                          antq summary 2018-H1 --compare same-period    6 tháng đầu năm so với cùng kỳ năm trước
                          antq summary --period 2018 --columns months   mỗi tháng một cột, và cả năm
                          antq summary 2018-01-01..today                từ đầu năm đến nay (ngày Việt Nam)
                        Chỉ tiêu phát sinh được cộng trong các ngày của kỳ; mô hình, thành viên, camera, số xã và chỉ tiêu thời điểm lấy vào ngày cuối kỳ.

                        """) + periodForms,
                        arguments: [ArgumentSpec(name: "period", help: t("Reporting period (2018, 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2018-01-01..today).", "Kỳ báo cáo (2018, 2018-H1, 2018-Q3, 2018-05, 2018-01..2018-08, 2018-01-01..today)."), optional: true)],
                        options: [unit, period,
                                  .option("depth", value: "N", help: t("List units down to N levels below.", "Liệt kê đơn vị xuống N cấp."), default: "1"),
                                  asOf,
                                  .option("period-start", value: "MM-DD", help: t("Reporting year starts on this day (default: the log's).", "Năm báo cáo bắt đầu từ ngày này (mặc định: của sổ).")),
                                  .option("compare", value: "same-period|previous|PERIOD", help: t("Show values, change and percent change against the same period a year earlier (cùng kỳ), the period before, or another period.", "So sánh giá trị, mức tăng giảm và tỷ lệ với cùng kỳ năm trước (same-period), kỳ liền trước (previous) hoặc một kỳ khác.")),
                                  .option("columns", value: "UNIT", help: t("One column per month, quarter, half or year of the period, and the total.", "Mỗi tháng, quý, 6 tháng hoặc năm của kỳ một cột, và cột tổng."),
                                          choices: ["months", "quarters", "halves", "years"]),
                                  .option("boundaries", value: "current|historical", help: t("current: everything on the units of the period's last day (a new ward against its predecessors); historical: on the units as they were (the compared period on its own units; a period across a change of the units shown in parts).", "current: tất cả theo địa giới ngày cuối kỳ (phường mới so với các đơn vị tiền thân); historical: theo địa giới lúc đó (kỳ so sánh theo địa giới của nó; kỳ có thay đổi địa giới được chia thành từng phần)."), choices: ["current", "historical"], default: "current"),
                                  codes, output,
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: tableFormats, default: "text"),
                                  .option("layout", value: "LAYOUT", help: t("With --format html: 'official' lays the page out as an administrative document (Nghị định 30/2020/NĐ-CP).", "Với --format html: 'official' trình bày như văn bản hành chính (Nghị định 30/2020/NĐ-CP)."), choices: ["standard", "official"], default: "standard"),
                                  .option("issuer", value: "TEXT", help: t("Official layout: the issuing body.", "Thể thức văn bản: cơ quan ban hành."), default: t("the police of the unit, e.g. CÔNG AN TỈNH BÌNH DƯƠNG", "công an của đơn vị, ví dụ CÔNG AN TỈNH BÌNH DƯƠNG")),
                                  .option("superior", value: "TEXT", help: t("Official layout: the body above the issuer, e.g. BỘ CÔNG AN.", "Thể thức văn bản: cơ quan chủ quản, ví dụ BỘ CÔNG AN.")),
                                  .option("number", value: "TEXT", help: t("Official layout: the document number, e.g. 12/BC-CAT.", "Thể thức văn bản: số, ký hiệu, ví dụ 12/BC-CAT.")),
                                  .option("signer", value: "NAME", help: t("Official layout: who signs.", "Thể thức văn bản: người ký.")),
                                  .option("signer-title", value: "TEXT", help: t("Official layout: the signer's title.", "Thể thức văn bản: chức vụ người ký."),
                                          default: t("Director for a province or a centrally-run city, else Chief of police", "Giám đốc với tỉnh, thành phố trực thuộc trung ương; Trưởng Công an với cấp dưới")),
                                  .option("recipient", value: "TEXT", help: t("Official layout: a recipient (repeat for each).", "Thể thức văn bản: nơi nhận (ghi lại cho mỗi nơi)."), repeatable: true)]),
            CommandSpec(name: "audit", abstract: t("The history of a figure: its events, corrections, timeline and announced value.", "Lịch sử một chỉ tiêu: các sự kiện, đính chính, diễn biến và số liệu đã công bố."),
                        discussion: t("Examples:\n  antq audit arrests --period 2018\n  antq audit models.shock_team.members --period 2018-H1 --unit 74\n  antq audit --event 1234\n'antq figures' lists the figure names.",
                                      "Ví dụ:\n  antq audit arrests --period 2018\n  antq audit models.shock_team.members --period 2018-H1 --unit 74\n  antq audit --event 1234\n'antq figures' liệt kê các mã chỉ tiêu.") + "\n" + figureListPlace,
                        arguments: [ArgumentSpec(name: "figure", help: t("Figure name ('antq figures' lists them).", "Mã chỉ tiêu ('antq figures' liệt kê các mã)."), optional: true)],
                        options: [period, .option("year", value: "YEAR", help: t("Reporting year (the same as --period YEAR).", "Năm báo cáo (như --period NĂM).")), unit, asOf,
                                  .option("event", value: "SEQ", help: t("Instead: one event's status and every figure it contributes to.", "Thay vào đó: tình trạng của một sự kiện và mọi chỉ tiêu nó góp vào.")),
                                  .option("units-of", value: "DATE|today", help: t("Read the figure on the units of this day: a ward made by a later reorganisation then counts its predecessors' events (as summary --compare restates them).", "Đọc chỉ tiêu theo địa giới của ngày này: phường mới sau sắp xếp sẽ tính các sự kiện của các đơn vị tiền thân (như summary --compare tính lại).")),
                                  .option("period-start", value: "MM-DD", help: t("Reporting year starts on this day (default: the log's).", "Năm báo cáo bắt đầu từ ngày này (mặc định: của sổ).")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: reportFormats, default: "text")]),
            CommandSpec(name: "diff", abstract: t("Every figure that differs between two knowledge dates, with the events responsible.", "Mọi chỉ tiêu khác nhau giữa hai thời điểm, kèm các sự kiện gây ra khác biệt."),
                        discussion: t("Example: antq diff --as-of 2019-03-28 2018   (what changed since the announcement)",
                                      "Ví dụ: antq diff --as-of 2019-03-28 2018   (những gì đã thay đổi kể từ khi công bố)"),
                        arguments: [ArgumentSpec(name: "period", help: t("Only this period (as --period).", "Chỉ kỳ này (như --period)."), optional: true)],
                        options: [.option("as-of", value: "DATE|INSTANT", help: t("The earlier date; give it twice for two dates (the second defaults to now).", "Thời điểm trước; ghi hai lần cho hai thời điểm (lần thứ hai mặc định là bây giờ)."), repeatable: true),
                                  period,
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: ["text", "json"], default: "text")]),
            CommandSpec(name: "site", abstract: t("Write a browsable static site: summaries, audits of every figure, events, all linked.", "Ghi một bộ trang tĩnh có liên kết: tổng hợp, kiểm tra từng chỉ tiêu, sự kiện."),
                        discussion: t("""
                        Example: antq site ./bao-cao --as-of 2019-03-28   (then open ./bao-cao/index.html in any browser)
                        Pages: index.html (periods, units, fingerprint, verify result), a summary per period and unit whose every value links to its audit page, an audit per figure, unit and period, and a page per event it names.
                        No script, no network: the folder opens from a USB stick.
                        OUT_DIR is replaced all at once, and only if it is empty or was written by 'antq site'.
                        """, """
                        Ví dụ: antq site ./bao-cao --as-of 2019-03-28   (rồi mở ./bao-cao/index.html bằng trình duyệt bất kỳ)
                        Các trang: index.html (các kỳ, đơn vị, dấu vân tay của sổ, kết quả kiểm tra), trang tổng hợp theo kỳ và đơn vị mà mỗi số liệu dẫn tới trang kiểm tra của nó, trang kiểm tra mỗi chỉ tiêu, đơn vị và kỳ, và trang của mỗi sự kiện.
                        Không có script, không cần mạng: thư mục mở được từ USB.
                        OUT_DIR được thay toàn bộ một lần, và chỉ khi nó trống hoặc do 'antq site' ghi.
                        """),
                        arguments: [ArgumentSpec(name: "out_dir", help: t("Directory to write (created or replaced).", "Thư mục để ghi (tạo mới hoặc thay thế)."))],
                        options: [period, unit, asOf,
                                  .option("depth", value: "N", help: t("Units below the top unit that get their own pages (0-3).", "Số cấp đơn vị dưới đơn vị gốc có trang riêng (0-3)."), default: "1")]),
            CommandSpec(name: "import", abstract: t("Append the rows of a spreadsheet (CSV) as events of one type, all or nothing.", "Ghi các dòng của một bảng tính (CSV) thành sự kiện cùng một loại, ghi hết hoặc không ghi gì."),
                        discussion: t("""
                        Example: antq import tin-bao-2018.csv --type tip.received
                        The file: UTF-8 with or without BOM; separator , ; or tab (detected); quoted cells may hold separators and line breaks.
                        One bad row and nothing is appended; every bad row is named FILE:LINE.
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
                        Numbers are read in the file's style (see --numbers): a cell such as 1,4 or 1.4 decides it, else the header.
                        A file written by 'antq export' imports as it is (its seq, recorded, unit_name columns are skipped).
                        Title rows above the header and blank rows are skipped.
                        A totals row (Tổng cộng, Cộng, Tổng, Total) is checked against the sum of the rows above it and not imported: when they disagree nothing is imported.
                        An .xlsx workbook is not read: save it from Excel as "CSV UTF-8" first.
                        """, """
                        Ví dụ: antq import tin-bao-2018.csv --type tip.received
                        Tệp: UTF-8 có hoặc không có BOM; dấu phân cách , ; hoặc tab (tự nhận ra); ô trong ngoặc kép có thể chứa dấu phân cách và xuống dòng.
                        Một dòng sai thì không ghi dòng nào; mỗi dòng sai được nêu là TỆP:DÒNG.
                        Tiêu đề cột nhận được (hoa thường, có dấu hay không dấu đều được; tên trường tiếng Anh cũng được):
                          Ngày, Ngày xảy ra -> occurred (dd/mm/yyyy hoặc yyyy-mm-dd)
                          Đơn vị, Xã, phường, Địa bàn, Mã đơn vị -> unit (mã, hoặc tên có dấu hay không dấu)
                          Số lượng, Số đối tượng, Số vụ, Số tin -> count (số lượng vũ khí, số thành viên mô hình)
                          Số thành viên, Hội viên -> members    Kênh -> channel    Có giá trị -> valuable (có/không, x)
                          Loại -> category (vụ án), kind (vũ khí, mô hình, đơn vị), recipient_kind (khen thưởng)
                          Tập thể/cá nhân -> recipient_kind   Người được khen -> recipient   Cấp khen -> issuer
                          Hình thức -> form   Lý do -> reason   Vụ án -> case   Bắt quả tang -> caught_in_act
                          Mã mô hình -> model   Tên -> name   Người nhập -> by   STT -> bỏ qua
                        Giá trị ghi tiếng Việt được: "Ma túy" -> drugs, "Bằng khen" -> certificate_of_merit, "5.000" -> 5000.
                        Số được đọc theo cách viết của tệp (xem --numbers): một ô như 1,4 hay 1.4 quyết định, nếu không thì theo tiêu đề cột.
                        Tệp do 'antq export' xuất ra nhập lại được nguyên như vậy (các cột seq, recorded, unit_name được bỏ qua).
                        Các dòng tựa đề phía trên dòng tiêu đề cột và các dòng trống được bỏ qua.
                        Dòng tổng cộng (Tổng cộng, Cộng, Tổng, Total) được đối chiếu với tổng các dòng phía trên và không được nhập: nếu không khớp thì không nhập gì.
                        Tệp Excel .xlsx không đọc được: trong Excel hãy lưu thành "CSV UTF-8" trước.
                        """),
                        arguments: [ArgumentSpec(name: "file", help: t("The CSV file.", "Tệp CSV."))],
                        options: [.option("type", short: "t", value: "TYPE", help: t("Event type of every row.", "Loại sự kiện của mọi dòng."),
                                          choices: EventType.allCases.filter(ImportColumns.isImportable).map(\.rawValue)),
                                  .option("indicator", value: "NAME", help: t("With --type indicator.recorded: the declared indicator every row records.", "Với --type indicator.recorded: chỉ tiêu đã khai báo mà mọi dòng ghi nhận.")),
                                  .option("header-row", value: "N", help: t("The header is on line N (default: the first row naming known columns; title rows above it are skipped).",
                                                                            "Dòng tiêu đề cột là dòng N (mặc định: dòng đầu tiên có tên cột nhận được; các dòng tựa đề phía trên được bỏ qua).")),
                                  .option("map", value: "COLUMN=FIELD", help: t("Read COLUMN as FIELD (COLUMN=- skips it).", "Đọc CỘT thành TRƯỜNG (CỘT=- để bỏ qua)."), repeatable: true),
                                  .option("by", value: "NAME", help: t("Who records the rows (a 'Người nhập' column wins).", "Người ghi các dòng (cột 'Người nhập' được ưu tiên)."), default: t("$ANTQ_USER, else the OS user", "$ANTQ_USER, nếu không có thì người dùng của máy")),
                                  .option("separator", value: "SEP", help: t("Field separator.", "Dấu phân cách ô."), choices: ["auto", "comma", "semicolon", "tab"], default: "auto"),
                                  .option("numbers", value: "vi|en", help: t("How the file writes numbers: vi 1.234,5 or en 1,234.5.", "Cách tệp viết số: vi 1.234,5 hay en 1,234.5."),
                                          choices: ["vi", "en"], default: t("as the cells show (1,4 or 1.4), else Vietnamese for Vietnamese column names and English for field names",
                                                                             "theo các ô (1,4 hay 1.4), nếu không thì tiếng Việt với tên cột tiếng Việt và tiếng Anh với tên trường")),
                                  .option("expect-seq", value: "N", help: t("Refuse (exit 75) unless the log's last seq is N.", "Từ chối (mã thoát 75) nếu số thứ tự cuối của sổ không phải N.")),
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "export", abstract: t("Write events as CSV or an .xlsx workbook for a spreadsheet, one row per event.", "Xuất sự kiện ra CSV hoặc tệp Excel .xlsx, mỗi sự kiện một dòng."),
                        discussion: t("""
                        Columns: seq, id, type, occurred, recorded, unit, unit_name, by, status, then every data field (count, channel, …).
                        By default the facts in force: corrections applied, retracted events left out, so a column's total is antq's figure.
                        Example: antq export --type tip.received --year 2018 --bom > tin-bao-2018.csv   (--bom: for Excel)
                        Example: antq export --type arrest.made --year 2018 --format xlsx --output bat-giu-2018.xlsx
                        A text cell beginning with = + - @ TAB or CR gets a leading ' in CSV (never a formula in xlsx).
                        """, """
                        Các cột: seq, id, type, occurred, recorded, unit, unit_name, by, status, rồi mọi trường dữ liệu (count, channel, …).
                        Mặc định xuất các dữ kiện đang có hiệu lực: đã áp dụng đính chính, bỏ các sự kiện đã hủy, nên tổng một cột bằng số liệu của antq.
                        Ví dụ: antq export --type tip.received --year 2018 --bom > tin-bao-2018.csv   (--bom: cho Excel)
                        Ví dụ: antq export --type arrest.made --year 2018 --format xlsx --output bat-giu-2018.xlsx
                        Ô chữ bắt đầu bằng = + - @ TAB hoặc CR được thêm dấu ' ở đầu trong CSV (trong xlsx không bao giờ thành công thức).
                        """),
                        options: [.option("type", short: "t", value: "TYPE", help: t("Only this type (prefix 'award' matches award.*).", "Chỉ loại này (tiền tố 'award' khớp award.*).")),
                                  .option("year", value: "YEAR", help: t("Only events of this reporting year, the days 'antq summary YEAR' reads (the calendar year when the log's year starts on 1 January).",
                                                                         "Chỉ các sự kiện của năm báo cáo này, đúng các ngày 'antq summary NĂM' đọc (năm dương lịch nếu năm báo cáo của sổ bắt đầu từ 1/1).")),
                                  period,
                                  unit,
                                  .flag("history", help: t("Every stored event as written, with its status (corrected by, retracted by), instead of the facts in force.", "Mọi sự kiện đã lưu, nguyên như đã ghi, kèm tình trạng (đã đính chính, đã hủy bỏ), thay vì các dữ kiện đang có hiệu lực.")),
                                  .flag("bom", help: t("Start with a UTF-8 byte-order mark and end lines with CR LF (Excel).", "Bắt đầu bằng dấu BOM UTF-8 và kết thúc dòng bằng CR LF (cho Excel).")),
                                  .option("separator", value: "SEP", help: t("Field separator.", "Dấu phân cách ô."), choices: ["comma", "semicolon", "tab"], default: "comma"),
                                  output,
                                  .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: ["csv", "xlsx"], default: "csv")]),
            CommandSpec(name: "figures", abstract: t("List every figure of the log: built-in and declared, with labels and units.", "Liệt kê mọi chỉ tiêu của sổ: có sẵn và đã khai báo, kèm tên và đơn vị tính."),
                        options: [asOf, .option("format", short: "o", value: "FORMAT", help: t("Output format.", "Định dạng đầu ra."), choices: formats, default: "text")]),
            CommandSpec(name: "completion", abstract: t("Print a shell completion script.", "In kịch bản tự hoàn thành lệnh cho shell."),
                        discussion: t("bash: source <(antq completion bash)\nzsh:  antq completion zsh > \"${fpath[1]}/_antq\"\nfish: antq completion fish > ~/.config/fish/completions/antq.fish",
                                      "bash: source <(antq completion bash)\nzsh:  antq completion zsh > \"${fpath[1]}/_antq\"\nfish: antq completion fish > ~/.config/fish/completions/antq.fish"),
                        arguments: [ArgumentSpec(name: "shell", help: t("bash, zsh or fish.", "bash, zsh hoặc fish."), choices: ["bash", "zsh", "fish"])]),
        ],
        globalOptions: global)
}
