/// Which events have been corrected or retracted, and by what. Small (only
/// amended events appear), and enough to validate a new amendment and to
/// show an event's status in the audit.
public struct AmendmentIndex: Sendable, Equatable {
    /// target seq → seqs of its corrections, in order.
    public var corrections: [Int: [Int]] { correctionsStorage }
    var correctionsStorage: [Int: [Int]] = [:]
    /// target seq → seq of its retraction.
    public var retractions: [Int: Int] { retractionsStorage }
    var retractionsStorage: [Int: Int] = [:]
    /// Published figures recorded with `figure.asserted`: seq list.
    public var assertions: [Int] { assertionsStorage }
    var assertionsStorage: [Int] = []

    public init() {}

    mutating func apply(_ e: Event) {
        switch e.data {
        case .corrected(let c): correctionsStorage[c.target, default: []].append(e.seq)
        case .retracted(let r): retractionsStorage[r.target] = e.seq
        case .figureAsserted: assertionsStorage.append(e.seq)
        default: break
        }
    }

    /// The seq whose content is the target's current effective fact: its
    /// latest correction, or itself.
    public func effectiveSource(of target: Int) -> Int { corrections[target]?.last ?? target }
}

public struct AmendmentsProjection: Projection {
    public init() {}
    public var name: String { "amendments" }
    public var version: Int { 1 }
    public var initial: AmendmentIndex { AmendmentIndex() }
    public func apply(_ event: Event, to state: inout AmendmentIndex) { state.apply(event) }
}
