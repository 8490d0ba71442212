import ANTQDomain
import ANTQStore
import JSONCodec
import TextFormats

/// `antq figures`: every figure name the log knows (built-in and
/// declared), with its label in the reader's language, kind and unit, so
/// `audit`, `summary --codes` and `figure.asserted` need no README.
enum FiguresCommand {
    static func run(_ c: Context) throws -> Int32 {
        let r = try c.store().replay(asOf: try c.asOf(), sections: [.base])
        let lang = c.lang
        let figures = r.ledger.figures.definitions
        func kind(_ d: FigureDefinition) -> String {
            switch d.kind {
            case .flow: lang.t("summed over the period", "cộng dồn trong kỳ")
            case .state: lang.t("standing on the last day", "hiện có ngày cuối kỳ")
            case .level: lang.t("latest value on the last day", "số mới nhất đến ngày cuối kỳ")
            case .ratio(let n, let d, let p): (p ? "% " : "") + "\(n) / \(d)"
            }
        }
        if c.format == "json" {
            var w = JSONWriter()
            w.beginArray()
            for d in figures {
                w.beginObject()
                w.key("name"); w.string(d.name)
                w.key("label_vi"); w.string(d.label.vi)
                w.key("label_en"); w.string(d.label.en)
                w.key("kind"); w.string({ switch d.kind { case .flow: "flow"; case .state: "state"; case .level: "level"; case .ratio: "ratio" } }())
                if let u = d.unitOfMeasure { w.key("unit_of_measure"); w.string(u) }
                w.key("decimals"); w.int(Int64(d.decimals))
                w.key("declared"); w.bool(d.declared)
                w.endObject()
            }
            w.endArray()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
            return 0
        }
        var t = TextTable(header: [lang.t("name", "mã chỉ tiêu"), lang.t("figure", "chỉ tiêu"), lang.t("unit", "đơn vị tính"), lang.t("how", "cách tính")],
                          alignments: [.left, .left, .left, .left])
        for d in figures {
            t.append([d.name, String(repeating: "  ", count: d.depth) + lang.text(d.label) + (d.declared ? " *" : ""), d.unitOfMeasure ?? "", kind(d)])
        }
        Terminal.out(t.render() + "\n" + lang.t("* declared in this log\n", "* khai báo trong sổ này\n"))
        return 0
    }
}
