import ANTQDomain
import TextFormats

extension Story {
    /// 01-07-2025, from the resolution's mapping (`Reorganisation2025`):
    /// Thành phố Hồ Chí Minh registered; each new unit is the code of the
    /// predecessor whose code it kept, continued (`unit.continued`, with
    /// `partTo` when only part of that predecessor went into it); phường
    /// Thới Hòa, not rearranged, moves under 79; every other old unit
    /// merges whole into its successor or is split between its two (the
    /// successor listed first in the mapping takes its models, cameras and
    /// past figures); the nine districts are abolished into 79; the province
    /// joins 79. One sitting, so the tree is never half-changed.
    func reorganisation() -> Submission {
        let d = UnitChanges.mergerDay
        let hcm = UnitChanges.successor
        let office = UnitList.province.code
        let rows = Reorganisation2025.rows
        var entries = [Entry(office: office, occurred: d, unit: hcm.code, type: .unitRegistered,
                             fields: [.text("name", hcm.name), .text("kind", hcm.kind.rawValue), .null("parent")])]
        var newCodes: [String] = []
        for r in rows where !newCodes.contains(r.newCode) { newCodes.append(r.newCode) }
        func successors(of old: String) -> [String] { rows.filter { $0.oldCode == old }.map(\.newCode) }
        for code in newCodes {
            let r = rows.first { $0.newCode == code }!
            let holder = rows.first { $0.newCode == code && $0.oldCode == code }!
            let others = successors(of: code).filter { $0 != code }
            let unchanged = rows.filter { $0.newCode == code }.count == 1 && holder.whole && holder.oldName == r.newName
            if unchanged {
                entries.append(Entry(office: office, occurred: d, unit: code, type: .unitChanged, fields: [.text("parent", hcm.code)]))
            } else {
                var fields: [InputField] = [.text("name", r.newName), .text("kind", r.newKind.rawValue), .text("parent", hcm.code)]
                if let rest = others.first { fields.append(.text("partTo", rest)) }
                entries.append(Entry(office: office, occurred: d, unit: code, type: .unitContinued, fields: fields))
            }
        }
        var oldCodes: [String] = []
        for r in rows.sorted(by: { $0.oldCode < $1.oldCode }) where !oldCodes.contains(r.oldCode) && !newCodes.contains(r.oldCode) { oldCodes.append(r.oldCode) }
        for old in oldCodes {
            let to = successors(of: old)
            if to.count == 1 {
                entries.append(Entry(office: office, occurred: d, unit: old, type: .unitMerged, fields: [.text("into", to[0])]))
            } else {
                let keys = ["into", "alsoInto", "alsoInto2"]
                entries.append(Entry(office: office, occurred: d, unit: old, type: .unitSplit,
                                     fields: zip(keys, to).map { InputField.text($0.0, $0.1) }))
            }
        }
        for district in UnitList.districts {
            entries.append(Entry(office: office, occurred: d, unit: district.code, type: .unitAbolished, fields: [.text("into", hcm.code)]))
        }
        entries.append(Entry(office: office, occurred: d, unit: UnitList.province.code, type: .unitMerged, fields: [.text("into", hcm.code)]))
        return Submission(recorded: Schedule.vietnamTime(day("2025-07-03"), minute: 9 * 60 + 45, second: 3, microsecond: 660_412),
                          by: Clerks.provincial, entries: entries, what: "reorganisation of 01-07-2025 (NQ 1685/NQ-UBTVQH15)")
    }
}
