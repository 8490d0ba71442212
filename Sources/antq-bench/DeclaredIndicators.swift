import ANTQDomain
import Decimals
import SeededRandom

/// The indicators a generated province declares for itself (issue 15's
/// benchmark log): a quantity with three decimals and a dimension, a sum of
/// money in whole đồng, and a plain count.
enum DeclaredIndicators {
    static func label(_ vi: String, _ en: String) -> Value { .object([NamedValue("vi", .text(vi)), NamedValue("en", .text(en))]) }

    static let substances = ["heroin", "meth", "cannabis"]

    static let definitions: [EventData] = [
        EventData(.indicatorDefined, ["indicator": .text("drugs.seized"), "label": label("Ma túy thu giữ", "Drugs seized"),
                                      "measure": .text("quantity"), "unit_of_measure": .text("kg"), "decimals": .int(3), "aggregate": .text("flow"),
                                      "dimensions": .list([.object([NamedValue("name", .text("substance")), NamedValue("values", .list(substances.map {
                                          .object([NamedValue("value", .text($0)), NamedValue("label", label($0, $0))])
                                      }))])])]),
        EventData(.indicatorDefined, ["indicator": .text("fines.collected"), "label": label("Tiền phạt thu nộp", "Fines collected"),
                                      "measure": .text("quantity"), "unit_of_measure": .text("đồng"), "decimals": .int(0), "aggregate": .text("flow")]),
        EventData(.indicatorDefined, ["indicator": .text("propaganda.sessions"), "label": label("Buổi tuyên truyền", "Propaganda sessions"),
                                      "measure": .text("count"), "aggregate": .text("flow")]),
    ]

    static func record(_ rng: inout SplitMix64) -> EventData {
        switch rng.below(3) {
        case 0:
            let grams = 1 + rng.below(5_000)
            let value = ExactDecimal(json: "\(grams / 1000).\(String(grams % 1000 + 1000).dropFirst())")!
            return EventData(.indicatorRecorded, ["indicator": .text("drugs.seized"), "value": .decimal(value), "substance": .text(rng.pick(substances))])
        case 1:
            return EventData(.indicatorRecorded, ["indicator": .text("fines.collected"), "value": .decimal(ExactDecimal(Int64(500_000 * (1 + rng.below(40)))))])
        default:
            return EventData(.indicatorRecorded, ["indicator": .text("propaganda.sessions"), "value": .decimal(ExactDecimal(Int64(1 + rng.below(5))))])
        }
    }
}
