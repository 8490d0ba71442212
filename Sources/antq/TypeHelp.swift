import ANTQDomain

/// `antq help append TYPE` and `antq append TYPE --help`: the type's own
/// page, written by the domain from its declaration (`EventSpec.helpText`).
enum TypeHelp {
    static func text(for argv: [String], vietnamese: Bool) -> String? {
        let words = argv.filter { !$0.hasPrefix("-") }
        guard let i = words.firstIndex(of: "append"), i + 1 < words.count,
              let type = EventType(rawValue: words[i + 1]) else { return nil }
        return type.spec.helpText(vietnamese: vietnamese)
    }
}
