import Foundation
import Testing

/// A refused command-line append shows the command again, corrected: the
/// nearest allowed value where there is one, a placeholder where a value is
/// missing or unreadable; it runs once the placeholders are filled in.
@Test func aRefusedAppendShowsTheCommandCorrected() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "74", "--occurred", "2000-01-01", "--name", "Bình Dương", "--kind", "tỉnh"])
    try d.ok(["append", "unit.registered", "--unit", "25747", "--occurred", "2000-01-01", "--name", "Phú Cường", "--kind", "phường", "--parent", "74"])
    let before = try d.logBytes()
    let r = try d.antq(["append", "tip.received", "--unit", "Phú Cường", "--occurred", "2019-05-01", "--count", "hai",
                        "--channel", "duong day nongg", "--lang", "vi"])
    #expect(r.status == 65)
    #expect(try d.logBytes() == before)
    let corrected = try #require(r.stderr.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) }, "\(r.stderr)")
    #expect(corrected.hasPrefix("antq append tip.received --unit 'Phú Cường'"), "\(r.stderr)")
    #expect(corrected.contains("--channel 'đường dây nóng'") && corrected.contains("--count '<giá trị>'"), "\(corrected)")
    // Filling in the placeholder gives a command antq takes.
    let words = ["append", "tip.received", "--unit", "Phú Cường", "--occurred", "2019-05-01", "--count", "2", "--channel", "đường dây nóng"]
    #expect(try d.antq(words).status == 0)
    let missing = try d.antq(["append", "tip.received", "--unit", "25747", "--occurred", "2019-05-02", "--lang", "en"])
    #expect(missing.stderr.contains("--occurred 2019-05-02 --lang en --data ") && missing.stderr.contains(" --channel '<value>'"), "\(missing.stderr)")
}
