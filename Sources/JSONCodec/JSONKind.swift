/// The type of the next JSON value, as decided by its first byte.
///
/// Lets a pull-scanner caller branch on what is coming without consuming it.
public enum JSONKind: Sendable, Equatable {
    case object, array, string, number, bool, null
}
