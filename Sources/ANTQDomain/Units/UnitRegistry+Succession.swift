import TextFormats

/// What became of units that ended or whose code went on as another unit,
/// in words for the clerk, and which split units a restated figure holds.
extension UnitRegistry {
    /// The units a code denoted before it went on as a new one (`unit.continued`),
    /// oldest first, each with the day it ended.
    public func formerIdentities(_ code: String) -> [Continuation] {
        guard let r = records[code] else { return [] }
        var out: [Continuation] = []
        for e in r.entries where e.data.type == .unitContinued {
            if let v = view(code, on: e.occurred.adding(days: -1)) {
                out.append(Continuation(on: e.occurred, formerName: v.name, formerKind: v.kind, partTo: e.data.text(UnitContinued.partTo)))
            }
        }
        return out
    }

    /// "phường Thủ Dầu Một (25747)" as the unit stood on `day`: the kind in
    /// Vietnamese in both languages, as it is part of the unit's proper name.
    func described(_ code: String, on day: CivilDate, vietnamese vi: Bool) -> String {
        guard let v = view(code, on: day) ?? view(code) else { return code }
        return "\(v.kindAndName) (\(code))"
    }

    /// What became of `code` by `day`, or nil while it is in force: the
    /// refusal of a later event says it ("phường Phú Cường became part of
    /// phường Thủ Dầu Một (25747) on 01/07/2025").
    public func fate(of code: String, on day: CivilDate) -> Text? {
        guard let v = view(code, on: day), let e = v.ending else { return nil }
        return Self.words(kind: v.kind, name: v.name, type: e.type, successors: e.successors, on: e.on, registry: self)
    }

    /// What became of the unit a code denoted before it continued as a new one.
    public func fate(of former: Continuation, code: String) -> Text {
        let successors = [code] + (former.partTo.map { [$0] } ?? [])
        return Self.words(kind: former.formerKind, name: former.formerName, type: successors.count > 1 ? .unitSplit : .unitMerged,
                          successors: successors, on: former.on, registry: self)
    }

    static func words(kind: String, name: String, type: EventType, successors: [String], on d: CivilDate, registry: UnitRegistry) -> Text {
        func label(_ vi: Bool) -> String {
            kindAndName(Vocabulary.builtIn[.unitKind]!.term(code: kind)?.label.text(vietnamese: true) ?? kind, name)
        }
        func list(_ vi: Bool) -> String {
            let names = successors.map { registry.described($0, on: d, vietnamese: vi) }
            guard names.count > 1 else { return names.first ?? "?" }
            return names.dropLast().joined(separator: ", ") + (vi ? " và " : " and ") + names.last!
        }
        let day = d.formatted(vietnamese: true)
        let first = { (vi: Bool) in registry.described(successors.first ?? "?", on: d, vietnamese: vi) }
        switch type {
        case .unitSplit:
            return Text("\(label(true)) đã được chia tách vào \(list(true)) từ ngày \(day); số liệu cũ tính cho \(first(true))",
                        "\(label(false)) was split between \(list(false)) on \(day); its past figures count under \(first(false))")
        case .unitAbolished:
            return Text("\(label(true)) đã bị bãi bỏ từ ngày \(day); địa bàn nay thuộc \(first(true))",
                        "\(label(false)) was abolished on \(day); its area is now under \(first(false))")
        default:
            return Text("\(label(true)) đã nhập vào \(list(true)) từ ngày \(day)", "\(label(false)) became part of \(list(false)) on \(day)")
        }
    }

    /// A unit split without published shares whose parts touch the units
    /// summed under `root` on `day`: counted whole under its first
    /// successor, nothing in the others. A restated figure that holds one
    /// is an estimate and says so.
    public struct SplitPart: Sendable, Equatable {
        public var code: String
        public var name: String
        /// The successor its figures count under.
        public var countedIn: String
        public var successors: [String]
        public var on: CivilDate
    }

    /// The split units whose parts went into `root`'s subtree by `day` (empty before any split).
    public func splitParts(under root: String, on day: CivilDate) -> [SplitPart] {
        let inScope = Set(Self.subtree(root, children: children(on: day)))
        var out: [SplitPart] = []
        for code in order {
            guard let v = view(code, on: day) else { continue }
            if let e = v.ending, e.type == .unitSplit, e.successors.contains(where: inScope.contains) {
                out.append(SplitPart(code: code, name: v.name, countedIn: e.successors[0], successors: e.successors, on: e.on))
            }
            for c in formerIdentities(code) where c.on <= day {
                guard let other = c.partTo, inScope.contains(code) || inScope.contains(other) else { continue }
                out.append(SplitPart(code: code, name: c.formerName, countedIn: code, successors: [code, other], on: c.on))
            }
        }
        return out
    }
}

extension UnitRegistry {
    /// The days after `first`, up to `last`, on which the tree changed: a
    /// unit ended (merged, split, abolished), a code went on as another
    /// unit, or a unit moved under another parent. A unit registered in
    /// between changes no one's past figures and is not a change here.
    /// With `root`, only the changes of units in its subtree (the day
    /// before or on the day): a report of one district is not cut by a
    /// change elsewhere in the province.
    public func changeDays(after first: CivilDate, through last: CivilDate, under root: String? = nil) -> [CivilDate] {
        var days: [CivilDate: Set<String>] = [:]
        for r in records.values {
            for e in r.entries.dropFirst() where e.occurred > first && e.occurred <= last {
                switch e.data.type {
                case .unitMerged, .unitSplit, .unitAbolished, .unitContinued: days[e.occurred, default: []].insert(r.code)
                case .unitChanged where e.data[UnitChanged.parent] != nil: days[e.occurred, default: []].insert(r.code)
                default: break
                }
            }
        }
        guard let root else { return days.keys.sorted() }
        return days.filter { d, changed in
            let before = CivilDate(dayNumber: d.dayNumber - 1)
            let scope = Set(subtree(root, on: before)).union(subtree(root, on: d))
            return !scope.isDisjoint(with: changed)
        }.keys.sorted()
    }

    /// A period cut at the days its tree changed (`--boundaries
    /// historical`): each part is read on the units of its own last day,
    /// so every part shows the units as they were. One part, the period
    /// itself, when nothing changed.
    public func historicalParts(of p: Period, under root: String? = nil) -> [Period] {
        let cuts = changeDays(after: p.firstDay, through: p.lastDay, under: root)
        guard !cuts.isEmpty else { return [p] }
        var parts: [Period] = []
        var from = p.firstDay
        for d in cuts + [CivilDate(dayNumber: p.lastDay.dayNumber + 1)] {
            // The days of a period lie in the supported years, so a part of them does too.
            if let part = try? Period(from: from, through: CivilDate(dayNumber: d.dayNumber - 1), start: p.start) { parts.append(part) }
            from = d
        }
        return parts
    }
}
