/// Which events have been corrected or retracted, and by what. Small (only
/// amended events appear), and enough to validate a new amendment and to
/// show an event's status in the audit.
public struct AmendmentIndex: Sendable, Equatable {
    /// target seq → seqs of its corrections, in order.
    public var corrections: [Int: [Int]] = [:]
    /// target seq → seq of its retraction.
    public var retractions: [Int: Int] = [:]
    /// Published figures recorded with `figure.asserted`: seq list.
    public var assertions: [Int] = []

    public init() {}

    mutating func apply(_ e: Event) {
        switch e.type {
        case .eventCorrected: if let t = e.data.amendedSeq { corrections[t, default: []].append(e.seq) }
        case .eventRetracted: if let t = e.data.amendedSeq { retractions[t] = e.seq }
        case .figureAsserted: assertions.append(e.seq)
        default: break
        }
    }

    /// The seq whose content is the target's current effective fact: its
    /// latest correction, or itself.
    public func effectiveSource(of target: Int) -> Int { corrections[target]?.last ?? target }
}
