import SeededRandom
import Foundation
import Testing
import TextFormats

struct UTCInstantTests {
    @Test func instantRoundTripsAndSortsLexicographically() {
        var rng = SplitMix64(seed: 7)
        let low = UTCInstant(rfc3339: "1900-01-01T00:00:00Z")!.microsecondsSinceEpoch
        let high = UTCInstant(rfc3339: "2200-01-01T00:00:00Z")!.microsecondsSinceEpoch
        var instants: [UTCInstant] = []
        for _ in 0..<2000 {
            let instant = UTCInstant(microsecondsSinceEpoch: Int64.random(in: low...high, using: &rng))
            #expect(instant.rfc3339.utf8.count == 27)
            #expect(UTCInstant(rfc3339: instant.rfc3339) == instant)
            instants.append(instant)
        }
        #expect(instants.sorted().map(\.rfc3339) == instants.map(\.rfc3339).sorted())
    }

    @Test func knownInstantsFormat() {
        #expect(UTCInstant(microsecondsSinceEpoch: 0).rfc3339 == "1970-01-01T00:00:00.000000Z")
        #expect(UTCInstant(microsecondsSinceEpoch: -1).rfc3339 == "1969-12-31T23:59:59.999999Z")
        let instant = UTCInstant(rfc3339: "2019-03-28T09:30:00Z")!
        #expect(instant.rfc3339 == "2019-03-28T09:30:00.000000Z")
        #expect(instant.microsecondsSinceEpoch == 1_553_765_400_000_000)
        #expect(instant.date == CivilDate(iso: "2019-03-28"))
    }

    @Test func fractionalSecondsAndOffsets() {
        #expect(UTCInstant(rfc3339: "2019-03-28T09:30:00.123456Z")!.microsecondsSinceEpoch % 1_000_000 == 123_456)
        #expect(UTCInstant(rfc3339: "2019-03-28T09:30:00.5+00:00")!.rfc3339 == "2019-03-28T09:30:00.500000Z")
        #expect(UTCInstant(rfc3339: "2019-03-28T09:30:00.123456789Z")!.rfc3339 == "2019-03-28T09:30:00.123456Z")
    }

    @Test func otherOffsetsAndMalformedTextAreRejected() {
        for text in ["2019-03-28T09:30:00+07:00", "2019-03-28T09:30:00", "2019-03-28 09:30:00Z", "2019-03-28t09:30:00Z",
                     "2019-03-28T24:00:00Z", "2019-03-28T09:60:00Z", "2019-03-28T09:30:60Z", "2019-03-28T09:30:00.Z",
                     "2019-03-28T09:30:00.1234567890Z", "2019-02-30T09:30:00Z", "2019-03-28T09:30:00Zjunk", "2019-03-28T9:30:00Z"] {
            #expect(UTCInstant(rfc3339: text) == nil, "\(text)")
        }
    }

    @Test func nowIsRecent() {
        let now = UTCInstant.now()
        #expect(now > UTCInstant(rfc3339: "2024-01-01T00:00:00Z")!)
        let foundation = Int64(Date().timeIntervalSince1970 * 1_000_000)
        #expect(abs(foundation - now.microsecondsSinceEpoch) < 5_000_000)
    }

    @Test func codableUsesTheRFC3339String() throws {
        let instant = UTCInstant(rfc3339: "2019-03-28T09:30:00.000001Z")!
        let data = try JSONEncoder().encode([instant])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2019-03-28T09:30:00.000001Z\"]")
        #expect(try JSONDecoder().decode([UTCInstant].self, from: data) == [instant])
    }
}
