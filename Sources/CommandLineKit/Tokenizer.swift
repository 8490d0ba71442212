/// Splits argv into classified tokens before any matching happens, remembering each
/// token's position so that matching can look ahead for option values.
///
/// Classification is purely lexical: whether `-5` is a value or `x` belongs to an option
/// is decided later by the parser, which knows the declared tables.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `--name` or `--name=value`.
        case long(name: String, value: String?)
        /// `-o`, `-abc` (cluster) or `-ovalue`; `letters` excludes the dash.
        case short(letters: String)
        /// A plain word, a lone `-`, a negative number such as `-5`, or anything after `--`.
        case positional(String)
        /// The `--` that ends option parsing.
        case terminator
    }

    /// Index in argv (without the program name).
    var index: Int
    /// The text exactly as typed.
    var raw: String
    var kind: Kind
    /// True for words after `--`; they are never options.
    var afterTerminator: Bool = false

    /// A token that can serve as the value of a preceding option: plain words, `-`, negative numbers.
    var canBeValue: Bool {
        if case .positional = kind { return true }
        return false
    }
}

enum Tokenizer {
    static func tokenize(_ argv: [String]) -> [Token] {
        var tokens: [Token] = []
        var ended = false
        for (index, arg) in argv.enumerated() {
            if ended {
                tokens.append(Token(index: index, raw: arg, kind: .positional(arg), afterTerminator: true))
                continue
            }
            if arg == "--" {
                ended = true
                tokens.append(Token(index: index, raw: arg, kind: .terminator))
            } else if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                if let eq = body.firstIndex(of: "=") {
                    tokens.append(Token(index: index, raw: arg,
                                        kind: .long(name: String(body[..<eq]), value: String(body[body.index(after: eq)...]))))
                } else {
                    tokens.append(Token(index: index, raw: arg, kind: .long(name: String(body), value: nil)))
                }
            } else if arg.hasPrefix("-") && arg.count > 1 && !isNegativeNumber(arg) {
                tokens.append(Token(index: index, raw: arg, kind: .short(letters: String(arg.dropFirst()))))
            } else {
                tokens.append(Token(index: index, raw: arg, kind: .positional(arg)))
            }
        }
        return tokens
    }

    /// `-5`, `-0.25`, `-.5`, `-1e3`: digits after the dash, parseable as a number.
    static func isNegativeNumber(_ arg: String) -> Bool {
        let rest = arg.dropFirst()
        guard arg.hasPrefix("-"), let first = rest.first, first.isNumber || first == "." else { return false }
        return Double(rest) != nil
    }
}
