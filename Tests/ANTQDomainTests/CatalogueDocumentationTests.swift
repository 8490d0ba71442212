import ANTQDomain
import Foundation
import Testing

// The catalogue article's reference tables are generated from the
// declarations; this test keeps the committed article equal to them, so
// adding a field to a declaration without regenerating the docs fails.

private let cataloguePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/ANTQDomain/ANTQDomain.docc/Catalogue.md").path

@Test func catalogueDocumentationMatchesTheDeclarations() throws {
    let document = try String(contentsOfFile: cataloguePath, encoding: .utf8)
    let expected = try #require(CatalogueDocumentation.regenerated(document),
                                "\(cataloguePath) lacks the markers \(CatalogueDocumentation.beginMarker) … \(CatalogueDocumentation.endMarker)")
    if ProcessInfo.processInfo.environment["ANTQ_WRITE_DOCS"] == "1" {
        if expected != document { try expected.write(toFile: cataloguePath, atomically: true, encoding: .utf8) }
        return
    }
    guard expected != document else { return }
    // Name the first line that differs rather than printing both documents.
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let have = document.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(want.count, have.count)).first { want[$0] != have[$0] } ?? min(want.count, have.count)
    Issue.record("""
        The generated part of \(cataloguePath) differs from the catalogue declarations, first at line \(line + 1):
          declarations give: \(line < want.count ? String(want[line]) : "(end of text)")
          the file has:      \(line < have.count ? String(have[line]) : "(end of file)")
        Regenerate it with: ANTQ_WRITE_DOCS=1 swift test --filter CatalogueDocumentation
        """)
}

@Test func catalogueDocumentationNamesEveryTypeFieldAndBuiltInValue() {
    let text = CatalogueDocumentation.markdown()
    for spec in EventSpec.table {
        #expect(text.contains("### \(spec.type.rawValue)\n"), "no section for \(spec.type.rawValue)")
        for f in spec.fields { #expect(text.contains("| `\(f.name)` |"), "\(spec.type.rawValue).\(f.name) missing") }
    }
    for name in VocabularyName.allCases {
        for code in Vocabularies.builtIn[name].codes { #expect(text.contains("| `\(code)` |"), "\(name.rawValue) value \(code) missing") }
    }
}
