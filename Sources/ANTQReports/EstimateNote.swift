import ANTQDomain
import TextFormats

/// The words that mark a figure restated across a split: the resolution
/// published no shares for the parts, so a split unit's figures are
/// counted whole under one successor and none in the others, and the
/// reader is told which units that concerns (never a silent guess).
enum EstimateNote {
    static func line(_ parts: [UnitRegistry.SplitPart], _ lang: Language) -> String? {
        guard !parts.isEmpty else { return nil }
        let items = parts.map { p in
            let others = p.successors.filter { $0 != p.countedIn }.joined(separator: ", ")
            return lang.t("\(p.name) (\(p.code)) counted whole in \(p.countedIn), none in \(others)",
                          "\(p.name) (\(p.code)) tính toàn bộ cho \(p.countedIn), không tính cho \(others)")
        }
        return lang.t("Estimate: includes units only partly merged (split on \(parts[0].on.formatted(vietnamese: true)), no published shares): ",
                      "Ước tính: có đơn vị chỉ nhập một phần (chia tách ngày \(parts[0].on.formatted(vietnamese: true)), không có tỷ lệ công bố): ")
            + items.joined(separator: "; ") + "."
    }

    /// The codes of the split units a row holds, for the CSV column.
    static func codes(_ parts: [UnitRegistry.SplitPart]?) -> String {
        (parts ?? []).map(\.code).joined(separator: " ")
    }
}
