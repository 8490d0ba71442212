import Foundation
import Testing
import Hashing
import JSONCodec
import TextFormats
@testable import ANTQDomain

private let instant = UTCInstant(rfc3339: "2019-03-28T02:30:00.123456Z")!

/// One event of every type, with optional fields both present and absent.
func sampleEvents() -> [Event] {
    let tip = Fact(occurred: day("2018-05-14"), unit: "25747", data: .tipReceived(count: 2, channel: .hotline, valuable: true))
    let fixed = Fact(occurred: day("2019-01-02"), unit: "25760", data: .tipReceived(count: 3, channel: .club, valuable: false))
    let data: [(String?, EventData)] = [
        (nil, .logCreated(LogCreated(logID: "bd-2018", periodStart: MonthDay(month: 12, day: 15)))),
        (nil, .logCreated(LogCreated(logID: "bd-2018", keyID: "0123456789abcdef"))),
        ("74", .unitRegistered(name: "Bình Dương", kind: .province, parent: nil)),
        ("718", .unitRegistered(name: "Thủ Dầu Một", kind: .city, parent: "74")),
        ("724", .unitChanged(name: nil, kind: .city, parent: nil)),
        ("724", .unitChanged(name: "Dĩ An", kind: nil, parent: .some(nil))),
        ("25912", .unitChanged(name: nil, kind: nil, parent: .some("723"))),
        ("25750", .unitMerged(into: "25747")),
        ("25747", .tipReceived(count: 1, channel: .online, valuable: false)),
        ("25747", .caseSolved(count: 4, category: .drugs, caseRef: nil)),
        ("25747", .caseSolved(count: 1, category: .high_tech, caseRef: "VA-2018/17")),
        ("25747", .arrestMade(count: 3, caseRef: nil, caughtInAct: nil)),
        ("25747", .arrestMade(count: 1, caseRef: "VA-1", caughtInAct: true)),
        ("25747", .weaponSeized(kind: .support_tool, quantity: 12, caseRef: nil)),
        ("25747", .awardGranted(Award(recipientKind: .individual, recipient: "Trần Thị Hoà", issuer: .provincial_police, form: .certificate_of_merit))),
        ("25747", .awardGranted(Award(recipientKind: .collective, recipient: "CLB \"An ninh\" \\ Phú Cường", issuer: .ministry, form: .emulation_flag, count: 2, reason: "thành tích xuất sắc"))),
        ("25747", .modelEstablished(model: "25747-club-1", kind: .crime_prevention_club, name: "CLB phòng chống tội phạm", members: 0)),
        ("25747", .modelChanged(model: "25747-club-1", kind: nil, name: nil, members: 25)),
        ("25747", .modelChanged(model: "25747-club-1", kind: .shock_team, name: "Đội xung kích", members: nil)),
        ("25747", .modelDissolved(model: "25747-club-1", reason: nil)),
        ("25747", .modelDissolved(model: "25747-club-1", reason: "sáp nhập")),
        ("25747", .cameraInstalled(count: 40)),
        ("25747", .cameraRemoved(count: 2)),
        ("25760", .corrected(Correction(target: 12, reason: "nhập sai", replacement: fixed, was: tip))),
        ("25747", .retracted(Retraction(target: 12, reason: "ghi trùng", was: tip))),
        ("74", .figureAsserted(metric: "arrests", year: 2018, value: 1234, note: nil)),
        ("74", .figureAsserted(metric: "models.crime_prevention_club", year: 2018, value: 91, note: "báo cáo 28/3/2019")),
    ]
    return data.enumerated().map { i, d in
        Event(seq: i + 1, id: "0000000\(i % 10)-aaaa-4bbb-8ccc-dddddddddddd", occurred: day("2018-05-14"), recorded: instant,
              unit: d.0, by: "Nguyễn Văn An", data: d.1, prev: SHA256.hash(Array("line \(i)".utf8)), more: i % 3 == 1)
    }
}

private func decode(_ s: String) -> Result<Event, EventCodingError> {
    Result { () throws(EventCodingError) in try EventDecoder.decode(Array(s.utf8)) }
}

@Test func everyEventTypeSurvivesEncodeAndDecode() throws {
    let events = sampleEvents()
    #expect(Set(events.map(\.type)) == Set(EventType.allCases))
    for e in events {
        let line = EventEncoder.encode(e)
        let back = try EventDecoder.decode(line)
        #expect(back == e, "\(String(decoding: line, as: UTF8.self))")
        #expect(EventEncoder.encode(back) == line)
    }
}

@Test func theEnvelopeIsWrittenInTheDocumentedOrder() {
    let e = sampleEvents()[8]
    let text = String(decoding: EventEncoder.encode(e), as: UTF8.self)
    let keys = ["\"seq\":", "\"id\":", "\"type\":", "\"occurred\":", "\"recorded\":", "\"unit\":", "\"by\":", "\"data\":", "\"prev\":"]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())
    #expect(!text.contains(" ") || text.contains("\"by\":\"Nguyễn Văn An\""))
    #expect(text.hasPrefix("{\"seq\":9,"))
}

/// A valid stored line to damage in the tests below.
private let good = #"{"seq":3,"id":"01234567-89ab-4cde-8f01-23456789abcd","type":"arrest.made","occurred":"2018-05-14","recorded":"2019-03-28T02:30:00.123456Z","unit":"25747","by":"An","data":{"count":2},"prev":"\#(String(repeating: "0", count: 64))"}"#

@Test func theDecoderAcceptsTheCanonicalLine() {
    #expect((try? decode(good).get())?.data == .arrestMade(count: 2, caseRef: nil, caughtInAct: nil))
}

/// antq once stored recorders' names it did not check (a carriage return
/// from a name file saved on Windows). A chained line antq wrote is never
/// refused: such a name is read as written, with a note `verify` shows.
@Test func aStoredRecordersNameAntqWouldNotWriteNowIsReadAsWrittenWithANote() throws {
    for (by, words) in [("Ho\u{0300}a", "NFC"), (" An", "white space"), ("An\r", "line break"), ("A\rn", "control character"), ("A\tn", "control character")] {
        let line = good.replacingOccurrences(of: #""by":"An""#, with: "\"by\":" + jsonString(by))
        var d = EventDecoder()
        let checked = try Array(line.utf8).withUnsafeBytes { try d.check($0) }
        #expect(checked.by.unicodeScalars.elementsEqual(by.unicodeScalars), "read as written: \(line)")
        #expect(checked.textNote?.contains(words) == true, "\(checked.textNote ?? "no note") for \(line)")
    }
    // An empty name is not one antq ever wrote.
    #expect(throws: EventCodingError.self) { try decode(good.replacingOccurrences(of: #""by":"An""#, with: #""by":"""#)).get() }
}

private func jsonString(_ s: String) -> String {
    var w = JSONWriter()
    w.string(s)
    return String(decoding: w.bytes, as: UTF8.self)
}

@Test func theDecoderRefusesNonCanonicalStoredLines() {
    let cases: [(String, String, String)] = [
        (good.replacingOccurrences(of: "01234567-89ab-4cde-8f01-23456789abcd", with: "01234567-89AB-4CDE-8F01-23456789ABCD"), "id", "lowercase UUID"),
        (good.replacingOccurrences(of: #""unit":"25747","#, with: #""unit":"25747","unit":"25747","#), "unit", "appears twice"),
        (good.replacingOccurrences(of: #""seq":3,"#, with: #""seq":3,"seq":3,"#), "seq", "appears twice"),
        (good.replacingOccurrences(of: #""unit":"25747","#, with: #""unit":"25747","colour":"red","#), "colour", "not an envelope field"),
        (good.replacingOccurrences(of: #""count":2"#, with: #""count":2,"count":3"#), "data.count", "appears twice"),
        (good.replacingOccurrences(of: #""count":2"#, with: #""count":2,"colour":"red""#), "data.colour", "not a field of arrest.made"),
        (good.replacingOccurrences(of: "02:30:00.123456Z", with: "02:30:00Z"), "recorded", "antq's form"),
        (good.replacingOccurrences(of: #""unit":"25747","#, with: ""), "unit", "is missing"),
        (good.replacingOccurrences(of: #""prev":"0"#, with: #""prev":"A"#), "prev", "lowercase hex"),
        (good.replacingOccurrences(of: #""seq":3"#, with: #""seq":0"#), "seq", "1 or more"),
        (good.replacingOccurrences(of: #""seq":3"#, with: #""seq":"3""#), "seq", "whole number"),
        (good.replacingOccurrences(of: "}", with: #","more":false}"#), "more", "may only be true"),
        (good.replacingOccurrences(of: #""count":2"#, with: #""count":"2""#), "data.count", "whole number"),
    ]
    for (line, field, words) in cases {
        switch decode(line) {
        case .success: Issue.record("accepted: \(line)")
        case .failure(let e):
            #expect(e.field == field, "\(e) for \(line)")
            #expect(e.problem.contains(words), "\(e)")
        }
    }
    // A stored data string that is not NFC is refused too (input is normalised, storage must already be).
    let nfd = good.replacingOccurrences(of: #""arrest.made""#, with: #""award.granted""#)
        .replacingOccurrences(of: #""count":2"#, with: "\"recipient_kind\":\"individual\",\"recipient\":\"Ho\u{0300}a\",\"issuer\":\"province\",\"form\":\"medal\"")
    guard case .failure(let e) = decode(nfd) else { Issue.record("non-NFC data accepted"); return }
    #expect(e.field == "data.recipient" && e.problem.contains("NFC"))
    // Not JSON at all: the column is given.
    guard case .failure(let j) = decode("{\"seq\":1,}") else { Issue.record("accepted"); return }
    #expect(j.column != nil)
}

@Test func logCreatedHasNoUnitAndOthersNeedOne() {
    let created = EventEncoder.encode(sampleEvents()[0])
    var text = String(decoding: created, as: UTF8.self)
    text = text.replacingOccurrences(of: #""by":"#, with: #""unit":"74","by":"#)
    guard case .failure(let e) = decode(text) else { Issue.record("log.created with unit accepted"); return }
    #expect(e.field == "unit")
}
