import ANTQDomain
import ANTQStore
import Decimals
import TextFormats

/// Where a page's names and numbers lead. `antq audit --format html` has
/// no other pages to point at (every closure gives nil: plain text); the
/// static site fills them in.
struct PageLinks {
    var event: (Int) -> String? = { _ in nil }
    var unit: (String) -> String? = { _ in nil }
    var unitName: (String) -> String = { $0 }
    var crumbs: [(text: String, href: String?)] = []
}

/// The history of a figure as a page: value, announced against current,
/// the timeline as a step chart, corrections with their reasons and the
/// contribution table (grouped by month when long).
enum AuditHTML {
    /// Above this many rows the contribution table is split by month of occurrence.
    static let monthGrouping = 60

    static func render(_ a: FigureAudit, _ lang: Language, links: PageLinks = PageLinks()) -> String {
        var p = HTMLPage(lang: lang)
        let d = a.figure
        let title = AuditRenderer.title(a, lang)
        p.nav(links.crumbs)
        p.heading(1, lang.text(d.label))
        p.add("<p class=\"period\">\(escapeHTML(ReportHeader.period(a.period, lang))) — \(HTMLPage.link("\(a.unitName) [\(a.unit)]", links.unit(a.unit)))</p>")
        p.provenance(fingerprint: a.fingerprint, asOf: a.asOf, lastRecorded: nil, chain: a.chain)
        var cards = "<div class=\"cards\"><div class=\"card\" data-metric=\"\(escapeHTML(d.name))\"><div class=\"value\" data-value=\"\(a.value.map { $0.plain() } ?? "")\">"
            + escapeHTML(lang.figure(a.value, d)) + "</div><div class=\"label\">" + escapeHTML(lang.t("Value now", "Giá trị hiện nay")) + "</div></div>"
        for s in a.assertions {
            cards += "<div class=\"card\"><div class=\"value\">\(escapeHTML(lang.figure(s.announced, d)))</div><div class=\"label\">"
                + escapeHTML(lang.t("Announced", "Đã công bố")) + " " + HTMLPage.link("#\(s.seq)", links.event(s.seq)) + "</div><div class=\"change\">"
                + escapeHTML(lang.instant(s.recorded) + ", " + s.by + (s.note.map { ": " + $0 } ?? "")) + "</div></div>"
        }
        p.add(cards + "</div>")
        if let day = a.restatedOn { p.paragraph(AuditRenderer.restatedLine(a, day, lang), cls: "estimate") }
        if d.isRatio {
            p.paragraph(lang.t("A ratio of two figures; audit each of them for its events.", "Tỉ lệ của hai chỉ tiêu; kiểm tra từng chỉ tiêu để xem các sự kiện."), cls: "note")
        } else if !d.isFlow && !a.contributions.isEmpty {
            p.paragraph(lang.t("A standing figure: what stands on \(lang.date(a.period.lastDay)), each through the event that set it.",
                               "Chỉ tiêu hiện trạng: những gì còn đến ngày \(lang.date(a.period.lastDay)), mỗi dòng kèm sự kiện tạo nên nó."), cls: "note")
        } else if !d.isFlow {
            p.paragraph(lang.t("A standing figure: the models, communes or records behind it are listed by 'antq audit \(d.name) --period \(a.period.label) --unit \(a.unit)'.",
                               "Chỉ tiêu hiện trạng: các mô hình, xã hoặc bản ghi tạo nên nó được liệt kê bởi 'antq audit \(d.name) --period \(a.period.label) --unit \(a.unit)'."), cls: "note")
        } else {
            p.paragraph(lang.t("= the sum of the \(lang.number(a.contributions.count)) contributions below.",
                               "= tổng \(lang.number(a.contributions.count)) đóng góp dưới đây."), cls: "note")
        }
        for s in a.assertions where s.announced != a.value {
            let gap = a.value.map { lang.signed($0 + s.announced.negated(), d) } ?? "—"
            p.paragraph(lang.t("Announced \(lang.figure(s.announced, d)) (the log then gave \(lang.figure(s.valueThen, d))); now \(lang.figure(a.value, d)): differs by \(gap).",
                               "Đã công bố \(lang.figure(s.announced, d)) (sổ lúc đó là \(lang.figure(s.valueThen, d))); nay là \(lang.figure(a.value, d)): chênh \(gap)."))
        }

        if d.isFlow || !a.timeline.isEmpty { timeline(&p, a, lang) }
        corrections(&p, a, lang, links)
        // A ratio has no contributions of its own (its two figures do): no table, no total of 0.
        if !d.isRatio {
            p.heading(2, lang.t("Contributions", "Các bản ghi đóng góp"))
            contributions(&p, a, lang, links)
        }
        return p.render(title: title, footer: a.fingerprint)
    }

    static func timeline(_ p: inout HTMLPage, _ a: FigureAudit, _ lang: Language) {
        let d = a.figure
        p.heading(2, lang.t("Timeline", "Diễn biến"))
        let points = a.timeline.map { (day: $0.day, value: $0.value ?? .zero) }
        p.figure(lang.t("Value after each recording day that changed it", "Giá trị sau mỗi ngày ghi sổ làm thay đổi"),
                 SVGChart.steps(title: lang.text(d.label), points: points, lang: lang))
    }

    static func corrections(_ p: inout HTMLPage, _ a: FigureAudit, _ lang: Language, _ links: PageLinks) {
        let d = a.figure
        p.heading(2, lang.t("Corrections and retractions", "Đính chính và hủy bỏ"))
        let amendments = a.amendments
        if amendments.isEmpty {
            p.paragraph(lang.t("None touched this figure.", "Không có đính chính hay hủy bỏ nào liên quan."))
        } else {
            p.htmlTable(caption: nil, header: ["seq", lang.t("Amends", "Sửa cho"), lang.t("Change", "Thay đổi"), lang.t("Unit", "Đơn vị"),
                                               lang.t("Reason", "Lý do"), lang.t("By", "Người ghi"), lang.t("Recorded", "Ngày ghi")],
                        numeric: [0, 1, 2],
                        rows: amendments.map { c in
                            [HTMLPage.link("#\(c.seq)", links.event(c.seq)), HTMLPage.link("#\(c.amends ?? 0)", links.event(c.amends ?? 0)),
                             escapeHTML(lang.signed(c.amount, d)), HTMLPage.link(links.unitName(c.unit), links.unit(c.unit)),
                             escapeHTML(c.reason ?? ""), escapeHTML(c.by), escapeHTML(lang.instant(c.recorded))]
                        })
        }
    }

    static func contributions(_ p: inout HTMLPage, _ a: FigureAudit, _ lang: Language, _ links: PageLinks) {
        let d = a.figure
        let header = ["seq", lang.t("Occurred", "Ngày xảy ra"), lang.t("Recorded", "Ngày ghi"), lang.t("Unit", "Đơn vị"),
                      lang.t("Recorded by", "Người ghi"), lang.t("Amount", "Số"), lang.t("Note", "Ghi chú")]
        func row(_ c: FigureAudit.Contribution) -> [String] {
            // With the digits it has, as the figure above it is shown (1,4, not 1,400).
            let amount = c.amends != nil ? lang.signed(c.amount, d) : lang.number(c.amount.normalized)
            let note = c.amends.map { HTMLPage.link("→ #\($0)", links.event($0)) } ?? escapeHTML(c.subject ?? "")
            return [HTMLPage.link("#\(c.seq)", links.event(c.seq)), escapeHTML(lang.date(c.occurred)), escapeHTML(lang.instant(c.recorded)),
                    HTMLPage.link(links.unitName(c.unit), links.unit(c.unit)), escapeHTML(c.by), "<span class=\"amount\" data-value=\"\(c.amount.plain())\">\(escapeHTML(amount))</span>", note]
        }
        let total = [escapeHTML(lang.t("total", "tổng")), "", "", "", "", escapeHTML(lang.number(a.contributionsTotal.normalized)), ""]
        guard a.contributions.count > monthGrouping else {
            p.htmlTable(caption: nil, header: header, numeric: [0, 5], rows: a.contributions.map(row) + [total], cls: "contributions")
            return
        }
        var months: [(key: Int, rows: [FigureAudit.Contribution])] = []
        for c in a.contributions.sorted(by: { ($0.occurred, $0.seq) < ($1.occurred, $1.seq) }) {
            let key = c.occurred.year * 12 + c.occurred.month - 1
            if months.last?.key == key { months[months.count - 1].rows.append(c) } else { months.append((key, [c])) }
        }
        p.paragraph(lang.t("Grouped by month of occurrence.", "Chia theo tháng xảy ra."), cls: "note")
        p.add("<ul class=\"months\">" + months.map { m in
            "<li><a href=\"#m\(m.key)\">\(escapeHTML(monthName(m.key, lang)))</a> (\(lang.number(m.rows.count)))</li>"
        }.joined() + "</ul>")
        for m in months {
            let sum = m.rows.reduce(ExactDecimal.zero) { $0 + $1.amount }
            p.heading(3, monthName(m.key, lang) + " — " + lang.number(sum), id: "m\(m.key)")
            p.htmlTable(caption: nil, header: header, numeric: [0, 5], rows: m.rows.map(row), cls: "contributions")
        }
        p.htmlTable(caption: nil, header: header, numeric: [0, 5], rows: [total])
    }

    static func monthName(_ key: Int, _ lang: Language) -> String {
        let y = key / 12, m = key % 12 + 1
        return lang.t("\(y)-\(m < 10 ? "0" : "")\(m)", "Tháng \(m)/\(y)")
    }
}
