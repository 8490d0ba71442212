import ANTQDomain
import ANTQStore
import TextFormats

/// Before the log is put in place, the generator reads it back with the
/// library and checks the story came out as told: every announced figure as
/// of the conference day, and today's figures differing only by the corrections.
struct SelfCheck {
    var announced: [(String, Int)] = []
    var now: [(String, Int)] = []

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ directory: String) throws -> SelfCheck {
        let store = try DataStore.open(directory)
        // End of the conference day in Vietnam.
        let endOfDay = Schedule.vietnamTime(YearlyQuotas.conferenceDay.adding(days: 1), minute: 0).microsecondsSinceEpoch - 1
        let then = try store.replay(asOf: UTCInstant(microsecondsSinceEpoch: endOfDay), writeSnapshot: false)
        let current = try store.replay(writeSnapshot: false)
        var check = SelfCheck()
        var problems: [String] = []
        let year = Period(year: 2018, start: then.periodStart)
        func figure(_ q: FigureQuery, _ name: String) -> Int { Int(q.value(name, unit: "74")?.plain() ?? "") ?? -1 }
        for (metric, value, _) in Conference.figures {
            guard let m = FigureCatalogue()[metric] else { throw Mismatch(description: "\(metric) is not a figure name") }
            let flows = FigureQuery(ledger: then.ledger, first: year.firstDay, last: year.lastDay, periodStart: then.periodStart)
            let day = YearlyQuotas.conferenceDay
            let state = FigureQuery(ledger: then.ledger, first: day, last: day, months: nil)
            let got = m.isFlow ? figure(flows, metric) : figure(state, metric)
            if got != value { problems.append("\(metric) as of 28-03-2019 is \(got), announced \(value)") }
            if !m.isFlow && figure(flows, metric) != value {
                problems.append("\(metric) on 31-12-2018 is \(figure(flows, metric)), announced \(value)")
            }
            check.announced.append((metric, got))
            let today = figure(FigureQuery(ledger: current.ledger, first: year.firstDay, last: year.lastDay, periodStart: current.periodStart), metric)
            check.now.append((metric, today))
        }
        let expectedNow = ["arrests": 3_625, "weapons.rudimentary": 500]
        for (metric, today) in check.now {
            let announced = check.announced.first { $0.0 == metric }!.1
            let want = expectedNow[metric] ?? announced
            if FigureCatalogue()[metric]!.isFlow && today != want { problems.append("\(metric) 2018 today is \(today), the story says \(want)") }
        }
        if !problems.isEmpty { throw Mismatch(description: "the log does not tell the story:\n  " + problems.joined(separator: "\n  ")) }
        return check
    }

    func report(seqs: [String: Int]) -> String {
        var lines = ["figures of 2018 for unit 74 (as of 28-03-2019 → today):"]
        for ((metric, a), (_, n)) in zip(announced, now) {
            lines.append("  \(metric): \(a)" + (a != n && FigureCatalogue()[metric]!.isFlow ? " → \(n)" : ""))
        }
        lines.append("the story's events: " + seqs.sorted { $0.value < $1.value }.map { "\($0.key) #\($0.value)" }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
