import ANTQDomain
import ANTQStore
import TextFormats

/// One event as a page: what it records (each field under its label), its
/// standing (in force, corrected by, retracted by — linked), and every
/// figure it feeds. `antq audit --event N --format html` and the site's
/// event pages are this one renderer.
enum EventHTML {
    static func render(_ a: EventAudit, _ lang: Language, links: PageLinks = PageLinks(),
                       figureLink: (EventAudit.Figure) -> String? = { _ in nil }) -> String {
        var p = HTMLPage(lang: lang)
        let e = a.event
        let title = lang.t("Event #\(e.seq)", "Sự kiện #\(e.seq)") + " — " + lang.text(e.data.spec.label)
        p.nav(links.crumbs)
        p.heading(1, title)
        p.add("<p class=\"status\">" + status(a.status, lang, links) + "</p>")
        p.provenance(fingerprint: a.fingerprint, asOf: nil, lastRecorded: nil, chain: a.chain)

        p.heading(2, lang.t("Fields", "Các trường"))
        var dl = "<dl class=\"fields\">"
        func item(_ label: String, _ valueHTML: String) { dl += "<dt>\(escapeHTML(label))</dt><dd>\(valueHTML)</dd>" }
        item(lang.t("Type", "Loại"), escapeHTML(lang.text(e.data.spec.label)) + " (<code>\(escapeHTML(e.type.rawValue))</code>)")
        item(lang.t("Occurred", "Ngày xảy ra"), escapeHTML(lang.date(e.occurred)))
        item(lang.t("Recorded", "Ngày ghi"), escapeHTML(lang.instant(e.recorded)))
        if let u = e.unit { item(lang.t("Unit", "Đơn vị"), HTMLPage.link("\(links.unitName(u)) [\(u)]", links.unit(u))) }
        item(lang.t("Recorded by", "Người ghi"), escapeHTML(e.by))
        item("id", "<code>\(escapeHTML(e.id))</code>")
        fields(e.data, lang, links, item)
        p.add(dl + "</dl>")

        if !a.amendments.isEmpty {
            p.heading(2, lang.t("Amendments", "Sửa đổi"))
            p.htmlTable(caption: nil, header: ["seq", lang.t("Type", "Loại"), lang.t("Reason", "Lý do"), lang.t("By", "Người ghi"), lang.t("Recorded", "Ngày ghi")],
                        numeric: [0], rows: a.amendments.map { x in
                            [HTMLPage.link("#\(x.seq)", links.event(x.seq)), escapeHTML(lang.text(x.data.spec.label)),
                             escapeHTML(x.data.correction?.reason ?? x.data.retraction?.reason ?? ""), escapeHTML(x.by), escapeHTML(lang.instant(x.recorded))]
                        })
        }

        p.heading(2, lang.t("Figures it feeds", "Các chỉ tiêu được đóng góp"))
        if case .amendment(let target) = a.status {
            p.add("<p>" + escapeHTML(lang.t("It changes the figures of ", "Nó thay đổi các chỉ tiêu của ")) + HTMLPage.link("#\(target)", links.event(target)) + ".</p>")
        } else if a.figures.isEmpty {
            p.paragraph(lang.t("It contributes to no figure.", "Không đóng góp vào chỉ tiêu nào."))
        } else {
            p.htmlTable(caption: nil, header: [lang.t("Figure", "Chỉ tiêu"), lang.t("Period", "Kỳ"), lang.t("Unit", "Đơn vị"),
                                               lang.t("This event", "Sự kiện này"), lang.t("Figure value", "Giá trị chỉ tiêu")],
                        numeric: [3, 4], rows: a.figures.map { f in
                            [HTMLPage.link(lang.text(f.figure.label), figureLink(f)), escapeHTML(f.period.label),
                             HTMLPage.link("\(f.unitName) [\(f.unit)]", links.unit(f.unit)),
                             escapeHTML(lang.figure(f.amount, f.figure)), escapeHTML(lang.figure(f.value, f.figure))]
                        })
        }
        return p.render(title: title, footer: a.fingerprint)
    }

    static func status(_ s: EventAudit.Status, _ lang: Language, _ links: PageLinks) -> String {
        func seqs(_ list: [Int]) -> String { list.map { HTMLPage.link("#\($0)", links.event($0)) }.joined(separator: ", ") }
        switch s {
        case .inForce: return escapeHTML(lang.t("In force", "Đang có hiệu lực"))
        case .corrected(let by): return escapeHTML(lang.t("Corrected by ", "Đã đính chính bởi ")) + seqs(by)
        case .retracted(let by): return escapeHTML(lang.t("Retracted by ", "Đã hủy bỏ bởi ")) + seqs([by])
        case .amendment(let t): return escapeHTML(lang.t("An amendment of ", "Bản ghi sửa đổi cho ")) + seqs([t])
        case .notAFact: return escapeHTML(lang.t("Not a fact (contributes to no figure)", "Không phải dữ kiện (không đóng góp vào chỉ tiêu)"))
        }
    }

    /// Each field under its catalogue label; a correction's replacement is shown field by field too.
    static func fields(_ data: EventData, _ lang: Language, _ links: PageLinks, _ item: (String, String) -> Void) {
        for f in data.spec.fields {
            guard let v = data[f.ref], v != .null else { continue }
            switch (f.kind, v) {
            case (.fact, _): continue
            case (.replacementData, .data(let d)):
                item(f.label.text(vietnamese: lang.isVietnamese), escapeHTML(EventDescription.line(d, vietnamese: lang.isVietnamese, unitName: { links.unitName($0) })))
            default:
                let shown = EventDescription.shown(v, f.kind, .builtIn, lang.isVietnamese, { links.unitName($0) })
                if case .seq = f.kind, let t = v.int {
                    item(f.label.text(vietnamese: lang.isVietnamese), HTMLPage.link("#\(t)", links.event(Int(t))))
                } else {
                    item(f.label.text(vietnamese: lang.isVietnamese), escapeHTML(shown))
                }
            }
        }
        for d in data.declared { item(d.name, escapeHTML(d.value.plainText)) }
    }
}
