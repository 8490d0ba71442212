import Foundation
import SeededRandom
import Testing
import TextFormats

struct CivilDateTests {
    @Test func isoAndVietnameseFormsParse() {
        let date = CivilDate(year: 2019, month: 3, day: 28)!
        #expect(CivilDate(iso: "2019-03-28") == date)
        #expect(CivilDate(dayMonthYear: "28/03/2019") == date)
        #expect(CivilDate(dayMonthYear: "28/3/2019") == date)
        #expect(CivilDate(dayMonthYear: "1/4/2014") == CivilDate(year: 2014, month: 4, day: 1))
        #expect(CivilDate(parsing: "2019-03-28") == date)
        #expect(CivilDate(parsing: "28/03/2019") == date)
    }

    @Test func impossibleDateIsRejected() {
        #expect(CivilDate(year: 2018, month: 2, day: 30) == nil)
        #expect(CivilDate(iso: "2018-02-30") == nil)
        #expect(CivilDate(iso: "2019-13-01") == nil)
        #expect(CivilDate(iso: "2019-04-31") == nil)
        #expect(CivilDate(iso: "2019-00-10") == nil)
        #expect(CivilDate(dayMonthYear: "00/01/2019") == nil)
        #expect(CivilDate(iso: "0000-01-01") == nil)
    }

    @Test func malformedTextIsRejected() {
        for text in ["2019-3-28", "28-03-2019", "2019-03-28 ", " 2019-03-28", "2019/03/28", "28/03/19", "028/03/2019",
                     "28/03/02019", "", "2019-03-2a", "+019-03-28", "２０１９-03-28", "28//2019", "28/03/2019/1"] {
            #expect(CivilDate(parsing: text) == nil, "\(text)")
        }
    }

    @Test func leapYearsFollowGregorianRules() {
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate.isLeapYear(2000) && !CivilDate.isLeapYear(1900) && CivilDate.isLeapYear(2024))
    }

    @Test func dayNumberCountsFromTheEpoch() {
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(iso: "1969-12-31")!.dayNumber == -1)
        #expect(CivilDate(iso: "2000-03-01")!.dayNumber == 11017)
        #expect(CivilDate(iso: "0001-01-01")!.dayNumber == -719162)
        #expect(CivilDate(iso: "9999-12-31")!.dayNumber == 2932896)
    }

    @Test func dayNumberRoundTripsDayByDay() {
        var previous = CivilDate(iso: "1899-12-31")!
        for number in (previous.dayNumber + 1)...CivilDate(iso: "2101-01-01")!.dayNumber {
            let date = CivilDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(previous < date)
            #expect(CivilDate(iso: date.iso) == date)
            previous = date
        }
        #expect(CivilDate(iso: "2019-02-28")!.adding(days: 1) == CivilDate(iso: "2019-03-01"))
    }

    @Test func formattedFollowsTheReader() {
        let date = CivilDate(iso: "2019-03-28")!
        #expect(date.formatted(vietnamese: true) == "28/03/2019")
        #expect(date.formatted(vietnamese: false) == "2019-03-28")
        #expect(CivilDate(year: 5, month: 1, day: 2)!.iso == "0005-01-02")
    }

    @Test func codableUsesTheISOString() throws {
        let date = CivilDate(iso: "2019-03-28")!
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2019-03-28\"]")
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data("[\"2019-02-30\"]".utf8)) }
    }
}

/// A date is kept packed into four bytes; its parts, its order and its
/// equality must be those of (year, month, day), from the first to the last
/// day of the calendar.
@Test func packedDatesKeepTheirPartsAndTheirOrder() {
    var rng = SplitMix64(seed: 19)
    var dates: [(Int, Int, Int)] = [(1, 1, 1), (9999, 12, 31), (2000, 2, 29), (1900, 2, 28), (2024, 12, 31), (2025, 1, 1)]
    for _ in 0..<3_000 {
        let y = rng.int(1...9999), m = rng.int(1...12)
        dates.append((y, m, rng.int(1...CivilDate.daysInMonth(year: y, month: m))))
    }
    let made = dates.map { CivilDate(year: $0.0, month: $0.1, day: $0.2)! }
    for (d, parts) in zip(made, dates) {
        #expect((d.year, d.month, d.day) == parts)
        #expect(CivilDate(dayNumber: d.dayNumber) == d)
    }
    for _ in 0..<20_000 {
        let i = rng.below(made.count), j = rng.below(made.count)
        #expect((made[i] < made[j]) == (dates[i] < dates[j]))
        #expect((made[i] == made[j]) == (dates[i] == dates[j]))
        #expect((made[i] < made[j]) == (made[i].dayNumber < made[j].dayNumber))
    }
    #expect(MemoryLayout<CivilDate>.size == 4)
}
