import ANTQDomain
import Decimals
import EventLog
import JSONCodec
import TextFormats

/// The lines every report starts with: what it is, the period, and the
/// log state it was computed from (fingerprint and as-of), so a printed
/// figure can always be traced back.
enum ReportHeader {
    static func provenance(fingerprint: Fingerprint, asOf: UTCInstant?, lastRecorded: UTCInstant? = nil, chain: ChainCheck = .sha256,
                           _ lang: Language) -> [String] {
        [lang.t("Log fingerprint: ", "Dấu vân tay sổ: ") + fingerprint.description,
         lang.t("As known on: ", "Theo dữ liệu đến: ") + asOfText(fingerprint: fingerprint, asOf: asOf, lastRecorded: lastRecorded, lang)]
            + (chain == .notChecked ? [chainNotChecked(lang)] : [])
    }

    /// Said by every report read from a keyed log without its key.
    static func chainNotChecked(_ lang: Language) -> String {
        lang.t("Hash chain: NOT CHECKED (a keyed log read without its key; give --key-file to check it)",
               "Chuỗi băm: CHƯA KIỂM TRA (sổ có khóa được đọc mà không có khóa; dùng --key-file để kiểm tra)")
    }

    /// The knowledge instant: `--as-of` if given, else the end of the log and the
    /// instant its last event was recorded (what "now" meant for this report).
    static func asOfText(fingerprint: Fingerprint, asOf: UTCInstant?, lastRecorded: UTCInstant?, _ lang: Language) -> String {
        if let asOf { return lang.instant(asOf) + " [\(asOf.rfc3339)]" }
        let last = lastRecorded.map { lang.t(", last recorded ", ", ghi lần cuối ") + lang.instant($0) + " [\($0.rfc3339)]" } ?? ""
        return lang.t("end of the log (all events up to #\(fingerprint.seq)\(last))",
                      "cuối sổ (mọi sự kiện đến #\(fingerprint.seq)\(last))")
    }

    /// The command that checks a printed report still matches the log.
    static func verifyHint(_ fingerprint: Fingerprint, _ lang: Language) -> String {
        lang.t("Check that the log still holds these events: antq verify --fingerprint \(fingerprint)",
               "Kiểm tra sổ vẫn giữ nguyên các sự kiện này: antq verify --fingerprint \(fingerprint)")
    }

    /// The period in words and its exact first and last day.
    static func period(_ p: Period, _ lang: Language) -> String {
        lang.t("Period: ", "Kỳ báo cáo: ") + p.header(vietnamese: lang.isVietnamese)
    }

    /// A period for machines: its label, words and days.
    static func json(_ p: Period, _ w: inout JSONWriter, _ lang: Language? = nil) {
        w.beginObject()
        w.key("label"); w.string(p.label)
        if let lang { w.key("words"); w.string(p.words(vietnamese: lang.isVietnamese)) }
        w.key("start"); w.string(p.firstDay.iso)
        w.key("end"); w.string(p.lastDay.iso)
        w.endObject()
    }

    /// A figure's definition for machines: name, labels, unit and decimals.
    static func json(_ d: FigureDefinition, _ lang: Language, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(d.name)
        w.key("label"); w.string(lang.text(d.label))
        w.key("kind")
        switch d.kind {
        case .flow: w.string("flow")
        case .state: w.string("state")
        case .level: w.string("level")
        case .ratio: w.string("ratio")
        }
        if let u = d.unitOfMeasure { w.key("unit_of_measure"); w.string(u) }
        w.key("decimals"); w.int(Int64(d.decimals))
        if let p = d.parent { w.key("parent"); w.string(p) }
        w.endObject()
    }
}

extension ReportHeader {
    /// A value for machines: plain digits with the figure's decimals, or null.
    static func json(_ v: ExactDecimal?, decimals: Int, _ w: inout JSONWriter) {
        if let v { w.raw(Array(v.plain(decimals: decimals).utf8)) } else { w.null() }
    }

    /// Which figure and period a machine-readable audit is about.
    /// `metric` and `year` are the keys of catalogue v1, kept for the tools that read them.
    static func jsonFigure(_ d: FigureDefinition, _ p: Period, _ w: inout JSONWriter) {
        w.key("metric"); w.string(d.name)
        if p.unit == .years, p.unitCount == 1 { w.key("year"); w.int(Int64(p.lastDay.year)) }
        w.key("period"); json(p, &w)
    }
}
