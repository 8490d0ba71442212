import ANTQCodec
import ANTQTestSupport
import EventLog
import Foundation
import SeededRandom
import SystemCalls
import Testing
import TextFormats
@testable import ANTQDomain
@testable import ANTQStore

// A batch appended with the fast paths (the batch line fast path, the
// validator's caches, the read-ahead thread, the write stage) must write the
// very bytes the general paths write, and reject a bad batch with the very
// same problems. Every line brings its own id so the two logs can be compared.

private let setup = [
    #"{"type":"unit.registered","occurred":"2000-01-01","unit":"74","data":{"name":"Bình Dương","kind":"province","parent":null}}"#,
    #"{"type":"unit.registered","occurred":"2000-01-01","unit":"718","data":{"name":"Thủ Dầu Một","kind":"city","parent":"74"}}"#,
    #"{"type":"unit.registered","occurred":"2000-01-01","unit":"25747","data":{"name":"Phú Cường","kind":"ward","parent":"718"}}"#,
    #"{"type":"unit.registered","occurred":"2010-01-01","unit":"25750","data":{"name":"Phú Hòa","kind":"ward","parent":"718"}}"#,
    #"{"type":"indicator.defined","occurred":"2010-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy","en":"Drugs"},"measure":"quantity","unit_of_measure":"kg","decimals":2,"aggregate":"flow","dimensions":[{"name":"substance","values":[{"value":"heroin","label":{"vi":"Heroin"}},{"value":"meth","label":{"vi":"Đá"}}]}]}}"#,
]

/// Seq of batch line i (0-based) once `setup` is in the log.
private let firstBatchSeq = setup.count + 2

private func uuid(_ n: Int) -> String {
    let t = String(n)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - t.count) + t
}

/// A long batch: flows, declared records, cameras, models, and corrections
/// of events written long before (already in the file) and just before
/// (still in memory).
private func batchLines(count: Int, seed: UInt64) -> [String] {
    var g = SplitMix64(seed: seed)
    var out: [String] = []
    var arrests: [Int] = []
    var cameras = [0, 0]
    for i in 0..<count {
        let id = uuid(i + 1)
        let unit = g.pick(["25747", "25750"])
        let by = g.pick(["Đặng Văn Lâm", "Lê Thị Hoa", "Nguyen Van Hung"])
        let day = "2018-\(g.pick(["01", "05", "11"]))-1\(Int.random(in: 0...9, using: &g))"
        switch Int.random(in: 0..<22, using: &g) {
        case 0...7:
            arrests.append(i + firstBatchSeq)
            out.append(#"{"id":"\#(id)","type":"arrest.made","occurred":"\#(day)","unit":"\#(unit)","by":"\#(by)","data":{"count":\#(Int.random(in: 1...9, using: &g)),"case":"HS-\#(i)"}}"#)
        case 8...10:
            out.append(#"{"type":"award.granted","id":"\#(id)","occurred":"\#(day)","unit":"\#(unit)","by":"\#(by)","data":{"recipient_kind":"individual","recipient":"Bùi Minh An","issuer":"province","form":"medal"}}"#)
        case 11, 12:
            let k = unit == "25747" ? 0 : 1
            cameras[k] += 3
            out.append(#"{"id":"\#(id)","type":"camera.installed","occurred":"2017-01-01","unit":"\#(unit)","data":{"count":3}}"#)
        case 13:
            let k = unit == "25747" ? 0 : 1
            if cameras[k] >= 2 {
                cameras[k] -= 2
                out.append(#"{"id":"\#(id)","type":"camera.removed","occurred":"2018-12-31","unit":"\#(unit)","data":{"count":2}}"#)
            } else {
                out.append(#"{"id":"\#(id)","type":"tip.received","occurred":"\#(day)","unit":"\#(unit)","data":{"channel":"club","valuable":false}}"#)
            }
        case 14:
            out.append(#"{"id":"\#(id)","type":"model.established","occurred":"2016-01-01","unit":"\#(unit)","data":{"model":"m-\#(i)","kind":"shock_team","name":"Đội \#(i)","members":5}}"#)
        case 15 where arrests.count > 10:
            // An old target (flushed to the file) or a recent one (in memory).
            let target = g.chance(0.5) ? arrests[Int.random(in: 0..<(arrests.count / 2), using: &g)] : arrests[arrests.count - 1]
            out.append(#"{"id":"\#(id)","type":"event.corrected","occurred":"2019-01-01","data":{"target":\#(target),"reason":"Sai số","data":{"count":\#(100 + i)}}}"#)
        case 16, 17:
            let value = "\(Int.random(in: 0...40, using: &g)).\(Int.random(in: 10...99, using: &g))"
            out.append(#"{"id":"\#(id)","type":"indicator.recorded","occurred":"\#(day)","unit":"\#(unit)","data":{"indicator":"drugs.seized","value":\#(value),"substance":"\#(g.pick(["heroin", "meth"]))"}}"#)
        default:
            out.append(#"{"id":"\#(id)","type":"tip.received","occurred":"\#(day)","unit":"\#(unit)","data":{"count":2,"channel":"hotline","valuable":true}}"#)
        }
    }
    return out
}

/// Appends `lines` as a file through `BatchReader` and `appendBatch`, with
/// or without the fast paths; returns the log's bytes and the problems.
private func appendFile(_ lines: [String], fast: Bool, onto start: [UInt8],
                        writeStageAfter: Int? = 4096) throws -> (log: [UInt8], problems: [String]) {
    let t = TestStore(copying: start)
    defer { t.cleanup() }
    let path = t.root + "/batch.jsonl"
    _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    let reader = BatchReader(fd: fd, bufferSize: 1 << 14, fastPath: fast, readAhead: fast)
    var problems: [String] = []
    do {
        if fast {
            // As the command does: whole blocks from the reading thread.
            _ = try t.store.appendBatch(nextBlock: { (block: inout [DraftInput]) throws(StoreError) in
                do throws(Errno) { try reader.next(block: &block) } catch { throw .io(error) }
            }, file: "batch.jsonl", defaultBy: "tester", fastPaths: fast, writeStageAfter: writeStageAfter)
        } else {
            _ = try t.store.appendBatch(next: { () throws(StoreError) -> DraftInput? in
                do throws(Errno) { return try reader.next() } catch { throw .io(error) }
            }, file: "batch.jsonl", defaultBy: "tester", fastPaths: fast, writeStageAfter: writeStageAfter)
        }
    } catch {
        guard case .rejected(let p, let total) = error else { throw error }
        problems = p.map { "\($0.line): \($0.errors)" } + ["total \(total)"]
    }
    return (t.logBytes, problems)
}

/// The log both appends start from (a copy each, so their clocks agree too).
private func startingLog() throws -> [UInt8] {
    let t = TestStore()
    defer { t.cleanup() }
    try t.append(setup)
    return t.logBytes
}

@Test func aBatchWithTheFastPathsWritesTheSameBytesAsWithout() throws {
    let lines = batchLines(count: 30_000, seed: 7)
    let start = try startingLog()
    let fast = try appendFile(lines, fast: true, onto: start)
    let general = try appendFile(lines, fast: false, onto: start)
    #expect(fast.problems.isEmpty, "\(fast.problems.prefix(5))")
    #expect(general.problems.isEmpty, "\(general.problems.prefix(5))")
    #expect(fast.log.count > 8 << 20, "the batch should span more than two 4 MiB write chunks")
    // Compared as one Bool: a failing #expect on two 8 MiB arrays would diff them for minutes.
    let same = fast.log == general.log
    #expect(same, "\(fast.log.count) vs \(general.log.count) bytes")
}

@Test func aBadBatchIsRefusedWithTheSameProblemsWithAndWithoutTheFastPaths() throws {
    var lines = batchLines(count: 3_000, seed: 11)
    // Bad lines the fast paths must hand to the general ones (or to the validator's general checks).
    lines[5] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":0}}"#
    lines[700] = #"{"type":"camera.removed","occurred":"2000-01-01","unit":"25747","data":{"count":1}}"#
    lines[701] = #"{"type":"tip.received","occurred":"2009-12-31","unit":"25750","data":{"channel":"club","valuable":false}}"#
    lines[1_500] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"Phu Cuong","by":" Lê ","data":{"count":1}}"#
    lines[2_000] = #"{"type":"tip.received","occurred":"2018-05-14","unit":"99999","data":{"channel":"club","valuable":false}}"#
    lines[2_500] = "{\"type\":\"arrest.made\",\"occurred\":\"2018-05-14\",\"unit\":\"25747\",\"data\":{\"count\":1}}\r"
    lines[2_600] = #"{"type":"indicator.recorded","occurred":"2018-05-14","unit":"25747","data":{"indicator":"drugs.seized","value":1.234,"substance":"heroin"}}"#
    lines[2_700] = #"{"type":"indicator.recorded","occurred":"2018-05-14","unit":"25747","data":{"indicator":"drugs.seized","value":1,"substance":"cocaine"}}"#
    let start = try startingLog()
    let fast = try appendFile(lines, fast: true, onto: start)
    let general = try appendFile(lines, fast: false, onto: start)
    #expect(fast.problems == general.problems)
    for line in [6, 701, 702, 2_001, 2_501, 2_601, 2_701] {
        #expect(fast.problems.contains { $0.hasPrefix("\(line): ") }, "line \(line) is named: \(fast.problems.prefix(10))")
    }
    #expect(fast.log == start)
    #expect(general.log == start)
}

/// What the general path makes of a draft: the envelope as given and the
/// data `RecordBuilder` builds from its fields. A fast draft must equal it.
private func sameAsGeneral(_ quick: EventDraft, _ general: EventDraft) -> Bool {
    var builder = RecordBuilder(mode: .input, vocabularies: nil)
    let data = general.data ?? builder.data(general.type, general.fields)
    let byHolds = !quick.byIsCanonical || general.by.flatMap { try? RecorderName.normalise($0) } == quick.by
    return quick.id == general.id && quick.type == general.type && quick.occurred == general.occurred
        && quick.unit == general.unit && quick.by == general.by && builder.problems.isEmpty && quick.data == data && byHolds
        // A key taken with the id is the id's key.
        && (quick.idKey == nil || quick.idKey == quick.id.flatMap(UUIDKey.init))
}

/// The batch line fast path, where it takes a line, reads it as the
/// general path does; where it declines, the general path reads it.
@Test func theBatchLineFastPathReadsEveryLineItTakesAsTheGeneralPathDoes() throws {
    var lines = batchLines(count: 2_000, seed: 5)
    lines[10] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":1},"data":{"count":2}}"#
    lines[11] = #"{ "type" : "arrest.made", "occurred":"2018-05-14","unit":"25747","data":{"count":"1"}}"#
    lines[12] = #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"channel":"đường dây nóng","count":2}}"#
    lines[13] = #"{"type":"tip.received","occurred":"2018-05-14","unit":"25747","data":{"valuable":true,"channel":"hotline","count":2}}"#
    lines[14] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":0}}"#
    lines[15] = #"{"type":"arrest.made","occurred":"2018-02-30","unit":"25747","data":{"count":1}}"#
    lines[16] = #"{"type":"award.granted","occurred":"2018-05-14","unit":"25747","data":{"recipient_kind":"individual","recipient":" Bùi An","issuer":"province","form":"medal"}}"#
    lines[17] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","by":"An\tB","data":{"count":1}}"#
    var taken = 0
    for (i, line) in lines.enumerated() {
        let bytes = Array(line.utf8)
        var fast = FastDraftReader()
        let general = Result { () throws(EventCodingError) in try DraftReader.read(bytes) }
        let quick = bytes.withUnsafeBytes { fast.read($0) }
        if let quick {
            taken += 1
            guard case .success(let g) = general else {
                Issue.record("line \(i + 1): the fast path took a line the general path refuses: \(line)")
                continue
            }
            #expect(sameAsGeneral(quick, g), "line \(i + 1): \(line)")
        }
        // Through the batch reader (which tries the fast path first) the outcome is the general one.
        let viaReader = bytes.withUnsafeBytes { b -> Result<EventDraft, EventCodingError>? in
            var f: FastDraftReader? = FastDraftReader()
            return BatchLines.draft(b, maxLineLength: BatchReader.maxLineLength, fast: &f)
        }
        switch (viaReader, general) {
        case (.success(let v)?, .success(let g)): #expect(v == g || sameAsGeneral(v, g), "line \(i + 1)")
        default: #expect(viaReader == general, "line \(i + 1)")
        }
    }
    #expect(taken > lines.count / 2, "the fast path took \(taken) of \(lines.count) common lines")
}

/// A line the fast path takes, changed in any one byte, is either taken
/// the same way the general path reads it, or left to the general path.
@Test func everyOneByteChangeOfATakenLineIsTakenAsTheGeneralPathReadsItOrDeclined() throws {
    let lines = batchLines(count: 60, seed: 9)
    let replacements: [UInt8] = [0x22, 0x5C, 0x2C, 0x7D, 0x00, 0x0A, 0x20, 0x30, 0x39, 0x61, 0x2D, 0x7B, 0xC3, 0xFF]
    var checked = 0
    for line in lines {
        let original = Array(line.utf8)
        var fast = FastDraftReader()
        guard original.withUnsafeBytes({ fast.read($0) }) != nil else { continue }
        for at in original.indices {
            for r in replacements where r != original[at] {
                var bytes = original
                bytes[at] = r
                let quick = bytes.withUnsafeBytes { fast.read($0) }
                guard let quick else { continue }
                checked += 1
                let general = Result { () throws(EventCodingError) in try DraftReader.read(bytes) }
                guard case .success(let g) = general else {
                    Issue.record("took a line the general path refuses: \(String(decoding: bytes, as: UTF8.self))")
                    continue
                }
                #expect(sameAsGeneral(quick, g), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
    #expect(checked > 100)
}

@Test func readingAheadGivesTheSameDraftsAsReadingInLineOneByOneOrInBlocks() throws {
    var lines = batchLines(count: 5_000, seed: 3)
    lines[300] = "{not json"
    lines[1_000] = ""
    lines[4_999] = String(repeating: "z", count: 3_000)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("antq-ahead-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(lines.joined(separator: "\n").utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    func read(ahead: Bool) throws -> [String] {
        let fd = try FileDescriptor.open(path, .readOnly)
        defer { try? fd.close() }
        let reader = BatchReader(fd: fd, bufferSize: 4096, maxLineLength: 2_000, readAhead: ahead)
        var out: [String] = []
        while let d = try reader.next() { out.append("\(d.line): \(d.draft)") }
        return out
    }
    /// Whole blocks (`next(block:)`), after `mixed` drafts taken one by one.
    func readBlocks(ahead: Bool, mixed: Int) throws -> [String] {
        let fd = try FileDescriptor.open(path, .readOnly)
        defer { try? fd.close() }
        let reader = BatchReader(fd: fd, bufferSize: 4096, maxLineLength: 2_000, readAhead: ahead)
        var out: [String] = []
        for _ in 0..<mixed { if let d = try reader.next() { out.append("\(d.line): \(d.draft)") } }
        var block: [DraftInput] = []
        while true {
            try reader.next(block: &block)
            if block.isEmpty { break }
            out += block.map { "\($0.line): \($0.draft)" }
        }
        return out
    }
    let inLine = try read(ahead: false)
    #expect(inLine.count == 4_999)
    #expect(inLine.contains { $0.hasPrefix("5000: ") && $0.contains("3000 bytes long") })
    #expect(try read(ahead: true) == inLine)
    for mixed in [0, 300, 1_000] {
        #expect(try readBlocks(ahead: true, mixed: mixed) == inLine, "blocks after \(mixed) single drafts")
        #expect(try readBlocks(ahead: false, mixed: mixed) == inLine, "in line, blocks after \(mixed) single drafts")
    }
    // A reader dropped mid-way stops its thread.
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    var reader: BatchReader? = BatchReader(fd: fd, bufferSize: 4096)
    for _ in 0..<600 { _ = try reader?.next() }
    reader = nil
}

// The write stage (encoding, chaining and writing on a second thread) must
// write the bytes writing in line writes, wherever it takes over, and
// amendments must find their targets wherever those are then: in the block
// being filled, in a block handed over but not yet in the file, or in the file.

@Test func aBatchThroughTheWriteStageWritesTheSameBytesAsWritingInLine() throws {
    let lines = batchLines(count: 30_000, seed: 19)
    let start = try startingLog()
    let inLine = try appendFile(lines, fast: true, onto: start, writeStageAfter: nil)
    #expect(inLine.problems.isEmpty, "\(inLine.problems.prefix(5))")
    #expect(inLine.log.count > 8 << 20, "the batch should span more than two 4 MiB write chunks")
    for after in [1, 777, 4096] {
        let staged = try appendFile(lines, fast: true, onto: start, writeStageAfter: after)
        #expect(staged.problems.isEmpty, "\(staged.problems.prefix(5))")
        let same = staged.log == inLine.log
        #expect(same, "stage after \(after) events: \(staged.log.count) vs \(inLine.log.count) bytes")
    }
}

@Test func aBadLineLongAfterTheWriteStageStartedLeavesTheLogByteIdentical() throws {
    var lines = batchLines(count: 30_000, seed: 23)
    // Past two write chunks: the stage has written lines of this batch to the file by then.
    lines[28_000] = #"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":0}}"#
    lines[29_000] = #"{"type":"tip.received","occurred":"2018-05-14","unit":"99999","data":{"channel":"club","valuable":false}}"#
    let start = try startingLog()
    let staged = try appendFile(lines, fast: true, onto: start, writeStageAfter: 100)
    let inLine = try appendFile(lines, fast: true, onto: start, writeStageAfter: nil)
    #expect(staged.problems == inLine.problems)
    // Later lines that depend on the refused one (the seqs after it shift) are refused too.
    #expect(staged.problems.first?.hasPrefix("28001: ") == true, "\(staged.problems.prefix(3))")
    #expect(staged.problems.contains { $0.hasPrefix("29001: ") }, "\(staged.problems.prefix(3))")
    let unchanged = staged.log == start
    #expect(unchanged, "\(staged.log.count) bytes, was \(start.count)")
}

/// Once the stage runs it draws the ids of lines that bring none (validation
/// leaves them empty): every event must still get its own canonical v4 id,
/// the held-back last one too, and amendments must find their targets.
@Test func theWriteStageGivesEveryEventWithoutAnIdItsOwnUUID() throws {
    let t = TestStore(copying: try startingLog())
    defer { t.cleanup() }
    let first = firstBatchSeq
    var lines: [String] = []
    for i in 0..<20_000 {
        if i % 97 == 96 {
            // Target the line just before, or one long before (an arrest, not a correction).
            let old = i / 2 % 97 == 96 ? i / 2 - 1 : i / 2
            lines.append(#"{"type":"event.corrected","occurred":"2019-01-01","data":{"target":\#(i % 2 == 0 ? i - 1 + first : old + first),"reason":"Sai","data":{"count":\#(100 + i)}}}"#)
        } else {
            lines.append(#"{"type":"arrest.made","occurred":"2018-05-14","unit":"25747","data":{"count":\#(i % 9 + 1)}}"#)
        }
    }
    let path = t.root + "/batch.jsonl"
    _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    let fd = try FileDescriptor.open(path, .readOnly)
    defer { try? fd.close() }
    let reader = BatchReader(fd: fd)
    let r = try t.store.appendBatch(nextBlock: { (block: inout [DraftInput]) throws(StoreError) in
        do throws(Errno) { try reader.next(block: &block) } catch { throw .io(error) }
    }, file: "batch.jsonl", defaultBy: "tester", writeStageAfter: 100)
    #expect(r.count == 20_000)
    let events = t.events()
    let batch = events.filter { $0.seq >= first }
    #expect(batch.count == 20_000)
    #expect(batch.allSatisfy { UUIDText.isCanonical($0.id) && Array($0.id.utf8)[14] == UInt8(ascii: "4") })
    #expect(Set(batch.map(\.id)).count == 20_000)
    #expect(r.last?.id == batch.last?.id && r.first?.id == batch.first?.id)
    let corrections = batch.filter { $0.type == .eventCorrected }
    #expect(corrections.count == 20_000 / 97)
    // Each correction carries what its target said then: the fold that
    // subtracts it agrees with the naive reference.
    #expect(corrections.allSatisfy { $0.data.correction?.was.type == .arrestMade })
    let replayed = try t.store.replay(useSnapshots: false, writeSnapshot: false)
    #expect(differencesFromReference(events, replayed.ledger, years: 2017...2019) == [])
    #expect(try t.store.verify().clean)
}
