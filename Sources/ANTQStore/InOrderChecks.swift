import ANTQDomain
import EventLog
import Hashing
import TextFormats

/// What `verify` checks line by line in log order, after the lines were
/// decoded and hashed on every core: seq and chain, `log.created` first,
/// `recorded` never decreasing, batch markers, and each `figure.asserted`
/// against the log as of its own instant.
///
/// Why a value of its own: as variables captured by the block-reading
/// closure, the per-line state would pay a dynamic exclusivity check on
/// every access, and these run for every line of the log.
struct InOrderChecks {
    var report = VerifyReport()
    var chain: ChainVerifier
    let keyed: Bool
    let expected: Fingerprint?
    let maxProblems: Int
    let projection = LedgerProjection()
    var ledger = Ledger()
    var lastRecorded: UTCInstant?
    var pending: [Event] = []
    var periodStart = MonthDay.january1
    var uncommittedFrom: Int?
    var batchOpenSince: Int?
    var lastCommittedLink: SHA256Digest = .zero
    /// The first line at which the chain was found broken (its seq or prev
    /// does not follow the line before): the log's prefix up to the line
    /// before it is intact. `verify --fingerprint` holds only below it.
    var firstBreak: Int?
    /// The standing models worked out for a day, reused while no event that
    /// can change a model comes (dropped at each one).
    var standing: [CivilDate: StandingModels] = [:]
    /// Indices in `report.assertions` of announced figures for days that are
    /// not whole reporting months, checked after the pass (`LogVerifier`).
    var byDays: [Int] = []

    init(keyed: Bool, chainKey: ChainKey, expected: Fingerprint?, maxProblems: Int) {
        self.keyed = keyed
        self.chain = ChainVerifier(key: chainKey)
        self.expected = expected
        self.maxProblems = maxProblems
        report.keyed = keyed
    }

    mutating func add(_ line: Int, _ text: Text) {
        if report.problems.count < maxProblems { report.problems.append(.init(line: line, text: text)) }
    }

    /// Checks the assertions recorded before `instant` against the ledger
    /// as it stands now (`now` supplies it: only built when needed).
    mutating func settle(upTo instant: UTCInstant?, _ now: () -> Ledger) {
        var current: Ledger?
        while let a = pending.first, instant == nil || a.recorded < instant! {
            pending.removeFirst()
            guard let name = a.data.text(FigureAsserted.metric), let expected = a.data.decimal(FigureAsserted.value), let unit = a.unit else { continue }
            let period: Period
            do {
                guard let p = try FigureAsserted.period(of: a.data, periodStart: periodStart, recordedOn: Clock.vietnamDay(of: a.recorded)) else { continue }
                period = p
            } catch {
                let text = a.data.text(FigureAsserted.period) ?? ""
                add(a.seq, Text("figure.asserted #\(a.seq): kỳ \"\(text)\" không phải một kỳ antq đọc được: \(error.reason(true))",
                                "figure.asserted #\(a.seq): period \"\(text)\" is not a period antq reads: \(error.reason(false))"))
                continue
            }
            // Days that do not make whole reporting months need a fold by day: done after the pass.
            if !FigureQuery.isWholeMonths(first: period.firstDay, last: period.lastDay, periodStart: periodStart) {
                byDays.append(report.assertions.count)
                report.assertions.append(.init(seq: a.seq, metric: name, period: period, unit: unit, expected: expected, actual: nil, recorded: a.recorded))
                continue
            }
            if current == nil { current = now() }
            let shared = standing[period.lastDay] ?? StandingModels()
            standing[period.lastDay] = shared
            let q = FigureQuery(ledger: current!, first: period.firstDay, last: period.lastDay, periodStart: periodStart, standing: shared)
            let actual = q.value(name, unit: unit)
            report.assertions.append(.init(seq: a.seq, metric: name, period: period, unit: unit, expected: expected, actual: actual, recorded: a.recorded))
        }
    }

    /// The assertions still waiting at the end of the log.
    mutating func settleAll() {
        let l = ledger
        settle(upTo: nil) { l }
    }

    /// Every line of one piece of a block, in order; then its flows join the ledger.
    mutating func check(_ part: ParallelFold.Part, firstLine: Int, block: UnsafeRawBufferPointer, fold: ParallelFold) {
        var events = part.events.makeIterator()
        var number = firstLine
        part.records.withUnsafeBufferPointer { records in
            for i in records.indices {
                defer { number += 1 }
                check(records[i], index: i, number: number, events: &events, part: part, block: block, fold: fold)
            }
        }
        report.lines = number - 1
        ledger.flows.merge(part.flows)
    }

    private mutating func check(_ record: ParallelFold.LineRecord, index i: Int, number: Int,
                                events: inout IndexingIterator<[(index: Int, event: Event, start: Int, length: Int)]>,
                                part: ParallelFold.Part, block: UnsafeRawBufferPointer, fold: ParallelFold) {
        guard let line = record.line else {
            add(number, part.problems[i].map(StoreError.reason) ?? Text("dòng không đọc được", "unreadable line"))
            if firstBreak == nil { firstBreak = number }
            chain.skip(hash: record.hash, link: record.link)
            return
        }
        let event = record.foldedFlow ? nil : events.next()?.event
        for note in part.notes[i] ?? [] { report.warnings.append(Text("events/log.jsonl:\(number): \(note.vi)", "events/log.jsonl:\(number): \(note.en)")) }
        let chainProblems = chain.check(hash: record.hash, link: record.link, seq: line.seq, prev: line.prev)
        report(chainProblems, at: number)
        if number == 1 {
            if let c = event?.data.logCreated { periodStart = c.periodStart } else {
                add(1, Text("dòng đầu phải là log.created", "the first line must be log.created"))
            }
        } else if line.type == .logCreated {
            add(number, Text("log.created chỉ được là dòng đầu", "log.created may only be the first line"))
        }
        if let last = lastRecorded, line.recorded < last {
            add(number, Text("recorded \(line.recorded.rfc3339) sớm hơn dòng trước (\(last.rfc3339))", "recorded \(line.recorded.rfc3339) is earlier than the line before (\(last.rfc3339))"))
        }
        lastRecorded = max(lastRecorded ?? line.recorded, line.recorded)
        if line.more {
            if batchOpenSince == nil { batchOpenSince = number }
        } else {
            batchOpenSince = nil
        }
        if !pending.isEmpty {
            let l = ledger
            settle(upTo: line.recorded) {
                // This part's flows so far are not merged yet: fold them again.
                var now = l
                now.flows.merge(fold.flows(of: part, firstLines: i, in: block))
                return now
            }
        }
        if let event {
            if event.type.isModelEvent || event.type.isCameraEvent || event.type.isAmendment { standing.removeAll() }
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

    /// Reports the chain problems found on line `number`.
    ///
    /// A `prev` that does not match the line before, with `seq` in order,
    /// means the line before was edited (its bytes no longer hash to what
    /// this line pinned) or this line's `prev` was: the line before is named,
    /// the message names both. (An edited `prev` also breaks the next link,
    /// so that line is then named as well.)
    private mutating func report(_ chainProblems: [ChainVerifier.Problem], at number: Int) {
        let link = keyed ? "HMAC" : "SHA-256"
        let seqBroken = chainProblems.contains { if case .seq = $0 { true } else { false } }
        if !chainProblems.isEmpty, firstBreak == nil { firstBreak = number }
        for p in chainProblems {
            switch p {
            case .seq(let want, let found):
                add(number, Text("seq là \(found), phải là \(want) (một dòng đã bị chèn, xóa hoặc chuyển chỗ ở đây)", "seq is \(found), expected \(want) (a line was inserted, deleted or moved here)"))
            case .prev(_, _) where !seqBroken && number > 1:
                add(number - 1, Text("dòng này không khớp \(link) mà dòng \(number) ghi làm prev: dòng đã bị sửa sau khi ghi (hoặc prev của dòng \(number) bị sửa)"
                                         + (keyed ? ", hoặc sổ không được ghi bằng khóa này" : ""),
                                     "this line does not match the \(link) that line \(number) records as prev: it was changed after it was written (or line \(number)'s prev was)"
                                         + (keyed ? ", or the log was not written with this key" : "")))
            case .prev(_, _):
                add(number, Text("prev không khớp \(link) của dòng \(number - 1): dòng trước đã bị sửa, xóa hoặc đổi thứ tự",
                                 "prev does not match the \(link) of line \(number - 1): the line before was changed, removed or reordered"))
            }
        }
    }
}
