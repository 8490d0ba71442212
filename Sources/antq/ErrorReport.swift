import ANTQDomain
import ANTQReports
import ANTQStore
import JSONCodec
import SystemCalls

/// All wording of store errors in one place: what is wrong, where, how to
/// fix it, in the reader's language.
enum ErrorReport {
    static func error(_ lang: Language) -> String { lang.t("error: ", "lỗi: ") }
    static func fix(_ lang: Language) -> String { lang.t("fix: ", "cách sửa: ") }

    /// An operating-system error as the reader reads it: the C library's
    /// English text, or its Vietnamese for the errors a clerk meets.
    static func reason(_ e: Errno, _ lang: Language) -> String {
        guard lang.isVietnamese else { return e.text }
        switch e.code {
        case Errno.noEntry: return "không có tệp hoặc thư mục này"
        case Errno.accessDenied, Errno.notPermitted: return "không có quyền truy cập"
        case Errno.isDirectory: return "đây là một thư mục, không phải tệp"
        case Errno.notDirectory: return "một phần của đường dẫn không phải thư mục"
        case Errno.noSpace: return "hết chỗ trên đĩa"
        case Errno.readOnlyFileSystem: return "hệ thống tệp chỉ cho đọc"
        case Errno.fileTooLarge: return "tệp vượt quá giới hạn kích thước"
        default: return "lỗi hệ thống \(e.code) (\(e.text))"
        }
    }

    /// "cannot read PATH: why", in the reader's language.
    static func cannotRead(_ path: String, _ e: Errno, _ lang: Language) -> String {
        error(lang) + lang.t("cannot read \(path): ", "không đọc được \(path): ") + reason(e, lang)
    }

    /// - Parameter command: the command that failed (`init` creates, the others append).
    static func message(_ e: StoreError, _ lang: Language, command: String? = nil) -> String {
        let err = error(lang), fix = fix(lang)
        switch e {
        case .notInitialised(let dir):
            return err + lang.t("\(dir) is not an antq data directory (no events/log.jsonl)", "\(dir) không phải thư mục dữ liệu antq (không có events/log.jsonl)")
                + "\n" + fix + lang.t("run 'antq init \(dir)', or point --data / ANTQ_DATA at an existing one",
                                      "chạy 'antq init \(dir)', hoặc chỉ --data / ANTQ_DATA tới thư mục đã có")
        case .alreadyInitialised(let dir):
            return err + lang.t("\(dir) already holds a log (events/log.jsonl); nothing was changed", "\(dir) đã có sổ (events/log.jsonl); không thay đổi gì")
                + "\n" + fix + lang.t("choose another directory", "chọn thư mục khác")
        case .rejected(let problems, let total):
            let commandLine = problems.first?.file == "<command line>"
            var lines: [String] = []
            if commandLine {
                lines.append(err + (command == "init" ? lang.t("nothing was created:", "chưa tạo gì:") : lang.t("nothing was appended:", "chưa ghi gì vào sổ:")))
                // A field an option sets is named as that option; the others (type, target, data) by name.
                let named = { (f: String) in isArgument(f, Array(CommandLine.arguments.dropFirst())) ? f : flag(f) }
                for p in problems { for x in p.errors { lines.append("  " + x.message(vietnamese: lang.isVietnamese, field: x.fieldName.map(named))) } }
                if let corrected = correctedCommandLine(problems.flatMap(\.errors), lang) {
                    lines.append(fix + lang.t("correct the options named above and run the command again, e.g.:", "sửa các tùy chọn nêu trên rồi chạy lại lệnh, ví dụ:"))
                    lines.append("  " + corrected)
                } else {
                    lines.append(fix + lang.t("correct what is named above and run the command again", "sửa những điều nêu trên rồi chạy lại lệnh"))
                }
            } else {
                lines.append(err + lang.t("nothing was appended: \(total) line(s) are invalid", "chưa ghi gì vào sổ: \(total) dòng không hợp lệ"))
                for p in problems {
                    for x in p.errors {
                        lines.append("  \(p.file):\(p.line): " + x.message(vietnamese: lang.isVietnamese))
                    }
                }
                if total > problems.count { lines.append(lang.t("  … and \(total - problems.count) more", "  … và \(total - problems.count) dòng nữa")) }
                lines.append(fix + lang.t("correct the lines named above and append the whole batch again",
                                          "sửa các dòng nêu trên rồi ghi lại cả tệp"))
            }
            return lines.joined(separator: "\n")
        case .io(let e):
            var hint = lang.t("check the disk and permissions", "kiểm tra ổ đĩa và quyền truy cập")
            if e.code == Errno.noSpace || e.code == Errno.fileTooLarge {
                hint = lang.t("free some space (or raise the file-size limit); the log is unchanged, append again afterwards",
                              "giải phóng dung lượng (hoặc nâng giới hạn kích thước tệp); sổ không thay đổi, ghi lại sau đó")
            }
            if e.code == Errno.readOnlyFileSystem || e.code == Errno.accessDenied {
                hint = lang.t("the data directory is read-only for you; reports still work, appends need write access",
                              "bạn chỉ có quyền đọc thư mục dữ liệu; báo cáo vẫn dùng được, ghi sổ cần quyền ghi")
            }
            return err + "\(e)\n" + fix + hint
        case .damaged(let file, let line, let reason):
            return err + lang.t("the log is damaged: ", "sổ bị hỏng: ") + "\(file)\(line.map { ":\($0)" } ?? ""): \(lang.text(reason))\n" + fix
                + lang.t("run 'antq verify' to see every problem; nothing was printed or appended, and no report is given from a damaged log",
                         "chạy 'antq verify' để xem mọi lỗi; không in và không ghi gì, và không lập báo cáo từ sổ bị hỏng")
        case .expectedSeq(let expected, let actual):
            return err + lang.t("the log ends at #\(actual), not #\(expected) as --expect-seq said; nothing was appended",
                                "sổ kết thúc ở #\(actual), không phải #\(expected) như --expect-seq; chưa ghi gì")
                + "\n" + fix + lang.t("look at the new events ('antq log --from \(expected + 1)') and retry",
                                      "xem các sự kiện mới ('antq log --from \(expected + 1)') rồi thử lại")
        case .lockBusy:
            let s = Context.lockWaitSeconds
            return err + lang.t("another antq kept this log busy for \(s) s; nothing was appended", "một antq khác giữ sổ này suốt \(s) giây; chưa ghi gì")
                + "\n" + fix + lang.t("retry when it has finished (a long import or batch append can take minutes)",
                                      "thử lại khi nó đã xong (nhập hoặc ghi một loạt lớn có thể mất vài phút)")
        case .key(let m), .usage(let m):
            return err + lang.text(m)
        }
    }

    /// A data field as the command line names it: `count` -> `--count`.
    static func flag(_ field: String) -> String { "--" + field.replacing("_", with: "-") }

    /// Fields no option sets: the event's type and a correction's target are
    /// arguments (`antq correct SEQ`), `data` is the data directory's option,
    /// the rest antq fills in.
    static let notOptions: Set<String> = ["data", "target", "type", "seq", "prev", "recorded", "more"]

    /// Whether the field was given as an argument, not an option: one of
    /// `notOptions`, unless the user typed it as an option (`antq append
    /// event.corrected --target 12` takes a target as an option).
    static func isArgument(_ field: String, _ arguments: [String]) -> Bool {
        guard notOptions.contains(field) else { return false }
        return field == "data" || !arguments.contains { $0 == flag(field) || $0.hasPrefix(flag(field) + "=") }
    }

    /// The command the user typed, each refused or missing option given the
    /// nearest allowed value or a placeholder that says what to write, an
    /// option that is no field of the event renamed to the field its name
    /// begins; nil when no option would change (the example would only
    /// repeat the command, or name an option the command does not take) or
    /// when an option that is no field has no such field (guessing could
    /// record something else).
    static func correctedCommandLine(_ errors: [EventCodingError], _ lang: Language,
                                     arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
        var args = arguments
        var changed = false
        for x in errors {
            guard let field = x.fieldName, !isArgument(field, arguments) else { continue }
            let name = flag(field)
            let at = args.firstIndex(of: name) ?? args.firstIndex { $0.hasPrefix(name + "=") }
            if x.notAField {
                guard let i = at else { continue }
                // Renamed only to a field its name begins (`--caught` → `--caught-in-act`). A field merely
                // spelt alike may mean something else (`--type` is not `--case`), and an option left out
                // changes what the command does: then no example, only what is wrong.
                guard let other = x.closeField, other.hasPrefix(field) else { return nil }
                args[i] = args[i].hasPrefix(name + "=") ? flag(other) + args[i].dropFirst(name.count) : flag(other)
                changed = true
                continue
            }
            let value = x.suggestion ?? "<" + lang.t("value", "giá trị") + ">"
            if let i = at, !args[i].contains("="), i + 1 < args.count {
                args[i + 1] = value
            } else if let i = at {
                args[i] = name + "=" + value
            } else {
                args += [name, value]
            }
            changed = true
        }
        return changed ? "antq " + args.map(shellWord).joined(separator: " ") : nil
    }

    /// A word as a shell reads it back: quoted when it holds anything but plain characters.
    static func shellWord(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./:=,+@%".unicodeScalars.contains($0) }
        return plain ? s : "'" + s.replacing("'", with: "'\\''") + "'"
    }

    /// A CLI error (not a store error) for `--format json`: `error` and `exit_code` only.
    static func json(message: String, exitCode: Int32) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("error"); w.string(message)
        w.key("exit_code"); w.int(Int64(exitCode))
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    static func json(_ e: StoreError, _ lang: Language) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("error"); w.string(message(e, lang))
        w.key("exit_code"); w.int(Int64(e.exitCode))
        if case .rejected(let problems, let total) = e {
            w.key("invalid_lines"); w.int(Int64(total))
            w.key("problems"); w.beginArray()
            for p in problems {
                for x in p.errors {
                    w.beginObject()
                    w.key("file"); w.string(p.file)
                    w.key("line"); w.int(Int64(p.line))
                    w.key("field"); if let f = x.field { w.string(f) } else { w.null() }
                    w.key("problem"); w.string(x.problemText(vietnamese: lang.isVietnamese))
                    w.key("fix"); if let f = x.fixText(vietnamese: lang.isVietnamese) { w.string(f) } else { w.null() }
                    if let c = x.column { w.key("column"); w.int(Int64(c)) }
                    w.endObject()
                }
            }
            w.endArray()
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}
