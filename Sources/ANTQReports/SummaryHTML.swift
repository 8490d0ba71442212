import ANTQDomain
import TextFormats

/// One self-contained HTML page for the summary (no network, no scripts).
/// The charts and print styling are completed in the reports issue.
enum SummaryHTML {
    static func render(_ r: SummaryReport, _ lang: Language) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\"><head><meta charset=\"utf-8\"><title>\(escapeHTML(SummaryRenderer.title(r, lang)))</title></head><body>\n"
        h += "<h1>\(escapeHTML(SummaryRenderer.title(r, lang)))</h1>\n"
        for line in [ReportHeader.period(r.period, lang)] + ReportHeader.provenance(fingerprint: r.fingerprint, asOf: r.asOf, lang) {
            h += "<p>\(escapeHTML(line))</p>\n"
        }
        if let root = r.rows.first {
            h += "<table>\n<tr><th>\(lang.t("Figure", "Chỉ tiêu"))</th><th>\(r.year)</th></tr>\n"
            for m in Metric.all {
                h += "<tr><td>\(escapeHTML(MetricLabels.label(m, lang)))</td><td>\(lang.number(root.figures[m] ?? 0))</td></tr>\n"
            }
            h += "</table>\n"
        }
        return h + "</body></html>\n"
    }
}
