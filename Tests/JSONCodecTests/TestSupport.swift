import SeededRandom
import Foundation
@testable import JSONCodec

/// The draws the generated cases use, on the shared seeded generator (a
/// case is reproducible from its seed).
extension SplitMix64 {
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(percent: Int) -> Bool { int(100) < percent }
}

/// Random JSON values covering escapes, Vietnamese text (NFC and NFD), emoji, the Int64 range and doubles.
struct ValueGenerator {
    var rng: SplitMix64
    /// Restrict doubles to the range where Swift's and Python's shortest repr agree on layout.
    var pythonSafeDoubles = false

    static let fragments: [String] = {
        let nfc = ["Thủ Dầu Một", "Phường Phú Cường", "Nguyễn Văn An", "Bình Dương", "Đ", "ệ"]
        let nfd = nfc.map { $0.decomposedStringWithCanonicalMapping }
        return nfc + nfd + [
            "a", "seq", "unit", "type", "hello world", "x", "42", "BD-2018-0412",
            "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "\u{0}",
            "😀", "👮‍♂️", "𝄞", "中文", "\u{2028}", "\u{2029}", "\u{FEFF}", "é", "e\u{301}", "\u{FFFF}", "\u{10FFFF}",
            " ", "{", "}", "[", "]", ":", ",",
        ]
    }()

    mutating func string(maxPieces: Int = 5) -> String {
        var s = ""
        for _ in 0..<rng.int(maxPieces + 1) { s += rng.pick(Self.fragments) }
        return s
    }

    mutating func int64() -> Int64 {
        switch rng.int(6) {
        case 0: return rng.pick([Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, 0, -1, 1, 9_007_199_254_740_993])
        case 1: return Int64(bitPattern: rng.next())
        case 2: return Int64(rng.int(1000)) - 500
        default:
            let bits = rng.int(63)
            let v = Int64(rng.next() >> UInt64(64 - max(bits, 1)))
            return rng.chance(percent: 50) ? v : -v
        }
    }

    mutating func double() -> Double {
        let mantissa = Double(rng.next() % 10_000_000) / Double(1 + rng.int(1000))
        let exp = pythonSafeDoubles ? rng.int(20) - 10 : rng.int(80) - 40
        var d = mantissa * pow(10, Double(exp))
        if rng.chance(percent: 50) { d = -d }
        if rng.chance(percent: 3) { d = rng.pick([0.5, -0.0, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1]) }
        return d
    }

    mutating func scalar() -> JSONValue {
        switch rng.int(7) {
        case 0: return .null
        case 1: return .bool(rng.chance(percent: 50))
        case 2, 3: return .number(JSONNumber(int64()))
        case 4: return .number(JSONNumber(double()))
        default: return .string(string())
        }
    }

    mutating func value(depth: Int) -> JSONValue {
        if depth <= 0 || rng.chance(percent: 45) { return scalar() }
        if rng.chance(percent: 50) {
            return .array((0..<rng.int(5)).map { _ in value(depth: depth - 1) })
        }
        return object(depth: depth)
    }

    /// Keys distinct both byte-wise and under Swift's canonical equivalence (Foundation
    /// returns a Swift Dictionary, which would merge NFC/NFD twins).
    mutating func object(depth: Int) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        for _ in 0..<rng.int(7) {
            let k = string(maxPieces: 3)
            // Foundation drops U+FEFF, so keys must stay distinct without it too.
            if seen.insert(String(decoding: Common.text(k), as: UTF8.self)).inserted { members.append((key: k, value: value(depth: depth - 1))) }
        }
        return .object(members)
    }
}

/// Writes `v` with random whitespace and random (but valid) escaping: \uXXXX for any
/// scalar (surrogate pairs above U+FFFF), "\/", mixed-case hex.
func variantBytes(_ v: JSONValue, _ rng: inout SplitMix64) -> [UInt8] {
    var out: [UInt8] = []
    func ws() {
        guard rng.chance(percent: 30) else { return }
        for _ in 0..<(1 + rng.int(3)) { out.append(rng.pick([0x20, 0x09, 0x0A, 0x0D])) }
    }
    func hex4(_ u: UInt32) {
        let digits = Array((rng.chance(percent: 50) ? "0123456789abcdef" : "0123456789ABCDEF").utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((u >> UInt32(shift)) & 0xF)]) }
    }
    func str(_ s: String) {
        out.append(0x22)
        for scalar in s.unicodeScalars {
            let u = scalar.value
            if u < 0x20 || u == 0x22 || u == 0x5C || rng.chance(percent: 10) {
                if u == 0x2F && rng.chance(percent: 50) { out += Array("\\/".utf8); continue }
                if u == 0x22 && rng.chance(percent: 50) { out += Array("\\\"".utf8); continue }
                if u == 0x5C && rng.chance(percent: 50) { out += Array("\\\\".utf8); continue }
                if u == 0x0A && rng.chance(percent: 50) { out += Array("\\n".utf8); continue }
                if u >= 0x10000 {
                    let v = u - 0x10000
                    out += Array("\\u".utf8); hex4(0xD800 + (v >> 10))
                    out += Array("\\u".utf8); hex4(0xDC00 + (v & 0x3FF))
                } else {
                    out += Array("\\u".utf8); hex4(u)
                }
            } else {
                out += Array(String(scalar).utf8)
            }
        }
        out.append(0x22)
    }
    func emit(_ v: JSONValue) {
        ws()
        switch v {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(n.text.utf8)
        case .string(let s): str(s)
        case .array(let a):
            out.append(0x5B)
            for (i, x) in a.enumerated() { if i > 0 { ws(); out.append(0x2C) }; emit(x); ws() }
            if a.isEmpty { ws() }
            out.append(0x5D)
        case .object(let m):
            out.append(0x7B)
            for (i, x) in m.enumerated() {
                if i > 0 { out.append(0x2C) }
                ws(); str(x.key); ws(); out.append(0x3A); emit(x.value); ws()
            }
            if m.isEmpty { ws() }
            out.append(0x7D)
        }
        ws()
    }
    emit(v)
    return out
}

/// Converts our value into Foundation objects for JSONSerialization.data(withJSONObject:).
func foundationObject(_ v: JSONValue) -> Any {
    switch v {
    case .null: return NSNull()
    case .bool(let b): return NSNumber(value: b)
    case .number(let n):
        if let i = n.int64 { return NSNumber(value: i) }
        return NSNumber(value: n.double!)
    case .string(let s): return s
    case .array(let a): return a.map(foundationObject)
    case .object(let m):
        var d: [String: Any] = [:]
        for x in m { d[x.key] = foundationObject(x.value) }
        return d
    }
}

/// A common form for comparing our tree with Foundation's: numbers numerically (exact
/// when both sides are integers), strings exactly by UTF-8 bytes, objects unordered.
indirect enum Common: Equatable, CustomStringConvertible {
    case null, bool(Bool), number(Double, Int64?), string([UInt8]), array([Common]), object([[UInt8]: Common])

    static func == (a: Common, b: Common) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(dx, ix), .number(dy, iy)):
            if let ix, let iy { return ix == iy }
            // Foundation on Linux parses doubles with a few ulps of error; ours are
            // correctly rounded (Swift's Double(String)), so allow a tiny relative slack.
            if dx == dy { return true }
            return abs(dx - dy) <= 1e-14 * max(abs(dx), abs(dy))
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x == y
        default: return false
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case let .number(d, i): return i.map { "\($0)" } ?? "\(d)"
        case .string(let s): return "\"\(String(decoding: s, as: UTF8.self))\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { "\"\(String(decoding: $0.key, as: UTF8.self))\":\($0.value)" }.sorted().joined(separator: ",") + "}"
        }
    }

    /// Exact UTF-8 bytes, minus U+FEFF: Foundation on Linux drops ZERO WIDTH NO-BREAK
    /// SPACE from decoded strings (treats it as a BOM); we keep it (see
    /// testZeroWidthNoBreakSpaceIsPreservedInStrings).
    static func text(_ s: String) -> [UInt8] {
        let b = Array(s.utf8)
        guard b.count >= 3 else { return b }
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if i + 2 < b.count && b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF { i += 3; continue }
            out.append(b[i]); i += 1
        }
        return out
    }

    init(_ v: JSONValue) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.double ?? .nan, n.int64)
        case .string(let s): self = .string(Common.text(s))
        case .array(let a): self = .array(a.map(Common.init))
        case .object(let m):
            var d: [[UInt8]: Common] = [:]
            for x in m { d[Common.text(x.key)] = Common(x.value) }
            self = .object(d)
        }
    }

    init(foundation x: Any) {
        if x is NSNull { self = .null; return }
        if let s = x as? String { self = .string(Common.text(s)); return }
        if let n = x as? NSNumber {
            let type = String(cString: n.objCType)
            if type == "c" || type == "B" { self = .bool(n.boolValue); return }
            if n is NSDecimalNumber || type == "d" || type == "f" || type == "Q" {
                self = .number(n.doubleValue, nil)
            } else {
                self = .number(n.doubleValue, n.int64Value)
            }
            return
        }
        if let a = x as? [Any] { self = .array(a.map { Common(foundation: $0) }); return }
        if let o = x as? [String: Any] {
            var d: [[UInt8]: Common] = [:]
            for (k, v) in o { d[Common.text(k)] = Common(foundation: v) }
            self = .object(d)
            return
        }
        fatalError("unexpected Foundation type \(type(of: x))")
    }
}

func foundationParse(_ bytes: [UInt8]) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

func ourParse(_ bytes: [UInt8]) -> Result<JSONValue, JSONError> {
    do throws(JSONError) { return .success(try JSONValue.parse(bytes)) } catch { return .failure(error) }
}

/// Validates through the pull-scanner path (skipValue + expectEnd) — the line-oriented path.
func scannerValidate(_ bytes: [UInt8], maxDepth: Int = 64) -> JSONError? {
    bytes.withUnsafeBytes { raw in
        var s = JSONScanner(raw, maxDepth: maxDepth)
        do throws(JSONError) {
            try s.skipValue()
            try s.expectEnd()
            return nil
        } catch { return error }
    }
}

func parseError(_ text: String, maxDepth: Int = 64) -> JSONError? {
    if case .failure(let e) = ourParse(Array(text.utf8)) { return e }
    return nil
}
