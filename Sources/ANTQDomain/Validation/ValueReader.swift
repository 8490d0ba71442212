import Decimals
import TextFormats

/// How each kind of field is read (see `FieldKind`), for every `FieldMode`.
extension RecordBuilder {
    mutating func value(_ input: InputValue, _ f: FieldSpec, path: String) -> Value? {
        func fail(_ vi: String, _ en: String) -> Value? {
            problem(EventCodingError(field: path, problem: Text("{field} " + vi, "{field} " + en), fix: Self.expectation(f)), at: path)
            return nil
        }
        func string() -> String? {
            switch input {
            case .string(let s): return s
            case .number(let n) where !mode.isStored: return n
            default: return nil
            }
        }
        switch f.kind {
        case .count(let range):
            guard let n = wholeNumber(input) else {
                if case .string(let typed) = input, case .typed(let vi) = mode, Self.hasDecimalSeparator(TextRule.trimmed(typed), vietnamese: vi),
                   Self.typedWholeNumber(TextRule.trimmed(typed), vietnamese: !vi) != nil {
                    // A thousand grouped the other style's way. The style is the input's (an imported
                    // file has its own), whatever the language the message is read in.
                    return vi ? fail("không phải số nguyên: \(shown(input)) (theo cách viết số tiếng Việt, dấu phẩy là dấu thập phân; một nghìn viết 1.000 hoặc 1000)",
                                     "is not a whole number: \(shown(input)) (in Vietnamese number style a comma starts the decimals; write a thousand as 1.000 or 1000)")
                              : fail("không phải số nguyên: \(shown(input)) (theo cách viết số tiếng Anh, dấu chấm là dấu thập phân; một nghìn viết 1,000 hoặc 1000)",
                                     "is not a whole number: \(shown(input)) (in English number style a point starts the decimals; write a thousand as 1,000 or 1000)")
                }
                return fail("không phải số nguyên: \(shown(input))", "is not a whole number: \(shown(input))")
            }
            guard range.contains(n) else {
                return fail("là \(Self.grouped(n, .vietnamese)), ngoài khoảng \(Self.grouped(range.lowerBound, .vietnamese))…\(Self.grouped(range.upperBound, .vietnamese))",
                            "is \(Self.grouped(n, .english)), outside \(Self.grouped(range.lowerBound, .english))…\(Self.grouped(range.upperBound, .english))")
            }
            return .int(n)
        case .seq:
            var text = string() ?? (input.numberText ?? "")
            if mode.isTyped, text.hasPrefix("#") { text.removeFirst() }
            guard let n = Int64(text), n >= 1 else { return fail("không phải số thứ tự sự kiện: \(shown(input))", "is not an event's seq: \(shown(input))") }
            return .int(n)
        case .quantity, .amount:
            guard let d = decimal(input) else { return fail("không phải một số: \(shown(input))", "is not a number: \(shown(input))") }
            if d < ExactDecimal(0) { return fail("âm (\(shown(input)))", "is negative (\(shown(input)))") }
            if d > Self.maxQuantity { return fail("lớn hơn 10^15", "is more than 10^15") }
            return Self.storedQuantity(d, f.kind)
        case .text(let max):
            guard let s = string() else { return fail("phải là chữ, không phải \(input.kindName)", "must be text, not \(input.kindName)") }
            return text(s, max: max, path: path)
        case .token(let max):
            guard let s = string(), !s.isEmpty, s.utf8.count <= max, s.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
                return fail("không phải một mã hợp lệ", "is not a valid identifier")
            }
            return .text(s)
        case .choice(let name):
            guard let s = string() else { return fail("phải là chữ", "must be text") }
            return choice(s, name, path: path)
        case .word(let words):
            guard let s = string() else { return fail("phải là chữ", "must be text") }
            let w = mode.isStored ? s : foldVietnamese(TextRule.trimmed(s))
            guard words.contains(w) else { return fail("là \"\(s)\", không phải một trong: \(words.joined(separator: ", "))", "is \"\(s)\", not one of: \(words.joined(separator: ", "))") }
            return .text(w)
        case .vocabularyName:
            guard let s = string(), let n = VocabularyName(rawValue: mode.isStored ? s : TextRule.trimmed(s)), n.isExtensible else {
                return fail("không phải danh mục có thể bổ sung", "is not a list that can be extended")
            }
            return .text(n.rawValue)
        case .bool:
            if case .bool(let b) = input { return .bool(b) }
            if mode.isTyped, let s = string(), let b = Self.typedBool(s) { return .bool(b) }
            // One reason in every mode (a refusal reads the same from a flag, a cell
            // or a batch line); the batch spelling is named alongside.
            return fail("phải là có hoặc không (true/false), không phải \(shown(input))", "must be yes or no (true/false), not \(shown(input))")
        case .unitCode:
            guard let s = string() else { return fail("phải là mã đơn vị", "must be a unit code") }
            if mode.isStored {
                guard UnitCode.isValid(s) else { return fail("\"\(s)\" không phải mã đơn vị", "\"\(s)\" is not a unit code") }
                return .text(s)
            }
            // A name is resolved by the validator, on the event's own day.
            return text(s, max: 200, path: path)
        case .parentUnit:
            if case .null = input { return .null }
            guard let s = string() else { return fail("phải là mã đơn vị hoặc null", "must be a unit code or null") }
            if mode.isTyped, ["", "null", "-", "không", "khong", "none"].contains(foldVietnamese(TextRule.trimmed(s))) { return .null }
            if mode.isStored {
                guard UnitCode.isValid(s) else { return fail("\"\(s)\" không phải mã đơn vị", "\"\(s)\" is not a unit code") }
                return .text(s)
            }
            return text(s, max: 200, path: path)
        case .modelID:
            guard let s = string().map({ mode.isStored ? $0 : TextRule.trimmed($0) }), Self.isModelID(s) else {
                return fail("không phải mã mô hình (chữ, số, '-', '_', '.')", "is not a model id (letters, digits, '-', '_', '.')")
            }
            return .text(s)
        case .identifier, .figureName:
            guard let s = string().map({ mode.isStored ? $0 : TextRule.trimmed($0) }), Self.isIdentifier(s) else {
                return fail("\"\(shown(input))\" không phải tên hợp lệ (chữ thường, số, '_', '.')", "\"\(shown(input))\" is not a valid name (lowercase letters, digits, '_', '.')")
            }
            return .text(s)
        case .day:
            guard let s = string() else { return fail("phải là một ngày", "must be a day") }
            let d = mode.isStored ? CivilDate(iso: s) : Self.typedDay(TextRule.trimmed(s))
            guard let d else { return fail("\"\(s)\" không phải ngày có thật", "\"\(s)\" is not a real date") }
            return .date(d)
        case .monthDay:
            guard let s = string(), MonthDay(TextRule.trimmed(s)) != nil else { return fail("không phải ngày trong năm MM-DD", "is not a day of the year (MM-DD)") }
            return .text(TextRule.trimmed(s))
        case .period:
            guard let s = string(), !TextRule.trimmed(s).isEmpty else { return fail("không phải kỳ báo cáo", "is not a reporting period") }
            return .text(TextRule.trimmed(s))
        case .label:
            return label(input, path: path)
        case .dimensions:
            return dimensions(input, path: path)
        case .fact:
            guard case .object(let fields) = input else { return fail("phải là một đối tượng", "must be an object") }
            return fact(fields, path: path).map { .fact($0) }
        case .replacementData:
            return nil
        }
    }

    /// A dimension value of a declared indicator: a code, or a label the
    /// validator resolves against the indicator's declaration.
    mutating func declaredValue(_ input: InputValue, path: String) -> Value? {
        guard case .string(let s) = input else {
            problem(EventCodingError(field: path, problem: Text("{field} phải là chữ", "{field} must be text")), at: path)
            return nil
        }
        if mode.isStored { return .text(s) }
        return text(s, max: 200, path: path)
    }

    public static let maxQuantity = ExactDecimal(1_000_000_000_000_000)

    mutating func text(_ s: String, max: Int, path: String) -> Value? {
        if mode.isStored {
            if TextRule.isCanonical(s, maxLength: max) { return .text(s) }
            guard !s.isEmpty else {
                problem(EventCodingError(field: path, problem: Text("{field} trống", "{field} is empty")), at: path)
                return nil
            }
            notes.append(Text("trường \(path): \(RecorderName.quoted(s)) không ở dạng antq ghi văn bản hiện nay; đọc đúng như đã ghi",
                              "field \(path): \(RecorderName.quoted(s)) is not as antq writes text now; read as written"))
            return .text(s)
        }
        switch TextRule.normalise(s, maxLength: max) {
        case .success(let t): return .text(t)
        case .failure(var e):
            e.field = path
            problem(e, at: path)
            return nil
        }
    }

    mutating func choice(_ s: String, _ name: VocabularyName, path: String) -> Value? {
        if mode.isStored {
            guard Self.isIdentifier(s) else {
                problem(EventCodingError(field: path, problem: Text("{field} \"\(s)\" không phải một mã", "{field} \"\(s)\" is not a code")), at: path)
                return nil
            }
            if let vocabularies, !vocabularies[name].contains(code: s) {
                problem(EventCodingError(field: path, problem: Text("{field} \"\(s)\" chưa có trong danh mục \(name.rawValue)", "{field} \"\(s)\" is not a value of \(name.rawValue)")), at: path)
                return nil
            }
            return .text(s)
        }
        let vocabulary = (vocabularies ?? .builtIn)[name]
        if let t = vocabulary.resolve(s) { return .text(t.code) }
        let listed = vocabulary.terms.map { "\($0.code) (\($0.label.vi))" }.joined(separator: ", ")
        // The nearest term by its code or either label, diacritics aside; only a near one is suggested.
        let typed = foldVietnamese(s).lowercased()
        func distance(_ t: Term) -> Int {
            ([t.code, t.label.vi, t.label.en] + t.aliases).map { editDistance(foldVietnamese($0).lowercased(), typed) }.min() ?? .max
        }
        let close = vocabulary.terms.min { distance($0) < distance($1) }.flatMap { distance($0) <= max(2, typed.count / 3) ? $0 : nil }
        var e = EventCodingError(field: path, problem: Text("{field} là \"\(s)\", không có trong danh mục", "{field} is \"\(s)\", which is not one of the allowed values")
                                    + (close.map { Text("; có phải ý là \"\($0.label.vi)\"?", "; did you mean \"\($0.code)\"?") } ?? Text("", "")),
                                 fix: Text("một trong: \(listed)", "one of: \(listed)"))
        e.suggestion = close.map { mode.isTyped ? $0.label.vi : $0.code }
        problem(e, at: path)
        return nil
    }

    mutating func label(_ input: InputValue, path: String) -> Value? {
        var vi: InputValue?, en: InputValue?
        switch input {
        case .string(let s) where !mode.isStored: vi = .string(s)
        case .object(let fields):
            for f in fields {
                switch f.key {
                case "vi": vi = f.value
                case "en": en = f.value
                default: problem(EventCodingError(field: "\(path).\(f.key)", problem: Text("{field}: tên chỉ có vi và en", "{field}: a label has only vi and en")), at: path)
                }
            }
        default:
            problem(EventCodingError(field: path, problem: Text("{field} phải là {\"vi\": …, \"en\": …}", "{field} must be {\"vi\": …, \"en\": …}")), at: path)
            return nil
        }
        guard case .string(let v)? = vi, let viText = text(v, max: 200, path: "\(path).vi")?.text else {
            if vi == nil { problem(EventCodingError(field: "\(path).vi", problem: Text("thiếu tên tiếng Việt {field}", "{field}, the Vietnamese label, is missing")), at: path) }
            return nil
        }
        var members = [NamedValue("vi", .text(viText))]
        if let en {
            guard case .string(let e) = en, let enText = text(e, max: 200, path: "\(path).en")?.text else { return nil }
            members.append(NamedValue("en", .text(enText)))
        }
        return .object(members)
    }

    mutating func dimensions(_ input: InputValue, path: String) -> Value? {
        guard case .array(let dims) = input else {
            problem(EventCodingError(field: path, problem: Text("{field} phải là một danh sách", "{field} must be a list"), fix: Self.expectation(FieldSpec(FieldRef(0, ""), .dimensions, .optional, label: Text("", "")))), at: path)
            return nil
        }
        if dims.count > 2 { problem(EventCodingError(field: path, problem: Text("{field}: tối đa hai chiều", "{field}: at most two dimensions")), at: path) }
        var out: [Value] = []
        for (i, d) in dims.enumerated() {
            let p = "\(path)[\(i)]"
            guard case .string(let name)? = d[member: "name"], Self.isIdentifier(name), !name.contains(".") else {
                problem(EventCodingError(field: "\(p).name", problem: Text("{field}: tên chiều là chữ thường, số, '_'", "{field}: a dimension's name is lowercase letters, digits, '_'")), at: p)
                continue
            }
            guard case .array(let values)? = d[member: "values"] else {
                problem(EventCodingError(field: "\(p).values", problem: Text("thiếu danh sách giá trị {field}", "{field}, the list of values, is missing")), at: p)
                continue
            }
            var vs: [Value] = []
            for (j, v) in values.enumerated() {
                let q = "\(p).values[\(j)]"
                guard case .string(let code)? = v[member: "value"], Self.isIdentifier(code), !code.contains(".") else {
                    problem(EventCodingError(field: "\(q).value", problem: Text("{field}: mã giá trị là chữ thường, số, '_'", "{field}: a value's code is lowercase letters, digits, '_'")), at: q)
                    continue
                }
                guard let l = v[member: "label"], let label = label(l, path: "\(q).label") else { continue }
                vs.append(.object([NamedValue("value", .text(code)), NamedValue("label", label)]))
            }
            out.append(.object([NamedValue("name", .text(name)), NamedValue("values", .list(vs))]))
        }
        return .list(out)
    }

    // MARK: - Numbers, days, yes/no

    func wholeNumber(_ input: InputValue) -> Int64? {
        switch input {
        case .number(let t): return Int64(t)
        case .string(let s):
            guard case .typed(let vi) = mode else { return nil }
            // A minus sign is read too, so "-3" is refused for its range, as -3 in a batch line is.
            let t = TextRule.trimmed(s)
            if t.hasPrefix("-") { return Self.typedWholeNumber(String(t.dropFirst()), vietnamese: vi).map { -$0 } }
            return Self.typedWholeNumber(t, vietnamese: vi)
        default: return nil
        }
    }

    func decimal(_ input: InputValue) -> ExactDecimal? {
        switch input {
        case .number(let t): return ExactDecimal(json: t)
        case .string(let s):
            guard case .typed(let vi) = mode else { return nil }
            return try? ExactDecimal(typed: TextRule.trimmed(s), style: vi ? .vietnamese : .english)
        default: return nil
        }
    }

    func shown(_ input: InputValue) -> String {
        switch input {
        case .string(let s): "\"\(s)\""
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .object: "{…}"
        case .array: "[…]"
        }
    }

    /// A whole number as a person types it, grouped in the reader's style
    /// (`5.000` in Vietnamese, `5,000` in English, `5 000` in both), by the
    /// same rule as a quantity (`ExactDecimal(typed:style:)`): the one text
    /// never means a thousand in one field and one in another. A decimal
    /// separator is refused, even before zeros: `1,000` in Vietnamese is one
    /// to a quantity, and a count typed so was most likely meant as a thousand.
    static func typedWholeNumber(_ t: String, vietnamese: Bool) -> Int64? {
        if !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return Int64(t) }
        guard !hasDecimalSeparator(t, vietnamese: vietnamese),
              let d = try? ExactDecimal(typed: t, style: vietnamese ? .vietnamese : .english), d.fits(decimals: 0) else { return nil }
        return Int64(exactly: d.rounded(toDecimals: 0).significand)
    }

    /// Whether a typed number holds the decimal separator of the reader's style.
    static func hasDecimalSeparator(_ t: String, vietnamese: Bool) -> Bool {
        t.contains((vietnamese ? ExactDecimal.Style.vietnamese : .english).decimalSeparator)
    }

    static func typedBool(_ s: String) -> Bool? {
        switch foldVietnamese(TextRule.trimmed(s)) {
        case "true", "yes", "y", "1", "co", "x", "✓", "✔", "dung", "phai": true
        case "false", "no", "n", "0", "khong", "sai": false
        default: nil
        }
    }

    /// A day as offices write it: yyyy-mm-dd, dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
    /// dd.mm.yyyy, with or without a midnight time after it.
    public static func typedDay(_ text: String) -> CivilDate? {
        if let d = CivilDate(parsing: text) { return d }
        if let space = text.firstIndex(of: " "), let d = CivilDate(parsing: String(text[..<space])) { return d }
        for sep: Character in ["-", "."] where text.contains(sep) {
            let parts = text.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, parts[2].count == 4 { return CivilDate(dayMonthYear: parts.joined(separator: "/")) }
        }
        return nil
    }

    public static func isIdentifier(_ s: String) -> Bool { isIdentifier(utf8: s.utf8) }

    /// A lowercase dotted name: letters a–z, digits, `_` and single dots, not
    /// ending in a dot, at most 100 characters (the rule on a string's UTF-8).
    @inlinable
    public static func isIdentifier(utf8 u: some Collection<UInt8>) -> Bool {
        guard let first = u.first, (first >= 0x61 && first <= 0x7A) || (first >= 0x30 && first <= 0x39), u.count <= 100 else { return false }
        var previousDot = false
        for c in u {
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2E
            guard ok, !(c == 0x2E && previousDot) else { return false }
            previousDot = c == 0x2E
        }
        return !previousDot
    }

    public static func isModelID(_ s: String) -> Bool { isModelID(utf8: s.utf8) }

    /// A model id: letters, digits, `-`, `_`, `.`, at most 64.
    @inlinable
    public static func isModelID(utf8 u: some Collection<UInt8>) -> Bool {
        !u.isEmpty && u.count <= 64 && u.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    /// A quantity as a field of `kind` stores it, or nil when out of range:
    /// at least 0 and at most 10^15; a published figure (`amount`) that is
    /// whole is kept as a whole number.
    public static func storedQuantity(_ d: ExactDecimal, _ kind: FieldKind) -> Value? {
        guard !d.isNegative, !(d > maxQuantity) else { return nil }
        if kind == .amount, d.fits(decimals: 0), let i = Int64(exactly: d.rounded(toDecimals: 0).significand) { return .int(i) }
        return .decimal(d)
    }
}

extension InputValue {
    var numberText: String? { if case .number(let n) = self { n } else { nil } }
}

/// Administrative unit codes: the GSO's numeric codes (74, 718, 25747) or,
/// for units outside that list, short identifiers of letters, digits, '-' and '_'.
public enum UnitCode {
    public static func isValid(_ s: String) -> Bool { isValid(utf8: s.utf8) }

    @inlinable
    public static func isValid(utf8 u: some Collection<UInt8>) -> Bool {
        !u.isEmpty && u.count <= 32 && u.allSatisfy { c in (c &- 0x30) < 10 || ((c | 0x20) &- 0x61) < 26 || c == 0x2D || c == 0x5F }
    }
}
