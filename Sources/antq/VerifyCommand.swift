import ANTQStore
import EventLog
import JSONCodec

/// `antq verify [--fingerprint SEQ:HASH]`: exit 0 only when clean, 1 otherwise.
enum VerifyCommand {
    static func run(_ c: Context) throws -> Int32 {
        var expected: Fingerprint?
        if let f = c.parsed.value("fingerprint") {
            guard let fp = Fingerprint(f) else { throw CLIError.usage("--fingerprint '\(f)' is not SEQ:HASH (64 hex digits)") }
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
                w.beginObject(); w.key("file"); w.string(file); w.key("line"); w.int(Int64(p.line)); w.key("message"); w.string(p.message); w.endObject()
            }
            w.endArray()
            w.key("warnings"); w.beginArray(); for x in report.warnings { w.string(x) }; w.endArray()
            w.key("assertions"); w.beginArray()
            for a in report.assertions {
                w.beginObject()
                w.key("seq"); w.int(Int64(a.seq)); w.key("metric"); w.string(a.metric); w.key("year"); w.int(Int64(a.year))
                w.key("unit"); w.string(a.unit); w.key("expected"); w.int(Int64(a.expected)); w.key("actual"); w.int(Int64(a.actual))
                w.key("passed"); w.bool(a.passed)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
        } else {
            for p in report.problems { Terminal.out("\(file):\(p.line): \(p.message)\n") }
            for x in report.warnings { Terminal.err("warning: \(x)\n") }
            let passed = report.assertions.filter(\.passed).count
            Terminal.out("\(report.clean ? "clean" : "FAILED"): \(report.lines) lines, \(report.problems.count) problem(s)"
                         + (report.keyed ? ", HMAC chain" : ", SHA-256 chain")
                         + (report.assertions.isEmpty ? "" : ", \(passed)/\(report.assertions.count) asserted figures hold") + "\n")
            if let m = report.fingerprintMatches, let want = expected {
                if m {
                    Terminal.out("fingerprint \(want): holds: lines 1–\(want.seq) are intact and line \(want.seq) has this SHA-256; the log still begins with this state"
                                 + (report.clean ? "" : " (the problems above are after line \(want.seq))") + "\n")
                } else if let line = report.fingerprintBreak {
                    Terminal.out("fingerprint \(want): DOES NOT HOLD: line \(line) was changed (see above), so the log no longer begins with the state this fingerprint names\n")
                } else {
                    Terminal.out("fingerprint \(want): DOES NOT HOLD: see the problem named above\n")
                }
            }
            Terminal.out("fingerprint: \(report.fingerprint)\n")
        }
        return report.clean ? 0 : 1
    }
}
