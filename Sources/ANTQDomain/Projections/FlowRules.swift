import TextFormats

/// Evaluates a declaration's flow rules on a fact: the figures it adds to
/// and by how much. The fold, the validator, the audit and `verify` all
/// call this one function, so a figure and the sum of its audited
/// contributions cannot disagree.
public enum FlowRules {
    /// Calls `body` with each figure name and amount the fact adds.
    @inline(__always)
    public static func forEach(_ d: EventData, _ body: (String, Int64) -> Void) {
        let rules = d.spec.flows
        forEachMatch(d) { r, _, _, amount in body(name(rules[r], d), amount) }
    }

    /// Calls `body` with each rule of the fact's type that applies, the
    /// codes its figure name takes from the fact (at most two) and the amount.
    /// The fold keys its slots by these, so it builds a name only once.
    @inline(__always)
    public static func forEachMatch(_ d: EventData, _ body: (_ rule: Int, _ first: String?, _ second: String?, _ amount: Int64) -> Void) {
        let t = d.type.index
        let plans = Plan.byType[t]
        for r in plans.indices {
            let p = plans[r]
            guard let amount = d.values[p.amount]?.int else { continue }
            switch p.condition {
            case .always: break
            case .isTrue(let f): guard d.values[f]?.bool == true else { continue }
            case .codeIn(let f): guard let c = d.values[f]?.text, Plan.codes[t][r].contains(c) else { continue }
            }
            let first = p.first < 0 ? nil : (d.values[p.first]?.text ?? "?")
            let second = p.second < 0 ? nil : (d.values[p.second]?.text ?? "?")
            body(r, first, second, amount)
        }
    }

    /// Each type's first rule in a numbering of every rule of every type
    /// (type by index, then rule): `ruleBase[t] + r`, below `ruleCount`.
    public static let ruleBase: [Int] = {
        var base: [Int] = [], n = 0
        for spec in EventSpec.table {
            base.append(n)
            n += spec.flows.count
        }
        return base
    }()
    public static let ruleCount = EventSpec.table.reduce(0) { $0 + $1.flows.count }

    /// Per event type (by index), whether any of its flow rules reads each
    /// field: its amount, its condition or a code of its name; and a
    /// record's indicator and value (its dimensions are fields the log
    /// declares, always kept). A reader that only folds figures checks the
    /// other fields but need not keep them.
    public static let fieldsRead: [[Bool]] = EventSpec.table.indices.map { t in
        var read = [Bool](repeating: false, count: EventSpec.table[t].fields.count)
        if EventSpec.table[t].type == .indicatorRecorded {
            read[IndicatorRecorded.indicator.index] = true
            read[IndicatorRecorded.value.index] = true
        }
        for p in Plan.byType[t] {
            read[p.amount] = true
            switch p.condition {
            case .always: break
            case .isTrue(let f), .codeIn(let f): read[f] = true
            }
            if p.first >= 0 { read[p.first] = true }
            if p.second >= 0 { read[p.second] = true }
        }
        return read
    }

    /// A flow rule as field positions, read from the declaration once, so
    /// the fold's inner loop copies no names, sets or labels.
    struct Plan {
        enum Condition { case always, isTrue(Int), codeIn(Int) }
        var amount: Int
        var condition: Condition
        /// The fields whose codes make up the figure's name (-1: none).
        var first: Int
        var second: Int

        static let byType: [[Plan]] = EventSpec.table.map { spec in
            spec.flows.map { rule in
                let parts = rule.name.compactMap { part -> Int? in if case .value(let f, _) = part { f.index } else { nil } }
                // The fold keys a figure by at most two codes (`FlowTable.RuleName`, `fieldsRead`).
                precondition(parts.count <= 2, "\(spec.type.rawValue): a figure name takes at most two values")
                let condition: Condition = switch rule.when {
                case nil: .always
                case .isTrue(let f)?: .isTrue(f.index)
                case .codeIn(let f, _)?: .codeIn(f.index)
                }
                return Plan(amount: rule.amount.index, condition: condition,
                            first: parts.first ?? -1, second: parts.count > 1 ? parts[1] : -1)
            }
        }
        static let codes: [[Set<String>]] = EventSpec.table.map { spec in
            spec.flows.map { if case .codeIn(_, let codes)? = $0.when { codes } else { [] } }
        }
    }

    /// The figure name a rule gives a fact (`cases.drugs`).
    public static func name(_ rule: FlowRule, _ d: EventData) -> String {
        var name = ""
        for (i, part) in rule.name.enumerated() {
            if i > 0 { name += "." }
            switch part {
            case .literal(let w): name += w
            case .value(let f, _): name += d.text(f) ?? "?"
            }
        }
        return name
    }

    /// The amount a fact adds to one figure (0 when unrelated).
    public static func amount(of d: EventData, to figure: String) -> Int64 {
        var total: Int64 = 0
        forEach(d) { name, n in if name == figure { total += n } }
        return total
    }
}

/// The reporting months of a log, numbered `year * 12 + month - 1` (see
/// `Period.reportingMonth`: a year's months run from its `period_start`) so
/// that any run of whole months is a range of numbers.
public struct ReportingMonths: Sendable, Hashable {
    public let start: MonthDay

    public init(start: MonthDay) { self.start = start }

    /// The reporting month a day falls in.
    @inline(__always)
    public func month(of d: CivilDate) -> Int32 {
        if start == .january1 { return Int32(d.year * 12 + d.month - 1) }
        let m = Period.reportingMonth(of: d, start: start)
        return Int32(m.year * 12 + m.month - 1)
    }

    public func period(of m: Int32) -> Period { Period(year: Int(m) / 12, month: Int(m) % 12 + 1, start: start) }
    public func firstDay(of m: Int32) -> CivilDate { period(of: m).firstDay }
    public func lastDay(of m: Int32) -> CivilDate { period(of: m).lastDay }
}
