/// Canonical compact JSON writer appending to a byte buffer.
///
/// Why canonical: log lines are hashed and chained, so the same value must always
/// serialise to the same bytes. Output has no spaces, keys in the order written, and
/// minimal string escaping — `\"`, `\\`, `\n \r \t \b \f`, other control characters as
/// `\u00xx` (lowercase hex); '/' and non-ASCII are raw UTF-8. This is byte-identical to
/// Python's `json.dumps(v, ensure_ascii=False, separators=(',', ':'))`.
///
/// Commas are inserted automatically; the writer does not check that calls are balanced.
public struct JSONWriter {
    public var bytes: [UInt8]
    @usableFromInline var needsComma = false

    public init(reserving: Int = 512) {
        bytes = []
        bytes.reserveCapacity(reserving)
    }

    @inlinable @inline(__always)
    mutating func separator() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    @inlinable
    public mutating func beginObject() {
        separator()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    @inlinable
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable
    public mutating func beginArray() {
        separator()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    @inlinable
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a key already written as `"k":` (a name that needs no escape,
    /// kept as bytes by a caller that writes it millions of times).
    @inlinable
    public mutating func rawKey(_ keyAndColon: UnsafeRawBufferPointer) {
        separator()
        bytes.append(contentsOf: keyAndColon)
        needsComma = false
    }

    /// Writes `"k":`; the next value call supplies the member's value.
    @inlinable
    public mutating func key(_ k: String) {
        separator()
        writeString(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    @inlinable
    public mutating func string(_ s: String) {
        separator()
        writeString(s)
        needsComma = true
    }

    @inlinable
    public mutating func int(_ i: Int64) {
        separator()
        var magnitude = i.magnitude
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, no heap
        withUnsafeMutableBytes(of: &tmp) { buf in
            var n = buf.count
            repeat {
                n -= 1
                buf[n] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude != 0
            if i < 0 { n -= 1; buf[n] = UInt8(ascii: "-") }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[n...]))
        }
        needsComma = true
    }

    /// Writes a number using its exact text.
    public mutating func number(_ n: JSONNumber) {
        separator()
        bytes.append(contentsOf: n.text.utf8)
        needsComma = true
    }

    public mutating func bool(_ b: Bool) {
        separator()
        if b {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
        needsComma = true
    }

    @inlinable
    public mutating func null() {
        separator()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    /// Appends a pre-encoded JSON value verbatim (caller guarantees it is valid JSON).
    public mutating func raw(_ jsonText: [UInt8]) {
        separator()
        bytes.append(contentsOf: jsonText)
        needsComma = true
    }

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for m in members {
                key(m.key)
                value(m.value)
            }
            endObject()
        }
    }

    @usableFromInline
    mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
