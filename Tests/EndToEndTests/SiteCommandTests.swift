import Foundation
import Testing

/// `antq site` and `--format html` through the built binary, on the bundled log.
@Suite struct SiteCommandTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A data directory holding a copy of the bundled log.
    static func bundled() throws -> DataDir {
        let d = try DataDir.empty()
        try FileManager.default.createDirectory(at: d.eventsURL, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: d.url.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BundledLogTests.bundledLog, to: d.logURL)
        return d
    }

    @Test func badOptionsAreRefusedWithExit64AndChangeNothing() throws {
        let d = try Self.bundled()
        defer { d.remove() }
        let before = try d.logBytes()
        let mine = d.root.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("thesis.odt"))
        let out = d.root.appendingPathComponent("site").path
        // An unknown unit is bad data (65), as for every command; the rest are usage errors (64).
        for (args, says, code) in [(["site"], "out_dir", Int32(64)), (["site", out, "--period", "2018-X"], "--period", 64),
                                   (["site", out, "--depth", "9"], "--depth", 64), (["site", out, "--unit", "Nowhere"], "Nowhere", 65),
                                   (["site", mine.path], "not written by 'antq site'", 64), (["site", out, "--as-of", "yesterday-ish"], "as-of", 64)] {
            let r = try d.antq(args + ["--lang", "en"])
            #expect(r.status == code, "\(args): exit \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(says), "\(args): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["thesis.odt"])
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try d.logBytes() == before)
    }

    @Test func everyFormatHTMLIsAPageOrARefusal() throws {
        let d = try Self.bundled()
        defer { d.remove() }
        for args in [["audit", "--event", "11587"], ["audit", "arrests", "--period", "2018"], ["state", "--date", "2018-12-31"],
                     ["summary", "2018"]] {
            let r = try d.ok(args + ["--format", "html"])
            #expect(r.stdout.hasPrefix("<!DOCTYPE html>"), "\(args)")
            #expect(!r.stdout.contains("<pre>") && !r.stdout.contains("<script"), "\(args)")
        }
        let diff = try d.antq(["diff", "--as-of", "2019-03-28", "--format", "html"])
        #expect(diff.status == 64)
        let official = try d.ok(["summary", "2018", "--format", "html", "--layout", "official", "--number", "12/BC", "--lang", "vi"])
        #expect(official.stdout.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && official.stdout.contains("Số: 12/BC"))
        #expect(try d.antq(["summary", "2018", "--layout", "official"]).status == 64, "the official layout is HTML only")
        #expect(try d.antq(["summary", "2018", "--format", "html", "--signer", "A"]).status == 64, "a signer without the official layout")
    }

    @Test func theSiteOfAUnitAndPeriodIsWrittenAndReplaced() throws {
        let d = try Self.bundled()
        defer { d.remove() }
        let out = d.root.appendingPathComponent("bao-cao").path
        try d.ok(["site", out, "--period", "2018-H1", "--unit", "718", "--lang", "vi"])
        let first = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(first.contains("index.html") && first.contains("s-2018-H1-718.html") && first.contains("a-2018-H1-718-arrests.html"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("lang=\"vi\"") && index.contains("toàn bộ sổ hợp lệ"))
        try d.ok(["site", out, "--period", "2018-H2", "--unit", "718", "--as-of", "2019-03-28"])
        let second = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(second.contains("s-2018-H2-718.html") && !second.contains("s-2018-H1-718.html"), "the old site is replaced whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.root.path).filter { $0.contains(".antq-") }.isEmpty, "no temporary left")

        // Rendered by a real browser: the four kinds of page give a non-empty PNG and PDF.
        guard let chromium = Self.chromium else {
            print("SiteCommandTests: Chromium is not installed (Debian package 'chromium'); the rendering check is skipped")
            return
        }
        let event = try #require(second.filter { $0.hasPrefix("e-") }.sorted().first)
        for page in ["index.html", "s-2018-H2-718.html", "a-2018-H2-718-arrests.html", event] {
            let png = d.root.appendingPathComponent(page + ".png").path, pdf = d.root.appendingPathComponent(page + ".pdf").path
            for flag in ["--screenshot=\(png)", "--print-to-pdf=\(pdf)"] {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: chromium)
                p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600", flag, "file://\(out)/\(page)"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                p.waitUntilExit()
            }
            let pngSize = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            let pdfSize = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
            #expect(pngSize > 10_000 && pdfSize > 5_000, "\(page): PNG \(pngSize) bytes, PDF \(pdfSize) bytes")
        }
    }
}
