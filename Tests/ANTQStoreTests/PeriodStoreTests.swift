import ANTQTestSupport
import Decimals
import Foundation
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

/// Periods other than a year through the store: published figures of a
/// half, a range of months and a day range checked by `verify` as of their
/// own instant, refused when the period is malformed, and `diff` of a day range.
@Suite struct PeriodStoreTests {
    static func assertion(_ name: String, unit: String, year: Int, period: String, value: ExactDecimal) -> String {
        #"{"type":"figure.asserted","occurred":"2025-01-01","unit":"\#(unit)","data":{"metric":"\#(name)","year":\#(year),"period":"\#(period)","value":\#(value.plain())}}"#
    }

    @Test(arguments: [UInt64(61), 62])
    func anAssertedPeriodHoldsAsOfItsInstantAndAWrongValueFailsVerify(seed: UInt64) throws {
        let start = seed == 61 ? MonthDay.january1 : MonthDay(month: 12, day: 15)
        let t = TestStore(periodStart: start)
        defer { t.cleanup() }
        t.fill(seed: seed, events: 500)
        let events = t.events()
        let reference = Reference(events)
        let year = Set(t.store.replayedYears(events)).sorted().dropLast().last!
        let periods = ["\(year)-H1", "\(year)-01..\(year)-08", "\(year)-Q3", "\(year)-01-10..\(year)-05-31"]
        var right: [String] = [], wrong: [String] = []
        var nonZero = 0
        for text in periods {
            let p = try PeriodParser.parse(text, periodStart: start, today: CivilDate(year: 2025, month: 1, day: 1)!)
            let table = reference.table(first: p.firstDay, last: p.lastDay, metrics: ["tips", "arrests", "cases", "cameras"])
            let ends = Period.reportingYear(of: p.lastDay, start: start)
            for name in ["tips", "arrests", "cases", "cameras"] {
                let value = (table["74"]?[name] ?? nil) ?? .zero
                if !value.isZero { nonZero += 1 }
                right.append(Self.assertion(name, unit: "74", year: ends, period: text, value: value))
                wrong.append(Self.assertion(name, unit: "74", year: ends, period: text, value: value + ExactDecimal(1)))
            }
        }
        #expect(nonZero >= 8)
        let rightSeqs = Set(try t.append(right).events.map(\.seq))
        let wrongSeqs = Set(try t.append(wrong).events.map(\.seq))
        // Facts recorded after the announcement, inside every period: the announced figures still hold as of their instant.
        for text in periods {
            let p = try PeriodParser.parse(text, periodStart: start, today: CivilDate(year: 2025, month: 1, day: 1)!)
            try t.append([#"{"type":"tip.received","occurred":"\#(p.lastDay.iso)","unit":"74","data":{"count":5,"channel":"hotline","valuable":true}}"#])
        }
        let r = try t.store.verify()
        let mine = r.assertions.filter { rightSeqs.contains($0.seq) || wrongSeqs.contains($0.seq) }
        #expect(mine.count == right.count + wrong.count)
        #expect(mine.filter { rightSeqs.contains($0.seq) }.allSatisfy { $0.passed }, "\(mine.filter { rightSeqs.contains($0.seq) && !$0.passed })")
        #expect(mine.filter { wrongSeqs.contains($0.seq) }.allSatisfy { !$0.passed })
        #expect(Set(r.problems.filter { $0.message.hasPrefix("figure.asserted #") }.map(\.line)).isSuperset(of: wrongSeqs))
        #expect(!r.clean)
        // The day range was read by day, not rounded to months.
        #expect(mine.contains { $0.period.label == "\(year)-01-10..\(year)-05-31" })
    }

    @Test func aMalformedOrMismatchedAssertedPeriodIsRefusedAndTheLogIsUnchanged() throws {
        let t = TestStore()
        defer { t.cleanup() }
        t.fill(seed: 63, events: 60)
        let before = t.logBytes
        let cases: [(String, Int, String)] = [
            ("2018-Q5", 2018, "data.period"), ("2018-13", 2018, "data.period"), ("2018-02-30..2018-03-01", 2018, "data.period"),
            ("2018-08..2018-01", 2018, "data.period"), ("2018-01..2018-Q3", 2018, "data.period"),
            // A half-year figure cannot pass for another year's.
            ("2018-H1", 2017, "data.year"), ("2013..2022", 2018, "data.year"),
        ]
        for (period, year, field) in cases {
            do {
                try t.append([Self.assertion("arrests", unit: "74", year: year, period: period, value: ExactDecimal(3))])
                Issue.record("\(period) year \(year) was accepted")
            } catch {
                #expect("\(error)".contains(field), "\(period) year \(year): \(error)")
            }
            #expect(t.logBytes == before)
        }
        // The forms themselves are accepted, `today` too (the day it is recorded).
        try t.append([Self.assertion("arrests", unit: "74", year: 2022, period: "2013..2022", value: ExactDecimal(3)),
                      Self.assertion("arrests", unit: "74", year: 2025, period: "2025-01-01..today", value: ExactDecimal(3))])
    }

    @Test(arguments: [MonthDay.january1, MonthDay(month: 12, day: 15)])
    func diffOfADayRangeFindsTheChangeInsideItAndNoneOutside(start: MonthDay) throws {
        let t = TestStore(periodStart: start)
        defer { t.cleanup() }
        t.fill(seed: 64, events: 200)
        let a = try #require(t.events().last).recorded
        let receipt = try t.append([#"{"type":"tip.received","occurred":"2020-03-10","unit":"74","data":{"count":7,"channel":"hotline","valuable":true}}"#])
        let seq = try #require(receipt.events.first).seq
        let inside = try Period(from: CivilDate(year: 2020, month: 3, day: 5)!, through: CivilDate(year: 2020, month: 3, day: 12)!, start: start)
        let d = try t.store.diff(from: a, to: nil, period: inside)
        let tips = try #require(d.changes.first { $0.figure.name == "tips" && $0.unit == "74" })
        #expect(tips.period == inside && tips.seqs == [seq])
        #expect(try tips.after!.subtracting(tips.before!) == ExactDecimal(7))
        let outside = try Period(from: CivilDate(year: 2020, month: 3, day: 11)!, through: CivilDate(year: 2020, month: 3, day: 31)!, start: start)
        let none = try t.store.diff(from: a, to: nil, period: outside)
        #expect(none.changes.filter { $0.figure.isFlow }.isEmpty)
    }
}

extension DataStore {
    /// Reporting years with flows in these events.
    func replayedYears(_ events: [Event]) -> [Int] {
        let start = events.first?.data.logCreated?.periodStart ?? .january1
        return events.filter { $0.type == .tipReceived }.map { Period.reportingYear(of: $0.occurred, start: start) }
    }
}
