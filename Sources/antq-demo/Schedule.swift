import SeededRandom
import ANTQDomain
import ANTQStore
import TextFormats

/// When each entry is recorded. Monthly offices send the month's lines in
/// the first week of the next; weekly offices send the week's lines on the
/// Tuesday or Wednesday after it; single-event offices enter each
/// event one to four days after it happened; the provincial office enters
/// an occasion's awards a few working days after the ceremony. Every
/// sitting falls in office hours, Vietnam time.
enum Schedule {
    /// Turns entries into sittings, each no earlier than `notBefore`.
    static func submissions(_ entries: [Entry], notBefore: UTCInstant, seed: UInt64, stream: String) -> [Submission] {
        var rng = SplitMix64(seed: seed, stream: "schedule \(stream)")
        // Group first (keeping the entries' order), then give each group its time.
        var groups: [(key: String, recordDay: CivilDate, office: String, entries: [Entry])] = []
        var index: [String: Int] = [:]
        for e in entries {
            let occurred = e.occurred!
            let key: String
            let recordDay: CivilDate
            if e.office == UnitList.province.code {
                key = "74 \(occurred.iso)"
                recordDay = workingDay(occurred.adding(days: rng.int(2...5)))
            } else {
                switch RecordingStyle.of(e.office, year: occurred.year) {
                case .monthly:
                    key = "\(e.office) month \(occurred.year)-\(occurred.month)"
                    let next = occurred.month == 12 ? CivilDate(year: occurred.year + 1, month: 1, day: 1)! : CivilDate(year: occurred.year, month: occurred.month + 1, day: 1)!
                    recordDay = workingDay(next.adding(days: 2 + (e.office.hashValueStable % 4)))
                case .weekly:
                    let n = occurred.dayNumber
                    let sunday = n - ((n + 3) % 7 + 7) % 7 + 6
                    key = "\(e.office) week \(sunday)"
                    recordDay = workingDay(CivilDate(dayNumber: sunday + 2 + (e.office.hashValueStable % 2)))
                case .single:
                    key = "\(e.office) single \(groups.count)"
                    recordDay = workingDay(occurred.adding(days: e.recordDelay ?? rng.int(1...4)))
                }
            }
            if let i = index[key] {
                groups[i].entries.append(e)
            } else {
                index[key] = groups.count
                groups.append((key, recordDay, e.office, [e]))
            }
        }
        var out: [Submission] = []
        for g in groups {
            var at = officeHours(g.recordDay, &rng)
            if at < notBefore { at = UTCInstant(microsecondsSinceEpoch: notBefore.microsecondsSinceEpoch + Int64(rng.int(60_000_000...7_200_000_000))) }
            // A batch lists its communes in the GSO order, each commune's lines by day.
            let sorted = g.entries.enumerated().sorted { a, b in
                let ka = (communeOrder[a.element.unit ?? ""] ?? -1, a.element.occurred!.dayNumber, a.offset)
                let kb = (communeOrder[b.element.unit ?? ""] ?? -1, b.element.occurred!.dayNumber, b.offset)
                return ka < kb
            }.map(\.element)
            out.append(Submission(recorded: at, by: Clerks.clerk(of: g.office, on: Clock.vietnamDay(of: at)), entries: sorted, what: g.key))
        }
        return out
    }

    static let communeOrder: [String: Int] = Dictionary(uniqueKeysWithValues: UnitList.communes.enumerated().map { ($1.code, $0) })

    /// The next day that is not a Saturday, a Sunday or a public holiday.
    static func workingDay(_ d: CivilDate) -> CivilDate {
        var n = d.dayNumber
        while ((n + 3) % 7 + 7) % 7 >= 5 || holidays.contains(n) { n += 1 }
        return CivilDate(dayNumber: n)
    }

    /// Public holidays (days off) of the years the clerks record in: New
    /// Year, Tết, the Hùng Kings' day, 30 April and 1 May, National Day.
    static let holidays: Set<Int> = {
        var days: [CivilDate] = []
        func span(_ from: String, _ to: String) {
            for n in day(from).dayNumber...day(to).dayNumber { days.append(CivilDate(dayNumber: n)) }
        }
        span("2017-01-02", "2017-01-02"); span("2017-01-26", "2017-02-01"); span("2017-04-06", "2017-04-06")
        span("2017-05-01", "2017-05-02"); span("2017-09-04", "2017-09-04")
        span("2018-01-01", "2018-01-01"); span("2018-02-14", "2018-02-20"); span("2018-04-25", "2018-04-25")
        span("2018-04-30", "2018-05-01"); span("2018-09-03", "2018-09-03")
        span("2019-01-01", "2019-01-01"); span("2019-02-04", "2019-02-08")
        return Set(days.map(\.dayNumber))
    }()

    /// A moment in office hours on `d` (7:30–11:30 or 13:30–16:45 in Vietnam, UTC+7).
    static func officeHours(_ d: CivilDate, _ rng: inout SplitMix64) -> UTCInstant {
        let minute = rng.chance(0.55) ? rng.int(450...690) : rng.int(810...1005)
        return vietnamTime(d, minute: minute, second: rng.int(0...59), microsecond: rng.int(0...999_999))
    }

    /// The instant of a Vietnam local time on `d`.
    static func vietnamTime(_ d: CivilDate, minute: Int, second: Int = 0, microsecond: Int = 0) -> UTCInstant {
        let local = (Int64(d.dayNumber) * 86_400 + Int64(minute * 60 + second)) * 1_000_000 + Int64(microsecond)
        return UTCInstant(microsecondsSinceEpoch: local - 7 * 3_600 * 1_000_000)
    }
}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per run).
    var hashValueStable: Int {
        var h: UInt32 = 2_166_136_261
        for b in utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h % 1_000_003)
    }
}
