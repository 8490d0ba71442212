import Foundation
import Testing
import JSONCodec
import TextFormats
@testable import ANTQDomain

/// The replay's fast path for flow and camera data must take every canonical
/// shape antq writes (or the replay silently falls back to the slow path) and
/// give exactly what the general decoder gives.
struct FastDataDecoderTests {
    static let canonical: [(EventType, String)] = [
        (.tipReceived, #"{"count":3,"channel":"in_person","valuable":true}"#),
        (.tipReceived, #"{"channel":"hotline","valuable":false}"#),
        (.caseSolved, #"{"count":2,"category":"high_tech","case":"HS-2019-116054"}"#),
        (.caseSolved, #"{"category":"drugs"}"#),
        (.arrestMade, #"{"count":4,"case":"HS-1","caught_in_act":true}"#),
        (.arrestMade, #"{"count":1}"#),
        (.weaponSeized, #"{"kind":"rudimentary","quantity":15,"case":"HS-2"}"#),
        (.weaponSeized, #"{"kind":"support_tool","quantity":1}"#),
        (.awardGranted, #"{"recipient_kind":"individual","recipient":"Nguyễn Văn Bình","issuer":"provincial_police","form":"certificate_of_merit","count":1,"reason":"Thành tích xuất sắc"}"#),
        (.awardGranted, #"{"recipient_kind":"collective","recipient":"Công an xã Tân Định","issuer":"ministry","form":"emulation_flag"}"#),
        (.cameraInstalled, #"{"count":12}"#),
        (.cameraRemoved, #"{"count":2}"#),
        (.modelEstablished, #"{"model":"25747-club-1","kind":"crime_prevention_club","name":"CLB phòng chống tội phạm Phú Cường","members":25}"#),
        (.modelChanged, #"{"model":"m-7","members":31}"#),
        (.modelChanged, #"{"model":"m-7","kind":"shock_team","name":"Đội xung kích"}"#),
        (.modelDissolved, #"{"model":"m-7","reason":"Sáp nhập"}"#),
        (.modelDissolved, #"{"model":"m-7"}"#),
    ]

    @Test func everyCanonicalShapeTakesTheFastPathAndAgreesWithTheGeneralDecoder() throws {
        for (type, text) in Self.canonical {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBytes { b -> EventData? in
                var s = JSONScanner(b)
                return FastDataDecoder.decode(type, &s)
            }
            let general = try bytes.withUnsafeBytes { b -> EventData in
                var s = JSONScanner(b)
                return try DataDecoder.decode(type, DataField.readObject(&s, path: "data"), path: "data", mode: .stored)
            }
            #expect(fast != nil, "\(type.rawValue): \(text) fell back to the general path")
            #expect(fast == general, "\(type.rawValue): \(text)")
        }
    }

    @Test func anythingUnusualFallsBackInsteadOfBeingGuessed() {
        let unusual: [(EventType, String)] = [
            (.tipReceived, #"{"c\u006funt":3,"channel":"hotline","valuable":true}"#),   // escaped key
            (.tipReceived, #"{"count":3,"channel":"hotline","valuable":true,"extra":1}"#),
            (.tipReceived, #"{"count":3,"count":4,"channel":"hotline","valuable":true}"#),
            (.caseSolved, #"{"category":"drug"}"#),
            (.arrestMade, #"{"count":0}"#),
            (.awardGranted, #"{"recipient_kind":"individual","recipient":" Nguyễn","issuer":"ministry","form":"medal"}"#),
            (.weaponSeized, #"{"kind":"firearm","quantities":2}"#),
            (.caseSolved, "{\"category\":\"drugs\",\"case\":\"HS-1\u{00A0}\"}"),        // a no-break space at the end
            (.modelChanged, #"{"model":"m-7"}"#),                                               // changes nothing
            (.modelEstablished, #"{"model":"m 7","kind":"shock_team","name":"A","members":1}"#),  // not a model id
            (.weaponSeized, #"{"kind":"shock_team","quantity":1}"#),                             // a model's kind on a weapon
        ]
        for (type, text) in unusual {
            let fast = Array(text.utf8).withUnsafeBytes { b -> EventData? in
                var s = JSONScanner(b)
                return FastDataDecoder.decode(type, &s)
            }
            #expect(fast == nil, "\(text)")
        }
    }

    @Test func storedTextWithAUnicodeSpaceAtEitherEndIsRefusedByTheWholeDecoder() throws {
        // An append trims these; a data text holding one was not written by
        // antq. (A recorder's name is read as written, with a note: antq once
        // stored names it did not check; see RecorderName.)
        let good = Event(seq: 2, id: "0b9c2a34-3e6f-4d5e-8f7a-1c2d3e4f5a6b", occurred: CivilDate(year: 2018, month: 3, day: 1)!,
                         recorded: UTCInstant(microsecondsSinceEpoch: 1_520_000_000_000_000), unit: "74", by: "Nguyễn Văn A",
                         data: .caseSolved(count: 1, category: .drugs, caseRef: "HS-1"))
        #expect(throws: Never.self) { try EventDecoder.decode(EventEncoder.encode(good)) }
        for (caseRef, by) in [("HS-1\u{00A0}", "Nguyễn Văn A"), ("\u{2003}HS-1", "Nguyễn Văn A")] {
            var e = good
            e.by = by
            e.data = EventData.caseSolved(count: 1, category: CaseCategory.drugs, caseRef: caseRef)
            #expect(throws: EventCodingError.self, "\(caseRef.unicodeScalars.map(\.value)) by \(by.unicodeScalars.map(\.value))") {
                try EventDecoder.decode(EventEncoder.encode(e))
            }
        }
    }
}
