import ANTQDomain
import Testing
import TextFormats

// (e) Every text of the catalogue is there in both languages: no report,
// help page or message falls back to an internal code.

/// Letters only Vietnamese writes (after NFC): a sign an English text was left in Vietnamese.
private func looksVietnamese(_ s: String) -> Bool {
    s.unicodeScalars.contains { (0xC0...0x24F).contains($0.value) || (0x1E00...0x1EFF).contains($0.value) || (0x300...0x36F).contains($0.value) }
}

/// Help texts may quote a Vietnamese word in English ("kg, đồng, m"); labels may not.
private func expectBilingual(_ t: Text, _ what: String, isLabel: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!t.vi.trimmingSpaces().isEmpty, "\(what): no Vietnamese", sourceLocation: sourceLocation)
    #expect(!t.en.trimmingSpaces().isEmpty, "\(what): no English", sourceLocation: sourceLocation)
    if isLabel { #expect(!looksVietnamese(t.en), "\(what): the English label is Vietnamese: \(t.en)", sourceLocation: sourceLocation) }
}

@Test func everyEventSpecFieldHasAVietnameseAndAnEnglishLabel() {
    for type in EventType.allCases {
        let spec = type.spec
        #expect(spec.type == type)
        expectBilingual(spec.label, "\(type.rawValue) label")
        expectBilingual(spec.help, "\(type.rawValue) help", isLabel: false)
        for f in spec.fields {
            expectBilingual(f.label, "\(type.rawValue).\(f.name) label")
            expectBilingual(f.help, "\(type.rawValue).\(f.name) help", isLabel: false)
        }
        for rule in spec.flows {
            if let l = rule.label { expectBilingual(l, "\(type.rawValue) figure label") }
            if let s = rule.short { expectBilingual(s, "\(type.rawValue) figure short label") }
        }
    }
}

@Test func everyVocabularyTermHasBothLabels() {
    #expect(Set(Vocabulary.builtIn.keys) == Set(VocabularyName.allCases))
    for name in VocabularyName.allCases {
        let v = Vocabularies.builtIn[name]
        #expect(!v.terms.isEmpty, "\(name.rawValue) is empty")
        #expect(Set(v.codes).count == v.codes.count, "\(name.rawValue) has a code twice")
        for t in v.terms {
            let what = "\(name.rawValue) \(t.code)"
            expectBilingual(t.label, what)
            if let f = t.figureLabel { expectBilingual(f, what + " figure label") }
            if let s = t.short { expectBilingual(s, what + " short label") }
            // A term is found by its code, by either label and by each alias, with or without diacritics.
            for typed in [t.code, t.label.vi, t.label.en, foldVietnamese(t.label.vi)] + t.aliases {
                #expect(v.resolve(typed)?.code == t.code, "\(what): \"\(typed)\" resolves to \(v.resolve(typed)?.code ?? "nothing")")
            }
        }
    }
}

@Test func everyBuiltInFigureHasBothLabels() {
    for d in FigureCatalogue().definitions {
        expectBilingual(d.label, d.name)
        expectBilingual(d.shortLabel, d.name + " short")
    }
}

@Test func declarationsAreInTheirTypesOrderAndRefsMatchTheirPlace() {
    for type in EventType.allCases {
        for (i, f) in type.spec.fields.enumerated() {
            #expect(f.ref.index == i && f.ref.name == f.name, "\(type.rawValue).\(f.name)")
        }
        #expect(Set(type.spec.fields.map(\.name)).count == type.spec.fields.count, "\(type.rawValue) names a field twice")
    }
}

/// Each data field is shown to a reader in words, in both languages.
@Test func anEventIsDescribedInBothLanguagesByItsLabels() {
    let d = EventData(.tipReceived, ["count": .int(5000), "channel": .text("hotline"), "valuable": .bool(true)])
    #expect(EventDescription.line(d, vietnamese: true) == "Tin báo của quần chúng: số tin 5.000, kênh tiếp nhận đường dây nóng, có giá trị có")
    #expect(EventDescription.line(d, vietnamese: false) == "Tips from the public: number of tips 5,000, channel hotline, valuable yes")
}

/// A year is a calendar number, never grouped like a count (2018, not 2.018 or 2,018).
@Test func aPublishedFiguresYearIsShownWithoutGrouping() {
    let d = EventData(.figureAsserted, ["metric": .text("arrests"), "year": .int(2018), "value": .int(3630)])
    #expect(EventDescription.line(d, vietnamese: true).contains("năm báo cáo 2018"), "\(EventDescription.line(d, vietnamese: true))")
    #expect(EventDescription.line(d, vietnamese: false).contains("reporting year 2018"))
    #expect(EventDescription.line(d, vietnamese: true).contains("3.630"), "the figure itself is grouped")
}
