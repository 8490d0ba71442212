import ANTQDomain
import Foundation
import SeededRandom
import TextFormats

/// A seeded random log of every event type, valid by construction: each
/// candidate draft goes through `Validator` (via `LogBuilder`), and the few a
/// validator refuses are dropped. Covers unit registrations, changes (name,
/// kind, moving a commune to another district) and merges; flows on every
/// level; models established, changed and dissolved; cameras; published
/// figures; corrections (count, day — including into another year — and unit)
/// and retractions of any event, unit events included; and, unless
/// `declarations` is off, what a province declares of its own catalogue:
/// indicators (counts and quantities with decimals, flow and level, with
/// dimensions), their records, changes and retirements, ratios and
/// vocabulary extensions (`RandomLog+Declarations.swift`).
public struct RandomLog {
    public var rng: SplitMix64
    public var b: LogBuilder
    var nextCode = 26000
    var nextModel = 1
    var nextIndicator = 1
    public let declarations: Bool
    /// The accepted batch lines, batch by batch (what `antq append -` would be given).
    public private(set) var batches: [[String]] = []
    public private(set) var attempts = 0
    public private(set) var refusals = 0

    static let names = ["Phú Cường", "Hòa Phú", "Tân Định", "Chánh Nghĩa", "An Bình", "Định Hòa", "Lai Uyên",
                        "Tân Hưng", "Long Nguyên", "Minh Hòa", "Phước Hòa", "Thái Hòa", "Đông Hòa", "Bình An"]

    public init(seed: UInt64, periodStart: MonthDay? = nil, declarations: Bool = true) {
        var r = SplitMix64(seed: seed)
        let start = periodStart ?? (r.chance(0.5) ? .january1 : MonthDay(month: 12, day: 15))
        b = LogBuilder(periodStart: start, logID: UUIDText.random(using: &r))
        rng = r
        self.declarations = declarations
        var lines = [#"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#]
        for (i, d) in ["701", "702", "703"].enumerated() {
            lines.append(#"{"type":"unit.registered","occurred":"200\#(i)-01-01","unit":"\#(d)","data":{"name":"\#(RandomLog.names[i])","kind":"district","parent":"74"}}"#)
        }
        try! b.append(lines.map { try! draft($0) })
        batches.append(lines)
        for _ in 0..<6 { step(forced: 0) }
    }

    public var events: [Event] { b.events }
    public var ledger: Ledger { b.ledger }

    /// Generates until the log holds `count` events.
    public static func make(seed: UInt64, events count: Int, periodStart: MonthDay? = nil, declarations: Bool = true) -> RandomLog {
        var g = RandomLog(seed: seed, periodStart: periodStart, declarations: declarations)
        while g.b.events.count < count { g.batch() }
        return g
    }

    /// One batch of 1–4 drafts; a refused draft is left out of the batch.
    public mutating func batch() {
        b.clock += Int64.random(in: 1...3_600_000_000, using: &rng)
        var v = b.validator()
        var accepted: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard let json = candidate(nil) else { continue }
            attempts += 1
            do { _ = try v.accept(try draft(json)); accepted.append(json) } catch { refusals += 1 }
        }
        if !accepted.isEmpty { batches.append(accepted) }
        b.adopt(v)
    }

    public mutating func step(forced: Int?) {
        var v = b.validator()
        if let json = candidate(forced) {
            attempts += 1
            do { _ = try v.accept(try draft(json)); batches.append([json]) } catch { refusals += 1 }
        }
        b.adopt(v)
    }

    // MARK: - Candidates

    var units: [UnitRegistry.View] { b.ledger.units.views() }
    var communes: [UnitRegistry.View] { units.filter(\.isCommuneLevel) }
    var districts: [UnitRegistry.View] { units.filter { ["district", "city", "town"].contains($0.kind) } }
    /// The vocabulary as the log has it now (built-in plus extensions).
    func codes(_ v: VocabularyName) -> [String] { b.ledger.catalogue.vocabularies[v].codes }

    mutating func date(from a: CivilDate, to z: CivilDate) -> CivilDate {
        guard a < z else { return a }
        return CivilDate(dayNumber: Int.random(in: a.dayNumber...z.dayNumber, using: &rng))
    }

    /// A day on which `v` is registered and not yet merged.
    mutating func liveDay(_ v: UnitRegistry.View, from: String = "2012-01-01") -> CivilDate {
        let lo = max(v.registered, day(from))
        let hi = v.mergedOn.map { $0.adding(days: -1) } ?? testToday
        return date(from: lo, to: max(lo, hi))
    }

    /// A day a unit may end on (merged, split, abolished): a live day, and
    /// after the last fact recorded for it, since a unit ends only with
    /// nothing recorded for it after the end.
    mutating func endDay(_ v: UnitRegistry.View, from: String) -> CivilDate {
        let d = liveDay(v, from: from)
        return earliestEnd(v).map { max(d, $0) } ?? d
    }

    /// The day after the last fact recorded for `v`, as written or as corrected (nil: none).
    func earliestEnd(_ v: UnitRegistry.View) -> CivilDate? {
        var last: CivilDate?
        for e in b.events {
            FigureContributions.forEachSignedFact(of: e) { f, sign, _, _ in
                if sign > 0, f.unit == v.code, last.map({ f.occurred > $0 }) ?? true { last = f.occurred }
            }
        }
        return last?.adding(days: 1)
    }

    mutating func id() -> String { UUIDText.random(using: &rng) }

    mutating func candidate(_ forced: Int?) -> String? {
        let roll = forced ?? Int.random(in: 0..<(declarations ? 112 : 100), using: &rng)
        switch roll {
        case 0..<5: return registerCommune()
        case 5..<9: return changeUnit()
        case 9..<11: return succession()
        case 11..<55: return flow()
        case 55..<68: return modelEvent()
        case 68..<74: return camera()
        case 74..<75: return assertion()
        case 75..<90: return correction()
        case 90..<100: return retraction()
        default: return declarationEvent()
        }
    }

    mutating func registerCommune() -> String? {
        guard !districts.isEmpty else { return nil }
        let parent = rng.pick(districts)
        let code = String(nextCode); nextCode += 1
        let kind = rng.pick(["ward", "commune", "township"])
        let occurred = liveDay(parent, from: "2005-01-01")
        return #"{"id":"\#(id())","type":"unit.registered","occurred":"\#(occurred.iso)","unit":"\#(code)","data":{"name":"\#(rng.pick(RandomLog.names))","kind":"\#(kind)","parent":"\#(parent.code)"}}"#
    }

    mutating func changeUnit() -> String? {
        guard !communes.isEmpty else { return nil }
        let u = rng.pick(communes)
        var fields: [String] = []
        if rng.chance(0.4) { fields.append(#""name":"\#(rng.pick(RandomLog.names))""#) }
        if rng.chance(0.4) { fields.append(#""kind":"\#(rng.pick(["ward", "commune", "township", "district"]))""#) }
        if fields.isEmpty || rng.chance(0.5) { fields.append(#""parent":"\#(rng.pick(districts).code)""#) }
        return #"{"id":"\#(id())","type":"unit.changed","occurred":"\#(liveDay(u).iso)","unit":"\#(u.code)","data":{\#(fields.joined(separator: ","))}}"#
    }

    mutating func mergeUnit() -> String? {
        let live = communes.filter { $0.mergedInto == nil }
        guard live.count > 2 else { return nil }
        let u = rng.pick(live)
        let into = rng.pick(live.filter { $0.code != u.code })
        return #"{"id":"\#(id())","type":"unit.merged","occurred":"\#(endDay(u, from: "2015-01-01").iso)","unit":"\#(u.code)","data":{"into":"\#(into.code)"}}"#
    }

    mutating func flowData() -> (String, String) {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            // `valuable` may be left out (not known): it then counts in `tips` only.
            let valuable = rng.chance(0.2) ? "" : #","valuable":\#(rng.chance(0.5))"#
            return ("tip.received", #"{"count":\#(Int.random(in: 1...9, using: &rng)),"channel":"\#(rng.pick(codes(.tipChannel)))"\#(valuable)}"#)
        case 1: return ("case.solved", #"{"count":\#(Int.random(in: 1...5, using: &rng)),"category":"\#(rng.pick(codes(.caseCategory)))"}"#)
        case 2: return ("arrest.made", #"{"count":\#(Int.random(in: 1...5, using: &rng)),"caught_in_act":\#(rng.chance(0.5))}"#)
        case 3: return ("weapon.seized", #"{"kind":"\#(rng.pick(codes(.weaponKind)))","quantity":\#(Int.random(in: 1...20, using: &rng))}"#)
        default: return ("award.granted", #"{"recipient_kind":"\#(rng.pick(codes(.recipientKind)))","recipient":"Công an \#(rng.pick(RandomLog.names))","issuer":"\#(rng.pick(codes(.awardIssuer)))","form":"\#(rng.pick(codes(.awardForm)))","count":\#(Int.random(in: 1...3, using: &rng))}"#)
        }
    }

    mutating func flow() -> String? {
        // Mostly communes, sometimes a district or the province itself.
        let pool = rng.chance(0.85) && !communes.isEmpty ? communes : units
        let u = rng.pick(pool)
        if declarations, rng.chance(0.3), let record = indicatorRecord(u) { return record }
        let (type, data) = flowData()
        return #"{"id":"\#(id())","type":"\#(type)","occurred":"\#(liveDay(u).iso)","unit":"\#(u.code)","data":\#(data)}"#
    }

    mutating func modelEvent() -> String? {
        let models = b.ledger.models.allRecords.sorted { $0.id < $1.id }
        if models.isEmpty || rng.chance(0.4) {
            guard !communes.isEmpty else { return nil }
            let u = rng.pick(communes)
            let m = "m-\(nextModel)"; nextModel += 1
            let kind = rng.chance(0.5) ? "crime_prevention_club" : rng.pick(codes(.modelKind))
            return #"{"id":"\#(id())","type":"model.established","occurred":"\#(liveDay(u).iso)","unit":"\#(u.code)","data":{"model":"\#(m)","kind":"\#(kind)","name":"Tổ \#(m)","members":\#(Int.random(in: 0...40, using: &rng))}}"#
        }
        let r = rng.pick(models)
        guard let est = r.entries.first?.occurred, let uv = b.ledger.units.view(r.unit) else { return nil }
        let occurred = date(from: est, to: uv.mergedOn.map { $0.adding(days: -1) } ?? testToday)
        if rng.chance(0.25) {
            return #"{"id":"\#(id())","type":"model.dissolved","occurred":"\#(occurred.iso)","unit":"\#(r.unit)","data":{"model":"\#(r.id)"}}"#
        }
        var fields = [#""model":"\#(r.id)""#]
        if rng.chance(0.7) { fields.append(#""members":\#(Int.random(in: 0...60, using: &rng))"#) }
        if rng.chance(0.3) { fields.append(#""kind":"\#(rng.pick(codes(.modelKind)))""#) }
        if fields.count == 1 { fields.append(#""name":"Đội \#(r.id)""#) }
        return #"{"id":"\#(id())","type":"model.changed","occurred":"\#(occurred.iso)","unit":"\#(r.unit)","data":{\#(fields.joined(separator: ","))}}"#
    }

    mutating func camera() -> String? {
        guard !units.isEmpty else { return nil }
        let u = rng.pick(rng.chance(0.8) && !communes.isEmpty ? communes : units)
        let d = liveDay(u)
        let have = Int(b.ledger.models.cameraCount(u.code, on: d))
        if have > 0 && rng.chance(0.4) {
            return #"{"id":"\#(id())","type":"camera.removed","occurred":"\#(d.iso)","unit":"\#(u.code)","data":{"count":\#(Int.random(in: 1...have, using: &rng))}}"#
        }
        return #"{"id":"\#(id())","type":"camera.installed","occurred":"\#(d.iso)","unit":"\#(u.code)","data":{"count":\#(Int.random(in: 1...30, using: &rng))}}"#
    }

    mutating func assertion() -> String? {
        let u = rng.pick(units)
        let figures = b.ledger.figures.definitions.filter { !$0.isRatio && $0.decimals == 0 }
        let metric = rng.pick(figures).name
        return #"{"id":"\#(id())","type":"figure.asserted","occurred":"\#(liveDay(u).iso)","unit":"\#(u.code)","data":{"metric":"\#(metric)","year":\#(Int.random(in: 2012...2025, using: &rng)),"value":\#(Int.random(in: 0...99, using: &rng))}}"#
    }

    /// Events that may still be amended (not retracted, not amendments).
    var amendable: [Event] {
        b.events.filter { $0.type.isRetractable && b.ledger.amendments.retractions[$0.seq] == nil }
    }

    mutating func correction() -> String? {
        let targets = amendable.filter { $0.type.isCorrectable }
        guard !targets.isEmpty else { return nil }
        let t = rng.pick(targets)
        var parts = [#""target":\#(t.seq)"#, #""reason":"nhập sai""#]
        // Sometimes another day, often in another (reporting) year.
        if rng.chance(0.4) { parts.append(#""occurred":"\#(date(from: day("2012-01-01"), to: testToday).iso)""#) }
        // Flows may move to another unit.
        if !t.type.isModelEvent && rng.chance(0.3) { parts.append(#""unit":"\#(rng.pick(units).code)""#) }
        var data: [String] = []
        switch t.type {
        case .tipReceived: data = [#""count":\#(Int.random(in: 1...9, using: &rng))"#, #""valuable":\#(rng.chance(0.5))"#]
        case .caseSolved: data = [#""category":"\#(rng.pick(codes(.caseCategory)))""#]
        case .arrestMade: data = [#""count":\#(Int.random(in: 1...9, using: &rng))"#]
        case .weaponSeized: data = [#""kind":"\#(rng.pick(codes(.weaponKind)))""#, #""quantity":\#(Int.random(in: 1...9, using: &rng))"#]
        case .awardGranted: data = [#""issuer":"\#(rng.pick(codes(.awardIssuer)))""#, #""recipient_kind":"\#(rng.pick(codes(.recipientKind)))""#]
        case .modelEstablished: data = [#""members":\#(Int.random(in: 0...50, using: &rng))"#, #""kind":"\#(rng.pick(codes(.modelKind)))""#]
        case .modelChanged: data = [#""members":\#(Int.random(in: 0...50, using: &rng))"#]
        case .cameraInstalled, .cameraRemoved: data = [#""count":\#(Int.random(in: 1...5, using: &rng))"#]
        case .figureAsserted: data = [#""value":\#(Int.random(in: 0...99, using: &rng))"#]
        case .indicatorRecorded: data = correctedRecord(t)
        default: break
        }
        let chosen = data.filter { _ in rng.chance(0.6) }
        if !chosen.isEmpty { parts.append(#""data":{\#(chosen.joined(separator: ","))}"#) }
        return #"{"id":"\#(id())","type":"event.corrected","data":{\#(parts.joined(separator: ","))}}"#
    }

    mutating func retraction() -> String? {
        let targets = amendable
        guard !targets.isEmpty else { return nil }
        // Mostly the latest events (so unit events sometimes still have no dependants).
        let t = rng.chance(0.3) ? targets[targets.count - 1 - Int.random(in: 0..<min(5, targets.count), using: &rng)] : rng.pick(targets)
        return #"{"id":"\#(id())","type":"event.retracted","data":{"target":\#(t.seq),"reason":"ghi trùng"}}"#
    }
}
