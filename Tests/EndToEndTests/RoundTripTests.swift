import ANTQTestSupport
import Foundation
import Testing

/// init → append → log → verify, and where antq finds its data and its user.
@Suite struct RoundTripTests {
    @Test func initAppendLogVerifyRoundTrip() throws {
        let d = try DataDir.empty()
        defer { d.remove() }
        let i = try AntqBinary.run(["init", d.path])
        #expect(i.status == 0, "\(i.stderr)")
        #expect(FileManager.default.fileExists(atPath: d.url.appendingPathComponent("snapshots").path))
        let a = try d.antq(["append", "unit.registered", "--unit", "74", "--occurred", "2013-12-30", "--name", "Bình Dương",
                            "--kind", "province", "--parent", "null"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("appended #2 unit.registered"))
        let b = try d.antq(["append", "camera.installed", "--unit", "binh duong", "--occurred", "2018-03-01", "--count", "7"])
        #expect(b.status == 0, "\(b.stderr)")

        let events = try d.events()
        #expect(events.map { $0["seq"] as? Int } == [1, 2, 3])
        #expect(events.map { $0["type"] as? String } == ["log.created", "unit.registered", "camera.installed"])
        #expect(events[2]["unit"] as? String == "74", "the diacritic-free name is stored as the unit's code")
        #expect((events[2]["data"] as? [String: Any])?["count"] as? Int == 7)
        #expect(events[0]["prev"] as? String == String(repeating: "0", count: 64))

        let log = try d.antq(["log"])
        #expect(log.status == 0)
        #expect(log.stdout.contains("#2  2013-12-30  unit.registered  Bình Dương [74]"), "\(log.stdout)")
        #expect(log.stdout.contains("#3  2018-03-01  camera.installed  Bình Dương [74]"), "\(log.stdout)")

        let v = try d.antq(["verify"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("clean: 3 lines"))
        // The fingerprint append printed pins the same state verify reports.
        let appended = b.stdout.split(separator: "\n").first { $0.hasPrefix("fingerprint: ") }
        #expect(appended != nil && v.stdout.contains(String(appended!)))
        #expect(String(appended ?? "").hasPrefix("fingerprint: 3:"))
    }

    @Test(arguments: [["log"], ["verify"], ["append", "camera.installed", "--unit", "74", "--occurred", "2018-01-01"], ["summary", "2018"], ["units"]])
    func commandOnUninitialisedDirectorySaysSoAndHowToFix(_ command: [String]) throws {
        let d = try DataDir.empty()
        defer { d.remove() }
        try FileManager.default.createDirectory(at: d.url, withIntermediateDirectories: true)
        let r = try d.antq(command)
        #expect(r.status == 66)
        #expect(r.stderr.contains("\(d.path) is not an antq data directory"))
        #expect(r.stderr.contains("antq init \(d.path)"), "the message says how to fix it: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path).isEmpty, "nothing was created")
    }

    /// `--data` beats `ANTQ_DATA`, which beats the current directory.
    @Test func dataOptionBeatsEnvironmentWhichBeatsCurrentDirectory() throws {
        let root = try AntqBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let dirs = ["cwd", "env", "option"].map { root.appendingPathComponent($0) }
        for dir in dirs { #expect(try AntqBinary.run(["init", dir.path]).status == 0) }
        func register(_ code: String, _ extra: [String], env: [String: String]) throws {
            let r = try AntqBinary.run(["append", "unit.registered", "--unit", code, "--occurred", "2013-12-30", "--name", "U\(code)",
                                        "--kind", "province", "--parent", "null"] + extra, in: dirs[0], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        try register("11", [], env: [:])
        try register("12", [], env: ["ANTQ_DATA": dirs[1].path])
        try register("13", ["--data", dirs[2].path], env: ["ANTQ_DATA": dirs[1].path])
        for (dir, code) in zip(dirs, ["11", "12", "13"]) {
            let lines = try String(contentsOf: dir.appendingPathComponent("events/log.jsonl"), encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 2, "\(dir.lastPathComponent) got exactly one event")
            #expect(lines.last?.contains("\"unit\":\"\(code)\"") == true)
        }
        // Reading commands follow the same rule.
        let fromEnv = try AntqBinary.run(["units"], in: dirs[0], environment: ["ANTQ_DATA": dirs[1].path])
        #expect(fromEnv.stdout.contains("U12") && !fromEnv.stdout.contains("U11"))
    }

    /// Who recorded: `--by`, else `ANTQ_USER`, else the OS user.
    @Test func byOptionBeatsAntqUserWhichBeatsTheOSUser() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let base = ["append", "camera.installed", "--unit", "25747", "--occurred", "2018-02-01", "--count", "1"]
        #expect(try d.antq(base, environment: ["ANTQ_USER": "Nguyễn Thị Lan"]).status == 0)
        #expect(try d.antq(base + ["--by", "Trần Văn Minh"], environment: ["ANTQ_USER": "Nguyễn Thị Lan"]).status == 0)
        #expect(try d.antq(base, environment: ["ANTQ_USER": ""]).status == 0)
        let osUser = try AntqBinary.runTool("/usr/bin/id", ["-un"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let by = try d.events().suffix(3).map { $0["by"] as? String }
        #expect(by == ["Nguyễn Thị Lan", "Trần Văn Minh", osUser])
    }

    @Test func expectSeqConflictExits75AndAppendsNothing() throws {
        let d = try DataDir.binhDuong()
        defer { d.remove() }
        let before = try d.logBytes()
        let stale = try d.antq(["append", "camera.installed", "--unit", "25747", "--occurred", "2018-02-01", "--count", "1",
                                "--expect-seq", "\(Fixture.lastSeq - 1)"])
        #expect(stale.status == 75)
        #expect(stale.stderr.contains("ends at #\(Fixture.lastSeq), not #\(Fixture.lastSeq - 1)"))
        #expect(stale.stderr.contains("antq log --from \(Fixture.lastSeq)"), "says how to catch up")
        #expect(try d.logBytes() == before)
        let batch = try d.antq(["append", "-", "--expect-seq", "3"], stdin: tipLine() + "\n")
        #expect(batch.status == 75)
        #expect(try d.logBytes() == before)
        let current = try d.antq(["append", "camera.installed", "--unit", "25747", "--occurred", "2018-02-01", "--count", "1",
                                  "--expect-seq", "\(Fixture.lastSeq)"])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(try d.events().last?["seq"] as? Int == Fixture.lastSeq + 1)
    }
}

extension AntqBinary {
    /// Runs another tool (id, sha256sum) and returns its standard output.
    static func runTool(_ path: String, _ arguments: [String]) throws -> String {
        try ProcessRunner.run(executable: path, arguments: arguments).stdoutText
    }
}
