import ANTQDomain
import Decimals
import Testing
import TextFormats

/// Reads `fields` of a `type` event as they arrived in `mode`: the data, or every problem.
private func read(_ type: EventType, _ fields: [(String, InputValue)], _ mode: FieldMode) -> (EventData?, [EventCodingError]) {
    var b = RecordBuilder(mode: mode, vocabularies: .builtIn)
    let d = b.data(type, fields.map { InputField($0.0, $0.1) })
    return (d, b.problems)
}

/// Typed text, as flags and spreadsheet cells give it.
private func typed(_ type: EventType, _ fields: [(String, String)], vietnamese: Bool = true) -> (EventData?, [EventCodingError]) {
    read(type, fields.map { ($0.0, .string($0.1)) }, .typed(vietnameseNumbers: vietnamese))
}

private func value(_ type: EventType, _ field: String, _ text: String, others: [(String, String)] = [], vietnamese: Bool = true) -> Value? {
    let (d, problems) = typed(type, others + [(field, text)], vietnamese: vietnamese)
    #expect(problems.isEmpty, "\(type.rawValue) \(field) = \"\(text)\": \(problems.map(\.description))")
    return d?.value(named: field)
}

/// A problem's words without the value it quotes (a number is written
/// "1.5" in a batch line and "1,5" in a Vietnamese cell; only the reason counts).
private func reason(_ t: Text) -> Text {
    let drop = Set("\"0123456789.,-−")
    return Text(String(t.vi.filter { !drop.contains($0) }), String(t.en.filter { !drop.contains($0) }))
}

struct RecordCase: CustomStringConvertible, Sendable {
    var type: EventType
    var others: [(String, String)]
    var field: String
    var asInput: InputValue
    var asTyped: String
    var description: String { "\(type.rawValue) \(field) \(asInput) / \"\(asTyped)\"" }
}

private let award = [("recipient_kind", "collective"), ("recipient", "Công an phường"), ("issuer", "district"), ("form", "medal")]
private let model = [("model", "m-1"), ("kind", "shock_team"), ("name", "Đội 1")]
private let record = [("indicator", "drugs.seized")]

let sameValueCases: [RecordCase] = [
    RecordCase(type: .tipReceived, others: [("channel", "hotline")], field: "count", asInput: .number("0"), asTyped: "0"),
    RecordCase(type: .tipReceived, others: [("channel", "hotline")], field: "count", asInput: .number("-3"), asTyped: "-3"),
    RecordCase(type: .tipReceived, others: [("channel", "hotline")], field: "count", asInput: .number("1000000000001"), asTyped: "1000000000001"),
    RecordCase(type: .tipReceived, others: [("channel", "hotline")], field: "count", asInput: .number("1.5"), asTyped: "1,5"),
    RecordCase(type: .weaponSeized, others: [("kind", "firearm")], field: "quantity", asInput: .number("0"), asTyped: "0"),
    RecordCase(type: .modelEstablished, others: model, field: "members", asInput: .number("-1"), asTyped: "-1"),
    RecordCase(type: .tipReceived, others: [], field: "channel", asInput: .string("fax"), asTyped: "fax"),
    RecordCase(type: .tipReceived, others: [("channel", "hotline")], field: "valuable", asInput: .string("maybe"), asTyped: "maybe"),
    RecordCase(type: .awardGranted, others: award.filter { $0.0 != "recipient" }, field: "recipient", asInput: .string("   "), asTyped: "   "),
    RecordCase(type: .awardGranted, others: award.filter { $0.0 != "recipient" }, field: "recipient", asInput: .string(String(repeating: "x", count: 301)), asTyped: String(repeating: "x", count: 301)),
    RecordCase(type: .awardGranted, others: award.filter { $0.0 != "recipient" }, field: "recipient", asInput: .string("a\u{7}b"), asTyped: "a\u{7}b"),
    RecordCase(type: .indicatorRecorded, others: record, field: "value", asInput: .number("-1.5"), asTyped: "-1,5"),
    RecordCase(type: .indicatorRecorded, others: record, field: "value", asInput: .number("1000000000000000.5"), asTyped: "1.000.000.000.000.000,5"),
    RecordCase(type: .indicatorRecorded, others: record, field: "value", asInput: .string("abc"), asTyped: "abc"),
    RecordCase(type: .modelEstablished, others: [("kind", "shock_team"), ("name", "Đội 1"), ("members", "3")], field: "model", asInput: .string("a b"), asTyped: "a b"),
    RecordCase(type: .caseSolved, others: [], field: "category", asInput: .string("ma tuyyy"), asTyped: "ma tuyyy"),
    RecordCase(type: .indicatorDefined, others: [("label", "Chỉ tiêu"), ("measure", "count"), ("aggregate", "flow")], field: "indicator", asInput: .string("Drugs Seized"), asTyped: "Drugs Seized"),
]

/// (b) A value refused in a batch line is refused, for the same reason and
/// with the same fix, when typed in a flag or a spreadsheet cell.
@Test(arguments: sameValueCases)
func theSameValueIsRefusedTheSameWayAsABatchLineAndAsTypedText(_ c: RecordCase) {
    func asInput(_ s: String) -> InputValue { Int64(s) != nil ? .number(s) : .string(s) }
    let (d1, p1) = read(c.type, c.others.map { ($0.0, asInput($0.1)) } + [(c.field, c.asInput)], .input)
    let (d2, p2) = typed(c.type, c.others + [(c.field, c.asTyped)])
    #expect(d1 == nil && d2 == nil, "accepted: \(c)")
    #expect(p1.map(\.field) == ["data.\(c.field)"], "\(p1)")
    #expect(p1.map(\.field) == p2.map(\.field), "\(p1) / \(p2)")
    #expect(p1.map { reason($0.problem) } == p2.map { reason($0.problem) }, "batch line: \(p1.map(\.description))\ntyped: \(p2.map(\.description))")
    #expect(p1.map(\.fix) == p2.map(\.fix), "\(c)")
}

/// (b) Vietnamese as a clerk types it.
@Test func vietnameseTypedValuesAreAccepted() {
    for t in ["ma túy", "ma tuy", "Ma tuý", "MA TÚY", "Tội phạm về ma túy", "drugs"] {
        #expect(value(.caseSolved, "category", t) == .text("drugs"), "\(t)")
    }
    #expect(value(.caseSolved, "category", "TTXH") == .text("social_order"))
    for (t, b) in [("có", true), ("co", true), ("Có", true), ("x", true), ("không", false), ("khong", false), ("no", false)] {
        #expect(value(.tipReceived, "valuable", t, others: [("channel", "hotline")]) == .bool(b), "\(t)")
    }
    #expect(value(.tipReceived, "count", "5.000", others: [("channel", "hotline")]) == .int(5000))
    #expect(value(.tipReceived, "count", "5 000", others: [("channel", "hotline")]) == .int(5000))
    #expect(value(.indicatorRecorded, "value", "1,4", others: record) == .decimal(dec("1.4")))
    #expect(value(.indicatorRecorded, "value", "33.500.000", others: record) == .decimal(dec(33_500_000)))
    #expect(value(.indicatorRecorded, "value", "1.4", others: record, vietnamese: false) == .decimal(dec("1.4")))
    #expect(value(.tipReceived, "channel", "đường dây nóng") == .text("hotline"))
    #expect(value(.tipReceived, "channel", "Zalo") == .text("online"))
    #expect(value(.weaponSeized, "kind", "Súng", others: [("quantity", "2")]) == .text("firearm"))
    let a = typed(.awardGranted, [("recipient_kind", "cá nhân"), ("recipient", "Trần Văn Bình"), ("issuer", "Công an tỉnh"), ("form", "bằng khen")]).0
    #expect(a == EventData(.awardGranted, ["recipient_kind": .text("individual"), "recipient": .text("Trần Văn Bình"), "issuer": .text("provincial_police"),
                                           "form": .text("certificate_of_merit"), "count": .int(1)]))
    let u = typed(.unitRegistered, [("name", " Phú Cường "), ("kind", "phường"), ("parent", "không")]).0
    #expect(u == EventData(.unitRegistered, ["name": .text("Phú Cường"), "kind": .text("ward"), "parent": .null]))
}

/// "1.4" is how an English sheet writes 1,4: in a Vietnamese one it is refused, not read as 14.
@Test func aNumberInTheOtherStyleIsRefusedNotGuessed() {
    let (d, problems) = typed(.indicatorRecorded, record + [("value", "1.4")])
    #expect(d == nil)
    #expect(problems.map(\.field) == ["data.value"])
}

/// (b) Counts and quantities up to 10^12 typed with grouping.
@Test func typedCountsUpTo10To12AreAcceptedAndAboveRefused() {
    #expect(value(.weaponSeized, "quantity", "1.000.000.000.000", others: [("kind", "firearm")]) == .int(1_000_000_000_000))
    #expect(value(.tipReceived, "count", "1000000000000", others: [("channel", "hotline")]) == .int(1_000_000_000_000))
    let (d, problems) = typed(.weaponSeized, [("kind", "firearm"), ("quantity", "1.000.000.000.001")])
    #expect(d == nil)
    #expect(problems.map(\.field) == ["data.quantity"])
    #expect(problems.first?.problem.en.contains("outside 1…1,000,000,000,000") == true, "\(problems)")
}

@Test func aBatchLineKeepsJSONTypes() {
    // A JSON string is not a count, and a JSON number is not a yes/no, in a batch line.
    #expect(read(.tipReceived, [("channel", .string("hotline")), ("count", .string("5"))], .input).0 == nil)
    #expect(read(.tipReceived, [("channel", .string("hotline")), ("valuable", .number("1"))], .input).0 == nil)
    #expect(read(.tipReceived, [("channel", .string("hotline")), ("valuable", .string("có"))], .input).0 == nil)
    // Text is normalised on every way in: trimmed, NFC.
    let (d, _) = read(.awardGranted, [("recipient_kind", .string("collective")), ("recipient", .string(" Ho\u{0300}a ")), ("issuer", .string("district")),
                                      ("form", .string("medal"))], .input)
    #expect(d?.text(AwardGranted.recipient) == "Hòa")
}

@Test func storedLinesCarryCodesOnly() {
    #expect(read(.caseSolved, [("category", .string("Ma túy")), ("count", .number("1"))], .stored).0 == nil)
    #expect(read(.caseSolved, [("category", .string("drugs")), ("count", .number("1"))], .stored).0?.text(CaseSolved.category) == "drugs")
    #expect(read(.tipReceived, [("channel", .string("hotline")), ("valuable", .string("true"))], .stored).0 == nil)
}

@Test func everyProblemOfARecordIsReportedAtOnce() {
    let (d, problems) = read(.awardGranted, [("recipient_kind", .string("team")), ("recipient", .string("")), ("form", .string("medal")),
                                             ("count", .number("0")), ("colour", .string("red"))], .input)
    #expect(d == nil)
    #expect(Set(problems.compactMap(\.field)) == ["data.recipient_kind", "data.recipient", "data.issuer", "data.count", "data.colour"], "\(problems)")
}

/// One typed text, one reading: "1.000" is a thousand in Vietnamese for a
/// count and for a quantity alike, and in English it is refused as a count
/// (a point starts the decimals there) rather than read as a thousand while
/// a quantity reads it as one; the refusal says how to write a thousand.
@Test func aTypedNumberHasOneReadingPerLanguageInEveryField() {
    #expect(value(.tipReceived, "count", "1.000", others: [("channel", "hotline")]) == .int(1000))
    #expect(value(.indicatorRecorded, "value", "1.000", others: record) == .decimal(dec(1000)))
    #expect(value(.tipReceived, "count", "1,000", others: [("channel", "hotline")], vietnamese: false) == .int(1000))
    #expect(value(.indicatorRecorded, "value", "1.000", others: record, vietnamese: false) == .decimal(dec(1)))
    for (text, vietnamese, hint) in [("1.000", false, "write a thousand as 1,000"), ("1,000", true, "một nghìn viết 1.000"), ("2.5", false, nil)] {
        // The hint follows the input's style in both languages.
        let (_, other) = typed(.tipReceived, [("channel", "hotline"), ("count", text)], vietnamese: vietnamese)
        if hint != nil { #expect(other.first?.problem.text(vietnamese: !vietnamese).contains(vietnamese ? "1.000 or 1000" : "1,000 hoặc 1000") == true, "\(other)") }
        let (d, problems) = typed(.tipReceived, [("channel", "hotline"), ("count", text)], vietnamese: vietnamese)
        #expect(d == nil && problems.count == 1, "\(text): \(problems.map(\.description))")
        let said = problems.first.map { vietnamese ? $0.problem.vi : $0.problem.en } ?? ""
        if let hint { #expect(said.contains(hint), "\(said)") } else { #expect(!said.contains("thousand"), "\(said)") }
    }
    let (_, range) = typed(.tipReceived, [("channel", "hotline"), ("count", "0")], vietnamese: true)
    #expect(range.first?.fix?.vi.contains("1.000.000.000.000") == true, "\(range.map(\.description))")
}
