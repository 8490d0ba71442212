/// A JSON number that keeps its exact source text.
///
/// Why keep the text: a log replay must be able to re-emit a number byte-for-byte and to
/// read integers exactly (Int64), without a lossy round trip through Double.
public struct JSONNumber: Equatable, Sendable, CustomStringConvertible {
    /// The literal as written, e.g. "-12", "1.5e3".
    public var text: String
    /// Exact value if the literal is an integer (no fraction/exponent) within Int64 range.
    public var int64: Int64?
    /// Nearest Double (always finite for parsed numbers: overflowing literals are rejected).
    public var double: Double?

    @usableFromInline
    init(validatedText text: String, isInteger: Bool) {
        self.text = text
        self.int64 = isInteger ? Int64(text) : nil
        let d = Double(text)
        self.double = (d?.isFinite ?? false) ? d : nil
    }

    /// An integer number.
    public init(_ value: Int64) {
        text = String(value)
        int64 = value
        double = Double(value)
    }

    /// A floating-point number, written in Swift's shortest round-trip form.
    /// - Precondition: `value` is finite (JSON has no NaN/Infinity).
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON numbers must be finite")
        text = value.description
        int64 = nil
        double = value
    }

    /// Validates `text` as a strict JSON number literal; nil if it is not one.
    public init?(text: String) {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        let ok: Bool? = bytes.withUnsafeMutableBytes { raw in
            var s = JSONScanner(UnsafeRawBufferPointer(raw))
            guard let b = raw.first, b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else { return nil }
            do throws(JSONError) {
                let isInt = try s.scanNumber()
                guard s.offset == raw.count else { return nil }
                return isInt
            } catch { return nil }
        }
        bytes = []
        guard let isInteger = ok else { return nil }
        self.init(validatedText: text, isInteger: isInteger)
    }

    public var description: String { text }
}
