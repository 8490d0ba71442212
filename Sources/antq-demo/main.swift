// antq-demo: writes the bundled Bình Dương demonstration log.
//
//   swift run antq-demo [--out DIR] [--force]
//
// Deterministic: every random choice comes from one seeded SplitMix64 and
// every `recorded` instant from the story's own clock, so regenerating
// gives the same bytes. The per-commune spread is synthetic; the provincial
// figures of 2018 are the published ones (../shared/domain/figures-2018.json).
import SeededRandom
import ANTQDomain
import ANTQStore
import EventLog
import Foundation
import TextFormats

/// The seed of the bundled log. Changing it changes every byte of `events/log.jsonl`.
let seed: UInt64 = 0x74_2018_0328

/// Exit codes: 0 written; 64 usage; 73 the log exists (give --force); 70 the story
/// is inconsistent (a generator bug: antq refused a sitting or a figure is off); 74 I/O.
func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data(("antq-demo: " + message + "\n").utf8))
    exit(code)
}

let usage = """
    usage: antq-demo [--out DIR] [--force]

    Writes the bundled Bình Dương demonstration log to DIR/events/log.jsonl
    (default DIR: the top level of this repository) and makes DIR/snapshots/.
      --out DIR   where to write (created if missing)
      --force     replace an existing DIR/events/log.jsonl (and its snapshots)
    """

// The repository's top level: Sources/antq-demo/main.swift → ../..
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
var out = repoRoot
var force = false
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--out":
        guard !args.isEmpty else { fail("--out needs a directory\n" + usage, 64) }
        out = args.removeFirst()
    case "--force": force = true
    case "-h", "--help":
        print(usage)
        exit(0)
    default: fail("unknown argument '\(a)'\n" + usage, 64)
    }
}

let fm = FileManager.default
let layout = LogLayout(root: out)
if fm.fileExists(atPath: layout.logPath) && !force {
    fail("\(layout.logPath) exists; give --force to replace it with a freshly generated log", 73)
}

// Write into a scratch directory inside DIR, then move the log into place.
let scratch = out + "/.antq-demo-scratch-\(ProcessInfo.processInfo.processIdentifier)"
do {
    try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
    if fm.fileExists(atPath: scratch) { try fm.removeItem(atPath: scratch) }
} catch {
    fail("cannot prepare \(out): \(error.localizedDescription)", 74)
}
defer { try? fm.removeItem(atPath: scratch) }

let story = Story(seed: seed)
var recorder = Recorder(directory: scratch, seed: seed)
do {
    try recorder.record(story.sittings(), opened: Story.opened)
} catch {
    try? fm.removeItem(atPath: scratch)
    fail("\(error)", 70)
}

let check: SelfCheck
do {
    check = try SelfCheck.run(scratch)
} catch {
    try? fm.removeItem(atPath: scratch)
    fail("\(error)", 70)
}

do {
    try fm.createDirectory(atPath: layout.eventsDirectory, withIntermediateDirectories: true)
    try fm.createDirectory(atPath: layout.snapshotsDirectory, withIntermediateDirectories: true)
    // Snapshots of a replaced log describe another log: remove them.
    for name in try fm.contentsOfDirectory(atPath: layout.snapshotsDirectory) where name.hasSuffix(".snap") {
        try fm.removeItem(atPath: layout.snapshotsDirectory + "/" + name)
    }
    if fm.fileExists(atPath: layout.logPath) { try fm.removeItem(atPath: layout.logPath) }
    try fm.moveItem(atPath: LogLayout(root: scratch).logPath, toPath: layout.logPath)
    try fm.removeItem(atPath: scratch)
} catch {
    try? fm.removeItem(atPath: scratch)
    fail("cannot write \(layout.logPath): \(error.localizedDescription)", 74)
}

let size = (try? fm.attributesOfItem(atPath: layout.logPath)[.size] as? Int) ?? 0
print("wrote \(layout.logPath): \(recorder.events) events, \(size) bytes")
print("fingerprint: \(recorder.fingerprint.map { "\($0)" } ?? "-")")
print(check.report(seqs: recorder.seqs))
