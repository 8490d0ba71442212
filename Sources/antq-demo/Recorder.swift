import SeededRandom
import ANTQDomain
import Foundation
import ANTQStore
import EventLog
import TextFormats

/// Drives the library as the clerks would: each sitting is one
/// `DataStore.append` under a clock set to the sitting's instant, so the
/// log's `recorded` instants follow the story and every rule of antq
/// (no future dates, units registered first, amendments filled in by antq)
/// applies to the demo exactly as to a user.
struct Recorder {
    let directory: String
    /// Every id (the log's, each event's) comes from this stream, in log order.
    private var ids: SplitMix64
    /// Labelled events of the story, by label: their seq once recorded.
    private(set) var seqs: [String: Int] = [:]
    private(set) var fingerprint: Fingerprint?
    private(set) var events = 0

    /// A sitting antq refused: the story is inconsistent (a bug in the generator).
    struct Refused: Error, CustomStringConvertible {
        var what: String
        var reason: String
        var description: String { "antq refused \(what): \(reason)" }
    }

    init(directory: String, seed: UInt64) {
        self.directory = directory
        ids = SplitMix64(seed: seed, stream: "ids")
    }

    mutating func record(_ sittings: [Submission], opened: UTCInstant) throws {
        let logID = ids.uuid(), createdID = ids.uuid()
        var (store, fp) = try DataStore.initialise(directory, by: Clerks.provincial, clock: Clock { opened }, logID: logID, eventID: createdID)
        fingerprint = fp
        events = 1
        // The session carries the ledger from one sitting to the next: no replay, no snapshots needed.
        store.snapshotInterval = .max
        let session = AppendSession()
        for s in sittings {
            let at = s.recorded
            store.clock = Clock { at }
            let inputs = s.entries.enumerated().map { i, e in DraftInput(line: i + 1, draft: .success(draft(e))) }
            let receipt: AppendReceipt
            do {
                receipt = try store.append(inputs, file: s.what, defaultBy: s.by, session: session)
            } catch {
                if case .rejected(let problems, _) = error {
                    throw Refused(what: s.what, reason: problems.map(\.description).joined(separator: "\n  "))
                }
                throw Refused(what: s.what, reason: "\(error)")
            }
            for (e, ev) in zip(s.entries, receipt.events) {
                if let label = e.label { seqs[label] = ev.seq }
            }
            fp = receipt.fingerprint
            fingerprint = fp
            events += receipt.events.count
        }
    }

    /// The draft of an entry: its id from the seeded stream, an amendment's
    /// target and `{#label}` references resolved to seqs.
    private mutating func draft(_ e: Entry) -> EventDraft {
        var fields = e.fields.map { f -> InputField in
            guard case .string(let s) = f.value, s.contains("{#") else { return f }
            var text = s
            for (label, seq) in seqs.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: "{#\(label)}", with: "\(seq)") }
            precondition(!text.contains("{#"), "unresolved reference in \(s)")
            return InputField(f.key, .string(text))
        }
        if let target = e.targetLabel {
            guard let seq = seqs[target] else { preconditionFailure("\(e.type.rawValue) of \(target) before it was recorded") }
            fields.insert(.number("target", seq), at: 0)
        }
        return EventDraft(id: ids.uuid(), type: e.type, occurred: e.occurred, unit: e.unit, by: nil, fields: fields, fieldMode: .input)
    }
}
