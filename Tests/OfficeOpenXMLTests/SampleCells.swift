import OfficeOpenXML
import SeededRandom

/// Random cell contents chosen to break a careless writer: Vietnamese text in
/// NFC and NFD, XML's special characters, control characters, Excel's own
/// `_xHHHH_` escape written literally, text that looks like a formula, and
/// exact decimals with trailing zeros.
enum SampleCells {
    static let words = ["Công an", "tỉnh", "Bình Dương", "huyện", "Dầu Tiếng", "xã", "Định Hiệp", "vũ khí",
                        "vật liệu nổ", "thu hồi", "Nguyễn Thị Ánh", "Trưởng phòng", "ĐƯỜNG", "Ủy ban", "quận",
                        "số", "Người ghi", "Thủ Dầu Một", "phường", "Phú Lợi", "khẩu", "đạn", "kíp nổ"]
    /// `Nguyễn` and `Ánh` decomposed (NFD): they must stay decomposed.
    static let decomposed = ["Nguye\u{0302}\u{0303}n", "A\u{0301}nh", "Đi\u{0323}nh"]
    static let hazards = ["&", "<", ">", "\"", "'", "&amp;", "<f>1+1</f>", "]]>", "\t", "\n", "\r\n", "\r",
                          "\u{0B}", "\u{01}", "\u{1F}", "\u{00}", "\u{08}", "_x0041_", "_x005F_", "_X00e9_", "_x12", "_x1_", "_x12_", "_X123_",
                          "_x000D_", "\u{FFFE}", "\u{FFFF}", "😀", "  ", "\u{7F}", "\u{85}", "\u{2028}", "𝔸"]
    static let leads = ["=", "+", "-", "@", "=SUM(A1:A2)", "=1+1", "+84 912 345 678", "-5", "@SUM(1)",
                        "=HYPERLINK(\"http://example.invalid\",\"x\")", " ", "\t", "=cmd|' /C calc'!A0"]

    static func text(_ rng: inout SplitMix64) -> String {
        var parts: [String] = []
        if rng.chance(0.3) { parts.append(rng.pick(leads)) }
        for _ in 0..<rng.int(0...6) {
            switch rng.below(10) {
            case 0..<5: parts.append(rng.pick(words))
            case 5: parts.append(rng.pick(decomposed))
            case 6: parts.append(String(rng.int(0...99_999)))
            default: parts.append(rng.pick(hazards))
            }
        }
        if rng.chance(0.1) { parts.append(" ") }
        return parts.joined(separator: rng.chance(0.7) ? " " : "")
    }

    /// `-?digits(.digits)?` with leading and trailing zeros kept.
    static func decimal(_ rng: inout SplitMix64) -> String {
        let whole = String(rng.int(0...99_999_999))
        let sign = rng.chance(0.2) ? "-" : ""
        guard rng.chance(0.7) else { return sign + whole }
        let fraction = (0..<rng.int(1...6)).map { _ in String(rng.int(0...9)) }.joined()
        return sign + whole + "." + fraction
    }

    static func cell(_ rng: inout SplitMix64) -> Cell {
        switch rng.below(10) {
        case 0..<4: return .text(text(&rng))
        case 4..<6: return .number(decimal(&rng), decimals: rng.chance(0.3) ? nil : rng.int(0...4))
        case 6..<8: return .integer(rng.int(-1_000_000...1_000_000_000))
        default: return .empty
        }
    }

    static func rows(_ rng: inout SplitMix64, count: Int, maxColumns: Int) -> [[Cell]] {
        let header = (0..<maxColumns).map { c in Cell.text(c % 5 == 0 ? rng.pick(leads) + "Cột \(c)" : "Cột \(c) " + rng.pick(words)) }
        return [header] + (1..<count).map { _ in (0..<rng.int(0...maxColumns)).map { _ in cell(&rng) } }
    }
}

/// Exact comparison: `String ==` treats NFC and NFD spellings as equal, which
/// would hide a writer that normalises text.
func sameScalars(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.unicodeScalars.elementsEqual(b.unicodeScalars)
}
