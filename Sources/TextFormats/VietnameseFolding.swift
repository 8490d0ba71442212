import Foundation

/// A matching key for Vietnamese names: lowercase, no diacritics, `đ` → `d`, single spaces.
///
/// People type unit names with or without accents, in NFC or NFD, with old ("Hoà") or new
/// ("Hòa") tone placement; folding all of them to "hoa" lets lookups find the unit.
/// Only for matching: never display or store the folded form.
/// "Thủ Dầu Một" → "thu dau mot", "Đất Cuốc" → "dat cuoc".
public func foldVietnamese(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in s.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !out.isEmpty
            continue
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: continue
        default: break
        }
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(scalar == "\u{0111}" || scalar == "\u{0110}" ? "d" : scalar)
    }
    return String(out)
}
