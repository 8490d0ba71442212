import Foundation
import Testing

/// Every command the help lists reaches its entry point: the dispatch table
/// (`Command.table`, which also carries each command's tuning) and the
/// command specs (`Tool.spec`) cannot drift apart unnoticed.
@Test func everyCommandTheHelpListsIsDispatched() throws {
    let help = try AntqBinary.run(["help", "--lang", "en"])
    #expect(help.status == 0)
    let listed = help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
    let names = listed.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
        return line.split(separator: " ").first.map(String.init)
    }.filter { $0 != "help" }
    #expect(names.count >= 18, "\(names)")
    let empty = try AntqBinary.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: empty) }
    for name in names {
        let r = try AntqBinary.run([name, "--lang", "en", "--data", empty.path], in: empty)
        #expect(!r.stderr.contains("is not implemented"), "\(name): \(r.stderr)")
    }
}
