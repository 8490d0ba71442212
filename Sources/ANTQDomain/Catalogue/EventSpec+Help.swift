/// `antq help append TYPE`: a type's fields, what each takes, its
/// allowed values in both languages, its default and an example command,
/// all read from the type's declaration, so help cannot drift from what
/// `append` accepts.
extension EventSpec {
    public func helpText(vietnamese vi: Bool, vocabularies: Vocabularies = .builtIn) -> String {
        func t(_ en: String, _ v: String) -> String { vi ? v : en }
        var out = "\(type.rawValue): \(label.text(vietnamese: vi))\n"
        let about = help.text(vietnamese: vi)
        if about != label.text(vietnamese: vi) { out += about + "\n" }
        let more = "[--" + t("field", "trường") + " <" + t("value", "giá trị") + "> ...]"
        if type.isAmendment {
            // antq fills in an amendment's envelope; its own `occurred` and `unit` fields are the corrected ones.
            out += "\n" + t("USAGE", "CÁCH DÙNG") + ": antq append \(type.rawValue) " + more + "\n"
        } else {
            out += "\n" + t("USAGE", "CÁCH DÙNG") + ": antq append \(type.rawValue) --unit <" + t("unit", "đơn vị") + "> --occurred <" + t("day", "ngày") + "> " + more + "\n"
            switch unit {
            case .required: out += "  --unit           " + t("unit code or name (required)", "mã hoặc tên đơn vị (bắt buộc)") + "\n"
            default: out += "  --unit           " + t("unit code or name", "mã hoặc tên đơn vị") + "\n"
            }
            out += "  --occurred       " + t("day it happened: 2018-05-14 or 14/05/2018 (required)", "ngày xảy ra: 14/05/2018 hoặc 2018-05-14 (bắt buộc)") + "\n"
        }
        let shown = fields.filter { $0.kind != .fact && $0.kind != .replacementData }
        if !shown.isEmpty { out += "\n" + t("FIELDS", "CÁC TRƯỜNG") + ":\n" }
        for f in shown {
            let flag = "--" + f.name.replacingUnderscores
            var line = "  " + flag + String(repeating: " ", count: max(1, 17 - flag.count)) + f.label.text(vietnamese: vi)
            switch f.presence {
            case .required: line += t(" (required)", " (bắt buộc)")
            case .optional: line += t(" (optional)", " (không bắt buộc)")
            case .defaulted(.null): line += t(" (optional)", " (không bắt buộc)")
            case .defaulted(let v): line += t(" (default: ", " (mặc định: ") + v.helpText(vietnamese: vi) + ")"
            }
            out += line + "\n"
            // A field's own words, else what its kind takes (a unit or a name said twice in other words helps no one).
            let own = f.help != f.label
            if own { out += "                   " + f.help.text(vietnamese: vi) + "\n" }
            if !own || f.kind.helpIsAFormat { out += "                   " + f.kind.helpText(vietnamese: vi) + "\n" }
            if case .choice(let name) = f.kind {
                for term in vocabularies[name].terms {
                    out += "                     " + term.code + " = " + term.label.vi + " / " + term.label.en + "\n"
                }
            }
        }
        if !atLeastOne.isEmpty {
            out += t("Give at least one of: ", "Ghi ít nhất một trong: ") + atLeastOne.map { "--" + $0.name.replacingUnderscores }.joined(separator: ", ") + "\n"
        }
        if !example.isEmpty {
            out += "\n" + t("EXAMPLE", "VÍ DỤ") + ":\n  antq append \(type.rawValue) " + example.map(\.shellQuoted).joined(separator: " ") + "\n"
        }
        out += "\n" + t("Values may be given in Vietnamese or English, with or without diacritics.",
                        "Giá trị ghi tiếng Việt hay tiếng Anh, có dấu hay không dấu đều được.") + "\n"
        return out
    }
}

extension FieldKind {
    /// Whether the kind's help says a format a field's own words do not
    /// (a range, a choice, a day), rather than what the value stands for.
    var helpIsAFormat: Bool {
        switch self {
        case .unitCode, .parentUnit, .identifier, .vocabularyName, .modelID, .fact, .replacementData, .label, .dimensions: false
        default: true
        }
    }

    /// What a value of this kind looks like, for help.
    public func helpText(vietnamese vi: Bool) -> String {
        func t(_ en: String, _ v: String) -> String { vi ? v : en }
        switch self {
        case .count(let r): return t("a whole number from \(r.lowerBound)", "một số nguyên từ \(r.lowerBound)")
        case .quantity, .amount: return t("a number, e.g. 1.4 or 1,4", "một số, ví dụ 1,4 hoặc 1.4")
        case .text(let n): return t("text, at most \(n) characters", "chữ, tối đa \(n) ký tự")
        case .choice: return t("one of:", "một trong:")
        case .word(let ws): return t("one of: ", "một trong: ") + ws.joined(separator: ", ")
        case .bool: return t("yes or no: có/không, true/false, x", "có hoặc không: có/không, true/false, x")
        case .unitCode: return t("a unit code", "mã đơn vị")
        case .parentUnit: return t("the parent unit's code or name; leave out for a top-level unit", "mã hoặc tên đơn vị cấp trên; bỏ trống với đơn vị cấp cao nhất")
        case .modelID: return t("an id: letters, digits, - _ .", "mã: chữ, số, - _ .")
        case .identifier: return t("a dotted lowercase name, e.g. drugs.seized", "tên viết thường có dấu chấm, ví dụ drugs.seized")
        case .figureName: return t("a figure name ('antq figures' lists them)", "mã chỉ tiêu ('antq figures' liệt kê)")
        case .day: return t("a day: 2018-05-14 or 14/05/2018", "một ngày: 14/05/2018 hoặc 2018-05-14")
        case .monthDay: return t("a day of the year: MM-DD", "một ngày trong năm: MM-DD")
        case .period: return t("a period: 2018, 2018-H1, 2018-Q3, 2018-05", "một kỳ: 2018, 2018-H1, 2018-Q3, 2018-05")
        case .seq: return t("an event's seq (antq log shows it)", "số thứ tự của sự kiện (antq log hiện số này)")
        case .label: return t("JSON: {\"vi\": …, \"en\": …}", "JSON: {\"vi\": …, \"en\": …}")
        case .dimensions: return t("JSON: the indicator's dimensions", "JSON: các chiều của chỉ tiêu")
        case .vocabularyName: return t("a vocabulary name, e.g. model.kind", "tên danh mục, ví dụ model.kind")
        case .token(let n): return t("an identifier, at most \(n) characters", "mã định danh, tối đa \(n) ký tự")
        case .fact, .replacementData: return t("filled in by antq", "do antq điền")
        }
    }
}

extension Value {
    /// A default as help shows it.
    func helpText(vietnamese vi: Bool) -> String {
        switch self {
        case .bool(let b): return vi ? (b ? "có" : "không") : (b ? "yes" : "no")
        default: return plainText
        }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }

    /// Quoted for a shell when it holds a space.
    var shellQuoted: String { contains(" ") ? "\"" + self + "\"" : self }
}
