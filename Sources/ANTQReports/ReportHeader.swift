import ANTQDomain
import EventLog
import TextFormats

/// The lines every report starts with: what it is, the period, and the
/// log state it was computed from (fingerprint and as-of), so a printed
/// figure can always be traced back.
enum ReportHeader {
    static func provenance(fingerprint: Fingerprint, asOf: UTCInstant?, _ lang: Language) -> [String] {
        var out: [String] = []
        out.append(lang.t("Log fingerprint: ", "Dấu vân tay sổ: ") + fingerprint.description)
        if let asOf {
            out.append(lang.t("As known on: ", "Theo dữ liệu đến: ") + lang.instant(asOf) + " [\(asOf.rfc3339)]")
        } else {
            out.append(lang.t("As known on: end of the log (all events up to #\(fingerprint.seq))",
                              "Theo dữ liệu đến: cuối sổ (mọi sự kiện đến #\(fingerprint.seq))"))
        }
        return out
    }

    static func period(_ p: ReportingPeriod, _ lang: Language) -> String {
        lang.t("Reporting year \(p.year): \(lang.date(p.firstDay)) – \(lang.date(p.lastDay))",
               "Năm báo cáo \(p.year): \(lang.date(p.firstDay)) – \(lang.date(p.lastDay))")
    }
}
