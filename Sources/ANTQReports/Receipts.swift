import ANTQDomain
import TextFormats

/// What a command that writes says it did, in the reader's language. The
/// English wording is what scripts have read since the first version.
public enum Receipts {
    public static func fingerprint(_ fp: CustomStringConvertible, _ lang: Language) -> String {
        lang.t("fingerprint: ", "dấu vân tay: ") + fp.description
    }

    public static func appendedOne(seq: Int, type: EventType, unit: String?, occurred: CivilDate, _ lang: Language) -> String {
        lang.t("appended #\(seq) \(type.rawValue)\(unit.map { " unit \($0)" } ?? "") occurred \(occurred.iso)",
               "đã ghi #\(seq) \(type.rawValue) (\(lang.text(type.spec.label)))\(unit.map { ", đơn vị \($0)" } ?? ""), ngày xảy ra \(lang.date(occurred))")
    }

    public static func appendedMany(count: Int, first: Int, last: Int, _ lang: Language) -> String {
        lang.t("appended \(count) events: #\(first)…#\(last)", "đã ghi \(lang.number(count)) sự kiện: #\(first)…#\(last)")
    }

    public static func imported(count: Int, path: String, type: EventType, first: Int, last: Int, _ lang: Language) -> String {
        let range = "#\(first)" + (last > first ? "…#\(last)" : "")
        return lang.t("imported \(count) row(s) of \(path) as \(type.rawValue): \(range)",
                      "đã nhập \(lang.number(count)) dòng của \(path) thành \(type.rawValue) (\(lang.text(type.spec.label))): \(range)")
    }

    public static func initialised(_ dir: String, keyID: String?, _ lang: Language) -> String {
        lang.t("initialised \(dir): events/log.jsonl (log.created\(keyID.map { ", keyed with key \($0)" } ?? "")), snapshots/",
               "đã tạo \(dir): events/log.jsonl (log.created\(keyID.map { ", có khóa \($0)" } ?? "")), snapshots/")
    }

    public static func replayed(_ events: Int, afterSnapshot name: String?, seconds: String, _ lang: Language) -> String {
        lang.t("replayed \(events) events\(name.map { " after snapshot \($0)" } ?? " from event 1") in \(seconds) s",
               "đã đọc lại \(lang.number(events)) sự kiện\(name.map { " sau ảnh chụp \($0)" } ?? " từ sự kiện 1") trong \(seconds) giây")
    }

    public static func snapshot(_ path: String, _ lang: Language) -> String {
        lang.t("snapshot: ", "ảnh chụp: ") + path
    }
}
