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

/// A help page's text is wrapped by the help generator alone: no sentence
/// is broken by a line break in its source, which shows as a short line
/// followed by one that would have fitted after it (`antq help site` read
/// "… whose every" / "value links to …").
@Test func noHelpPageBreaksASentenceBeforeTheWrap() throws {
    let help = try AntqBinary.run(["help", "--lang", "en"])
    let names = (help.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
        return line.split(separator: " ").first.map(String.init)
    }.filter { $0 != "help" }
    for name in names {
        for lang in ["en", "vi"] {
            let page = try AntqBinary.run(["help", name, "--lang", lang]).stdout
            let text = page.components(separatedBy: lang == "en" ? "USAGE:" : "CÁCH DÙNG:").first ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (a, b) in zip(lines, lines.dropFirst()) where !b.hasPrefix(" ") {
                // A list line ("bash: source …") starts lowercase on purpose.
                guard !a.isEmpty, let first = b.first, first.isLowercase, let word = b.split(separator: " ").first, !word.hasSuffix(":") else { continue }
                #expect(a.count + 1 + word.count > 80, "antq help \(name) --lang \(lang): a line ends early:\n\(a)\n\(b)")
            }
        }
    }
}
