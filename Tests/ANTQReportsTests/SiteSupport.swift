import ANTQCodec
import ANTQDomain
import ANTQStore
import ANTQTestSupport
import Foundation
import TextFormats
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ANTQReports

/// What a hostile clerk types: every character that means something in HTML.
let hostile = #"<script>alert(1)</script>"'&</pre>"#

/// A data directory holding a generated log, appended batch by batch as
/// `antq append -` would. With `inject`, every free-text value of the log
/// (names, recipients, reasons, notes, case numbers, descriptions, units of
/// measure, labels, and the recorder) carries `hostile`.
final class GeneratedStore: @unchecked Sendable {
    let root: String
    let store: DataStore
    private(set) var accepted = 0, refused = 0

    init(seed: UInt64, events: Int, inject: Bool) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("antq-site-\(UUID().uuidString)").path
        let tick = Tick(UTCInstant(date: CivilDate(iso: "2025-07-01")!, hour: 1, minute: 0, second: 0)!.microsecondsSinceEpoch)
        let clock = Clock { UTCInstant(microsecondsSinceEpoch: tick.next()) }
        store = try DataStore.initialise(root, by: inject ? "Trần " + hostile : "tester", periodStart: .january1, clock: clock).0
        let g = RandomLog.make(seed: seed, events: events, periodStart: .january1)
        for batch in g.batches {
            let lines = inject ? batch.map(Self.poison) : batch
            let inputs = lines.enumerated().map { i, l in DraftInput(line: i + 1, draft: Result { () throws(EventCodingError) in try draft(l) }) }
            do {
                _ = try store.append(inputs, file: "-", defaultBy: inject ? "Lê " + hostile : "tester")
                accepted += 1
            } catch { refused += 1 }
        }
    }

    /// Appends the hostile text to every free-text string value of a batch line.
    static func poison(_ line: String) -> String {
        let keys = ["name", "recipient", "reason", "note", "case", "description", "unit_of_measure", "vi", "en", "by"]
        let escaped = hostile.replacingOccurrences(of: "\"", with: "\\\"")
        var out = line
        for k in keys {
            let pattern = "\"\(k)\":\"([^\"\\\\]*)\""
            let re = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(out.startIndex..., in: out)
            out = re.stringByReplacingMatches(in: out, range: range, withTemplate: "\"\(k)\":\"$1 \(NSRegularExpression.escapedTemplate(for: escaped))\"")
        }
        return out
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: root) }
}

/// A clock an hour further on at each reading: deterministic `recorded` instants after every generated `occurred`.
final class Tick: @unchecked Sendable {
    private var now: Int64
    private let lock = NSLock()
    init(_ start: Int64) { now = start }
    func next() -> Int64 { lock.lock(); defer { lock.unlock() }; now += 3_600_000_000; return now }
}

/// One page read as XML: proves it is well-formed and collects its links,
/// anchors, figure links, audit value and contribution amounts.
final class PageProbe: NSObject, XMLParserDelegate {
    struct FigureLink { var figure: String; var unit: String; var value: String; var href: String }
    var error: Error?
    var elements: [String: Int] = [:]
    var hrefs: [String] = []
    var ids = Set<String>()
    var figureLinks: [FigureLink] = []
    var auditValue: String?
    var amounts: [String] = []
    var text = ""

    static func parse(_ html: String) -> PageProbe {
        let p = PageProbe()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = p
        if !parser.parse() { p.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return p
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if let id = a["id"] { ids.insert(id) }
        if name == "a", let h = a["href"] {
            hrefs.append(h)
            if a["class"] == "fig" { figureLinks.append(.init(figure: a["data-figure"] ?? "", unit: a["data-unit"] ?? "", value: a["data-value"] ?? "", href: h)) }
        }
        if name == "div", a["class"] == "value", auditValue == nil, let v = a["data-value"] { auditValue = v }
        if name == "span", a["class"] == "amount", let v = a["data-value"] { amounts.append(v) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
