import ANTQDomain
import ANTQStore
import Decimals
import EventLog
import TextFormats

/// The site's own pages: the index and the linked summary. (Audit and
/// event pages are the renderers `antq audit --format html` uses.)
enum SitePages {
    /// - Parameter verify: nil when the chain could not be checked (a keyed log read without its key).
    static func index(data: SiteData, verify: VerifyReport?, plans: [(Period, [SummaryReport])], lang: Language,
                      exists: (String) -> Bool) -> String {
        var p = HTMLPage(lang: lang)
        let title = lang.t("ANTQ records — browsable report", "Sổ theo dõi phong trào toàn dân bảo vệ an ninh Tổ quốc")
        p.heading(1, title)
        p.provenance(fingerprint: data.replay.fingerprint, asOf: data.replay.asOf, lastRecorded: data.ledger.lastRecorded, chain: data.replay.chain)
        let verdict: String
        if let verify {
            verdict = verify.clean
                ? lang.t("antq verify: the whole log is clean (\(lang.number(verify.lines)) lines, fingerprint \(verify.fingerprint)).",
                         "antq verify: toàn bộ sổ hợp lệ (\(lang.number(verify.lines)) dòng, dấu vân tay \(verify.fingerprint)).")
                : lang.t("antq verify found \(verify.problems.count) problem(s) in the log: run 'antq verify' to see them.",
                         "antq verify phát hiện \(verify.problems.count) lỗi trong sổ: chạy 'antq verify' để xem.")
        } else {
            verdict = lang.t("antq verify was not run: this keyed log was read without its key, so its chain is not checked (give --key-file).",
                             "chưa chạy antq verify: sổ có khóa này được đọc mà không có khóa, nên chuỗi chưa được kiểm tra (dùng --key-file).")
        }
        let clean = verify.map { String($0.clean) } ?? "unknown"
        p.add("<p class=\"verify\" data-clean=\"\(clean)\"><strong>\(escapeHTML(verdict))</strong></p>")

        p.heading(2, lang.t("Reporting periods", "Kỳ báo cáo"))
        var rows: [[String]] = []
        for (period, reports) in plans {
            guard let top = reports.first?.rows.first else { continue }
            rows.append([HTMLPage.link(period.label, SiteNames.summary(period, top.code)), escapeHTML(lang.date(period.firstDay) + " – " + lang.date(period.lastDay)),
                         reports.map { r in HTMLPage.link(r.rows[0].name, SiteNames.summary(period, r.rows[0].code)) }.joined(separator: ", ")])
        }
        p.htmlTable(caption: nil, header: [lang.t("Period", "Kỳ"), lang.t("Days", "Thời gian"), lang.t("Units", "Đơn vị")], numeric: [], rows: rows)

        p.heading(2, lang.t("Units", "Đơn vị"))
        let day = plans.last?.0.lastDay
        let children = data.ledger.units.children(on: day)
        // Each unit links to its summary for the latest period that has one.
        func href(_ code: String) -> String? {
            for (period, _) in plans.reversed() where exists(SiteNames.summary(period, code)) { return SiteNames.summary(period, code) }
            return nil
        }
        func tree(_ code: String) -> String {
            guard let v = data.ledger.units.view(code, on: day) ?? data.ledger.units.view(code) else { return "" }
            let kids = children[code] ?? []
            return "<li>" + HTMLPage.link("\(v.name) [\(code)]", href(code)) + " " + escapeHTML(v.kindLabel(vietnamese: lang.isVietnamese))
                + (kids.isEmpty ? "" : "<ul class=\"tree\">" + kids.map(tree).joined() + "</ul>") + "</li>"
        }
        p.add("<ul class=\"tree\">" + data.ledger.units.roots(on: day).map(tree).joined() + "</ul>")
        return p.render(title: title, footer: data.replay.fingerprint)
    }

    /// A summary whose every value links to its audit page and every unit to its own summary.
    static func summary(_ r: SummaryReport, lang: Language, unitHref: (String) -> String?, auditHref: (String, String) -> String?,
                        printHref: String? = nil) -> String {
        var p = HTMLPage(lang: lang)
        let title = SummaryRenderer.title(r, lang)
        guard let root = r.rows.first else { return p.render(title: title, footer: r.fingerprint) }
        p.nav([(lang.t("Index", "Mục lục"), "index.html"), (r.period.label + " — " + root.name, nil)])
        p.heading(1, title)
        p.paragraph(ReportHeader.period(r.period, lang), cls: "period")
        p.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lastRecorded: r.lastRecorded, chain: r.chain)
        if let printHref {
            p.add("<p class=\"print-view\">" + HTMLPage.link(lang.t("Print view (official document layout)", "Bản in (thể thức văn bản hành chính)"), printHref) + "</p>")
        }
        func valueLink(_ row: SummaryReport.Row, _ d: FigureDefinition) -> String {
            let v = row.values[d.name] ?? nil
            let text = escapeHTML(lang.figure(v, d))
            guard let href = auditHref(row.code, d.name) else { return text }
            return "<a class=\"fig\" data-figure=\"\(escapeHTML(d.name))\" data-unit=\"\(escapeHTML(row.code))\" data-value=\"\(v.map { $0.plain() } ?? "")\" href=\"\(escapeHTML(href))\">\(text)</a>"
        }
        let headline = SummaryRenderer.headlineFigures(r)
        p.heading(2, lang.t("Headline figures", "Kết quả nổi bật"))
        p.add("<div class=\"cards\">" + headline.map { d in
            "<div class=\"card\" data-metric=\"\(escapeHTML(d.name))\"><div class=\"value\">\(valueLink(root, d))</div><div class=\"label\">\(escapeHTML(lang.text(d.label)))</div></div>"
        }.joined() + "</div>")

        p.heading(2, lang.t("All figures", "Toàn bộ chỉ tiêu"))
        p.htmlTable(caption: nil, header: [lang.t("Figure", "Chỉ tiêu"), lang.t("Name", "Mã"), r.period.label], numeric: [2],
                    rows: r.figures.map { d in
                        [(d.depth > 0 ? "&#160;&#160;&#160;" : "") + HTMLPage.link(lang.text(d.label), auditHref(root.code, d.name)),
                         "<code>\(escapeHTML(d.name))</code>", valueLink(root, d)]
                    })
        if r.rows.count > 1 {
            p.htmlTable(caption: lang.t("Per unit", "Theo đơn vị"),
                        header: [lang.t("Unit", "Đơn vị"), lang.t("Code", "Mã")] + headline.map { lang.text($0.shortLabel) },
                        numeric: Set(2..<(2 + headline.count)),
                        rows: r.rows.map { row in
                            [HTMLPage.link(row.name, unitHref(row.code)), escapeHTML(row.code)] + headline.map { valueLink(row, $0) }
                        })
        }
        return p.render(title: title, footer: r.fingerprint)
    }
}
