import Testing
import SeededRandom
import TextFormats
@testable import ANTQDomain
import ANTQTestSupport

private let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/// A period start: often the two real ones, often a day some months lack.
private func randomStart(_ r: inout SplitMix64) -> MonthDay {
    switch r.below(4) {
    case 0: return r.chance(0.5) ? .january1 : MonthDay(month: 12, day: 15)
    case 1:
        let month = r.pick([1, 3, 5, 7, 8, 10, 12])
        return MonthDay(month: month, day: r.int(29...31))
    default:
        let month = r.int(1...12)
        return MonthDay(month: month, day: r.int(1...monthLengths[month - 1]))
    }
}

/// A day in years 1003…9996, often near the leap days and century years.
private func randomDay(_ r: inout SplitMix64) -> CivilDate {
    let year = r.chance(0.5) ? r.pick([1900, 2000, 2016, 2020, 2100, 2400]) + r.int(-1...1) : r.int(1003...9995)
    return CivilDate(dayNumber: CivilDate(year: year, month: 1, day: 1)!.dayNumber + r.int(0...365))
}

/// A single unit or a run of up to 30 units of a random kind.
private func randomUnitPeriod(_ r: inout SplitMix64, _ start: MonthDay) -> Period {
    let unit = r.pick(PeriodUnit.allCases)
    let first = r.int(1500...2500) * unit.perYear + r.below(unit.perYear)
    return Period(unit: unit, first: first, last: first + (r.chance(0.5) ? 0 : r.int(1...30)), start: start)
}

private func randomDayRange(_ r: inout SplitMix64, _ start: MonthDay) throws -> Period {
    let first = randomDay(&r)
    return try Period(from: first, through: first.adding(days: r.int(0...800)), start: start)
}

extension PeriodTests {
    @Test(arguments: [
        "2018-Q5", "2018-Q0", "2018-q", "2018-H3", "2018-H0", "2018-H12", "2018-13", "2018-00", "2018-5",
        "2018-02-30", "2019-02-29", "2100-02-29", "2018-04-31", "2018-08..2018-01", "2018..2017",
        "2018-05-31..2018-01-01", "2018-12-08..today", "2018-01..2018-Q3", "2018..2018-05", "2018-01-01..2018-05",
        "2018-H1..2018-Q2", "2018..", "..2018", "..", "", "   ", "abc", "2018-W12", "2018/05", "năm 2018",
        "２０１８", "2018-05-31", "today", "0999", "9999", "2018-01..2018-02..2018-03", "2018...2019", "201", "20180",
        "2018-", "2018-05-3x",
    ])
    func anInvalidPeriodIsATypedErrorListingTheAcceptedForms(text: String) {
        do {
            let p = try PeriodParser.parse(text, periodStart: .january1, today: day("2018-12-07"))
            Issue.record("“\(text)” was read as \(p.label)")
        } catch {
            let vi = error.message(vietnamese: true), en = error.message(vietnamese: false)
            for form in ["2018-H1", "2018-Q1", "2018-05", "2018-01..2018-08", "2013..2022", "2018-01-01..2018-05-31", "today"] {
                #expect(vi.contains(form) && en.contains(form), "\(text): \(form)")
            }
            #expect(vi.contains("Kỳ báo cáo viết theo một trong các cách") && vi.contains("6 tháng đầu năm"))
            #expect(en.contains("A period is written in one of these forms"))
            let trimmed = text.trimmingPrefix(while: \.isWhitespace)
            if !trimmed.isEmpty && !text.contains("...") {
                #expect(error.reason(true).contains(String(trimmed)) && error.reason(false).contains(String(trimmed)))
            }
        }
    }

    @Test func eachMistakeIsNamedForWhatIsWrong() {
        let cases: [(String, PeriodError)] = [
            ("2018-Q5", .invalidQuarter("2018-Q5")), ("2018-H3", .invalidHalf("2018-H3")), ("2018-13", .invalidMonth("2018-13")),
            ("2018-02-30", .invalidDate("2018-02-30")), ("2018-08..2018-01", .reversedRange("2018-08..2018-01")),
            ("2018-01..2018-Q3", .mixedRange("2018-01..2018-Q3", first: .month, last: .quarter)),
            ("2018-01-01..2018-05", .mixedRange("2018-01-01..2018-05", first: .day, last: .month)),
            (" 2018.. ", .missingRangeEnd("2018..")), ("", .empty), ("garbage", .unrecognized("garbage")),
            ("2018-05-31", .singleDay("2018-05-31")), ("0999", .yearOutOfRange("0999")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected) { try PeriodParser.parse(text, periodStart: .january1, today: day("2018-12-07")) }
        }
        let mixed = PeriodError.mixedRange("2018-01..2018-Q3", first: .month, last: .quarter)
        #expect(mixed.reason(true).contains("đầu trước là tháng, đầu sau là quý"))
        #expect(mixed.reason(false).contains("the first is a month and the last is a quarter"))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func theTwelveMonthsOfAReportingYearTileIt(seed: UInt64) {
        var r = SplitMix64(seed: seed, stream: "period.tiling")
        for _ in 0..<300 {
            let start = randomStart(&r), year = r.int(1001...9998)
            let reference = ReportingPeriod(year: year, start: start)
            let months = (1...12).map { Period(year: year, month: $0, start: start) }
            #expect(months[0].firstDay == reference.firstDay, "\(year) from \(start)")
            #expect(months[11].lastDay == reference.lastDay, "\(year) from \(start)")
            for (a, b) in zip(months, months.dropFirst()) {
                #expect(a.lastDay.adding(days: 1) == b.firstDay, "\(a.label) then \(b.label) from \(start)")
            }
            // Every month is 28…31 days, and starts on the start day or its month's last day.
            for m in months {
                #expect((28...31).contains(m.dayCount), "\(m.label) from \(start): \(m.dayCount) days")
                #expect(m.firstDay.day == min(start.day, CivilDate.daysInMonth(year: m.firstDay.year, month: m.firstDay.month)))
            }
            #expect(Period(year: year, start: start).subperiods(.months) == months)
            for q in 1...4 {
                let quarter = Period(year: year, quarter: q, start: start)
                #expect(quarter.firstDay == months[3 * q - 3].firstDay && quarter.lastDay == months[3 * q - 1].lastDay)
            }
            for h in 1...2 {
                let half = Period(year: year, half: h, start: start)
                #expect(half.firstDay == months[6 * h - 6].firstDay && half.lastDay == months[6 * h - 1].lastDay)
            }
        }
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func reportingMonthAgreesWithTheMonthThatHoldsTheDay(seed: UInt64) {
        var r = SplitMix64(seed: seed, stream: "period.month")
        for _ in 0..<2000 {
            let start = randomStart(&r), d = randomDay(&r)
            let m = Period.reportingMonth(of: d, start: start)
            #expect((1...12).contains(m.month))
            #expect(m.year == ReportingPeriod.year(of: d, start: start), "\(d) from \(start)")
            #expect(Period(year: m.year, month: m.month, start: start).contains(d), "\(d) from \(start): \(m)")
        }
    }

    @Test(arguments: [UInt64(21), 22, 23, 24])
    func earlierPeriodsHaveTheDocumentedLengths(seed: UInt64) throws {
        var r = SplitMix64(seed: seed, stream: "period.earlier")
        for _ in 0..<500 {
            let start = randomStart(&r)
            let p = randomUnitPeriod(&r, start)
            let before = try p.previous(), sameKind = try p.samePeriodOneYearEarlier()
            #expect(before.unit == p.unit && before.unitCount == p.unitCount)
            #expect(before.lastDay.adding(days: 1) == p.firstDay, "\(p.label) from \(start)")
            #expect(sameKind.unit == p.unit && sameKind.unitCount == p.unitCount)
            #expect(sameKind.firstDay == Period.oneYearEarlierUnits(p).firstDay)
            #expect(try PeriodParser.parse(sameKind.label, periodStart: start, today: p.lastDay) == sameKind)

            let days = try randomDayRange(&r, start)
            let daysBefore = try days.previous(), daysEarlier = try days.samePeriodOneYearEarlier()
            #expect(daysBefore.dayCount == days.dayCount && daysBefore.lastDay.adding(days: 1) == days.firstDay)
            for (now, then) in [(days.firstDay, daysEarlier.firstDay), (days.lastDay, daysEarlier.lastDay)] {
                #expect(then.year == now.year - 1 && then.month == now.month)
                #expect(then.day == now.day || (now.month == 2 && now.day == 29 && then.day == 28))
            }
            #expect(abs(daysEarlier.dayCount - days.dayCount) <= 1)
        }
    }

    @Test(arguments: [UInt64(31), 32, 33, 34])
    func subperiodsTileThePeriodAndReadBack(seed: UInt64) throws {
        var r = SplitMix64(seed: seed, stream: "period.subperiods")
        for _ in 0..<300 {
            let start = randomStart(&r)
            let p = r.chance(0.5) ? randomUnitPeriod(&r, start) : try randomDayRange(&r, start)
            #expect(try PeriodParser.parse(p.label, periodStart: start, today: p.lastDay) == p)
            for unit in PeriodUnit.allCases {
                let parts = p.subperiods(unit)
                #expect(parts.first?.firstDay == p.firstDay && parts.last?.lastDay == p.lastDay, "\(p.label) by \(unit)")
                for (a, b) in zip(parts, parts.dropFirst()) {
                    #expect(a.lastDay.adding(days: 1) == b.firstDay, "\(p.label) by \(unit): \(a.label) then \(b.label)")
                }
                for part in parts where part.unit == unit {
                    #expect(part.unitCount == 1)
                }
                for part in parts {
                    #expect(try PeriodParser.parse(part.label, periodStart: start, today: part.lastDay) == part)
                }
            }
        }
    }
}

extension Period {
    /// The same units a reporting year earlier, from the parts of the kind.
    static func oneYearEarlierUnits(_ p: Period) -> Period {
        switch p.kind {
        case let .year(y): return Period(year: y - 1, start: p.start)
        case let .half(y, h): return Period(year: y - 1, half: h, start: p.start)
        case let .quarter(y, q): return Period(year: y - 1, quarter: q, start: p.start)
        case let .month(y, m): return Period(year: y - 1, month: m, start: p.start)
        case let .range(from, _): return oneYearEarlierUnits(Period.from(kind: from, p.start))
        case .days: return p
        }
    }

    static func from(kind: Kind, _ start: MonthDay) -> Period {
        switch kind {
        case let .year(y): return Period(year: y, start: start)
        case let .half(y, h): return Period(year: y, half: h, start: start)
        case let .quarter(y, q): return Period(year: y, quarter: q, start: start)
        case let .month(y, m): return Period(year: y, month: m, start: start)
        default: fatalError("not a single unit")
        }
    }
}
