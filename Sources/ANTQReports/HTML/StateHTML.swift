import ANTQDomain
import TextFormats

/// The state of the movement on a day as one self-contained HTML page:
/// coverage (communes with a club), models by kind with members, cameras, per unit.
enum StateHTML {
    static func render(_ r: StateReport, _ lang: Language) -> String {
        var p = HTMLPage(lang: lang)
        let title = StateRenderer.title(r, lang)
        p.heading(1, title)
        p.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain)
        guard let root = r.rows.first else {
            p.paragraph(lang.t("No such unit.", "Không có đơn vị này."))
            return p.render(title: title, footer: r.fingerprint)
        }
        let f = root.figures
        var cards = "<div class=\"cards\">"
        cards += card("communes.with_club", "\(lang.number(f[.state(.communesWithClub)] ?? 0))/\(lang.number(f[.state(.communes)] ?? 0))",
                      lang.t("Communes with a crime-prevention club", "Xã, phường, thị trấn có CLB phòng, chống tội phạm"))
        for k in ModelKind.allCases {
            let n = f[.state(.models(k))] ?? 0, members = f[.state(.members(k))] ?? 0
            let sub = members > 0 ? lang.t("\(lang.number(members)) members", "\(lang.number(members)) thành viên") : nil
            cards += card("models.\(k.rawValue)", lang.number(n), MetricLabels.label(.state(.models(k)), lang), sub: sub)
        }
        cards += card("cameras", lang.number(f[.state(.cameras)] ?? 0), MetricLabels.label(.state(.cameras), lang))
        p.add(cards + "</div>")

        p.heading(2, lang.t("Community models", "Mô hình quần chúng"))
        p.add("<div class=\"wide\">")
        p.figure(lang.t("Models by kind", "Mô hình theo loại"), CoverageCharts.modelsByKind(f, lang))
        let children = r.rows.filter { $0.depth == 1 }
        if !children.isEmpty {
            p.figure(lang.t("Communes with a crime-prevention club, per unit", "Xã, phường, thị trấn có CLB phòng, chống tội phạm, theo đơn vị"),
                     CoverageCharts.clubCoverage(children.map { ($0.name, $0.figures) }, lang))
            let camRows = children.map { SVGChart.Row(label: $0.name, values: [$0.figures[.state(.cameras)] ?? 0]) }
            p.figure(lang.t("Security cameras, per unit", "Camera an ninh theo đơn vị"),
                     SVGChart.bars(title: MetricLabels.label(.state(.cameras), lang), rows: camRows,
                                   series: [SVGChart.Series(name: lang.t("Cameras", "Camera"), style: .solid)], lang: lang))
        }
        p.add("</div>")

        p.heading(2, lang.t("All figures", "Toàn bộ chỉ tiêu"))
        let rows = StateRenderer.stateMetrics.map { m -> (cells: [String], sub: Bool) in
            let label = MetricLabels.label(m, lang)
            return ([label.trimmingLeadingSpaces, m.name, lang.number(f[m] ?? 0)], label.hasPrefix(" "))
        }
        p.table(caption: nil, header: [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã"), lang.t("Value", "Số lượng")], numeric: [2], rows: rows)
        if r.rows.count > 1 {
            let cols = StateRenderer.unitColumns
            p.table(caption: lang.t("Per unit", "Theo đơn vị"), header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + cols.map { MetricLabels.short($0, lang) },
                    numeric: Set(2..<(2 + cols.count)),
                    rows: r.rows.map { row in ([row.name, row.code] + cols.map { lang.number(row.figures[$0] ?? 0) }, row.depth > 0) })
        }
        if !r.models.isEmpty {
            p.table(caption: lang.t("Active models", "Các mô hình đang hoạt động"),
                    header: [lang.t("Name", "Tên"), lang.t("Kind", "Loại"), lang.t("Unit", "Đơn vị"), lang.t("Members", "Thành viên"), lang.t("Since", "Từ ngày")],
                    numeric: [3],
                    rows: r.models.map { v in ([v.name, MetricLabels.label(.state(.models(v.kind)), lang), r.unitNames[v.unit] ?? v.unit,
                                                lang.number(v.members), lang.date(v.established)], false) })
        }
        return p.render(title: title, footer: r.fingerprint)
    }

    static func card(_ metric: String, _ value: String, _ label: String, sub: String? = nil) -> String {
        "<div class=\"card\" data-metric=\"\(metric)\"><div class=\"value\">\(escapeHTML(value))</div><div class=\"label\">\(escapeHTML(label))</div>"
            + (sub.map { "<div class=\"change\">\(escapeHTML($0))</div>" } ?? "") + "</div>"
    }
}
