/// "Did you mean" support: optimal-string-alignment Damerau–Levenshtein distance, so a
/// swapped pair of letters (`--fromat`) counts as one edit.
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = Array(repeating: Array(repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }

    /// The closest candidate within distance 2 (1 for words of up to 3 letters), or one that starts with `typed`
    /// (an abbreviation). Ties go to the earlier candidate (declaration order).
    static func closest(to typed: String, among candidates: [String]) -> String? {
        let needle = typed.lowercased()
        guard !needle.isEmpty else { return nil }
        var best: (name: String, score: Int)?
        for candidate in candidates {
            let lower = candidate.lowercased()
            let d = distance(needle, lower)
            let isPrefix = lower.hasPrefix(needle)
            // Short words tolerate one edit only, or "xml" would suggest "html".
            let limit = needle.count <= 3 ? 1 : 2
            guard d <= limit || isPrefix else { continue }
            // An abbreviation ranks just behind a one-letter typo.
            let score = isPrefix ? min(d, 2) : d
            if best == nil || score < best!.score { best = (candidate, score) }
        }
        return best?.name
    }
}
