import Foundation
import Testing
import JSONCodec
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
        ]
        for (type, text) in unusual {
            let fast = Array(text.utf8).withUnsafeBytes { b -> EventData? in
                var s = JSONScanner(b)
                return FastDataDecoder.decode(type, &s)
            }
            #expect(fast == nil, "\(text)")
        }
    }
}
