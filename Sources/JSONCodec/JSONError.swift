/// A strict-JSON decoding failure.
///
/// Carries a machine-checkable `kind`, the byte `offset` of the offending byte (so a log
/// tool can print "line N, column offset+1"), and a human `message` explaining what is wrong.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong. Strictness violations each get their own case so callers and tests
    /// can tell "malformed" from "well-formed but rejected by policy" (duplicate keys, depth).
    public enum Kind: Equatable, Sendable {
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidUTF8
        case controlCharacterInString
        case invalidEscape
        /// Malformed `\uXXXX`, including a lone high or low surrogate.
        case invalidUnicodeEscape
        case invalidNumber
        case numberOutOfRange
        case duplicateKey(String)
        case tooDeep
        case trailingData
        /// A value of another type was found; the payload names the expected one
        /// ("string", "integer", "object", ...).
        case expected(String)
    }

    public var kind: Kind
    /// Byte offset in the input of the offending byte (column = offset + 1).
    public var offset: Int
    /// Human-readable sentence, e.g. "trailing comma before '}'".
    public var message: String

    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) at byte offset \(offset)" }
}

/// Renders a byte for an error message: printable ASCII quoted, everything else as hex.
@usableFromInline
func describeByte(_ b: UInt8) -> String {
    if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    let hex = String(b, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
}
