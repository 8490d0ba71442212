import Decimals
import TextFormats

/// Reads the fields of a `data` object against its type's declaration,
/// whichever way they arrived (`FieldMode`), and collects every problem of
/// the input at once. The only place a field's value is checked: a stored
/// line, a batch line, flags and a spreadsheet row all come through here.
public struct RecordBuilder {
    public let mode: FieldMode
    /// The vocabularies in force, for input (a code must be one of them);
    /// nil for stored lines, whose codes are checked against the log's own
    /// declarations by `verify`.
    public let vocabularies: Vocabularies?
    public internal(set) var problems: [EventCodingError] = []
    /// Stored texts antq would not write today, read as written.
    public internal(set) var notes: [Text] = []

    public init(mode: FieldMode, vocabularies: Vocabularies?) {
        self.mode = mode
        self.vocabularies = vocabularies
    }

    public var failed: Bool { !problems.isEmpty }

    mutating func problem(_ e: EventCodingError, at path: String) {
        var e = e
        if e.field == nil { e.field = path }
        problems.append(e)
    }

    /// The data of a `type` event, or nil (with `problems`) if any field is wrong.
    public mutating func data(_ type: EventType, _ fields: [InputField], path: String = "data") -> EventData? {
        let spec = type.spec
        let before = problems.count
        var values = [Value?](repeating: nil, count: spec.fields.count)
        var declared: [NamedValue] = []
        var seen = Set<String>()
        var wasType: EventType?
        if type == .eventCorrected, let was = fields.first(where: { $0.key == "was" }), case .object(let wf) = was.value,
           case .string(let t)? = InputValue.object(wf)[member: "type"] {
            wasType = EventType(rawValue: t)
        }
        for f in fields {
            let p = path.isEmpty ? f.key : "\(path).\(f.key)"
            guard seen.insert(f.key).inserted else {
                problem(EventCodingError(field: p, problem: Text("{field} xuất hiện hai lần", "{field} appears twice"),
                                         fix: Text("giữ một lần", "keep one occurrence")), at: p)
                continue
            }
            guard let spec = spec.field(named: f.key) else {
                if spec.declaredFields, Self.isIdentifier(f.key) {
                    if let v = declaredValue(f.value, path: p) { declared.append(NamedValue(f.key, v)) }
                    continue
                }
                problem(unknownField(f.key, of: type), at: p)
                continue
            }
            if case .null = f.value, spec.kind != .parentUnit {
                // null means "not given": missing if required, else the default (as when left out).
                if spec.isRequired { problem(missing(spec), at: p) }
                if case .defaulted(let v) = spec.presence { values[spec.ref.index] = v }
                continue
            }
            if spec.kind == .replacementData {
                guard let wt = wasType else { continue }
                guard case .object(let inner) = f.value else { problem(notAnObject(), at: p); continue }
                if let d = data(wt, inner, path: p) { values[spec.ref.index] = .data(d) }
                continue
            }
            if let v = value(f.value, spec, path: p) { values[spec.ref.index] = v }
        }
        for f in spec.fields where values[f.ref.index] == nil && !seen.contains(f.name) {
            switch f.presence {
            case .required: problem(missing(f), at: path.isEmpty ? f.name : "\(path).\(f.name)")
            case .defaulted(let v): values[f.ref.index] = v
            case .optional: break
            }
        }
        if !spec.atLeastOne.isEmpty && spec.atLeastOne.allSatisfy({ values[$0.index] == nil }) && problems.count == before {
            let names = spec.atLeastOne.map(\.name).joined(separator: ", ")
            problem(EventCodingError(field: path, problem: Text("không thay đổi gì", "changes nothing"),
                                     fix: Text("ghi ít nhất một trong: \(names)", "give at least one of \(names)")), at: path)
        }
        guard problems.count == before else { return nil }
        return EventData(type, values: values, declared: declared)
    }

    /// A recorded fact (`was`): `{"type": …, "occurred": …, ["unit": …,] "data": {…}}`.
    public mutating func fact(_ fields: [InputField], path: String) -> Fact? {
        let before = problems.count
        let o = InputValue.object(fields)
        for f in fields where !["type", "occurred", "unit", "data"].contains(f.key) {
            problem(EventCodingError(field: "\(path).\(f.key)", problem: Text("{field} không thuộc một sự kiện đã ghi", "{field} is not part of a recorded fact"),
                                     fix: Text("một sự kiện có type, occurred, unit và data", "a fact has type, occurred, unit and data")), at: path)
        }
        guard case .string(let typeName)? = o[member: "type"], let type = EventType(rawValue: typeName), type.isRetractable else {
            problem(EventCodingError(field: "\(path).type", problem: Text("không phải loại sự kiện có thể sửa", "is not a type that can be amended")), at: path)
            return nil
        }
        let day = o[member: "occurred"].flatMap { value($0, FieldSpec(FieldRef(0, "occurred"), .day, .required, label: Text("ngày", "day")), path: "\(path).occurred") }
        var unit: String?
        if let u = o[member: "unit"], u != .null {
            unit = value(u, FieldSpec(FieldRef(0, "unit"), .unitCode, .required, label: Text("đơn vị", "unit")), path: "\(path).unit")?.text
        }
        guard case .object(let df)? = o[member: "data"] else {
            problem(EventCodingError(field: "\(path).data", problem: Text("thiếu", "is missing")), at: path)
            return nil
        }
        let d = data(type, df, path: "\(path).data")
        guard problems.count == before, let day = day?.date, let d else { return nil }
        return Fact(occurred: day, unit: unit, data: d)
    }

    // MARK: - Messages

    func missing(_ f: FieldSpec) -> EventCodingError {
        EventCodingError(field: nil, problem: Text("thiếu {field} (\(f.label.vi))", "{field} is missing (\(f.label.en))"),
                         fix: Self.expectation(f))
    }

    func unknownField(_ key: String, of type: EventType) -> EventCodingError {
        let names = type.spec.fields.map(\.name)
        // A field the key begins (`caught` → `caught_in_act`) before the closest spelling, and that
        // only within an edit per three letters typed: `--reasn` is no typo of `case`.
        let typed = String(key.map { $0 == "-" ? "_" : $0 }).lowercased()
        let allowed = min(3, max(1, typed.count / 3))
        let close = (typed.count >= 3 ? names.first { $0.hasPrefix(typed) } : nil)
            ?? names.min { editDistance($0, typed) < editDistance($1, typed) }.flatMap { editDistance($0, typed) <= allowed ? $0 : nil }
        var e = EventCodingError(field: nil, problem: Text("{field} không phải trường của \(type.rawValue)", "{field} is not a field of \(type.rawValue)")
                                    + (close.map { Text("; có phải ý là {other:\($0)}?", "; did you mean {other:\($0)}?") } ?? Text("", "")),
                                fix: Text("các trường: \(names.joined(separator: ", "))", "its fields: \(names.joined(separator: ", "))"))
        e.notAField = true
        e.closeField = close
        return e
    }

    func notAnObject() -> EventCodingError {
        EventCodingError(field: nil, problem: Text("{field} phải là một đối tượng {…}", "{field} must be an object {…}"))
    }

    /// What a field accepts, for a message.
    static func expectation(_ f: FieldSpec) -> Text {
        switch f.kind {
        case .count(let r): Text("một số nguyên từ \(grouped(r.lowerBound, .vietnamese)) đến \(grouped(r.upperBound, .vietnamese))",
                                 "a whole number from \(grouped(r.lowerBound, .english)) to \(grouped(r.upperBound, .english))")
        case .quantity, .amount: Text("một số không âm, ví dụ 1,4", "a number of at least 0, e.g. 1.4")
        case .text: Text("một đoạn chữ", "a text")
        case .choice(let v): Text("một trong các giá trị của danh mục \(v.rawValue)", "one of the values of \(v.rawValue)")
        case .word(let words): Text("một trong: \(words.joined(separator: ", "))", "one of: \(words.joined(separator: ", "))")
        case .bool: Text("có hoặc không", "yes or no")
        case .unitCode, .parentUnit: Text("mã hoặc tên đơn vị", "a unit's code or name")
        case .modelID: Text("mã mô hình, ví dụ 25747-clb-1", "a model id, e.g. 25747-club-1")
        case .identifier, .figureName: Text("một tên viết thường có dấu chấm, ví dụ drugs.seized", "a lowercase dotted name, e.g. drugs.seized")
        case .day: Text("một ngày, dd/mm/yyyy hoặc yyyy-mm-dd", "a day, dd/mm/yyyy or yyyy-mm-dd")
        case .monthDay: Text("ngày trong năm MM-DD, ví dụ 12-15", "a day of the year MM-DD, e.g. 12-15")
        case .period: Text("một kỳ báo cáo, ví dụ 2018-H1", "a reporting period, e.g. 2018-H1")
        case .seq: Text("số thứ tự của một sự kiện", "an event's seq")
        case .label: Text("{\"vi\": …, \"en\": …}", "{\"vi\": …, \"en\": …}")
        case .dimensions: Text("danh sách chiều [{\"name\": …, \"values\": [{\"value\": …, \"label\": {…}}]}]",
                               "a list [{\"name\": …, \"values\": [{\"value\": …, \"label\": {…}}]}]")
        case .vocabularyName: Text("một trong: \(Self.extensibleNames)", "one of: \(Self.extensibleNames)")
        case .token: Text("một mã", "an identifier")
        case .fact, .replacementData: Text("do antq ghi", "written by antq")
        }
    }

    /// A bound in the reader's number style (`1.000.000.000.000` in Vietnamese).
    static func grouped(_ n: some BinaryInteger, _ style: ExactDecimal.Style) -> String {
        ExactDecimal(Int(n)).formatted(style: style)
    }

    static let extensibleNames = VocabularyName.allCases.filter(\.isExtensible).map(\.rawValue).joined(separator: ", ")
}

extension Text {
    static func + (a: Text, b: Text) -> Text { Text(vi: a.vi + b.vi, en: a.en + b.en) }
}

/// Levenshtein distance, for "did you mean".
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    for i in 1...a.count {
        var cur = [i] + [Int](repeating: 0, count: b.count)
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        prev = cur
    }
    return prev[b.count]
}
