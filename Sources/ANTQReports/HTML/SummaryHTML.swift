import ANTQDomain
import TextFormats

/// The annual summary as one self-contained HTML page for the review
/// conference: headline figures, this year against the comparison year
/// (last year unless `--compare` says otherwise), figures per district,
/// model coverage, then the full tables.
enum SummaryHTML {
    /// Flow figures with a chart of their own (the top-level ones).
    static let chartedFlows = ["tips", "tips.valuable", "cases", "arrests", "weapons.firearm", "weapons.rudimentary",
                               "weapons.implement", "weapons.explosive", "weapons.support_tool", "awards.collective", "awards.individual"]
    /// Big numbers at the top.
    static let cards = ["tips.valuable", "cases", "arrests", "weapons.firearm", "weapons.rudimentary", "awards.collective", "awards.individual"]
    /// Per-district charts.
    static let perDistrict = ["tips.valuable", "cases", "arrests", "weapons.firearm", "weapons.rudimentary"]

    static func render(_ r: SummaryReport, _ lang: Language) -> String {
        var p = HTMLPage(lang: lang)
        let title = SummaryRenderer.title(r, lang)
        p.heading(1, title)
        p.paragraph(ReportHeader.period(r.period, lang), cls: "period")
        p.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain)
        guard let root = r.rows.first else {
            p.paragraph(lang.t("No such unit.", "Không có đơn vị này."))
            return p.render(title: title, footer: r.fingerprint)
        }
        func value(_ name: String, _ figures: [Metric: Int]) -> Int { Metric(name: name).flatMap { figures[$0] } ?? 0 }
        let before = r.compareYear == nil ? nil : r.compareRows[root.code]
        let cy = r.compareYear

        // Headline figures.
        p.heading(2, lang.t("Headline figures", "Kết quả nổi bật"))
        var cardsHTML = "<div class=\"cards\">"
        for name in cards {
            guard let m = Metric(name: name) else { continue }
            let v = root.figures[m] ?? 0
            cardsHTML += "<div class=\"card\" data-metric=\"\(name)\"><div class=\"value\">\(lang.number(v))</div><div class=\"label\">\(escapeHTML(MetricLabels.label(m, lang)))</div>"
            if let cy, let b = before?[m] {
                cardsHTML += "<div class=\"change\">\(escapeHTML(changeSentence(SummaryRenderer.Change(now: v, before: b), year: cy, lang)))</div>"
            }
            cardsHTML += "</div>"
        }
        let communes = value("communes", root.figures), withClub = value("communes.with_club", root.figures)
        cardsHTML += "<div class=\"card\" data-metric=\"communes.with_club\"><div class=\"value\">\(lang.number(withClub))/\(lang.number(communes))</div><div class=\"label\">\(escapeHTML(lang.t("Communes with a crime-prevention club", "Xã, phường, thị trấn có CLB phòng, chống tội phạm")))</div></div>"
        p.add(cardsHTML + "</div>")

        // This year against the comparison year, one chart per figure (each its own scale).
        if let cy, let before {
            p.heading(2, lang.t("\(r.year) against \(cy)", "Năm \(r.year) so với năm \(cy)"))
            p.paragraph(lang.t("Each chart has its own scale. Outlined bar: \(cy); solid bar: \(r.year).",
                               "Mỗi biểu đồ có thang đo riêng. Cột viền: năm \(cy); cột đặc: năm \(r.year)."), cls: "note")
            var charts = "<div class=\"charts\">"
            var nothing: [String] = []
            for name in chartedFlows {
                guard let m = Metric(name: name) else { continue }
                let label = MetricLabels.label(m, lang)
                if (before[m] ?? 0) == 0 && (root.figures[m] ?? 0) == 0 { nothing.append(label); continue }
                let svg = SVGChart.columns(title: label, bars: [("\(cy)", before[m] ?? 0, .outline), ("\(r.year)", root.figures[m] ?? 0, .solid)], lang: lang)
                charts += "<figure class=\"chart-figure\" data-metric=\"\(name)\"><figcaption>\(escapeHTML(label))</figcaption>\(svg)</figure>"
            }
            p.add(charts + "</div>")
            if !nothing.isEmpty {
                p.paragraph(lang.t("Zero in both years: ", "Bằng 0 trong cả hai năm: ") + nothing.joined(separator: "; ") + ".", cls: "note")
            }
            let series = [SVGChart.Series(name: "\(cy)", style: .outline), SVGChart.Series(name: "\(r.year)", style: .solid)]
            let caseRows = CaseCategory.allCases.compactMap { Metric(name: "cases.\($0.rawValue)") }.map { m in
                SVGChart.Row(label: MetricLabels.label(m, lang).trimmingLeadingSpaces, values: [before[m] ?? 0, root.figures[m] ?? 0])
            }
            p.add("<div class=\"wide\">")
            p.figure(lang.t("Cases uncovered by category", "Vụ điều tra, khám phá theo loại tội phạm"),
                     SVGChart.bars(title: lang.t("Cases by category", "Vụ theo loại tội phạm"), rows: caseRows, series: series, lang: lang))
            var awardRows: [SVGChart.Row] = []
            for rk in RecipientKind.allCases {
                let who = rk == .collective ? lang.t("Collectives", "Tập thể") : lang.t("Individuals", "Cá nhân")
                for level in Issuer.allCases.map(\.rawValue) {
                    guard let m = Metric(name: "awards.\(rk.rawValue).\(level)") else { continue }
                    let pair = [before[m] ?? 0, root.figures[m] ?? 0]
                    if pair == [0, 0] { continue }
                    let level = MetricLabels.label(m, lang).trimmingLeadingSpaces.replacing("by the ", with: "").replacing("by ", with: "")
                    awardRows.append(SVGChart.Row(label: "\(who) — \(level)", values: pair))
                }
            }
            if !awardRows.isEmpty {
                p.figure(lang.t("Commendations by awarding level", "Khen thưởng theo cấp khen"),
                         SVGChart.bars(title: lang.t("Commendations by level", "Khen thưởng theo cấp"), rows: awardRows, series: series, lang: lang),
                         note: lang.t("Levels without commendations in either year are left out.", "Không hiện các cấp không khen thưởng trong cả hai năm."))
            }
            p.add("</div>")
        }

        // Figures per district (the units one level below the root).
        let children = r.rows.filter { $0.depth == 1 }
        if !children.isEmpty {
            p.heading(2, lang.t("Figures per district, \(r.year)", "Kết quả theo đơn vị cấp huyện, năm \(r.year)"))
            p.add("<div class=\"wide\">")
            for name in perDistrict {
                guard let m = Metric(name: name) else { continue }
                let rows = children.map { SVGChart.Row(label: $0.name, values: [$0.figures[m] ?? 0]) }
                p.figure(MetricLabels.label(m, lang),
                         SVGChart.bars(title: MetricLabels.label(m, lang), rows: rows, series: [SVGChart.Series(name: "\(r.year)", style: .solid)], lang: lang))
            }
            p.add("</div>")
        }

        // Model coverage on the last day of the period.
        p.heading(2, lang.t("Community models on \(lang.date(r.period.lastDay))", "Mô hình quần chúng ngày \(lang.date(r.period.lastDay))"))
        p.add("<div class=\"wide\">")
        p.figure(lang.t("Models by kind", "Mô hình theo loại"), CoverageCharts.modelsByKind(root.figures, lang))
        if !children.isEmpty {
            p.figure(lang.t("Communes with a crime-prevention club, per district", "Xã, phường, thị trấn có CLB phòng, chống tội phạm, theo đơn vị"),
                     CoverageCharts.clubCoverage(children.map { ($0.name, $0.figures) }, lang))
        }
        p.add("</div>")

        // The full tables.
        p.heading(2, lang.t("All figures", "Toàn bộ chỉ tiêu"))
        var header = [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã"), "\(r.year)"]
        var numeric: Set<Int> = [2]
        if let cy { header += ["\(cy)", lang.t("Change", "Tăng/giảm"), "%"]; numeric.formUnion([3, 4, 5]) }
        var rows: [(cells: [String], sub: Bool)] = []
        for m in Metric.all {
            let label = MetricLabels.label(m, lang)
            var cells = [label.trimmingLeadingSpaces, m.name, lang.number(root.figures[m] ?? 0)]
            if let c = SummaryRenderer.change(r, root.code, m) { cells += [lang.number(c.before), c.differenceText(lang), c.percentText(lang)] }
            rows.append((cells, label.hasPrefix(" ")))
        }
        p.table(caption: nil, header: header, numeric: numeric, rows: rows)
        if r.rows.count > 1 {
            let metrics = SummaryRenderer.headlineMetrics
            let unitRows = r.rows.map { row in
                (cells: [row.name, row.code] + metrics.map { lang.number(row.figures[$0] ?? 0) }, sub: row.depth > 0)
            }
            p.table(caption: lang.t("Per unit", "Theo đơn vị"), header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + metrics.map { MetricLabels.short($0, lang) },
                    numeric: Set(2..<(2 + metrics.count)), rows: unitRows)
        }
        return p.render(title: title, footer: r.fingerprint)
    }

    /// "▲ +12 (+3,4%) against 2017" — the arrow and the sign say the direction, not a colour.
    static func changeSentence(_ c: SummaryRenderer.Change, year: Int, _ lang: Language) -> String {
        if c.difference == 0 { return lang.t("= same as \(year)", "= bằng năm \(year)") }
        let arrow = c.difference > 0 ? "▲" : "▼"
        let pct = c.percent == nil ? "" : " (\(c.percentText(lang)))"
        return lang.t("\(arrow) \(c.differenceText(lang))\(pct) against \(year) (\(lang.number(c.before)))",
                      "\(arrow) \(c.differenceText(lang))\(pct) so với năm \(year) (\(lang.number(c.before)))")
    }
}

/// Charts of the standing state shared by the summary and the state page.
enum CoverageCharts {
    static func modelsByKind(_ figures: [Metric: Int], _ lang: Language) -> String {
        let rows = ModelKind.allCases.map { k -> SVGChart.Row in
            let n = figures[.state(.models(k))] ?? 0, members = figures[.state(.members(k))] ?? 0
            let text = lang.number(n) + (members > 0 ? lang.t(" (\(lang.number(members)) members)", " (\(lang.number(members)) thành viên)") : "")
            return SVGChart.Row(label: MetricLabels.label(.state(.models(k)), lang), values: [n], texts: [text])
        }
        return SVGChart.bars(title: lang.t("Models by kind", "Mô hình theo loại"), rows: rows,
                             series: [SVGChart.Series(name: lang.t("Models", "Mô hình"), style: .solid)], lang: lang)
    }

    static func clubCoverage(_ units: [(name: String, figures: [Metric: Int])], _ lang: Language) -> String {
        let all = lang.t("Communes", "Số xã, phường"), club = lang.t("With a club", "Có CLB")
        let rows = units.map { u in
            SVGChart.Row(label: u.name, values: [u.figures[.state(.communes)] ?? 0, u.figures[.state(.communesWithClub)] ?? 0])
        }
        return SVGChart.bars(title: lang.t("Communes with a club", "Xã có CLB"), rows: rows,
                             series: [SVGChart.Series(name: all, style: .outline), SVGChart.Series(name: club, style: .solid)], lang: lang)
    }
}
