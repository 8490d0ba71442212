import ANTQDomain
import EventLog
import TextFormats

/// The frame of every HTML report: one self-contained file (styles inline, no
/// script, no font or image fetched), readable on a projector (large type,
/// black on white) and on paper (print styles, A4, no page break inside a chart).
///
/// - Note: The markup is also well-formed XML (every element closed, attributes
///   quoted, text escaped, no named entities besides XML's own), so tests parse
///   it with `XMLParser` and any XML tool can pick figures out of it.
struct HTMLPage {
    var lang: Language
    var body = ""
    /// Added after the common styles, and the class of `<body>` (the official layout).
    var extraCSS = ""
    var bodyClass: String?

    init(lang: Language) { self.lang = lang }

    mutating func add(_ html: String) { body += html + "\n" }

    mutating func heading(_ level: Int, _ text: String, id: String? = nil) {
        add("<h\(level)\(id.map { " id=\"\($0)\"" } ?? "")>\(escapeHTML(text))</h\(level)>")
    }

    mutating func paragraph(_ text: String, cls: String? = nil) {
        add("<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(escapeHTML(text))</p>")
    }

    /// The fingerprint and as-of box every report carries.
    mutating func provenance(fingerprint: Fingerprint, asOf: UTCInstant?, lastRecorded: UTCInstant?, chain: ChainCheck = .sha256) {
        var h = "<div class=\"provenance\">"
        if chain == .notChecked { h += "<div class=\"banner\"><strong>\(escapeHTML(ReportHeader.chainNotChecked(lang)))</strong></div>" }
        h += "<div><strong>\(escapeHTML(lang.t("Log fingerprint", "Dấu vân tay sổ"))):</strong> <code>\(escapeHTML(fingerprint.description))</code></div>"
        h += "<div><strong>\(escapeHTML(lang.t("As known on", "Theo dữ liệu đến"))):</strong> \(escapeHTML(ReportHeader.asOfText(fingerprint: fingerprint, asOf: asOf, lastRecorded: lastRecorded, lang)))</div>"
        h += "</div>"
        add(h)
    }

    /// A chart with its caption (the caption is HTML text, so it wraps and prints crisply).
    mutating func figure(_ caption: String, _ svg: String, note: String? = nil, cls: String = "chart-figure") {
        var h = "<figure class=\"\(cls)\"><figcaption>\(escapeHTML(caption))</figcaption>\(svg)"
        if let note { h += "<p class=\"note\">\(escapeHTML(note))</p>" }
        add(h + "</figure>")
    }

    /// A table; `numeric` marks right-aligned columns, `sub` rows are indented sub-figures.
    mutating func table(caption: String?, header: [String], numeric: Set<Int>, rows: [(cells: [String], sub: Bool)]) {
        var h = "<table>"
        if let caption { h += "<caption>\(escapeHTML(caption))</caption>" }
        h += "<thead><tr>" + header.enumerated().map { i, c in "<th\(numeric.contains(i) ? " class=\"num\"" : "") scope=\"col\">\(escapeHTML(c))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            h += "<tr\(row.sub ? " class=\"sub\"" : "")>"
            for (i, c) in row.cells.enumerated() {
                h += i == 0 ? "<th scope=\"row\">\(escapeHTML(c))</th>" : "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(escapeHTML(c))</td>"
            }
            h += "</tr>"
        }
        add(h + "</tbody></table>")
    }

    /// A table whose cells are already HTML (escaped text, or links built by `link`).
    mutating func htmlTable(caption: String?, header: [String], numeric: Set<Int>, rows: [[String]], cls: String? = nil) {
        var h = "<table\(cls.map { " class=\"\($0)\"" } ?? "")>"
        if let caption { h += "<caption>\(escapeHTML(caption))</caption>" }
        h += "<thead><tr>" + header.enumerated().map { i, c in "<th\(numeric.contains(i) ? " class=\"num\"" : "") scope=\"col\">\(escapeHTML(c))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            h += "<tr>"
            for (i, c) in row.enumerated() { h += "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(c)</td>" }
            h += "</tr>"
        }
        add(h + "</tbody></table>")
    }

    /// The way back up: site pages start with it (`href` nil: the page itself).
    mutating func nav(_ items: [(text: String, href: String?)]) {
        guard !items.isEmpty else { return }
        add("<nav class=\"crumbs\">" + items.map { HTMLPage.link($0.text, $0.href) }.joined(separator: " › ") + "</nav>")
    }

    /// Escaped text, as a link when there is somewhere to go. `href` is built
    /// by the site from sanitised names, and escaped again here all the same.
    static func link(_ text: String, _ href: String?) -> String {
        guard let href else { return escapeHTML(text) }
        return "<a href=\"\(escapeHTML(href))\">\(escapeHTML(text))</a>"
    }

    func render(title: String, footer: Fingerprint) -> String {
        render(title: title, footerText: ReportHeader.verifyHint(footer, lang))
    }

    func render(title: String, footerText: String) -> String {
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(lang.rawValue)\" xml:lang=\"\(lang.rawValue)\">\n<head>\n"
            + "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<meta name=\"generator\" content=\"antq\"/>\n"
            + "<title>\(escapeHTML(title))</title>\n<style>\n\(HTMLPage.css)\(extraCSS)</style>\n</head>\n<body\(bodyClass.map { " class=\"\($0)\"" } ?? "")>\n<main>\n"
            + body
            + "</main>\n" + (footerText.isEmpty ? "" : "<footer><p>\(escapeHTML(footerText))</p></footer>\n") + "</body>\n</html>\n"
    }

    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html { font-size: 20px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0 auto; max-width: 1280px; padding: 1.2rem 1.6rem 2rem; color: #111; background: #fff;
           font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; line-height: 1.4; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .4rem; }
    h2 { font-size: 1.35rem; margin: 1.8rem 0 .7rem; padding-bottom: .2rem; border-bottom: 3px solid #111; }
    p { margin: .3rem 0; }
    .period { font-size: 1.05rem; font-weight: 700; }
    .provenance { margin: .7rem 0 1rem; padding: .5rem .8rem; border: 2px solid #111; font-size: .8rem; }
    .provenance code { font-size: .78rem; word-break: break-all; }
    .note { font-size: .8rem; color: #333; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12.5rem, 1fr)); gap: .7rem; }
    .card { border: 2px solid #111; padding: .5rem .7rem; }
    .card .value { font-size: 2.1rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .card .label { font-size: .9rem; font-weight: 700; }
    .card .change { font-size: .8rem; margin-top: .2rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem 1.4rem; }
    .wide { display: grid; grid-template-columns: 1fr; gap: 1.2rem; }
    figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: .95rem; font-weight: 700; margin-bottom: .3rem; }
    .charts figcaption { min-height: 2.7em; }
    svg.chart { display: block; width: 100%; height: auto; }
    svg.chart.bars { max-width: 1000px; }
    svg.chart.columns { max-width: 320px; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .85rem; }
    caption { text-align: left; font-weight: 700; padding: .3rem 0; }
    th, td { border: 1px solid #111; padding: .2rem .5rem; vertical-align: top; }
    thead th { background: #e6e6e6; text-align: left; }
    tbody th { text-align: left; font-weight: 700; white-space: nowrap; }
    tr.sub th { font-weight: 400; padding-left: 1.6rem; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    a { color: #0b3d91; }
    nav.crumbs { font-size: .85rem; margin-bottom: .6rem; }
    dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
    dl.fields dt { font-weight: 700; }
    dl.fields dd { margin: 0; overflow-wrap: anywhere; }
    .status { font-size: 1.1rem; font-weight: 700; }
    svg.chart.steps { max-width: 1000px; }
    ul.tree { list-style: none; padding-left: 1.2rem; }
    footer { margin-top: 2rem; border-top: 2px solid #111; font-size: .75rem; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      html { font-size: 10.5pt; }
      body { max-width: none; padding: 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      .cards { grid-template-columns: repeat(4, 1fr); }
      .charts { grid-template-columns: repeat(4, 1fr); }
      thead { display: table-header-group; }
      tr, .card { break-inside: avoid; page-break-inside: avoid; }
    }

    """
}
