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

/// The corrected command never names an option the command does not take:
/// a correction's target and the event's type are arguments and `--data` is
/// the data directory, so they are named as fields and no example is made of
/// them; an option that is no field is renamed to the field its name begins,
/// or no example is given.
@Test func theCorrectedCommandOnlyNamesOptionsTheCommandTakes() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "74", "--occurred", "2000-01-01", "--name", "Bình Dương", "--kind", "tỉnh"])
    try d.ok(["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "2"])
    let before = try d.logBytes()
    func refused(_ args: [String]) throws -> String {
        let r = try d.antq(args + ["--lang", "en"])
        #expect(r.status == 65, "\(args): \(r.stderr)")
        return r.stderr
    }
    for args in [["correct", "3", "--count", "2", "--reason", "x"], ["correct", "999", "--count", "8", "--reason", "x"],
                 ["append", "arest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1"]] {
        let out = try refused(args)
        #expect(!out.contains("--data '") && !out.contains("--target") && !out.contains("--type") && !out.contains("e.g.:"), "\(args): \(out)")
        #expect(out.contains("correct what is named above"), "\(out)")
    }
    // An option that is no field and begins no field: no guess (`--type` is not `--case`), no example.
    for wrong in [["--channel", "hotline"], ["--type", "case.solved"]] {
        let unknown = try refused(["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1"] + wrong)
        #expect(!unknown.contains("e.g.:") && unknown.contains("correct what is named above"), "\(wrong): \(unknown)")
    }
    let typed = try refused(["correct", "3", "--type", "case.solved", "--count", "1", "--reason", "x"])
    #expect(!typed.contains("--case") || typed.contains("did you mean"), "no command that records --case: \(typed)")
    #expect(!typed.contains("e.g.:"), "\(typed)")
    let close = try refused(["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "1", "--caught", "yes"])
    let fixed = String(close.split(separator: "\n").last!).trimmingCharacters(in: .whitespaces)
    #expect(fixed.contains("--caught-in-act yes") && !fixed.contains("--caught "), "renamed: \(close)")
    // `append event.corrected` takes its target as an option: named and corrected as one.
    let asOption = try refused(["append", "event.corrected", "--target", "999", "--reason", "x", "--count", "1"])
    #expect(asOption.contains("--target: there is no event #999") && asOption.contains("--target '<value>'"), "\(asOption)")
    #expect(try d.logBytes() == before)
    // The renamed command is one antq takes.
    #expect(try d.antq(Array(fixed.split(separator: " ").dropFirst().map(String.init))).status == 0, "\(fixed)")
}

/// A flag spelt like one of the command's own options (`--occured`,
/// `--unti`, `--reasn`) and like no field is refused as that option's typo,
/// with exit 64 and the option named, on every command that takes fields as
/// flags; a field's typo is named as the field, and a suggestion is only
/// made within an edit per three letters (`--reasn` is no `--case`).
@Test func aMisspeltOptionIsNamedAsThatOptionsTypo() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "74", "--occurred", "2000-01-01", "--name", "Bình Dương", "--kind", "tỉnh"])
    try d.ok(["append", "arrest.made", "--unit", "74", "--occurred", "2018-05-01", "--count", "2"])
    let before = try d.logBytes()
    let arrest = ["append", "arrest.made", "--unit", "74", "--count", "1"]
    for (args, typo, meant) in [(arrest + ["--occured", "2018-05-01"], "--occured", "--occurred"),
                                (["append", "arrest.made", "--unti", "74", "--occurred", "2018-05-01", "--count", "1"], "--unti", "--unit"),
                                (["correct", "3", "--reasn", "x", "--count", "1"], "--reasn", "--reason"),
                                (["append", "event.corrected", "--target", "3", "--reasn", "x", "--count", "1"], "--reasn", "--reason")] {
        let r = try d.antq(args + ["--lang", "en"])
        #expect(r.status == 64, "\(args): \(r.stderr)")
        #expect(r.stderr.contains("unknown option '\(typo)'") && r.stderr.contains("Did you mean '\(meant)'?"), "\(args): \(r.stderr)")
    }
    let vi = try d.antq(arrest + ["--occured", "2018-05-01", "--lang", "vi"])
    #expect(vi.stderr.contains("không có tùy chọn '--occured'") && vi.stderr.contains("'--occurred'"), "\(vi.stderr)")
    let far = try d.antq(arrest + ["--occurred", "2018-05-01", "--reasn", "x", "--lang", "en"])
    #expect(far.status == 65 && far.stderr.contains("--reasn is not a field of arrest.made") && !far.stderr.contains("did you mean --case"), "\(far.stderr)")
    // As near a field as an option: the field's typo (`--kid` is `kind`, not `--id`).
    let kid = try d.antq(["append", "weapon.seized", "--unit", "74", "--occurred", "2018-05-01", "--quantity", "1", "--kid", "firearm", "--lang", "en"])
    #expect(kid.status == 65 && kid.stderr.contains("did you mean --kind?") && !kid.stderr.contains("'--id'"), "\(kid.stderr)")
    let field = try d.antq(arrest + ["--occurred", "2018-05-01", "--caugt-in-act", "yes", "--lang", "en"])
    #expect(field.status == 65 && field.stderr.contains("did you mean --caught-in-act?"), "\(field.stderr)")
    #expect(try d.logBytes() == before)
}

/// A correction that gives the values the event already holds is refused
/// saying what it holds, not with an example that repeats the value typed.
@Test func aCorrectionThatChangesNothingSaysWhatTheEventHolds() throws {
    let d = try DataDir.initialised()
    defer { d.remove() }
    try d.ok(["append", "unit.registered", "--unit", "48", "--occurred", "2010-01-01", "--name", "Đà Nẵng", "--kind", "thành phố"])
    try d.ok(["append", "arrest.made", "--unit", "48", "--occurred", "2023-05-01", "--count", "3"])
    let log = try d.logBytes()
    let r = try d.antq(["correct", "3", "--reason", "x", "--count", "3", "--lang", "en"])
    #expect(r.status == 65 && r.stderr.contains("changes nothing in #3") && r.stderr.contains("the ones it holds (2023-05-01, 48, Suspects arrested: number arrested 3"), "\(r.stderr)")
    #expect(!r.stderr.contains("e.g. --count 3"), "\(r.stderr)")
    #expect(try d.logBytes() == log)
}
