import TextFormats

/// Which events a listing filtered by a unit keeps (`export --unit`,
/// `log --unit`), so that a listing's rows add up to the figure `summary`
/// gives for the same unit and period.
///
/// - For a period, the units under the unit as the tree stood on the
///   period's last day: the tree `summary` sums a flow over. A ward that
///   joined the unit after the period does not bring its history in.
/// - Without a period (or when the unit no longer stood on that day), an
///   event is kept when its unit was under the unit on the day it occurred:
///   a province's listing holds what its communes recorded while they were
///   its communes, before and after any reorganisation.
public struct UnitScope: Sendable {
    private enum Rule: Sendable {
        case fixed(Set<String>)
        case onTheDay(root: String, units: UnitRegistry)
    }
    private let rule: Rule

    public init(_ root: String, units: UnitRegistry, period: (first: CivilDate, last: CivilDate)?) {
        if let period, units.view(root, on: period.last) != nil {
            rule = .fixed(Set(units.subtree(root, on: period.last)))
        } else {
            rule = .onTheDay(root: root, units: units)
        }
    }

    /// Whether an event of `unit` that occurred on `day` is in the scope.
    public func contains(_ unit: String?, on day: CivilDate) -> Bool {
        guard let unit else { return false }
        switch rule {
        case .fixed(let set): return set.contains(unit)
        case .onTheDay(let root, let units): return unit == root || units.ancestors(unit, on: day).contains(root)
        }
    }
}
