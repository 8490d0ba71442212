import ANTQDomain
import ANTQStore
import Decimals
import EventLog
import TextFormats

/// What `antq site` is asked for.
public struct SiteOptions: Sendable {
    public var lang: Language
    /// Nil: every reporting year that has a flow fact, and its two halves.
    public var periods: [Period]?
    /// The top unit (nil: the root units of each period).
    public var unit: String?
    public var asOf: UTCInstant?
    /// Units below the top unit that get their own pages.
    public var depth: Int

    public init(lang: Language, periods: [Period]? = nil, unit: String? = nil, asOf: UTCInstant? = nil, depth: Int = 1) {
        self.lang = lang; self.periods = periods; self.unit = unit; self.asOf = asOf; self.depth = depth
    }
}

/// The static site: an index, a summary per period and unit, an audit per
/// figure, unit and period, and an event page per event any page names.
/// Every page is a file in one flat directory, so every link is a bare
/// file name (with an optional `#anchor`) and the site works from any folder.
public enum SiteBuilder {
    /// File name → page. Pure: writing them is `SiteWriter`'s job.
    public static func pages(store: DataStore, options: SiteOptions) throws(StoreError) -> [String: String] {
        let data = try SiteData(store: store, asOf: options.asOf)
        // A report of a keyed log needs no key (each page says its chain was not checked); verify does.
        let verify = data.replay.chain == .notChecked ? nil : try store.verify()
        var b = Builder(data: data, lang: options.lang)
        let start = data.replay.periodStart
        let periods = options.periods ?? data.years().flatMap {
            [Period(year: $0, start: start), Period(year: $0, half: 1, start: start), Period(year: $0, half: 2, start: start)]
        }
        // Which pages exist decides which names become links: collect them first.
        var plans: [(Period, [SummaryReport])] = []
        for p in periods {
            let top = SummaryReport.make(ledger: data.ledger, period: p, unit: options.unit, depth: options.depth,
                                         fingerprint: data.replay.fingerprint, asOf: options.asOf, chain: data.replay.chain)
            let reports = top.rows.map { row in
                SummaryReport.make(ledger: data.ledger, period: p, unit: row.code, depth: 1, fingerprint: data.replay.fingerprint,
                                   asOf: options.asOf, chain: data.replay.chain)
            }
            for r in reports {
                guard let code = r.rows.first?.code else { continue }
                b.summaries.insert(SiteNames.summary(p, code))
                for d in r.figures { b.audits.insert(SiteNames.audit(p, code, d.name)) }
            }
            plans.append((p, reports))
        }
        for (p, reports) in plans {
            for r in reports { b.summaryAndAudits(r, period: p) }
        }
        b.eventPages()
        b.files["index.html"] = SitePages.index(data: data, verify: verify, plans: plans, lang: options.lang, exists: b.summaries.contains)
        return b.files
    }
}

/// File names of the site's pages: safe on every file system and in an
/// `href` (letters, digits, '.', '-', '_'; any other byte as `~XX`, and
/// `~` is never kept, so two names never share a file).
enum SiteNames {
    static func slug(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "~" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
    static func summary(_ p: Period, _ unit: String) -> String { "s-\(slug(p.label))-\(slug(unit)).html" }
    static func audit(_ p: Period, _ unit: String, _ figure: String) -> String { "a-\(slug(p.label))-\(slug(unit))-\(slug(figure)).html" }
    static func event(_ seq: Int) -> String { "e-\(seq).html" }
    /// The summary laid out as an administrative document, for printing.
    static func print(_ p: Period, _ unit: String) -> String { "p-\(slug(p.label))-\(slug(unit)).html" }
}

/// The pages being built and the links between them.
struct Builder {
    let data: SiteData
    let lang: Language
    var files: [String: String] = [:]
    var summaries = Set<String>()
    var audits = Set<String>()
    /// seq → the figures (on audit pages of this site) it is a contribution to.
    var feeds: [Int: [EventAudit.Figure]] = [:]
    var wantedEvents = Set<Int>()

    init(data: SiteData, lang: Language) { self.data = data; self.lang = lang }

    func unitLink(_ p: Period) -> (String) -> String? {
        let s = summaries
        return { u in let n = SiteNames.summary(p, u); return s.contains(n) ? n : nil }
    }

    mutating func summaryAndAudits(_ r: SummaryReport, period p: Period) {
        guard let root = r.rows.first else { return }
        let home = (text: lang.t("Index", "Mục lục"), href: Optional("index.html"))
        let unitHref = unitLink(p)
        let printName = SiteNames.print(p, root.code)
        files[SiteNames.summary(p, root.code)] = SitePages.summary(r, lang: lang, unitHref: unitHref,
                                                                 auditHref: { [audits] u, f in let n = SiteNames.audit(p, u, f); return audits.contains(n) ? n : nil },
                                                                 printHref: printName)
        // The print view: the same report in the official document layout, dated the day the site is known as of.
        var official = r
        official.official = OfficialDocument(date: Clock.vietnamDay(of: r.asOf ?? r.lastRecorded ?? UTCInstant(microsecondsSinceEpoch: 0)))
        files[printName] = SummaryRenderer.render(official, format: .html, lang: lang)
        var seen = Set<Int>()
        let events = data.events
        let links = PageLinks(event: { seq in
                                  guard events[seq] != nil else { return nil }
                                  seen.insert(seq)
                                  return SiteNames.event(seq)
                              },
                              unit: unitHref, unitName: { [data] in data.unitName($0) },
                              crumbs: [home, (p.label + " — " + root.name, SiteNames.summary(p, root.code))])
        for d in r.figures {
            let value = root.values[d.name] ?? nil
            let audit = d.isFlow ? data.flowAudit(d, unit: root.code, period: p, value: value)
                : data.standingAudit(d, unit: root.code, period: p, value: value)
            var l = links
            l.crumbs.append((lang.text(d.label), nil))
            files[SiteNames.audit(p, root.code, d.name)] = AuditHTML.render(audit, lang, links: l)
            for c in audit.contributions {
                feeds[c.seq, default: []].append(.init(figure: d, period: p, unit: root.code, unitName: root.name, amount: c.amount, value: value))
            }
        }
        wantedEvents.formUnion(seen)
    }

    /// A page for every event some page links to, and for the events those pages link to.
    mutating func eventPages() {
        var done = Set<Int>()
        var todo = wantedEvents
        let events = data.events
        while let seq = todo.popFirst() {
            guard !done.contains(seq), let e = events[seq] else { continue }
            done.insert(seq)
            var found = Set<Int>()
            let status = data.status(e)
            var amendmentSeqs: [Int] = []
            switch status {
            case .corrected(let by): amendmentSeqs = by
            case .retracted(let by): amendmentSeqs = (data.ledger.amendments.corrections[seq] ?? []) + [by]
            default: break
            }
            let audit = EventAudit(event: e, line: "", status: status, figures: feeds[seq] ?? [], fingerprint: data.replay.fingerprint,
                                   chain: data.replay.chain, amendments: amendmentSeqs.compactMap { events[$0] })
            let year = ReportingPeriod.year(of: e.occurred, start: data.replay.periodStart)
            let unitHref = unitLink(Period(year: year, start: data.replay.periodStart))
            let links = PageLinks(event: { s in guard events[s] != nil else { return nil }; found.insert(s); return SiteNames.event(s) },
                                  unit: unitHref, unitName: { [data] in data.unitName($0) },
                                  crumbs: [(lang.t("Index", "Mục lục"), "index.html"), (lang.t("Event #\(seq)", "Sự kiện #\(seq)"), nil)])
            files[SiteNames.event(seq)] = EventHTML.render(audit, lang, links: links, figureLink: { SiteNames.audit($0.period, $0.unit, $0.figure.name) })
            todo.formUnion(found.subtracting(done))
        }
    }
}
