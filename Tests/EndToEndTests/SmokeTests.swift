import Foundation
import Testing

@Suite struct SmokeTests {
    @Test func initAppendVerifyRoundTrip() throws {
        let dir = try AntqBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("d").path
        #expect(try AntqBinary.run(["init", data]).status == 0)
        let r = try AntqBinary.run(["append", "unit.registered", "--data", data, "--unit", "74", "--occurred", "2013-12-30",
                                    "--name", "Bình Dương", "--kind", "province", "--parent", "null"])
        #expect(r.status == 0, "\(r.stderr)")
        let v = try AntqBinary.run(["verify", "--data", data])
        #expect(v.status == 0)
        #expect(v.stdout.contains("clean: 2 lines"))
    }
}
