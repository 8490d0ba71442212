import SeededRandom
import ANTQDomain
import TextFormats

/// One kind of yearly flow, as a clerk enters it.
enum FlowKind: Sendable, Equatable {
    case tip(valuable: Bool)
    case solvedCase(CaseCategory)
    case arrest
    case weapon(WeaponKind)

    var type: EventType {
        switch self {
        case .tip: .tipReceived
        case .solvedCase: .caseSolved
        case .arrest: .arrestMade
        case .weapon: .weaponSeized
        }
    }

    /// How many units a single-event clerk enters at once (one case is one
    /// event; arrests come by the case's suspects; tips by the club meeting).
    func groupSize(_ rng: inout SplitMix64) -> Int {
        switch self {
        case .tip: rng.weighted([(1, 0.4), (2, 0.3), (3, 0.2), (4, 0.1)])
        case .solvedCase: 1
        case .arrest: rng.weighted([(1, 0.45), (2, 0.3), (3, 0.15), (4, 0.1)])
        case .weapon(let k): k == .rudimentary ? rng.weighted([(1, 0.5), (2, 0.3), (3, 0.2)]) : 1
        }
    }

    /// The event's data for `n` units. Weekly lines carry only the count;
    /// single events say a little more (the channel, caught in the act).
    func fields(_ n: Int, style: RecordingStyle, _ rng: inout SplitMix64) -> [InputField] {
        switch self {
        case .tip(let valuable):
            let channel: TipChannel = rng.weighted([(.in_person, 0.3), (.club, 0.28), (.hotline, 0.25), (.online, 0.07), (.letter, 0.05), (.other, 0.05)])
            return [.number("count", n), .text("channel", channel.rawValue), .flag("valuable", valuable)]
        case .solvedCase(let c):
            return [.number("count", n), .text("category", c.rawValue)]
        case .arrest:
            var f: [InputField] = [.number("count", n)]
            if style == .single { f.append(.flag("caught_in_act", rng.chance(0.4))) }
            return f
        case .weapon(let k):
            return [.text("kind", k.rawValue), .number("quantity", n)]
        }
    }

    /// How strongly this figure leans towards the urban wards.
    var urbanLean: Double {
        switch self {
        case .solvedCase(.drugs), .solvedCase(.high_tech), .solvedCase(.economic): 1.4
        case .solvedCase(.environment): 0.5
        case .weapon(.firearm): 0.8
        default: 1.0
        }
    }
}

/// Spreads a year's provincial flows over the 91 communes and the days of
/// the year. The spread is synthetic: only the provincial totals are
/// published facts (and the README says so).
struct Spreading {
    let seed: UInt64
    /// A commune's share of the province's activity (kind, district, and a
    /// stable per-commune factor), by code.
    let weights: [String: Double]

    init(seed: UInt64) {
        self.seed = seed
        var rng = SplitMix64(seed: seed, stream: "commune weights")
        let districtFactor: [String: Double] = ["718": 1.3, "719": 0.8, "720": 0.8, "721": 1.2, "722": 0.7,
                                                "723": 1.1, "724": 1.6, "725": 1.6, "726": 0.7]
        var w: [String: Double] = [:]
        for c in UnitList.communes {
            let kind: Double = switch c.kind {
            case .ward: 3.0
            case .township: 2.0
            default: 1.0
            }
            w[c.code] = kind * districtFactor[c.parent!]! * rng.double(0.6...1.4)
        }
        weights = w
    }

    /// The yearly flows as entries, commune by commune.
    func flows(_ q: FlowQuota) -> [Entry] {
        var rng = SplitMix64(seed: seed, stream: "flows \(q.year)")
        var kinds: [(FlowKind, Int)] = [(.tip(valuable: true), q.tipsValuable), (.tip(valuable: false), q.tipsOther)]
        kinds += q.cases.map { (FlowKind.solvedCase($0.0), $0.1) }
        kinds.append((.arrest, q.arrests))
        kinds += q.weapons.map { (FlowKind.weapon($0.0), $0.1) }
        let calendar = DayWeights(year: q.year)
        var entries: [Entry] = []
        for (kind, total) in kinds {
            let w = UnitList.communes.map { c -> Double in
                let urban = c.kind == .ward ? kind.urbanLean : 1 / kind.urbanLean
                let kept = kind == .tip(valuable: false) && RecordingStyle.of(c.parent!, year: q.year) != .single ? 0 : 1.0
                return weights[c.code]! * urban * kept * rng.double(0.75...1.25)
            }
            let shares = Spreading.allocate(total, w)
            for (c, n) in zip(UnitList.communes, shares) where n > 0 {
                let style = RecordingStyle.of(c.parent!, year: q.year)
                switch style {
                case .single:
                    var left = n
                    while left > 0 {
                        let size = min(left, kind.groupSize(&rng))
                        left -= size
                        entries.append(Entry(office: c.parent!, occurred: calendar.draw(&rng), unit: c.code, type: kind.type,
                                             fields: kind.fields(size, style: .single, &rng)))
                    }
                case .weekly, .monthly:
                    // Each unit on its own day, then summed per period: one line per period with any.
                    var weeks: [(monday: Int, count: Int, last: CivilDate)] = []
                    for _ in 0..<n {
                        let d = calendar.draw(&rng)
                        let monday = style.period(of: d, kind: kind)
                        if let i = weeks.firstIndex(where: { $0.monday == monday }) {
                            weeks[i].count += 1
                            if d > weeks[i].last { weeks[i].last = d }
                        } else {
                            weeks.append((monday, 1, d))
                        }
                    }
                    for wk in weeks.sorted(by: { $0.monday < $1.monday }) {
                        entries.append(Entry(office: c.parent!, occurred: wk.last, unit: c.code, type: kind.type,
                                             fields: kind.fields(wk.count, style: .weekly, &rng)))
                    }
                }
            }
        }
        return entries
    }

    /// Splits `total` in proportion to `weights`, exactly (largest remainders,
    /// ties to the earlier index).
    static func allocate(_ total: Int, _ weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        precondition(sum > 0 && total >= 0)
        let exact = weights.map { Double(total) * $0 / sum }
        var out = exact.map { Int($0.rounded(.down)) }
        var left = total - out.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(out[$0]), -$0) > (exact[$1] - Double(out[$1]), -$1) }
        var i = 0
        while left > 0 {
            out[order[i % order.count]] += 1
            left -= 1
            i += 1
        }
        return out
    }

    /// The day number of the Monday of `d`'s week, kept inside `d`'s year
    /// (a week across New Year is two weeks: one per reporting year).
    static func monday(of d: CivilDate) -> Int {
        let n = d.dayNumber
        let weekday = ((n + 3) % 7 + 7) % 7 // 1970-01-01 was a Thursday; Monday = 0
        let jan1 = CivilDate(year: d.year, month: 1, day: 1)!.dayNumber
        return max(n - weekday, jan1)
    }
}

/// How busy each day of a year is: more in the weeks before Tết (the
/// Lunar New Year, when theft and robbery rise and the police run their
/// crackdown), a lull over the holiday, a little less at weekends.
struct DayWeights {
    let first: Int
    let cumulative: [Double]

    init(year: Int) {
        let tet = (year == 2017 ? day("2017-01-28") : year == 2018 ? day("2018-02-16") : day("\(year)-02-05")).dayNumber
        first = CivilDate(year: year, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: year, month: 12, day: 31)!.dayNumber
        var c: [Double] = []
        var sum = 0.0
        for n in first...last {
            let before = Double(n - (tet - 12)) / 15
            let holiday = Double(n - (tet + 2)) / 3
            // Rational bumps, not exp(): plain IEEE arithmetic gives the same bits on every platform.
            var w = 1.0 + 0.55 / (1 + before * before * before * before) - 0.6 / (1 + holiday * holiday * holiday * holiday)
            let weekday = ((n + 3) % 7 + 7) % 7
            if weekday >= 5 { w *= 0.85 }
            sum += w
            c.append(sum)
        }
        cumulative = c
    }

    /// A day drawn in proportion to its weight.
    func draw(_ rng: inout SplitMix64) -> CivilDate {
        let x = rng.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return CivilDate(dayNumber: first + lo)
    }
}
