import JSONCodec

/// One member of a `data` object as read from a line, before its meaning is
/// known. Nested objects are kept as byte ranges and decoded on demand, so a
/// correction's `data` can be read once its target's type is known.
public struct DataField: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        /// A valid JSON number that is not an in-range integer (1.5, 1e400, 2^63).
        case number(String, outOfRange: Bool)
        case bool(Bool)
        case null
        case object([DataField])
        case array
    }

    public var key: String
    public var value: Value

    public init(key: String, value: Value) {
        self.key = key
        self.value = value
    }

    var kindName: String {
        switch value {
        case .string: "a string"
        case .int, .number: "a number"
        case .bool: "true/false"
        case .null: "null"
        case .object: "an object"
        case .array: "an array"
        }
    }

    /// Reads every member of the object at the scanner's position.
    static func readObject(_ s: inout JSONScanner, path: String) throws -> [DataField] {
        var fields: [DataField] = []
        fields.reserveCapacity(8)
        try s.beginObject()
        while let key = try s.nextKey() {
            let name = key.string
            if fields.contains(where: { $0.key == name }) {
                throw EventCodingError(field: path.isEmpty ? name : "\(path).\(name)", problem: "appears twice",
                                       fix: "keep one occurrence of each field")
            }
            fields.append(DataField(key: name, value: try readValue(&s, path: path.isEmpty ? name : "\(path).\(name)")))
        }
        return fields
    }

    static func readValue(_ s: inout JSONScanner, path: String) throws -> Value {
        switch try s.peekKind() {
        case .string: return .string(try s.readString())
        case .number:
            // Counts are integers: read them without building the number's text.
            let saved = s
            if let i = try? s.readInt64() { return .int(i) }
            s = saved
            let n = try s.readNumber()
            if let i = n.int64 { return .int(i) }
            let integral = !n.text.contains(".") && !n.text.contains("e") && !n.text.contains("E")
            return .number(n.text, outOfRange: integral)
        case .bool: return .bool(try s.readBool())
        case .null: try s.readNull(); return .null
        case .object: return .object(try readObject(&s, path: path))
        case .array: try s.skipValue(); return .array
        }
    }
}
