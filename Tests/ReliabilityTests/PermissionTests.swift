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

/// Torn tails moved aside keep every byte, under names that sort by time.
@Suite struct QuarantineTests {
    @Test func eachTornTailIsMovedAsideByteForByteUnderASortableName() throws {
        let dir = try Binaries.temporaryDirectory("quarantine")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try makeLog(dir, events: 1)
        let log = data + "/events/log.jsonl"
        var tails: [[UInt8]] = []
        for i in 0..<3 {
            let tail = Array(#"{"seq":\#(6 + i),"id":"torn-\#(i)"#.utf8)
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            h.seekToEndOfFile()
            h.write(Data(tail))
            try h.close()
            tails.append(tail)
            let r = try Binaries.antq(["append", "camera.installed", "--data", data, "--unit", "74", "--occurred", "2018-05-01", "--count", "1"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("moved to"), "the recovery is reported: \(r.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: data + "/events").filter { $0.hasPrefix("log.jsonl.unfinished-") }
        #expect(names.count == 3)
        for n in names {
            #expect(n.range(of: #"^log\.jsonl\.unfinished-\d+-\d{16}$"#, options: .regularExpression) != nil, "\(n)")
        }
        // Sorted by name (seq, then time) they hold the tails in the order they were cut.
        let contents = names.sorted { a, b in
            let (sa, sb) = (a.split(separator: "-"), b.split(separator: "-"))
            return (Int(sa[1])!, String(sa[2])) < (Int(sb[1])!, String(sb[2]))
        }.map { Binaries.bytes(data + "/events/" + $0) }
        #expect(contents == tails)
        #expect(try Binaries.antq(["verify", "--data", data]).status == 0)
    }
}
