import ANTQDomain
import EventLog
import Hashing

/// Keeps, between the appends of one process, the ledger at the end of the
/// log and the ids in it, so a program that appends thousands of small
/// batches (the demo-log generator, a long import) does not replay the log
/// and scan it for ids before each one.
///
/// It is used only while the log's last committed line is still the one
/// this session appended (same seq and SHA-256); if anyone else appended,
/// or the file changed, the append replays as usual and the session starts
/// again from there. Pass the same session to every `append`; one process,
/// one thread.
public final class AppendSession {
    var ledger: Ledger?
    var ids: Set<String> = []
    var tail: Fingerprint?

    public init() {}

    /// The ledger at `tail`, if the session still describes it, and where
    /// its chain check began (the whole log was read for its ids: the start).
    func ledger(at tail: LogTail) -> (Ledger, ChainAnchor)? {
        guard let ledger, let mine = self.tail, mine.seq == tail.lastSeq, mine.hash == tail.lastHash else { return nil }
        return (ledger, .start)
    }

    func remember(_ ledger: Ledger, ids: some Sequence<String>, tail: Fingerprint) {
        self.ledger = ledger
        self.ids.formUnion(ids)
        self.tail = tail
    }

    func reset(_ ledger: Ledger, ids: Set<String>) {
        self.ledger = ledger
        self.ids = ids
        self.tail = nil
    }
}
