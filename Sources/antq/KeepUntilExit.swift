/// Hands a large value to the process's end instead of freeing it.
///
/// Why: a reading command's ledger on a national log holds tens of thousands
/// of models and flow rows; releasing them object by object is a noticeable
/// part of a `summary`, just before the process exits and the kernel takes
/// the memory back whole anyway.
func keepUntilExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(Kept(value))
}

private final class Kept<T> {
    let value: T
    init(_ value: T) { self.value = value }
}
