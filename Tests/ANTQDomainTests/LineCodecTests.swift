import ANTQCodec
import ANTQDomain
import ANTQTestSupport
import Foundation
import Hashing
import SeededRandom
import Testing
import TextFormats

/// The bundled demonstration log, one array of bytes per line (without newline).
private let bundledLines: [[UInt8]] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bytes = [UInt8](try! Data(contentsOf: root.appendingPathComponent("events/log.jsonl")))
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
}()

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// (a) Every stored line of the bundled log, read and written again, is the
/// same bytes: the writer is the canonical form, so the hash chain holds.
@Test func everyLineOfTheBundledLogReEncodesByteIdentically() throws {
    #expect(bundledLines.count > 10_000)
    var reader = LineReader()
    var differ: [String] = [], refused: [String] = [], noted: [String] = []
    for (i, line) in bundledLines.enumerated() {
        do {
            let stored = try line.withUnsafeBytes { try reader.read($0) }
            let again = LineWriter.encode(stored)
            if again != line, differ.count < 5 { differ.append("line \(i + 1):\n  \(text(line))\n  \(text(again))") }
            if !stored.notes.isEmpty, noted.count < 5 { noted.append("line \(i + 1): \(stored.notes)") }
        } catch {
            if refused.count < 5 { refused.append("line \(i + 1): \(error)") }
        }
    }
    #expect(refused.isEmpty, "\(refused.joined(separator: "\n"))")
    #expect(differ.isEmpty, "\(differ.joined(separator: "\n"))")
    #expect(noted.isEmpty, "antq wrote a text it would not write today: \(noted.joined(separator: "\n"))")
}

@Test func theGeneralReaderReadsEveryBundledLineAsTheReaderDoes() throws {
    var reader = LineReader()
    for (i, line) in bundledLines.enumerated() where i % 7 == 0 {
        let a = try line.withUnsafeBytes { try reader.read($0) }
        let b = try line.withUnsafeBytes { try LineReader.readInFull($0) }
        #expect(a == b, "line \(i + 1)")
        if a != b { return }
    }
}

@Test func theBundledLogsLinesAreChainedAndNumberedInOrder() throws {
    var previous: [UInt8]?
    for (i, line) in bundledLines.enumerated() {
        let stored = try LineReader.read(line)
        #expect(stored.event.seq == i + 1)
        #expect(stored.prev == (previous.map { SHA256.hash($0) } ?? .zero), "line \(i + 1)")
        if stored.event.seq != i + 1 { return }
        previous = line
    }
}

/// (a) Random events of every type, declarations included, written and read back.
@Test(arguments: [UInt64(61), 62, 63])
func randomEventsRoundTripThroughTheirStoredLine(seed: UInt64) throws {
    let g = RandomLog.make(seed: seed, events: 600, declarations: true)
    #expect(g.events.contains { $0.type == .indicatorRecorded && !$0.data.declared.isEmpty })
    #expect(g.events.contains { $0.data.correction?.was.type == .indicatorRecorded })
    var rng = SplitMix64(seed: seed)
    var failures = 0
    for e in g.events {
        let prev = SHA256.hash(Array(String(rng.next()).utf8))
        let more = rng.chance(0.5)
        let line = LineWriter.encode(e, prev: prev, more: more)
        let stored = try LineReader.read(line)
        let ok = stored.event == e && stored.prev == prev && stored.more == more && stored.notes.isEmpty && LineWriter.encode(stored) == line
        #expect(ok, "seq \(e.seq) \(e.type.rawValue): \(text(line))\nread back as \(stored.event)")
        if !ok { failures += 1; if failures > 3 { return } }
        let general = try line.withUnsafeBytes { try LineReader.readInFull($0) }
        #expect(general == stored, "seq \(e.seq)")
    }
}

@Test func textsWithQuotesBackslashesAndVietnameseRoundTrip() throws {
    var b = binhDuong()
    let e = try b.add(#"{"type":"award.granted","occurred":"2018-12-20","unit":"721","by":"  Lê Thị Hoà\t","data":{"recipient_kind":"collective","recipient":"CLB \"An Điền\", Bến Cát \\ Tổ 1 — ✓","issuer":"district","form":"certificate_of_commendation","count":191,"reason":"Thành tích xuất sắc năm 2018"}}"#)
    #expect(e.by == "Lê Thị Hoà")
    #expect(e.data.text(AwardGranted.recipient) == "CLB \"An Điền\", Bến Cát \\ Tổ 1 — ✓")
    let line = LineWriter.encode(e)
    let stored = try readBack(e)
    #expect(stored.event == e)
    #expect(LineWriter.encode(stored) == line)
    // Data fields are written in their declaration's order, whatever order they came in.
    let json = text(line)
    let order = ["recipient_kind", "recipient", "issuer", "form", "count", "reason"].map { json.range(of: "\"\($0)\":")!.lowerBound }
    #expect(order == order.sorted())
}

@Test func aDeclaredQuantityKeepsItsDigitsOnTheLine() throws {
    var b = binhDuong()
    try b.add(#"{"type":"indicator.defined","occurred":"2018-01-01","unit":"74","data":{"indicator":"drugs.seized","label":{"vi":"Ma túy thu giữ","en":"Drugs seized"},"measure":"quantity","unit_of_measure":"kg","decimals":3,"aggregate":"flow","dimensions":[{"name":"substance","values":[{"value":"heroin","label":{"vi":"Heroin"}}]}]}}"#)
    let e = try b.add(#"{"type":"indicator.recorded","occurred":"2018-03-02","unit":"25747","data":{"substance":"heroin","value":1.40,"indicator":"drugs.seized"}}"#)
    let json = text(LineWriter.encode(e))
    #expect(json.contains(#""data":{"indicator":"drugs.seized","value":1.40,"substance":"heroin"}"#), "\(json)")
    #expect(try readBack(e).event == e)
}

@Test func storedLinesAreReadStrictly() {
    let good = text(bundledLines[1])
    func refused(_ line: String, field: String?, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try LineReader.read(Array(line.utf8))
            Issue.record("accepted: \(line)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message(vietnamese: false).contains(words), "\(error)", sourceLocation: sourceLocation)
        }
    }
    #expect((try? LineReader.read(Array(good.utf8))) != nil)
    refused(good.replacing("\"more\":true", with: "\"more\":false"), field: "more", "may only be true")
    refused(good.replacing("\"kind\":\"province\"", with: "\"kind\":\"tỉnh\""), field: "data.kind", "is not a code")
    refused(good.replacing("\"parent\":null", with: "\"parent\":null,\"colour\":\"red\""), field: "data.colour", "is not a field of unit.registered")
    refused(good.replacing("\"seq\":2", with: "\"seq\":\"2\""), field: "seq", "must be a whole number")
    refused(good.replacing("\"unit\":\"74\",", with: ""), field: "unit", "is missing")
    refused(good.replacing("\"by\":", with: "\"colour\":1,\"by\":"), field: "colour", "is not an envelope field")
}

@Test(arguments: [UInt64(64), 65])
func aSnapshotLoadsAsTheLedgerItWasWrittenFrom(seed: UInt64) throws {
    let g = RandomLog.make(seed: seed, events: 500, declarations: true)
    let loaded = try snapshotRoundTrip(g.ledger)
    #expect(loaded == g.ledger)
    #expect(figureDifferences(loaded, g.ledger) == [])
}
