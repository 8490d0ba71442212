import ANTQReports
import ANTQStore
import EventLog
import JSONCodec

/// `antq verify [--fingerprint SEQ:HASH]`: exit 0 only when clean, 1 otherwise.
enum VerifyCommand {
    static func run(_ c: Context) throws -> Int32 {
        var expected: Fingerprint?
        if let f = c.parsed.value("fingerprint") {
            guard let fp = Fingerprint(f) else {
                throw CLIError.usage(c.lang.t("--fingerprint '\(f)' is not SEQ:HASH (64 hex digits)", "--fingerprint '\(f)' không có dạng SEQ:HASH (64 chữ số hex)"))
            }
            expected = fp
        }
        let store = try c.store()
        let report = try store.verify(fingerprint: expected)
        let file = store.layout.logDisplayName
        if c.format == "json" {
            var w = JSONWriter()
            w.beginObject()
            w.key("clean"); w.bool(report.clean)
            w.key("lines"); w.int(Int64(report.lines))
            w.key("fingerprint"); w.string(report.fingerprint.description)
            w.key("keyed"); w.bool(report.keyed)
            if let m = report.fingerprintMatches { w.key("fingerprint_matches"); w.bool(m) }
            if let b = report.fingerprintBreak { w.key("fingerprint_first_changed_line"); w.int(Int64(b)) }
            w.key("problems"); w.beginArray()
            for p in report.problems {
                w.beginObject(); w.key("file"); w.string(file); w.key("line"); w.int(Int64(p.line)); w.key("message"); w.string(p.text.en); w.key("message_vi"); w.string(p.text.vi); w.endObject()
            }
            w.endArray()
            // For tools: English, as before; a reader's Vietnamese next to it.
            w.key("warnings"); w.beginArray(); for x in report.warnings { w.string(x.en) }; w.endArray()
            w.key("warnings_vi"); w.beginArray(); for x in report.warnings { w.string(x.vi) }; w.endArray()
            w.key("assertions"); w.beginArray()
            for a in report.assertions {
                w.beginObject()
                w.key("seq"); w.int(Int64(a.seq)); w.key("metric"); w.string(a.metric)
                if a.period.unit == .years, a.period.unitCount == 1 { w.key("year"); w.int(Int64(a.period.lastDay.year)) }
                w.key("period"); w.string(a.period.label)
                w.key("unit"); w.string(a.unit); w.key("expected"); w.raw(Array(a.expected.plain().utf8))
                w.key("actual"); if let x = a.actual { w.raw(Array(x.plain().utf8)) } else { w.null() }
                w.key("passed"); w.bool(a.passed)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
        } else {
            let lang = c.lang
            for p in report.problems { Terminal.out("\(file):\(p.line): \(lang.text(p.text))\n") }
            for x in report.warnings { Terminal.err(lang.t("warning: ", "cảnh báo: ") + lang.text(x) + "\n") }
            let passed = report.assertions.filter(\.passed).count
            Terminal.out((report.clean ? lang.t("clean", "sổ nguyên vẹn") : lang.t("FAILED", "CÓ LỖI"))
                         + lang.t(": \(report.lines) lines, \(report.problems.count) problem(s)", ": \(report.lines) dòng, \(report.problems.count) lỗi")
                         + (report.keyed ? lang.t(", HMAC chain", ", chuỗi HMAC") : lang.t(", SHA-256 chain", ", chuỗi SHA-256"))
                         + (report.assertions.isEmpty ? "" : lang.t(", \(passed)/\(report.assertions.count) asserted figures hold",
                                                                    ", \(passed)/\(report.assertions.count) số liệu đã công bố khớp")) + "\n")
            if let m = report.fingerprintMatches, let want = expected {
                if m {
                    Terminal.out(lang.t("fingerprint \(want): holds: lines 1–\(want.seq) are intact and line \(want.seq) has this SHA-256; the log still begins with this state",
                                        "dấu vân tay \(want): KHỚP: các dòng 1–\(want.seq) nguyên vẹn và dòng \(want.seq) có SHA-256 này; sổ vẫn bắt đầu bằng trạng thái đó")
                                 + (report.clean ? "" : lang.t(" (the problems above are after line \(want.seq))", " (các lỗi trên nằm sau dòng \(want.seq))")) + "\n")
                } else if let line = report.fingerprintBreak {
                    Terminal.out(lang.t("fingerprint \(want): DOES NOT HOLD: line \(line) was changed (see above), so the log no longer begins with the state this fingerprint names",
                                        "dấu vân tay \(want): KHÔNG KHỚP: dòng \(line) đã bị thay đổi (xem trên), nên sổ không còn bắt đầu bằng trạng thái mà dấu vân tay này ghi") + "\n")
                } else {
                    Terminal.out(lang.t("fingerprint \(want): DOES NOT HOLD: see the problem named above", "dấu vân tay \(want): KHÔNG KHỚP: xem lỗi nêu trên") + "\n")
                }
            }
            Terminal.out(lang.t("fingerprint: ", "dấu vân tay: ") + "\(report.fingerprint)\n")
        }
        return report.clean ? 0 : 1
    }
}
