import ANTQDomain
import ANTQReports
import ANTQStore
import CommandLineKit
import SystemCalls
import TextFormats

/// What every command needs from the invocation: the parsed arguments, the
/// environment, and the data directory opened on demand.
struct Context {
    let parsed: ParsedCommand
    let env: [String: String]

    var lang: Language { Language.from(option: parsed.value("lang"), environment: env) }

    var dataDirectory: String { parsed.value("data") ?? env["ANTQ_DATA"] ?? "." }

    var keyFilePath: String? { parsed.value("key-file") ?? env["ANTQ_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 } }

    func keyFile() throws -> KeyFile? {
        guard let p = keyFilePath else { return nil }
        return try KeyFile.load(p)
    }

    /// Who records: `--by` as given (an empty one is refused by the one rule,
    /// on every command alike), else `ANTQ_USER`, else the login name.
    var recorder: String {
        if let b = parsed.value("by") { return b }
        if let u = env["ANTQ_USER"], !u.isEmpty { return u }
        if let name = Environment.loginName() { return name }
        return env["USER"] ?? "unknown"
    }

    func store() throws -> DataStore {
        let key = try keyFile()
        if let key, key.isInside(dataDirectory) {
            Terminal.err(lang.t("note: the key file \(key.path) is inside the data directory: it travels with every copy of the log, and whoever can change the log can read it and sign the change; keep it elsewhere (see 'antq help init')\n",
                                "ghi chú: tệp khóa \(key.path) nằm trong thư mục dữ liệu: nó đi theo mọi bản sao của sổ, và ai sửa được sổ cũng đọc được khóa để ký lại; hãy để nó ở nơi khác (xem 'antq help init')\n"))
        }
        var s = try DataStore.open(dataDirectory, key: key, note: { Terminal.err($0 + "\n") })
        s.vietnamese = lang.isVietnamese
        // A writer waits for another (a clerk's append behind an import) up to this long, then exits 75.
        s.lockWaitNanoseconds = Self.lockWaitSeconds * 1_000_000_000
        if let n = env["ANTQ_SNAPSHOT_INTERVAL"], let i = Int(n), i > 0 { s.snapshotInterval = i }
        s.progress = Progress.forTerminal(lang.t("reading the log", "đang đọc sổ"))
        return s
    }

    var format: String { parsed.value("format") ?? "text" }

    func int(_ option: String) throws -> Int? {
        guard let v = parsed.value(option) else { return nil }
        guard let i = Int(v) else { throw CLIError.usage(lang.t("--\(option) takes a whole number, not '\(v)'", "--\(option) nhận một số nguyên, không phải '\(v)'")) }
        return i
    }

    /// `--as-of`: a day means up to its end in Vietnam time (UTC+7).
    func asOf() throws -> UTCInstant? {
        guard let v = parsed.value("as-of") else { return nil }
        return try Context.parseAsOf(v, lang)
    }

    static func parseAsOf(_ v: String, _ lang: Language) throws -> UTCInstant {
        if let i = UTCInstant(rfc3339WithOffset: v) { return i }
        if let d = CivilDate(iso: v) ?? CivilDate(dayMonthYear: v) {
            let endOfDayUTC = Int64(d.dayNumber + 1) * 86_400_000_000 - 7 * 3_600_000_000 - 1
            return UTCInstant(microsecondsSinceEpoch: endOfDayUTC)
        }
        throw CLIError.usage(lang.t("--as-of '\(v)' is neither a day (YYYY-MM-DD) nor an RFC 3339 instant (2019-03-28T10:00:00Z, 2019-03-28T17:00:00+07:00)",
                                    "--as-of '\(v)' không phải ngày (YYYY-MM-DD) hay thời điểm RFC 3339 (2019-03-28T10:00:00Z, 2019-03-28T17:00:00+07:00)"))
    }

    func date(_ option: String) throws -> CivilDate? {
        guard let v = parsed.value(option) else { return nil }
        guard let d = CivilDate(parsing: v) else {
            throw CLIError.usage(lang.t("--\(option) '\(v)' is not a real date (YYYY-MM-DD or dd/mm/yyyy)", "--\(option) '\(v)' không phải ngày có thật (dd/mm/yyyy hoặc YYYY-MM-DD)"))
        }
        return d
    }

    func periodStart() throws -> MonthDay? {
        guard let v = parsed.value("period-start") else { return nil }
        guard let m = MonthDay(v) else { throw CLIError.usage(lang.t("--period-start '\(v)' is not a day of the year (MM-DD, e.g. 12-15)", "--period-start '\(v)' không phải ngày trong năm (MM-DD, ví dụ 12-15)")) }
        return m
    }

    /// Resolves `--unit` against the units of a ledger, a name as it stood
    /// on `day` (the last day of the report's period; nil: today's names,
    /// then any name ever used).
    func unit(in ledger: Ledger, on day: CivilDate? = nil) throws -> String? {
        guard let text = parsed.value("unit") else { return nil }
        switch UnitResolver(units: ledger.units).resolve(text, on: day ?? today) {
        case .failure(.ceased(_, let fate)):
            throw CLIError.invalid("--unit \"\(text)\": " + fate.text(vietnamese: lang == .vi))
        case .success(let code): return code
        case .failure(.ambiguous(_, let c)):
            throw CLIError.invalid(lang.t("--unit \"\(text)\" matches several units:\n  ", "--unit \"\(text)\" trùng tên nhiều đơn vị:\n  ") + c.joined(separator: "\n  ")
                                   + lang.t("\nGive the code, or \"NAME, DISTRICT\".", "\nGhi mã, hoặc \"TÊN, HUYỆN\"."))
        case .failure(.unknown(_, let s)):
            throw CLIError.invalid(lang.t("--unit \"\(text)\" is not a registered unit", "--unit \"\(text)\" không phải đơn vị đã đăng ký")
                                   + (s.isEmpty ? "" : lang.t("; similar: ", "; tên gần giống: ") + s.joined(separator: "; "))
                                   + lang.t(". 'antq units' lists them.", ". 'antq units' liệt kê các đơn vị."))
        }
    }

    /// `--unit` for figures read on the units standing on `day` (a report's
    /// last day): a unit that had ended by then, or was not yet registered,
    /// stands for nothing there, and its figures would read as zeros. It is
    /// refused with what became of it and what to ask instead.
    /// - Parameter laterUnitsRestated: a unit registered after `day` is read
    ///   on its predecessors (an audit restates it), so it is let through.
    /// - Parameter auditing: the refusal is of an audit (it names `--units-of`, not another audit).
    func reportUnit(in ledger: Ledger, on day: CivilDate, laterUnitsRestated: Bool = false, auditing: Bool = false) throws -> String? {
        guard let code = try unit(in: ledger, on: day) else { return nil }
        let units = ledger.units
        let name = units.view(code).map { "\($0.name) [\(code)]" } ?? code
        guard let v = units.view(code, on: day) else {
            if laterUnitsRestated { return code }
            let since = units.view(code).map { lang.date($0.registered) } ?? "?"
            if auditing {
                throw CLIError.invalid(lang.t(
                    "--unit \(name) was registered on \(since), after \(lang.date(day)), the last day asked for: it has no figures of its own then. Read the period on today's units with --units-of today, or ask for a later period",
                    "--unit \(name) được đăng ký ngày \(since), sau \(lang.date(day)) là ngày cuối được hỏi: khi đó đơn vị chưa có số liệu riêng. Hãy đọc kỳ theo địa giới hiện nay bằng --units-of today, hoặc hỏi kỳ sau đó"))
            }
            throw CLIError.invalid(lang.t(
                "--unit \(name) was registered on \(since), after \(lang.date(day)), the last day asked for: it has no figures of its own then. Ask for a later period, read the period on today's units with --compare (e.g. 'antq summary YEAR --unit \(code) --compare same-period'), or audit a figure ('antq audit NAME --period P --unit \(code)' reads it on its predecessors)",
                "--unit \(name) được đăng ký ngày \(since), sau \(lang.date(day)) là ngày cuối được hỏi: khi đó đơn vị chưa có số liệu riêng. Hãy hỏi kỳ sau đó, đọc kỳ theo địa giới hiện nay bằng --compare (ví dụ 'antq summary NĂM --unit \(code) --compare same-period'), hoặc kiểm tra một chỉ tiêu ('antq audit TÊN --period KỲ --unit \(code)' đọc theo các đơn vị tiền thân)"))
        }
        guard v.ending == nil && v.mergedInto == nil else {
            let fate = units.fate(of: code, on: day).map { lang.text($0) } ?? ""
            let ended = v.ending.map { lang.date($0.on) } ?? v.mergedOn.map { lang.date($0) } ?? "?"
            let successor = v.ending?.successors.first ?? v.mergedInto ?? "?"
            throw CLIError.invalid(lang.t(
                "--unit \(name) no longer stands on \(lang.date(day)), the last day asked for (\(fate)); its figures would read as zeros. Ask for a period that ends before \(ended), add --boundaries historical to show the period in parts on the units as they were, or report its successor (--unit \(successor))",
                "--unit \(name) không còn vào ngày \(lang.date(day)) là ngày cuối được hỏi (\(fate)); số liệu sẽ hiện bằng 0. Hãy hỏi kỳ kết thúc trước \(ended), thêm --boundaries historical để chia kỳ theo địa giới từng thời điểm, hoặc báo cáo đơn vị kế thừa (--unit \(successor))"))
        }
        return code
    }

    /// How long an append waits for another writer to finish (documented with exit code 75).
    static let lockWaitSeconds: UInt64 = 30

    /// Today in Vietnam.
    var today: CivilDate { Clock.vietnamDay(of: Clock.system.now()) }
}

/// Errors the CLI itself raises (on top of the store's), with their exit codes.
enum CLIError: Error {
    case usage(String)
    case invalid(String)
    case failed(String, code: Int32)

    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .invalid: 65
        case .failed(_, let c): c
        }
    }

    var message: String {
        switch self {
        case .usage(let m), .invalid(let m), .failed(let m, _): m
        }
    }
}
