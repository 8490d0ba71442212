import ANTQDomain
import Decimals
import TextFormats

/// The reader's language. Vietnamese officials read Vietnamese labels,
/// Vietnamese number style (5.000) and dd/mm/yyyy dates; everyone else gets
/// English. Chosen from `--lang`, else `LC_ALL`/`LANG` starting with `vi`.
public enum Language: String, Sendable, CaseIterable {
    case vi, en

    /// `--lang` wins; else the first of LC_ALL, LC_MESSAGES, LANG that is set.
    public static func from(option: String?, environment: [String: String]) -> Language {
        if let o = option, let l = Language(rawValue: o) { return l }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = environment[name], !v.isEmpty { return v.lowercased().hasPrefix("vi") ? .vi : .en }
        }
        return .en
    }

    public var numbers: NumberStyle { self == .vi ? .vietnamese : .english }

    public func number(_ n: Int) -> String { numbers.format(n) }

    /// A decimal in the reader's style with the digits it has: "1.234,5".
    public func number(_ v: ExactDecimal) -> String { v.formatted(style: decimalStyle) }

    public func date(_ d: CivilDate) -> String { d.formatted(vietnamese: self == .vi) }

    /// An instant as a reader sees it: Vietnam time (UTC+7), to the minute.
    public func instant(_ i: UTCInstant, seconds: Bool = false) -> String { i.vietnamTime(vietnamese: self == .vi, seconds: seconds) }

    public func t(_ en: String, _ vi: String) -> String { self == .vi ? vi : en }

    public var isVietnamese: Bool { self == .vi }

    public func text(_ t: Text) -> String { t.text(vietnamese: self == .vi) }

    public var decimalStyle: ExactDecimal.Style { self == .vi ? .vietnamese : .english }

    /// A figure's value as a reader sees it: "3.630", "1,4 kg",
    /// "33.500.000 đồng", "91,09%"; "—" when there is none (a ratio over 0).
    public func figure(_ v: ExactDecimal?, _ d: FigureDefinition) -> String {
        guard let v else { return "—" }
        // A ratio always has its two decimals; a quantity the digits it has ("1,4 kg", not "1,400 kg").
        var s = d.isRatio ? v.formatted(decimals: d.decimals, style: decimalStyle) : v.normalized.formatted(style: decimalStyle)
        if case .ratio(_, _, true) = d.kind { s += "%" }
        if let u = d.unitOfMeasure { s += " " + u }
        return s
    }

    /// The same as a machine reads it: "." and exactly the figure's decimals, no grouping.
    public static func plain(_ v: ExactDecimal?, _ d: FigureDefinition) -> String {
        v.map { $0.plain(decimals: d.decimals) } ?? ""
    }

    /// A whole number's change: "+12", "-3", "0".
    public func signed(_ v: ExactDecimal, _ d: FigureDefinition) -> String {
        (v > .zero ? "+" : "") + (d.isRatio ? v.formatted(decimals: d.decimals, style: decimalStyle) : v.normalized.formatted(style: decimalStyle))
    }
}
