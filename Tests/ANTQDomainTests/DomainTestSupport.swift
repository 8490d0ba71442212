import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Decimals
import Hashing
import Testing
import TextFormats

// Helpers that use `#expect` stay here (a regular target does not import Testing).

/// Every problem of a refusal as one line each, for failure messages.
func describe(_ e: EventProblems) -> String {
    e.problems.map { "\($0.field ?? "-"): \($0.message(vietnamese: false))" }.joined(separator: "\n")
}

/// Expects `json` to be refused with a problem naming `field` whose English
/// message (problem and fix, `{field}` filled in) contains `words`. Nothing is appended.
func expectRefused(_ b: LogBuilder, _ json: String, field: String?, _ words: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    guard let e = b.rejection(json) else {
        Issue.record("accepted: \(json)", sourceLocation: sourceLocation)
        return
    }
    let named = e.problems.filter { $0.field == field }
    #expect(!named.isEmpty, "no problem names \(field ?? "nil"):\n\(describe(e))", sourceLocation: sourceLocation)
    #expect(named.contains { $0.message(vietnamese: false).contains(words) }, "no problem of \(field ?? "nil") says \"\(words)\":\n\(describe(e))",
            sourceLocation: sourceLocation)
    // Every refusal is worded for a Vietnamese clerk too.
    for p in e.problems {
        #expect(!p.problem.vi.isEmpty && !p.message(vietnamese: true).contains("{field}"), "\(p)", sourceLocation: sourceLocation)
    }
}

/// Expects `json` to be accepted (nothing is appended).
func expectAccepted(_ b: LogBuilder, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let e = b.rejection(json)
    #expect(e == nil, "\(e.map(describe) ?? "")", sourceLocation: sourceLocation)
}

/// The query for reporting year `year` of a ledger.
func query(_ ledger: Ledger, year: Int, periodStart: MonthDay = .january1) -> FigureQuery {
    let p = Period(year: year, start: periodStart)
    return FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, periodStart: periodStart)
}

/// A figure's value as an exact decimal from a whole number, for comparisons.
func dec(_ n: Int) -> ExactDecimal { ExactDecimal(n) }

/// An exact decimal written as JSON writes it ("1.4", "1.400").
func dec(_ s: String) -> ExactDecimal { ExactDecimal(json: s)! }

/// A stored line read back, as a replay reads it.
func readBack(_ e: Event, prev: SHA256Digest = .zero, more: Bool = false) throws -> StoredLine {
    try LineReader.read(LineWriter.encode(e, prev: prev, more: more))
}

/// The ledger after a snapshot of it is written and loaded, section by section.
func snapshotRoundTrip(_ ledger: Ledger) throws -> Ledger {
    var out = Ledger()
    for job in SnapshotCodec.pieceEncoders(ledger) {
        var piece = Ledger()
        let bytes = job.encode()
        try bytes.withUnsafeBytes { try SnapshotCodec.decode($0, into: &piece) }
        out.absorb(piece, section: job.section)
    }
    return out
}
