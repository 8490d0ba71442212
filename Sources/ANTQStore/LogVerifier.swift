import ANTQDomain
import Dispatch
import EventLog
import Hashing
import SystemCalls
import TextFormats

/// The result of `antq verify`: every problem found, by line.
public struct VerifyReport: Sendable {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    public struct AssertionCheck: Sendable, Equatable {
        public var seq: Int
        public var metric: String
        public var year: Int
        public var unit: String
        public var expected: Int
        public var actual: Int
        public var recorded: UTCInstant
        public var passed: Bool { expected == actual }
    }

    public var problems: [Problem] = []
    public var warnings: [String] = []
    public var lines = 0
    public var fingerprint: Fingerprint = Fingerprint(seq: 0, hash: .zero)
    public var assertions: [AssertionCheck] = []
    /// Result of `--fingerprint`, if one was given.
    public var fingerprintMatches: Bool?
    public var keyed = false

    public var clean: Bool { problems.isEmpty && fingerprintMatches != false && assertions.allSatisfy(\.passed) }
}

extension DataStore {
    /// Checks every committed line: strict JSON, catalogue, contiguous seq,
    /// the hash chain (HMAC in keyed mode), `recorded` never decreasing, and
    /// each `figure.asserted` against the log as of its own `recorded` instant.
    public func verify(fingerprint expected: Fingerprint? = nil, maxProblems: Int = 1000) throws(StoreError) -> VerifyReport {
        var report = VerifyReport()
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
            if case .logCreated(let c) = h.data {
                keyed = c.keyID != nil
                foldStart = c.periodStart
            }
        }
        report.keyed = keyed
        var chain = ChainVerifier(key: keyed ? chainKey : .plain)
        var lastRecorded: UTCInstant?
        let projection = LedgerProjection()
        var ledger = projection.initial
        var pending: [Event] = []
        var periodStart = MonthDay.january1
        var uncommittedFrom: Int?
        var batchOpenSince: Int?
        func add(_ line: Int, _ message: String) {
            if report.problems.count < maxProblems { report.problems.append(.init(line: line, message: message)) }
        }
        /// Checks the assertions recorded before `instant` against the ledger
        /// as it stands now (`now` supplies it: only built when needed).
        func settle(upTo instant: UTCInstant?, _ now: () -> Ledger) {
            var current: Ledger?
            // Assertions settled together share one query per year: its
            // standing models are worked out once, not once per figure.
            var queries: [Int: FigureQuery] = [:]
            while let a = pending.first, instant == nil || a.recorded < instant! {
                pending.removeFirst()
                guard case .figureAsserted(let metricName, let year, let value, _) = a.data, let metric = Metric(name: metricName),
                      let unit = a.unit else { continue }
                if current == nil { current = now() }
                if queries[year] == nil { queries[year] = FigureQuery(ledger: current!, year: year, periodStart: periodStart) }
                let actual = queries[year]!.value(metric, unit: unit)
                report.assertions.append(.init(seq: a.seq, metric: metricName, year: year, unit: unit, expected: value, actual: actual, recorded: a.recorded))
            }
        }
        let fold = ParallelFold(decoder: decoding, start: foldStart, mode: .verify(keyed ? chainKey : .plain))
        var timing = (decode: UInt64(0), fold: UInt64(0))
        defer {
            if Environment.value("ANTQ_PROFILE") != nil {
                note("profile: decode and hash \(timing.decode / 1_000_000) ms, checks and fold \(timing.fold / 1_000_000) ms")
            }
        }
        var processedEnd: Int64 = 0
        var lastCommittedLink: SHA256Digest = .zero
        do {
            try ChunkStream().forEachChunk(in: fd, to: size) { chunk -> Bool in
                var number = chunk.firstLine
                let t0 = DispatchTime.now().uptimeNanoseconds
                let parts = fold.fold(chunk.bytes)
                let t1 = DispatchTime.now().uptimeNanoseconds
                defer { timing.decode += t1 - t0; timing.fold += DispatchTime.now().uptimeNanoseconds - t1 }
                for part in parts {
                    var events = part.events.makeIterator()
                    let records = part.records
                    for i in records.indices {
                        let record = records[i]
                        defer { number += 1 }
                        report.lines = number
                        guard let line = record.line else {
                            add(number, "\(record.problem.map { "\($0)" } ?? "unreadable line")")
                            chain.skip(hash: record.hash, link: record.link)
                            continue
                        }
                        let event = record.foldedFlow ? nil : events.next()?.event
                        let chainProblems = chain.check(hash: record.hash, link: record.link, seq: line.seq, prev: line.prev)
                        let seqBroken = chainProblems.contains { if case .seq = $0 { true } else { false } }
                        for p in chainProblems {
                            switch p {
                            case .seq(let want, let found):
                                add(number, "seq is \(found), expected \(want) (a line was inserted, deleted or moved here)")
                            case .prev(_, _) where !seqBroken && number > 1:
                                // Seq is in order, so the lines are where they were: the
                                // line before no longer has the bytes this prev pinned.
                                // Name that line, the one most likely edited.
                                add(number - 1, keyed
                                    ? "this line does not match the HMAC that line \(number) records as prev: it was changed after it was written (or line \(number)'s prev was), or the log was not written with this key"
                                    : "this line does not match the SHA-256 that line \(number) records as prev: it was changed after it was written (or line \(number)'s prev was)")
                            case .prev(_, _):
                                add(number, keyed
                                    ? "prev does not match the HMAC of line \(number - 1): the line before was changed, or the log was not written with this key"
                                    : "prev does not match the SHA-256 of line \(number - 1): the line before was changed, removed or reordered")
                            }
                        }
                        if number == 1 {
                            if case .logCreated(let c)? = event?.data { periodStart = c.periodStart } else {
                                add(1, "the first line must be log.created")
                            }
                        } else if line.type == .logCreated {
                            add(number, "log.created may only be the first line")
                        }
                        if let last = lastRecorded, line.recorded < last {
                            add(number, "recorded \(line.recorded.rfc3339) is earlier than the line before (\(last.rfc3339))")
                        }
                        lastRecorded = max(lastRecorded ?? line.recorded, line.recorded)
                        if line.more {
                            if batchOpenSince == nil { batchOpenSince = number }
                        } else {
                            batchOpenSince = nil
                        }
                        if !pending.isEmpty { settle(upTo: line.recorded) {
                            // This part's flows so far are not merged yet: fold them again.
                            var l = ledger
                            l.flows.merge(fold.flows(of: part, firstLines: i, in: chunk.bytes))
                            return l
                        } }
                        if let event {
                            projection.apply(event, to: &ledger)
                            if event.type == .figureAsserted { pending.append(event) }
                        }
                        if let want = expected, want.seq == line.seq { report.fingerprintMatches = record.hash == want.hash }
                        if batchOpenSince == nil {
                            report.fingerprint = chain.fingerprint
                            lastCommittedLink = record.link
                            uncommittedFrom = nil
                        } else if uncommittedFrom == nil {
                            uncommittedFrom = number
                        }
                    }
                    ledger.flows.merge(part.flows)
                }
                processedEnd = chunk.offset + Int64(chunk.bytes.count)
                return true
            }
            if size > processedEnd {
                report.warnings.append("\(layout.logDisplayName): \(size - processedEnd) bytes after the last newline (a torn line from an interrupted append); not part of the log")
            }
        } catch let e as LineStream.StreamError {
            switch e {
            case .io(let err): throw .io(err)
            case .lineTooLong(let n, _, let limit): add(n, "line longer than \(limit) bytes")
            }
        } catch {
            throw .damaged(file: layout.logDisplayName, line: nil, reason: "\(error)")
        }
        settle(upTo: nil) { ledger }
        if let from = uncommittedFrom {
            report.warnings.append("\(layout.logDisplayName): lines \(from)–\(report.lines) are an unfinished batch (interrupted append); not part of the log")
        }
        if let want = expected {
            if report.fingerprintMatches == nil {
                report.fingerprintMatches = false
                add(report.lines, "the log has no event #\(want.seq) (it ends at #\(report.fingerprint.seq)): it was truncated")
            } else if report.fingerprintMatches == false {
                add(want.seq, "line \(want.seq) does not have the SHA-256 of fingerprint \(want): the log was rewritten at or before this line")
            }
        }
        if keyed && report.fingerprint.seq > 0 {
            // Nothing after the last line vouches for it: the seal does.
            if let seal = LogSeal.read(layout) {
                if !seal.vouches(seq: report.fingerprint.seq, link: lastCommittedLink) {
                    add(report.fingerprint.seq, "the last line does not match the HMAC sealed in \(layout.logDisplayName).seal (for #\(seal.seq)): it was changed, or lines were removed from the end")
                }
            } else {
                add(report.fingerprint.seq, "\(layout.logDisplayName).seal is missing or unreadable: the last line of a keyed log cannot be authenticated")
            }
        }
        for a in report.assertions where !a.passed {
            add(a.seq, "figure.asserted #\(a.seq): \(a.metric) \(a.year) for unit \(a.unit) was announced as \(a.expected), but the log as of \(a.recorded.rfc3339) gives \(a.actual)")
        }
        return report
    }
}
