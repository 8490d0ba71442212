import ANTQDomain
import JSONCodec
import TextFormats

/// Renders the state report in every format.
public enum StateRenderer {
    public static func render(_ r: StateReport, format: ReportFormat, lang: Language, listModels: Bool = false) -> String {
        switch format {
        case .text: return text(r, lang, listModels: listModels)
        case .csv: return csv(r, lang)
        case .json: return json(r, lang)
        case .markdown: return markdown(r, lang)
        case .html: return StateHTML.render(r, lang)
        }
    }

    static func title(_ r: StateReport, _ lang: Language) -> String {
        let unit = r.rows.first.map { lang == .vi ? "\($0.kind.vietnamese) \($0.name)" : "\($0.name) (\($0.kind.rawValue))" } ?? "-"
        return lang.t("ANTQ state on \(lang.date(r.day)) — \(unit)", "Tình hình phong trào ngày \(lang.date(r.day)) — \(unit)")
    }

    static let stateMetrics = Metric.stateMetrics.map { Metric.state($0) }

    /// Per-unit columns: models by kind, cameras, communes and those with a club.
    static let unitColumns: [Metric] = ModelKind.allCases.map { .state(.models($0)) } + [.state(.cameras), .state(.communes), .state(.communesWithClub)]

    static func text(_ r: StateReport, _ lang: Language, listModels: Bool) -> String {
        var out = [title(r, lang)] + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain, lang) + [""]
        guard let root = r.rows.first else { return (out + [lang.t("No such unit.", "Không có đơn vị này.")]).joined(separator: "\n") + "\n" }
        var t = TextTable(header: [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã chỉ tiêu"), lang.t("Value", "Số lượng")],
                          alignments: [.left, .left, .right])
        for m in stateMetrics { t.append([MetricLabels.label(m, lang), m.name, lang.number(root.figures[m] ?? 0)]) }
        out.append(t.render())
        if r.rows.count > 1 {
            out.append("")
            let cols = unitColumns
            var u = TextTable(header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + cols.map { MetricLabels.short($0, lang) },
                              alignments: [.left, .left] + cols.map { _ in .right })
            for row in r.rows {
                u.append([String(repeating: "  ", count: row.depth) + row.name, row.code] + cols.map { lang.number(row.figures[$0] ?? 0) })
            }
            out.append(u.render())
        }
        if listModels {
            out.append("")
            var m = TextTable(header: [lang.t("Model", "Mô hình"), lang.t("Kind", "Loại"), lang.t("Name", "Tên"), lang.t("Unit", "Đơn vị"),
                                       lang.t("Members", "Thành viên"), lang.t("Since", "Từ ngày")],
                              alignments: [.left, .left, .left, .left, .right, .left])
            for v in r.models {
                m.append([v.id, v.kind.rawValue, v.name, "\(v.unit) \(r.unitNames[v.unit] ?? "")", lang.number(v.members), lang.date(v.established)])
            }
            out.append(m.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func csv(_ r: StateReport, _ lang: Language) -> String {
        var rows = [["date", "unit", "unit_name", "metric", "value"]]
        for row in r.rows {
            for m in stateMetrics { rows.append([r.day.iso, row.code, row.name, m.name, "\(row.figures[m] ?? 0)"]) }
        }
        return CSVWriter().write(rows)
    }

    static func json(_ r: StateReport, _ lang: Language) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("title"); w.string(title(r, lang))
        w.key("date"); w.string(r.day.iso)
        w.key("fingerprint"); w.string(r.fingerprint.description)
        w.key("chain"); w.string(r.chain.rawValue)
        w.key("as_of"); if let a = r.asOf { w.string(a.rfc3339) } else { w.null() }
        w.key("last_recorded"); if let a = r.lastRecorded { w.string(a.rfc3339) } else { w.null() }
        w.key("labels"); w.beginObject()
        for m in stateMetrics { w.key(m.name); w.string(MetricLabels.label(m, lang).trimmingLeadingSpaces) }
        w.endObject()
        w.key("units"); w.beginArray()
        for row in r.rows {
            w.beginObject()
            w.key("code"); w.string(row.code)
            w.key("name"); w.string(row.name)
            w.key("kind"); w.string(row.kind.rawValue)
            w.key("depth"); w.int(Int64(row.depth))
            w.key("figures"); w.beginObject()
            for m in stateMetrics { w.key(m.name); w.int(Int64(row.figures[m] ?? 0)) }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("models"); w.beginArray()
        for v in r.models {
            w.beginObject()
            w.key("model"); w.string(v.id)
            w.key("kind"); w.string(v.kind.rawValue)
            w.key("name"); w.string(v.name)
            w.key("unit"); w.string(v.unit)
            w.key("members"); w.int(Int64(v.members))
            w.key("established"); w.string(v.established.iso)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    static func markdown(_ r: StateReport, _ lang: Language) -> String {
        let md = SummaryRenderer.md
        var out = ["# " + md(title(r, lang)), ""] + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain, lang).map { md($0) + "  " } + [""]
        guard let root = r.rows.first else { return out.joined(separator: "\n") + "\n" }
        out += ["| \(lang.t("Figure", "Chỉ tiêu")) | \(lang.t("Name", "Mã")) | \(lang.t("Value", "Số lượng")) |", "|---|---|---:|"]
        for m in stateMetrics {
            let label = MetricLabels.label(m, lang)
            let shown = label.hasPrefix(" ") ? "&nbsp;&nbsp;" + md(label.trimmingLeadingSpaces) : "**" + md(label) + "**"
            out.append("| \(shown) | `\(m.name)` | \(lang.number(root.figures[m] ?? 0)) |")
        }
        if r.rows.count > 1 {
            let cols = unitColumns
            out += ["", "| \(lang.t("Unit", "Đơn vị")) | \(lang.t("Code", "Mã")) | " + cols.map { md(MetricLabels.short($0, lang)) }.joined(separator: " | ") + " |",
                    "|---|---|" + cols.map { _ in "---:|" }.joined()]
            for row in r.rows {
                out.append("| \(String(repeating: "&nbsp;&nbsp;", count: row.depth) + md(row.name)) | \(row.code) | " + cols.map { lang.number(row.figures[$0] ?? 0) }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
