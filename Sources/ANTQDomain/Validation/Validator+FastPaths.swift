import TextFormats

// MARK: - Fast paths of a long batch

/// The days on which a unit may carry a flow, camera or model event: from
/// its registration to the day before its first merger (`check`'s unit rules).
struct UnitWindow {
    var registered: Int
    var merged: Int?

    /// Only for a unit whose history `UnitRegistry.view` reads as assumed
    /// here: a valid code, registered first, entries in day order.
    init?(_ units: UnitRegistry, _ code: String) {
        guard UnitCode.isValid(code), let r = units.records[code], let first = r.entries.first,
              first.data.type == .unitRegistered else { return nil }
        var previous = first.occurred.dayNumber
        for e in r.entries.dropFirst() {
            guard e.occurred.dayNumber >= previous else { return nil }
            previous = e.occurred.dayNumber
            if e.data.type.endsUnit, merged == nil { merged = e.occurred.dayNumber }
        }
        registered = first.occurred.dayNumber
    }

    func admits(_ day: CivilDate) -> Bool {
        let d = day.dayNumber
        return registered <= d && (merged.map { d < $0 } ?? true)
    }
}

struct CameraDay {
    var day: Int32
    var net: Int64
}

extension Validator {
    /// Whether `text` is a unit code that the unit checks of `check` pass
    /// for an event on `day` (and that `resolveUnit` returns unchanged).
    mutating func admits(_ text: String, on day: CivilDate) -> Bool {
        if let w = unitWindows[text] { return w.admits(day) }
        guard let w = UnitWindow(ledger.units, text) else { return false }
        unitWindows[text] = w
        return w.admits(day)
    }

    /// The unit's camera days in order, from the cache or the ledger.
    mutating func orderedCameraDays(_ unit: String) -> [CameraDay] {
        if let days = cameraDays[unit] { return days }
        let days = (ledger.models.cameras[unit] ?? [:]).sorted { $0.key < $1.key }.map { CameraDay(day: $0.key, net: $0.value) }
        cameraDays[unit] = days
        return days
    }

    /// True when removing `n` cameras (installing, for a negative `n`) on
    /// `day` leaves at least `n` there and a non-negative count on every day:
    /// the outcome of the two camera checks in `check`, answered from the
    /// ordered days without copying the registry or sorting. False means
    /// "let the general check decide (and word the problem)".
    mutating func camerasStayNonNegative(_ unit: String, removing n: Int64, on day: CivilDate) -> Bool {
        let days = orderedCameraDays(unit)
        let d = Int32(day.dayNumber)
        var running: Int64 = 0
        var added = false
        if n > 0 {
            var have: Int64 = 0
            for x in days where x.day <= d { have += x.net }
            if n > have { return false }
        }
        for x in days {
            if !added && x.day >= d {
                added = true
                if x.day > d {
                    running -= n
                    if running < 0 { return false }
                } else {
                    running += x.net - n
                    if running < 0 { return false }
                    continue
                }
            }
            running += x.net
            if running < 0 { return false }
        }
        if !added && running - n < 0 { return false }
        return true
    }

    /// Keeps the caches true to the ledger after `e` was folded in. Flow and
    /// model events touch neither units nor cameras; a camera event changes
    /// one day of one unit; anything else (unit events, amendments) may
    /// change either, so both caches are dropped.
    mutating func noteApplied(_ e: Event) {
        if e.type.spec.changesOnlyFlows || e.type.isModelEvent || e.type == .indicatorRecorded || e.type.isDeclaration { return }
        if e.type.isCameraEvent {
            guard let unit = e.unit, var days = cameraDays[unit] else { return }
            let d = Int32(e.occurred.dayNumber)
            let net = ledger.models.cameras[unit]?[d]
            var lo = 0, hi = days.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if days[mid].day < d { lo = mid + 1 } else { hi = mid }
            }
            cameraDays[unit] = nil
            if lo < days.count && days[lo].day == d {
                if let net { days[lo].net = net } else { days.remove(at: lo) }
            } else if let net {
                days.insert(CameraDay(day: d, net: net), at: lo)
            }
            cameraDays[unit] = days
            return
        }
        if e.type.isAmendment {
            var facts: [Fact] = []
            if let c = e.data.correction { facts = [c.replacement, c.was] }
            if let r = e.data.retraction { facts = [r.was] }
            for f in facts {
                if f.type.isCameraEvent {
                    if let u = f.unit { cameraDays[u] = nil } else { cameraDays.removeAll() }
                } else if !(f.type.spec.changesOnlyFlows || f.type.isModelEvent || f.type == .indicatorRecorded || f.type == .figureAsserted) {
                    unitWindows.removeAll()
                    cameraDays.removeAll()
                }
            }
            return
        }
        unitWindows.removeAll()
        cameraDays.removeAll()
    }
}
