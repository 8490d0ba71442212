import ANTQCodec
import ANTQTestSupport
import JSONCodec
import SeededRandom
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// The writer never writes what the reader refuses: random events through
/// every way an event enters — a JSON batch line (fast path and general),
/// flags, a spreadsheet row, the recorder's name from `--by`/`ANTQ_USER`/the
/// OS user, a correction, a retraction — with random strings (control,
/// bidirectional, zero-width, non-NFC, astral, spaces of every kind) in every
/// text field. Whatever antq acknowledges, it reads back, and `verify` stays
/// clean without a warning.
@Suite struct WriterReaderAgreementTests {
    /// Pieces a hostile or careless text is made of.
    static let pieces: [String] = [
        "Nguyễn", "Văn", "An", " ", "  ", "\t", "\r", "\n", "\r\n", "\u{1B}", "\u{7F}", "\u{0}", "\u{85}",
        "\u{202E}", "\u{200F}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00A0}", "\u{3000}", "\u{2003}",
        "e\u{0301}", "Ho\u{0300}a", "A\u{030A}", "\u{1EC7}", "😀", "𝔸", "👨‍👩‍👧", "\"", "\\", "'", "<script>", "=1+1", "ß", "İ",
    ]

    /// The pieces without a control character or text-direction mark (a text antq should accept, however odd).
    static let printable = pieces.filter { !$0.unicodeScalars.contains(where: TextRule.isControl) }

    static func text(_ g: inout SplitMix64) -> String {
        let n = 1 + Int(g.next() % 10)
        // Three texts in four have no control character, so most events get through.
        let from = g.next() % 4 == 0 ? pieces : printable
        var s = ""
        for _ in 0..<n { s += from[Int(g.next() % UInt64(from.count))] }
        // Now and then a very long one (past every limit, in bytes or in characters).
        if g.next() % 15 == 0 { s += String(repeating: ["a", "ệ", "😀"][Int(g.next() % 3)], count: 150 + Int(g.next() % 300)) }
        return s
    }

    static func json(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func field(_ key: String, _ value: String) -> InputField { InputField(key, .string(value)) }

    /// A random event as a batch line, and the same event as flags (or spreadsheet cells).
    static func event(_ g: inout SplitMix64, unit: String) -> (json: String, type: EventType, flags: [InputField], by: String) {
        let by = text(&g)
        let a = text(&g), b = text(&g)
        switch g.next() % 5 {
        case 0:
            return (#"{"type":"case.solved","occurred":"2018-03-01","unit":"\#(unit)","by":\#(json(by)),"data":{"count":1,"category":"drugs","case":\#(json(a))}}"#,
                    .caseSolved, [field("category", "drugs"), field("case", a)], by)
        case 1:
            return (#"{"type":"award.granted","occurred":"2018-03-01","unit":"\#(unit)","by":\#(json(by)),"data":{"recipient_kind":"individual","recipient":\#(json(a)),"issuer":"province","form":"medal","reason":\#(json(b))}}"#,
                    .awardGranted, [field("recipient_kind", "individual"), field("recipient", a), field("issuer", "province"),
                                    field("form", "medal"), field("reason", b)], by)
        case 2:
            let id = "m\(g.next() % 1_000_000)"
            return (#"{"type":"model.established","occurred":"2018-03-01","unit":"\#(unit)","by":\#(json(by)),"data":{"model":"\#(id)","kind":"shock_team","name":\#(json(a)),"members":3}}"#,
                    .modelEstablished, [field("model", id), field("kind", "shock_team"), field("name", a), field("members", "3")], by)
        case 3:
            // A record of the declared indicator, its note random.
            return (#"{"type":"indicator.recorded","occurred":"2018-03-01","unit":"\#(unit)","by":\#(json(by)),"data":{"indicator":"fines.collected","value":12.5,"note":\#(json(a))}}"#,
                    .indicatorRecorded, [field("indicator", "fines.collected"), field("value", "12,5"), field("note", a)], by)
        default:
            let code = "X\(g.next() % 100_000_000)"
            return (#"{"type":"unit.registered","occurred":"2018-03-01","unit":"\#(code)","by":\#(json(by)),"data":{"name":\#(json(a)),"kind":"commune","parent":"\#(unit)"}}"#,
                    .unitRegistered, [field("name", a), field("kind", "commune"), field("parent", unit)], by)
        }
    }

    /// Every event acknowledged is read back, and the log verifies without a problem or a warning.
    static func expectReadableAndClean(_ t: TestStore, _ what: String) throws {
        let r = try t.store.replay(useSnapshots: false, writeSnapshot: false)
        #expect(r.fingerprint.seq == t.events().count, "\(what)")
        let v = try t.store.verify()
        #expect(v.problems.isEmpty, "\(what): \(v.problems)")
        #expect(v.warnings.isEmpty, "\(what): \(v.warnings)")
        try t.store.forEachEvent { e, line in
            // What was stored re-encodes to the same bytes: nothing was lost in reading.
            let stored = try LineReader.read(Array(line))
            #expect(stored.event == e && stored.notes.isEmpty, "\(what): #\(e.seq)")
            #expect(LineWriter.encode(stored) == Array(line), "\(what): #\(e.seq)")
            return true
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomTextThroughEveryEntryPathIsReadBackAndVerifiesClean(seed: UInt64) throws {
        let t = TestStore()
        defer { t.cleanup() }
        try t.append([
            #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"indicator.defined","occurred":"2000-01-01","unit":"74","data":{"indicator":"fines.collected","label":{"vi":"Tiền phạt","en":"Fines"},"measure":"quantity","unit_of_measure":"triệu đồng","decimals":1,"aggregate":"flow"}}"#,
        ])
        var g = SplitMix64(seed: seed)
        var accepted = 0, refused = 0
        var acceptedBy: Set<Int> = []
        for i in 0..<150 {
            let e = Self.event(&g, unit: "74")
            let path = i % 5
            let input: Result<EventDraft, EventCodingError>
            var defaultBy = "Cán bộ nhập liệu"
            switch path {
            case 0:
                // A batch line: the fast path first, the general path when it declines.
                input = Array(e.json.utf8).withUnsafeBytes { b in
                    var fast: FastDraftReader? = FastDraftReader()
                    return BatchLines.draft(b, maxLineLength: BatchReader.maxLineLength, fast: &fast)
                        ?? .failure(EventCodingError(field: nil, problem: "blank"))
                }
            case 1:
                // Flags: `antq append TYPE --FIELD VALUE --by NAME`.
                input = .success(EventDraft(type: e.type, occurred: day("2018-03-01"), unit: "74", by: e.by, fields: e.flags,
                                            fieldMode: .typed(vietnameseNumbers: true)))
            case 2:
                // No --by: the name comes from ANTQ_USER or the OS user.
                defaultBy = e.by
                input = .success(EventDraft(type: e.type, occurred: day("2018-03-01"), unit: "74", fields: e.flags,
                                            fieldMode: .typed(vietnameseNumbers: true)))
            case 3:
                // A spreadsheet row, its cells through the CSV writer and reader.
                let header = ["Ngày", "Đơn vị"] + e.flags.map(\.key) + ["Người nhập"]
                let cells = ["01/03/2018", "74"] + e.flags.map { f -> String in if case .string(let s) = f.value { return s } else { return "" } } + [e.by]
                let csv = CSVWriter(separator: .semicolon).write([header, cells])
                let table: CSVTable
                let columns: ImportColumns
                do {
                    table = try CSVTable(Array(csv.utf8))
                    columns = try ImportColumns.resolve(header: table.header, type: e.type)
                } catch {
                    // A spreadsheet holding a NUL byte is refused as a whole: nothing enters.
                    refused += 1
                    continue
                }
                input = SpreadsheetImporter.drafts(table, columns: columns).first?.draft ?? .failure(EventCodingError(field: nil, problem: "no row"))
            default:
                // A correction or retraction of an earlier event, its reason random.
                let target = t.events().last { $0.type == .caseSolved || $0.type == .awardGranted || $0.type == .indicatorRecorded }
                guard let target else { continue }
                let reason = Self.field("reason", Self.text(&g))
                let correct = g.next() % 2 == 1
                let data: [InputField] = target.type == .indicatorRecorded ? [Self.field("value", "7,5")] : [Self.field("count", "2")]
                let fields = [Self.field("target", "\(target.seq)"), reason] + (correct ? [InputField("data", .object(data))] : [])
                input = .success(EventDraft(type: correct ? .eventCorrected : .eventRetracted, occurred: nil, unit: nil, by: e.by,
                                            fields: fields, fieldMode: .typed(vietnameseNumbers: true)))
            }
            do {
                _ = try t.store.append([DraftInput(line: 1, draft: input)], file: "-", defaultBy: defaultBy)
                accepted += 1
                acceptedBy.insert(path)
            } catch {
                guard case .rejected = error else { Issue.record("path \(path): \(error)"); continue }
                refused += 1
            }
        }
        #expect(accepted > 40 && refused > 10, "both outcomes are exercised: \(accepted) accepted, \(refused) refused")
        #expect(acceptedBy == [0, 1, 2, 3, 4], "every entry path got an event in: \(acceptedBy.sorted())")
        try Self.expectReadableAndClean(t, "seed \(seed)")
    }
}
