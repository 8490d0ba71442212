/// A matching key for Vietnamese names: lowercase, no diacritics, `đ` → `d`, single spaces.
///
/// People type unit names with or without accents, in NFC or NFD, with old ("Hoà") or new
/// ("Hòa") tone placement; folding all of them to "hoa" lets lookups find the unit.
/// Only for matching: never display or store the folded form.
/// "Thủ Dầu Một" → "thu dau mot", "Đất Cuốc" → "dat cuoc".
public func foldVietnamese(_ s: String) -> String {
    // Codes and most typed values are already folded: printable ASCII
    // without capitals or spaces comes out as it went in.
    if s.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !($0 >= 0x41 && $0 <= 0x5A) }) { return s }
    // Text of ASCII and Vietnamese letters alone (a label, a name): folded
    // without the general path's Unicode property look-ups.
    return foldLetters(s) ?? foldScalars(s)
}

/// ASCII and precomposed Vietnamese letters of either case folded as
/// `foldScalars` folds them: lowercase, the base letter, whitespace (tab
/// to carriage return, space) collapsed to single spaces and trimmed. Nil
/// for a text with any other scalar (a combining mark, another script).
func foldLetters(_ s: String) -> String? {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in s.unicodeScalars {
        let v = scalar.value
        let folded: Unicode.Scalar
        if v < 0x80 {
            if v == 0x20 || (0x09...0x0D).contains(v) {
                pendingSpace = !out.isEmpty
                continue
            }
            folded = (0x41...0x5A).contains(v) ? Unicode.Scalar(UInt8(v) + 0x20) : scalar
        } else if let base = LatinBase.vietnameseAnyCase[scalar] {
            folded = base
        } else {
            return nil
        }
        if pendingSpace {
            out.append(" ")
            pendingSpace = false
        }
        out.append(folded)
    }
    return String(out)
}

/// Any text folded scalar by scalar.
func foldScalars(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in s.lowercased().unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !out.isEmpty
            continue
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: continue
        default: break
        }
        if pendingSpace { out.append(" "); pendingSpace = false }
        out.append(LatinBase.letter(of: scalar))
    }
    return String(out)
}

/// The base letter of a precomposed Latin letter ("ệ" → "e", "đ" → "d"):
/// Vietnamese's own from a table, any other read from the scalar's Unicode
/// name ("LATIN SMALL LETTER E WITH CIRCUMFLEX AND DOT BELOW"): the
/// standard library has the names but no decomposition, and antq keeps
/// Foundation out of its start-up.
enum LatinBase {
    static func letter(of c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        guard (0xC0...0x24F).contains(v) || (0x1E00...0x1EFF).contains(v) else { return c }
        if let base = vietnamese[c] { return base }
        return byName(c)
    }

    /// Vietnamese's own lowercase letters with their base letter: the ones
    /// folded most (every built-in label is folded once per process, at
    /// start-up), found in a table instead of by name. The table is checked
    /// against the names and against Foundation's decomposition (`LatinBaseTests`).
    static let vietnamese: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"), ("o", "òóỏõọôồốổỗộơờớởỡợ"),
            ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"), ("d", "đ"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, letters) in groups { for l in letters.unicodeScalars { table[l] = base } }
        return table
    }()

    /// The same letters and their capitals, each with its lowercase base
    /// letter: what folding makes of them (`foldLetters`).
    static let vietnameseAnyCase: [Unicode.Scalar: Unicode.Scalar] = {
        var table = vietnamese
        for (l, base) in vietnamese {
            if let capital = l.properties.uppercaseMapping.unicodeScalars.first { table[capital] = base }
        }
        return table
    }()

    /// The base letter read from the scalar's Unicode name.
    static func byName(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard let name = c.properties.name else { return c }
        for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            // One letter, then " WITH …" (or " BAR" for Đ/đ, D WITH STROKE).
            guard let letter = rest.first, letter.isASCII, letter.isLetter else { return c }
            let tail = rest.dropFirst()
            guard tail.hasPrefix(" WITH ") || tail.hasPrefix(" BAR") else { return c }
            let lower = letter.lowercased().unicodeScalars.first!
            return prefix.hasPrefix("LATIN SMALL") ? lower : letter.unicodeScalars.first!
        }
        return c
    }
}
