import ANTQDomain
import ANTQTestSupport
import Testing
import TextFormats

private func resolve(_ text: String, _ b: LogBuilder = binhDuong(), on d: String? = nil) -> Result<String, UnitResolver.Failure> {
    UnitResolver(units: b.ledger.units).resolve(text, on: d.map(day))
}

@Test func aCodeResolvesToItself() {
    #expect(resolve("25747") == .success("25747"))
    #expect(resolve(" 718 ") == .success("718"))
}

@Test func namesResolveWithOrWithoutDiacriticsAndInAnyCase() {
    #expect(resolve("Phú Cường") == .success("25747"))
    #expect(resolve("phu cuong") == .success("25747"))
    #expect(resolve("PHU CUONG") == .success("25747"))
    #expect(resolve("Thu Dau Mot") == .success("718"))
    // Decomposed input (NFD) is the same name.
    #expect(resolve("Phu\u{0301} Cu\u{031B}o\u{031B}\u{0300}ng") == .success("25747"))
}

@Test func oldAndNewToneMarkPlacementBothResolve() {
    // "Hoà" (old style) and "Hòa" (new style) name the same ward.
    #expect(resolve("Hòa Phú") == .success("25760"))
    #expect(resolve("Hoà Phú") == .success("25760"))
    #expect(resolve("Phú Hoà") == .success("25750"))
}

@Test func aKindPrefixIsAccepted() {
    #expect(resolve("phường Phú Cường") == .success("25747"))
    #expect(resolve("phuong phu cuong") == .success("25747"))
    #expect(resolve("ward Phú Cường") == .success("25747"))
    #expect(resolve("thành phố Thủ Dầu Một") == .success("718"))
    #expect(resolve("huyện Thủ Dầu Một") != .success("718"))
}

@Test func anAmbiguousNameListsTheCandidates() {
    guard case .failure(.ambiguous(_, let candidates)) = resolve("Tân Định") else {
        Issue.record("Tân Định should be ambiguous"); return
    }
    #expect(candidates.count == 2)
    #expect(candidates.contains { $0.hasPrefix("25852 ") && $0.contains("Bến Cát") })
    #expect(candidates.contains { $0.hasPrefix("25894 ") && $0.contains("Bắc Tân Uyên") })
    expectRefused(binhDuong(), #"{"type":"arrest.made","occurred":"2018-05-14","unit":"tan dinh","data":{"count":1}}"#,
                  field: "unit", "matches several units")
}

@Test func aNameIsLookedForAmongTheUnitsOfItsDayFirst() {
    // 25894 (Bắc Tân Uyên) was registered in 2014: in 2010 only one Tân Định stood.
    #expect(resolve("Tân Định", on: "2010-06-01") == .success("25852"))
    expectAccepted(binhDuong(), #"{"type":"arrest.made","occurred":"2010-06-01","unit":"tan dinh","data":{"count":1}}"#)
}

@Test func aParentQualifiesAnAmbiguousName() {
    #expect(resolve("Tân Định, Bến Cát") == .success("25852"))
    #expect(resolve("tan dinh, ben cat") == .success("25852"))
    #expect(resolve("Tân Định, Bắc Tân Uyên") == .success("25894"))
    #expect(resolve("Tân Định, huyện Bắc Tân Uyên") == .success("25894"))
    #expect(resolve("Tân Định, 721") == .success("25852"))
    if case .success = resolve("Tân Định, Dầu Tiếng") { Issue.record("wrong parent accepted") }
}

@Test func anUnknownNameSuggestsSimilarOnes() {
    guard case .failure(.unknown(_, let suggestions)) = resolve("Phú Cường Mới") else {
        Issue.record("should be unknown"); return
    }
    #expect(suggestions.contains { $0.hasPrefix("25747 ") })
}
