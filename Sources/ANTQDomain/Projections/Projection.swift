/// A projection is a pure fold over the log: a name, a version, an initial
/// state and `apply`. It does no I/O, so it can be tested on a list of
/// events in memory, replayed from a snapshot, or run on a prefix of the log
/// (`--as-of`) with the same code.
public protocol Projection: Sendable {
    associatedtype State: Sendable
    /// Stable name, recorded in snapshots.
    var name: String { get }
    /// Bumped whenever the state's meaning changes: snapshots of another version are ignored.
    var version: Int { get }
    var initial: State { get }
    func apply(_ event: Event, to state: inout State)
}

/// How an amendment replays: the projections that hold facts undo the
/// target's previous effective fact and apply the new one, keyed by the
/// target's seq, exactly as if the target had been recorded right.
public enum FactChange {
    case add(Fact, seq: Int)
    case remove(Fact, seq: Int)

    /// The fact-level changes an event makes.
    public static func forEach(_ event: Event, _ body: (FactChange) -> Void) {
        switch event.type {
        case .logCreated, .figureAsserted:
            return
        case .eventCorrected:
            guard let c = event.data.correction else { return }
            body(.remove(c.was, seq: c.target))
            body(.add(c.replacement, seq: c.target))
        case .eventRetracted:
            guard let r = event.data.retraction else { return }
            body(.remove(r.was, seq: r.target))
        default:
            if event.type.isDeclaration { return }
            body(.add(event.fact, seq: event.seq))
        }
    }
}
