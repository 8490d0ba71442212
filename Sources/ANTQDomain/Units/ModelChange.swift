/// What one model event did to its model, without the model's id (the
/// record that holds the change has it).
///
/// Why not keep the `EventData`: a national log holds tens of thousands of
/// models with a few changes each, and every reading command loads them
/// from a snapshot. An entry holding an `EventData` (64 bytes, with the
/// model's id copied into it) and a `CivilDate` took 96 bytes; one holding
/// this (40 bytes) and a day number takes 48, and its texts may share
/// storage (`TextInterner`).
public enum ModelChange: Sendable, Equatable {
    case established(kind: ModelKind, name: String, members: Int)
    case changed(kind: ModelKind?, name: String?, members: Int?)
    case dissolved(reason: String?)

    /// Nil for data that is not a model event.
    public init?(_ data: EventData) {
        switch data {
        case .modelEstablished(_, let kind, let name, let members): self = .established(kind: kind, name: name, members: members)
        case .modelChanged(_, let kind, let name, let members): self = .changed(kind: kind, name: name, members: members)
        case .modelDissolved(_, let reason): self = .dissolved(reason: reason)
        default: return nil
        }
    }

    /// The event's data again, for the model `id`.
    public func data(model id: String) -> EventData {
        switch self {
        case .established(let kind, let name, let members): .modelEstablished(model: id, kind: kind, name: name, members: members)
        case .changed(let kind, let name, let members): .modelChanged(model: id, kind: kind, name: name, members: members)
        case .dissolved(let reason): .modelDissolved(model: id, reason: reason)
        }
    }

    public var type: EventType {
        switch self {
        case .established: .modelEstablished
        case .changed: .modelChanged
        case .dissolved: .modelDissolved
        }
    }
}
