import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A write that fails (file-size limit, full disk) fails the append with
/// exit 74 and a clear message, leaves the log as it was, and the next
/// append succeeds once there is room. A read-only data directory refuses
/// writes clearly and still serves reports.
@Suite struct ResourceFaultTests {
    static func batch(_ dir: String, events: Int) throws -> String {
        let path = dir + "/batch-\(events).jsonl"
        let lines = (0..<events).map { i in
            #"{"type":"tip.received","occurred":"2018-04-1\#(i % 10)","unit":"74","data":{"count":\#(1 + i % 5),"channel":"hotline","valuable":true}}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func aFileSizeLimitFailsTheAppendAndLeavesTheLogVerifiable() throws {
        let dir = try Binaries.temporaryDirectory("efbig")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 2)
        let log = data + "/events/log.jsonl"
        let before = Binaries.bytes(log)
        let fp = try TamperingTests.fingerprint(data)
        // Room for about 2 KiB more: a 200-event batch (~60 KB) cannot fit.
        let blocks = (before.count + 2048) / 512
        let big = try Self.batch(dir, events: 200)
        let r = try Binaries.antqInShell("ulimit -f \(blocks);", ["append", "--file", big, "--data", data])
        #expect(r.status == 74, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("File too large"), "\(r.stderr)")
        #expect(r.stderr.contains("fix:"), "\(r.stderr)")
        #expect(Binaries.bytes(log) == before, "the log is byte for byte as before the failed append")
        #expect(try Binaries.antq(["verify", "--data", data, "--fingerprint", fp]).status == 0)
        // A small event still fits under the same limit; without the limit the big batch goes in.
        let small = try Binaries.antqInShell("ulimit -f \(blocks);", ["append", "camera.installed", "--data", data, "--unit", "74",
                                                                       "--occurred", "2018-05-01", "--count", "1"])
        #expect(small.status == 0, "\(small.stderr)")
        let ok = try Binaries.antq(["append", "--file", big, "--data", data, "--format", "json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try Binaries.antq(["verify", "--data", data]).status == 0)
        #expect(logLines(data).count == before.split(separator: 0x0A).count + 201)
    }

    /// Needs root to mount a tiny tmpfs; skipped (and says so) where that is not allowed.
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("antq-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    static func withTmpfs(size: String, _ body: (String) throws -> Void) throws {
        let mp = try Binaries.temporaryDirectory("tmpfs")
        guard mount("tmpfs", mp, "tmpfs", 0, "size=\(size),mode=0700") == 0 else {
            Issue.record("mount tmpfs failed: \(String(cString: strerror(errno)))")
            return
        }
        defer { umount2(mp, Int32(MNT_DETACH)); rmdir(mp) }
        try body(mp)
    }

    @Test(.enabled(if: canMount, "needs root and permission to mount a tmpfs"))
    func aFullDiskFailsTheAppendAndTheNextAppendSucceedsAfterSpaceIsFreed() throws {
        try Self.withTmpfs(size: "256k") { mp in
            let data = try makeLog(mp, events: 2)
            let log = data + "/events/log.jsonl"
            // Fill the disk, leaving a little room.
            let filler = mp + "/filler"
            _ = FileManager.default.createFile(atPath: filler, contents: nil)
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
            let chunk = Data(repeating: 0x41, count: 4096)
            while (try? h.write(contentsOf: chunk)) != nil {}
            // Give back ~8 KiB: enough for a single event, not for a 200-event batch.
            let end = try h.seekToEnd()
            try h.truncate(atOffset: end > 8192 ? end - 8192 : 0)
            try h.close()
            let before = Binaries.bytes(log)
            let dir = try Binaries.temporaryDirectory("enospc-batch")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let big = try Self.batch(dir, events: 200)
            let r = try Binaries.antq(["append", "--file", big, "--data", data])
            #expect(r.status == 74, "\(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
            #expect(r.stderr.contains("free some space"), "\(r.stderr)")
            #expect(Binaries.bytes(log) == before)
            #expect(try Binaries.antq(["verify", "--data", data]).status == 0)
            try FileManager.default.removeItem(atPath: filler)
            let ok = try Binaries.antq(["append", "--file", big, "--data", data])
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(try Binaries.antq(["verify", "--data", data]).status == 0)
        }
    }

    static func expectReadOnlyBehaviour(_ data: String, runAs prefix: [String]) throws {
        let log = data + "/events/log.jsonl"
        let before = Binaries.bytes(log)
        func antq(_ args: [String]) throws -> Binaries.Output {
            prefix.isEmpty ? try Binaries.antq(args) : try Binaries.run(prefix[0], Array(prefix.dropFirst()) + [Binaries.antq] + args)
        }
        let a = try antq(["append", "camera.installed", "--data", data, "--unit", "74", "--occurred", "2018-05-01", "--count", "1"])
        #expect(a.status == 74, "\(a.stderr)")
        #expect(a.stderr.contains("read-only") || a.stderr.contains("Permission denied"), "\(a.stderr)")
        #expect(a.stderr.contains("reports still work"), "\(a.stderr)")
        for args in [["summary", "2018"], ["state", "--date", "2018-12-31"], ["log"], ["verify"], ["units"]] {
            let r = try antq(args + ["--data", data])
            #expect(r.status == 0, "\(args) on a read-only directory: \(r.stderr)")
        }
        let rb = try antq(["rebuild", "--data", data])
        #expect(rb.status == 74, "rebuild must say it cannot write: \(rb.stderr)")
        #expect(Binaries.bytes(log) == before)
    }

    /// Root ignores permission bits, so the read-only check runs as `nobody`.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func aReadOnlyDirectoryRefusesWritesAndServesReports() throws {
        let dir = try Binaries.temporaryDirectory("ro")
        defer { _ = try? Binaries.run("/bin/chmod", ["-R", "u+w", dir]); try? FileManager.default.removeItem(atPath: dir) }
        chmod(dir, 0o755)
        let data = try makeLog(dir, events: 3)
        #expect(try Binaries.run("/bin/chown", ["-R", "nobody:nogroup", data]).status == 0)
        #expect(try Binaries.run("/bin/chmod", ["-R", "a-w", data]).status == 0)
        try Self.expectReadOnlyBehaviour(data, runAs: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
    }

    @Test(.enabled(if: canMount, "needs root and permission to mount a tmpfs"))
    func aReadOnlyFilesystemRefusesWritesAndServesReports() throws {
        try Self.withTmpfs(size: "1m") { mp in
            let data = try makeLog(mp, events: 3)
            guard mount("tmpfs", mp, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), "size=1m") == 0 else {
                Issue.record("remount read-only failed: \(String(cString: strerror(errno)))")
                return
            }
            try Self.expectReadOnlyBehaviour(data, runAs: [])
        }
    }
}
