import Foundation
import Testing
import SystemCalls

/// The OS user antq records when neither --by nor ANTQ_USER is given.
struct LoginNameTests {
    func passwd(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "antq-passwd-\(UUID().uuidString)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theEntryWithThisProcesssUidNamesTheUser() throws {
        let uid = getuid()
        let path = try passwd("daemon:x:\(uid + 1):1::/:/bin/false\nlan:x:\(uid):\(uid):Nguyễn Thị Lan:/home/lan:/bin/sh\nother:x:\(uid):0::/:/bin/sh\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Environment.loginName(passwd: path) == "lan")
    }

    @Test func noEntryOrNoFileGivesNil() throws {
        let path = try passwd("daemon:x:\(getuid() + 1):1::/:/bin/false\nbroken line\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Environment.loginName(passwd: path) == nil)
        #expect(Environment.loginName(passwd: path + ".missing") == nil)
    }

    @Test func onThisMachineItAgreesWithId() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/id")
        p.arguments = ["-un"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let name = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Environment.loginName() == name)
    }
}
