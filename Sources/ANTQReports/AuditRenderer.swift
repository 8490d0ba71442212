import ANTQDomain
import ANTQStore
import Decimals
import JSONCodec
import TextFormats

/// Renders the history of a figure (`antq audit FIGURE`); the renderers of
/// an event's standing and of a diff are in `AuditRenderer+Event.swift`.
public enum AuditRenderer {
    /// Says that a figure is read on a later day's units (its predecessors'
    /// events), not on the units of the period.
    static func restatedLine(_ a: FigureAudit, _ day: CivilDate, _ lang: Language) -> String {
        lang.t("Restated on the units of \(lang.date(day)): the value is the sum of the events of the units that make up \(a.unitName) on that day (its predecessors).",
               "Tính lại theo địa giới ngày \(lang.date(day)): giá trị là tổng các sự kiện của các đơn vị hợp thành \(a.unitName) vào ngày đó (các đơn vị tiền thân).")
    }

    /// `unitNames` turns the codes of the contributions into names on the HTML page.
    public static func render(_ a: FigureAudit, format: ReportFormat, lang: Language, unitNames: [String: String] = [:]) -> String {
        switch format {
        case .json: return json(a)
        case .csv:
            var rows = [["seq", "type", "occurred", "recorded", "unit", "by", "amount", "amends", "reason", "subject"]]
            for c in a.contributions {
                rows.append(["\(c.seq)", c.type.rawValue, c.occurred.iso, c.recorded.rfc3339, c.unit, c.by,
                             c.amount.plain(decimals: a.figure.decimals), c.amends.map(String.init) ?? "", c.reason ?? "", c.subject ?? ""])
            }
            return CSVWriter(neutralizesFormulas: true).write(ChainMark.csvRows(rows, a.chain))
        case .markdown: return text(a, lang, markdown: true)
        case .html:
            return AuditHTML.render(a, lang, links: PageLinks(unitName: { unitNames[$0] ?? $0 }))
        case .text: return text(a, lang, markdown: false)
        }
    }

    static func title(_ a: FigureAudit, _ lang: Language) -> String {
        let label = lang.text(a.figure.label)
        return lang.t("Audit of \(a.figure.name) (\(label)), \(a.period.words(vietnamese: false)), \(a.unitName) [\(a.unit)]",
                      "Kiểm tra chỉ tiêu \(a.figure.name) (\(label)), \(a.period.words(vietnamese: true)), \(a.unitName) [\(a.unit)]")
    }

    static func text(_ a: FigureAudit, _ lang: Language, markdown: Bool) -> String {
        let h = markdown ? "## " : ""
        let d = a.figure
        func n(_ v: ExactDecimal?) -> String { lang.figure(v, d) }
        var out = [(markdown ? "# " : "") + title(a, lang), ReportHeader.period(a.period, lang)]
        out += ReportHeader.provenance(fingerprint: a.fingerprint, asOf: a.asOf, chain: a.chain, lang)
        out.append("")
        if d.isRatio {
            out.append(lang.t("Value: ", "Giá trị: ") + n(a.value)
                       + lang.t(" = a ratio of two figures; audit each of them for its events", " = tỉ lệ của hai chỉ tiêu; kiểm tra từng chỉ tiêu để xem các sự kiện"))
        } else {
            out.append(lang.t("Value: ", "Giá trị: ") + n(a.value)
                       + lang.t(" = sum of \(lang.number(a.contributions.count)) contribution(s) below", " = tổng \(lang.number(a.contributions.count)) đóng góp dưới đây"))
        }
        if let day = a.restatedOn { out.append(restatedLine(a, day, lang)) }
        for s in a.assertions {
            let now: String
            if s.announced == a.value { now = lang.t("unchanged since", "không đổi từ") } else {
                let gap = a.value.map { lang.signed($0 + s.announced.negated(), d) } ?? "—"
                now = lang.t("now \(n(a.value)); differs by \(gap)", "nay là \(n(a.value)); chênh \(gap)")
            }
            out.append(lang.t("Announced: ", "Đã công bố: ") + "\(n(s.announced)) (#\(s.seq), \(lang.instant(s.recorded)), \(s.by)"
                       + (s.note.map { ": \($0)" } ?? "") + ") — " + lang.t("log then gave ", "sổ lúc đó là ") + n(s.valueThen) + "; " + now)
        }
        out.append("")
        out.append(h + lang.t("Timeline (value after each recording day that changed it)", "Diễn biến (giá trị sau mỗi ngày ghi sổ làm thay đổi)"))
        out.append(timelineText(a, lang))
        out.append("")
        out.append(h + lang.t("Corrections and retractions that touched it", "Đính chính và hủy bỏ liên quan"))
        if a.amendments.isEmpty { out.append(lang.t("(none)", "(không có)")) }
        for c in a.amendments {
            out.append("#\(c.seq) \(c.type.rawValue) → #\(c.amends!): \(lang.signed(c.amount, d)) \(lang.t("in", "tại")) \(c.unit); "
                       + lang.t("reason", "lý do") + ": \(c.reason ?? "") [\(c.by), \(lang.instant(c.recorded))]")
        }
        // A ratio has no contributions of its own (its two figures do): no table, no total of 0.
        if !d.isRatio {
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
                // With the digits it has, as the value above is shown (1,4, not 1,400).
                let amount = c.amends != nil ? lang.signed(c.amount, d) : lang.number(c.amount.normalized)
                t.append(["\(c.seq)", c.type.rawValue, occurred.text(c.occurred), recorded.text(c.recorded), c.unit, c.by, amount, note])
            }
            t.append(["", "", "", "", "", lang.t("total", "tổng"), lang.number(a.contributionsTotal.normalized), ""])
            out.append(t.render())
        }
        // In Markdown, `<`, `>` and `&` of a unit's or a recorder's name would reach a viewer as HTML.
        if markdown { out = out.map { $0.replacing("&", with: "\\&").replacing("<", with: "\\<").replacing(">", with: "\\>") } }
        return out.joined(separator: "\n") + "\n"
    }

    /// The timeline as a reader wants it: the days of ordinary recording
    /// before the figure was announced (or first amended) are summed up in
    /// one line; every step from then on is listed with its amendments.
    /// `--format json` keeps every step.
    static func timelineText(_ a: FigureAudit, _ lang: Language) -> String {
        guard !a.timeline.isEmpty else { return lang.t("(no change recorded)", "(không có thay đổi)") }
        func n(_ v: ExactDecimal?) -> String { lang.figure(v, a.figure) }
        let announced = a.assertions.map { Clock.vietnamDay(of: $0.recorded) }.min()
        let firstAmended = a.timeline.first { !$0.amendments.isEmpty }?.day
        let pivot = [announced, firstAmended].compactMap { $0 }.min()
        var steps = a.timeline[...]
        var parts: [String] = []
        if let pivot, a.timeline.count > 12 {
            let early = a.timeline.prefix { $0.day <= pivot && $0.amendments.isEmpty }
            if early.count > 1, let first = early.first, let last = early.last {
                parts.append(lang.t("\(early.count) recording days from \(lang.date(first.day)) to \(lang.date(last.day)) brought it to \(n(last.value))",
                                    "\(early.count) ngày ghi sổ từ \(lang.date(first.day)) đến \(lang.date(last.day)) đưa lên \(n(last.value))"))
                steps = a.timeline.dropFirst(early.count)
            }
        }
        for s in steps {
            var part = "\(n(s.value)) " + lang.t("on", "ngày") + " \(lang.date(s.day))"
            if !s.amendments.isEmpty { part += " (" + s.amendments.map { "#\($0)" }.joined(separator: ", ") + ")" }
            parts.append(part)
        }
        return parts.joined(separator: "; ")
    }

    static func json(_ a: FigureAudit) -> String {
        let dec = a.figure.decimals
        var w = JSONWriter()
        w.beginObject()
        ReportHeader.jsonFigure(a.figure, a.period, &w)
        w.key("unit"); w.string(a.unit)
        w.key("unit_name"); w.string(a.unitName)
        w.key("value"); ReportHeader.json(a.value, decimals: dec, &w)
        if let day = a.restatedOn { w.key("restated_on"); w.string(day.iso) }
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
            w.key("amount"); ReportHeader.json(c.amount, decimals: dec, &w)
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
            w.key("amount"); ReportHeader.json(c.amount, decimals: dec, &w); w.key("reason"); w.string(c.reason ?? "")
            w.key("by"); w.string(c.by); w.key("recorded"); w.string(c.recorded.rfc3339)
            w.endObject()
        }
        w.endArray()
        w.key("timeline"); w.beginArray()
        for s in a.timeline {
            w.beginObject()
            w.key("recorded"); w.string(s.day.iso)
            w.key("value"); ReportHeader.json(s.value, decimals: dec, &w)
            w.key("seqs"); w.beginArray(); for x in s.seqs { w.int(Int64(x)) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("assertions"); w.beginArray()
        for s in a.assertions {
            w.beginObject()
            w.key("seq"); w.int(Int64(s.seq)); w.key("recorded"); w.string(s.recorded.rfc3339)
            w.key("announced"); ReportHeader.json(s.announced, decimals: dec, &w)
            w.key("value_then"); ReportHeader.json(s.valueThen, decimals: dec, &w)
            w.key("value_now"); ReportHeader.json(a.value, decimals: dec, &w)
            if let n = s.note { w.key("note"); w.string(n) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }
}

/// The text of the last value formatted, kept while the next value is the same.
struct Memo<Value: Equatable> {
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
