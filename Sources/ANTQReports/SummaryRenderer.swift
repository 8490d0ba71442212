import ANTQDomain
import JSONCodec
import TextFormats

/// Renders an annual summary in every format.
///
/// Text and Markdown are for reading (labels in the reader's language, numbers
/// in its style); CSV and JSON are for machines and spreadsheets, so their
/// numbers are plain (5000, not 5.000) in both languages and their keys are
/// the stable figure names; CSV keeps the documented columns.
public enum SummaryRenderer {
    public static func render(_ r: SummaryReport, format: ReportFormat, lang: Language) -> String {
        switch format {
        case .text: return text(r, lang)
        case .csv: return csv(r, lang)
        case .json: return json(r, lang)
        case .markdown: return markdown(r, lang)
        case .html: return SummaryHTML.render(r, lang)
        }
    }

    /// Figures shown in the per-unit table (the headline ones).
    public static let headline: [String] = ["tips.valuable", "cases", "arrests", "weapons.firearm", "weapons.rudimentary",
                                            "awards.collective", "awards.individual", "communes.with_club", "cameras"]

    static var headlineMetrics: [Metric] { headline.compactMap { Metric(name: $0) } }

    static func title(_ r: SummaryReport, _ lang: Language) -> String {
        let unit = r.rows.first.map { lang == .vi ? "\($0.kind.vietnamese) \($0.name)" : "\($0.name) (\($0.kind.rawValue))" } ?? "-"
        return lang.t("ANTQ summary \(r.year) — \(unit)", "Tổng hợp phong trào toàn dân bảo vệ ANTQ năm \(r.year) — \(unit)")
    }

    /// A figure against the comparison year.
    struct Change: Equatable {
        var now: Int
        var before: Int
        var difference: Int { now - before }
        /// Percent change, nil when the comparison value is 0 (no meaningful ratio).
        var percent: Double? { before == 0 ? nil : Double(difference) * 100 / Double(before) }

        /// "+12" / "-3" / "0" in the reader's number style.
        func differenceText(_ lang: Language) -> String { (difference > 0 ? "+" : "") + lang.number(difference) }
        /// "+3,4%" / "-12.5%"; "—" when there is no ratio.
        func percentText(_ lang: Language) -> String {
            guard let p = percent else { return "—" }
            return (p > 0 ? "+" : "") + lang.numbers.format(p, fractionDigits: 1) + "%"
        }
        /// Machine form for CSV/JSON: one decimal, "." as separator, empty when undefined.
        var percentPlain: String { percent.map { NumberStyle.english.format($0, fractionDigits: 1).replacing(",", with: "") } ?? "" }
    }

    static func change(_ r: SummaryReport, _ code: String, _ m: Metric) -> Change? {
        guard r.compareYear != nil, let row = r.rows.first(where: { $0.code == code }) else { return nil }
        return Change(now: row.figures[m] ?? 0, before: r.compareRows[code]?[m] ?? 0)
    }

    static func header(_ r: SummaryReport, _ lang: Language) -> [String] {
        [title(r, lang), ReportHeader.period(r.period, lang)]
            + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain, lang)
            + (r.compareYear.map { [lang.t("Compared with \($0) (same reporting-year bounds).", "So sánh với năm \($0) (cùng cách tính năm báo cáo).")] } ?? [])
    }

    static func text(_ r: SummaryReport, _ lang: Language) -> String {
        var out = header(r, lang)
        out.append("")
        guard let root = r.rows.first else {
            out.append(lang.t("No such unit.", "Không có đơn vị này."))
            return out.joined(separator: "\n") + "\n"
        }
        var head = [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã chỉ tiêu"), "\(r.year)"]
        var align: [TextTable.Alignment] = [.left, .left, .right]
        if let cy = r.compareYear {
            head += ["\(cy)", lang.t("Change", "Tăng/giảm"), "%"]
            align += [.right, .right, .right]
        }
        var t = TextTable(header: head, alignments: align)
        for m in Metric.all {
            var row = [MetricLabels.label(m, lang), m.name, lang.number(root.figures[m] ?? 0)]
            if let c = change(r, root.code, m) { row += [lang.number(c.before), c.differenceText(lang), c.percentText(lang)] }
            t.append(row)
        }
        out.append(t.render())
        if r.rows.count > 1 {
            let metrics = headlineMetrics
            var u = TextTable(header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + metrics.map { MetricLabels.short($0, lang) },
                              alignments: [.left, .left] + metrics.map { _ in .right })
            for row in r.rows {
                u.append([String(repeating: "  ", count: row.depth) + row.name, row.code] + metrics.map { lang.number(row.figures[$0] ?? 0) })
            }
            out.append(u.render())
        }
        return out.joined(separator: "\n")
    }

    /// Long format, one figure per row: exactly `period,unit,unit_name,metric,value`
    /// as documented (scripts depend on it; labels are in the JSON), plus
    /// `compare_period,compare_value,change,percent_change` with `--compare`.
    static func csv(_ r: SummaryReport, _ lang: Language) -> String {
        var head = ["period", "unit", "unit_name", "metric", "value"]
        if r.compareYear != nil { head += ["compare_period", "compare_value", "change", "percent_change"] }
        var rows = [head]
        for row in r.rows {
            for m in Metric.all {
                var line = ["\(r.year)", row.code, row.name, m.name, "\(row.figures[m] ?? 0)"]
                if let cy = r.compareYear, let c = change(r, row.code, m) {
                    line += ["\(cy)", "\(c.before)", "\(c.difference)", c.percentPlain]
                }
                rows.append(line)
            }
        }
        return CSVWriter().write(rows)
    }

    static func json(_ r: SummaryReport, _ lang: Language) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("title"); w.string(title(r, lang))
        w.key("year"); w.int(Int64(r.year))
        w.key("period"); w.beginObject()
        w.key("start"); w.string(r.period.firstDay.iso)
        w.key("end"); w.string(r.period.lastDay.iso)
        w.endObject()
        w.key("fingerprint"); w.string(r.fingerprint.description)
        w.key("chain"); w.string(r.chain.rawValue)
        w.key("as_of"); if let a = r.asOf { w.string(a.rfc3339) } else { w.null() }
        w.key("last_recorded"); if let a = r.lastRecorded { w.string(a.rfc3339) } else { w.null() }
        if let cy = r.compareYear { w.key("compare_year"); w.int(Int64(cy)) }
        w.key("labels"); w.beginObject()
        for m in Metric.all { w.key(m.name); w.string(MetricLabels.label(m, lang).trimmingLeadingSpaces) }
        w.endObject()
        w.key("units"); w.beginArray()
        for row in r.rows {
            w.beginObject()
            w.key("code"); w.string(row.code)
            w.key("name"); w.string(row.name)
            w.key("kind"); w.string(row.kind.rawValue)
            w.key("depth"); w.int(Int64(row.depth))
            w.key("figures"); w.beginObject()
            for m in Metric.all { w.key(m.name); w.int(Int64(row.figures[m] ?? 0)) }
            w.endObject()
            if r.compareYear != nil {
                w.key("compare"); w.beginObject()
                for m in Metric.all {
                    guard let c = change(r, row.code, m) else { continue }
                    w.key(m.name); w.beginObject()
                    w.key("value"); w.int(Int64(c.before))
                    w.key("change"); w.int(Int64(c.difference))
                    w.key("percent_change")
                    if let p = c.percent { w.number(JSONNumber(text: c.percentPlain) ?? JSONNumber(p)) } else { w.null() }
                    w.endObject()
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    static func markdown(_ r: SummaryReport, _ lang: Language) -> String {
        let h = header(r, lang)
        var out = ["# " + md(h[0]), ""] + h.dropFirst().map { md($0) + "  " }
        out.append("")
        guard let root = r.rows.first else { return out.joined(separator: "\n") + "\n" }
        var head = "| \(lang.t("Figure", "Chỉ tiêu")) | \(lang.t("Name", "Mã")) | \(r.year) |"
        var sep = "|---|---|---:|"
        if let cy = r.compareYear { head += " \(cy) | \(lang.t("Change", "Tăng/giảm")) | % |"; sep += "---:|---:|---:|" }
        out += [head, sep]
        for m in Metric.all {
            let label = MetricLabels.label(m, lang)
            let indented = label.hasPrefix(" ") ? "&nbsp;&nbsp;" + md(label.trimmingLeadingSpaces) : "**" + md(label) + "**"
            var line = "| \(indented) | `\(m.name)` | \(lang.number(root.figures[m] ?? 0)) |"
            if let c = change(r, root.code, m) { line += " \(lang.number(c.before)) | \(c.differenceText(lang)) | \(c.percentText(lang)) |" }
            out.append(line)
        }
        if r.rows.count > 1 {
            let metrics = headlineMetrics
            out += ["", "| \(lang.t("Unit", "Đơn vị")) | \(lang.t("Code", "Mã")) | " + metrics.map { md(MetricLabels.short($0, lang)) }.joined(separator: " | ") + " |",
                    "|---|---|" + metrics.map { _ in "---:|" }.joined()]
            for row in r.rows {
                let name = String(repeating: "&nbsp;&nbsp;", count: row.depth) + md(row.name)
                out.append("| \(name) | \(row.code) | " + metrics.map { lang.number(row.figures[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text safe in a Markdown table cell or line.
    static func md(_ s: String) -> String {
        s.replacing("\\", with: "\\\\").replacing("|", with: "\\|")
            .replacing("*", with: "\\*").replacing("_", with: "\\_")
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
