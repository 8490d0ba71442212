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


    @Test func codableUsesTheRFC3339String() throws {
        let instant = UTCInstant(rfc3339: "2019-03-28T09:30:00.000001Z")!
        let data = try JSONEncoder().encode([instant])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2019-03-28T09:30:00.000001Z\"]")
        #expect(try JSONDecoder().decode([UTCInstant].self, from: data) == [instant])
    }
}

/// Dates and instants are written as bytes, digit by digit: they must read
/// exactly as Foundation's calendar and `String(format:)` give them, over
/// the whole calendar (years 1 to 9999, before and after 1970).
@Test func datesAndInstantsAreWrittenAsFoundationWritesThem() {
    var utc = Calendar(identifier: .gregorian)
    utc.timeZone = TimeZone(identifier: "UTC")!
    var rng = SplitMix64(seed: 99)
    let low = CivilDate(year: 1, month: 1, day: 1)!.dayNumber, high = CivilDate(year: 9999, month: 12, day: 31)!.dayNumber
    var days = [low, high, 0, -1, 59, 11_016]
    days += (0..<3_000).map { _ in Int.random(in: low...high, using: &rng) }
    for n in days {
        let date = CivilDate(dayNumber: n)
        let micros = Int64(n) * 86_400_000_000 + Int64.random(in: 0..<86_400_000_000, using: &rng)
        let instant = UTCInstant(microsecondsSinceEpoch: micros)
        // Foundation's proleptic Gregorian calendar counts years before 1582 differently; check its parts from 1600 on.
        if date.year >= 1600 {
            // Whole seconds rounded down (before 1970 too), and the microseconds after them.
            let seconds = micros >= 0 ? micros / 1_000_000 : -((-micros + 999_999) / 1_000_000)
            let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                       from: Date(timeIntervalSince1970: Double(seconds)))
            #expect([c.year, c.month, c.day] == [date.year, date.month, date.day], "\(n)")
            let micro = Int(micros - seconds * 1_000_000)
            #expect(instant.rfc3339 == String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, micro))
        }
        #expect(date.iso == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
        #expect(date.formatted(vietnamese: true) == String(format: "%02d/%02d/%04d", date.day, date.month, date.year))
        #expect(instant.rfc3339.hasPrefix(date.iso + "T") && instant.rfc3339.utf8.count == 27)
    }
}

/// A person may type an instant with any offset; the log stores only `Z`.
@Test func anInstantTypedWithAnOffsetIsTheSameInstant() {
    let utc = UTCInstant(rfc3339: "2019-03-28T10:00:00Z")!
    #expect(UTCInstant(rfc3339WithOffset: "2019-03-28T17:00:00+07:00") == utc)
    #expect(UTCInstant(rfc3339WithOffset: "2019-03-28T04:30:00-05:30") == utc)
    #expect(UTCInstant(rfc3339WithOffset: "2019-03-28T10:00:00Z") == utc)
    #expect(UTCInstant(rfc3339WithOffset: "2019-03-29T06:59:59.5+07:00")?.rfc3339 == "2019-03-28T23:59:59.500000Z")
    for bad in ["2019-03-28T17:00:00+7:00", "2019-03-28T17:00:00+24:00", "2019-03-28T17:00:00+07:60", "2019-03-28T17:00:00*07:00", "2019-03-28 17:00:00+07:00"] {
        #expect(UTCInstant(rfc3339WithOffset: bad) == nil, "\(bad)")
    }
    // What the log holds stays strict.
    #expect(UTCInstant(rfc3339: "2019-03-28T17:00:00+07:00") == nil)
}
