/// Folds model and camera events into the model registry.
public struct ModelsProjection: Projection {
    public init() {}
    public var name: String { "models" }
    public var version: Int { 1 }
    public var initial: ModelRegistry { ModelRegistry() }

    public func apply(_ event: Event, to state: inout ModelRegistry) {
        FactChange.forEach(event) { change in
            switch change {
            case .add(let f, let seq): if f.type.isModelEvent || f.type == .cameraInstalled || f.type == .cameraRemoved { state.add(f, seq: seq) }
            case .remove(let f, let seq): if f.type.isModelEvent || f.type == .cameraInstalled || f.type == .cameraRemoved { state.remove(f, seq: seq) }
            }
        }
    }
}
