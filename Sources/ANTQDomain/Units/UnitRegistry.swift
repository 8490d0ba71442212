import TextFormats

/// Administrative units as event-sourced history: every registration,
/// change and merger is kept with its day, so the tree can be read as it
/// stood on any date (a commune counted under its district of 2018 even if
/// the district was later abolished).
public struct UnitRegistry: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var seq: Int
        public var occurred: CivilDate
        public var data: EventData
    }

    public struct Record: Sendable, Equatable {
        public var code: String
        /// Sorted by (occurred, seq); the first is the registration.
        public var entries: [Entry]
    }

    /// How a unit stood on a given day.
    public struct View: Sendable, Equatable {
        public var code: String
        public var name: String
        /// A code of the `unit.kind` vocabulary (`province`, `ward` …).
        public var kind: String
        public var parent: String?
        /// The successor that takes the unit's models, cameras and past
        /// figures once it ended (merged, split, abolished); nil while in force.
        public var mergedInto: String?
        public var registered: CivilDate
        public var mergedOn: CivilDate?
        /// How the unit ended, if it has by the day viewed.
        public var ending: Ending?
        /// The last time the code went on as a new unit, by the day viewed.
        public var continuation: Continuation?
    }

    /// How a unit ended: its event type (`unit.merged`, `unit.split`,
    /// `unit.abolished`), its successors (the first takes models, cameras and
    /// past figures) and the day.
    public struct Ending: Sendable, Equatable {
        public var type: EventType
        public var successors: [String]
        public var on: CivilDate
    }

    /// A `unit.continued`: the unit the code denoted until `on`, and where
    /// the rest of it went if only part of it continued.
    public struct Continuation: Sendable, Equatable {
        public var on: CivilDate
        public var formerName: String
        public var formerKind: String
        public var partTo: String?
    }

    public private(set) var records: [String: Record] = [:]
    /// Codes in registration order (for stable listings).
    public private(set) var order: [String] = []

    public init() {}

    public func contains(_ code: String) -> Bool { records[code] != nil }

    public mutating func add(_ fact: Fact, seq: Int) {
        guard let code = fact.unit else { return }
        let entry = Entry(seq: seq, occurred: fact.occurred, data: fact.data)
        if fact.type == .unitRegistered {
            if records[code] == nil { order.append(code) }
            records[code] = Record(code: code, entries: [entry])
            return
        }
        guard var r = records[code] else { return }
        let at = r.entries.firstIndex { ($0.occurred.dayNumber, $0.seq) > (entry.occurred.dayNumber, seq) } ?? r.entries.endIndex
        r.entries.insert(entry, at: at)
        records[code] = r
    }

    public mutating func remove(_ fact: Fact, seq: Int) {
        guard let code = fact.unit, var r = records[code] else { return }
        if fact.type == .unitRegistered {
            records[code] = nil
            order.removeAll { $0 == code }
            return
        }
        r.entries.removeAll { $0.seq == seq }
        records[code] = r
    }

    /// The unit as it stood at the end of `date` (nil if not yet registered then).
    public func view(_ code: String, on date: CivilDate? = nil) -> View? {
        guard let r = records[code], r.entries[0].data.type == .unitRegistered else { return nil }
        let reg = r.entries[0].data
        let first = r.entries[0].occurred
        if let date, first > date { return nil }
        var v = View(code: code, name: reg.text(UnitRegistered.name) ?? code, kind: reg.text(UnitRegistered.kind) ?? "commune",
                     parent: reg.text(UnitRegistered.parent), mergedInto: nil, registered: first, mergedOn: nil, ending: nil, continuation: nil)
        for e in r.entries.dropFirst() {
            if let date, e.occurred > date { break }
            switch e.data.type {
            case .unitChanged:
                if let n = e.data.text(UnitChanged.name) { v.name = n }
                if let k = e.data.text(UnitChanged.kind) { v.kind = k }
                if let p = e.data[UnitChanged.parent] { v.parent = p.text }
            case .unitMerged, .unitSplit, .unitAbolished:
                guard v.ending == nil else { break }
                let successors = e.data.type == .unitSplit ? UnitSplit.successors(e.data) : [e.data.text(UnitMerged.into)].compactMap { $0 }
                v.ending = Ending(type: e.data.type, successors: successors, on: e.occurred)
                v.mergedInto = successors.first
                v.mergedOn = e.occurred
            case .unitContinued:
                v.continuation = Continuation(on: e.occurred, formerName: v.name, formerKind: v.kind, partTo: e.data.text(UnitContinued.partTo))
                v.name = e.data.text(UnitContinued.name) ?? v.name
                v.kind = e.data.text(UnitContinued.kind) ?? v.kind
                v.parent = e.data[UnitContinued.parent]?.text
            default: break
            }
        }
        return v
    }

    /// Every unit as it stood on `date`, in registration order.
    public func views(on date: CivilDate? = nil) -> [View] {
        order.compactMap { view($0, on: date) }
    }

    /// Children of each unit on `date`, for sums: a unit that has ended by
    /// then sits under its first successor, so figures are read on the
    /// boundaries of `date` (a new ward's figure for an earlier period is
    /// its predecessors' sum; a code that continued keeps its own past).
    public func children(on date: CivilDate?) -> [String: [String]] {
        var c: [String: [String]] = [:]
        for v in views(on: date) { if let p = v.mergedInto ?? v.parent { c[p, default: []].append(v.code) } }
        return c
    }

    /// Children in force on `date`, for listings (the ended predecessors
    /// that `children(on:)` counts under their successors are not rows).
    public func listedChildren(on date: CivilDate?) -> [String: [String]] {
        var c: [String: [String]] = [:]
        for v in views(on: date) where v.mergedInto == nil && v.ending == nil { if let p = v.parent { c[p, default: []].append(v.code) } }
        return c
    }

    /// `code` and everything below it on `date`.
    public func subtree(_ code: String, on date: CivilDate?) -> [String] {
        Self.subtree(code, children: children(on: date))
    }

    /// `code` and every unit below it in a tree of `children` (as `children(on:)`
    /// gives it), for a caller that works out the tree once for many subtrees.
    public static func subtree(_ code: String, children kids: [String: [String]]) -> [String] {
        var out: [String] = []
        var stack = [code]
        var seen: Set<String> = []
        while let c = stack.popLast() {
            guard seen.insert(c).inserted else { continue }
            out.append(c)
            stack.append(contentsOf: (kids[c] ?? []).reversed())
        }
        return out
    }

    /// Units with no parent on `date` (normally the province).
    public func roots(on date: CivilDate?) -> [String] {
        views(on: date).filter { $0.parent == nil && $0.ending == nil }.map(\.code)
    }

    /// Chain from `code` up to its root on `date` (cycle-safe).
    public func ancestors(_ code: String, on date: CivilDate?) -> [String] {
        var out: [String] = []
        var cur = view(code, on: date)?.parent
        while let c = cur, !out.contains(c), c != code {
            out.append(c)
            cur = view(c, on: date)?.parent
        }
        return out
    }
}

extension UnitRegistry.View {
    /// Commune level (xã, phường, thị trấn, đặc khu): what "91/91 communes" counts.
    public var isCommuneLevel: Bool { Vocabulary.communeLevelKinds.contains(kind) }

    /// The kind in words ("phường"), from the vocabulary.
    public func kindLabel(vietnamese: Bool) -> String {
        Vocabulary.builtIn[.unitKind]!.term(code: kind)?.label.text(vietnamese: vietnamese) ?? kind
    }

    /// "phường Phú Cường", in Vietnamese as offices write it.
    public var kindAndName: String { UnitRegistry.kindAndName(kindLabel(vietnamese: true), name) }
}

extension UnitRegistry {
    /// The kind before the name ("phường Phú Cường"), unless the name
    /// already says it: a numbered ward is named "Phường 2", and is
    /// "Phường 2", not "phường Phường 2".
    public static func kindAndName(_ kindLabel: String, _ name: String) -> String {
        foldVietnamese(name).lowercased().hasPrefix(foldVietnamese(kindLabel).lowercased() + " ") ? name : kindLabel + " " + name
    }
}
