import ANTQDomain
import JSONCodec

/// Reads a JSON object into input fields (`InputField`): strings as they
/// are, numbers as their exact text, nested objects and arrays whole.
public enum InputTree {
    static func readObject(_ s: inout JSONScanner, path: String) throws -> [InputField] {
        var fields: [InputField] = []
        fields.reserveCapacity(8)
        try s.beginObject()
        while let key = try s.nextKey() {
            let name = key.string
            if fields.contains(where: { $0.key == name }) {
                throw EventCodingError(field: path.isEmpty ? name : "\(path).\(name)", problem: Text("xuất hiện hai lần", "appears twice"),
                                       fix: Text("giữ một lần", "keep one occurrence of each field"))
            }
            fields.append(InputField(name, try readValue(&s, path: path.isEmpty ? name : "\(path).\(name)")))
        }
        return fields
    }

    static func readValue(_ s: inout JSONScanner, path: String) throws -> InputValue {
        switch try s.peekKind() {
        case .string: return .string(try s.readString())
        case .number: return .number(try s.readNumber().text)
        case .bool: return .bool(try s.readBool())
        case .null: try s.readNull(); return .null
        case .object: return .object(try readObject(&s, path: path))
        case .array:
            var out: [InputValue] = []
            try s.beginArray()
            while try s.nextElement() { out.append(try readValue(&s, path: path)) }
            return .array(out)
        }
    }
}

extension InputTree {
    /// A JSON text typed as one value (a flag such as `--label '{"vi": …}'`);
    /// nil when it is not one whole, valid JSON value.
    public static func parse(_ text: String) -> InputValue? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { raw -> InputValue? in
            var s = JSONScanner(UnsafeRawBufferPointer(raw))
            guard let v = try? readValue(&s, path: ""), (try? s.expectEnd()) != nil else { return nil }
            return v
        }
    }
}
