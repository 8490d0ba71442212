import SeededRandom
import Foundation
import Testing
import JSONCodec
import TextFormats
@testable import ANTQDomain

// The batch fast paths (FastDraftDecoder, the validator's caches) must never
// change what antq accepts, what it writes or what it says: these tests
// compare them with the general paths on many generated lines.

/// Values a generated line may carry in place of the canonical one: the
/// edge cases the fast path must decline (or read exactly as the general one).
private let oddStrings = [
    #""Nguyễn Văn Hùng""#, #""Nguyen Van Hung""#, #"" Lê Thị Hoa""#, #""Lê Thị Hoa ""#, #""Lê\u00a0""#, #""\u00a0Lê""#,
    #""Lê Thị Ho\u0061""#, "\"Le\u{0302} Thi\u{0323}\"", "\"Lê\u{00A0}\"", "\"Lê\u{200B}\"", "\"\u{3000}Lê\"", #""Lê\tHoa""#, #""""#, #""   ""#,
    #""x\/y""#, "\"\u{1F600} emoji\"", "\"Ω Ångström\"", "\"Lê\u{7F}\"", #""HS-2015-1""#, String(repeating: "a", count: 120).quoted,
    String(repeating: "ă", count: 150).quoted, String(repeating: "b", count: 201).quoted, "null", "42", "true", "{}", "[]",
]
private let oddInts = ["1", "3", "0", "-1", "1000000", "1000001", "1.0", "1e2", "2.5", "\"3\"", "null", "true", "9223372036854775808", "007"]
private let oddDates = [#""2018-05-14""#, #""2018-02-30""#, #""2018-2-03""#, #""2018-05-14 ""#, #""1944-12-31""#, #""2030-01-01""#,
                        #""0000-01-01""#, #""2018-05-1\u0034""#, "20180514", "null"]
private let oddUnits = [#""25747""#, #""25750""#, #""25894""#, #""99999""#, #""Tân Định""#, #""Phú Cường""#, #""phu cuong""#,
                        #"" 25747""#, "25747", #""25747\u0000""#, "null", #""718""#]
private let oddIDs = [#""0f8fad5b-d9cb-469f-a165-70867728950e""#, #""0F8FAD5B-D9CB-469F-A165-70867728950E""#, #""not-a-uuid""#, "null",
                      #""0f8fad5b-d9cb-469f-a165-70867728950\u0065""#]

private func pad(_ v: Int, _ width: Int) -> String {
    let t = String(v)
    return String(repeating: "0", count: max(0, width - t.count)) + t
}

private extension String {
    var quoted: String { "\"\(self)\"" }
}

/// One generated batch line: a canonical flow, camera or model event, or
/// one of its odd variants (reordered keys, escapes, odd values, unknown
/// or repeated keys, broken JSON).
private func generatedLine(_ g: inout SplitMix64) -> String {
    let type = g.pick(["tip.received", "case.solved", "arrest.made", "weapon.seized", "award.granted", "camera.installed",
                       "camera.removed", "model.established", "model.changed", "model.dissolved", "unit.changed", "event.retracted"])
    var data: [(String, String)]
    switch type {
    case "tip.received": data = [("count", "1"), ("channel", #""hotline""#), ("valuable", "true")]
    case "case.solved": data = [("count", "2"), ("category", #""drugs""#), ("case", #""HS-2018-1""#)]
    case "arrest.made": data = [("count", "3"), ("case", #""HS-2018-2""#), ("caught_in_act", "false")]
    case "weapon.seized": data = [("kind", #""firearm""#), ("quantity", "7")]
    case "award.granted": data = [("recipient_kind", #""individual""#), ("recipient", #""Bùi Minh An""#), ("issuer", #""province""#),
                                  ("form", #""certificate_of_merit""#), ("count", "1"), ("reason", #""Thành tích xuất sắc""#)]
    case "camera.installed", "camera.removed": data = [("count", "2")]
    case "model.established": data = [("model", #""25747-club-1""#), ("kind", #""crime_prevention_club""#), ("name", #""CLB Phòng chống tội phạm""#), ("members", "12")]
    case "model.changed": data = [("model", #""25747-club-1""#), ("members", "15")]
    case "model.dissolved": data = [("model", #""25747-club-1""#), ("reason", #""Giải thể""#)]
    case "unit.changed": data = [("name", #""Phú Cường Mới""#)]
    default: data = [("target", "3"), ("reason", #""Nhập trùng""#)]
    }
    var env: [(String, String)] = [("type", type.quoted), ("occurred", #""2018-05-14""#), ("unit", #""25747""#), ("by", #""Đặng Văn Lâm""#)]
    if g.chance(0.3) { env.append(("id", g.pick(oddIDs))) }
    if g.chance(0.2) { env.removeAll { $0.0 == "by" } }
    // Mutations, several per line at most.
    for _ in 0..<Int.random(in: 0...3, using: &g) {
        switch Int.random(in: 0..<16, using: &g) {
        case 0: if !data.isEmpty { data[Int.random(in: 0..<data.count, using: &g)].1 = g.pick(oddStrings) }
        case 1: if !data.isEmpty { data[Int.random(in: 0..<data.count, using: &g)].1 = g.pick(oddInts) }
        case 2: set(&env, "occurred", g.pick(oddDates))
        case 3: set(&env, "unit", g.pick(oddUnits))
        case 4: set(&env, "by", g.pick(oddStrings))
        case 5: data.shuffle(using: &g)
        case 6: env.shuffle(using: &g)
        case 7: if !data.isEmpty { data.remove(at: Int.random(in: 0..<data.count, using: &g)) }
        case 8: data.append(g.pick([("extra", "1"), ("count", "1"), ("case", "null"), ("caught_in_act", "null"), ("kind", #""shock_team""#),
                                    ("name", #""Tổ tự quản""#), ("members", "null"), ("reason", "null"), ("valuable", #""true""#)]))
        case 9: env.append(g.pick([("seq", "5"), ("more", "true"), ("recorded", #""2018-05-14T00:00:00.000000Z""#), ("note", "1"), ("type", #""tip.received""#)]))
        case 10: set(&env, "type", g.pick([#""tip.received ""#, #""Tip.Received""#, #""log.created""#, #""tip.receive\u0064""#, "7", #""figure.asserted""#]))
        case 11: if !data.isEmpty { let i = Int.random(in: 0..<data.count, using: &g); data[i].0 = data[i].0 == "count" ? "co\\u0075nt" : data[i].0 + " " }
        case 12: env.removeAll { $0.0 == g.pick(["occurred", "unit", "type", "by"]) }
        case 13: if let i = data.firstIndex(where: { $0.0 == "kind" }) { data[i].1 = g.pick([#""crime_prevention_club""#, #""rudimentary""#, #""nope""#]) }
        case 14: if let i = data.firstIndex(where: { $0.0 == "channel" || $0.0 == "category" || $0.0 == "issuer" }) { data[i].1 = g.pick([#""club""#, #""other""#, #"" club""#, #""commune""#]) }
        default: break
        }
    }
    let sep = g.chance(0.1) ? " " : ""
    let dataJSON = g.chance(0.03) ? g.pick(["null", "[]", "\"x\"", "{"]) : "{" + data.map { "\"\($0.0)\":\(sep)\($0.1)" }.joined(separator: ",") + "}"
    env.append(("data", dataJSON))
    if g.chance(0.3) { env.shuffle(using: &g) }
    var line = "{" + env.map { "\"\($0.0)\":\(sep)\($0.1)" }.joined(separator: "," + sep) + "}"
    if g.chance(0.03) { line += g.pick([" ", "x", "}", ",", "\t"]) }
    return line
}

/// Replaces the value of `key` (all occurrences), or adds it.
private func set(_ pairs: inout [(String, String)], _ key: String, _ value: String) {
    var found = false
    for i in pairs.indices where pairs[i].0 == key { pairs[i].1 = value; found = true }
    if !found { pairs.append((key, value)) }
}

private func bytesOf(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The general path's draft with its data decoded the way the validator
/// would, in the form the fast path returns (nil if the data is refused).
private func generalAsFast(_ d: EventDraft) -> EventDraft? {
    guard let data = try? DataDecoder.decode(d.type, d.fields, path: "data", mode: d.fieldMode) else { return nil }
    var out = d
    out.fields = []
    out.data = data
    // The fast path takes only names `RecorderName` leaves as they are, and says so.
    out.byIsCanonical = d.by != nil
    return out
}

@Test func theFastDraftDecoderReturnsNilOrExactlyTheGeneralPathsDraft() {
    var g = SplitMix64(seed: 0xD2AF7)
    var fast = FastDraftDecoder()
    var taken = 0, declined = 0, generalOK = 0
    for i in 0..<30_000 {
        let line = generatedLine(&g)
        let bytes = bytesOf(line)
        let f = bytes.withUnsafeBytes { fast.decode($0) }
        let general = bytes.withUnsafeBytes { b in Result { () throws(EventCodingError) in try DraftDecoder.decode(b) } }
        if case .success = general { generalOK += 1 }
        guard let f else { declined += 1; continue }
        taken += 1
        guard case .success(let d) = general else {
            Issue.record("line \(i): fast path accepted what the general path refuses: \(line)")
            continue
        }
        #expect(generalAsFast(d) == f, "line \(i): \(line)")
        // Through the one-call form too: the same draft.
        let viaDecode = bytes.withUnsafeBytes { b in try? DraftDecoder.decode(b, fast: &fast) }
        #expect(viaDecode == f, "line \(i)")
    }
    // The generator must exercise both outcomes in earnest.
    #expect(taken > 3_000, "fast path took only \(taken)")
    #expect(declined > 3_000, "fast path declined only \(declined)")
    #expect(generalOK > taken, "general accepted \(generalOK), fast \(taken)")
}

@Test func theFastDraftDecoderTakesTheCanonicalLinesABatchIsMadeOf() {
    var fast = FastDraftDecoder()
    let lines = [
        #"{"type":"tip.received","occurred":"2014-12-29","unit":"29069","by":"Bùi Thị Hồng","data":{"count":1,"channel":"club","valuable":false}}"#,
        #"{"type":"award.granted","occurred":"2014-12-23","unit":"29105","by":"Huỳnh Ngọc Lan","data":{"recipient_kind":"individual","recipient":"Bùi Minh An","issuer":"province","form":"medal","count":1}}"#,
        #"{"type":"model.changed","occurred":"2014-12-31","unit":"29057","by":"Nguyễn Văn Hùng","data":{"model":"29057-m1","members":56}}"#,
        #"{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","type":"camera.removed","occurred":"2014-12-22","unit":"29009","data":{"count":2}}"#,
    ]
    for line in lines {
        let bytes = bytesOf(line)
        let f = bytes.withUnsafeBytes { fast.decode($0) }
        #expect(f != nil, "\(line)")
        let general = bytes.withUnsafeBytes { b in try? DraftDecoder.decode(b) }
        #expect(general.flatMap(generalAsFast) == f)
    }
    // Declined: an escape, a name with a no-break space at its end, an amendment.
    for line in [#"{"type":"tip.received","occurred":"2014-12-29","unit":"29069","by":"B\u00f9i","data":{"count":1,"channel":"club","valuable":false}}"#,
                 "{\"type\":\"arrest.made\",\"occurred\":\"2014-12-29\",\"unit\":\"29069\",\"by\":\"Bùi\u{00A0}\",\"data\":{\"count\":1}}",
                 #"{"type":"event.retracted","occurred":"2015-01-01","data":{"target":135,"reason":"Nhập trùng"}}"#] {
        #expect(bytesOf(line).withUnsafeBytes { fast.decode($0) } == nil, "\(line)")
    }
}

/// A random sequence over a small province: flows on units before their
/// registration and after a merger, camera installs and removals that would
/// go negative (also dated before earlier ones), model events, unit events
/// and amendments that invalidate the caches mid-batch.
private func validatorLines(_ g: inout SplitMix64, count: Int) -> [String] {
    let units = ["25747", "25760", "25750", "25852", "25894", "718", "99999", "Tân Định", "Phú Cường"]
    var out: [String] = []
    func when(_ g: inout SplitMix64) -> String {
        let y = Int.random(in: 2013...2021, using: &g), m = Int.random(in: 1...12, using: &g), d = Int.random(in: 1...28, using: &g)
        return "\(y)-\(pad(m, 2))-\(pad(d, 2))"
    }
    for i in 0..<count {
        let u = g.pick(units), day = when(&g)
        let by = g.pick(["Đặng Văn Lâm", "Lê Thị Hoa", "Nguyễn Văn Hùng"])
        switch Int.random(in: 0..<20, using: &g) {
        case 0...5:
            out.append(#"{"type":"arrest.made","occurred":"\#(day)","unit":"\#(u)","by":"\#(by)","data":{"count":\#(Int.random(in: 1...4, using: &g))}}"#)
        case 6, 7:
            out.append(#"{"type":"tip.received","occurred":"\#(day)","unit":"\#(u)","data":{"channel":"hotline","valuable":true}}"#)
        case 8...10:
            out.append(#"{"type":"camera.installed","occurred":"\#(day)","unit":"\#(u)","by":"\#(by)","data":{"count":\#(Int.random(in: 1...3, using: &g))}}"#)
        case 11...13:
            out.append(#"{"type":"camera.removed","occurred":"\#(day)","unit":"\#(u)","by":"\#(by)","data":{"count":\#(Int.random(in: 1...4, using: &g))}}"#)
        case 14:
            out.append(#"{"type":"model.established","occurred":"\#(day)","unit":"\#(u)","data":{"model":"m\#(i % 7)","kind":"shock_team","name":"Đội xung kích","members":\#(Int.random(in: 0...20, using: &g))}}"#)
        case 15:
            out.append(#"{"type":"model.changed","occurred":"\#(day)","unit":"\#(u)","data":{"model":"m\#(Int.random(in: 0..<7, using: &g))","members":\#(Int.random(in: 0...20, using: &g))}}"#)
        case 16:
            out.append(#"{"type":"unit.merged","occurred":"\#(day)","unit":"\#(g.pick(["25750", "25852", "25760"]))","data":{"into":"\#(g.pick(["25747", "25894"]))"}}"#)
        case 17:
            out.append(#"{"type":"event.retracted","occurred":"2021-06-01","data":{"target":\#(Int.random(in: 2...(12 + i), using: &g)),"reason":"Nhập trùng"}}"#)
        case 18:
            out.append(#"{"type":"event.corrected","occurred":"2021-06-01","data":{"target":\#(Int.random(in: 2...(12 + i), using: &g)),"reason":"Sai","data":{"count":\#(Int.random(in: 1...5, using: &g))}}}"#)
        default:
            out.append(#"{"type":"unit.registered","occurred":"\#(day)","unit":"2\#(i)","data":{"name":"Xã \#(i)","kind":"commune","parent":"718"}}"#)
        }
    }
    return out
}

@Test func theValidatorsFastPathsAcceptAndRefuseExactlyAsTheGeneralChecks() {
    for seed in [UInt64(1), 2, 3, 4] {
        var g = SplitMix64(seed: seed)
        let lines = validatorLines(&g, count: 1_500)
        let b = binhDuong()
        var slow = b.validator(), quick = b.validator()
        slow.usesFastPaths = false
        var n = 0
        slow.newID = { n += 1; return "00000000-0000-4000-8000-" + pad(n, 12) }
        var m = 0
        quick.newID = { m += 1; return "00000000-0000-4000-8000-" + pad(m, 12) }
        var fastDecoder = FastDraftDecoder()
        var accepted = 0, refused = 0
        for (i, line) in lines.enumerated() {
            let bytes = bytesOf(line)
            let general = bytes.withUnsafeBytes { b in Result { () throws(EventCodingError) in try DraftDecoder.decode(b) } }
            let viaFast = bytes.withUnsafeBytes { b in Result { () throws(EventCodingError) in try DraftDecoder.decode(b, fast: &fastDecoder) } }
            guard case .success(let d1) = general, case .success(let d2) = viaFast else {
                Issue.record("seed \(seed) line \(i): not a draft: \(line)")
                continue
            }
            let r1 = Result { () throws(EventCodingError) in try slow.accept(d1) }
            let r2 = Result { () throws(EventCodingError) in try quick.accept(d2) }
            switch (r1, r2) {
            case (.success(let e1), .success(let e2)):
                accepted += 1
                #expect(EventEncoder.encode(e1) == EventEncoder.encode(e2), "seed \(seed) line \(i): \(line)")
            case (.failure(let e1), .failure(let e2)):
                refused += 1
                #expect(e1.field == e2.field && e1.problem == e2.problem && e1.fix == e2.fix, "seed \(seed) line \(i): \(e1) vs \(e2)")
            default:
                Issue.record("seed \(seed) line \(i): \(r1) vs \(r2) for \(line)")
            }
        }
        #expect(slow.ledger == quick.ledger, "seed \(seed)")
        #expect(accepted > 300 && refused > 300, "seed \(seed): \(accepted) accepted, \(refused) refused")
    }
}

@Test func theDirectDataWriterWritesWhatTheWriterFormWritesForEveryFrequentShape() {
    let texts = ["HS-2018-1", "Bùi Minh An", "a \"quoted\" name", "back\\slash", "tab\there", "ctl\u{1}x", "Ω"]
    var datas: [EventData] = []
    for t in texts {
        for n in [1, 9, 10, 99, 1_000_000, 12_345_678] {
            datas += [
                .tipReceived(count: n, channel: .in_person, valuable: n % 2 == 0),
                .caseSolved(count: n, category: .high_tech, caseRef: nil), .caseSolved(count: n, category: .drugs, caseRef: t),
                .arrestMade(count: n, caseRef: nil, caughtInAct: nil), .arrestMade(count: n, caseRef: t, caughtInAct: true),
                .arrestMade(count: n, caseRef: nil, caughtInAct: false),
                .weaponSeized(kind: .support_tool, quantity: n, caseRef: nil), .weaponSeized(kind: .firearm, quantity: n, caseRef: t),
                .awardGranted(Award(recipientKind: .collective, recipient: t, issuer: .provincial_police, form: .emulation_flag, count: n, reason: nil)),
                .awardGranted(Award(recipientKind: .individual, recipient: t, issuer: .ministry, form: .badge, count: n, reason: t)),
                .cameraInstalled(count: n), .cameraRemoved(count: n),
                .modelEstablished(model: "m-1", kind: .landlord_club, name: t, members: n - 1),
                .modelChanged(model: "m.2", kind: nil, name: nil, members: n), .modelChanged(model: "m_3", kind: .shock_team, name: t, members: nil),
                .modelDissolved(model: "m-4", reason: nil), .modelDissolved(model: "m-4", reason: t),
            ]
        }
    }
    let g = RandomLog.make(seed: 5, events: 20)
    var e = g.events.last!
    for d in datas {
        e.data = d
        #expect(EventEncoder.encode(e) == EventEncoder.encodeWithWriter(e), "\(d)")
    }
}
