import ANTQDomain
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

    public func date(_ d: CivilDate) -> String { d.formatted(vietnamese: self == .vi) }

    /// An instant as a reader sees it: Vietnam time (UTC+7), to the minute.
    public func instant(_ i: UTCInstant) -> String {
        let local = UTCInstant(microsecondsSinceEpoch: i.microsecondsSinceEpoch + 7 * 3600 * 1_000_000)
        let t = local.rfc3339
        let hm = String(t.dropFirst(11).prefix(5))
        return "\(date(local.date)) \(hm) (UTC+7)"
    }

    public func t(_ en: String, _ vi: String) -> String { self == .vi ? vi : en }
}
