/// Detects repeated keys within one object (strict-JSON policy: keys must be distinct
/// after decoding escapes, compared byte-for-byte).
///
/// Used by `skipValue` and `JSONValue.parse`, not on the hot path of top-level fields.
/// Small objects use a linear scan over borrowed keys; large ones switch to a hash set so
/// an object with many keys cannot make validation quadratic.
@usableFromInline
struct DuplicateKeyTracker {
    @usableFromInline var keys: [JSONKey] = []
    @usableFromInline var set: Set<[UInt8]>? = nil

    @usableFromInline init() {}

    @usableFromInline
    mutating func insert(_ key: JSONKey) throws(JSONError) {
        if var s = set {
            set = nil
            let inserted = s.insert(key.decodedBytes).inserted
            set = s
            if !inserted { throw duplicate(key) }
            return
        }
        for k in keys where k.decodesEqual(key) { throw duplicate(key) }
        keys.append(key)
        if keys.count > 16 {
            var s = Set<[UInt8]>()
            for k in keys { s.insert(k.decodedBytes) }
            set = s
            keys = []
        }
    }

    func duplicate(_ key: JSONKey) -> JSONError {
        let name = key.string
        // Offset of the key's opening quote.
        return JSONError(.duplicateKey(name), at: key.start - 1, "duplicate key \"\(name)\"")
    }
}
