import TextFormats

/// The catalogue's reference tables (event types, their fields, kinds,
/// allowed values and the figures they feed; the built-in vocabularies),
/// rendered as Markdown from the declarations. The generated part of
/// `ANTQDomain.docc/Catalogue.md` is this text, and a test fails when the
/// two differ, so the documentation cannot drift from the code.
public enum CatalogueDocumentation {
    /// The markers around the generated part of `Catalogue.md`.
    public static let beginMarker = "<!-- generated: catalogue -->"
    public static let endMarker = "<!-- end generated -->"

    public static func markdown() -> String {
        var out: [String] = []
        out.append("<!-- Do not edit between these markers: run `ANTQ_WRITE_DOCS=1 swift test --filter CatalogueDocumentation` to regenerate. -->")
        out.append("")
        out.append("### Event types")
        out.append("")
        out.append("| type | label (vi / en) | envelope `unit` | feeds |")
        out.append("|---|---|---|---|")
        for spec in EventSpec.table {
            out.append("| `\(spec.type.rawValue)` | \(spec.label.vi) / \(spec.label.en) | \(unitRole(spec.unit)) | \(overviewFeeds(spec)) |")
        }
        for spec in EventSpec.table {
            out.append("")
            out.append("### \(spec.type.rawValue)")
            out.append("")
            out.append("\(spec.label.en) (\(spec.label.vi)). \(spec.help.en)")
            out.append("")
            if spec.fields.isEmpty {
                out.append("No data fields.")
            } else {
                out.append("| field | kind | presence | allowed values | label (vi / en) |")
                out.append("|---|---|---|---|---|")
                for f in spec.fields {
                    out.append("| `\(f.name)` | \(kind(f.kind)) | \(presence(f.presence)) | \(allowed(f.kind)) | \(f.label.vi) / \(f.label.en) |")
                }
            }
            if !spec.atLeastOne.isEmpty {
                out.append("")
                out.append("At least one of " + spec.atLeastOne.map { "`\($0.name)`" }.joined(separator: ", ") + " must be given.")
            }
            if spec.declaredFields {
                out.append("")
                out.append("The data also carries one field per dimension the indicator declares.")
            }
            let figures = feedsInDetail(spec)
            if !figures.isEmpty {
                out.append("")
                out.append("Feeds: " + figures.joined(separator: "; ") + ".")
            }
        }
        out.append("")
        out.append("### Vocabularies")
        out.append("")
        out.append("The codes are stored in the log and never change. On input a value may also be written by its Vietnamese or English label or an alias (separated by `;` below), with or without diacritics.")
        for name in VocabularyName.allCases {
            out.append("")
            out.append("#### \(name.rawValue)")
            out.append("")
            out.append(name.isExtensible ? "A province may add values with `vocabulary.extended`." : "Closed: `vocabulary.extended` may not add values.")
            out.append("")
            out.append("| code | vi | en | also accepted |")
            out.append("|---|---|---|---|")
            for t in Vocabularies.builtIn[name].terms {
                out.append("| `\(t.code)` | \(t.label.vi) | \(t.label.en) | \(t.aliases.joined(separator: "; ")) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Replaces the text between the markers of `document` with `markdown()`;
    /// nil when the markers are missing.
    public static func regenerated(_ document: String) -> String? {
        guard let begin = document.firstRange(of: beginMarker), let end = document.firstRange(of: endMarker),
              begin.upperBound <= end.lowerBound else { return nil }
        return String(document[..<begin.upperBound]) + "\n" + markdown() + String(document[end.lowerBound...])
    }

    /// The figures each type feeds, by figure name pattern: flows from the
    /// declarations' rules; state figures, which the ledger computes from
    /// the standing of units, models and cameras rather than by a rule, listed here.
    static func feeds(_ spec: EventSpec) -> [String] {
        spec.flows.map { "`\(pattern($0, spec))`" } + (stateFigures[spec.type] ?? []).map { "`\($0)`" }
    }

    static func overviewFeeds(_ spec: EventSpec) -> String {
        let names = feeds(spec)
        if !names.isEmpty { return names.joined(separator: ", ") }
        switch spec.type {
        case .indicatorRecorded: return "the declared indicator"
        case .eventCorrected, .eventRetracted: return "the amended event's figures"
        case .indicatorDefined, .ratioDefined, .vocabularyExtended: return "defines figures"
        default: return "none"
        }
    }

    static func feedsInDetail(_ spec: EventSpec) -> [String] {
        var out: [String] = []
        for rule in spec.flows {
            var s = "`\(pattern(rule, spec))` (flow, adds `\(rule.amount.name)`"
            switch rule.when {
            case .isTrue(let f)?: s += " when `\(f.name)` is true"
            case .codeIn(let f, let codes)?: s += " when `\(f.name)` is one of " + codes.sorted().map { "`\($0)`" }.joined(separator: ", ")
            case nil: break
            }
            out.append(s + ")")
        }
        for name in stateFigures[spec.type] ?? [] { out.append("`\(name)` (state)") }
        if let note = otherFeeds[spec.type] { out.append(note) }
        return out
    }

    static let stateFigures: [EventType: [String]] = [
        .unitRegistered: ["communes", "communes.with_club"],
        .unitChanged: ["communes", "communes.with_club"],
        .unitMerged: ["communes", "communes.with_club"],
        .modelEstablished: ["models.<kind>", "models.<kind>.members", "communes.with_club"],
        .modelChanged: ["models.<kind>", "models.<kind>.members", "communes.with_club"],
        .modelDissolved: ["models.<kind>", "models.<kind>.members", "communes.with_club"],
        .cameraInstalled: ["cameras"],
        .cameraRemoved: ["cameras"],
    ]

    static let otherFeeds: [EventType: String] = [
        .indicatorRecorded: "the declared indicator `INDICATOR` and `INDICATOR.VALUE` per dimension value (flow or level, as declared)",
        .indicatorDefined: "defines the figures `INDICATOR` and `INDICATOR.VALUE`",
        .ratioDefined: "defines a ratio figure computed from two rolled-up figures",
        .vocabularyExtended: "adds the figures of the new value (`models.VALUE`, `weapons.VALUE`, …)",
        .eventCorrected: "takes the amended fact out of its figures and adds the replacement",
        .eventRetracted: "takes the amended fact out of its figures",
        .figureAsserted: "none: checked by `antq verify` against the log as of its own `recorded`",
    ]

    static func pattern(_ rule: FlowRule, _ spec: EventSpec) -> String {
        rule.name.map { part in
            switch part {
            case .literal(let w): w
            case .value(let f, _): "<\(f.name)>"
            }
        }.joined(separator: ".")
    }

    static func unitRole(_ r: UnitRole) -> String {
        switch r {
        case .required: "a registered unit"
        case .newUnit: "the new unit's code"
        case .none: "none"
        case .amended: "the amended event's unit (filled in)"
        }
    }

    static func number(_ n: Int64) -> String { NumberStyle.english.format(Int(n)) }

    static func kind(_ k: FieldKind) -> String {
        switch k {
        case .count: "whole number"
        case .quantity: "decimal ≥ 0, at most 10^15, the indicator's decimals"
        case .amount: "whole number, or decimal for a declared quantity"
        case .text(let n): "text, NFC, at most \(number(Int64(n))) characters"
        case .choice(let v): "value of `\(v.rawValue)`"
        case .word: "word"
        case .bool: "true / false"
        case .unitCode: "unit code"
        case .parentUnit: "unit code or null"
        case .modelID: "model id (letters, digits, `-`, `_`, `.`)"
        case .identifier: "lowercase dotted name"
        case .figureName: "figure name"
        case .day: "day `YYYY-MM-DD`"
        case .monthDay: "day of the year `MM-DD`"
        case .period: "period (`2018`, `2018-H1`, `2018-01..2018-08`)"
        case .seq: "seq of an earlier event"
        case .label: "`{\"vi\": …, \"en\": …}`, `vi` required"
        case .dimensions: "up to two `{\"name\": …, \"values\": [{\"value\": …, \"label\": {…}}]}`"
        case .vocabularyName: "vocabulary name"
        case .token(let n): "identifier, at most \(number(Int64(n))) characters"
        case .fact: "the amended fact (filled in by antq)"
        case .replacementData: "the amended type's data"
        }
    }

    static func allowed(_ k: FieldKind) -> String {
        switch k {
        case .count(let r): r.lowerBound == r.upperBound ? number(r.lowerBound) : "\(number(r.lowerBound))–\(number(r.upperBound))"
        case .choice(let v): Vocabularies.builtIn[v].codes.map { "`\($0)`" }.joined(separator: ", ") + (v.isExtensible ? ", or a declared value" : "")
        case .word(let words): words.map { "`\($0)`" }.joined(separator: ", ")
        case .vocabularyName: VocabularyName.allCases.filter(\.isExtensible).map { "`\($0.rawValue)`" }.joined(separator: ", ")
        default: ""
        }
    }

    static func presence(_ p: Presence) -> String {
        switch p {
        case .required: "required"
        case .optional: "optional"
        case .defaulted(let v): "optional, default " + (v == .null ? "null" : (v.text ?? v.int.map { String($0) } ?? "\(v)"))
        }
    }
}
