import Foundation
import Testing
import TextFormats
@testable import ANTQDomain

@Test(arguments: [UInt64(21), 22, 23, 24, 25, 26])
func aLedgerSurvivesEncodeAndDecode(seed: UInt64) throws {
    var g = RandomLog(seed: seed)
    // At several points of a growing log, not only at its end.
    for size in [1, 30, 150, 400] {
        while g.events.count < size { g.batch() }
        let l = size == 1 ? fold(Array(g.events.prefix(1))) : g.ledger
        let bytes = LedgerCodec.encode(l)
        let back = try LedgerCodec.decode(bytes)
        #expect(back == l, "seed \(seed) after \(g.events.count) events")
        let again = LedgerCodec.encode(back)
        #expect(again == bytes, "re-encoding differs: \(firstDifference(again, bytes))")
    }
}

@Test func anEmptyLedgerSurvivesEncodeAndDecode() throws {
    #expect(try LedgerCodec.decode(LedgerCodec.encode(Ledger())) == Ledger())
}

@Test func inconsistentSnapshotContentIsRefused() {
    let l = RandomLog.make(seed: 3, events: 100).ledger
    let text = String(decoding: LedgerCodec.encode(l), as: UTF8.self)
    for broken in [String(text.dropLast()), text.replacingOccurrences(of: "\"last_seq\":", with: "\"last_sequence\":"),
                   text.replacingOccurrences(of: "\"type\":\"unit.registered\"", with: "\"type\":\"unit.registred\"")] {
        #expect(throws: (any Error).self) { try LedgerCodec.decode(Array(broken.utf8)) }
    }
}

/// Where two encodings part, with some context, for a readable failure.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let n = min(a.count, b.count)
    let i = (0..<n).first { a[$0] != b[$0] } ?? n
    let lo = max(0, i - 60)
    let x = String(decoding: a[lo..<min(a.count, i + 60)], as: UTF8.self)
    let y = String(decoding: b[lo..<min(b.count, i + 60)], as: UTF8.self)
    return "at byte \(i): \(x) | \(y)"
}

/// A snapshot's models pieces are read by the layout reader; it must give
/// the registry the general scanner gives, take every piece antq writes,
/// and read a changed byte alike or leave the piece to the scanner.
@Test(arguments: [UInt64(31), 32, 33])
func modelsPiecesReadByTheLayoutAreThoseTheScannerReads(seed: UInt64) throws {
    let l = RandomLog.make(seed: seed, events: 600).ledger
    #expect(l.models.recordCount > 0 && !l.models.cameras.isEmpty, "the log has models and cameras")
    var joined = ModelRegistry()
    for job in LedgerCodec.pieceEncoders(l) where job.section == .models {
        let bytes = job.encode()
        let fast = try #require(bytes.withUnsafeBytes { LayoutReader.modelsPiece($0) }, "piece \(job.piece) fell back")
        var general = Ledger()
        try LedgerCodec.decodeWithScanner(bytes, into: &general)
        #expect(fast == general.models, "piece \(job.piece)")
        var viaDecode = Ledger()
        try LedgerCodec.decode(bytes, into: &viaDecode)
        #expect(viaDecode.models == fast)
        var whole = Ledger()
        whole.models = joined
        whole.absorb(viaDecode, section: .models)
        joined = whole.models
    }
    #expect(joined == l.models, "the pieces join into the registry they were written from")
}

@Test func everyOneByteChangeOfAModelsPieceReadsAsTheScannerReadsIt() throws {
    let l = RandomLog.make(seed: 34, events: 160).ledger
    let piece = try #require(LedgerCodec.pieceEncoders(l).last { $0.section == .models }).encode()
    #expect(piece.withUnsafeBytes { LayoutReader.modelsPiece($0) } != nil)
    var readByLayout = 0
    for i in piece.indices {
        for b: UInt8 in [0x20, 0x22, 0x2C, 0x2D, 0x30, 0x39, 0x5B, 0x5C, 0x5D, 0x6E, 0x7D, 0xC3, 0xFF] where b != piece[i] {
            var m = piece
            m[i] = b
            guard let fast = m.withUnsafeBytes({ LayoutReader.modelsPiece($0) }) else { continue }
            readByLayout += 1
            var general = Ledger()
            #expect(throws: Never.self, "\(String(decoding: m, as: UTF8.self))") { try LedgerCodec.decodeWithScanner(m, into: &general) }
            #expect(general.models == fast, "\(String(decoding: m, as: UTF8.self))")
        }
    }
    #expect(readByLayout > 50)
}

/// Names repeat across a real log's models; the layout reader shares one
/// string per distinct name, and must still read what the scanner reads.
@Test func modelsWithRepeatedNamesReadAlikeByTheLayoutAndTheScanner() throws {
    var l = Ledger()
    let day = CivilDate(year: 2020, month: 3, day: 1)!
    for i in 0..<300 {
        let name = "Câu lạc bộ phòng, chống tội phạm khu phố \(i % 7)"
        let id = "m\(i)"
        l.models.add(Fact(occurred: day, unit: "29000", data: .modelEstablished(model: id, kind: .crime_prevention_club, name: name, members: i)), seq: 10 + i)
        if i % 3 == 0 {
            l.models.add(Fact(occurred: day.adding(days: i), unit: "29000", data: .modelChanged(model: id, kind: nil, name: "Tổ \(i % 5)", members: nil)), seq: 1000 + i)
        }
        if i % 4 == 0 {
            l.models.add(Fact(occurred: day.adding(days: 400), unit: "29000", data: .modelDissolved(model: id, reason: i % 8 == 0 ? "Sáp nhập" : nil)), seq: 2000 + i)
        }
    }
    for job in LedgerCodec.pieceEncoders(l) where job.section == .models {
        let bytes = job.encode()
        let fast = try #require(bytes.withUnsafeBytes { LayoutReader.modelsPiece($0) })
        var general = Ledger()
        try LedgerCodec.decodeWithScanner(bytes, into: &general)
        #expect(fast == general.models)
        #expect(fast.recordCount > 100)
    }
}

/// The layout reader reuses a unit's `String` while the same unit repeats,
/// and gathers a unit's camera rows before making its table. Units whose
/// runs break and resume, units that share a prefix, and a day given twice
/// must still read as the scanner reads them; so must a model whose rows
/// are out of order (the reader folds rows as it reads them).
@Test func modelsAndCameraRowsOfUnitsInBrokenRunsReadAsTheScannerReadsThem() throws {
    let piece = Array(#"""
    {"model_count":6,"models":[\#
    {"id":"a","unit":"29000","rows":[[1,18000,"e","shock_team","Tổ 1",3]]},\#
    {"id":"b","unit":"2900","rows":[[2,18001,"e","shock_team","Tổ 1",4]]},\#
    {"id":"c","unit":"29000","rows":[[3,18002,"e","landlord_club","CLB",5],[9,18010,"d",null]]},\#
    {"id":"d","unit":"","rows":[[4,18003,"e","shock_team","Tổ 2",6]]},\#
    {"id":"e","unit":"29001","rows":[[5,18004,"e","shock_team","Tổ 2",6]]},\#
    {"id":"f","unit":"29001","rows":[[8,18030,"c",null,null,9],[7,18020,"d",null],[6,18010,"e","shock_team","Tổ 3",2]]}],\#
    "cameras":[["29000",18000,2],["29001",18000,5],["29000",18005,3],["2900",18000,7],["29000",18009,-1],["29000",18000,4],["",18001,1]]}
    """#.utf8)
    let fast = try #require(piece.withUnsafeBytes { LayoutReader.modelsPiece($0) })
    var general = Ledger()
    try LedgerCodec.decodeWithScanner(piece, into: &general)
    #expect(fast == general.models)
    #expect(Dictionary(uniqueKeysWithValues: fast.allRecords.map { ($0.id, $0.unit) }) == ["a": "29000", "b": "2900", "c": "29000", "d": "", "e": "29001", "f": "29001"])
    // Rows out of order are put in order, and the model's final state is that of its last day.
    #expect(fast.record("f")?.entries.map(\.seq) == [6, 7, 8])
    #expect(fast.view("f") == ModelRegistry.View(id: "f", unit: "29001", kind: .shock_team, name: "Tổ 3", members: 9, active: false,
                                                  established: CivilDate(dayNumber: 18010)))
    var standing = 0
    fast.forEachStanding(on: CivilDate(dayNumber: 18040)) { _, _, _ in standing += 1 }
    #expect(standing == 4, "a, b, d, e: c and f are dissolved")
    #expect(fast.cameras == ["29000": [18000: 4, 18005: 3, 18009: -1], "29001": [18000: 5], "2900": [18000: 7], "": [18001: 1]])
}

/// A day number outside years 1...9999 in a model row or a camera row is
/// refused as undecodable (the store then falls back to a replay), not a
/// crash; the first and last days of the calendar are read.
@Test func aModelOrCameraRowWithADayOutsideTheCalendarIsRefused() throws {
    let lo = CivilDate.dayNumbers.lowerBound, hi = CivilDate.dayNumbers.upperBound
    #expect(CivilDate(dayNumber: lo).iso == "0001-01-01" && CivilDate(dayNumber: hi).iso == "9999-12-31")
    func piece(modelDay: Int, cameraDay: Int) -> [UInt8] {
        Array(#"{"model_count":1,"models":[{"id":"m1","unit":"29000","rows":[[5,\#(modelDay),"e","shock_team","Tổ 1",3]]}],"cameras":[["29000",\#(cameraDay),2]]}"#.utf8)
    }
    func read(_ bytes: [UInt8]) throws -> ModelRegistry {
        var l = Ledger()
        try LedgerCodec.decode(bytes, into: &l)
        return l.models
    }
    for day in [lo, hi] {
        let good = piece(modelDay: day, cameraDay: day)
        #expect(good.withUnsafeBytes { LayoutReader.modelsPiece($0) } != nil)
        var general = Ledger()
        try LedgerCodec.decodeWithScanner(good, into: &general)
        #expect(general.models.record("m1")?.entries.first?.occurred == CivilDate(dayNumber: day))
        #expect(general.models.cameraCount("29000") == 2)
    }
    for bad in [lo - 1, hi + 1, 99_999_999, Int(Int32.max) + 1] {
        for broken in [piece(modelDay: bad, cameraDay: 0), piece(modelDay: 0, cameraDay: bad)] {
            #expect(broken.withUnsafeBytes { LayoutReader.modelsPiece($0) } == nil)
            #expect(throws: LedgerCodec.DecodeError.self) { try read(broken) }
        }
    }
}

/// Flow rows are added a row at a time: a row of zeros is no row, a key
/// given twice is summed, and a row that sums to zeros goes away.
@Test func flowRowsOfASnapshotAreSummedAndZeroRowsDropped() throws {
    func flows(_ rows: String) throws -> FlowTable {
        var l = Ledger()
        try LedgerCodec.decode(Array(#"{"flows":[\#(rows)]}"#.utf8), into: &l)
        return l.flows
    }
    let n = Metric.flowCount
    func row(_ unit: String, _ year: Int, _ values: [Int]) -> String {
        "[\"\(unit)\",\(year),[\((values + Array(repeating: 0, count: n - values.count)).map(String.init).joined(separator: ","))]]"
    }
    #expect(try flows(row("29000", 2020, [])).rows.isEmpty)
    let twice = try flows([row("29000", 2020, [1, 2]), row("29000", 2020, [3])].joined(separator: ","))
    #expect(twice.row(unit: "29000", year: 2020)?.prefix(2) == [4, 2])
    let cancelled = try flows([row("29000", 2020, [1, 2]), row("29000", 2020, [-1, -2]), row("29003", 2021, [5])].joined(separator: ","))
    #expect(cancelled.row(unit: "29000", year: 2020) == nil)
    #expect(cancelled.rows.count == 1)
    for bad in ["[\"29000\",2020,[1]]", row("29000", 2020, []).replacingOccurrences(of: "]]", with: ",0]]"), "[\"29000\",2020]"] {
        #expect(throws: LedgerCodec.DecodeError.self, "\(bad)") { try flows(bad) }
    }
}

/// Corrections are `[target, correction, …]` (at least one correction) and
/// retractions `[target, retraction]`; anything else is refused.
@Test func malformedAmendmentRowsOfASnapshotAreRefused() throws {
    func amendments(_ json: String) throws -> AmendmentIndex {
        var l = Ledger()
        try LedgerCodec.decode(Array(json.utf8), into: &l)
        return l.amendments
    }
    let good = try amendments(#"{"corrections":[[7,9,12]],"retractions":[[8,10]]}"#)
    #expect(good.corrections[7] == [9, 12] && good.retractions[8] == 10)
    for bad in [#"{"corrections":[[7]]}"#, #"{"corrections":[[]]}"#, #"{"corrections":[[7,null]]}"#,
                #"{"retractions":[[8]]}"#, #"{"retractions":[[8,10,11]]}"#, #"{"retractions":[[]]}"#] {
        #expect(throws: LedgerCodec.DecodeError.self, "\(bad)") { try amendments(bad) }
    }
}
