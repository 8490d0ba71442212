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
        for (r, rule) in d.spec.flows.enumerated() {
            guard let amount = d.int(rule.amount) else { continue }
            if let when = rule.when {
                switch when {
                case .isTrue(let f): guard d.bool(f) == true else { continue }
                case .codeIn(let f, let codes): guard let c = d.text(f), codes.contains(c) else { continue }
                }
            }
            var first: String?, second: String?
            for part in rule.name {
                if case .value(let f, _) = part {
                    if first == nil { first = d.text(f) ?? "?" } else { second = d.text(f) ?? "?" }
                }
            }
            body(r, first, second, amount)
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
