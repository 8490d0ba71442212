/// Folds unit events into the unit registry.
public struct UnitsProjection: Projection {
    public init() {}
    public var name: String { "units" }
    public var version: Int { 1 }
    public var initial: UnitRegistry { UnitRegistry() }

    public func apply(_ event: Event, to state: inout UnitRegistry) {
        FactChange.forEach(event) { change in
            switch change {
            case .add(let f, let seq) where f.type.isUnitEvent: state.add(f, seq: seq)
            case .remove(let f, let seq) where f.type.isUnitEvent: state.remove(f, seq: seq)
            default: break
            }
        }
    }
}
