/// Terminal columns a string occupies, so report tables line up whatever the text is.
///
/// `String.count` counts grapheme clusters, which is right for Vietnamese in NFC and NFD
/// alike ("Thủ Dầu Một" is 11 either way), but wrong for CJK and emoji, which terminals
/// draw two columns wide. Each grapheme cluster counts as:
/// - 0 if it is only combining marks, format characters (ZWJ, ZWSP) or controls;
/// - 2 if its base is East Asian Wide/Fullwidth (compact table of the main ranges),
///   has emoji presentation, or asks for it with U+FE0F;
/// - 1 otherwise.
public func displayWidth(_ s: String) -> Int {
    // Printable ASCII (codes, numbers, most table cells): one column a byte.
    // Checked on the string's own bytes where it has them in one piece (an
    // audit measures a hundred thousand cells).
    let ascii = s.utf8.withContiguousStorageIfAvailable { b in
        b.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    } ?? s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    if ascii { return s.utf8.count }
    // Vietnamese and other Latin text: a letter is one column, a combining
    // mark none. Anything else goes through the grapheme-cluster rules.
    var latin = 0
    var simple = true
    for u in s.unicodeScalars {
        let v = u.value
        if (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) || (v >= 0x1E00 && v < 0x1F00) { latin += 1 }
        else if v >= 0x300 && v < 0x370 { continue }
        else { simple = false; break }
    }
    if simple { return latin }
    var width = 0
    for cluster in s {
        width += clusterWidth(cluster)
    }
    return width
}

/// `s` padded with spaces to `width` columns (on the left when `alignRight`); never truncated.
public func pad(_ s: String, to width: Int, alignRight: Bool) -> String {
    let missing = width - displayWidth(s)
    guard missing > 0 else { return s }
    let spaces = String(repeating: " ", count: missing)
    return alignRight ? spaces + s : s + spaces
}

func clusterWidth(_ cluster: Character) -> Int {
    var base: Unicode.Scalar?
    for scalar in cluster.unicodeScalars {
        if scalar == "\u{FE0F}" { return base == nil ? 0 : 2 }
        if base == nil && !isZeroWidth(scalar) { base = scalar }
    }
    guard let base else { return 0 }
    if base.properties.isEmojiPresentation || isEastAsianWide(base.value) { return 2 }
    return 1
}

func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: return (0x1160...0x11FF).contains(scalar.value)   // Hangul medial vowels, final consonants
    }
}

/// Main East Asian Wide (W) and Fullwidth (F) ranges, sorted; emoji are handled by
/// `isEmojiPresentation` instead.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,   // Hangul Jamo initial consonants
    0x2329...0x232A,   // angle brackets
    0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
    0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
    0x3400...0x4DBF,   // CJK extension A
    0x4E00...0x9FFF,   // CJK unified ideographs
    0xA000...0xA4CF,   // Yi
    0xA960...0xA97F,   // Hangul Jamo extended A
    0xAC00...0xD7A3,   // Hangul syllables
    0xF900...0xFAFF,   // CJK compatibility ideographs
    0xFE10...0xFE19,   // vertical forms
    0xFE30...0xFE6F,   // CJK compatibility forms, small forms
    0xFF00...0xFF60,   // fullwidth forms
    0xFFE0...0xFFE6,   // fullwidth signs
    0x16FE0...0x16FE4, // ideographic symbols
    0x17000...0x18CFF, // Tangut
    0x1B000...0x1B2FF, // Kana supplement, Nushu
    0x1F200...0x1F2FF, // enclosed ideographic supplement
    0x20000...0x2FFFD, // CJK extensions B–F
    0x30000...0x3FFFD, // CJK extension G and later
]

func isEastAsianWide(_ value: UInt32) -> Bool {
    guard value >= 0x1100 else { return false }
    var low = 0, high = wideRanges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        if value < wideRanges[mid].lowerBound { high = mid - 1 }
        else if value > wideRanges[mid].upperBound { low = mid + 1 }
        else { return true }
    }
    return false
}
