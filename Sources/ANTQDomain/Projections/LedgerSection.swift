/// The parts of a ledger a snapshot stores apart, each with its own
/// checksum, so that a command loads only what it reads.
///
/// Why: on a national log the models and cameras are most of a snapshot
/// (4 of its 5 MB at a million events), and an append of a tip, the most
/// common command of all, needs none of them.
public enum LedgerSection: String, CaseIterable, Sendable, Hashable {
    /// Seq, log header and the unit tree: every command needs them.
    case base
    /// Which events were corrected or retracted, and the asserted figures.
    case amendments
    /// The yearly flow counters.
    case flows
    /// Community models and cameras.
    case models
}
