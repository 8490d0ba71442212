import ANTQDomain
import Foundation
import JSONCodec
import TextFormats

/// What the harness sent for one event: compared, field by field, with what
/// the log holds afterwards.
struct SentEvent: Equatable {
    var id: String
    var type: String
    var unit: String
    var occurred: String
    var by: String
    /// The data object, members sorted by key.
    var data: JSONValue
}

/// Random but valid events for the units `setUp` registers: every line
/// carries its own id so the harness can find it in the log.
struct Workload {
    var rng: SystemRandomNumberGenerator = SystemRandomNumberGenerator()
    static let units = ["74", "718", "25747"]
    static let clerks = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung"]

    /// The lines that make a fresh data directory usable: a province, a city, a ward.
    static let setUpLines = [
        #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
        #"{"type":"unit.registered","occurred":"2013-12-30","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
        #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
    ]

    mutating func event() -> (line: String, sent: SentEvent) {
        let id = UUIDText.random(using: &rng)
        let unit = Workload.units.randomElement(using: &rng)!
        let day = Int.random(in: 0..<730, using: &rng)
        let date = CivilDate(dayNumber: CivilDate(year: 2018, month: 1, day: 1)!.dayNumber + day).iso
        let by = Workload.clerks.randomElement(using: &rng)!
        let type: String
        let data: [(String, JSONValue)]
        func n(_ v: Int) -> JSONValue { .number(JSONNumber(Int64(v))) }
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            type = "tip.received"
            data = [("count", n(.random(in: 1...9, using: &rng))),
                    ("channel", .string(["hotline", "in_person", "online", "letter"].randomElement(using: &rng)!)),
                    ("valuable", .bool(.random(using: &rng)))]
        case 1:
            type = "camera.installed"
            data = [("count", n(.random(in: 1...40, using: &rng)))]
        case 2:
            type = "arrest.made"
            data = [("count", n(.random(in: 1...5, using: &rng))), ("caught_in_act", .bool(.random(using: &rng)))]
        case 3:
            type = "case.solved"
            data = [("count", n(.random(in: 1...3, using: &rng))),
                    ("category", .string(["drugs", "social_order", "economic"].randomElement(using: &rng)!))]
        default:
            type = "weapon.seized"
            data = [("kind", .string(["firearm", "rudimentary", "explosive"].randomElement(using: &rng)!)),
                    ("quantity", n(.random(in: 1...12, using: &rng)))]
        }
        var w = JSONWriter()
        w.beginObject()
        w.key("type"); w.string(type)
        w.key("id"); w.string(id)
        w.key("occurred"); w.string(date)
        w.key("unit"); w.string(unit)
        w.key("by"); w.string(by)
        w.key("data"); w.value(.object(data.map { (key: $0.0, value: $0.1) }))
        w.endObject()
        let sent = SentEvent(id: id, type: type, unit: unit, occurred: date, by: by,
                             data: sortedKeys(.object(data.map { (key: $0.0, value: $0.1) })))
        return (String(decoding: w.bytes, as: UTF8.self), sent)
    }

    /// A batch size, at most `max`: mostly single events and small batches,
    /// sometimes thousands of lines, and (when `max` allows) batches over
    /// 4 MiB, which are written in several chunks, so a kill can land
    /// between two chunks and leave whole unfinished lines.
    mutating func batchSize(max: Int) -> Int {
        let n: Int
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<30: n = 1
        case 30..<60: n = Int.random(in: 2...20, using: &rng)
        case 60..<80: n = Int.random(in: 21...500, using: &rng)
        case 80..<90: n = Int.random(in: 501...4000, using: &rng)
        default: n = max >= Workload.multiChunk ? Int.random(in: Workload.multiChunk...max, using: &rng) : Int.random(in: 501...4000, using: &rng)
        }
        return Swift.max(1, Swift.min(n, max))
    }

    /// Events in a batch larger than one 4 MiB write chunk (~330 bytes a line).
    static let multiChunk = 14_000
}

/// The same value with every object's members sorted by key, so two
/// objects compare equal whatever order their members were written in.
func sortedKeys(_ v: JSONValue) -> JSONValue {
    switch v {
    case .object(let m): return .object(m.map { (key: $0.key, value: sortedKeys($0.value)) }.sorted { $0.key < $1.key })
    case .array(let a): return .array(a.map(sortedKeys))
    default: return v
    }
}
