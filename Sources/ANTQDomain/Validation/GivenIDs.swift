/// The ids the lines of one batch gave, so that an id given twice is
/// refused ("every event needs its own id"). An id counts once its event is
/// accepted: the id of a refused line is not taken.
///
/// The validator keeps them in a set (`GivenIDSet`); a streaming batch of
/// millions of lines brings a compact table of its own that finds an earlier
/// event again in the log being written rather than keep every id.
public protocol GivenIDs {
    /// Whether an accepted event of this batch has this id.
    func contains(_ key: UUIDKey) -> Bool
    /// Notes the id of the event just accepted as `seq`.
    mutating func insert(_ key: UUIDKey, seq: Int)
}

/// Every given id in a set: for batches that hold their events anyway.
public struct GivenIDSet: GivenIDs {
    private var keys: Set<UUIDKey> = []

    public init() {}

    public func contains(_ key: UUIDKey) -> Bool { keys.contains(key) }
    public mutating func insert(_ key: UUIDKey, seq: Int) { keys.insert(key) }
}
