import Foundation
import Testing

/// Police records are not for other accounts: the log, its quarantine files
/// and the snapshots are created owner-only, whatever the umask.
@Suite struct PermissionTests {
    @Test func filesAreOwnerOnlyEvenWithAPermissiveUmask() throws {
        let dir = try Binaries.temporaryDirectory("perm")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = dir + "/data"
        #expect(try Binaries.antqInShell("umask 000;", ["init", data]).status == 0)
        let reg = try Binaries.antqInShell("umask 000;", ["append", "unit.registered", "--data", data, "--unit", "74", "--occurred", "2013-12-30",
                                                           "--name", "Bình Dương", "--kind", "province", "--parent", "null"])
        #expect(reg.status == 0, "\(reg.stderr)")
        // A torn tail, so the next append writes a quarantine file.
        let log = data + "/events/log.jsonl"
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        h.seekToEndOfFile()
        h.write(Data(#"{"seq":3,"id":"torn"#.utf8))
        try h.close()
        let a = try Binaries.antqInShell("umask 000;", ["append", "camera.installed", "--data", data, "--unit", "74", "--occurred", "2018-05-01", "--count", "2"])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(try Binaries.antqInShell("umask 000;", ["rebuild", "--data", data]).status == 0)
        let events = try FileManager.default.contentsOfDirectory(atPath: data + "/events")
        let snaps = try FileManager.default.contentsOfDirectory(atPath: data + "/snapshots")
        #expect(events.contains { $0.hasPrefix("log.jsonl.unfinished-") })
        #expect(!snaps.isEmpty)
        for f in events.map({ data + "/events/" + $0 }) + snaps.map({ data + "/snapshots/" + $0 }) {
            #expect(Binaries.mode(f) & 0o077 == 0, "\(f) has mode \(String(Binaries.mode(f), radix: 8))")
        }
        for d in [data, data + "/events", data + "/snapshots"] {
            #expect(Binaries.mode(d) & 0o077 == 0, "\(d) has mode \(String(Binaries.mode(d), radix: 8))")
        }
    }
}
