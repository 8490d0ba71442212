/// One cell of a ``Sheet``.
///
/// There is deliberately no formula case, and text is never written as one:
/// a value that starts with `=`, `+`, `-` or `@` (a unit name, a note typed by a
/// clerk) stays text in every reader, so an exported file cannot run anything
/// when it is opened (CSV/formula injection).
public enum Cell: Sendable, Equatable {
    /// Text, kept exactly (every Unicode scalar, control characters, leading and
    /// trailing spaces). Stored in the shared strings table, as Excel does.
    /// At most 32,767 UTF-16 code units, Excel's limit for a cell.
    case text(String)
    /// A number given as exact decimal text, `-?digits(.digits)?` (`1.400`,
    /// `33500000`, `-91.09`), written into the file as that text and never
    /// converted through `Double` here. `decimals` shows it with grouping and
    /// that many places (`#,##0.000`: 1.4 shows as `1,400` or `1.400` by locale);
    /// nil leaves Excel's General format.
    ///
    /// - Note: Readers hold numbers as binary doubles: Excel keeps 15 significant
    ///   digits, so a longer number is shown rounded there, as it would be if
    ///   typed in.
    case number(String, decimals: Int? = nil)
    /// A whole number in General format (no grouping), e.g. a count or a year.
    /// Past 2^53 readers round it as they round any double.
    case integer(Int)
    /// Nothing: no `<c>` element is written.
    case empty
}

extension Cell {
    /// Excel's maximum characters (UTF-16 code units) in one cell.
    public static let maximumTextLength = 32_767
    /// Excel's maximum decimal places in a number format.
    public static let maximumDecimals = 30

    /// `-?[0-9]+(\.[0-9]+)?`, the one spelling every reader parses the same
    /// way (no exponent, no grouping, no locale separator, no `+`).
    static func isExactDecimal(_ text: String) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, sawPoint = false
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "-") where i == 0: continue
            case UInt8(ascii: "."):
                guard !sawPoint, digitsBefore > 0 else { return false }
                sawPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default: return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }

    /// The number of characters the cell shows, to size its column: text by its
    /// longest line, numbers as their format spells them.
    var displayLength: Int {
        switch self {
        case .empty: return 0
        case .integer(let n): return String(n).utf8.count
        case .text(let s):
            var longest = 0, current = 0
            for ch in s {
                if ch.isNewline { longest = max(longest, current); current = 0 } else { current += 1 }
            }
            return max(longest, current)
        case .number(let s, let decimals):
            guard let decimals else { return s.utf8.count }
            let negative = s.utf8.first == UInt8(ascii: "-")
            let integerDigits = s.utf8.prefix { $0 != UInt8(ascii: ".") }.count - (negative ? 1 : 0)
            let groups = max(integerDigits - 1, 0) / 3
            return (negative ? 1 : 0) + integerDigits + groups + (decimals > 0 ? decimals + 1 : 0)
        }
    }
}
