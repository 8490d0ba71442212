import ANTQCodec
import ANTQDomain
import EventLog
import JSONCodec
import TextFormats

/// The body shared by the libFuzzer entry point (`antq-fuzz`) and the plain
/// corpus runner (`antq-torture fuzz-corpus DIR`): every parser that sees
/// bytes from outside — a stored log line or a line of a batch — gets the
/// input, and must return or throw, never trap, hang or grow without bound.
///
/// Beyond "no crash" it checks two properties a fuzzer can find violations
/// of: a stored line that decodes re-encodes to a line that decodes to the
/// same event, and the log core's header reader agrees with the full
/// decoder on `seq` and `more`.
public enum LineFuzz {
    /// A small ledger for the validator to check drafts against: a province,
    /// a district, a commune and a model, so unit and model rules are reached.
    static let seed: (ledger: Ledger, events: [Event]) = {
        let lines = [
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
            #"{"type":"unit.registered","occurred":"2013-12-30","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
            #"{"type":"model.established","occurred":"2016-05-01","unit":"25747","data":{"model":"M1","kind":"shock_team","name":"Tổ xung kích","members":12}}"#,
            #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":2,"caught_in_act":true}}"#,
        ]
        var ledger = Ledger()
        LedgerProjection().apply(Event(seq: 1, id: "00000000-0000-4000-8000-000000000001", occurred: CivilDate(year: 2013, month: 1, day: 1)!,
                                       recorded: now, unit: nil, by: "fuzz",
                                       data: LogCreated(logID: "fuzz", periodStart: .january1, keyID: nil).data), to: &ledger)
        var ids = 0
        var v = Validator(ledger: ledger, now: now, today: today, defaultBy: "fuzz", newID: { ids += 1; return UUIDText.test(ids) }, lookup: { _ in nil })
        for l in lines {
            let d = try! DraftReader.read(Array(l.utf8))
            _ = try! v.accept(d)
        }
        return (v.ledger, v.accepted)
    }()

    static let now = UTCInstant(date: CivilDate(year: 2019, month: 3, day: 28)!, hour: 3, minute: 0, second: 0)!
    static let today = CivilDate(year: 2019, month: 3, day: 28)!

    public enum Finding: Error, CustomStringConvertible {
        case roundTrip(String)
        case headerDisagrees(String)
        public var description: String {
            switch self {
            case .roundTrip(let s): "re-encoding a decoded line changed it: \(s)"
            case .headerDisagrees(let s): "LineHeader and LineReader disagree: \(s)"
            }
        }
    }

    /// Runs every decoder over `data`, as one line and as a batch of lines.
    /// Returns a finding (a property violated); traps are the fuzzer's to catch.
    public static func run(_ data: UnsafeRawBufferPointer) -> Finding? {
        let bytes = Array(data)
        _ = try? JSONValue.parse(bytes)
        var finding: Finding?
        // As a stored log line.
        let header = try? LineHeader.decode(data)
        if let e = try? LineReader.read(data) {
            let again = LineWriter.encode(e)
            switch Result(catching: { () throws(EventCodingError) -> StoredLine in try LineReader.read(again) }) {
            case .success(let e2) where e2.event == e.event && e2.prev == e.prev && e2.more == e.more: break
            case .success(let e2): finding = .roundTrip("\(e.event) became \(e2.event)")
            case .failure(let err): finding = .roundTrip("\(String(decoding: again, as: UTF8.self)) no longer decodes: \(err)")
            }
            if let h = header {
                if h.seq != e.event.seq || h.more != e.more || h.prev != e.prev { finding = .headerDisagrees("\(h) vs seq \(e.event.seq) more \(e.more)") }
            } else {
                finding = .headerDisagrees("LineReader accepts a line LineHeader rejects")
            }
        }
        // As a batch: each line a draft, validated in order against the seed ledger.
        let seed = self.seed
        var ids = 100
        var validator = Validator(ledger: seed.ledger, now: now, today: today, defaultBy: "fuzz", newID: { ids += 1; return UUIDText.test(ids) },
                                  lookup: { seq in seq >= 2 && seq - 2 < seed.events.count ? seed.events[seq - 2] : nil })
        var start = 0
        var lines = 0
        while start <= bytes.count && lines < 64 {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            bytes[start..<end].withUnsafeBytes { line in
                if let d = try? DraftReader.read(line) { _ = try? validator.accept(d) }
            }
            start = end + 1
            lines += 1
        }
        return finding
    }
}
