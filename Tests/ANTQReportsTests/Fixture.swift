import ANTQDomain
import ANTQReports
import EventLog
import Foundation
import TextFormats
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small fixed ledger, built through the real Validator and projection
/// from drafts typed as a clerk types them (flags, `FieldMode.typed`):
/// province 74 with two districts and three communes; 2017 and 2018 flows
/// chosen so the Vietnamese number style shows (5.000 valuable tips, 3.630 arrests).
enum Fixture {
    static let fingerprint = Fingerprint("42:" + String(repeating: "ab", count: 32))!
    static let asOf = UTCInstant(rfc3339: "2019-03-28T03:00:00Z")!
    static let now = UTCInstant(rfc3339: "2019-03-20T03:00:00Z")!

    static func draft(_ type: EventType, _ occurred: String, _ unit: String, _ fields: KeyValuePairs<String, String>) -> EventDraft {
        EventDraft(type: type, occurred: CivilDate(iso: occurred)!, unit: unit, by: "Cán bộ Test",
                   fields: fields.map { InputField($0.key, $0.value == "null" ? .null : .string($0.value)) },
                   fieldMode: .typed(vietnameseNumbers: true))
    }

    /// A ledger from `drafts`, each accepted by the real validator (a refusal stops the test run).
    static func build(_ drafts: [EventDraft]) -> Ledger {
        var n = 0
        var v = Validator(ledger: Ledger(), now: now, today: CivilDate(iso: "2019-03-20")!, defaultBy: "test",
                          newID: { n += 1; return UUIDText.test(n) }, lookup: { _ in nil })
        for d in drafts {
            do { _ = try v.accept(d) } catch { fatalError("fixture draft rejected: \(error.problems) — \(d)") }
        }
        return v.ledger
    }

    static let units: [EventDraft] = [
        draft(.unitRegistered, "2013-12-30", "74", ["name": "Bình Dương", "kind": "tỉnh", "parent": "null"]),
        draft(.unitRegistered, "2013-12-30", "718", ["name": "Thủ Dầu Một", "kind": "thành phố", "parent": "74"]),
        draft(.unitRegistered, "2013-12-30", "721", ["name": "Bến Cát", "kind": "thị xã", "parent": "74"]),
        draft(.unitRegistered, "2013-12-30", "25741", ["name": "Phú Cường", "kind": "phường", "parent": "718"]),
        draft(.unitRegistered, "2013-12-30", "25750", ["name": "Tân Định", "kind": "xã", "parent": "721"]),
        draft(.unitRegistered, "2013-12-30", "25751", ["name": "An Điền", "kind": "xã", "parent": "721"]),
    ]

    static let ledger: Ledger = build(units + [
        // 2017
        draft(.arrestMade, "2017-05-02", "25741", ["count": "1.800"]),
        draft(.arrestMade, "2017-06-02", "25750", ["count": "1200"]),
        draft(.tipReceived, "2017-06-02", "25750", ["count": "4.000", "channel": "đường dây nóng", "valuable": "có"]),
        draft(.caseSolved, "2017-06-02", "25750", ["count": "2000", "category": "Trật tự xã hội"]),
        // 2018
        draft(.tipReceived, "2018-03-01", "25741", ["count": "3.000", "channel": "hotline", "valuable": "true"]),
        draft(.tipReceived, "2018-04-01", "25750", ["count": "2000", "channel": "CLB", "valuable": "x"]),
        draft(.tipReceived, "2018-04-01", "25750", ["count": "700", "channel": "đơn thư", "valuable": "không"]),
        draft(.caseSolved, "2018-05-01", "25741", ["count": "2.144", "category": "social_order"]),
        draft(.arrestMade, "2018-05-02", "25741", ["count": "2000"]),
        draft(.arrestMade, "2018-06-02", "25750", ["count": "1630"]),
        draft(.weaponSeized, "2018-07-01", "25751", ["kind": "súng", "quantity": "21"]),
        draft(.weaponSeized, "2018-07-01", "25750", ["kind": "vũ khí thô sơ", "quantity": "501"]),
        draft(.awardGranted, "2018-12-20", "721", ["recipient_kind": "tập thể", "recipient": "CLB \"An Điền\", Bến Cát", "issuer": "UBND huyện",
                                                   "form": "giấy khen", "count": "191"]),
        draft(.modelEstablished, "2016-01-01", "25741", ["model": "club-1", "kind": "CLB PCTP", "name": "CLB PCTP Phú Cường", "members": "25"]),
        draft(.modelEstablished, "2016-01-01", "25750", ["model": "club-2", "kind": "crime_prevention_club", "name": "CLB PCTP Tân Định", "members": "30"]),
        draft(.modelEstablished, "2016-01-01", "25750", ["model": "team-1", "kind": "Đội xung kích", "name": "Đội xung kích Tân Định", "members": "3.359"]),
        draft(.cameraInstalled, "2017-01-01", "25751", ["count": "1600"]),
    ])

    static func summary(compare: Int? = nil, asOf: UTCInstant? = Fixture.asOf, codes: Bool = false, ledger: Ledger = Fixture.ledger) -> SummaryReport {
        var r = SummaryReport.make(ledger: ledger, period: Period(year: 2018, start: .january1), unit: nil, depth: 1, fingerprint: fingerprint,
                                   asOf: asOf, compare: compare.map { (Period(year: $0, start: .january1), ledger) })
        r.showCodes = codes
        return r
    }

    static func state(codes: Bool = false) -> StateReport {
        var r = StateReport.make(ledger: ledger, day: CivilDate(iso: "2018-12-31")!, periodStart: .january1, unit: nil, depth: 1,
                                 fingerprint: fingerprint, asOf: asOf)
        r.showCodes = codes
        return r
    }
}

/// The line of a text table that starts with `label` (after indentation).
func row(_ text: String, _ label: String) -> String {
    text.split(separator: "\n").map(String.init).first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") } ?? ""
}

/// Reads an HTML report as XML: proves it is well-formed and collects every SVG chart's bars.
final class HTMLProbe: NSObject, XMLParserDelegate {
    struct Bar { var value: Double; var width: Double; var height: Double; var label: String }
    struct Chart { var kind: String; var metric: String?; var bars: [Bar] = [] }

    var charts: [Chart] = []
    var elements: [String: Int] = [:]
    var text = ""
    private var figureMetric: String?
    var error: Error?

    static func parse(_ html: String) -> HTMLProbe {
        let probe = HTMLProbe()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = probe
        if !parser.parse() { probe.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "figure" { figureMetric = attributes["data-metric"] }
        if name == "svg", let cls = attributes["class"], cls.hasPrefix("chart ") {
            charts.append(Chart(kind: String(cls.dropFirst(6)), metric: figureMetric))
        }
        if name == "rect", attributes["class"]?.hasPrefix("bar ") == true, let v = attributes["data-value"].flatMap(Double.init) {
            charts[charts.count - 1].bars.append(Bar(value: v, width: Double(attributes["width"] ?? "") ?? -1,
                                                     height: Double(attributes["height"] ?? "") ?? -1, label: attributes["data-label"] ?? ""))
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "figure" { figureMetric = nil }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
