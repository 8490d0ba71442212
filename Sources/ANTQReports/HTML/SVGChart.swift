import Decimals
import TextFormats

/// Inline SVG bar charts for the HTML reports: no script, no external file, so
/// the page works offline, on a projector and on paper.
///
/// Meaning never rests on colour alone: the comparison series is an outlined
/// bar, the main series a solid one, and every bar carries its number and (in
/// multi-series charts) its series name as text. Every bar is a
/// `<rect class="bar" data-value="N" …>` whose length is exactly proportional
/// to N within its chart (the longest bar fills the plot), which the tests
/// check by reading the lengths back.
enum SVGChart {
    enum Style: String { case solid, outline }

    struct Series {
        var name: String
        var style: Style
    }

    struct Row {
        var label: String
        var values: [ExactDecimal]
        /// Text shown after each bar; default: the number (and the series name when several).
        var texts: [String]? = nil
    }

    static let ink = "#111111"
    static let fill = "#1d3557"

    /// Vertical columns, one per bar, each labelled under it (e.g. "2017", "2018")
    /// with its value above it. Used for "this year against last year".
    static func columns(title: String, bars: [(label: String, value: ExactDecimal, style: Style)], lang: Language) -> String {
        let width = 260.0, plot = 150.0, top = 30.0, bottomLabels = 34.0
        let barWidth = 64.0, gap = 36.0
        let height = top + plot + bottomLabels
        let maxValue = max(bars.map { length($0.value) }.max() ?? 0, 1e-9)
        let total = Double(bars.count) * barWidth + Double(max(bars.count - 1, 0)) * gap
        var x = (width - total) / 2
        let base = top + plot
        var s = open("columns", width: width, height: height, title: title)
        s += "<line x1=\"8\" y1=\"\(f(base))\" x2=\"\(f(width - 8))\" y2=\"\(f(base))\" stroke=\"\(ink)\" stroke-width=\"2\"/>"
        for bar in bars {
            let h = length(bar.value) / maxValue * plot
            s += rect(x: x, y: base - h, width: barWidth, height: h, style: bar.style, value: bar.value, label: bar.label)
            s += text(x: x + barWidth / 2, y: base - h - 8, anchor: "middle", size: 18, bold: true, lang.number(bar.value))
            s += text(x: x + barWidth / 2, y: base + 24, anchor: "middle", size: 17, bold: bar.style == .solid, bar.label)
            x += barWidth + gap
        }
        return s + "</svg>"
    }

    /// Horizontal bars: one row per label, one bar per series in each row.
    /// Used for figures per district, categories, coverage and model kinds.
    static func bars(title: String, rows: [Row], series: [Series], lang: Language) -> String {
        let width = 1000.0, size = 19
        let em = Double(size) * 0.62   // average advance of DejaVu/Noto Sans, a little generous
        let maxValue = max(rows.flatMap(\.values).map(length).max() ?? 0, 1e-9)
        func shownText(_ row: Row, _ i: Int) -> String {
            let v = i < row.values.count ? row.values[i] : .zero
            return row.texts.map { i < $0.count ? $0[i] : "" } ?? (series.count > 1 ? "\(series[i].name): \(lang.number(v))" : lang.number(v))
        }
        let longest = rows.map { displayWidth($0.label) }.max() ?? 4
        let labelWidth = min(max(Double(longest) * em + 24, 90), 420)
        let maxLabel = Int(((labelWidth - 24) / em).rounded())
        let longestText = rows.flatMap { r in series.indices.map { displayWidth(shownText(r, $0)) } }.max() ?? 4
        let textRoom = Double(longestText) * em + 24
        let plot = max(width - labelWidth - textRoom, 200)
        let barHeight = 26.0, barGap = 4.0, rowGap = 16.0
        let legend = series.count > 1 ? 38.0 : 6.0
        let rowHeight = Double(series.count) * (barHeight + barGap) - barGap + rowGap
        let height = legend + Double(rows.count) * rowHeight + 4
        var s = open("bars", width: width, height: height, title: title)
        if series.count > 1 {
            var lx = labelWidth
            for sr in series {
                s += "<rect class=\"key \(sr.style.rawValue)\" x=\"\(f(lx))\" y=\"8\" width=\"22\" height=\"18\" \(paint(sr.style))/>"
                s += text(x: lx + 30, y: 24, anchor: "start", size: size, bold: sr.style == .solid, sr.name)
                lx += 60 + Double(displayWidth(sr.name)) * em
            }
        }
        var y = legend
        for row in rows {
            s += text(x: labelWidth - 12, y: y + barHeight * 0.75 + Double(series.count - 1) * (barHeight + barGap) / 2, anchor: "end", size: size, bold: false, clipped(row.label, maxLabel))
            for (i, sr) in series.enumerated() {
                let v = i < row.values.count ? row.values[i] : .zero
                let w = length(v) / maxValue * plot
                s += rect(x: labelWidth, y: y, width: w, height: barHeight, style: sr.style, value: v, label: row.label + " — " + sr.name)
                s += text(x: labelWidth + w + 8, y: y + barHeight * 0.76, anchor: "start", size: size, bold: sr.style == .solid, shownText(row, i))
                y += barHeight + barGap
            }
            y += rowGap - barGap
        }
        s += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(legend - 4))\" x2=\"\(f(labelWidth))\" y2=\"\(f(y))\" stroke=\"\(ink)\" stroke-width=\"2\"/>"
        return s + "</svg>"
    }

    // MARK: - Pieces

    /// A bar's length: a drawing needs a real number; the figure itself is
    /// always printed from the exact decimal. Negative values draw no bar.
    static func length(_ v: ExactDecimal) -> Double {
        guard !v.isNegative else { return 0 }
        var d = Double(v.significand)
        for _ in 0..<v.scale { d /= 10 }
        return d
    }

    /// A label cut to `width` columns with "…", so it never runs off the chart's left edge.
    static func clipped(_ label: String, _ width: Int) -> String {
        guard displayWidth(label) > width else { return label }
        var out = ""
        for c in label {
            if displayWidth(out + String(c)) >= width { break }
            out.append(c)
        }
        return out + "…"
    }

    static func open(_ kind: String, width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(kind)\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(escapeHTML(title))\">"
            + "<title>\(escapeHTML(title))</title>"
    }

    static func paint(_ style: Style) -> String {
        style == .solid ? "fill=\"\(fill)\" stroke=\"\(fill)\" stroke-width=\"2\"" : "fill=\"#ffffff\" stroke=\"\(ink)\" stroke-width=\"2.5\""
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, style: Style, value: ExactDecimal, label: String) -> String {
        "<rect class=\"bar \(style.rawValue)\" data-value=\"\(value.plain())\" data-label=\"\(escapeHTML(label))\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" \(paint(style))/>"
    }

    static func text(x: Double, y: Double, anchor: String, size: Int, bold: Bool, _ content: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(bold ? " font-weight=\"700\"" : "") fill=\"\(ink)\">\(escapeHTML(content))</text>"
    }

    /// A coordinate with two decimals, "." as separator, whatever the locale.
    static func f(_ d: Double) -> String {
        let hundredths = Int((d * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let frac = a % 100
        return sign + "\(a / 100)" + (frac == 0 ? "" : "." + (frac < 10 ? "0" : "") + "\(frac)")
    }
}
