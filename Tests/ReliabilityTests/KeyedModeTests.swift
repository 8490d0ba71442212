import Foundation
import Hashing
import Testing

/// Keyed mode: `prev` is an HMAC-SHA256 under a key kept outside the data
/// directory; without it nobody can produce a log that verifies.
@Suite struct KeyedModeTests {
    static func makeKey(_ path: String, mode: mode_t = 0o600) throws -> [UInt8] {
        let key = (0..<32).map { _ in UInt8.random(in: 0...255) }
        _ = FileManager.default.createFile(atPath: path, contents: Data(key))
        chmod(path, mode)
        return key
    }

    @Test func aKeyedLogVerifiesOnlyWithItsKey() throws {
        let dir = try Binaries.temporaryDirectory("keyed")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = dir + "/antq.key"
        _ = try Self.makeKey(keyPath)
        let data = try makeLog(dir, events: 4, keyFile: keyPath)
        let ok = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("HMAC chain"))
        // The log names the key but does not contain it.
        let log = String(decoding: Binaries.bytes(data + "/events/log.jsonl"), as: UTF8.self)
        #expect(log.contains("\"key_id\":"))

        let before = Binaries.bytes(data + "/events/log.jsonl")
        let missing = try Binaries.antq(["verify", "--data", data])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("keyed") && missing.stderr.contains("--key-file"), "\(missing.stderr)")
        let wrongPath = dir + "/other.key"
        _ = try Self.makeKey(wrongPath)
        let wrong = try Binaries.antq(["verify", "--data", data, "--key-file", wrongPath])
        #expect(wrong.status == 66)
        #expect(wrong.stderr.contains("not this log's key"), "\(wrong.stderr)")
        for key in [[], ["--key-file", wrongPath]] {
            let a = try Binaries.antq(["append", "camera.installed", "--data", data, "--unit", "74", "--occurred", "2018-05-01", "--count", "2"] + key)
            #expect(a.status == 66, "append with key \(key): \(a.stderr)")
        }
        #expect(Binaries.bytes(data + "/events/log.jsonl") == before, "a refused append left the log unchanged")
        // The environment variable works like the option.
        #expect(try Binaries.antq(["verify", "--data", data], environment: ["ANTQ_KEY_FILE": keyPath]).status == 0)
    }

    /// The forger has the log (and its key id) but not the key. Every strategy
    /// fails: keep the old links, recompute plain SHA-256, or sign with a key of
    /// their own (with the real key id, or with their own).
    @Test func withoutTheKeyNoEditedLogVerifies() throws {
        let dir = try Binaries.temporaryDirectory("forger")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = dir + "/antq.key"
        _ = try Self.makeKey(keyPath)
        let data = try makeLog(dir, events: 6, keyFile: keyPath)
        let original = logLines(data)
        let n = original.count
        let forgerKey = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let forgerMAC = HMACSHA256(key: forgerKey)
        for index in 2...n {
            // 1. Edit only.
            var lines = original
            lines[index - 1] = TamperingTests.forge(original, editing: index) { _ in "" }[index - 1]
            try writeLog(data, lines)
            var v = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath, "--format", "json"])
            #expect(v.status == 1, "edit of line \(index)")
            // The edited line itself is named (the last one by the seal).
            #expect(v.firstProblem?.line == index, "\(v.stdout)")
            // 2. Edit and recompute every link as plain SHA-256.
            try writeLog(data, TamperingTests.forge(original, editing: index) { SHA256.hash($0).hex })
            v = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath, "--format", "json"])
            #expect(v.status == 1, "plain recomputation after line \(index)")
            // The edited line itself is named (the last one by the seal).
            #expect(v.firstProblem?.line == index, "\(v.stdout)")
            #expect(v.firstProblem?.message.contains("HMAC") == true)
            // 3. Edit and recompute with the forger's own key, keeping the real key id.
            let resigned = TamperingTests.forge(original, editing: index) { line in line.withUnsafeBytes { forgerMAC.authenticate($0).hex } }
            try writeLog(data, resigned)
            v = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath, "--format", "json"])
            #expect(v.status == 1, "re-signed with another key after line \(index)")
            // The edited line itself is named (the last one by the seal).
            #expect(v.firstProblem?.line == index, "\(v.stdout)")
        }
        // 4. A whole log re-signed with the forger's key and key id: the real key refuses it.
        let forgerKeyPath = dir + "/forger.key"
        _ = FileManager.default.createFile(atPath: forgerKeyPath, contents: Data(forgerKey))
        chmod(forgerKeyPath, 0o600)
        let fake = try makeLog(dir + "/fake", events: 6, keyFile: forgerKeyPath)
        try FileManager.default.removeItem(atPath: data + "/events/log.jsonl")
        try FileManager.default.copyItem(atPath: fake + "/events/log.jsonl", toPath: data + "/events/log.jsonl")
        let v = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath])
        #expect(v.status == 66, "\(v.stdout)\(v.stderr)")
        #expect(!v.stdout.contains("clean"))
        // Restored, it verifies again.
        try writeLog(data, original)
        #expect(try Binaries.antq(["verify", "--data", data, "--key-file", keyPath]).status == 0)
    }

    /// The last line has no successor to vouch for it: in keyed mode the seal
    /// does, so editing it or cutting the last batch off fails plain `verify`;
    /// a fingerprint printed earlier catches it too.
    @Test func theLastLineIsSealedAndPinnedByTheFingerprint() throws {
        let dir = try Binaries.temporaryDirectory("keyed-last")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = dir + "/antq.key"
        _ = try Self.makeKey(keyPath)
        let data = try makeLog(dir, events: 3, keyFile: keyPath)
        let fp = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath]).stdout
            .components(separatedBy: "fingerprint: ").last!.trimmingCharacters(in: .whitespacesAndNewlines)
        var lines = logLines(data)
        lines[lines.count - 1] = TamperingTests.forge(lines, editing: lines.count) { _ in "" }[lines.count - 1]
        try writeLog(data, lines)
        let v = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath, "--fingerprint", fp])
        #expect(v.status == 1, "\(v.stdout)")
        #expect(v.stdout.contains("DOES NOT HOLD"))
        let plain = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath])
        #expect(plain.status == 1, "the seal catches an edited last line: \(plain.stdout)")
        #expect(plain.stdout.contains("HMAC sealed"))
        // Cutting the last line off is caught by the seal as well.
        lines = logLines(data)
        try writeLog(data, Array(logLines(data).dropLast()))
        let cut = try Binaries.antq(["verify", "--data", data, "--key-file", keyPath])
        #expect(cut.status == 1, "\(cut.stdout)")
        #expect(cut.stdout.contains("lines were removed from the end"))
        _ = lines
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let dir = try Binaries.temporaryDirectory("keymode")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for mode: mode_t in [0o644, 0o640, 0o604, 0o660] {
            let keyPath = dir + "/k\(String(mode, radix: 8)).key"
            _ = try Self.makeKey(keyPath, mode: mode)
            let r = try Binaries.antq(["init", dir + "/d\(mode)", "--keyed", "--key-file", keyPath])
            #expect(r.status == 66, "mode \(String(mode, radix: 8)) accepted")
            #expect(r.stderr.contains("chmod 600"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/d\(mode)/events/log.jsonl"))
        }
        for mode: mode_t in [0o600, 0o400] {
            let keyPath = dir + "/ok\(String(mode, radix: 8)).key"
            _ = try Self.makeKey(keyPath, mode: mode)
            #expect(try Binaries.antq(["init", dir + "/ok\(mode)", "--keyed", "--key-file", keyPath]).status == 0)
        }
        // A key too short, a missing key, a key inside the data directory.
        let short = dir + "/short.key"
        _ = FileManager.default.createFile(atPath: short, contents: Data("abc".utf8))
        chmod(short, 0o600)
        #expect(try Binaries.antq(["init", dir + "/s", "--keyed", "--key-file", short]).status == 66)
        #expect(try Binaries.antq(["init", dir + "/m", "--keyed", "--key-file", dir + "/nope.key"]).status == 66)
        try FileManager.default.createDirectory(atPath: dir + "/inside", withIntermediateDirectories: true)
        _ = try Self.makeKey(dir + "/inside/k.key")
        let inside = try Binaries.antq(["init", dir + "/inside", "--keyed", "--key-file", dir + "/inside/k.key"])
        #expect(inside.status == 64, "\(inside.stderr)")
    }

    /// A reader with the key checks the HMAC chain; a reader without it
    /// cannot, and says so in every format (and on stderr), never writes a
    /// snapshot, and still refuses lines out of order.
    @Test func readersCheckTheHMACChainWithTheKeyAndSayWhenTheyCannot() throws {
        let dir = try Binaries.temporaryDirectory("keyed-read")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = dir + "/antq.key"
        _ = try Self.makeKey(keyPath)
        let data = try makeLog(dir, events: 9, keyFile: keyPath)
        let env = ["ANTQ_SNAPSHOT_INTERVAL": "2"]
        let with = try Binaries.antq(["summary", "2018", "--data", data, "--key-file", keyPath])
        #expect(with.status == 0 && !with.stdout.contains("NOT CHECKED"), "\(with.stderr)")
        #expect(try Binaries.antq(["summary", "2018", "--data", data, "--format", "json", "--key-file", keyPath]).stdout.contains(#""chain":"hmac""#))
        for format in ["text", "markdown", "html", "json", "csv"] {
            let r = try Binaries.antq(["summary", "2018", "--data", data, "--format", format], environment: env)
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(r.stderr.contains("NOT checked"), "\(format): stderr says so: \(r.stderr)")
            if format == "json" { #expect(r.stdout.contains(#""chain":"not_checked""#), "\(r.stdout)") }
            else if format != "csv" { #expect(r.stdout.contains("NOT CHECKED"), "\(format) says so in its output") }
        }
        // A CSV (summary, state, audit, export) ends every row with the documented column.
        for args in [["summary", "2018"], ["state"], ["audit", "arrests", "--year", "2018"], ["export"]] {
            let blind = try Binaries.antq(args + ["--data", data, "--format", "csv"], environment: env)
            let rows = blind.stdout.split(separator: "\n")
            #expect(blind.status == 0 && rows.count > 1, "\(args): \(blind.stderr)")
            #expect(rows.first?.hasSuffix(",chain") == true && rows.dropFirst().allSatisfy { $0.hasSuffix(",not_checked") }, "\(args): \(blind.stdout)")
            let keyed = try Binaries.antq(args + ["--data", data, "--format", "csv", "--key-file", keyPath])
            #expect(keyed.status == 0 && !keyed.stdout.contains("chain") && !keyed.stdout.contains("not_checked"), "\(args) with the key: \(keyed.stdout)")
        }
        for args in [["state"], ["audit", "arrests", "--year", "2018"], ["diff", "--as-of", "2018-01-01"]] {
            let r = try Binaries.antq(args + ["--data", data])
            #expect(r.status == 0 && r.stdout.contains("NOT CHECKED"), "\(args): \(r.stdout)")
        }
        let log = try Binaries.antq(["log", "--data", data])
        #expect(log.status == 0 && log.stderr.contains("NOT checked"))
        let vi = try Binaries.antq(["summary", "2018", "--data", data, "--lang", "vi"])
        #expect(vi.stderr.contains("CHƯA được kiểm tra") && !vi.stderr.contains("NOT checked"), "the note in the reader's language: \(vi.stderr)")
        // The site is a report too: written without the key, saying on its pages that the chain was not checked.
        let site = try Binaries.antq(["site", dir + "/site", "--data", data], environment: env)
        let index = (try? String(contentsOfFile: dir + "/site/index.html", encoding: .utf8)) ?? ""
        #expect(site.status == 0 && index.contains("NOT CHECKED") && index.contains("antq verify was not run"), "\(site.stderr)")
        let writeVi = try Binaries.antq(["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1", "--data", data, "--lang", "vi"])
        #expect(writeVi.status == 66 && writeVi.stderr.contains("sổ này có khóa"), "a writer needs the key, said in Vietnamese: \(writeVi.stderr)")
        // No snapshot from an unchecked chain, however long the tail.
        let snaps = (try? FileManager.default.contentsOfDirectory(atPath: data + "/snapshots")) ?? []
        #expect(snaps.filter { $0.hasSuffix(".snap") }.isEmpty, "\(snaps)")
        // An edited line: caught with the key, not without (the links are HMACs).
        var lines = logLines(data)
        let original = lines
        lines[6] = TamperingTests.forge(original, editing: 7) { _ in "" }[6]
        try writeLog(data, lines)
        let caught = try Binaries.antq(["summary", "2018", "--data", data, "--key-file", keyPath])
        #expect(caught.status == 79 && caught.stdout.isEmpty && caught.stderr.contains("events/log.jsonl:7:"), "\(caught.stderr)")
        #expect(caught.stderr.contains("HMAC"))
        let blind = try Binaries.antq(["summary", "2018", "--data", data])
        #expect(blind.status == 0 && blind.stdout.contains("NOT CHECKED"))
        // A deleted line shows in seq even without the key.
        lines = original
        lines.remove(at: 5)
        try writeLog(data, lines)
        let deleted = try Binaries.antq(["summary", "2018", "--data", data])
        #expect(deleted.status == 79 && deleted.stderr.contains("events/log.jsonl:6:"), "\(deleted.stderr)")
    }

    /// A key given without --keyed is never silently dropped: `init` refuses
    /// and creates nothing, whether the key comes from the option or ANTQ_KEY_FILE.
    @Test func initWithAKeyFileButWithoutKeyedRefusesAndCreatesNothing() throws {
        let dir = try Binaries.temporaryDirectory("keyed-init")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let keyPath = dir + "/antq.key"
        _ = try Self.makeKey(keyPath)
        let option = try Binaries.antq(["init", dir + "/a", "--key-file", keyPath])
        #expect(option.status == 64, "\(option.stderr)")
        #expect(option.stderr.contains("--keyed"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/a"))
        let env = try Binaries.antq(["init", dir + "/b"], environment: ["ANTQ_KEY_FILE": keyPath])
        #expect(env.status == 64 && env.stderr.contains("ANTQ_KEY_FILE"), "\(env.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/b"))
        // With --keyed it makes a keyed log.
        #expect(try Binaries.antq(["init", dir + "/c", "--keyed", "--key-file", keyPath]).status == 0)
        #expect(String(decoding: Binaries.bytes(dir + "/c/events/log.jsonl"), as: UTF8.self).contains("\"key_id\":"))
    }

    /// A key kept inside the data directory travels with every copy of the
    /// log: `init` refuses it however the path is written (through `..` or a
    /// link), and a reader or writer given one says so every time.
    @Test func aKeyInsideTheDataDirectoryIsRefusedByInitAndNamedByEveryReader() throws {
        let dir = try Binaries.temporaryDirectory("keyed-inside")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let outside = dir + "/antq.key"
        _ = try Self.makeKey(outside)
        let data = try makeLog(dir, events: 3, keyFile: outside)
        try FileManager.default.copyItem(atPath: outside, toPath: data + "/antq.key")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: data)
        for path in [data + "/antq.key", dir + "/link/antq.key", data + "/events/../antq.key"] {
            let r = try Binaries.antq(["summary", "2018", "--data", data, "--key-file", path, "--lang", "en"])
            #expect(r.status == 0 && r.stderr.contains("is inside the data directory"), "\(path): \(r.stderr)")
        }
        #expect(try !Binaries.antq(["summary", "2018", "--data", data, "--key-file", outside]).stderr.contains("inside"))
        try FileManager.default.createDirectory(atPath: dir + "/new", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: outside, toPath: dir + "/new/k")
        let refused = try Binaries.antq(["init", dir + "/new", "--keyed", "--key-file", dir + "/link/../new/k"])
        #expect(refused.status == 64 && refused.stderr.contains("outside the data directory"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/new/events"))
    }
}
