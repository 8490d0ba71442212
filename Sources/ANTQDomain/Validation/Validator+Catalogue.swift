import Decimals

/// The rules of a province's own catalogue: what may be declared, changed
/// and recorded. A declaration holds for the whole log from its seq on.
extension Validator {
    func fail(_ field: String, _ problem: Text, _ fix: Text? = nil, suggestion: String? = nil) throws(EventProblems) -> Never {
        var e = EventCodingError(field: field, problem: problem, fix: fix)
        e.suggestion = suggestion
        throw EventProblems(e)
    }

    /// A record of a declared indicator: declared before it, not retired
    /// (a correction of one of its records stays possible: history of a
    /// retired indicator stays reportable, and so correctable), a value with
    /// no non-zero digit beyond the declared decimals (a count: a whole number).
    func checkRecord(_ data: EventData, field: String, correcting: Fact? = nil) throws(EventProblems) {
        let p = field.isEmpty ? "data" : "\(field).data"
        let name = data.text(IndicatorRecorded.indicator) ?? ""
        guard let i = ledger.catalogue.indicators[name] else {
            let close = ledger.catalogue.indicatorOrder.min { editDistance($0, name) < editDistance($1, name) }
            try fail("\(p).indicator", Text("chỉ tiêu \"\(name)\" chưa được khai báo", "indicator \"\(name)\" is not declared")
                        + (close.map { Text("; có phải ý là \($0)?", "; did you mean \($0)?") } ?? Text("", "")),
                     Text("khai báo trước bằng indicator.defined", "declare it first with indicator.defined"), suggestion: close)
        }
        if i.retired && correcting?.data.text(IndicatorRecorded.indicator) != name {
            try fail("\(p).indicator", Text("chỉ tiêu \(name) đã ngừng, không ghi thêm số liệu", "indicator \(name) is retired: it takes no new records"))
        }
        if let v = data.decimal(IndicatorRecorded.value) {
            let allowed = i.measure == .count ? 0 : i.decimals
            if !v.fits(decimals: allowed) {
                try fail("\(p).value", i.measure == .count ? Text("{field} phải là số nguyên (\(name) là chỉ tiêu đếm)", "{field} must be a whole number (\(name) is a count)")
                                                           : Text("{field} có quá \(allowed) chữ số thập phân (khai báo của \(name))", "{field} has more than the \(allowed) decimals \(name) declares"))
            }
        }
    }

    func checkDeclaration(_ data: EventData, field: String) throws(EventProblems) {
        let p = field.isEmpty ? "data" : "\(field).data"
        let catalogue = ledger.catalogue
        let figures = ledger.figures
        switch data.type {
        case .indicatorDefined:
            let name = data.text(IndicatorDefined.indicator) ?? ""
            if figures.contains(name) || catalogue.indicators[name] != nil || catalogue.ratios[name] != nil {
                try fail("\(p).indicator", Text("\"\(name)\" đã là tên một chỉ tiêu", "\"\(name)\" is already a figure's name"), Text("chọn tên khác", "choose another name"))
            }
            let measure = data.text(IndicatorDefined.measure)
            if measure == "quantity" && data.text(IndicatorDefined.unitOfMeasure) == nil {
                try fail("\(p).unit_of_measure", Text("chỉ tiêu định lượng cần đơn vị tính {field}", "a quantity needs {field}"), Text("ví dụ kg, đồng, m", "e.g. kg, đồng, m"))
            }
            if measure == "count", let n = data.int(IndicatorDefined.decimals), n != 0 {
                try fail("\(p).decimals", Text("chỉ tiêu đếm không có chữ số thập phân", "a count has no decimals"))
            }
            try checkDimensions(data[IndicatorDefined.dimensions]?.list ?? [], of: name, existing: [], field: "\(p).dimensions", figures: figures)
        case .indicatorChanged:
            let name = data.text(IndicatorChanged.indicator) ?? ""
            guard let i = catalogue.indicators[name] else { try fail("\(p).indicator", Text("chỉ tiêu \"\(name)\" chưa được khai báo", "indicator \"\(name)\" is not declared")) }
            if catalogue.recorded[name, default: 0] > 0 {
                for (f, now) in [(IndicatorChanged.measure, i.measure.rawValue), (IndicatorChanged.aggregate, i.aggregate.rawValue),
                                 (IndicatorChanged.unitOfMeasure, i.unitOfMeasure ?? ""), (IndicatorChanged.decimals, String(i.decimals))] {
                    guard let v = data[f] else { continue }
                    let given = v.text ?? v.int.map(String.init) ?? ""
                    if given != now {
                        try fail("\(p).\(f.name)", Text("không đổi {field} khi chỉ tiêu \(name) đã có số liệu", "{field} cannot change once \(name) has records"),
                                 Text("khai báo một chỉ tiêu mới, hoặc hủy các số liệu trước", "declare a new indicator, or retract its records first"))
                    }
                }
            }
            let measure = data.text(IndicatorChanged.measure) ?? i.measure.rawValue
            if measure == "quantity" && (data.text(IndicatorChanged.unitOfMeasure) ?? i.unitOfMeasure) == nil {
                try fail("\(p).unit_of_measure", Text("chỉ tiêu định lượng cần đơn vị tính {field}", "a quantity needs {field}"))
            }
            let dims = data[IndicatorChanged.dimensions]?.list ?? []
            if catalogue.recorded[name, default: 0] > 0 {
                for d in dims {
                    if case .text(let n)? = d[member: "name"], !i.dimensions.contains(where: { $0.name == n }) {
                        try fail("\(p).dimensions", Text("không thêm chiều mới \(n) khi \(name) đã có số liệu", "a new dimension \(n) cannot be added once \(name) has records"))
                    }
                }
            }
            try checkDimensions(dims, of: name, existing: i.dimensions, field: "\(p).dimensions", figures: figures)
        case .indicatorRetired:
            let name = data.text(IndicatorRetired.indicator) ?? ""
            guard let i = catalogue.indicators[name] else { try fail("\(p).indicator", Text("chỉ tiêu \"\(name)\" chưa được khai báo", "indicator \"\(name)\" is not declared")) }
            if i.retired { try fail("\(p).indicator", Text("chỉ tiêu \(name) đã ngừng", "indicator \(name) is already retired")) }
        case .ratioDefined:
            let name = data.text(RatioDefined.indicator) ?? ""
            if figures.contains(name) || catalogue.indicators[name] != nil {
                try fail("\(p).indicator", Text("\"\(name)\" đã là tên một chỉ tiêu", "\"\(name)\" is already a figure's name"))
            }
            for f in [RatioDefined.numerator, RatioDefined.denominator] {
                let n = data.text(f) ?? ""
                if !figures.contains(n) || n == name {
                    let close = figures.names.min { editDistance($0, n) < editDistance($1, n) }
                    try fail("\(p).\(f.name)", Text("\"\(n)\" không phải tên chỉ tiêu", "\"\(n)\" is not a figure name")
                                + (close.map { Text("; có phải ý là \($0)?", "; did you mean \($0)?") } ?? Text("", "")))
                }
            }
        case .vocabularyExtended:
            let list = data.text(VocabularyExtended.field).flatMap(VocabularyName.init) ?? .modelKind
            let code = data.text(VocabularyExtended.value) ?? ""
            if code.contains(".") { try fail("\(p).value", Text("mã giá trị không có dấu chấm", "a value's code has no '.'")) }
            if let t = catalogue.vocabularies[list].term(code: code) {
                try fail("\(p).value", Text("\"\(code)\" đã có trong danh mục \(list.rawValue) (\(t.label.vi))", "\"\(code)\" is already a value of \(list.rawValue) (\(t.label.en))"))
            }
            // The figures the new word makes must not be taken by a declared indicator or ratio
            // (or one of an indicator's dimension figures): two facts would add into one figure.
            var extended = catalogue
            extended.apply(data, seq: 0)
            let made = FigureCatalogue.vocabularyFigureNames(extended.vocabularies).subtracting(FigureCatalogue.vocabularyFigureNames(catalogue.vocabularies))
            if let taken = made.sorted().first(where: figures.contains) {
                try fail("\(p).value", Text("giá trị \"\(code)\" sẽ tạo chỉ tiêu \"\(taken)\", nhưng tên đó đã là một chỉ tiêu của sổ",
                                            "the value \"\(code)\" would make the figure \"\(taken)\", which is already a figure of this log"),
                         Text("chọn mã giá trị khác", "choose another code for the value"))
            }
        default:
            break
        }
    }

    /// Dimensions of an indicator: at most two, names and values unique, and
    /// the figure each value makes (`INDICATOR.VALUE`) not taken.
    func checkDimensions(_ dims: [Value], of name: String, existing: [Indicator.Dimension], field: String, figures: FigureCatalogue) throws(EventProblems) {
        var names = Set(existing.map(\.name))
        var codes = Set(existing.flatMap { $0.values.map(\.code) })
        let reserved: Set<String> = ["indicator", "value", "note", "case"]
        if Set(existing.map(\.name)).union(dims.compactMap { $0[member: "name"]?.text }).count > 2 {
            try fail(field, Text("tối đa hai chiều phân loại", "at most two dimensions"))
        }
        for d in dims {
            guard let n = d[member: "name"]?.text else { continue }
            if reserved.contains(n) { try fail(field, Text("\"\(n)\" là tên dành riêng, không dùng làm chiều", "\"\(n)\" is reserved: not a dimension's name")) }
            let isNew = names.insert(n).inserted
            let given = d[member: "values"]?.list ?? []
            for v in given {
                guard let code = v[member: "value"]?.text else { continue }
                if !codes.insert(code).inserted {
                    if isNew || !(existing.first { $0.name == n }?.values.contains { $0.code == code } ?? false) {
                        try fail(field, Text("giá trị \"\(code)\" trùng", "value \"\(code)\" appears twice (across the dimensions too: its figure is \(name).\(code))"))
                    }
                }
                if figures.contains("\(name).\(code)") && isNew {
                    try fail(field, Text("\"\(name).\(code)\" đã là tên một chỉ tiêu", "\"\(name).\(code)\" is already a figure's name"))
                }
            }
        }
    }
}
