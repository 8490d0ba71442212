import ANTQDomain
import Decimals
import TextFormats

/// The state of the movement on a day as one self-contained HTML page:
/// coverage (communes with a club), models by kind with members, cameras,
/// declared level indicators, per unit.
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
        func v(_ row: StateReport.Row, _ name: String) -> ExactDecimal { (row.values[name] ?? nil) ?? .zero }
        var cards = "<div class=\"cards\">"
        cards += card("communes.with_club", "\(lang.number(v(root, "communes.with_club")))/\(lang.number(v(root, "communes")))",
                      lang.t("Communes with a crime-prevention club", "Xã, phường, thị trấn có CLB phòng, chống tội phạm"))
        for d in r.figures where d.name.hasPrefix("models.") && !d.name.hasSuffix(".members") {
            let members = v(root, d.name + ".members")
            let sub = members.isZero ? nil : lang.t("\(lang.number(members)) members", "\(lang.number(members)) thành viên")
            cards += card(d.name, lang.figure(v(root, d.name), d), lang.text(d.label), sub: sub)
        }
        for d in r.figures where d.name == "cameras" || (d.declared && d.depth == 0) {
            cards += card(d.name, lang.figure(root.values[d.name] ?? nil, d), lang.text(d.label))
        }
        p.add(cards + "</div>")
        // Totals first: one line per kind, so the whole picture fits a screen before any detail.
        let kindFigures = r.figures.filter { $0.name.hasPrefix("models.") && !$0.name.hasSuffix(".members") }
        p.table(caption: lang.t("Models by kind", "Mô hình theo loại"),
                header: [lang.t("Kind", "Loại"), lang.t("Models", "Số mô hình"), lang.t("Members", "Thành viên")], numeric: [1, 2],
                rows: kindFigures.map { d in ([lang.text(d.label), lang.figure(v(root, d.name), d), lang.number(v(root, d.name + ".members"))], false) }
                    + [([lang.t("Total", "Tổng"), lang.number(kindFigures.reduce(ExactDecimal.zero) { $0 + v(root, $1.name) }),
                         lang.number(kindFigures.reduce(ExactDecimal.zero) { $0 + v(root, $1.name + ".members") })], false)])

        p.heading(2, lang.t("Community models", "Mô hình quần chúng"))
        p.add("<div class=\"wide\">")
        p.figure(lang.t("Models by kind", "Mô hình theo loại"), CoverageCharts.modelsByKind(r.figures, root.values, lang))
        let children = r.rows.filter { $0.depth == 1 }
        if !children.isEmpty {
            p.figure(lang.t("Communes with a crime-prevention club, per unit", "Xã, phường, thị trấn có CLB phòng, chống tội phạm, theo đơn vị"),
                     CoverageCharts.clubCoverage(children.map { ($0.name, $0.values) }, lang))
            let camRows = children.map { SVGChart.Row(label: $0.name, values: [v($0, "cameras")]) }
            p.figure(lang.t("Security cameras, per unit", "Camera an ninh theo đơn vị"),
                     SVGChart.bars(title: lang.t("Security cameras", "Camera an ninh"), rows: camRows,
                                   series: [SVGChart.Series(name: lang.t("Cameras", "Camera"), style: .solid)], lang: lang))
        }
        p.add("</div>")

        p.heading(2, lang.t("All figures", "Toàn bộ chỉ tiêu"))
        let rows = r.figures.map { d -> (cells: [String], sub: Bool) in
            ([lang.text(d.label), d.name, lang.figure(root.values[d.name] ?? nil, d)], d.depth > 0)
        }
        p.table(caption: nil, header: [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã"), lang.t("Value", "Số lượng")], numeric: [2], rows: rows)
        if r.rows.count > 1 {
            let cols = r.unitColumns
            p.table(caption: lang.t("Per unit", "Theo đơn vị"), header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + cols.map { lang.text($0.shortLabel) },
                    numeric: Set(2..<(2 + cols.count)),
                    rows: r.rows.map { row in ([row.name, row.code] + cols.map { lang.figure(row.values[$0.name] ?? nil, $0) }, row.depth > 0) })
        }
        if !r.models.isEmpty { modelsByKind(&p, r, lang) }
        return p.render(title: title, footer: r.fingerprint)
    }

    /// The active models, one table per kind (the kind's count and members in its heading).
    static func modelsByKind(_ p: inout HTMLPage, _ r: StateReport, _ lang: Language) {
        let kinds = Dictionary(r.figures.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        p.heading(2, lang.t("Active models, by kind", "Các mô hình đang hoạt động, theo loại"))
        var order: [String] = []
        var groups: [String: [ModelRegistry.View]] = [:]
        for m in r.models {
            if groups[m.kind] == nil { order.append(m.kind) }
            groups[m.kind, default: []].append(m)
        }
        for kind in order {
            let list = groups[kind] ?? []
            let label = kinds["models.\(kind)"].map { lang.text($0.label) } ?? kind
            let members = list.reduce(0) { $0 + Int($1.members) }
            p.heading(3, "\(label): \(lang.number(list.count))" + lang.t(" models, \(lang.number(members)) members", " mô hình, \(lang.number(members)) thành viên"))
            p.table(caption: nil, header: [lang.t("Name", "Tên"), lang.t("Unit", "Đơn vị"), lang.t("Members", "Thành viên"), lang.t("Since", "Từ ngày")],
                    numeric: [2], rows: list.map { m in ([m.name, r.unitNames[m.unit] ?? m.unit, lang.number(Int(m.members)), lang.date(m.established)], false) })
        }
    }

    static func card(_ metric: String, _ value: String, _ label: String, sub: String? = nil) -> String {
        "<div class=\"card\" data-metric=\"\(escapeHTML(metric))\"><div class=\"value\">\(escapeHTML(value))</div><div class=\"label\">\(escapeHTML(label))</div>"
            + (sub.map { "<div class=\"change\">\(escapeHTML($0))</div>" } ?? "") + "</div>"
    }
}
