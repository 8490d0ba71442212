import ANTQDomain
import ANTQTestSupport
import Decimals
import Testing
import TextFormats

// (c) What a province declares of its own catalogue, through the real append path.

private func line(_ type: String, _ data: String, unit: String = "74", occurred: String = "2018-01-01") -> String {
    #"{"type":"\#(type)","occurred":"\#(occurred)","unit":"\#(unit)","data":\#(data)}"#
}

private let drugsSeized = line("indicator.defined", #"{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ","en":"Drugs seized"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow","dimensions":[{"name":"substance","values":[{"value":"heroin","label":{"vi":"Heroin","en":"Heroin"}},{"value":"meth","label":{"vi":"Ma túy đá","en":"Methamphetamine"}}]}]}"#)
private let wantedCaught = line("indicator.defined", #"{"indicator":"wanted.caught","label":{"vi":"Đối tượng truy nã bị bắt"},"measure":"count","aggregate":"flow"}"#)

private func record(_ value: String, _ extra: String = #","substance":"heroin""#, indicator: String = "drugs.seized", unit: String = "25747",
                    occurred: String = "2018-03-02") -> String {
    line("indicator.recorded", #"{"indicator":"\#(indicator)","value":\#(value)\#(extra)}"#, unit: unit, occurred: occurred)
}

/// Bình Dương with `drugs.seized` (kg, 3 decimals, by substance) and `wanted.caught` (a count) declared.
private func declared() throws -> LogBuilder {
    var b = binhDuong()
    try b.add(drugsSeized)
    try b.add(wantedCaught)
    return b
}

@Test func aDeclaredIndicatorBecomesFiguresWithItsMeasure() throws {
    var b = try declared()
    let f = b.ledger.figures
    #expect(f["drugs.seized"]?.unitOfMeasure == "kg" && f["drugs.seized"]?.decimals == 3 && f["drugs.seized"]?.kind == .flow)
    #expect(f["drugs.seized.meth"]?.parent == "drugs.seized" && f["drugs.seized.meth"]?.label == Text("Ma túy đá", "Methamphetamine"))
    #expect(f["wanted.caught"]?.unitOfMeasure == nil && f["wanted.caught"]?.decimals == 0)
    #expect(f["wanted.caught"]?.label == Text("Đối tượng truy nã bị bắt", "Đối tượng truy nã bị bắt"), "English falls back to Vietnamese")
    try b.add(record("1.4"))
    try b.add(record("0.125", #","substance":"meth""#, unit: "25852"))
    try b.add(record("2", "", indicator: "wanted.caught"))
    let q = query(b.ledger, year: 2018)
    #expect(q.value("drugs.seized", unit: "74") == dec("1.525"))
    #expect(q.value("drugs.seized.heroin", unit: "74") == dec("1.4"))
    #expect(q.value("drugs.seized.meth", unit: "718") == dec(0))
    #expect(q.value("drugs.seized.meth", unit: "721") == dec("0.125"))
    #expect(q.value("wanted.caught", unit: "74") == dec(2))
}

@Test func aRecordOfAnUndeclaredIndicatorIsRefused() throws {
    let b = try declared()
    expectRefused(b, record("1", indicator: "drugs.seizd"), field: "data.indicator", "is not declared; did you mean drugs.seized?")
    expectRefused(binhDuong(), record("1", indicator: "drugs.seized"), field: "data.indicator", "is not declared")
    // A built-in figure is not a declared indicator.
    expectRefused(b, record("1", "", indicator: "arrests"), field: "data.indicator", "is not declared")
}

@Test func aRecordOfARetiredIndicatorIsRefusedButItsHistoryStaysAndCanBeCorrected() throws {
    var b = try declared()
    let kept = try b.add(record("2"))
    let other = try b.add(record("3", "", indicator: "wanted.caught"))
    try b.add(line("indicator.retired", #"{"indicator":"drugs.seized","reason":"chuyển sang chỉ tiêu mới"}"#, occurred: "2018-06-01"))
    expectRefused(b, record("1", occurred: "2018-07-01"), field: "data.indicator", "is retired")
    expectRefused(b, line("indicator.retired", #"{"indicator":"drugs.seized"}"#), field: "data.indicator", "already retired")
    #expect(query(b.ledger, year: 2018).value("drugs.seized", unit: "74") == dec(2))
    #expect(b.ledger.figures.contains("drugs.seized"))
    // Its history can be corrected (as it can be retracted); a correction cannot make a new record of it.
    expectRefused(b, #"{"type":"event.corrected","data":{"target":\#(other.seq),"reason":"nhầm chỉ tiêu","data":{"indicator":"drugs.seized","value":3,"substance":"heroin"}}}"#,
                  field: "data.data.indicator", "is retired")
    try b.add(#"{"type":"event.corrected","data":{"target":\#(kept.seq),"reason":"cân lại","data":{"value":2.5}}}"#)
    #expect(query(b.ledger, year: 2018).value("drugs.seized", unit: "74") == dec("2.5"))
}

@Test func aValueWithMoreDecimalsThanDeclaredIsRefused() throws {
    let b = try declared()
    expectAccepted(b, record("1.400"))
    expectAccepted(b, record("1.4000"))
    expectRefused(b, record("1.4005"), field: "data.value", "has more than the 3 decimals drugs.seized declares")
    expectRefused(b, record("1.5", "", indicator: "wanted.caught"), field: "data.value", "must be a whole number (wanted.caught is a count)")
    expectAccepted(b, record("2.0", "", indicator: "wanted.caught"))
}

@Test func aNegativeOrTooLargeValueIsRefused() throws {
    let b = try declared()
    expectRefused(b, record("-1"), field: "data.value", "is negative")
    expectRefused(b, record("-2", "", indicator: "wanted.caught"), field: "data.value", "is negative")
    expectAccepted(b, record("1000000000000000"))
    expectRefused(b, record("1000000000000000.001"), field: "data.value", "is more than 10^15")
    expectAccepted(b, record("0"))
}

@Test func dimensionValuesMustBeDeclared() throws {
    let b = try declared()
    expectRefused(b, record("1", #","substance":"cocaine""#), field: "data.substance", "is not declared for drugs.seized")
    expectRefused(b, record("1", ""), field: "data.substance", "is missing")
    expectRefused(b, record("1", #","substance":"heroin","colour":"red""#), field: "data.colour", "is not a dimension of drugs.seized")
    expectRefused(b, record("1", #","substance":"heroin""#, indicator: "wanted.caught"), field: "data.substance", "is not a dimension of wanted.caught")
    // A value is found by its label too, and stored as its code.
    var c = b
    let e = try c.add(record("1", #","substance":"Ma túy đá""#))
    #expect(e.data.value(named: "substance") == .text("meth"))
    // A new value is declared with indicator.changed, and may be used from then on.
    try c.add(line("indicator.changed", #"{"indicator":"drugs.seized","dimensions":[{"name":"substance","values":[{"value":"cocaine","label":{"vi":"Cocaine"}}]}]}"#))
    expectAccepted(c, record("1", #","substance":"cocaine""#))
}

@Test func aNameIsDefinedOnce() throws {
    let b = try declared()
    expectRefused(b, drugsSeized, field: "data.indicator", "is already a figure's name")
    expectRefused(b, line("ratio.defined", #"{"indicator":"drugs.seized","label":{"vi":"Tỷ lệ"},"numerator":"arrests","denominator":"cases","percent":true}"#),
                  field: "data.indicator", "is already a figure's name")
    // A dimension value's figure counts as a name too.
    expectRefused(b, line("indicator.defined", #"{"indicator":"drugs.seized.heroin","label":{"vi":"Heroin"},"measure":"count","aggregate":"flow"}"#),
                  field: "data.indicator", "is already a figure's name")
    var c = b
    try c.add(line("ratio.defined", #"{"indicator":"arrest_rate","label":{"vi":"Tỷ lệ bắt"},"numerator":"arrests","denominator":"cases","percent":true}"#))
    expectRefused(c, line("indicator.defined", #"{"indicator":"arrest_rate","label":{"vi":"X"},"measure":"count","aggregate":"flow"}"#),
                  field: "data.indicator", "is already a figure's name")
    expectRefused(c, line("ratio.defined", #"{"indicator":"arrest_rate","label":{"vi":"X"},"numerator":"arrests","denominator":"tips","percent":false}"#),
                  field: "data.indicator", "is already a figure's name")
}

@Test(arguments: ["arrests", "tips.valuable", "cases.drugs", "awards.collective.local", "models.shock_team.members", "cameras", "communes.with_club"])
func aBuiltInFigureNameCannotBeAnIndicatorsName(_ name: String) {
    let b = binhDuong()
    expectRefused(b, line("indicator.defined", #"{"indicator":"\#(name)","label":{"vi":"X"},"measure":"count","aggregate":"flow"}"#),
                  field: "data.indicator", "is already a figure's name")
    expectRefused(b, line("ratio.defined", #"{"indicator":"\#(name)","label":{"vi":"X"},"numerator":"arrests","denominator":"cases","percent":true}"#),
                  field: "data.indicator", "is already a figure's name")
}

@Test func aDimensionValueCannotMakeAFigureThatExists() throws {
    var b = binhDuong()
    try b.add(line("indicator.defined", #"{"indicator":"area.safe","label":{"vi":"Khu dân cư an toàn"},"measure":"count","aggregate":"level"}"#))
    expectRefused(b, line("indicator.defined", #"{"indicator":"area","label":{"vi":"Khu vực"},"measure":"count","aggregate":"flow","dimensions":[{"name":"status","values":[{"value":"safe","label":{"vi":"An toàn"}}]}]}"#),
                  field: "data.dimensions", "\"area.safe\" is already a figure's name")
}

@Test func aRatioMustNameFiguresInForce() throws {
    let b = try declared()
    let ratio = { (n: String, d: String) in line("ratio.defined", #"{"indicator":"clearance","label":{"vi":"Tỷ lệ"},"numerator":"\#(n)","denominator":"\#(d)","percent":true}"#) }
    expectRefused(b, ratio("arrest", "cases"), field: "data.numerator", "\"arrest\" is not a figure name; did you mean arrests?")
    expectRefused(b, ratio("arrests", "drugs.seized.cocaine"), field: "data.denominator", "is not a figure name")
    expectRefused(b, ratio("clearance", "cases"), field: "data.numerator", "is not a figure name")
    expectAccepted(b, ratio("drugs.seized.heroin", "drugs.seized"))
    expectAccepted(b, ratio("cases", "tips"))
}

@Test(arguments: [("measure", #""count""#), ("decimals", "2"), ("aggregate", #""level""#), ("unit_of_measure", #""g""#)])
func theMeasureCannotChangeOnceSomethingIsRecorded(_ field: String, _ json: String) throws {
    var b = try declared()
    let change = line("indicator.changed", #"{"indicator":"drugs.seized","\#(field)":\#(json)}"#, occurred: "2018-06-01")
    if field != "measure" { expectAccepted(b, change) }
    let r = try b.add(record("1.4"))
    expectRefused(b, change, field: "data.\(field)", "cannot change once drugs.seized has records")
    // Giving the same value again changes nothing and is not refused.
    expectAccepted(b, line("indicator.changed", #"{"indicator":"drugs.seized","decimals":3,"measure":"quantity"}"#))
    // With its only record retracted, the indicator may change again.
    try b.add(#"{"type":"event.retracted","data":{"target":\#(r.seq),"reason":"nhầm"}}"#)
    if field != "measure" { expectAccepted(b, change) }
}

@Test func aDeclarationIsCheckedForWhatItNeeds() throws {
    let b = binhDuong()
    let defined = { (data: String) in line("indicator.defined", data) }
    expectRefused(b, defined(#"{"indicator":"fines","label":{"vi":"Tiền phạt"},"measure":"quantity","aggregate":"flow"}"#),
                  field: "data.unit_of_measure", "a quantity needs")
    expectRefused(b, defined(#"{"indicator":"fines","label":{"vi":"Tiền phạt"},"measure":"count","decimals":2,"aggregate":"flow"}"#),
                  field: "data.decimals", "a count has no decimals")
    expectRefused(b, defined(#"{"indicator":"fines","label":{"vi":"Tiền phạt"},"measure":"count","aggregate":"flow","dimensions":[{"name":"value","values":[]}]}"#),
                  field: "data.dimensions", "is reserved")
    expectRefused(b, defined(#"{"indicator":"fines","label":{"vi":"Tiền phạt"},"measure":"count","aggregate":"flow","dimensions":[{"name":"a","values":[]},{"name":"b","values":[]},{"name":"c","values":[]}]}"#),
                  field: "data.dimensions", "at most two dimensions")
    expectRefused(b, defined(#"{"indicator":"Fines","label":{"vi":"Tiền phạt"},"measure":"count","aggregate":"flow"}"#),
                  field: "data.indicator", "is not a valid name")
    expectRefused(b, defined(#"{"indicator":"fines","measure":"count","aggregate":"flow"}"#), field: "data.label", "is missing")
    expectRefused(b, defined(#"{"indicator":"fines","label":{"en":"Fines"},"measure":"count","aggregate":"flow"}"#), field: "data.label.vi", "the Vietnamese label, is missing")
    expectRefused(b, line("indicator.changed", #"{"indicator":"fines","description":"x"}"#), field: "data.indicator", "is not declared")
}

@Test func aLevelIndicatorSumsEachUnitsLatestValue() throws {
    var b = binhDuong()
    try b.add(line("indicator.defined", #"{"indicator":"area.safe","label":{"vi":"Khu dân cư an toàn"},"measure":"count","aggregate":"level"}"#))
    try b.add(record("5", "", indicator: "area.safe", unit: "25747", occurred: "2018-03-01"))
    try b.add(record("7", "", indicator: "area.safe", unit: "25747", occurred: "2018-09-01"))
    try b.add(record("3", "", indicator: "area.safe", unit: "25760", occurred: "2019-02-01"))
    #expect(b.ledger.figures["area.safe"]?.kind == .level)
    #expect(query(b.ledger, year: 2018).value("area.safe", unit: "74") == dec(7))
    #expect(query(b.ledger, year: 2019).value("area.safe", unit: "74") == dec(10))
    #expect(query(b.ledger, year: 2017).value("area.safe", unit: "74") == dec(0))
}

@Test func aRatioDividesItsRolledUpFiguresWithTwoDecimalsAndHasNoValueOverZero() throws {
    var b = binhDuong()
    try b.add(line("ratio.defined", #"{"indicator":"tips_valuable_rate","label":{"vi":"Tỷ lệ tin có giá trị","en":"Valuable tips"},"numerator":"tips.valuable","denominator":"tips","percent":true}"#))
    try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"count":1953,"channel":"hotline","valuable":true}}"#)
    try b.add(#"{"type":"tip.received","occurred":"2018-05-14","unit":"25852","data":{"count":191,"channel":"hotline","valuable":false}}"#)
    let q = query(b.ledger, year: 2018)
    #expect(b.ledger.figures["tips_valuable_rate"]?.decimals == 2)
    #expect(q.value("tips_valuable_rate", unit: "74") == dec("91.09"), "1953 / 2144, not an average of the units' rates")
    #expect(q.values(unit: "74")["tips_valuable_rate"] == .some(dec("91.09")))
    #expect(q.value("tips_valuable_rate", unit: "721") == dec(0))
    #expect(query(b.ledger, year: 2017).value("tips_valuable_rate", unit: "74") == nil)
    #expect(query(b.ledger, year: 2017).values(unit: "74")["tips_valuable_rate"] == .some(nil))
}

/// A declared figure is placed under a declared figure only, a built-in one
/// under a built-in one: `cases.occurred` (crimes that occurred, more than
/// were uncovered) is no part of the built-in `cases`.
@Test func aDeclaredFigureIsNeverPlacedUnderABuiltInOneNorTheOtherWayRound() throws {
    var b = try declared()
    try b.add(line("indicator.defined", #"{"indicator":"cases.occurred","label":{"vi":"Số vụ xảy ra"},"measure":"count","aggregate":"flow"}"#))
    try b.add(line("indicator.defined", #"{"indicator":"weapons","label":{"vi":"Vũ khí khác"},"measure":"count","aggregate":"flow","dimensions":[{"name":"kind","values":[{"value":"ammunition","label":{"vi":"Đạn"}}]}]}"#))
    let f = b.ledger.figures
    #expect(f["cases.occurred"]?.parent == nil && f["cases.occurred"]?.depth == 0)
    #expect(f["cases.drugs"]?.parent == "cases", "a built-in part stays under its built-in total")
    #expect(f["drugs.seized.heroin"]?.parent == "drugs.seized", "a dimension figure stays under its indicator")
    #expect(f["weapons.ammunition"]?.parent == "weapons" && f["weapons.firearm"]?.parent == nil)
}
