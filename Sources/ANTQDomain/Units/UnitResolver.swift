import TextFormats

/// Turns what a clerk typed into a unit code: the code itself, the name
/// with or without diacritics ("Phú Cường", "phu cuong"), with its kind
/// ("phường Phú Cường"), or qualified by its parent ("Tân Định, Bến Cát").
/// A name that matches several units is refused with the candidates listed.
public struct UnitResolver: Sendable {
    public let units: UnitRegistry

    public init(units: UnitRegistry) { self.units = units }

    public enum Failure: Error, Equatable, Sendable {
        case unknown(String, suggestions: [String])
        case ambiguous(String, candidates: [String])
        /// The name was a unit's before its code went on as another unit
        /// (`unit.continued`): what became of it.
        case ceased(String, fate: Text)
    }

    /// - Parameter day: the day the name is meant on: a name is looked for
    ///   among the units in force that day first (a name reused by a new
    ///   unit under another code resolves to the unit of its time), then
    ///   among all units ever registered.
    public func resolve(_ text: String, on day: CivilDate? = nil) -> Result<String, Failure> {
        let t = nfc(text.trimmingSpaces())
        if units.contains(t) { return .success(t) }
        if let day {
            let inForce = units.views(on: day).filter { $0.mergedInto == nil }
            if case .success(let code) = resolve(t, among: inForce) { return .success(code) }
        }
        let latest = resolve(t, among: units.views())
        if case .success = latest { return latest }
        // A name the code had before it went on as another unit: the unit
        // of that name is the former one, which ended that day.
        var former: [(code: String, identity: UnitRegistry.Continuation, view: UnitRegistry.View)] = []
        for v in units.views() {
            for c in units.formerIdentities(v.code) {
                var old = v
                old.name = c.formerName
                old.kind = c.formerKind
                former.append((v.code, c, old))
            }
        }
        guard case .success(let code) = resolve(t, among: former.map(\.view)) else { return latest }
        let hits = former.filter { $0.code == code }
        if let day, let c = hits.last(where: { $0.identity.on <= day }) {
            return .failure(.ceased(text, fate: units.fate(of: c.identity, code: code)))
        }
        return .success(code)
    }

    func resolve(_ t: String, among views: [UnitRegistry.View]) -> Result<String, Failure> {
        let text = t
        // "Name, Parent" qualifies an ambiguous name.
        var name = t
        var parentFilter: String?
        if let comma = t.firstIndex(of: ",") {
            name = String(t[..<comma]).trimmingSpaces()
            parentFilter = String(t[t.index(after: comma)...]).trimmingSpaces()
        }
        func keys(_ v: UnitRegistry.View) -> [String] {
            [v.name, v.kindLabel(vietnamese: true) + " " + v.name, v.kind + " " + v.name]
        }
        func parentMatches(_ v: UnitRegistry.View) -> Bool {
            guard let pf = parentFilter else { return true }
            guard let p = v.parent, let pv = units.view(p) else { return false }
            return p == pf || foldVietnamese(pv.name) == foldVietnamese(pf)
                || keys(pv).contains { foldVietnamese($0) == foldVietnamese(pf) }
        }
        // Exact (NFC, case-insensitive) first, then without diacritics.
        let lower = name.lowercased()
        var hits = views.filter { v in parentMatches(v) && keys(v).contains { $0.lowercased() == lower } }
        if hits.isEmpty {
            let folded = foldVietnamese(name)
            hits = views.filter { v in parentMatches(v) && keys(v).contains { foldVietnamese($0) == folded } }
        }
        if hits.count == 1 { return .success(hits[0].code) }
        if hits.count > 1 {
            return .failure(.ambiguous(text, candidates: hits.map { describe($0) }))
        }
        let folded = foldVietnamese(name)
        let close = views.filter { foldVietnamese($0.name).hasPrefix(folded.prefix(3)) }.prefix(5).map { describe($0) }
        return .failure(.unknown(text, suggestions: Array(close)))
    }

    public func describe(_ v: UnitRegistry.View) -> String {
        var s = "\(v.code) \(v.kindLabel(vietnamese: true)) \(v.name)"
        if let p = v.parent, let pv = units.view(p) { s += " (\(pv.name))" }
        return s
    }
}

