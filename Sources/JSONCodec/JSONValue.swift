/// A fully materialised JSON value (reference tree).
///
/// Used by tests, tools and error paths — not the replay hot path, which uses
/// `JSONScanner`. Objects keep member order. Equality is exact: strings compare by their
/// UTF-8 bytes (not Swift's canonical equivalence, so NFC ≠ NFD) and numbers by text.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Parses one strict JSON value (any type at top level) with nothing but whitespace
    /// after it. Rejects duplicate keys and nesting deeper than `maxDepth`.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw, maxDepth: maxDepth)
            do throws(JSONError) {
                let v = try scanner.parseValue()
                try scanner.expectEnd()
                return .success(v)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Convenience: parses the UTF-8 of `text`.
    public static func parse(_ text: String, maxDepth: Int = 64) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// First member named `key` if this is an object (exact byte comparison).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for m in members where m.key.utf8.elementsEqual(key.utf8) { return m.value }
        return nil
    }

    /// Element `index` if this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let a) = self, a.indices.contains(index) else { return nil }
        return a[index]
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a.utf8.elementsEqual(b.utf8)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard x.key.utf8.elementsEqual(y.key.utf8), x.value == y.value else { return false }
            }
            return true
        default: return false
        }
    }

    /// Compact canonical encoding (see `JSONWriter`).
    public var jsonBytes: [UInt8] {
        var w = JSONWriter()
        w.value(self)
        return w.bytes
    }
}

extension JSONScanner {
    /// Recursive descent into a `JSONValue`; depth is bounded by `maxDepth`.
    mutating func parseValue() throws(JSONError) -> JSONValue {
        switch try peekKind() {
        case .null:
            try readNull()
            return .null
        case .bool:
            return .bool(try readBool())
        case .number:
            return .number(try readNumber())
        case .string:
            return .string(try readString())
        case .array:
            try beginArray()
            var items: [JSONValue] = []
            while try nextElement() { items.append(try parseValue()) }
            return .array(items)
        case .object:
            try beginObject()
            var seen = DuplicateKeyTracker()
            var members: [(key: String, value: JSONValue)] = []
            while let key = try nextKey() {
                try seen.insert(key)
                let name = key.string
                members.append((key: name, value: try parseValue()))
            }
            return .object(members)
        }
    }
}
