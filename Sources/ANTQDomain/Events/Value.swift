import Decimals
import TextFormats

/// A field's value as the catalogue reads it. Which case a field holds is
/// fixed by its `FieldKind`: counts are `.int`, quantities `.decimal`,
/// codes and free text `.text`, days `.date`.
public enum Value: Sendable, Hashable {
    case int(Int64)
    case decimal(ExactDecimal)
    case text(String)
    case bool(Bool)
    case date(CivilDate)
    /// An explicit null (a top-level unit's parent).
    case null
    /// A nested object, its members in declared order (a label, a dimension).
    case object([NamedValue])
    case list([Value])
    /// A recorded fact (what an amendment's target said: `was`).
    indirect case fact(Fact)
    /// The data of another event type (a correction's replacement data).
    indirect case data(EventData)

    public var int: Int64? { if case .int(let v) = self { v } else { nil } }
    public var text: String? { if case .text(let v) = self { v } else { nil } }
    public var bool: Bool? { if case .bool(let v) = self { v } else { nil } }
    public var date: CivilDate? { if case .date(let v) = self { v } else { nil } }
    public var decimal: ExactDecimal? {
        switch self {
        case .decimal(let d): d
        case .int(let i): ExactDecimal(i)
        default: nil
        }
    }
    public var members: [NamedValue]? { if case .object(let m) = self { m } else { nil } }
    public var list: [Value]? { if case .list(let l) = self { l } else { nil } }

    /// A member of a nested object.
    public subscript(member name: String) -> Value? { members?.first { $0.name == name }?.value }
}

/// A member of a nested object, or a field the log declares (a dimension of a declared indicator).
public struct NamedValue: Sendable, Hashable {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}
