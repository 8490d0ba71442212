import Foundation
import Testing

/// A data directory under a fresh temporary folder, with shorthands that run
/// antq on it. Removed when the test is done (`remove()` in a `defer`).
struct DataDir {
    let root: URL
    var url: URL { root.appendingPathComponent("data") }
    var path: String { url.path }
    var logURL: URL { url.appendingPathComponent("events/log.jsonl") }
    var eventsURL: URL { url.appendingPathComponent("events") }

    /// An empty folder; `url` does not exist yet.
    static func empty() throws -> DataDir { DataDir(root: try AntqBinary.temporaryDirectory()) }

    /// `antq init` on a new folder.
    static func initialised() throws -> DataDir {
        let d = try empty()
        let r = try AntqBinary.run(["init", d.path])
        guard r.status == 0 else { throw FixtureError.command(["init"], r) }
        return d
    }

    /// A copy of the Bình Dương fixture (see `Fixture`), built once per run.
    static func binhDuong() throws -> DataDir {
        let template = try Fixture.template.get()
        let d = try empty()
        try FileManager.default.copyItem(at: template, to: d.url)
        return d
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs antq with `--data` pointing here.
    @discardableResult
    func antq(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> AntqBinary.Output {
        try AntqBinary.run(arguments + ["--data", path], stdin: stdin, environment: environment)
    }

    /// Runs antq and fails (throws) unless it exits 0: for building state.
    @discardableResult
    func ok(_ arguments: [String], stdin: String? = nil) throws -> AntqBinary.Output {
        let r = try antq(arguments, stdin: stdin)
        guard r.status == 0 else { throw FixtureError.command(arguments, r) }
        return r
    }

    func logBytes() throws -> Data { try Data(contentsOf: logURL) }

    /// The stored lines, without their newlines.
    func logLines() throws -> [String] {
        String(decoding: try logBytes(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The decoded envelope of every stored line.
    func events() throws -> [[String: Any]] {
        try logLines().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case command([String], AntqBinary.Output)
    var description: String {
        switch self {
        case .command(let a, let r): "antq \(a.joined(separator: " ")) exited \(r.status): \(r.stderr)"
        }
    }
}

/// The Bình Dương fixture, built through the CLI exactly as a clerk would:
///
/// | seq | event |
/// |---|---|
/// | 1 | log.created |
/// | 2–5 | province 74 Bình Dương; 718 Thủ Dầu Một (city), 721 Bến Cát (town), 726 Bắc Tân Uyên (district) |
/// | 6–9 | 25747 Phú Cường (718), 25852 Tân Định (721), 25894 Tân Định (726), 25744 Phú Lợi (718) |
/// | 10 | 25744 Phú Lợi merged into 25747 on 2015-01-01 |
/// | 11–12 | model club-1 established at 25747 (2016), dissolved (2017) |
/// | 13 | tip.received 25747 2018-05-14 count 3, id 11111111-1111-4111-8111-111111111111 |
/// | 14 | arrest.made 25852 2018-06-01 count 2 |
/// | 15 | case.solved 25894 2018-07-01 drugs |
/// | 16 | camera.installed 25747 2018-01-01 count 2 |
/// | 17 | event.retracted #14 |
/// | 18 | event.corrected #13 → count 2 |
///
/// The bad-input corpus (BadInput/manifest.tsv) relies on these seqs.
enum Fixture {
    static let loggedID = "11111111-1111-4111-8111-111111111111"
    static let lastSeq = 18

    static let steps: [[String]] = [
        ["append", "unit.registered", "--unit", "74", "--occurred", "2013-12-30", "--name", "Bình Dương", "--kind", "province", "--parent", "null"],
        ["append", "unit.registered", "--unit", "718", "--occurred", "2013-12-30", "--name", "Thủ Dầu Một", "--kind", "city", "--parent", "74"],
        ["append", "unit.registered", "--unit", "721", "--occurred", "2013-12-30", "--name", "Bến Cát", "--kind", "town", "--parent", "74"],
        ["append", "unit.registered", "--unit", "726", "--occurred", "2013-12-30", "--name", "Bắc Tân Uyên", "--kind", "district", "--parent", "74"],
        ["append", "unit.registered", "--unit", "25747", "--occurred", "2013-12-30", "--name", "Phú Cường", "--kind", "ward", "--parent", "718"],
        ["append", "unit.registered", "--unit", "25852", "--occurred", "2013-12-30", "--name", "Tân Định", "--kind", "ward", "--parent", "721"],
        ["append", "unit.registered", "--unit", "25894", "--occurred", "2013-12-30", "--name", "Tân Định", "--kind", "commune", "--parent", "726"],
        ["append", "unit.registered", "--unit", "25744", "--occurred", "2013-12-30", "--name", "Phú Lợi", "--kind", "ward", "--parent", "718"],
        ["append", "unit.merged", "--unit", "25744", "--occurred", "2015-01-01", "--into", "25747"],
        ["append", "model.established", "--unit", "25747", "--occurred", "2016-03-01", "--model", "club-1", "--kind", "crime_prevention_club",
         "--name", "CLB Phú Cường", "--members", "12"],
        ["append", "model.dissolved", "--unit", "25747", "--occurred", "2017-03-01", "--model", "club-1"],
        ["append", "tip.received", "--unit", "25747", "--occurred", "2018-05-14", "--count", "3", "--channel", "hotline", "--valuable", "true",
         "--id", loggedID],
        ["append", "arrest.made", "--unit", "25852", "--occurred", "2018-06-01", "--count", "2"],
        ["append", "case.solved", "--unit", "25894", "--occurred", "2018-07-01", "--count", "1", "--category", "drugs"],
        ["append", "camera.installed", "--unit", "25747", "--occurred", "2018-01-01", "--count", "2"],
        ["retract", "14", "--reason", "entered twice"],
        ["correct", "13", "--reason", "counted twice", "--count", "2"],
    ]

    /// Built once per test run; every test copies it.
    static let template: Result<URL, Error> = Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("antq-e2e-fixture-\(getpid())-\(UUID().uuidString)")
        let d = DataDir(root: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let r = try AntqBinary.run(["init", d.path])
        guard r.status == 0 else { throw FixtureError.command(["init"], r) }
        for step in steps { try d.ok(step) }
        // Tests copy it; remove it when the test process ends.
        atexit { if case .success(let url) = Fixture.template { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) } }
        return d.url
    }
}

/// A good batch line for the ward Phú Cường.
func tipLine(count: Int = 1, occurred: String = "2018-05-14", unit: String = "25747") -> String {
    #"{"type":"tip.received","occurred":"\#(occurred)","unit":"\#(unit)","data":{"count":\#(count),"channel":"hotline","valuable":false}}"#
}
