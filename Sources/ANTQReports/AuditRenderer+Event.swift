import ANTQDomain
import ANTQStore
import Decimals
import JSONCodec
import TextFormats

extension AuditRenderer {
    /// An event's standing (`antq audit --event N`).
    public static func render(_ a: EventAudit, format: ReportFormat, lang: Language) -> String {
        let status: String
        switch a.status {
        case .inForce: status = lang.t("in force", "đang có hiệu lực")
        case .corrected(let by): status = lang.t("corrected by ", "đã đính chính bởi ") + by.map { "#\($0)" }.joined(separator: ", ")
        case .retracted(let by): status = lang.t("retracted by #\(by)", "đã hủy bỏ bởi #\(by)")
        case .amendment(let t): status = lang.t("an amendment of #\(t)", "bản ghi sửa đổi cho #\(t)")
        case .notAFact: status = lang.t("not a fact (contributes to no figure)", "không phải dữ kiện (không đóng góp vào chỉ tiêu)")
        }
        if format == .html { return EventHTML.render(a, lang) }
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
                ReportHeader.jsonFigure(f.figure, f.period, &w)
                w.key("unit"); w.string(f.unit)
                w.key("amount"); ReportHeader.json(f.amount, decimals: f.figure.decimals, &w)
                w.key("value"); ReportHeader.json(f.value, decimals: f.figure.decimals, &w)
                w.endObject()
            }
            w.endArray()
            w.key("amendments"); w.beginArray(); for x in a.amendments { w.int(Int64(x.seq)) }; w.endArray()
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        // The stored line and the amendments' authors and reasons as antq shows text on a terminal: control characters made visible.
        var out = [lang.t("Event #\(a.event.seq): \(status)", "Sự kiện #\(a.event.seq): \(status)"), ControlEscaping.visible(a.line), ""]
        out += ReportHeader.provenance(fingerprint: a.fingerprint, asOf: nil, chain: a.chain, lang)
        for x in a.amendments {
            let reason = x.data.correction?.reason ?? x.data.retraction?.reason ?? ""
            out.append(ControlEscaping.visible("  #\(x.seq) \(x.type.rawValue) [\(x.by), \(lang.instant(x.recorded))]: \(reason)"))
        }
        out.append("")
        if case .amendment(let target) = a.status {
            out.append(lang.t("It changes the figures of #\(target) (its contribution is in 'antq audit' of each figure); see 'antq audit --event \(target)'.",
                              "Nó thay đổi các chỉ tiêu của #\(target) (đóng góp hiện trong 'antq audit' của từng chỉ tiêu); xem 'antq audit --event \(target)'."))
        } else if a.figures.isEmpty {
            out.append(lang.t("It contributes to no figure.", "Không đóng góp vào chỉ tiêu nào."))
        } else {
            var t = TextTable(header: [lang.t("figure", "chỉ tiêu"), lang.t("period", "kỳ"), lang.t("unit", "đơn vị"),
                                       lang.t("this event", "sự kiện này"), lang.t("figure value", "giá trị chỉ tiêu")],
                              alignments: [.left, .right, .left, .right, .right])
            for f in a.figures {
                t.append([f.figure.name, f.period.label, "\(f.unitName) [\(f.unit)]", lang.figure(f.amount, f.figure), lang.figure(f.value, f.figure)])
            }
            out.append(t.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The figures that changed between two knowledge dates (`antq diff`).
    /// Text and JSON only: the command declares no other format, and `diffFormats` says so to callers.
    public static let diffFormats: Set<ReportFormat> = [.text, .json]

    public static func render(_ d: FigureDiff, format: ReportFormat, lang: Language) -> String {
        if format == .json {
            var w = JSONWriter()
            w.beginObject()
            w.key("from"); w.string(d.from.rfc3339)
            w.key("to"); if let t = d.to { w.string(t.rfc3339) } else { w.null() }
            w.key("from_fingerprint"); w.string(d.fromFingerprint.description)
            w.key("to_fingerprint"); w.string(d.toFingerprint.description)
            w.key("chain"); w.string(d.chain.rawValue)
            if let p = d.period { w.key("period"); ReportHeader.json(p, &w, lang) }
            w.key("changes"); w.beginArray()
            for c in d.changes {
                w.beginObject()
                ReportHeader.jsonFigure(c.figure, c.period, &w)
                w.key("unit"); w.string(c.unit)
                w.key("before"); ReportHeader.json(c.before, decimals: c.figure.decimals, &w)
                w.key("after"); ReportHeader.json(c.after, decimals: c.figure.decimals, &w)
                w.key("seqs"); w.beginArray(); for s in c.seqs { w.int(Int64(s)) }; w.endArray()
                w.endObject()
            }
            w.endArray()
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        // To the second: two knowledge dates are often minutes apart or less.
        let from = lang.instant(d.from, seconds: true)
        var out = [lang.t("Figures that changed between \(from) (\(d.fromFingerprint)) and ", "Chỉ tiêu thay đổi giữa \(from) (\(d.fromFingerprint)) và ")
                   + (d.to.map { lang.instant($0, seconds: true) } ?? lang.t("now", "hiện nay")) + " (\(d.toFingerprint))", ""]
        if let p = d.period { out.insert(ReportHeader.period(p, lang), at: 1) }
        if d.chain == .notChecked { out.insert(ReportHeader.chainNotChecked(lang), at: 1) }
        if d.changes.isEmpty { out.append(lang.t("No figure changed.", "Không có chỉ tiêu nào thay đổi.")) }
        var t = TextTable(header: [lang.t("figure", "chỉ tiêu"), lang.t("period", "kỳ"), lang.t("unit", "đơn vị"), lang.t("before", "trước"),
                                   lang.t("after", "sau"), lang.t("change", "chênh"), lang.t("events", "sự kiện")],
                          alignments: [.left, .right, .left, .right, .right, .right, .left])
        for c in d.changes {
            let change = lang.signed((c.after ?? .zero) + (c.before ?? .zero).negated(), c.figure)
            t.append([c.figure.name, c.period.label, "\(c.unitName) [\(c.unit)]", lang.figure(c.before, c.figure), lang.figure(c.after, c.figure),
                      change, c.seqs.map { "#\($0)" }.joined(separator: " ")])
        }
        if !d.changes.isEmpty { out.append(t.render()) }
        return out.joined(separator: "\n") + "\n"
    }
}
