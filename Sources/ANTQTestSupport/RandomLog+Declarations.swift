import ANTQDomain
import SeededRandom
import TextFormats

/// The declarations of a random log: indicators a province might keep
/// (counts and quantities, flow and level, zero to two dimensions, zero to
/// three decimals), records of them, changes, retirements, ratios of any two
/// figures and vocabulary extensions. Some candidates are invalid on purpose
/// (a change of measure after records, a record of a retired indicator):
/// the validator refuses them and the log goes on without them.
extension RandomLog {
    static let indicatorNames = ["drugs.seized", "wanted.caught", "area.certified_safe", "propaganda.sessions",
                                 "fines.collected", "poppy.area", "households.pledged", "reeducation.taken"]
    static let dimensionValues = [["heroin", "meth", "cannabis", "other"], ["residential", "commune", "agency"], ["north", "south"]]

    var indicators: [Indicator] { b.ledger.catalogue.indicatorOrder.compactMap { b.ledger.catalogue.indicators[$0] } }

    mutating func declarationEvent() -> String? {
        let province = units.first { $0.parent == nil }?.code ?? "74"
        let occurred = date(from: day("2012-01-01"), to: testToday).iso
        let head = #"{"id":"\#(id())","occurred":"\#(occurred)","unit":"\#(province)","#
        let r = Int.random(in: 0..<100, using: &rng)
        if indicators.count < 3 || (r < 25 && indicators.count < 8) {
            return head + #""type":"indicator.defined","data":\#(indicatorDefinition())}"#
        }
        if r < 50, let i = indicators.randomElement(using: &rng) {
            return head + #""type":"indicator.changed","data":\#(indicatorChange(i))}"#
        }
        if r < 55, let i = indicators.filter({ !$0.retired }).randomElement(using: &rng) {
            return head + #""type":"indicator.retired","data":{"indicator":"\#(i.name)","reason":"không theo dõi nữa"}}"#
        }
        if r < 75 {
            let names = b.ledger.figures.definitions.filter { !$0.isRatio }.map(\.name)
            let n = nextIndicator; nextIndicator += 1
            return head + #""type":"ratio.defined","data":{"indicator":"ratio.r\#(n)","label":{"vi":"Tỷ lệ \#(n)","en":"Ratio \#(n)"},"numerator":"\#(rng.pick(names))","denominator":"\#(rng.pick(names))","percent":\#(rng.chance(0.6))}}"#
        }
        let vocabularies: [VocabularyName] = [.modelKind, .weaponKind, .awardIssuer, .awardForm, .tipChannel, .caseCategory]
        let v = rng.pick(vocabularies)
        let n = nextIndicator; nextIndicator += 1
        return head + #""type":"vocabulary.extended","data":{"field":"\#(v.rawValue)","value":"added_\#(n)","label":{"vi":"Loại thêm \#(n)","en":"Added \#(n)"}}}"#
    }

    mutating func indicatorDefinition() -> String {
        let taken = Set(indicators.map(\.name))
        let name = RandomLog.indicatorNames.first { !taken.contains($0) } ?? "ind.n\(nextIndicator)"
        nextIndicator += 1
        let quantity = rng.chance(0.6)
        var parts = [#""indicator":"\#(name)""#, #""label":{"vi":"Chỉ tiêu \#(name)","en":"Indicator \#(name)"}"#]
        parts.append(quantity ? #""measure":"quantity","unit_of_measure":"\#(rng.pick(["kg", "đồng", "m²", "viên"]))","decimals":\#(Int.random(in: 0...3, using: &rng))"#
                              : #""measure":"count""#)
        parts.append(#""aggregate":"\#(rng.chance(0.7) ? "flow" : "level")""#)
        let dims = Int.random(in: 0...2, using: &rng)
        if dims > 0 {
            let chosen = Array(RandomLog.dimensionValues.indices.shuffled(using: &rng).prefix(dims))
            let list = chosen.enumerated().map { k, i in
                let values = RandomLog.dimensionValues[i].map { #"{"value":"\#($0)","label":{"vi":"\#($0) vi","en":"\#($0)"}}"# }
                return #"{"name":"dim\#(k + 1)","values":[\#(values.joined(separator: ","))]}"#
            }
            parts.append(#""dimensions":[\#(list.joined(separator: ","))]"#)
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    mutating func indicatorChange(_ i: Indicator) -> String {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return #"{"indicator":"\#(i.name)","label":{"vi":"Tên mới \#(i.name)","en":"New \#(i.name)"}}"#
        case 1 where !i.dimensions.isEmpty:
            let d = i.dimensions[0]
            let n = nextIndicator; nextIndicator += 1
            return #"{"indicator":"\#(i.name)","dimensions":[{"name":"\#(d.name)","values":[{"value":"new_\#(n)","label":{"vi":"Mới \#(n)","en":"New \#(n)"}}]}]}"#
        case 2:
            // Refused once anything is recorded.
            return #"{"indicator":"\#(i.name)","measure":"\#(i.measure == .count ? "quantity" : "count")"\#(i.measure == .count ? #","unit_of_measure":"kg","decimals":1"# : "")}"#
        default:
            return #"{"indicator":"\#(i.name)","description":"Mô tả \#(Int.random(in: 1...99, using: &rng))"}"#
        }
    }

    /// A value with at most `decimals` digits after the point (sometimes fewer), up to a million.
    mutating func quantity(decimals: Int) -> String {
        let whole = Int.random(in: 0...(rng.chance(0.1) ? 1_000_000 : 500), using: &rng)
        guard decimals > 0, rng.chance(0.8) else { return String(whole) }
        let digits = Int.random(in: 1...decimals, using: &rng)
        var frac = ""
        for _ in 0..<digits { frac += String(Int.random(in: 0...9, using: &rng)) }
        return "\(whole).\(frac)"
    }

    mutating func dimensionFields(_ i: Indicator) -> String {
        i.dimensions.map { d in #","\#(d.name)":"\#(rng.pick(d.values).code)""# }.joined()
    }

    mutating func indicatorRecord(_ u: UnitRegistry.View) -> String? {
        // Mostly live indicators; now and then a retired one (refused).
        let pool = indicators.filter { !$0.retired || rng.chance(0.05) }
        guard let i = pool.randomElement(using: &rng) else { return nil }
        let value = i.measure == .count ? String(Int.random(in: 0...50, using: &rng)) : quantity(decimals: i.decimals)
        return #"{"id":"\#(id())","type":"indicator.recorded","occurred":"\#(liveDay(u).iso)","unit":"\#(u.code)","data":{"indicator":"\#(i.name)","value":\#(value)\#(dimensionFields(i))}}"#
    }

    /// The fields a correction of a record may change: its value, a dimension.
    mutating func correctedRecord(_ t: Event) -> [String] {
        guard let name = t.data.text(IndicatorRecorded.indicator), let i = b.ledger.catalogue.indicators[name] else { return [] }
        var out = [#""value":\#(i.measure == .count ? String(Int.random(in: 0...50, using: &rng)) : quantity(decimals: i.decimals))"#]
        if let d = i.dimensions.first { out.append(#""\#(d.name)":"\#(rng.pick(d.values).code)""#) }
        return out
    }
}
