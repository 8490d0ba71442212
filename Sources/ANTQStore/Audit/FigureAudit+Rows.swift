import ANTQDomain
import Decimals
import EventLog
import TextFormats

/// The things that stand on a period's last day behind a state or level
/// figure: each model, commune or latest record, through the event that set it.
extension DataStore {
    /// Public with an event lookup: the static site has every event at hand and looks none up in the log.
    public static func stateContributions(_ name: String, ledger: Ledger, scope: Set<String>, day: CivilDate,
                                          lookup: (Int) -> Event?) -> [FigureAudit.Contribution] {
        var rows: [FigureAudit.Contribution] = []
        func row(_ seq: Int, _ unit: String, _ amount: Int64, _ subject: String) {
            let e = lookup(seq)
            rows.append(.init(seq: seq, type: e?.type ?? .modelEstablished, occurred: e?.occurred ?? day,
                              recorded: e?.recorded ?? UTCInstant(microsecondsSinceEpoch: 0), unit: unit, by: e?.by ?? "",
                              amount: ExactDecimal(amount), amends: nil, reason: nil, subject: subject))
        }
        let standing = ledger.models.activeModels(on: day)
        if name.hasPrefix("models.") {
            let parts = name.split(separator: ".")
            let kind = String(parts[1])
            let members = parts.count == 3
            for m in standing where m.kind == kind && scope.contains(m.unit) {
                guard let r = ledger.models.record(m.id) else { continue }
                let entries = r.entries.filter { $0.day <= Int32(day.dayNumber) }
                // The event that set the figure: establishment for a count, the last members change for members.
                var source = entries.first?.seq ?? 0
                if members {
                    for en in entries {
                        switch en.change {
                        case .established: source = en.seq
                        case .changed(_, _, let mem) where mem != nil: source = en.seq
                        default: break
                        }
                    }
                }
                row(source, m.unit, members ? m.members : 1, "\(m.id) \(m.name)")
            }
        } else if name == "communes" || name == "communes.with_club" {
            let clubModels = Dictionary(standing.filter { $0.kind == Vocabulary.clubKind }.map { ($0.unit, $0.id) }, uniquingKeysWith: { a, _ in a })
            for code in scope.sorted() {
                guard let v = ledger.units.view(code, on: day), v.isCommuneLevel, v.mergedInto == nil,
                      let reg = ledger.units.records[code]?.entries.first?.seq else { continue }
                if name == "communes" {
                    row(reg, code, 1, v.kindAndName)
                } else if let id = clubModels[code], let seq = ledger.models.record(id)?.entries.first?.seq {
                    row(seq, code, 1, "\(v.kindAndName): \(id)")
                }
            }
        }
        return rows.sorted { $0.seq < $1.seq }
    }

    /// A declared level indicator: each unit's latest record (per dimension values) on the day.
    public static func levelContributions(_ name: String, ledger: Ledger, scope: Set<String>, day: CivilDate,
                                          lookup: (Int) -> Event?) -> [FigureAudit.Contribution] {
        var rows: [FigureAudit.Contribution] = []
        let limit = Int32(day.dayNumber)
        for (key, list) in ledger.levels.entries where scope.contains(key.unit) {
            let matches = key.indicator == name || key.dimensions.contains { "\(key.indicator).\($0)" == name }
            guard matches, let latest = list.last(where: { $0.day <= limit }) else { continue }
            let e = lookup(latest.seq)
            rows.append(.init(seq: latest.seq, type: .indicatorRecorded, occurred: CivilDate(dayNumber: Int(latest.day)),
                              recorded: e?.recorded ?? UTCInstant(microsecondsSinceEpoch: 0), unit: key.unit, by: e?.by ?? "",
                              amount: latest.value, amends: nil, reason: nil, subject: key.dimensions.joined(separator: ", ")))
        }
        return rows.sorted { $0.seq < $1.seq }
    }
}
