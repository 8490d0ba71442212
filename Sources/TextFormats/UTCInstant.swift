
/// A moment in UTC with microsecond precision, stored as microseconds since 1970-01-01T00:00:00Z.
///
/// Used for "when was this recorded" stamps in the event log. Text form is RFC 3339 with
/// exactly six fraction digits and `Z` ("2019-03-28T09:30:00.000000Z"): fixed width means
/// text order equals time order, so logs can be sorted or compared as strings.
///
/// - Note: Input accepts `Z` or `+00:00` only (a stamp in another offset is a mistake
///   upstream, not something to convert silently), 0 to 9 fraction digits (digits beyond
///   the sixth are truncated), uppercase `T` only, no leap second 60, years 0001–9999.
///   Formatting an instant outside years 0001–9999 stops with a precondition failure.
public struct UTCInstant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// An instant on `date` at the given UTC time of day; nil if a field is out of range.
    public init?(date: CivilDate, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond) else { return nil }
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        microsecondsSinceEpoch = seconds * 1_000_000 + Int64(microsecond)
    }

    /// Parses "2019-03-28T09:30:00Z", "2019-03-28T09:30:00.123456Z" or the same with "+00:00".
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let date = CivilDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
              let hour = asciiNumber(b[11..<13]), let minute = asciiNumber(b[14..<16]), let second = asciiNumber(b[17..<19])
        else { return nil }
        var i = 19
        var micro = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            let count = i - start
            guard (1...9).contains(count) else { return nil }
            for k in 0..<6 { micro = micro * 10 + (start + k < i ? Int(b[start + k] - 0x30) : 0) }
        }
        let zone = String(decoding: b[i...], as: UTF8.self)
        guard zone == "Z" || zone == "+00:00" else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second, microsecond: micro)
    }

    /// An instant as a person may type it: RFC 3339 with `Z` or any offset
    /// (`2019-03-28T10:00:00+07:00`). The log itself stores only `Z`
    /// (`init(rfc3339:)`, which the readers use).
    public init?(rfc3339WithOffset text: String) {
        if let exact = UTCInstant(rfc3339: text) {
            self = exact
            return
        }
        let b = Array(text.utf8)
        guard b.count >= 25, let sign = b.dropLast(5).last.flatMap({ $0 == UInt8(ascii: "+") ? 1 : $0 == UInt8(ascii: "-") ? -1 : nil }),
              b[b.count - 3] == UInt8(ascii: ":"),
              let hours = asciiNumber(b[(b.count - 5)..<(b.count - 3)]), let minutes = asciiNumber(b[(b.count - 2)...]),
              hours < 24, minutes < 60,
              let local = UTCInstant(rfc3339: String(decoding: b[..<(b.count - 6)], as: UTF8.self) + "Z")
        else { return nil }
        self.init(microsecondsSinceEpoch: local.microsecondsSinceEpoch - Int64(sign * (hours * 60 + minutes)) * 60_000_000)
    }

    /// The UTC calendar date of this instant.
    public var date: CivilDate {
        CivilDate(dayNumber: Int(floorDiv(microsecondsSinceEpoch, 86_400_000_000)))
    }

    /// "YYYY-MM-DDTHH:MM:SS.ffffffZ", always 27 characters.
    public var rfc3339: String {
        let dayMicros = microsecondsSinceEpoch - floorDiv(microsecondsSinceEpoch, 86_400_000_000) * 86_400_000_000
        let secondsOfDay = Int(dayMicros / 1_000_000)
        let micro = Int(dayMicros % 1_000_000)
        let date = self.date
        return String(unsafeUninitializedCapacity: 27) { b in
            let p = b.baseAddress!
            date.writeISO(to: p)
            p[10] = 0x54 // T
            writeDigits(secondsOfDay / 3600, 2, to: p + 11)
            p[13] = 0x3A
            writeDigits(secondsOfDay / 60 % 60, 2, to: p + 14)
            p[16] = 0x3A
            writeDigits(secondsOfDay % 60, 2, to: p + 17)
            p[19] = 0x2E
            writeDigits(micro, 6, to: p + 20)
            p[26] = 0x5A // Z
            return 27
        }
    }

    public var description: String { rfc3339 }

    public static func < (a: UTCInstant, b: UTCInstant) -> Bool {
        a.microsecondsSinceEpoch < b.microsecondsSinceEpoch
    }

    /// Encoded as its RFC 3339 string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = UTCInstant(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 UTC time: \(text)")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

extension UTCInstant {
    /// The instant as a reader sees it: Vietnam time (UTC+7), to the minute,
    /// the day as `CivilDate.formatted(vietnamese:)` writes it
    /// ("28/03/2019 09:45 (UTC+7)", or "2019-03-28 09:45 (UTC+7)").
    /// - Parameter seconds: to the second (two knowledge dates a minute apart or less).
    public func vietnamTime(vietnamese: Bool, seconds: Bool = false) -> String {
        let local = UTCInstant(microsecondsSinceEpoch: microsecondsSinceEpoch + 7 * 3600 * 1_000_000)
        let hm = String(local.rfc3339.dropFirst(11).prefix(seconds ? 8 : 5))
        return "\(local.date.formatted(vietnamese: vietnamese)) \(hm) (UTC+7)"
    }
}
