import ANTQDomain
import Decimals
import JSONCodec
import TextFormats

/// Renders a summary in every format.
///
/// Text and Markdown are for reading (labels in the reader's language,
/// numbers in its style, figure names only with `--codes`); CSV and JSON are
/// for machines and spreadsheets, so their numbers are plain (5000, 1.400)
/// in both languages and their keys are the stable figure names.
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

    static func headlineFigures(_ r: SummaryReport) -> [FigureDefinition] {
        headline.compactMap { n in r.figures.first { $0.name == n } }
    }

    static func unitTitle(_ row: SummaryReport.Row?, _ lang: Language) -> String {
        guard let row else { return "-" }
        let kind = Vocabulary.builtIn[.unitKind]!.term(code: row.kind)?.label.text(vietnamese: lang.isVietnamese) ?? row.kind
        return lang.isVietnamese ? UnitRegistry.kindAndName(kind, row.name) : "\(row.name) (\(kind))"
    }

    static func title(_ r: SummaryReport, _ lang: Language) -> String {
        if !r.parts.isEmpty {
            return lang.t("ANTQ summary, \(r.period.words(vietnamese: false)) — on the units as they were",
                          "Tổng hợp phong trào toàn dân bảo vệ ANTQ \(r.period.words(vietnamese: true)) — theo địa giới lúc đó")
        }
        // Every top-level unit the report holds (a log may keep two provinces), not only the first.
        let roots = r.rows.filter { $0.depth == 0 }
        let units = roots.isEmpty ? "-" : roots.map { unitTitle($0, lang) }.joined(separator: "; ")
        return lang.t("ANTQ summary, \(r.period.words(vietnamese: false)) — \(units)",
               "Tổng hợp phong trào toàn dân bảo vệ ANTQ \(r.period.words(vietnamese: true)) — \(units)")
    }

    static func header(_ r: SummaryReport, _ lang: Language) -> [String] {
        [title(r, lang), ReportHeader.period(r.period, lang)]
            + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain, lang)
            + (r.compare.map { [lang.t("Compared with ", "So sánh với ") + $0.header(vietnamese: lang.isVietnamese)
                + (r.historical ? lang.t(", on the units as they were", ", theo địa giới lúc đó") : "") + "."] } ?? [])
            + (r.rows.first.flatMap { EstimateNote.line(r.estimates[$0.code] ?? [], lang) }.map { [$0] } ?? [])
    }

    /// A figure against the compared period.
    struct Change {
        var now: ExactDecimal
        var before: ExactDecimal
        var difference: ExactDecimal { (try? now.subtracting(before)) ?? .zero }
        /// Percent change with one decimal; nil when the compared value is 0.
        var percent: ExactDecimal? { before.isZero ? nil : ExactDecimal.ratio(difference, before, decimals: 1, percent: true) }

        func differenceText(_ d: FigureDefinition, _ lang: Language) -> String { lang.signed(difference, d) }
        func percentText(_ lang: Language) -> String {
            guard let p = percent else { return "—" }
            return (p > .zero ? "+" : "") + p.formatted(decimals: 1, style: lang.decimalStyle) + "%"
        }
        var percentPlain: String { percent.map { $0.plain(decimals: 1) } ?? "" }

        /// The change as a report says it: "tăng 93 vụ (+82,3%) so với cùng kỳ",
        /// "giảm 4 mô hình (−12,5%) so với kỳ trước", "bằng cùng kỳ"; the
        /// noun comes from the figure's declaration; the percent is left out
        /// when the compared value is 0.
        func words(_ d: FigureDefinition, against name: Text, _ lang: Language) -> String {
            let vi = lang.isVietnamese, against = name.text(vietnamese: vi)
            if difference.isZero { return vi ? "bằng \(against)" : "the same as \(against)" }
            let up = difference > .zero
            let size = up ? difference : difference.negated()
            var amount = lang.figure(size, d)
            if let noun = d.noun {
                // English nouns are declared plural ("suspects"): one is "1 suspect".
                let word = noun.text(vietnamese: vi)
                amount += " " + (!vi && size == ExactDecimal(1) && word.hasSuffix("s") ? String(word.dropLast()) : word)
            }
            if percent != nil { amount += " (" + percentText(lang) + ")" }
            return vi ? (up ? "tăng " : "giảm ") + amount + " so với " + against
                      : (up ? "up " : "down ") + amount + " on " + against
        }
    }

    /// One sentence per top-level figure against the compared period, as a
    /// review writes it: "Đối tượng bị bắt: 3.630, tăng 630 (+21,0%) so với cùng kỳ."
    static func changeSentences(_ r: SummaryReport, _ lang: Language) -> [String] {
        guard let name = r.compareName, let root = r.rows.first else { return [] }
        return r.figures.filter { $0.depth == 0 }.compactMap { d in
            guard let c = change(r, root.code, d) else { return nil }
            return lang.text(d.label) + ": " + lang.figure(c.now, d) + ", " + c.words(d, against: name, lang) + "."
        }
    }

    static func change(_ r: SummaryReport, _ code: String, _ d: FigureDefinition) -> Change? {
        guard r.compare != nil, !d.isRatio, let row = r.rows.first(where: { $0.code == code }) else { return nil }
        return Change(now: (row.values[d.name] ?? nil) ?? .zero, before: (r.compareRows[code]?[d.name] ?? nil) ?? .zero)
    }

    /// A figure's value in each column (`--columns`), in the reader's style.
    static func columnCells(_ r: SummaryReport, _ code: String, _ d: FigureDefinition, _ lang: Language) -> [String] {
        r.columns.indices.map { lang.figure(r.column($0, code, d.name), d) }
    }

    static func label(_ d: FigureDefinition, _ lang: Language) -> String {
        String(repeating: "  ", count: d.depth) + lang.text(d.label)
    }

    static func text(_ r: SummaryReport, _ lang: Language) -> String {
        if !r.parts.isEmpty {
            return (header(r, lang) + ["", partsNote(r, lang), ""]).joined(separator: "\n") + "\n"
                + r.parts.map { $0.rows.isEmpty ? notYet($0, lang) : text($0, lang) }.joined(separator: "\n")
        }
        var out = header(r, lang)
        out.append("")
        guard let root = r.rows.first else {
            out.append(lang.t("No such unit.", "Không có đơn vị này."))
            return out.joined(separator: "\n") + "\n"
        }
        var head = [lang.t("Figure", "Chỉ tiêu")] + (r.showCodes ? [lang.t("Name", "Mã chỉ tiêu")] : []) + r.columns.map(\.label) + [r.period.label]
        var align: [TextTable.Alignment] = [.left] + (r.showCodes ? [.left] : []) + r.columns.map { _ in .right } + [.right]
        if let c = r.compare {
            head += [c.label, lang.t("Change", "Tăng/giảm"), "%"]
            align += [.right, .right, .right]
        }
        var t = TextTable(header: head, alignments: align)
        for d in r.figures {
            var row = [label(d, lang)] + (r.showCodes ? [d.name] : []) + columnCells(r, root.code, d, lang) + [lang.figure(root.values[d.name] ?? nil, d)]
            if r.compare != nil {
                if let c = change(r, root.code, d) { row += [lang.figure(c.before, d), c.differenceText(d, lang), c.percentText(lang)] }
                else { row += [lang.figure(r.compareRows[root.code]?[d.name] ?? nil, d), "", ""] }
            }
            t.append(row)
        }
        out.append(t.render())
        let sentences = changeSentences(r, lang)
        if !sentences.isEmpty { out += sentences + [""] }
        if r.rows.count > 1 {
            let figures = headlineFigures(r)
            var u = TextTable(header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + figures.map { lang.text($0.shortLabel) },
                              alignments: [.left, .left] + figures.map { _ in .right })
            for row in r.rows {
                u.append([String(repeating: "  ", count: row.depth) + row.name, row.code] + figures.map { lang.figure(row.values[$0.name] ?? nil, $0) })
            }
            out.append(u.render())
        }
        return out.joined(separator: "\n")
    }

    /// Long format, one figure per row: exactly `period,unit,unit_name,metric,value`
    /// as documented (scripts depend on it; labels are in the JSON), plus
    /// `compare_period,compare_value,change,percent_change` with `--compare`.
    /// With `--columns`, each column's rows (its label in `period`) come
    /// before the total's, so a script can filter on `period`.
    static func csv(_ r: SummaryReport, _ lang: Language) -> String {
        CSVWriter(neutralizesFormulas: true).write(ChainMark.csvRows(csvRows(r), r.chain))
    }

    /// The CSV's rows (header first), shared with the workbook.
    static func csvRows(_ r: SummaryReport) -> [[String]] {
        // The parts' rows one after another, each with its part's days in `period` (their headers are the same).
        if !r.parts.isEmpty { return [csvRows(r.parts[0])[0]] + r.parts.flatMap { csvRows($0).dropFirst() } }
        var head = ["period", "unit", "unit_name", "metric", "value"]
        if r.compare != nil { head += ["compare_period", "compare_value", "change", "percent_change"] }
        // Only when a figure is restated across a split: the split units it holds whole.
        let marked = !r.estimates.isEmpty
        if marked { head.append("estimate_includes_split_units") }
        var rows = [head]
        for row in r.rows {
            for d in r.figures {
                for (i, c) in r.columns.enumerated() {
                    let line = [c.label, row.code, row.name, d.name, Language.plain(r.column(i, row.code, d.name), d)]
                    // Every row as wide as the header: a column's row is restated on the same units as the total's.
                    rows.append(line + (r.compare == nil ? [] : ["", "", "", ""]) + (marked ? [EstimateNote.codes(r.estimates[row.code])] : []))
                }
                var line = [r.period.label, row.code, row.name, d.name, Language.plain(row.values[d.name] ?? nil, d)]
                if let cp = r.compare {
                    let c = change(r, row.code, d)
                    line += [cp.label, Language.plain(r.compareRows[row.code]?[d.name] ?? nil, d),
                             c.map { $0.difference.plain(decimals: d.decimals) } ?? "", c?.percentPlain ?? ""]
                }
                if marked { line.append(EstimateNote.codes(r.estimates[row.code])) }
                rows.append(line)
            }
        }
        return rows
    }

    static func json(_ r: SummaryReport, _ lang: Language) -> String {
        var w = JSONWriter()
        func number(_ v: ExactDecimal?, _ d: FigureDefinition) {
            if let v { w.raw(Array(v.plain(decimals: d.decimals).utf8)) } else { w.null() }
        }
        w.beginObject()
        w.key("title"); w.string(title(r, lang))
        w.key("period"); ReportHeader.json(r.period, &w, lang)
        if let y = r.period.reportingYear { w.key("year"); w.int(Int64(y)) }
        w.key("fingerprint"); w.string(r.fingerprint.description)
        w.key("chain"); w.string(r.chain.rawValue)
        w.key("as_of"); if let a = r.asOf { w.string(a.rfc3339) } else { w.null() }
        w.key("last_recorded"); if let a = r.lastRecorded { w.string(a.rfc3339) } else { w.null() }
        if let c = r.compare { w.key("compare_period"); ReportHeader.json(c, &w, lang) }
        if !r.parts.isEmpty {
            // Each part as the summary of its days alone would be, on the units of its own last day.
            w.key("boundaries"); w.string("historical")
            w.key("note"); w.string(partsNote(r, lang))
            w.key("parts"); w.beginArray()
            for part in r.parts { w.raw(Array(json(part, lang).utf8.dropLast())) }
            w.endArray()
            w.endObject()
            return String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        if !r.columns.isEmpty {
            w.key("columns"); w.beginArray()
            for c in r.columns { ReportHeader.json(c, &w, lang) }
            w.endArray()
        }
        if !r.estimates.isEmpty {
            w.key("estimates"); w.beginObject()
            for row in r.rows {
                guard let parts = r.estimates[row.code] else { continue }
                w.key(row.code); w.beginArray()
                for p in parts {
                    w.beginObject()
                    w.key("split_unit"); w.string(p.code)
                    w.key("name"); w.string(p.name)
                    w.key("counted_in"); w.string(p.countedIn)
                    w.key("successors"); w.beginArray(); for s in p.successors { w.string(s) }; w.endArray()
                    w.key("on"); w.string(p.on.iso)
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
            if let note = r.rows.first.flatMap({ EstimateNote.line(r.estimates[$0.code] ?? [], lang) }) { w.key("estimate_note"); w.string(note) }
        }
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
            for d in r.figures { w.key(d.name); number(row.values[d.name] ?? nil, d) }
            w.endObject()
            if !r.columns.isEmpty {
                // One object per column, in the order of the top-level "columns".
                w.key("columns"); w.beginArray()
                for (i, c) in r.columns.enumerated() {
                    w.beginObject()
                    w.key("period"); w.string(c.label)
                    w.key("figures"); w.beginObject()
                    for d in r.figures { w.key(d.name); number(r.column(i, row.code, d.name), d) }
                    w.endObject()
                    w.endObject()
                }
                w.endArray()
            }
            if r.compare != nil {
                w.key("compare"); w.beginObject()
                for d in r.figures {
                    w.key(d.name); w.beginObject()
                    w.key("value"); number(r.compareRows[row.code]?[d.name] ?? nil, d)
                    if let c = change(r, row.code, d) {
                        w.key("change"); w.raw(Array(c.difference.plain(decimals: d.decimals).utf8))
                        w.key("percent_change"); if let p = c.percent { w.raw(Array(p.plain(decimals: 1).utf8)) } else { w.null() }
                        if let name = r.compareName { w.key("words"); w.string(c.words(d, against: name, lang)) }
                    }
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
        if !r.parts.isEmpty {
            return (out + ["> " + md(partsNote(r, lang)), ""]).joined(separator: "\n") + "\n"
                + r.parts.map { $0.rows.isEmpty ? "## " + md(notYet($0, lang)) : "#" + markdown($0, lang) }.joined(separator: "\n")
        }
        guard let root = r.rows.first else { return out.joined(separator: "\n") + "\n" }
        var head = "| \(lang.t("Figure", "Chỉ tiêu")) |" + (r.showCodes ? " \(lang.t("Name", "Mã")) |" : "")
            + r.columns.map { " \($0.label) |" }.joined() + " \(r.period.label) |"
        var sep = "|---|" + (r.showCodes ? "---|" : "") + String(repeating: "---:|", count: r.columns.count) + "---:|"
        if let c = r.compare { head += " \(c.label) | \(lang.t("Change", "Tăng/giảm")) | % |"; sep += "---:|---:|---:|" }
        out += [head, sep]
        for d in r.figures {
            let l = lang.text(d.label)
            let shown = d.depth > 0 ? String(repeating: "&nbsp;&nbsp;", count: d.depth) + md(l) : "**" + md(l) + "**"
            var line = "| \(shown) |" + (r.showCodes ? " `\(d.name)` |" : "")
                + columnCells(r, root.code, d, lang).map { " \($0) |" }.joined() + " \(lang.figure(root.values[d.name] ?? nil, d)) |"
            if r.compare != nil {
                if let c = change(r, root.code, d) { line += " \(lang.figure(c.before, d)) | \(c.differenceText(d, lang)) | \(c.percentText(lang)) |" }
                else { line += " \(lang.figure(r.compareRows[root.code]?[d.name] ?? nil, d)) | | |" }
            }
            out.append(line)
        }
        let sentences = changeSentences(r, lang)
        if !sentences.isEmpty { out += [""] + sentences.map { "- " + md($0) } }
        if r.rows.count > 1 {
            let figures = headlineFigures(r)
            out += ["", "| \(lang.t("Unit", "Đơn vị")) | \(lang.t("Code", "Mã")) | " + figures.map { md(lang.text($0.shortLabel)) }.joined(separator: " | ") + " |",
                    "|---|---|" + figures.map { _ in "---:|" }.joined()]
            for row in r.rows {
                let name = String(repeating: "&nbsp;&nbsp;", count: row.depth) + md(row.name)
                out.append("| \(name) | \(row.code) | " + figures.map { lang.figure(row.values[$0.name] ?? nil, $0) }.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text safe in a Markdown table cell or line: Markdown's own marks, and
    /// `<`, `>` and `&`, which a Markdown viewer would pass on as HTML (a unit
    /// or a recorder named `<script>…` stays text).
    static func md(_ s: String) -> String {
        s.replacing("\\", with: "\\\\").replacing("|", with: "\\|")
            .replacing("*", with: "\\*").replacing("_", with: "\\_")
            .replacing("<", with: "\\<").replacing(">", with: "\\>").replacing("&", with: "\\&")
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

extension Period {
    /// The reporting year, when the period is exactly one.
    public var reportingYear: Int? {
        if case .year(let y) = kind { return y }
        return nil
    }
}

extension SummaryRenderer {
    /// A part in which the unit asked for did not exist yet.
    static func notYet(_ part: SummaryReport, _ lang: Language) -> String {
        ReportHeader.period(part.period, lang) + ": " + lang.t("the unit did not exist yet.", "đơn vị chưa có.") + "\n"
    }

    /// Why a report comes in parts, and where they are cut.
    static func partsNote(_ r: SummaryReport, _ lang: Language) -> String {
        let days = r.parts.dropFirst().map { lang.date($0.period.firstDay) }.joined(separator: ", ")
        return lang.t("On the units as they were: the units changed on \(days), so the period is shown in \(r.parts.count) parts, each on the units of its own last day.",
                      "Theo địa giới lúc đó: địa giới hành chính thay đổi ngày \(days), nên kỳ báo cáo được chia thành \(r.parts.count) phần, mỗi phần theo địa giới ngày cuối của phần đó.")
    }
}
