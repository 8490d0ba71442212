/// What one model event did to its model, without the model's id (the
/// record that holds the change has it): a registry keeps tens of
/// thousands of these, so they hold only what a model's history needs.
public enum ModelChange: Sendable, Equatable {
    case established(kind: String, name: String, members: Int64)
    case changed(kind: String?, name: String?, members: Int64?)
    case dissolved(reason: String?)

    /// Nil for data that is not a model event.
    public init?(_ d: EventData) {
        switch d.type {
        case .modelEstablished:
            self = .established(kind: d.text(ModelEstablished.kind) ?? "", name: d.text(ModelEstablished.name) ?? "",
                                members: d.int(ModelEstablished.members) ?? 0)
        case .modelChanged:
            self = .changed(kind: d.text(ModelChanged.kind), name: d.text(ModelChanged.name), members: d.int(ModelChanged.members))
        case .modelDissolved:
            self = .dissolved(reason: d.text(ModelDissolved.reason))
        default:
            return nil
        }
    }

    /// The event's data again, for the model `id`.
    public func data(model id: String) -> EventData {
        switch self {
        case .established(let kind, let name, let members):
            EventData(.modelEstablished, ["model": .text(id), "kind": .text(kind), "name": .text(name), "members": .int(members)])
        case .changed(let kind, let name, let members):
            EventData(.modelChanged, values: [.text(id), kind.map { .text($0) }, name.map { .text($0) }, members.map { .int($0) }])
        case .dissolved(let reason):
            EventData(.modelDissolved, values: [.text(id), reason.map { .text($0) }])
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

extension EventData {
    /// The model a model event is about.
    public var modelID: String? { type.isModelEvent ? text(FieldRef(0, "model")) : nil }
}
