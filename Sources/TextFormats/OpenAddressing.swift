/// The slot array of a hash table that keeps its keys' hashes (linear
/// probing, a power-of-two size): `TextInterner` and the model registry's
/// table both rebuild theirs from the kept hashes when they grow, without
/// hashing a key again.
public enum OpenAddressing {
    /// Slots for `hashes` (slot → index into `hashes`, -1 for empty), at
    /// least `capacity` of them (rounded up to a power of two, 16 at least),
    /// and the mask that takes a hash to its home slot.
    public static func slots(for hashes: [UInt64], capacity: Int) -> (slots: [Int32], mask: Int) {
        var size = 16
        while size < capacity { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for (i, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(i)
        }
        return (slots, mask)
    }
}
