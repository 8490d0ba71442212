import ANTQDomain
import ANTQStore
import JSONCodec

/// All wording of store errors in one place: what is wrong, where, how to fix it.
enum ErrorReport {
    static func message(_ e: StoreError) -> String {
        switch e {
        case .notInitialised(let dir):
            return "error: \(dir) is not an antq data directory (no events/log.jsonl)\nfix: run 'antq init \(dir)', or point --data / ANTQ_DATA at an existing one"
        case .alreadyInitialised(let dir):
            return "error: \(dir) already holds a log (events/log.jsonl); nothing was changed\nfix: choose another directory"
        case .rejected(let problems, let total):
            var lines = ["error: nothing was appended: \(total) line(s) are invalid"]
            lines += problems.map { "  " + $0.description }
            if total > problems.count { lines.append("  … and \(total - problems.count) more") }
            lines.append("fix: correct the lines named above and append the whole batch again")
            return lines.joined(separator: "\n")
        case .io(let err):
            var fix = "check the disk and permissions"
            if err.code == 28 || err.code == 27 { fix = "free some space (or raise the file-size limit); the log is unchanged, append again afterwards" }
            if err.code == 30 || err.code == 13 { fix = "the data directory is read-only for you; reports still work, appends need write access" }
            return "error: \(err)\nfix: \(fix)"
        case .damaged(let file, let line, let reason):
            return "error: the log is damaged: \(file)\(line.map { ":\($0)" } ?? ""): \(reason)\n"
                + "fix: run 'antq verify' to see every problem; nothing was printed or appended, and no report is given from a damaged log"
        case .expectedSeq(let expected, let actual):
            return "error: the log ends at #\(actual), not #\(expected) as --expect-seq said; nothing was appended\nfix: look at the new events ('antq log --from \(expected + 1)') and retry"
        case .lockBusy:
            return "error: another antq is appending to this log; nothing was appended\nfix: retry"
        case .key(let m):
            return "error: \(m)"
        case .usage(let m):
            return "error: \(m)"
        }
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

    static func json(_ e: StoreError) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("error"); w.string(message(e))
        w.key("exit_code"); w.int(Int64(e.exitCode))
        if case .rejected(let problems, let total) = e {
            w.key("invalid_lines"); w.int(Int64(total))
            w.key("problems"); w.beginArray()
            for p in problems {
                w.beginObject()
                w.key("file"); w.string(p.file)
                w.key("line"); w.int(Int64(p.line))
                w.key("field"); if let f = p.error.field { w.string(f) } else { w.null() }
                w.key("problem"); w.string(p.error.problem)
                w.key("fix"); if let f = p.error.fix { w.string(f) } else { w.null() }
                if let c = p.error.column { w.key("column"); w.int(Int64(c)) }
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}
