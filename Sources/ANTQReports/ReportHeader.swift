import ANTQDomain
import EventLog
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

    static func period(_ p: ReportingPeriod, _ lang: Language) -> String {
        lang.t("Reporting year \(p.year): \(lang.date(p.firstDay)) – \(lang.date(p.lastDay))",
               "Năm báo cáo \(p.year): \(lang.date(p.firstDay)) – \(lang.date(p.lastDay))")
    }
}
