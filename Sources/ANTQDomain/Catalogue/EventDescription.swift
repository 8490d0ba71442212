import TextFormats

/// One line that says what an event records, in the reader's language,
/// from its type's declaration: "Tin báo: số lượng 3, kênh đường dây
/// nóng, có giá trị có". Values of a vocabulary are shown by their label,
/// units by their name when `unitName` knows it.
public enum EventDescription {
    public static func line(_ data: EventData, vocabularies: Vocabularies = .builtIn, vietnamese: Bool,
                            unitName: (String) -> String? = { _ in nil }) -> String {
        let spec = data.spec
        var parts: [String] = []
        for f in spec.fields {
            guard let v = data[f.ref], v != .null else { continue }
            switch f.kind {
            case .fact: continue
            case .replacementData:
                if case .data(let d) = v { parts.append(line(d, vocabularies: vocabularies, vietnamese: vietnamese, unitName: unitName)) }
                continue
            default: break
            }
            parts.append(f.label.text(vietnamese: vietnamese) + " " + shown(v, f.kind, vocabularies, vietnamese, unitName))
        }
        for d in data.declared { parts.append("\(d.name) \(d.value.plainText)") }
        return spec.label.text(vietnamese: vietnamese) + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    public static func shown(_ v: Value, _ kind: FieldKind, _ vocabularies: Vocabularies, _ vi: Bool, _ unitName: (String) -> String?) -> String {
        switch (kind, v) {
        case (.choice(let name), .text(let code)):
            return vocabularies[name].term(code: code)?.label.text(vietnamese: vi) ?? code
        case (.bool, .bool(let b)):
            return b ? (vi ? "có" : "yes") : (vi ? "không" : "no")
        case (.unitCode, .text(let code)), (.parentUnit, .text(let code)):
            return unitName(code).map { "\($0) [\(code)]" } ?? code
        case (.day, .date(let d)):
            return d.formatted(vietnamese: vi)
        case (.count(let range), .int(let i)) where range.lowerBound >= 1000:
            // A year (a published figure's reporting year): a calendar number, never grouped as 2.018.
            return String(i)
        case (_, .int(let i)):
            return (vi ? NumberStyle.vietnamese : .english).format(Int(i))
        case (_, .decimal(let d)):
            return d.formatted(style: vi ? .vietnamese : .english)
        case (.label, .object(let m)):
            let want = vi ? "vi" : "en"
            return (m.first { $0.name == want } ?? m.first)?.value.plainText ?? ""
        case (.text, .text(let s)):
            return "“\(s)”"
        default:
            return v.plainText
        }
    }
}
