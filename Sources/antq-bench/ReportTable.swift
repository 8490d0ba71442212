import TextFormats

/// One line of the benchmark's report: a measurement of antq, the peer it
/// is compared with (if any), and the target it must meet.
struct ReportRow {
    enum Goal {
        /// antq's median at most this many seconds.
        case atMostSeconds(Double)
        /// antq's median ÷ the peer's median at most this.
        case ratioAtMost(Double)
        /// `events` ÷ antq's median at least this many events per second.
        case eventsPerSecondAtLeast(Double, events: Int)
        /// antq's peak RSS at most this many bytes.
        case peakRSSAtMost(Int)
        /// antq's peak RSS within this fraction of the peer's.
        case peakRSSWithin(Double)
        /// Shown for information only.
        case none
    }

    var label: String
    var antq: Samples?
    var peerName: String?
    var peer: Samples?
    var goal: Goal
    /// Why a row has no numbers (a missing tool, a failure, an option not given).
    var skipped: String?
    var note: String?

    var ratio: Double? {
        guard let a = antq, let p = peer, !a.isEmpty, !p.isEmpty, p.median > 0 else { return nil }
        return a.median / p.median
    }

    var goalText: String {
        switch goal {
        case .atMostSeconds(let s): return "≤ " + ReportTable.duration(s)
        case .ratioAtMost(let r): return r == 1 ? "no slower than peer" : r > 1 ? "÷ ≤ \(ReportTable.plain(r))" : "≥ \(ReportTable.plain(1 / r))× faster"
        case .eventsPerSecondAtLeast(let r, _): return "≥ \(ReportTable.count(Int(r))) ev/s"
        case .peakRSSAtMost(let b): return "RSS ≤ \(ReportTable.megabytes(b))"
        case .peakRSSWithin(let f): return "RSS within \(Int(f * 100))%"
        case .none: return "(info)"
        }
    }

    /// nil when there is nothing to judge (information rows, skipped rows).
    var met: Bool? {
        guard skipped == nil, let a = antq, !a.isEmpty else { return nil }
        switch goal {
        case .atMostSeconds(let s): return a.median <= s
        case .ratioAtMost(let r): return ratio.map { $0 <= r }
        case .eventsPerSecondAtLeast(let r, let n): return Double(n) / a.median >= r
        case .peakRSSAtMost(let b): return a.maxRSS <= b
        case .peakRSSWithin(let f):
            guard let p = peer, p.maxRSS > 0 else { return nil }
            return Double(a.maxRSS) <= Double(p.maxRSS) * (1 + f)
        case .none: return nil
        }
    }

    /// What was achieved, in the goal's own unit.
    var achieved: String {
        guard skipped == nil, let a = antq, !a.isEmpty else { return "" }
        switch goal {
        case .eventsPerSecondAtLeast(_, let n): return "\(ReportTable.count(Int(Double(n) / a.median))) ev/s"
        case .ratioAtMost:
            guard let r = ratio else { return "" }
            return r < 1 ? "\(ReportTable.plain(1 / r))× faster" : "\(ReportTable.plain(r))× slower"
        case .peakRSSWithin:
            guard let p = peer, p.maxRSS > 0 else { return "" }
            return String(format1: (Double(a.maxRSS) / Double(p.maxRSS) - 1) * 100) + "%"
        default: return ""
        }
    }
}

/// Renders the rows as a Markdown table (readable in a terminal, pasted
/// as-is into the Performance article, ANTQStore.docc/Performance.md).
enum ReportTable {
    static let header = ["Target", "antq median (min–max)", "antq peak RSS", "Peer", "Peer median (min–max)", "antq ÷ peer", "Goal", "Result"]

    static func render(_ rows: [ReportRow]) -> String {
        var cells: [[String]] = []
        for r in rows {
            if let skipped = r.skipped {
                cells.append([r.label, "—", "—", r.peerName ?? "", "—", "—", r.goalText, "skipped: \(skipped)"])
                continue
            }
            let antq = r.antq.map(spread) ?? "—"
            let rss = r.antq.map { megabytes($0.maxRSS) } ?? "—"
            let peer = r.peer.map(spread) ?? (r.peerName == nil ? "" : "—")
            let ratio = r.ratio.map(plain) ?? ""
            var result = r.met.map { $0 ? "met" : "NOT MET" } ?? ""
            if !r.achieved.isEmpty { result += result.isEmpty ? r.achieved : " (\(r.achieved))" }
            if let n = r.note { result += result.isEmpty ? n : "; \(n)" }
            cells.append([r.label, antq, rss, r.peerName ?? "", peer, ratio, r.goalText, result])
        }
        var widths = header.map(displayWidth)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
        func line(_ row: [String]) -> String {
            "| " + row.enumerated().map { pad($1, to: widths[$0], alignRight: false) }.joined(separator: " | ") + " |"
        }
        var out = line(header) + "\n"
        out += "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    static func spread(_ s: Samples) -> String {
        s.count == 1 ? duration(s.median) : "\(duration(s.median)) (\(duration(s.min))–\(duration(s.max)))"
    }

    /// Seconds with a unit that keeps three significant digits readable.
    static func duration(_ s: Double) -> String {
        if s.isNaN { return "—" }
        if s < 0.001 { return String(format1: s * 1e6) + " µs" }
        if s < 1 { return String(format1: s * 1000) + " ms" }
        return String(format2: s) + " s"
    }

    static func megabytes(_ b: Int) -> String { b == 0 ? "—" : String(format1: Double(b) / 1_048_576) + " MB" }

    static func plain(_ x: Double) -> String { x >= 100 ? String(Int(x.rounded())) : x >= 10 ? String(format1: x) : String(format2: x) }

    static func count(_ n: Int) -> String { NumberStyle.english.format(n) }
}

extension String {
    /// Fixed decimals in English style, without Foundation's `String(format:)`.
    init(format1 x: Double) { self = NumberStyle.english.format(x, fractionDigits: 1) }
    init(format2 x: Double) { self = NumberStyle.english.format(x, fractionDigits: 2) }
}
