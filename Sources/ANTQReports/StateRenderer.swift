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
        let unit = r.rows.first.map { row -> String in
            let kind = Vocabulary.builtIn[.unitKind]!.term(code: row.kind)?.label.text(vietnamese: lang.isVietnamese) ?? row.kind
            return lang.isVietnamese ? "\(kind) \(row.name)" : "\(row.name) (\(kind))"
        } ?? "-"
        return lang.t("ANTQ state on \(lang.date(r.day)) — \(unit)", "Tình hình phong trào ngày \(lang.date(r.day)) — \(unit)")
    }

    static func text(_ r: StateReport, _ lang: Language, listModels: Bool) -> String {
        var out = [title(r, lang)] + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain, lang) + [""]
        guard let root = r.rows.first else { return (out + [lang.t("No such unit.", "Không có đơn vị này.")]).joined(separator: "\n") + "\n" }
        var t = TextTable(header: [lang.t("Figure", "Chỉ tiêu")] + (r.showCodes ? [lang.t("Name", "Mã chỉ tiêu")] : []) + [lang.t("Value", "Số lượng")],
                          alignments: [.left] + (r.showCodes ? [.left] : []) + [.right])
        for d in r.figures { t.append([SummaryRenderer.label(d, lang)] + (r.showCodes ? [d.name] : []) + [lang.figure(root.values[d.name] ?? nil, d)]) }
        out.append(t.render())
        if r.rows.count > 1 {
            out.append("")
            let cols = r.unitColumns
            var u = TextTable(header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + cols.map { lang.text($0.shortLabel) },
                              alignments: [.left, .left] + cols.map { _ in .right })
            for row in r.rows {
                u.append([String(repeating: "  ", count: row.depth) + row.name, row.code] + cols.map { lang.figure(row.values[$0.name] ?? nil, $0) })
            }
            out.append(u.render())
        }
        if listModels {
            out.append("")
            var m = TextTable(header: [lang.t("Model", "Mô hình"), lang.t("Kind", "Loại"), lang.t("Name", "Tên"), lang.t("Unit", "Đơn vị"),
                                       lang.t("Members", "Thành viên"), lang.t("Since", "Từ ngày")],
                              alignments: [.left, .left, .left, .left, .right, .left])
            let kinds = Vocabulary.builtIn[.modelKind]!
            for v in r.models {
                m.append([v.id, kinds.term(code: v.kind).map { lang.text($0.label) } ?? v.kind, v.name, "\(v.unit) \(r.unitNames[v.unit] ?? "")",
                          lang.number(Int(v.members)), lang.date(v.established)])
            }
            out.append(m.render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func csv(_ r: StateReport, _ lang: Language) -> String {
        CSVWriter(neutralizesFormulas: true).write(ChainMark.csvRows(csvRows(r), r.chain))
    }

    /// The CSV's rows (header first), shared with the workbook.
    static func csvRows(_ r: StateReport) -> [[String]] {
        var rows = [["date", "unit", "unit_name", "metric", "value"]]
        for row in r.rows {
            for d in r.figures { rows.append([r.day.iso, row.code, row.name, d.name, Language.plain(row.values[d.name] ?? nil, d)]) }
        }
        return rows
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
        w.key("figures"); w.beginArray()
        for d in r.figures { ReportHeader.json(d, lang, &w) }
        w.endArray()
        w.key("units"); w.beginArray()
        for row in r.rows {
            w.beginObject()
            w.key("code"); w.string(row.code)
            w.key("name"); w.string(row.name)
            w.key("kind"); w.string(row.kind)
            w.key("depth"); w.int(Int64(row.depth))
            w.key("figures"); w.beginObject()
            for d in r.figures {
                w.key(d.name)
                if let v = row.values[d.name] ?? nil { w.raw(Array(v.plain(decimals: d.decimals).utf8)) } else { w.null() }
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.key("models"); w.beginArray()
        for v in r.models {
            w.beginObject()
            w.key("model"); w.string(v.id)
            w.key("kind"); w.string(v.kind)
            w.key("name"); w.string(v.name)
            w.key("unit"); w.string(v.unit)
            w.key("members"); w.int(v.members)
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
        out += ["| \(lang.t("Figure", "Chỉ tiêu")) |" + (r.showCodes ? " \(lang.t("Name", "Mã")) |" : "") + " \(lang.t("Value", "Số lượng")) |",
                "|---|" + (r.showCodes ? "---|" : "") + "---:|"]
        for d in r.figures {
            let l = lang.text(d.label)
            let shown = d.depth > 0 ? String(repeating: "&nbsp;&nbsp;", count: d.depth) + md(l) : "**" + md(l) + "**"
            out.append("| \(shown) |" + (r.showCodes ? " `\(d.name)` |" : "") + " \(lang.figure(root.values[d.name] ?? nil, d)) |")
        }
        if r.rows.count > 1 {
            let cols = r.unitColumns
            out += ["", "| \(lang.t("Unit", "Đơn vị")) | \(lang.t("Code", "Mã")) | " + cols.map { md(lang.text($0.shortLabel)) }.joined(separator: " | ") + " |",
                    "|---|---|" + cols.map { _ in "---:|" }.joined()]
            for row in r.rows {
                out.append("| \(String(repeating: "&nbsp;&nbsp;", count: row.depth) + md(row.name)) | \(row.code) | " + cols.map { lang.figure(row.values[$0.name] ?? nil, $0) }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
