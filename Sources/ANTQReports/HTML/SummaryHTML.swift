import ANTQDomain
import Decimals
import TextFormats

/// The summary as one self-contained HTML page for the review conference:
/// headline figures, this period against the compared one, figures per
/// district, model coverage, then the full tables. Every chart is chosen
/// from the figures the log has (built-in and declared), not from a list
/// of one province's figures.
enum SummaryHTML {
    static func render(_ r: SummaryReport, _ lang: Language) -> String {
        var p = HTMLPage(lang: lang)
        let title = SummaryRenderer.title(r, lang)
        var official: (document: OfficialDocument, topLevel: Bool)?
        if let o = r.official, let top = r.rows.first {
            p.extraCSS = OfficialDocument.css
            p.bodyClass = "official"
            p.add(o.header(title: title, kind: top.kind, unitName: top.name, lang))
            official = (o, top.topLevel)
        } else {
            p.heading(1, title)
        }
        p.paragraph(ReportHeader.period(r.period, lang), cls: "period")
        p.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain)
        if let note = r.rows.first.flatMap({ EstimateNote.line(r.estimates[$0.code] ?? [], lang) }) { p.paragraph(note, cls: "estimate") }
        if !r.parts.isEmpty {
            parts(&p, r, lang)
            if let o = official { p.add(o.document.footer(fingerprint: r.fingerprint.description, topLevel: o.topLevel, lang)); return p.render(title: title, footerText: "") }
            return p.render(title: title, footer: r.fingerprint)
        }
        guard let root = r.rows.first else {
            p.paragraph(lang.t("No such unit.", "Không có đơn vị này."))
            return p.render(title: title, footer: r.fingerprint)
        }
        func v(_ row: SummaryReport.Row, _ name: String) -> ExactDecimal { (row.values[name] ?? nil) ?? .zero }
        let before = r.compare == nil ? nil : r.compareRows[root.code]
        let headline = SummaryRenderer.headlineFigures(r)

        p.heading(2, lang.t("Headline figures", "Kết quả nổi bật"))
        var cardsHTML = "<div class=\"cards\">"
        for d in headline where d.isFlow {
            cardsHTML += "<div class=\"card\" data-metric=\"\(escapeHTML(d.name))\"><div class=\"value\">\(escapeHTML(lang.figure(v(root, d.name), d)))</div><div class=\"label\">\(escapeHTML(lang.text(d.label)))</div>"
            if let c = SummaryRenderer.change(r, root.code, d), let name = r.compareName {
                cardsHTML += "<div class=\"change\">\(escapeHTML(changeSentence(c, d, against: name, lang)))</div>"
            }
            cardsHTML += "</div>"
        }
        if r.figures.contains(where: { $0.name == "communes.with_club" }) {
            cardsHTML += "<div class=\"card\" data-metric=\"communes.with_club\"><div class=\"value\">\(lang.number(v(root, "communes.with_club")))/\(lang.number(v(root, "communes")))</div><div class=\"label\">\(escapeHTML(lang.t("Communes with a crime-prevention club", "Xã, phường, thị trấn có CLB phòng, chống tội phạm")))</div></div>"
        }
        p.add(cardsHTML + "</div>")

        if let cp = r.compare, let before {
            comparison(&p, r, root, before, cp, lang)
        }
        if !r.columns.isEmpty { columns(&p, r, root, lang) }

        // Figures per district (the units one level below the root).
        let children = r.rows.filter { $0.depth == 1 }
        if !children.isEmpty {
            p.heading(2, lang.t("Figures per unit, \(r.period.words(vietnamese: false))", "Kết quả theo đơn vị, \(r.period.words(vietnamese: true))"))
            p.add("<div class=\"wide\">")
            for d in headline.filter(\.isFlow).prefix(5) {
                let rows = children.map { SVGChart.Row(label: $0.name, values: [v($0, d.name)], texts: [lang.figure(v($0, d.name), d)]) }
                p.figure(lang.text(d.label),
                         SVGChart.bars(title: lang.text(d.label), rows: rows, series: [SVGChart.Series(name: r.period.label, style: .solid)], lang: lang))
            }
            p.add("</div>")
        }

        p.heading(2, lang.t("Community models on \(lang.date(r.period.lastDay))", "Mô hình quần chúng ngày \(lang.date(r.period.lastDay))"))
        p.add("<div class=\"wide\">")
        p.figure(lang.t("Models by kind", "Mô hình theo loại"), CoverageCharts.modelsByKind(r.figures, root.values, lang))
        if !children.isEmpty {
            p.figure(lang.t("Communes with a crime-prevention club, per unit", "Xã, phường, thị trấn có CLB phòng, chống tội phạm, theo đơn vị"),
                     CoverageCharts.clubCoverage(children.map { ($0.name, $0.values) }, lang))
        }
        p.add("</div>")

        p.heading(2, lang.t("All figures", "Toàn bộ chỉ tiêu"))
        tables(&p, r, root, headline, lang)
        if let o = official {
            // The footnote carries the fingerprint and the verify command: no second page footer.
            p.add(o.document.footer(fingerprint: r.fingerprint.description, topLevel: o.topLevel, lang))
            return p.render(title: title, footerText: "")
        }
        return p.render(title: title, footer: r.fingerprint)
    }

    /// A report in parts (`--boundaries historical` across a change of the
    /// units): each part's tables under its own heading, on its own units.
    static func parts(_ p: inout HTMLPage, _ r: SummaryReport, _ lang: Language) {
        p.paragraph(SummaryRenderer.partsNote(r, lang), cls: "estimate")
        for part in r.parts {
            p.heading(2, SummaryRenderer.title(part, lang))
            p.paragraph(ReportHeader.period(part.period, lang), cls: "period")
            guard let root = part.rows.first else {
                p.paragraph(lang.t("The unit did not exist yet in this part.", "Trong phần này đơn vị chưa có."))
                continue
            }
            tables(&p, part, root, SummaryRenderer.headlineFigures(part), lang)
        }
    }

    /// The table of every figure of the root, then the headline figures per unit.
    static func tables(_ p: inout HTMLPage, _ r: SummaryReport, _ root: SummaryReport.Row, _ headline: [FigureDefinition], _ lang: Language) {
        var header = [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã")] + r.columns.map(\.label) + [r.period.label]
        var numeric = Set(2..<header.count)
        if let cp = r.compare { header += [cp.label, lang.t("Change", "Tăng/giảm"), "%"]; numeric.formUnion(header.count - 3..<header.count) }
        var rows: [(cells: [String], sub: Bool)] = []
        for d in r.figures {
            var cells = [lang.text(d.label), d.name] + SummaryRenderer.columnCells(r, root.code, d, lang) + [lang.figure(root.values[d.name] ?? nil, d)]
            if r.compare != nil {
                if let c = SummaryRenderer.change(r, root.code, d) {
                    cells += [lang.figure(c.before, d), c.differenceText(d, lang), c.percentText(lang)]
                } else {
                    cells += [lang.figure(r.compareRows[root.code]?[d.name] ?? nil, d), "", ""]
                }
            }
            rows.append((cells, d.depth > 0))
        }
        p.table(caption: nil, header: header, numeric: numeric, rows: rows)
        if r.rows.count > 1 {
            let unitRows = r.rows.map { row in
                (cells: [row.name, row.code] + headline.map { lang.figure(row.values[$0.name] ?? nil, $0) }, sub: row.depth > 0)
            }
            p.table(caption: lang.t("Per unit", "Theo đơn vị"), header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + headline.map { lang.text($0.shortLabel) },
                    numeric: Set(2..<(2 + headline.count)), rows: unitRows)
        }
    }

    /// This period against the compared one: a pair of columns per top-level
    /// flow figure (each chart its own scale), then the parts of every
    /// figure that has two or more parts with a value.
    static func comparison(_ p: inout HTMLPage, _ r: SummaryReport, _ root: SummaryReport.Row, _ before: [String: ExactDecimal?],
                           _ cp: Period, _ lang: Language) {
        func now(_ n: String) -> ExactDecimal { (root.values[n] ?? nil) ?? .zero }
        func then(_ n: String) -> ExactDecimal { (before[n] ?? nil) ?? .zero }
        p.heading(2, capitalized(r.period.words(vietnamese: lang.isVietnamese)) + lang.t(" against ", " so với ") + cp.words(vietnamese: lang.isVietnamese))
        p.paragraph(lang.t("Each chart has its own scale. Outlined bar: \(cp.label); solid bar: \(r.period.label).",
                           "Mỗi biểu đồ có thang đo riêng. Cột viền: \(cp.label); cột đặc: \(r.period.label)."), cls: "note")
        var charts = "<div class=\"charts\">"
        var nothing: [String] = []
        for d in r.flows where d.depth == 0 && d.isFlow {
            let label = lang.text(d.label)
            if then(d.name).isZero && now(d.name).isZero { nothing.append(label); continue }
            let svg = SVGChart.columns(title: label, bars: [(cp.label, then(d.name), .outline), (r.period.label, now(d.name), .solid)], lang: lang)
            charts += "<figure class=\"chart-figure\" data-metric=\"\(escapeHTML(d.name))\"><figcaption>\(escapeHTML(label))</figcaption>\(svg)</figure>"
        }
        p.add(charts + "</div>")
        if !nothing.isEmpty {
            p.paragraph(lang.t("Zero in both periods: ", "Bằng 0 trong cả hai kỳ: ") + nothing.joined(separator: "; ") + ".", cls: "note")
        }
        let series = [SVGChart.Series(name: cp.label, style: .outline), SVGChart.Series(name: r.period.label, style: .solid)]
        p.add("<div class=\"wide\">")
        for d in r.flows where d.isFlow {
            let parts = r.flows.filter { $0.parent == d.name && !(then($0.name).isZero && now($0.name).isZero) }
            guard parts.count >= 2 else { continue }
            let rows = parts.map { SVGChart.Row(label: lang.text($0.label), values: [then($0.name), now($0.name)]) }
            let label = lang.text(d.label)
            p.figure(label + lang.t(", by part", ", chia theo thành phần"), SVGChart.bars(title: label, rows: rows, series: series, lang: lang),
                     note: lang.t("Parts without a value in either period are left out.", "Không hiện các thành phần bằng 0 trong cả hai kỳ."))
        }
        p.add("</div>")
    }

    /// A small multiple: one chart per top-level flow figure, a column per
    /// sub-period (`--columns`), each chart on its own scale.
    static func columns(_ p: inout HTMLPage, _ r: SummaryReport, _ root: SummaryReport.Row, _ lang: Language) {
        p.heading(2, capitalized(r.period.words(vietnamese: lang.isVietnamese)) + lang.t(", by sub-period", ", theo từng kỳ"))
        p.paragraph(lang.t("Each chart has its own scale.", "Mỗi biểu đồ có thang đo riêng."), cls: "note")
        var charts = "<div class=\"charts\">"
        for d in r.flows where d.depth == 0 && d.isFlow {
            let label = lang.text(d.label)
            let bars = r.columns.indices.map { i in (r.columns[i].label, r.column(i, root.code, d.name) ?? .zero, SVGChart.Style.solid) }
            let svg = SVGChart.columns(title: label, bars: bars, lang: lang)
            charts += "<figure class=\"chart-figure\" data-metric=\"\(escapeHTML(d.name))\"><figcaption>\(escapeHTML(label))</figcaption>\(svg)</figure>"
        }
        p.add(charts + "</div>")
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// "▲ tăng 12 (+3,4%) so với cùng kỳ (98)": the arrow and the words say the direction, not a colour.
    static func changeSentence(_ c: SummaryRenderer.Change, _ d: FigureDefinition, against name: Text, _ lang: Language) -> String {
        let arrow = c.difference.isZero ? "=" : c.difference > .zero ? "▲" : "▼"
        return "\(arrow) \(c.words(d, against: name, lang)) (\(lang.figure(c.before, d)))"
    }
}

/// Charts of the standing state shared by the summary and the state page.
enum CoverageCharts {
    /// One bar per model kind the catalogue has (built-in and extended).
    static func modelsByKind(_ figures: [FigureDefinition], _ values: [String: ExactDecimal?], _ lang: Language) -> String {
        let kinds = figures.filter { $0.name.hasPrefix("models.") && !$0.name.hasSuffix(".members") }
        let rows = kinds.map { d -> SVGChart.Row in
            let n = (values[d.name] ?? nil) ?? .zero, members = (values[d.name + ".members"] ?? nil) ?? .zero
            let text = lang.number(n) + (members.isZero ? "" : lang.t(" (\(lang.number(members)) members)", " (\(lang.number(members)) thành viên)"))
            return SVGChart.Row(label: lang.text(d.label), values: [n], texts: [text])
        }
        return SVGChart.bars(title: lang.t("Models by kind", "Mô hình theo loại"), rows: rows,
                             series: [SVGChart.Series(name: lang.t("Models", "Mô hình"), style: .solid)], lang: lang)
    }

    static func clubCoverage(_ units: [(name: String, values: [String: ExactDecimal?])], _ lang: Language) -> String {
        let all = lang.t("Communes", "Số xã, phường"), club = lang.t("With a club", "Có CLB")
        let rows = units.map { u in
            SVGChart.Row(label: u.name, values: [(u.values["communes"] ?? nil) ?? .zero, (u.values["communes.with_club"] ?? nil) ?? .zero])
        }
        return SVGChart.bars(title: lang.t("Communes with a club", "Xã có CLB"), rows: rows,
                             series: [SVGChart.Series(name: all, style: .outline), SVGChart.Series(name: club, style: .solid)], lang: lang)
    }
}
