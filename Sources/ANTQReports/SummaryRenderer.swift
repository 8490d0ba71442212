import ANTQDomain
import JSONCodec
import TextFormats

/// Renders an annual summary in every format.
public enum SummaryRenderer {
    public static func render(_ r: SummaryReport, format: ReportFormat, lang: Language) -> String {
        switch format {
        case .text: return text(r, lang)
        case .csv: return csv(r)
        case .json: return json(r)
        case .markdown: return markdown(r, lang)
        case .html: return SummaryHTML.render(r, lang)
        }
    }

    /// Figures shown in the per-unit table (the headline ones).
    public static let headline: [String] = ["tips.valuable", "cases", "arrests", "weapons.firearm", "weapons.rudimentary",
                                            "awards.collective", "awards.individual", "communes.with_club", "cameras"]

    static func title(_ r: SummaryReport, _ lang: Language) -> String {
        let unit = r.rows.first.map { "\($0.kind.vietnamese) \($0.name)" } ?? "-"
        return lang.t("ANTQ summary \(r.year) — \(unit)", "Tổng hợp phong trào toàn dân bảo vệ ANTQ năm \(r.year) — \(unit)")
    }

    static func change(_ now: Int, _ before: Int, _ lang: Language) -> (String, String) {
        let d = now - before
        let sign = d > 0 ? "+" : ""
        let pct = before == 0 ? "—" : (d > 0 ? "+" : "") + lang.numbers.formatPercent(Double(d) / Double(before))
        return (sign + lang.number(d), pct)
    }

    static func text(_ r: SummaryReport, _ lang: Language) -> String {
        var out = [title(r, lang), ReportHeader.period(r.period, lang)]
        out += ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lang)
        out.append("")
        guard let root = r.rows.first else {
            out.append(lang.t("No such unit.", "Không có đơn vị này."))
            return out.joined(separator: "\n") + "\n"
        }
        var header = [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã chỉ tiêu"), "\(r.year)"]
        var align: [TextTable.Alignment] = [.left, .left, .right]
        if let cy = r.compareYear {
            header += ["\(cy)", lang.t("Change", "Tăng/giảm"), "%"]
            align += [.right, .right, .right]
        }
        var t = TextTable(header: header, alignments: align)
        for m in Metric.all {
            let v = root.figures[m] ?? 0
            var row = [MetricLabels.label(m, lang), m.name, lang.number(v)]
            if r.compareYear != nil {
                let b = r.compareRows[root.code]?[m] ?? 0
                let (d, p) = change(v, b, lang)
                row += [lang.number(b), d, p]
            }
            t.append(row)
        }
        out.append(t.render())
        if r.rows.count > 1 {
            out.append("")
            let metrics = headline.compactMap { Metric(name: $0) }
            var u = TextTable(header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + metrics.map(\.name),
                              alignments: [.left, .left] + metrics.map { _ in .right })
            for row in r.rows {
                u.append([String(repeating: "  ", count: row.depth) + row.name, row.code] + metrics.map { lang.number(row.figures[$0] ?? 0) })
            }
            out.append(u.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Long format, one figure per row: `period,unit,unit_name,metric,value`.
    static func csv(_ r: SummaryReport) -> String {
        var rows = [["period", "unit", "unit_name", "metric", "value"]]
        for row in r.rows {
            for m in Metric.all { rows.append(["\(r.year)", row.code, row.name, m.name, "\(row.figures[m] ?? 0)"]) }
        }
        return CSVWriter().write(rows)
    }

    static func json(_ r: SummaryReport) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("year"); w.int(Int64(r.year))
        w.key("period"); w.beginObject()
        w.key("start"); w.string(r.period.firstDay.iso)
        w.key("end"); w.string(r.period.lastDay.iso)
        w.endObject()
        w.key("fingerprint"); w.string(r.fingerprint.description)
        w.key("as_of"); if let a = r.asOf { w.string(a.rfc3339) } else { w.null() }
        if let cy = r.compareYear { w.key("compare_year"); w.int(Int64(cy)) }
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
                for m in Metric.all { w.key(m.name); w.int(Int64(r.compareRows[row.code]?[m] ?? 0)) }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    static func markdown(_ r: SummaryReport, _ lang: Language) -> String {
        var out = ["# " + title(r, lang), "", ReportHeader.period(r.period, lang) + "  "]
        out += ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lang).map { $0 + "  " }
        out.append("")
        guard let root = r.rows.first else { return out.joined(separator: "\n") + "\n" }
        var head = "| \(lang.t("Figure", "Chỉ tiêu")) | \(lang.t("Name", "Mã")) | \(r.year) |"
        var sep = "|---|---|---:|"
        if let cy = r.compareYear { head += " \(cy) | \(lang.t("Change", "Tăng/giảm")) | % |"; sep += "---:|---:|---:|" }
        out += [head, sep]
        for m in Metric.all {
            let v = root.figures[m] ?? 0
            var line = "| \(md(MetricLabels.label(m, lang).trimmingLeadingSpaces)) | `\(m.name)` | \(lang.number(v)) |"
            if r.compareYear != nil {
                let b = r.compareRows[root.code]?[m] ?? 0
                let (d, p) = change(v, b, lang)
                line += " \(lang.number(b)) | \(d) | \(p) |"
            }
            out.append(line)
        }
        if r.rows.count > 1 {
            let metrics = headline.compactMap { Metric(name: $0) }
            out += ["", "| \(lang.t("Unit", "Đơn vị")) | \(lang.t("Code", "Mã")) | " + metrics.map { "`\($0.name)`" }.joined(separator: " | ") + " |",
                    "|---|---|" + metrics.map { _ in "---:|" }.joined()]
            for row in r.rows {
                out.append("| \(String(repeating: "  ", count: row.depth))\(md(row.name)) | \(row.code) | " + metrics.map { lang.number(row.figures[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func md(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

import Foundation
