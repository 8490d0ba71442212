/// A calendar date without time or time zone (proleptic Gregorian, years 1...9999).
///
/// Statistics are reported per day, month or year as printed in documents ("28/03/2019"),
/// not per instant, so dates are kept as plain year/month/day: no `Date`, no time zone
/// that could shift a day. Only valid dates can exist (the initialisers check), so code
/// holding a `CivilDate` never meets 30 February.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// `year << 9 | month << 5 | day`: four bytes that compare in date
    /// order. Every event, fact and draft holds a date and is moved from
    /// stage to stage a million times in a long replay or batch; three
    /// `Int`s made the date 24 bytes.
    private let packed: UInt32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// The date, or nil if it does not exist (month 13, 2018-02-29, year 0 or 10000).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.init(valid: year, month, day)
    }

    @inline(__always)
    private init(valid year: Int, _ month: Int, _ day: Int) {
        packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month)
            && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Strict ISO 8601 calendar date "YYYY-MM-DD" (exactly 4-2-2 ASCII digits).
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = asciiNumber(b[0..<4]), let m = asciiNumber(b[5..<7]), let d = asciiNumber(b[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Vietnamese order "dd/mm/yyyy", also "d/m/yyyy" (day and month 1–2 digits, year 4).
    public init?(dayMonthYear text: String) {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              let d = asciiNumber(parts[0]), let m = asciiNumber(parts[1]), let y = asciiNumber(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Either form: "2019-03-28" or "28/03/2019" / "28/3/2019".
    public init?(parsing text: String) {
        if let date = CivilDate(iso: text) ?? CivilDate(dayMonthYear: text) { self = date } else { return nil }
    }

    /// Days since 1970-01-01 (negative before), for fast comparison and date arithmetic.
    /// Algorithm: Howard Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day numbers of years 1...9999, the dates that exist: a day
    /// number read from a file is checked against it before it is used.
    public static let dayNumbers: ClosedRange<Int> = CivilDate(year: 1, month: 1, day: 1)!.dayNumber...CivilDate(year: 9999, month: 12, day: 31)!.dayNumber

    /// The date `dayNumber` days after 1970-01-01 (Hinnant's `civil_from_days`).
    /// - Precondition: `dayNumbers` contains it.
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        precondition((1...9999).contains(y), "CivilDate(dayNumber: \(dayNumber)) is outside years 1...9999")
        self.init(valid: y, m, d)
    }

    /// The date `days` later (earlier if negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// "2019-03-28": sorts as text in date order.
    public var iso: String {
        // Written as ten bytes: a report or an audit formats tens of thousands of dates.
        String(unsafeUninitializedCapacity: 10) { b in
            writeISO(to: b.baseAddress!)
            return 10
        }
    }

    /// "YYYY-MM-DD" into the ten bytes at `p` (the year is 1...9999).
    func writeISO(to p: UnsafeMutablePointer<UInt8>) {
        writeDigits(year, 4, to: p)
        p[4] = 0x2D
        writeDigits(month, 2, to: p + 5)
        p[7] = 0x2D
        writeDigits(day, 2, to: p + 8)
    }

    /// "28/03/2019" for Vietnamese readers, otherwise ISO "2019-03-28".
    public func formatted(vietnamese: Bool) -> String {
        guard vietnamese else { return iso }
        return String(unsafeUninitializedCapacity: 10) { b in
            let p = b.baseAddress!
            writeDigits(day, 2, to: p)
            p[2] = 0x2F
            writeDigits(month, 2, to: p + 3)
            p[5] = 0x2F
            writeDigits(year, 4, to: p + 6)
            return 10
        }
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        a.packed < b.packed
    }

    /// Encoded as its ISO string, so JSON files stay readable and sortable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date \"YYYY-MM-DD\": \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// The value of a run of ASCII digits, nil if any byte is not a digit or the run is empty.
func asciiNumber<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        value = value * 10 + Int(byte - 0x30)
    }
    return value
}

/// `n` (0 ≤ n < 10^width) as exactly `width` ASCII digits at `p`, zeros in front.
@inline(__always)
func writeDigits(_ n: Int, _ width: Int, to p: UnsafeMutablePointer<UInt8>) {
    var n = n
    var i = width - 1
    while i >= 0 {
        p[i] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
        n /= 10
        i -= 1
    }
}
