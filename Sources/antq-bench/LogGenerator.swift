import ANTQDomain
import Decimals
import SeededRandom
import ANTQStore
import TextFormats

/// Produces the events of a synthetic provincial log, in order and
/// deterministically (fixed seed): `log.created`, the unit tree as one
/// batch, then ten years (2015–2024) of the whole catalogue — tips, cases,
/// arrests, weapons, awards, models established/changed/dissolved, cameras
/// installed/removed, ~0.7 % corrections and ~0.3 % retractions (each
/// carrying the exact `was` copy antq would write), two renames, one merge
/// and, when asked, `figure.asserted` events whose values are what the log
/// gives at that moment (so `antq verify` holds them).
///
/// Events come with `seq` and `recorded` set the way antq writes them, and
/// whether more lines of their batch follow (`more`): a batch shares one
/// `recorded` instant. `prev` is left for the writer (it depends on the bytes).
struct LogGenerator {
    /// Events to produce in all, `log.created` and the unit batch included.
    let total: Int
    let assertions: Bool
    /// The share of facts that are records of indicators the log declares
    /// (with decimals and a dimension), as a province's own log holds them.
    let declaredShare: Double
    private var rng: SplitMix64
    let province = SyntheticProvince()
    /// Seq of the last event produced.
    private(set) var seq = 0

    // Time: recorded instants spread evenly over ten years.
    private let bodyStart: Int64
    private let step: Int64
    private var lastRecorded: Int64 = 0
    private var batchLeft = 0
    private var batchRecorded = UTCInstant(microsecondsSinceEpoch: 0)
    private var batchDay = CivilDate(year: 2015, month: 1, day: 1)!
    private var batchKind = BatchKind.normal

    enum BatchKind { case header, units, rename, merge, assertion, normal }

    // What the generator must know to write only valid events.
    private var active: [Int]                     // commune indices still in use
    private var names: [String: String] = [:]
    private var merged: Set<String> = []
    private struct Model { var id: String; var unit: String; var members: Int; var last: CivilDate }
    private var models: [Model] = []
    private var modelSerial = 0
    private var cameras: [String: (count: Int, last: CivilDate)] = [:]
    /// Recent flow events that may be corrected or retracted, with their effective fact.
    private var amendable: [(seq: Int, fact: Fact)] = []
    private var caseSerial = 0
    private var renamesDone = 0
    private var mergeDone = false

    // The ledger as of the last event, for the values of `figure.asserted`.
    private var ledger = Ledger()
    private let projection = LedgerProjection()

    static let unitsRegistered = CivilDate(year: 2014, month: 6, day: 1)!
    static let firstBodyDay = CivilDate(year: 2015, month: 1, day: 1)!
    static let years = 10

    /// - Parameters:
    ///   - total: events in all (at least 1,000: the header and units take 112).
    ///   - assertions: include `figure.asserted` (needs a running ledger; off for draft files).
    init(total: Int, seed: UInt64, assertions: Bool, declaredShare: Double = 0) {
        precondition(total >= 1000, "the generator needs at least 1,000 events")
        self.total = total
        self.assertions = assertions
        self.declaredShare = declaredShare
        rng = SplitMix64(seed: seed)
        bodyStart = Int64(LogGenerator.firstBodyDay.dayNumber) * 86_400_000_000
        step = max(1, Int64(LogGenerator.years) * 365 * 86_400_000_000 / Int64(total))
        active = Array(province.communes.indices)
        for u in province.all { names[u.code] = u.name }
    }

    /// Events of the header and unit batches: the prefix a fresh log needs before facts can be recorded.
    var prefixCount: Int { 1 + province.all.count + declarations.count }

    /// The indicators a declared-share log declares, right after its units.
    var declarations: [EventData] { declaredShare > 0 ? DeclaredIndicators.definitions : [] }

    var isFinished: Bool { seq >= total }

    /// The Vietnam day of the last batch: the generated log's "today".
    var lastDay: CivilDate { batchDay }

    // MARK: - The stream

    mutating func next() -> (event: Event, more: Bool) {
        precondition(seq < total)
        if batchLeft == 0 { startBatch() }
        seq += 1
        batchLeft -= 1
        var e: Event
        switch batchKind {
        case .header:
            e = event(occurred: CivilDate(year: 2014, month: 12, day: 30)!, unit: nil, by: "Phòng Tham mưu",
                      LogCreated(logID: rng.uuid()).data)
        case .units where seq - 2 >= province.all.count:
            e = event(occurred: LogGenerator.unitsRegistered, unit: province.province.code, by: "Phòng Tham mưu",
                      declarations[seq - 2 - province.all.count])
        case .units:
            let u = province.all[seq - 2]
            e = event(occurred: LogGenerator.unitsRegistered, unit: u.code, by: "Phòng Tham mưu",
                      EventData(.unitRegistered, ["name": .text(u.name), "kind": .text(u.kind), "parent": u.parent.map { .text($0) } ?? .null]))
        case .rename:
            let c = province.communes[active[rng.below(active.count)]]
            let newName = nfc(names[c.code]! + " Đông")
            names[c.code] = newName
            e = event(occurred: batchDay, unit: c.code, EventData(.unitChanged, ["name": .text(newName)]))
        case .merge:
            // The last commune of the fifth district joins its neighbour; nothing is recorded under it afterwards.
            let from = province.communesOf[4][9], into = province.communesOf[4][8]
            let code = province.communes[from].code
            active.removeAll { $0 == from }
            merged.insert(code)
            models.removeAll { $0.unit == code }
            e = event(occurred: batchDay, unit: code, EventData(.unitMerged, ["into": .text(province.communes[into].code)]))
        case .assertion:
            e = assertion()
        case .normal:
            e = fact()
        }
        if assertions { projection.apply(e, to: &ledger) }
        return (e, batchLeft > 0)
    }

    private mutating func startBatch() {
        let remaining = total - seq
        var size = 1
        if seq == 0 {
            batchKind = .header
            batchRecorded = UTCInstant(date: CivilDate(year: 2014, month: 12, day: 30)!, hour: 2, minute: 0, second: 0)!
        } else if seq == 1 {
            batchKind = .units
            size = province.all.count + declarations.count
            batchRecorded = UTCInstant(date: CivilDate(year: 2014, month: 12, day: 31)!, hour: 2, minute: 0, second: 0)!
        } else {
            let fraction = Double(seq) / Double(total)
            if renamesDone < 2 && fraction >= [0.3, 0.6][renamesDone] {
                renamesDone += 1
                batchKind = .rename
            } else if !mergeDone && fraction >= 0.8 {
                mergeDone = true
                batchKind = .merge
            } else if assertions && seq > 1000 && rng.chance(0.0006) {
                batchKind = .assertion
            } else {
                batchKind = .normal
                // Mostly one event per append; sometimes a clerk's batch, sometimes an import.
                let r = rng.below(100)
                size = r < 70 ? 1 : r < 92 ? 2 + rng.below(9) : 10 + rng.below(91)
            }
            let base = bodyStart + Int64(seq - prefixCount) * step + Int64(rng.below(Int(min(step, 1 << 30))))
            batchRecorded = UTCInstant(microsecondsSinceEpoch: max(base, lastRecorded + 1))
        }
        lastRecorded = batchRecorded.microsecondsSinceEpoch
        batchDay = Clock.vietnamDay(of: batchRecorded)
        batchLeft = min(size, remaining)
    }

    private static let recorders = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thu Hà", "Võ Thanh Sơn",
                                    "Huỳnh Ngọc Lan", "Đặng Quốc Bảo", "Bùi Thị Hồng", "Đỗ Văn Phúc", "Ngô Thị Thảo"].map(nfc)

    private mutating func event(occurred: CivilDate, unit: String?, by: String? = nil, _ data: EventData) -> Event {
        Event(seq: seq, id: rng.uuid(), occurred: occurred, recorded: batchRecorded, unit: unit,
              by: by.map(nfc) ?? LogGenerator.recorders[rng.below(LogGenerator.recorders.count)], data: data)
    }

    /// A day up to three weeks before the batch was recorded: facts are reported late.
    private mutating func jitteredDay() -> CivilDate { batchDay.adding(days: -rng.below(21)) }

    private mutating func commune() -> SyntheticProvince.Unit { province.communes[active[rng.below(active.count)]] }

    // MARK: - Facts

    private mutating func fact() -> Event {
        let r = rng.below(1000)
        if r < 7, let e = correction() { return e }
        if r >= 7 && r < 10, let e = retraction() { return e }
        if r >= 10 && r < 30, let e = modelEstablished() { return e }
        if r >= 30 && r < 60, let e = modelChanged() { return e }
        if r >= 60 && r < 70, let e = modelDissolved() { return e }
        if r >= 70 && r < 120 { return cameraInstalled() }
        if r >= 120 && r < 140, let e = cameraRemoved() { return e }
        if declaredShare > 0 && rng.chance(declaredShare / 0.86) { return declaredRecord() }
        return flow(r)
    }

    private mutating func flow(_ r: Int) -> Event {
        let c = commune()
        // One fact in twenty is recorded at district level.
        let unit = rng.below(20) == 0 ? c.parent! : c.code
        let data: EventData
        switch r % 10 {
        case 0, 1, 2:
            data = EventData(.tipReceived, ["count": .int(Int64(rng.below(10) == 0 ? 2 + rng.below(3) : 1)),
                                            "channel": .text(rng.pick(Self.channels)), "valuable": .bool(rng.chance(0.3))])
        case 3, 4:
            var d = EventData(.caseSolved, ["count": .int(Int64(rng.below(10) == 0 ? 2 + rng.below(3) : 1)),
                                            "category": .text(rng.pick(Self.categories))])
            if rng.chance(0.5) { d[CaseSolved.caseRef] = .text(caseRef()) }
            data = d
        case 5, 6:
            var d = EventData(.arrestMade, ["count": .int(Int64(1 + rng.below(5)))])
            if rng.chance(0.6) { d[ArrestMade.caseRef] = .text(caseRef()) }
            if rng.chance(0.5) { d[ArrestMade.caughtInAct] = .bool(rng.chance(0.5)) }
            data = d
        case 7:
            var d = EventData(.weaponSeized, ["kind": .text(rng.pick(Self.weaponKinds)), "quantity": .int(Int64(1 + rng.below(20)))])
            if rng.chance(0.5) { d[WeaponSeized.caseRef] = .text(caseRef()) }
            data = d
        default:
            data = award(c)
        }
        let e = event(occurred: jitteredDay(), unit: unit, data)
        remember(e)
        return e
    }

    /// A record of a declared indicator, in a commune.
    private mutating func declaredRecord() -> Event {
        let c = commune()
        let data = DeclaredIndicators.record(&rng)
        let e = event(occurred: jitteredDay(), unit: c.code, data)
        remember(e)
        return e
    }

    private mutating func caseRef() -> String {
        caseSerial += 1
        return "HS-\(batchDay.year)-\(caseSerial)"
    }

    private static let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
    private static let middle = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Thanh", "Hữu", "Đức"]
    private static let given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Linh", "Nam", "Phương", "Quân", "Trang", "Tùng", "Yến"]
    private static let reasons = ["Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc",
                                  "Tích cực tố giác tội phạm", "Dũng cảm bắt giữ đối tượng cướp giật tài sản"]

    static let channels = ["hotline", "in_person", "club", "letter", "online", "other"]
    static let categories = ["social_order", "drugs", "economic", "environment", "high_tech", "corruption", "other"]
    static let weaponKinds = ["firearm", "rudimentary", "implement", "explosive", "support_tool"]
    static let issuers = ["government", "ministry", "province", "provincial_police", "district", "commune"]
    static let forms = ["emulation_flag", "certificate_of_merit", "certificate_of_commendation", "medal", "badge", "other"]
    static let modelKinds = ["crime_prevention_club", "shock_team", "landlord_club", "relatives_club", "self_management_group", "motorbike_taxi_group"]

    private mutating func award(_ c: SyntheticProvince.Unit) -> EventData {
        let collective = rng.chance(0.4)
        let recipient = collective
            ? "Ban bảo vệ dân phố \(names[c.code]!)"
            : "\(rng.pick(LogGenerator.family)) \(rng.pick(LogGenerator.middle)) \(rng.pick(LogGenerator.given))"
        var d = EventData(.awardGranted, ["recipient_kind": .text(collective ? "collective" : "individual"), "recipient": .text(nfc(recipient)),
                                          "issuer": .text(rng.pick(Self.issuers)), "form": .text(rng.pick(Self.forms)),
                                          "count": .int(Int64(rng.chance(0.8) ? 1 : 2 + rng.below(4)))])
        if rng.chance(0.3) { d[AwardGranted.reason] = .text(nfc(rng.pick(LogGenerator.reasons))) }
        return d
    }

    /// Keeps recent flow events (a bounded pool) as candidates for corrections and retractions.
    private mutating func remember(_ e: Event) {
        let entry = (seq: e.seq, fact: e.fact)
        if amendable.count < 4096 { amendable.append(entry) } else { amendable[rng.below(amendable.count)] = entry }
    }

    private static let correctionReasons = ["Nhập sai số lượng", "Báo cáo lại theo hồ sơ vụ việc", "Nhầm địa bàn"].map(nfc)
    private static let retractionReasons = ["Nhập trùng", "Sự việc không thuộc địa bàn quản lý"].map(nfc)

    private mutating func amendTarget() -> Int? {
        guard !amendable.isEmpty else { return nil }
        let i = rng.below(amendable.count)
        guard let unit = amendable[i].fact.unit, !merged.contains(unit) else { return nil }
        return i
    }

    private mutating func correction() -> Event? {
        guard let i = amendTarget() else { return nil }
        let (target, was) = amendable[i]
        var replacement = was
        // One more of what it counted: the field its figures are summed from.
        let amountField = ["count", "quantity", "value"].compactMap { was.data.spec.field(named: $0) }.first
        guard let f = amountField, let amount = was.data[f.ref] else { return nil }
        switch amount {
        case .int(let n): replacement.data[f.ref] = .int(n + 1)
        case .decimal(let x): replacement.data[f.ref] = .decimal(x + ExactDecimal(1))
        default: return nil
        }
        if rng.chance(0.1) { replacement.unit = commune().code }
        amendable[i].fact = replacement
        return event(occurred: batchDay, unit: replacement.unit,
                     .corrected(Correction(target: target, reason: rng.pick(LogGenerator.correctionReasons), replacement: replacement, was: was)))
    }

    private mutating func retraction() -> Event? {
        guard let i = amendTarget() else { return nil }
        let (target, was) = amendable[i]
        amendable.swapAt(i, amendable.count - 1)
        amendable.removeLast()
        return event(occurred: batchDay, unit: was.unit,
                     .retracted(Retraction(target: target, reason: rng.pick(LogGenerator.retractionReasons), was: was)))
    }

    private static let modelNames: [String: String] = [
        "crime_prevention_club": "Câu lạc bộ phòng, chống tội phạm", "shock_team": "Tổ xung kích",
        "landlord_club": "Câu lạc bộ chủ nhà trọ", "relatives_club": "Câu lạc bộ người thân",
        "self_management_group": "Tổ tự quản", "motorbike_taxi_group": "Tổ xe ôm tự quản",
    ]

    private mutating func modelEstablished() -> Event? {
        let c = commune()
        modelSerial += 1
        let kind = rng.pick(Self.modelKinds)
        let m = Model(id: "\(c.code)-m\(modelSerial)", unit: c.code, members: 5 + rng.below(56), last: jitteredDay())
        models.append(m)
        return event(occurred: m.last, unit: c.code,
                     EventData(.modelEstablished, ["model": .text(m.id), "kind": .text(kind),
                                                   "name": .text(nfc("\(LogGenerator.modelNames[kind]!) khu phố \(modelSerial % 50 + 1)")),
                                                   "members": .int(Int64(m.members))]))
    }

    /// Model and camera events never go back before the model's or unit's last one, so every one is valid on its day.
    private mutating func modelDay(_ i: Int) -> CivilDate {
        let d = max(jitteredDay(), models[i].last)
        models[i].last = d
        return d
    }

    private mutating func modelChanged() -> Event? {
        guard !models.isEmpty else { return nil }
        let i = rng.below(models.count)
        let members = max(0, models[i].members + rng.below(11) - 5)
        models[i].members = members
        let day = modelDay(i)
        return event(occurred: day, unit: models[i].unit, EventData(.modelChanged, ["model": .text(models[i].id), "members": .int(Int64(members))]))
    }

    private mutating func modelDissolved() -> Event? {
        guard models.count > 50 else { return nil }
        let i = rng.below(models.count)
        let day = modelDay(i)
        let m = models[i]
        models.swapAt(i, models.count - 1)
        models.removeLast()
        var d = EventData(.modelDissolved, ["model": .text(m.id)])
        if rng.chance(0.5) { d[ModelDissolved.reason] = .text(nfc("Không còn hoạt động")) }
        return event(occurred: day, unit: m.unit, d)
    }

    private mutating func cameraDay(_ unit: String) -> CivilDate {
        max(jitteredDay(), cameras[unit]?.last ?? LogGenerator.unitsRegistered)
    }

    private mutating func cameraInstalled() -> Event {
        let c = commune()
        let n = 1 + rng.below(10)
        let day = cameraDay(c.code)
        cameras[c.code] = ((cameras[c.code]?.count ?? 0) + n, day)
        return event(occurred: day, unit: c.code, EventData(.cameraInstalled, ["count": .int(Int64(n))]))
    }

    private mutating func cameraRemoved() -> Event? {
        let c = commune()
        guard let have = cameras[c.code], have.count > 0 else { return nil }
        let n = 1 + rng.below(min(have.count, 3))
        let day = cameraDay(c.code)
        cameras[c.code] = (have.count - n, day)
        return event(occurred: day, unit: c.code, EventData(.cameraRemoved, ["count": .int(Int64(n))]))
    }

    // MARK: - Announced figures

    private static let assertedMetrics = ["arrests", "tips", "tips.valuable", "cases", "cases.drugs", "weapons.firearm",
                                          "awards.individual.local", "cameras", "models.crime_prevention_club",
                                          "models.shock_team.members", "communes.with_club"]

    /// A figure announced at a review conference: last year's value for the
    /// province or a district, exactly as the log gives it now.
    private mutating func assertion() -> Event {
        let name = rng.pick(LogGenerator.assertedMetrics)
        let unit = rng.chance(0.3) ? province.province.code : province.districts[rng.below(province.districts.count)].code
        let year = batchDay.year - 1
        let p = Period(year: year, start: .january1)
        let value = FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, periodStart: .january1).value(name, unit: unit) ?? .zero
        return event(occurred: batchDay, unit: unit, by: "Phòng Tham mưu",
                     EventData(.figureAsserted, ["metric": .text(name), "year": .int(Int64(year)), "value": .decimal(value),
                                                 "note": .text(nfc("Số liệu báo cáo tại hội nghị sơ kết năm \(year)"))]))
    }
}
