import Testing
import TextFormats
@testable import ANTQDomain
import ANTQTestSupport

private let jan1 = MonthDay.january1
private let dec15 = MonthDay(month: 12, day: 15)
private let jan31 = MonthDay(month: 1, day: 31)
private let fixedToday = day("2018-12-07")

private func parse(_ text: String, _ start: MonthDay, today: CivilDate = fixedToday) throws(PeriodError) -> Period {
    try PeriodParser.parse(text, periodStart: start, today: today)
}

/// Every accepted form, with the days it must cover, under three starts:
/// calendar years, the police 15/12 year and a start day some months lack.
private let dayCases: [(String, MonthDay, String, String)] = [
    ("2018", jan1, "2018-01-01", "2018-12-31"),
    ("2018-H1", jan1, "2018-01-01", "2018-06-30"),
    ("2018-H2", jan1, "2018-07-01", "2018-12-31"),
    ("2018-Q1", jan1, "2018-01-01", "2018-03-31"),
    ("2018-Q4", jan1, "2018-10-01", "2018-12-31"),
    ("2018-05", jan1, "2018-05-01", "2018-05-31"),
    ("2016-02", jan1, "2016-02-01", "2016-02-29"),
    ("2020-02", jan1, "2020-02-01", "2020-02-29"),
    ("2100-02", jan1, "2100-02-01", "2100-02-28"),
    ("2000-02", jan1, "2000-02-01", "2000-02-29"),
    ("2018-01..2018-08", jan1, "2018-01-01", "2018-08-31"),
    ("2017-11..2018-02", jan1, "2017-11-01", "2018-02-28"),
    ("2013..2022", jan1, "2013-01-01", "2022-12-31"),
    ("2018-Q1..2018-Q3", jan1, "2018-01-01", "2018-09-30"),
    ("2017-H2..2018-H1", jan1, "2017-07-01", "2018-06-30"),
    ("2018-01-01..2018-05-31", jan1, "2018-01-01", "2018-05-31"),
    ("2018-01-01..today", jan1, "2018-01-01", "2018-12-07"),
    ("2018", dec15, "2017-12-15", "2018-12-14"),
    ("2018-H1", dec15, "2017-12-15", "2018-06-14"),
    ("2018-H2", dec15, "2018-06-15", "2018-12-14"),
    ("2018-Q1", dec15, "2017-12-15", "2018-03-14"),
    ("2018-Q4", dec15, "2018-09-15", "2018-12-14"),
    ("2018-01", dec15, "2017-12-15", "2018-01-14"),
    ("2018-05", dec15, "2018-04-15", "2018-05-14"),
    ("2018-12", dec15, "2018-11-15", "2018-12-14"),
    ("2016-03", dec15, "2016-02-15", "2016-03-14"),
    ("2018-01..2018-08", dec15, "2017-12-15", "2018-08-14"),
    ("2013..2022", dec15, "2012-12-15", "2022-12-14"),
    ("2018-Q1..2018-Q3", dec15, "2017-12-15", "2018-09-14"),
    ("2018-01-01..2018-05-31", dec15, "2018-01-01", "2018-05-31"),
    ("2017-12-15..today", dec15, "2017-12-15", "2018-12-07"),
    // 01-31: months start on the 31st, or the month's last day when it has no 31st.
    ("2018", jan31, "2017-01-31", "2018-01-30"),
    ("2018-01", jan31, "2017-01-31", "2017-02-27"),
    ("2018-02", jan31, "2017-02-28", "2017-03-30"),
    ("2018-04", jan31, "2017-04-30", "2017-05-30"),
    ("2018-12", jan31, "2017-12-31", "2018-01-30"),
    ("2017-01", jan31, "2016-01-31", "2016-02-28"),
    ("2017-02", jan31, "2016-02-29", "2016-03-30"),
    ("2101-02", jan31, "2100-02-28", "2100-03-30"),
    ("2001-02", jan31, "2000-02-29", "2000-03-30"),
    ("2018-H2", jan31, "2017-07-31", "2018-01-30"),
]

@Suite struct PeriodTests {
    @Test(arguments: dayCases)
    func everyFormCoversTheDaysOfItsAlignment(text: String, start: MonthDay, first: String, last: String) throws {
        let p = try parse(text, start)
        #expect(p.firstDay == day(first), "\(text) from \(start)")
        #expect(p.lastDay == day(last), "\(text) from \(start)")
        #expect(p.contains(day(first)) && p.contains(day(last)))
        #expect(!p.contains(day(first).adding(days: -1)) && !p.contains(day(last).adding(days: 1)))
        // The canonical label reads back as the same period.
        #expect(try parse(p.label, start) == p)
    }

    @Test func labelsAreTheSyntaxWithTodayResolved() throws {
        let cases: [(String, String)] = [
            (" 2018 ", "2018"), ("2018-h1", "2018-H1"), ("2018-q3", "2018-Q3"), ("2018-05", "2018-05"),
            ("\t2018-01 .. 2018-08\n", "2018-01..2018-08"), ("2013..2022", "2013..2022"),
            ("2018-Q1..2018-q3", "2018-Q1..2018-Q3"), ("2018-01-01..2018-05-31", "2018-01-01..2018-05-31"),
            ("2018-01-01..TODAY", "2018-01-01..2018-12-07"), ("\u{A0}2018-H2\u{A0}", "2018-H2"),
            ("2018-05..2018-05", "2018-05"), ("2018-05-31..2018-05-31", "2018-05-31..2018-05-31"),
        ]
        for (text, label) in cases {
            #expect(try parse(text, dec15).label == label, "\(text)")
        }
    }

    @Test func theKindSaysWhatWasWritten() throws {
        #expect(try parse("2018", dec15).kind == .year(2018))
        #expect(try parse("2018-H2", dec15).kind == .half(year: 2018, half: 2))
        #expect(try parse("2018-Q3", dec15).kind == .quarter(year: 2018, quarter: 3))
        #expect(try parse("2018-05", dec15).kind == .month(year: 2018, month: 5))
        #expect(try parse("2018-01..2018-08", dec15).kind == .range(from: .month(year: 2018, month: 1), through: .month(year: 2018, month: 8)))
        #expect(try parse("2013..2022", dec15).kind == .range(from: .year(2013), through: .year(2022)))
        #expect(try parse("2018-01-01..2018-05-31", dec15).kind == .days(from: day("2018-01-01"), through: day("2018-05-31")))
        #expect(try parse("2018-01..2018-08", dec15).unitCount == 8)
        #expect(try parse("2018-01-01..2018-05-31", dec15).unit == nil)
    }

    @Test func aReportingYearHasTheDaysOfReportingPeriodForEveryStart() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for month in 1...12 {
            for d in 1...lengths[month - 1] {
                let start = MonthDay(month: month, day: d)
                for year in [1001, 1900, 2000, 2016, 2017, 2018, 2020, 2100, 2101, 9998] {
                    let p = Period(year: year, start: start), r = ReportingPeriod(year: year, start: start)
                    #expect(p.firstDay == r.firstDay && p.lastDay == r.lastDay, "\(year) from \(start)")
                }
            }
        }
    }

    @Test func dayBoundariesFallInTheRightReportingMonth() {
        let cases: [(String, MonthDay, Int, Int)] = [
            ("2017-12-14", dec15, 2017, 12), ("2017-12-15", dec15, 2018, 1), ("2018-01-14", dec15, 2018, 1),
            ("2018-01-15", dec15, 2018, 2), ("2018-05-14", dec15, 2018, 5), ("2018-12-31", dec15, 2019, 1),
            ("2018-12-31", jan1, 2018, 12), ("2019-01-01", jan1, 2019, 1), ("2016-02-29", jan1, 2016, 2),
            ("2018-01-30", jan31, 2018, 12), ("2018-01-31", jan31, 2019, 1), ("2018-02-27", jan31, 2019, 1),
            ("2018-02-28", jan31, 2019, 2), ("2016-02-28", jan31, 2017, 1), ("2016-02-29", jan31, 2017, 2),
            ("2018-03-30", jan31, 2019, 2), ("2018-03-31", jan31, 2019, 3),
        ]
        for (d, start, year, month) in cases {
            let m = Period.reportingMonth(of: day(d), start: start)
            #expect(m.year == year && m.month == month, "\(d) from \(start): \(m)")
        }
    }

    @Test func wordsAndHeadersNameThePeriodInBothLanguages() throws {
        let cases: [(String, MonthDay, String, String)] = [
            ("2018", dec15, "năm 2018 (15/12/2017 – 14/12/2018)", "2018 (2017-12-15 – 2018-12-14)"),
            ("2018-H1", dec15, "6 tháng đầu năm 2018 (15/12/2017 – 14/06/2018)", "first half of 2018 (2017-12-15 – 2018-06-14)"),
            ("2018-H2", dec15, "6 tháng cuối năm 2018 (15/06/2018 – 14/12/2018)", "second half of 2018 (2018-06-15 – 2018-12-14)"),
            ("2018-Q1", dec15, "quý I năm 2018 (15/12/2017 – 14/03/2018)", "Q1 2018 (2017-12-15 – 2018-03-14)"),
            ("2018-Q4", jan1, "quý IV năm 2018 (01/10/2018 – 31/12/2018)", "Q4 2018 (2018-10-01 – 2018-12-31)"),
            ("2018-05", dec15, "tháng 5 năm 2018 (15/04/2018 – 14/05/2018)", "May 2018 (2018-04-15 – 2018-05-14)"),
            ("2018-01..2018-08", dec15, "8 tháng đầu năm 2018 (15/12/2017 – 14/08/2018)", "January–August 2018 (2017-12-15 – 2018-08-14)"),
            ("2018-03..2018-08", jan1, "từ tháng 3 đến tháng 8 năm 2018 (01/03/2018 – 31/08/2018)", "March–August 2018 (2018-03-01 – 2018-08-31)"),
            ("2018-01..2018-12", jan1, "từ tháng 1 đến tháng 12 năm 2018 (01/01/2018 – 31/12/2018)", "January–December 2018 (2018-01-01 – 2018-12-31)"),
            ("2017-11..2018-02", jan1, "từ tháng 11 năm 2017 đến tháng 2 năm 2018 (01/11/2017 – 28/02/2018)",
             "November 2017 – February 2018 (2017-11-01 – 2018-02-28)"),
            ("2013..2022", dec15, "giai đoạn 2013–2022 (15/12/2012 – 14/12/2022)", "2013–2022 (2012-12-15 – 2022-12-14)"),
            ("2018-Q1..2018-Q3", jan1, "9 tháng đầu năm 2018 (01/01/2018 – 30/09/2018)", "Q1–Q3 2018 (2018-01-01 – 2018-09-30)"),
            ("2018-Q2..2018-Q3", jan1, "từ quý II đến quý III năm 2018 (01/04/2018 – 30/09/2018)", "Q2–Q3 2018 (2018-04-01 – 2018-09-30)"),
            ("2017-Q4..2018-Q1", jan1, "từ quý IV năm 2017 đến quý I năm 2018 (01/10/2017 – 31/03/2018)",
             "Q4 2017 – Q1 2018 (2017-10-01 – 2018-03-31)"),
            ("2017-H2..2018-H1", jan1, "từ 6 tháng cuối năm 2017 đến 6 tháng đầu năm 2018 (01/07/2017 – 30/06/2018)",
             "second half of 2017 – first half of 2018 (2017-07-01 – 2018-06-30)"),
            ("2018-01-01..2018-05-31", dec15, "từ 01/01/2018 đến 31/05/2018 (01/01/2018 – 31/05/2018)",
             "1 January 2018 – 31 May 2018 (2018-01-01 – 2018-05-31)"),
            // From the reporting year's first day: year to date.
            ("2018-01-01..2018-05-31", jan1, "từ đầu năm đến 31/05/2018 (01/01/2018 – 31/05/2018)",
             "year to 31 May 2018 (2018-01-01 – 2018-05-31)"),
            ("2017-12-15..today", dec15, "từ đầu năm đến 07/12/2018 (15/12/2017 – 07/12/2018)",
             "year to 7 December 2018 (2017-12-15 – 2018-12-07)"),
        ]
        for (text, start, vi, en) in cases {
            let p = try parse(text, start)
            #expect(p.header(vietnamese: true) == vi)
            #expect(p.header(vietnamese: false) == en)
            #expect(vi.hasPrefix(p.words(vietnamese: true) + " ("))
        }
        let ytd = try PeriodParser.parse("2025-12-15..today", periodStart: dec15, today: day("2026-12-07"))
        #expect(ytd.words(vietnamese: true) == "từ đầu năm đến 07/12/2026")
    }

    @Test func cungKyIsTheSamePeriodOneYearEarlier() throws {
        let cases: [(String, MonthDay, String)] = [
            ("2018", dec15, "2017"), ("2018-H1", dec15, "2017-H1"), ("2018-Q3", jan1, "2017-Q3"),
            ("2018-05", dec15, "2017-05"), ("2018-01..2018-08", dec15, "2017-01..2017-08"),
            ("2013..2022", jan1, "2012..2021"), ("2018-01-01..2018-05-31", jan1, "2017-01-01..2017-05-31"),
            ("2016-02-29..2016-03-10", jan1, "2015-02-28..2015-03-10"), ("2017-02-01..2017-02-28", jan1, "2016-02-01..2016-02-28"),
        ]
        for (text, start, earlier) in cases {
            #expect(try parse(text, start).samePeriodOneYearEarlier().label == earlier, "\(text)")
        }
    }

    @Test func previousIsTheSameLengthJustBefore() throws {
        let cases: [(String, MonthDay, String)] = [
            ("2018", dec15, "2017"), ("2018-H1", dec15, "2017-H2"), ("2018-H2", jan1, "2018-H1"),
            ("2018-Q1", jan1, "2017-Q4"), ("2018-01", dec15, "2017-12"), ("2018-03..2018-08", jan1, "2017-09..2018-02"),
            ("2013..2022", jan1, "2003..2012"), ("2018-Q1..2018-Q3", jan1, "2017-Q2..2017-Q4"),
            ("2018-03-01..2018-03-31", jan1, "2018-01-29..2018-02-28"), ("2016-03-01..2016-03-01", jan1, "2016-02-29..2016-02-29"),
        ]
        for (text, start, before) in cases {
            #expect(try parse(text, start).previous().label == before, "\(text)")
        }
    }

    @Test func earlierPeriodsBeforeYear1000AreRefused() throws {
        #expect(throws: PeriodError.earlierPeriodOutOfRange("1000")) { try parse("1000", jan1).previous() }
        #expect(throws: PeriodError.earlierPeriodOutOfRange("1000-Q2")) { try parse("1000-Q2", dec15).samePeriodOneYearEarlier() }
        #expect(throws: PeriodError.earlierPeriodOutOfRange("1000-01-01..1000-01-05")) { try parse("1000-01-01..1000-01-05", jan1).previous() }
        #expect(throws: PeriodError.self) { try parse("1000-01-01..1000-01-05", jan1).samePeriodOneYearEarlier() }
        #expect(try parse("1001-Q2", dec15).samePeriodOneYearEarlier().label == "1000-Q2")
    }

    @Test func subperiodsSplitAPeriodIntoReportColumns() throws {
        func labels(_ text: String, _ start: MonthDay, _ unit: PeriodUnit) throws -> [String] {
            try parse(text, start).subperiods(unit).map(\.label)
        }
        #expect(try labels("2018", dec15, .months) == (1...12).map { "2018-" + ($0 < 10 ? "0" : "") + "\($0)" })
        #expect(try labels("2018", dec15, .quarters) == ["2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"])
        #expect(try labels("2018", dec15, .halves) == ["2018-H1", "2018-H2"])
        #expect(try labels("2018", dec15, .years) == ["2018"])
        #expect(try labels("2013..2022", jan1, .years) == (2013...2022).map(String.init))
        #expect(try labels("2018-H2", jan1, .quarters) == ["2018-Q3", "2018-Q4"])
        #expect(try labels("2018-03..2018-08", jan1, .quarters) == ["2018-03", "2018-Q2", "2018-07..2018-08"])
        #expect(try labels("2018-05", jan1, .years) == ["2018-05"])
        #expect(try labels("2018-01-10..2018-03-31", jan1, .months) == ["2018-01-10..2018-01-31", "2018-02", "2018-03"])
        #expect(try labels("2018-01-01..2018-05-31", dec15, .months)
                == ["2018-01-01..2018-01-14", "2018-02", "2018-03", "2018-04", "2018-05", "2018-05-15..2018-05-31"])
        #expect(try labels("2018-01-01..today", dec15, .years) == ["2018-01-01..2018-12-07"])
    }
}
