import ANTQDomain
import ANTQStore
import JSONCodec
import TextFormats

/// `antq units [--tree] [--date D]`
enum UnitsCommand {
    static func run(_ c: Context) throws -> Int32 {
        let r = try c.store().replay(asOf: try c.asOf(), sections: [.base])
        let day = try c.date("date")
        let units = r.ledger.units
        let views = units.views(on: day)
        if c.format == "json" {
            var w = JSONWriter()
            w.beginArray()
            for v in views {
                w.beginObject()
                w.key("code"); w.string(v.code)
                w.key("name"); w.string(v.name)
                w.key("kind"); w.string(v.kind)
                w.key("parent"); if let p = v.parent { w.string(p) } else { w.null() }
                w.key("merged_into"); if let m = v.mergedInto { w.string(m) } else { w.null() }
                w.key("registered"); w.string(v.registered.iso)
                // How it ended (merged, split, abolished) and into which units; and the unit the code denoted before it continued.
                if let e = v.ending {
                    w.key("ended"); w.beginObject()
                    w.key("type"); w.string(e.type.rawValue)
                    w.key("on"); w.string(e.on.iso)
                    w.key("successors"); w.beginArray(); for s in e.successors { w.string(s) }; w.endArray()
                    w.endObject()
                }
                if let c = v.continuation {
                    w.key("continued"); w.beginObject()
                    w.key("on"); w.string(c.on.iso)
                    w.key("former_name"); w.string(c.formerName)
                    w.key("former_kind"); w.string(c.formerKind)
                    w.key("part_to"); if let p = c.partTo { w.string(p) } else { w.null() }
                    w.endObject()
                }
                w.endObject()
            }
            w.endArray()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
            return 0
        }
        let kinds = r.ledger.catalogue.vocabularies[.unitKind]
        func kind(_ code: String) -> String { kinds.term(code: code)?.label.text(vietnamese: c.lang.isVietnamese) ?? code }
        var t = TextTable(header: [c.lang.t("code", "mã"), c.lang.t("kind", "loại"), c.lang.t("name", "tên"), c.lang.t("parent", "trực thuộc"), c.lang.t("merged into", "sáp nhập vào")],
                          alignments: [.left, .left, .left, .left, .left])
        if c.parsed.flag("tree") {
            let kids = units.children(on: day)
            func walk(_ code: String, _ depth: Int) {
                guard let v = units.view(code, on: day) else { return }
                t.append([v.code, kind(v.kind), String(repeating: "  ", count: depth) + v.name, v.parent ?? "", v.mergedInto ?? ""])
                for k in kids[code] ?? [] { walk(k, depth + 1) }
            }
            for root in units.roots(on: day) { walk(root, 0) }
        } else {
            for v in views { t.append([v.code, kind(v.kind), v.name, v.parent ?? "", v.mergedInto ?? ""]) }
        }
        Terminal.out(t.render() + "\n")
        return 0
    }
}
