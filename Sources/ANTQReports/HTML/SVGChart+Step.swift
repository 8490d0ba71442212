import Decimals
import TextFormats

extension SVGChart {
    /// A figure's value after each recording day as a step line: flat until
    /// the next day that changed it, then a vertical jump. Every step carries
    /// `data-value` and `data-day` so tests read the chart back, and its value
    /// as text when there are few steps (the table beside it has them all).
    static func steps(title: String, points: [(day: CivilDate, value: ExactDecimal)], lang: Language) -> String {
        let width = 1000.0, height = 300.0, left = 90.0, right = 20.0, top = 20.0, bottom = 44.0
        var s = open("steps", width: width, height: height, title: title)
        guard let first = points.first, let last = points.last else {
            return s + text(x: width / 2, y: height / 2, anchor: "middle", size: 18, bold: false, lang.t("(no change recorded)", "(không có thay đổi)")) + "</svg>"
        }
        let plotW = width - left - right, plotH = height - top - bottom
        let d0 = Double(first.day.dayNumber), span = max(Double(last.day.dayNumber) - d0, 1)
        let values = points.map { length($0.value) }
        let maxV = max(values.max() ?? 0, 1e-9)
        func x(_ day: CivilDate) -> Double { left + (Double(day.dayNumber) - d0) / span * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / maxV * plotH }
        let base = top + plotH
        s += "<line x1=\"\(f(left))\" y1=\"\(f(base))\" x2=\"\(f(width - right))\" y2=\"\(f(base))\" stroke=\"\(ink)\" stroke-width=\"2\"/>"
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(base))\" stroke=\"\(ink)\" stroke-width=\"2\"/>"
        s += text(x: left - 8, y: top + 6, anchor: "end", size: 16, bold: false, lang.number(points.map(\.value).max() ?? .zero))
        s += text(x: left - 8, y: base, anchor: "end", size: 16, bold: false, "0")
        var path = "M\(f(left)) \(f(base))"
        for (i, p) in points.enumerated() {
            let px = x(p.day)
            path += " H\(f(px)) V\(f(y(values[i])))"
        }
        path += " H\(f(width - right))"
        s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(fill)\" stroke-width=\"3\"/>"
        for (i, p) in points.enumerated() {
            s += "<circle class=\"step\" data-day=\"\(p.day.iso)\" data-value=\"\(p.value.plain())\" cx=\"\(f(x(p.day)))\" cy=\"\(f(y(values[i])))\" r=\"4\" fill=\"\(fill)\"/>"
        }
        if points.count <= 12 {
            for (i, p) in points.enumerated() {
                s += text(x: x(p.day) + 4, y: y(values[i]) - 8, anchor: "start", size: 15, bold: false, lang.number(p.value))
            }
        }
        s += text(x: left, y: height - 12, anchor: "start", size: 16, bold: false, lang.date(first.day))
        s += text(x: width - right, y: height - 12, anchor: "end", size: 16, bold: false, lang.date(last.day))
        return s + "</svg>"
    }
}
