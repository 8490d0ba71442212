import Hashing
import TextFormats

/// A stored line that passed every check of `EventDecoder`, with `id` and
/// `prev` still as byte ranges of the line.
///
/// Why: replaying a million lines, the fold needs the envelope's seq, dates,
/// unit and data but never the id or the previous hash; turning those into a
/// `String` and a digest on every line cost a heap allocation and a hex parse
/// each. Whoever needs the full `Event` asks for it while the line's bytes
/// are still at hand.
public struct CheckedLine: Sendable {
    public var seq: Int
    public var occurred: CivilDate
    public var recorded: UTCInstant
    public var unit: String?
    public var by: String
    public var data: EventData
    public var more: Bool
    /// Set when the line holds text antq no longer writes (a recorder's name
    /// with a control character, from before every way in was checked): the
    /// line is read as written, and `verify` warns about it.
    public var textNote: String?
    /// Where the (already validated) id and prev lie in the line.
    let idRange: Range<Int>
    let prevRange: Range<Int>

    public var type: EventType { data.type }

    /// The previous line's hash or HMAC, as the line records it.
    public func prev(in line: UnsafeRawBufferPointer) -> SHA256Digest {
        SHA256Digest(validatedLowercaseHex: (line.baseAddress! + prevRange.lowerBound).assumingMemoryBound(to: UInt8.self))
    }

    /// The full event; `line` must be the bytes this was checked from.
    public func event(in line: UnsafeRawBufferPointer) -> Event {
        let id = String(decoding: UnsafeRawBufferPointer(rebasing: line[idRange]), as: UTF8.self)
        return Event(seq: seq, id: id, occurred: occurred, recorded: recorded, unit: unit, by: by, data: data, prev: prev(in: line), more: more)
    }
}

/// What `EventDecoder.checkForFold` read: a flow event's numbers, or any
/// other line in full (including a flow event not in antq's own layout).
public enum FoldLine {
    case flow(FlowLine)
    indirect case line(CheckedLine)

    public var seq: Int {
        switch self {
        case .flow(let f): f.seq
        case .line(let l): l.seq
        }
    }

    public var recorded: UTCInstant {
        switch self {
        case .flow(let f): f.recorded
        case .line(let l): l.recorded
        }
    }

    /// The previous line's hash or HMAC, as the line records it (`line`:
    /// the bytes this was read from). Every reader checks it against the
    /// line before, so a report never rests on an edited log.
    public func prev(in line: UnsafeRawBufferPointer) -> SHA256Digest {
        switch self {
        case .flow(let f): f.prev(in: line)
        case .line(let l): l.prev(in: line)
        }
    }
}

/// A flow event as a fold needs it: when and where it occurred, and its numbers.
public struct FlowLine: Sendable {
    public var seq: Int
    public var occurred: CivilDate
    public var recorded: UTCInstant
    public var unit: String
    public var amount: FlowAmount
    /// Where the (already validated) prev lies in the line.
    let prevRange: Range<Int>

    /// The previous line's hash or HMAC, as the line records it.
    public func prev(in line: UnsafeRawBufferPointer) -> SHA256Digest {
        SHA256Digest(validatedLowercaseHex: (line.baseAddress! + prevRange.lowerBound).assumingMemoryBound(to: UInt8.self))
    }
}
