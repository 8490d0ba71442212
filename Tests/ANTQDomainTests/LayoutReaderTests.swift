import SeededRandom
import Foundation
import Testing
import Hashing
import JSONCodec
import TextFormats
@testable import ANTQDomain

/// The replay reads lines in antq's own layout with `LayoutReader`
/// and everything else with the general decoder. The reader must take the
/// lines antq writes (or the replay is silently slow), and whatever it
/// takes must come out exactly as the general decoder reads it.
struct LayoutReaderTests {
    typealias Outcome = Result<Event, EventCodingError>

    static func reader(_ line: [UInt8]) -> (line: CheckedLine, more: Bool)? {
        var names = RecorderNames()
        var instants = LastInstant()
        return line.withUnsafeBytes { b in
            LayoutReader.read(b, names: &names, instants: &instants).map { ($0.checked(in: b), $0.more) }
        }
    }

    static func general(_ line: [UInt8]) -> Outcome {
        var d = EventDecoder()
        return line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try d.checkInFull(b).event(in: b) } }
    }

    static func checked(_ line: [UInt8]) -> Outcome {
        var d = EventDecoder()
        return line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try d.check(b).event(in: b) } }
    }

    static func event(_ r: (line: CheckedLine, more: Bool), in line: [UInt8]) -> Event {
        line.withUnsafeBytes { r.line.event(in: $0) }
    }

    /// Lines of a random log with a real chain, as antq writes them.
    static func lines(seed: UInt64, events: Int) -> [(Event, [UInt8])] {
        var prev = SHA256Digest.zero
        return RandomLog.make(seed: seed, events: events).events.map { e in
            var e = e
            e.prev = prev
            let line = EventEncoder.encode(e)
            prev = SHA256.hash(line)
            return (e, line)
        }
    }

    @Test func everyFrequentEventAntqWritesIsReadByTheLayoutAndAgreesWithTheGeneralDecoder() {
        var read = 0
        for (e, line) in Self.lines(seed: 0xCA11, events: 4_000) {
            let fast = Self.reader(line)
            let escaped = line.contains(0x5C)
            // Amendments of the frequent events are the reader's too; of unit events or figures, not.
            var amended: EventType?
            if case .corrected(let c) = e.data { amended = c.was?.type }
            if case .retracted(let r) = e.data { amended = r.was?.type }
            if LayoutReader.handles(e.type) && !escaped && amended.map(LayoutReader.handlesFact) != false {
                guard let fast else {
                    Issue.record("#\(e.seq) \(e.type.rawValue) fell back: \(String(decoding: line, as: UTF8.self))")
                    continue
                }
                read += 1
                #expect(Self.event(fast, in: line) == e, "#\(e.seq)")
                #expect(Self.general(line) == .success(e), "#\(e.seq)")
            } else {
                #expect(fast == nil, "#\(e.seq) \(e.type.rawValue) is not the reader's")
            }
            #expect(Self.checked(line) == .success(e), "#\(e.seq)")
        }
        #expect(read > 2_000)
    }

    @Test func flowNumbersForTheFoldAreThoseOfTheWholeLine() throws {
        var flows = 0
        for (e, line) in Self.lines(seed: 0xF10, events: 2_000) {
            var d = EventDecoder()
            let folded = try line.withUnsafeBytes { b throws(EventCodingError) in try d.checkForFold(b) }
            #expect(folded.seq == e.seq && folded.recorded == e.recorded)
            switch folded {
            case .flow(let f):
                flows += 1
                #expect(LedgerProjection.changesOnlyFlows(e.type))
                #expect(f.amount == e.data.flowAmount && f.unit == e.unit && f.occurred == e.occurred, "#\(e.seq)")
            case .line(let l):
                #expect(line.withUnsafeBytes { l.event(in: $0) } == e)
                #expect(!LedgerProjection.changesOnlyFlows(e.type) || line.contains(0x5C), "#\(e.seq) \(e.type.rawValue) came back whole")
            }
        }
        #expect(flows > 500)
    }

    /// One line of each shape the reader knows, with Vietnamese text, an
    /// optional field present and absent, and a batch's `more`.
    static let shapes: [EventData] = [
        .tipReceived(count: 3, channel: .hotline, valuable: true),
        .caseSolved(count: 12, category: .drugs, caseRef: "HS-2019-116054"),
        .arrestMade(count: 2, caseRef: nil, caughtInAct: false),
        .weaponSeized(kind: .firearm, quantity: 105, caseRef: "HS-7"),
        .awardGranted(Award(recipientKind: .collective, recipient: "Công an xã Tân Định", issuer: .provincial_police,
                            form: .certificate_of_merit, count: 1, reason: "Thành tích xuất sắc")),
        .cameraRemoved(count: 4),
        .modelEstablished(model: "74-m1", kind: .crime_prevention_club, name: "CLB Phú Cường", members: 25),
        .modelChanged(model: "74-m1", kind: nil, name: "Tổ tự quản", members: 0),
        .modelDissolved(model: "74-m1", reason: "Sáp nhập"),
        .corrected(Correction(target: 17, reason: "Nhập sai số lượng",
                              replacement: Fact(occurred: CivilDate(year: 2018, month: 2, day: 27)!, unit: "25747",
                                                data: .caseSolved(count: 2, category: .economic, caseRef: "HS-9")),
                              was: Fact(occurred: CivilDate(year: 2018, month: 2, day: 26)!, unit: "25747",
                                        data: .caseSolved(count: 1, category: .economic, caseRef: "HS-9")))),
        .retracted(Retraction(target: 18, reason: "Ghi trùng",
                              was: Fact(occurred: CivilDate(year: 2018, month: 2, day: 26)!, unit: "25748",
                                        data: .awardGranted(Award(recipientKind: .individual, recipient: "Lê Văn Tám", issuer: .district,
                                                                  form: .badge, count: 1, reason: nil))))),
        .unitRegistered(name: "Phường Phú Cường", kind: .ward, parent: "718"),
        .unitRegistered(name: "Bình Dương", kind: .province, parent: nil),
        .unitChanged(name: nil, kind: .ward, parent: .some(nil)),
        .unitChanged(name: "Thủ Dầu Một", kind: nil, parent: .some("74")),
        .unitMerged(into: "25741"),
        .retracted(Retraction(target: 19, reason: "Ghi trùng",
                              was: Fact(occurred: CivilDate(year: 2018, month: 2, day: 26)!, unit: "25749",
                                        data: .unitChanged(name: "Tân An", kind: nil, parent: nil)))),
        .logCreated(LogCreated(logID: "0b9c2a34-3e6f-4d5e-8f7a-1c2d3e4f5a6b", periodStart: MonthDay(month: 12, day: 15))),
        .logCreated(LogCreated(logID: "x-1", keyID: "khóa-2025")),
    ]

    static func shapeLines() -> [[UInt8]] {
        shapes.enumerated().map { i, data in
            EventEncoder.encode(Event(seq: 1_000 + i, id: "0b9c2a34-3e6f-4d5e-8f7a-1c2d3e4f5a6b", occurred: CivilDate(year: 2018, month: 3, day: 1)!,
                                      recorded: UTCInstant(microsecondsSinceEpoch: 1_520_000_000_123_456),
                                      unit: data.type == .logCreated ? nil : "25747", by: "Nguyễn Thị Ánh",
                                      data: data, prev: SHA256.hash([UInt8(i)]), more: i % 2 == 0))
        }
    }

    @Test func everyOneByteChangeOfALineIsReadAlikeByBothPaths() {
        let replacements: [UInt8] = [0x00, 0x09, 0x20, 0x22, 0x2C, 0x2D, 0x2E, 0x30, 0x31, 0x39, 0x3A, 0x41, 0x5C, 0x5D, 0x61, 0x66,
                                     0x67, 0x7B, 0x7D, 0x7F, 0x80, 0xA0, 0xC2, 0xC3, 0xE1, 0xFF]
        var mutants = 0, readByLayout = 0
        for line in Self.shapeLines() {
            #expect(Self.reader(line) != nil, "\(String(decoding: line, as: UTF8.self))")
            for i in line.indices {
                var variants: [[UInt8]] = replacements.filter { $0 != line[i] }.map { b in
                    var m = line
                    m[i] = b
                    return m
                }
                var deleted = line
                deleted.remove(at: i)
                var doubled = line
                doubled.insert(line[i], at: i)
                variants += [deleted, doubled]
                for m in variants {
                    mutants += 1
                    let general = Self.general(m)
                    if let fast = Self.reader(m) {
                        readByLayout += 1
                        #expect(general == .success(Self.event(fast, in: m)), "\(String(decoding: m, as: UTF8.self))")
                    }
                    // Whichever path reads it, the decoder's answer (and error message) is the general one.
                    #expect(Self.checked(m) == general, "\(String(decoding: m, as: UTF8.self))")
                }
            }
        }
        // Changed digits, hex and letters inside values are still in the layout.
        #expect(mutants > 50_000 && readByLayout > 1_000)
    }

    /// A snapshot stores facts with the log's encoder; the layout reader
    /// reads them, and any one-byte change reads as the general decoder
    /// reads it (or goes to it).
    @Test func storedFactsAreReadByTheLayoutAndAgreeWithTheGeneralDecoder() throws {
        func general(_ bytes: [UInt8]) -> Fact? {
            bytes.withUnsafeBytes { b in
                var s = JSONScanner(b)
                guard let fields = try? DataField.readObject(&s, path: "fact"), (try? s.expectEnd()) != nil else { return nil }
                return try? DataDecoder.decodeFact(fields, path: "fact", mode: .stored)
            }
        }
        var facts = Self.shapes.filter { LayoutReader.handlesFact($0.type) }.map {
            Fact(occurred: CivilDate(year: 2019, month: 7, day: 4)!, unit: "25747", data: $0)
        }
        facts.append(Fact(occurred: CivilDate(year: 2013, month: 1, day: 1)!, unit: nil, data: .unitMerged(into: "741")))
        var readByLayout = 0
        for fact in facts {
            var w = JSONWriter(reserving: 256)
            EventEncoder.writeFact(fact, &w)
            let bytes = w.bytes
            #expect(bytes.withUnsafeBytes { LayoutReader.fact($0) } == fact, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(general(bytes) == fact)
            for i in bytes.indices {
                for b: UInt8 in [0x20, 0x22, 0x30, 0x39, 0x5C, 0x61, 0x7D, 0xC3, 0xFF] where b != bytes[i] {
                    var m = bytes
                    m[i] = b
                    if let fast = m.withUnsafeBytes({ LayoutReader.fact($0) }) {
                        readByLayout += 1
                        #expect(general(m) == fast, "\(String(decoding: m, as: UTF8.self))")
                    }
                }
            }
        }
        #expect(readByLayout > 100)
    }

    @Test func aDecoderReusesARepeatedInstantOnlyForTheSameBytes() throws {
        // One decoder over lines whose `recorded` repeats, changes, or is spoiled
        // in one byte: each line reads as a fresh decoder reads it alone.
        var lines = Self.shapeLines()
        for (n, (offset, byte)) in [(18, UInt8(ascii: "7")), (12, UInt8(ascii: "9")), (5, UInt8(ascii: "x"))].enumerated() {
            var changed = lines[2 * n]
            let text = String(decoding: changed, as: UTF8.self)
            let at = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "\"recorded\":\"")!.upperBound)
            changed[at + offset] = byte
            lines.insert(changed, at: 2 * n + 1)
        }
        var d = EventDecoder()
        for line in lines + lines.reversed() {
            let shared = line.withUnsafeBytes { b in Result { () throws(EventCodingError) in try d.check(b).event(in: b) } }
            #expect(shared == Self.general(line), "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func uuidCheckAgreesWithAByteByByteReferenceOnEveryOneByteChange() {
        func reference(_ u: [UInt8]) -> Bool {
            u.count == 36 && u.indices.allSatisfy { i in
                [8, 13, 18, 23].contains(i) ? u[i] == 0x2D : (0x30...0x39).contains(u[i]) || (0x61...0x66).contains(u[i])
            }
        }
        let good = Array("0b9c2a34-3e6f-4d5e-8f7a-1c2d3e4f5a6b".utf8)
        #expect(good.withUnsafeBufferPointer { UUIDText.isCanonical($0) })
        var disagreements = 0
        for i in good.indices {
            for b in 0...255 {
                var m = good
                m[i] = UInt8(b)
                if m.withUnsafeBufferPointer({ UUIDText.isCanonical($0) }) != reference(m) { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
    }

    @Test func quickTextCheckIsNeverWrongAndSureOfVietnamese() {
        var rng = SplitMix64(seed: 0x7E47)
        let pieces = ["a", "Z", "9", " ", "-", "\u{00A0}", "\u{2003}", "\u{200B}", "\t", "\u{1}", "\u{7F}", "\u{85}", "ă", "Đ", "ơ",
                      "ệ", "ữ", "ỳ", "e\u{0301}", "\u{0301}", "ǣ", "ẛ", "中", "😀", "ǅ", "ß", "\u{1E9E}", "ạ", "Ạ"]
        var sure = 0
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let quick = Array(s.utf8).withUnsafeBufferPointer { FastDataDecoder.quickCanonical($0) }
            if let quick {
                sure += 1
                #expect(quick == EventDecoder.isCanonicalText(s), "\(s.unicodeScalars.map(\.value))")
            }
        }
        #expect(sure > 1_000)
        for name in ["Nguyễn Văn Bình", "Công an xã Tân Định", "Đội xung kích", "HS-2019-116054", "Ấp Bưng Cầu"] {
            #expect(Array(name.utf8).withUnsafeBufferPointer { FastDataDecoder.quickCanonical($0) } == true, "\(name)")
        }
    }

    /// `number` reads up to seven digits eight bytes at a time and longer
    /// ones digit by digit: either way it must take exactly the whole
    /// numbers `JSONWriter` writes (no sign, no leading zero) within the
    /// bounds, stop at the first byte that is not a digit, and refuse the rest.
    @Test func numbersAreReadAsADigitByDigitReadingReadsThem() {
        func reference(_ bytes: [UInt8], min: Int64, max: Int64) -> (Int, Int)? {
            let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty, digits.count <= 18, digits.count == 1 || digits.first != 0x30 else { return nil }
            if digits.count == 18, bytes.count > 18, bytes[18] >= 0x30 && bytes[18] <= 0x39 { return nil }
            let v = digits.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
            guard v >= min, v <= max else { return nil }
            return (Int(v), digits.count)
        }
        var rng = SplitMix64(seed: 77)
        let afters: [UInt8] = [0x2C, 0x5D, 0x7D, 0x22, 0x2E, 0x65, 0x2F, 0x3A, 0x00, 0x80, 0xFF, 0xCA, 0xD0, 0x39, 0x30]
        for _ in 0..<60_000 {
            let length = rng.below(21)
            var bytes = (0..<length).map { _ in UInt8(0x30 + rng.below(10)) }
            if rng.below(100) < 30, !bytes.isEmpty { bytes[0] = 0x31 + UInt8(rng.below(9)) }
            if rng.below(100) < 5, !bytes.isEmpty { bytes[rng.below(bytes.count)] = afters[rng.below(afters.count)] }
            // Then nothing (the buffer ends), or other bytes, up to 9 of them.
            bytes += (0..<rng.below(10)).map { _ in afters[rng.below(afters.count)] }
            let bounds: [(Int64, Int64)] = [(0, 999_999_999_999_999_999), (1, 9_999_999), (0, Int64(rng.below(100_000))), (5, 5)]
            for (lo, hi) in bounds {
                let want = reference(bytes, min: lo, max: hi)
                let got: (Int, Int)? = bytes.withUnsafeBytes { b in
                    guard b.count > 0 else { return nil }
                    var r = LayoutReader(b)
                    let start = r.p
                    return r.number(min: lo, max: hi).map { ($0, r.p - start) }
                }
                #expect(got?.0 == want?.0 && got?.1 == want?.1, "\(String(decoding: bytes, as: UTF8.self)) in \(lo)...\(hi)")
            }
        }
    }
}
