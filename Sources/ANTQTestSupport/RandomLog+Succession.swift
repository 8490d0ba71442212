import ANTQDomain
import SeededRandom
import TextFormats

/// Reorganisations in generated logs: mergers, splits between two or three
/// successors, codes continued as new units (some only in part, the rest to
/// another unit), and district-level units abolished once emptied, so
/// restated figures are tested on logs other than the bundled one.
extension RandomLog {
    mutating func succession() -> String? {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0..<3: return mergeUnit()
        case 3..<5: return splitUnit()
        case 5..<7: return continueUnit()
        default: return abolishOrAddDistrict()
        }
    }

    var liveCommunes: [UnitRegistry.View] { communes.filter { $0.mergedInto == nil } }

    mutating func splitUnit() -> String? {
        let live = liveCommunes
        guard live.count > 3 else { return nil }
        let u = rng.pick(live)
        let others = live.filter { $0.code != u.code }
        let a = rng.pick(others)
        let b = rng.pick(others.filter { $0.code != a.code })
        var fields = [#""into":"\#(a.code)""#, #""alsoInto":"\#(b.code)""#]
        let third = others.filter { $0.code != a.code && $0.code != b.code }
        if rng.chance(0.3), !third.isEmpty { fields.append(#""alsoInto2":"\#(rng.pick(third).code)""#) }
        return #"{"id":"\#(id())","type":"unit.split","occurred":"\#(endDay(u, from: "2015-01-01").iso)","unit":"\#(u.code)","data":{\#(fields.joined(separator: ","))}}"#
    }

    mutating func continueUnit() -> String? {
        let live = liveCommunes
        guard live.count > 2, !districts.isEmpty else { return nil }
        let u = rng.pick(live)
        var fields = [#""name":"\#(rng.pick(RandomLog.names))""#, #""kind":"\#(rng.pick(["ward", "commune"]))""#,
                      #""parent":"\#(rng.pick(districts).code)""#]
        if rng.chance(0.4) { fields.append(#""partTo":"\#(rng.pick(live.filter { $0.code != u.code }).code)""#) }
        return #"{"id":"\#(id())","type":"unit.continued","occurred":"\#(liveDay(u, from: "2015-01-01").iso)","unit":"\#(u.code)","data":{\#(fields.joined(separator: ","))}}"#
    }

    /// A district with nothing left under it is abolished into the province;
    /// otherwise a new, empty district is registered (to be abolished later).
    mutating func abolishOrAddDistrict() -> String? {
        let listed = b.ledger.units.listedChildren(on: testToday)
        // Empty, and able to end by today: nothing recorded for it on the last day (see `endDay`).
        let empty = districts.filter { $0.mergedInto == nil && (listed[$0.code] ?? []).isEmpty && $0.registered < testToday
                                       && (earliestEnd($0).map { $0 <= testToday } ?? true) }
        if !empty.isEmpty {
            let d = rng.pick(empty)
            return #"{"id":"\#(id())","type":"unit.abolished","occurred":"\#(endDay(d, from: "2016-01-01").iso)","unit":"\#(d.code)","data":{"into":"74"}}"#
        }
        let code = String(704 + districts.count)
        return #"{"id":"\#(id())","type":"unit.registered","occurred":"2014-01-01","unit":"\#(code)","data":{"name":"\#(rng.pick(RandomLog.names))","kind":"district","parent":"74"}}"#
    }
}
