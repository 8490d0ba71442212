import ANTQDomain
import ANTQStore
import JSONCodec
import TextFormats

/// Renders the history of a figure (`antq audit METRIC`), an event's
/// standing (`antq audit --event`), and a diff between knowledge dates.
public enum AuditRenderer {
    public static func render(_ a: FigureAudit, format: ReportFormat, lang: Language) -> String {
        switch format {
        case .json: return json(a)
        case .csv:
            var rows = [["seq", "type", "occurred", "recorded", "unit", "by", "amount", "amends", "reason", "subject"]]
            for c in a.contributions {
                rows.append(["\(c.seq)", c.type.rawValue, c.occurred.iso, c.recorded.rfc3339, c.unit, c.by, "\(c.amount)",
                             c.amends.map(String.init) ?? "", c.reason ?? "", c.subject ?? ""])
            }
            return CSVWriter().write(rows)
        case .markdown: return text(a, lang, markdown: true)
        case .html:
            return "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\"><head><meta charset=\"utf-8\"><title>\(escapeHTML(title(a, lang)))</title></head><body>\n<pre>\(escapeHTML(text(a, lang, markdown: false)))</pre>\n</body></html>\n"
        case .text: return text(a, lang, markdown: false)
        }
    }

    static func title(_ a: FigureAudit, _ lang: Language) -> String {
        lang.t("Audit of \(a.metric.name) (\(MetricLabels.label(a.metric, lang).trimmingLeadingSpaces)), \(a.year), \(a.unitName) [\(a.unit)]",
               "Kiểm tra chỉ tiêu \(a.metric.name) (\(MetricLabels.label(a.metric, lang).trimmingLeadingSpaces)), năm \(a.year), \(a.unitName) [\(a.unit)]")
    }

    static func text(_ a: FigureAudit, _ lang: Language, markdown: Bool) -> String {
        let h = markdown ? "## " : ""
        var out = [(markdown ? "# " : "") + title(a, lang), ReportHeader.period(a.period, lang)]
        out += ReportHeader.provenance(fingerprint: a.fingerprint, asOf: a.asOf, chain: a.chain, lang)
        out.append("")
        out.append(lang.t("Value: ", "Giá trị: ") + lang.number(a.value)
                   + lang.t(" = sum of \(a.contributions.count) contribution(s) below", " = tổng \(a.contributions.count) đóng góp dưới đây"))
        for s in a.assertions {
            let now = s.announced == a.value ? lang.t("unchanged since", "không đổi từ") : lang.t("now \(lang.number(a.value)); differs by \(lang.number(a.value - s.announced))", "nay là \(lang.number(a.value)); chênh \(lang.number(a.value - s.announced))")
            out.append(lang.t("Announced: ", "Đã công bố: ") + "\(lang.number(s.announced)) (#\(s.seq), \(lang.instant(s.recorded)), \(s.by)"
                       + (s.note.map { ": \($0)" } ?? "") + ") — " + lang.t("log then gave ", "sổ lúc đó là ") + lang.number(s.valueThen) + "; " + now)
        }
        out.append("")
        out.append(h + lang.t("Timeline (value after each recording day that changed it)", "Diễn biến (giá trị sau mỗi ngày ghi sổ làm thay đổi)"))
        out.append(timelineText(a, lang))
        let amendments = a.amendments
        out.append("")
        out.append(h + lang.t("Corrections and retractions that touched it", "Đính chính và hủy bỏ liên quan"))
        if amendments.isEmpty { out.append(lang.t("(none)", "(không có)")) }
        for c in amendments {
            out.append("#\(c.seq) \(c.type.rawValue) → #\(c.amends!): \(c.amount > 0 ? "+" : "")\(lang.number(c.amount)) \(lang.t("in", "tại")) \(c.unit); "
                       + lang.t("reason", "lý do") + ": \(c.reason ?? "") [\(c.by), \(lang.instant(c.recorded))]")
        }
        out.append("")
        out.append(h + lang.t("Contributions", "Các bản ghi đóng góp"))
        var t = TextTable(header: ["seq", lang.t("type", "loại"), lang.t("occurred", "ngày xảy ra"), lang.t("recorded", "ngày ghi"),
                                   lang.t("unit", "đơn vị"), lang.t("by", "người ghi"), lang.t("amount", "số"), lang.t("note", "ghi chú")],
                          alignments: [.right, .left, .left, .left, .left, .left, .right, .left])
        // A batch's events share their recorded instant and often their day:
        // format each once (an audit can list tens of thousands of rows).
        var recorded = Memo<UTCInstant>(format: \.rfc3339), occurred = Memo<CivilDate>(format: lang.date)
        t.rows.reserveCapacity(a.contributions.count + 1)
        for c in a.contributions {
            let note = c.amends.map { "→ #\($0)" } ?? c.subject ?? ""
            t.append(["\(c.seq)", c.type.rawValue, occurred.text(c.occurred), recorded.text(c.recorded), c.unit, c.by,
                      (c.amount > 0 && c.amends != nil ? "+" : "") + lang.number(c.amount), note])
        }
        t.append(["", "", "", "", "", lang.t("total", "tổng"), lang.number(a.contributionsTotal), ""])
        out.append(t.render())
        return out.joined(separator: "\n") + "\n"
    }

    /// The timeline as a reader wants it: the days of ordinary recording
    /// before the figure was announced (or first amended) are summed up in
    /// one line; every step from then on is listed with its amendments.
    /// `--format json` keeps every step.
    static func timelineText(_ a: FigureAudit, _ lang: Language) -> String {
        guard !a.timeline.isEmpty else { return lang.t("(no change recorded)", "(không có thay đổi)") }
        let announced = a.assertions.map { Clock.vietnamDay(of: $0.recorded) }.min()
        let firstAmended = a.timeline.first { !$0.amendments.isEmpty }?.day
        let pivot = [announced, firstAmended].compactMap { $0 }.min()
        var steps = a.timeline[...]
        var parts: [String] = []
        if let pivot, a.timeline.count > 12 {
            let early = a.timeline.prefix { $0.day <= pivot && $0.amendments.isEmpty }
            if early.count > 1, let first = early.first, let last = early.last {
                parts.append(lang.t("\(early.count) recording days from \(lang.date(first.day)) to \(lang.date(last.day)) brought it to \(lang.number(last.value))",
                                    "\(early.count) ngày ghi sổ từ \(lang.date(first.day)) đến \(lang.date(last.day)) đưa lên \(lang.number(last.value))"))
                steps = a.timeline.dropFirst(early.count)
            }
        }
        for s in steps {
            var part = "\(lang.number(s.value)) " + lang.t("on", "ngày") + " \(lang.date(s.day))"
            if !s.amendments.isEmpty { part += " (" + s.amendments.map { "#\($0)" }.joined(separator: ", ") + ")" }
            parts.append(part)
        }
        return parts.joined(separator: "; ")
    }

    static func json(_ a: FigureAudit) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("metric"); w.string(a.metric.name)
        w.key("year"); w.int(Int64(a.year))
        w.key("unit"); w.string(a.unit)
        w.key("unit_name"); w.string(a.unitName)
        w.key("value"); w.int(Int64(a.value))
        w.key("fingerprint"); w.string(a.fingerprint.description)
        w.key("chain"); w.string(a.chain.rawValue)
        w.key("as_of"); if let x = a.asOf { w.string(x.rfc3339) } else { w.null() }
        w.key("contributions"); w.beginArray()
        for c in a.contributions {
            w.beginObject()
            w.key("seq"); w.int(Int64(c.seq))
            w.key("type"); w.string(c.type.rawValue)
            w.key("occurred"); w.string(c.occurred.iso)
            w.key("recorded"); w.string(c.recorded.rfc3339)
            w.key("unit"); w.string(c.unit)
            w.key("by"); w.string(c.by)
            w.key("amount"); w.int(Int64(c.amount))
            if let t = c.amends { w.key("amends"); w.int(Int64(t)) }
            if let r = c.reason { w.key("reason"); w.string(r) }
            if let s = c.subject { w.key("subject"); w.string(s) }
            w.endObject()
        }
        w.endArray()
        w.key("amendments"); w.beginArray()
        for c in a.amendments {
            w.beginObject()
            w.key("seq"); w.int(Int64(c.seq)); w.key("target"); w.int(Int64(c.amends ?? 0))
            w.key("amount"); w.int(Int64(c.amount)); w.key("reason"); w.string(c.reason ?? "")
            w.key("by"); w.string(c.by); w.key("recorded"); w.string(c.recorded.rfc3339)
            w.endObject()
        }
        w.endArray()
        w.key("timeline"); w.beginArray()
        for s in a.timeline {
            w.beginObject()
            w.key("recorded"); w.string(s.day.iso)
            w.key("value"); w.int(Int64(s.value))
            w.key("seqs"); w.beginArray(); for x in s.seqs { w.int(Int64(x)) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("assertions"); w.beginArray()
        for s in a.assertions {
            w.beginObject()
            w.key("seq"); w.int(Int64(s.seq)); w.key("recorded"); w.string(s.recorded.rfc3339)
            w.key("announced"); w.int(Int64(s.announced)); w.key("value_then"); w.int(Int64(s.valueThen)); w.key("value_now"); w.int(Int64(a.value))
            if let n = s.note { w.key("note"); w.string(n) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    public static func render(_ a: EventAudit, format: ReportFormat, lang: Language) -> String {
        let status: String
        switch a.status {
        case .inForce: status = lang.t("in force", "đang có hiệu lực")
        case .corrected(let by): status = lang.t("corrected by ", "đã đính chính bởi ") + by.map { "#\($0)" }.joined(separator: ", ")
        case .retracted(let by): status = lang.t("retracted by #\(by)", "đã hủy bỏ bởi #\(by)")
        case .amendment(let t): status = lang.t("an amendment of #\(t)", "bản ghi sửa đổi cho #\(t)")
        case .notAFact: status = lang.t("not a fact (contributes to no figure)", "không phải dữ kiện (không đóng góp vào chỉ tiêu)")
        }
        if format == .json {
            var w = JSONWriter()
            w.beginObject()
            w.key("seq"); w.int(Int64(a.event.seq))
            w.key("status"); w.string(status)
            w.key("event"); w.raw(Array(a.line.utf8))
            w.key("fingerprint"); w.string(a.fingerprint.description)
            w.key("chain"); w.string(a.chain.rawValue)
            w.key("figures"); w.beginArray()
            for f in a.figures {
                w.beginObject()
                w.key("metric"); w.string(f.metric.name); w.key("year"); w.int(Int64(f.year)); w.key("unit"); w.string(f.unit)
                w.key("amount"); w.int(Int64(f.amount)); w.key("value"); w.int(Int64(f.value))
                w.endObject()
            }
            w.endArray()
            w.key("amendments"); w.beginArray(); for x in a.amendments { w.int(Int64(x.seq)) }; w.endArray()
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        var out = [lang.t("Event #\(a.event.seq): \(status)", "Sự kiện #\(a.event.seq): \(status)"), a.line, ""]
        out += ReportHeader.provenance(fingerprint: a.fingerprint, asOf: nil, chain: a.chain, lang)
        for x in a.amendments {
            var reason = ""
            if case .corrected(let c) = x.data { reason = c.reason }
            if case .retracted(let r) = x.data { reason = r.reason }
            out.append("  #\(x.seq) \(x.type.rawValue) [\(x.by), \(lang.instant(x.recorded))]: \(reason)")
        }
        out.append("")
        if case .amendment(let target) = a.status {
            out.append(lang.t("It changes the figures of #\(target) (its contribution is in 'antq audit' of each figure); see 'antq audit --event \(target)'.",
                              "Nó thay đổi các chỉ tiêu của #\(target) (đóng góp hiện trong 'antq audit' của từng chỉ tiêu); xem 'antq audit --event \(target)'."))
        } else if a.figures.isEmpty {
            out.append(lang.t("It contributes to no figure.", "Không đóng góp vào chỉ tiêu nào."))
        } else {
            var t = TextTable(header: [lang.t("figure", "chỉ tiêu"), lang.t("year", "năm"), lang.t("unit", "đơn vị"),
                                       lang.t("this event", "sự kiện này"), lang.t("figure value", "giá trị chỉ tiêu")],
                              alignments: [.left, .right, .left, .right, .right])
            for f in a.figures {
                t.append([f.metric.name, "\(f.year)", "\(f.unitName) [\(f.unit)]", lang.number(f.amount), lang.number(f.value)])
            }
            out.append(t.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func render(_ d: FigureDiff, format: ReportFormat, lang: Language) -> String {
        if format == .json {
            var w = JSONWriter()
            w.beginObject()
            w.key("from"); w.string(d.from.rfc3339)
            w.key("to"); if let t = d.to { w.string(t.rfc3339) } else { w.null() }
            w.key("from_fingerprint"); w.string(d.fromFingerprint.description)
            w.key("to_fingerprint"); w.string(d.toFingerprint.description)
            w.key("chain"); w.string(d.chain.rawValue)
            w.key("changes"); w.beginArray()
            for c in d.changes {
                w.beginObject()
                w.key("metric"); w.string(c.metric.name); w.key("year"); w.int(Int64(c.year)); w.key("unit"); w.string(c.unit)
                w.key("before"); w.int(Int64(c.before)); w.key("after"); w.int(Int64(c.after))
                w.key("seqs"); w.beginArray(); for s in c.seqs { w.int(Int64(s)) }; w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        var out = [lang.t("Figures that changed between \(lang.instant(d.from)) (\(d.fromFingerprint)) and ", "Chỉ tiêu thay đổi giữa \(lang.instant(d.from)) (\(d.fromFingerprint)) và ")
                   + (d.to.map { lang.instant($0) } ?? lang.t("now", "hiện nay")) + " (\(d.toFingerprint))", ""]
        if d.chain == .notChecked { out.insert(ReportHeader.chainNotChecked(lang), at: 1) }
        if d.changes.isEmpty { out.append(lang.t("No figure changed.", "Không có chỉ tiêu nào thay đổi.")) }
        var t = TextTable(header: [lang.t("figure", "chỉ tiêu"), lang.t("year", "năm"), lang.t("unit", "đơn vị"), lang.t("before", "trước"),
                                   lang.t("after", "sau"), lang.t("change", "chênh"), lang.t("events", "sự kiện")],
                          alignments: [.left, .right, .left, .right, .right, .right, .left])
        for c in d.changes {
            t.append([c.metric.name, "\(c.year)", "\(c.unitName) [\(c.unit)]", lang.number(c.before), lang.number(c.after),
                      (c.after > c.before ? "+" : "") + lang.number(c.after - c.before), c.seqs.map { "#\($0)" }.joined(separator: " ")])
        }
        if !d.changes.isEmpty { out.append(t.render()) }
        return out.joined(separator: "\n") + "\n"
    }
}

/// The text of the last value formatted, kept while the next value is the same.
private struct Memo<Value: Equatable> {
    let format: (Value) -> String
    private var last: (value: Value, text: String)?

    init(format: @escaping (Value) -> String) { self.format = format }

    mutating func text(_ v: Value) -> String {
        if let last, last.value == v { return last.text }
        let s = format(v)
        last = (v, s)
        return s
    }
}
