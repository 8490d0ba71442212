import ANTQDomain
import ANTQStore
import TextFormats

/// When each entry is recorded. Weekly offices send the week's lines on
/// the Tuesday or Wednesday after it; single-event offices enter each
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
                switch RecordingStyle.of(e.office) {
                case .weekly:
                    let n = occurred.dayNumber
                    let sunday = n - ((n + 3) % 7 + 7) % 7 + 6
                    key = "\(e.office) week \(sunday)"
                    recordDay = CivilDate(dayNumber: sunday + 2 + (e.office.hashValueStable % 2))
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
            if at < notBefore { at = UTCInstant(microsecondsSinceEpoch: notBefore.microsecondsSinceEpoch + Int64(rng.int(60...7_200)) * 1_000_000) }
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

    /// The next day that is not a Saturday or a Sunday.
    static func workingDay(_ d: CivilDate) -> CivilDate {
        var n = d.dayNumber
        while ((n + 3) % 7 + 7) % 7 >= 5 { n += 1 }
        return CivilDate(dayNumber: n)
    }

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
