import Hashing
import JSONCodec

/// The three envelope fields the log core itself needs: position (`seq`),
/// chain link (`prev`) and the batch marker (`more`). Everything else in a
/// line belongs to the domain; the core never interprets it.
public struct LineHeader: Sendable, Equatable {
    public var seq: Int
    public var prev: SHA256Digest
    /// True on every line of a batch except its last: a batch becomes
    /// visible only when its final line (without `more`) is written whole.
    public var more: Bool

    public init(seq: Int, prev: SHA256Digest, more: Bool) {
        self.seq = seq
        self.prev = prev
        self.more = more
    }

    public enum DecodeError: Error, Equatable, Sendable {
        case json(JSONError)
        case missing(String)
        case invalid(String)
    }

    /// Reads the header out of one line, skipping (but validating) the rest.
    public static func decode(_ line: UnsafeRawBufferPointer) throws(DecodeError) -> LineHeader {
        var scanner = JSONScanner(line)
        var seq: Int?
        var prev: SHA256Digest?
        var more = false
        do {
            try scanner.beginObject()
            while let key = try scanner.nextKey() {
                if key.equals("seq") {
                    seq = Int(try scanner.readInt64())
                } else if key.equals("prev") {
                    let text = try scanner.readString()
                    guard let d = SHA256Digest(hex: text), text.utf8.count == 64 else {
                        throw DecodeError.invalid("prev")
                    }
                    prev = d
                } else if key.equals("more") {
                    more = try scanner.readBool()
                } else {
                    try scanner.skipValue()
                }
            }
            try scanner.expectEnd()
        } catch let e as JSONError {
            throw .json(e)
        } catch let e as DecodeError {
            throw e
        } catch {
            throw .invalid("line")
        }
        guard let seq else { throw .missing("seq") }
        guard let prev else { throw .missing("prev") }
        return LineHeader(seq: seq, prev: prev, more: more)
    }
}
