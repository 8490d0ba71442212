import ANTQDomain
import ANTQReports
import ANTQStore
import TextFormats

/// `antq site OUT_DIR [--period P] [--unit U] [--as-of D] [--depth N]`:
/// the linked static pages, built by `SiteBuilder`, put in place by `SiteWriter`.
enum SiteCommand {
    static func run(_ c: Context) throws -> Int32 {
        guard let out = c.parsed.arguments.first, !out.isEmpty else {
            throw CLIError.usage(c.lang.t("site needs an output directory, e.g. 'antq site ./bao-cao'",
                                          "site cần thư mục đầu ra, ví dụ 'antq site ./bao-cao'"))
        }
        let store = try c.store()
        let asOf = try c.asOf()
        let (start, _) = try ReportCommands.periodStart(c, store)
        let period = try c.period(start: start)
        let depth = try c.int("depth") ?? 1
        guard (0...3).contains(depth) else {
            throw CLIError.usage(c.lang.t("--depth takes 0 to 3", "--depth nhận giá trị từ 0 đến 3"))
        }
        var unit: String?
        if c.parsed.value("unit") != nil {
            let base = try store.replay(asOf: asOf, sections: [.base])
            unit = try c.unit(in: base.ledger)
        }
        let options = SiteOptions(lang: c.lang, periods: period.map { [$0] }, unit: unit, asOf: asOf, depth: depth)
        let pages = try SiteBuilder.pages(store: store, options: options)
        do {
            try SiteWriter.write(pages, to: out, marker: "antq site\n")
        } catch .notASite(let dir) {
            throw CLIError.usage(c.lang.t("\(dir) exists and was not written by 'antq site'; nothing was changed. Give a new or empty directory.",
                                          "\(dir) đã có và không do 'antq site' tạo; không thay đổi gì. Hãy chọn thư mục mới hoặc thư mục rỗng."))
        } catch .io(let m) {
            throw CLIError.failed(c.lang.t("error: could not write the site to \(out): \(m); the previous site (if any) is unchanged",
                                           "lỗi: không ghi được trang vào \(out): \(m); trang cũ (nếu có) giữ nguyên"), code: 73)
        }
        Terminal.out(c.lang.t("Wrote \(c.lang.number(pages.count + 1)) files to \(out) (open \(out)/index.html)\n",
                              "Đã ghi \(c.lang.number(pages.count + 1)) tệp vào \(out) (mở \(out)/index.html)\n"))
        return 0
    }
}
