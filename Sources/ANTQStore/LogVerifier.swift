import ANTQDomain
import Decimals
import Dispatch
import EventLog
import Hashing
import SystemCalls
import TextFormats

/// The result of `antq verify`: every problem found, by line.
public struct VerifyReport: Sendable {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        /// What is wrong with the line, in both languages.
        public var text: Text
        /// In English (tools, tests).
        public var message: String { text.en }

        public init(line: Int, text: Text) {
            self.line = line
            self.text = text
        }
    }

    public struct AssertionCheck: Sendable, Equatable {
        public var seq: Int
        public var metric: String
        public var period: Period
        public var unit: String
        public var expected: ExactDecimal
        /// Nil for a ratio without a value, or a figure the log does not know.
        public var actual: ExactDecimal?
        public var recorded: UTCInstant
        public var passed: Bool { expected == actual }
    }

    public var problems: [Problem] = []
    public var warnings: [Text] = []
    public var lines = 0
    public var fingerprint: Fingerprint = Fingerprint(seq: 0, hash: .zero)
    public var assertions: [AssertionCheck] = []
    /// Result of `--fingerprint`, if one was given.
    public var fingerprintMatches: Bool?
    /// When `--fingerprint` does not hold although line SEQ still has its
    /// hash: the first line before it that was changed.
    public var fingerprintBreak: Int?
    public var keyed = false

    public var clean: Bool { problems.isEmpty && fingerprintMatches != false && assertions.allSatisfy(\.passed) }
}

extension DataStore {
    /// Checks every committed line: strict JSON, catalogue, contiguous seq,
    /// the hash chain (HMAC in keyed mode), `recorded` never decreasing, and
    /// each `figure.asserted` against the log as of its own `recorded` instant.
    public func verify(fingerprint expected: Fingerprint? = nil, maxProblems: Int = 1000) throws(StoreError) -> VerifyReport {
        let fd: FileDescriptor
        do { fd = try FileDescriptor.open(layout.logPath, .readOnly) } catch { throw .io(error) }
        defer { try? fd.close() }
        let size: Int64
        do { size = try fd.size() } catch { throw .io(error) }
        // The key: required when the log says it is keyed.
        var keyed = false
        var foldStart = MonthDay.january1
        if let h = try? header() {
            try checkKey(against: h, required: true)
            if let c = h.data.logCreated {
                keyed = c.keyID != nil
                foldStart = c.periodStart
            }
        }
        var checks = InOrderChecks(keyed: keyed, chainKey: keyed ? chainKey : .plain, expected: expected, maxProblems: maxProblems)
        let fold = ParallelFold(decoder: decoding, projection: LedgerProjection(), start: foldStart, mode: .verify(keyed ? chainKey : .plain))
        var timing = (decode: UInt64(0), fold: UInt64(0))
        defer {
            if Profiling.isOn {
                note("profile: decode and hash \(timing.decode / 1_000_000) ms, checks and fold \(timing.fold / 1_000_000) ms")
            }
        }
        var processedEnd: Int64 = 0
        let stage = CheckStage(checks)
        do {
            try ChunkStream(chunkSize: replayBlockSize).forEachChunk(in: fd, to: size) { chunk -> Int? in
                let t0 = DispatchTime.now().uptimeNanoseconds
                let parts = fold.fold(chunk.bytes)
                let t1 = DispatchTime.now().uptimeNanoseconds
                defer { timing.decode += t1 - t0; timing.fold += DispatchTime.now().uptimeNanoseconds - t1 }
                stage.hand(parts, firstLine: chunk.firstLine, block: chunk.bytes, fold: fold)
                processedEnd = chunk.offset + Int64(chunk.bytes.count)
                return parts.reduce(0) { $0 + $1.records.count }
            }
            stage.finish()
            if size > processedEnd {
                let torn = size - processedEnd
                stage.checks.report.warnings.append(Text("\(layout.logDisplayName): \(torn) byte sau dấu xuống dòng cuối (một dòng dở do lần ghi bị ngắt); không thuộc sổ",
                                                         "\(layout.logDisplayName): \(torn) bytes after the last newline (a torn line from an interrupted append); not part of the log"))
            }
        } catch let e as LineStream.StreamError {
            stage.finish()
            switch e {
            case .io(let err): throw .io(err)
            case .lineTooLong(let n, _, let limit): stage.checks.add(n, StoreError.lineTooLong(limit))
            }
        } catch {
            stage.finish()
            throw .damaged(file: layout.logDisplayName, line: nil, reason: StoreError.reason(error))
        }
        checks = stage.checks
        checks.settleAll()
        var report = checks.report
        func add(_ line: Int, _ text: Text) {
            if report.problems.count < maxProblems { report.problems.append(.init(line: line, text: text)) }
        }
        if !checks.byDays.isEmpty { checkByDays(checks.byDays, &report) }
        if let from = checks.uncommittedFrom {
            report.warnings.append(Text("\(layout.logDisplayName): các dòng \(from)–\(report.lines) là một loạt ghi dở (lần ghi bị ngắt); không thuộc sổ",
                                        "\(layout.logDisplayName): lines \(from)–\(report.lines) are an unfinished batch (interrupted append); not part of the log"))
            // The lines checked are the log's: an unfinished batch is not part of it.
            report.lines = from - 1
        }
        if let want = expected {
            // The prefix 1…SEQ is the one the fingerprint pins only if every
            // line of it chains to the one before and line SEQ has its hash.
            if report.fingerprintMatches == nil {
                report.fingerprintMatches = false
                add(report.lines, Text("sổ không có sự kiện #\(want.seq) (chỉ đến #\(report.fingerprint.seq)): sổ đã bị cắt bớt",
                                       "the log has no event #\(want.seq) (it ends at #\(report.fingerprint.seq)): it was truncated"))
            } else if report.fingerprintMatches == false {
                add(want.seq, Text("dòng \(want.seq) không có SHA-256 của dấu vân tay \(want): sổ đã bị viết lại ở dòng này hoặc trước đó",
                                   "line \(want.seq) does not have the SHA-256 of fingerprint \(want): the log was rewritten at or before this line"))
            } else if let broken = checks.firstBreak, broken <= want.seq {
                report.fingerprintMatches = false
                report.fingerprintBreak = report.problems.map(\.line).filter { $0 <= want.seq }.min() ?? broken
            }
        }
        let lastCommittedLink = checks.lastCommittedLink
        if keyed && report.fingerprint.seq > 0 {
            // Nothing after the last line vouches for it: the seal does.
            if let seal = LogSeal.read(layout) {
                if !seal.vouches(seq: report.fingerprint.seq, link: lastCommittedLink) {
                    add(report.fingerprint.seq, Text("dòng cuối không khớp HMAC niêm trong \(layout.logDisplayName).seal (cho #\(seal.seq)): dòng đã bị sửa, hoặc các dòng cuối đã bị xóa",
                                                     "the last line does not match the HMAC sealed in \(layout.logDisplayName).seal (for #\(seal.seq)): it was changed, or lines were removed from the end"))
                }
            } else {
                add(report.fingerprint.seq, Text("thiếu hoặc không đọc được \(layout.logDisplayName).seal: không xác thực được dòng cuối của sổ có khóa",
                                                 "\(layout.logDisplayName).seal is missing or unreadable: the last line of a keyed log cannot be authenticated"))
            }
        }
        for a in report.assertions where !a.passed {
            // In each reader's number style and local time: 1.002 and 08/12/2026 09:23 (UTC+7) in Vietnamese.
            let vi = (a.expected.formatted(style: .vietnamese), a.actual?.formatted(style: .vietnamese), a.recorded.vietnamTime(vietnamese: true))
            let en = (a.expected.formatted(style: .english), a.actual?.formatted(style: .english), a.recorded.vietnamTime(vietnamese: false))
            add(a.seq, Text("figure.asserted #\(a.seq): \(a.metric) \(a.period.label) của đơn vị \(a.unit) được công bố là \(vi.0), nhưng sổ tính đến \(vi.2) cho \(vi.1 ?? "không có giá trị")",
                            "figure.asserted #\(a.seq): \(a.metric) \(a.period.label) for unit \(a.unit) was announced as \(en.0), but the log as of \(en.2) gives \(en.1 ?? "no value")"))
        }
        return report
    }
}

extension DataStore {
    /// Announced figures for a day range: each read from a ledger folded for
    /// its days alone, as of the assertion's own instant (a replay per
    /// distinct instant and days; such figures are few). On a damaged log
    /// the replay stops at the damage and the figure is reported without a value.
    func checkByDays(_ indices: [Int], _ report: inout VerifyReport) {
        var ledgers: [String: Ledger] = [:]
        for i in indices {
            let a = report.assertions[i], p = a.period
            let key = a.recorded.rfc3339 + " " + p.firstDay.iso + " " + p.lastDay.iso
            if ledgers[key] == nil {
                ledgers[key] = try? replay(asOf: a.recorded, useSnapshots: false, writeSnapshot: false, flowDays: p.firstDay...p.lastDay).ledger
            }
            guard let ledger = ledgers[key] else { continue }
            report.assertions[i].actual = FigureQuery(ledger: ledger, first: p.firstDay, last: p.lastDay, months: nil).value(a.metric, unit: a.unit)
        }
    }
}

/// The in-order half of `verify`: each block's lines checked in log order
/// (chain, seq, `recorded`, announced figures) on a thread of its own while
/// the next block is read and decoded on the cores, as the replay's
/// `InOrderFold` does; otherwise the cores would wait for the checks.
/// The checks get a copy of the block, because the next read reuses the
/// buffer (they read it only to settle an announced figure).
private final class CheckStage: @unchecked Sendable {
    /// Touched by the caller only after `finish()`.
    var checks: InOrderChecks
    private var running: JoinableThread?

    init(_ checks: InOrderChecks) { self.checks = checks }

    func hand(_ parts: [ParallelFold.Part], firstLine: Int, block: UnsafeRawBufferPointer, fold: ParallelFold) {
        finish()
        let copy = [UInt8](block)
        let body = { [self] in
            copy.withUnsafeBytes { bytes in
                var number = firstLine
                for part in parts {
                    checks.check(part, firstLine: number, block: bytes, fold: fold)
                    number += part.records.count
                }
            }
        }
        if let t = PosixThread.start(hugePages: false, body) { running = t } else { body() }
    }

    /// Waits for the block handed over last.
    func finish() {
        running?.join()
        running = nil
    }
}
