import ANTQCodec
import ANTQDomain
import EventLog
import SystemCalls

/// Everything that can go wrong in a data directory, with what the CLI
/// needs to say it well: what, where (file and line), how to fix it.
/// Each case maps to one documented exit code.
public enum StoreError: Error, Sendable {
    /// The directory has no `events/log.jsonl`.
    case notInitialised(directory: String)
    case alreadyInitialised(directory: String)
    /// One or more input lines are invalid; nothing was appended.
    case rejected([LineProblem], total: Int)
    case io(Errno)
    /// The log is damaged: a line does not chain to the one before it, or
    /// cannot be read as an event. Readers print no figure, writers append nothing.
    case damaged(file: String, line: Int?, reason: Text)
    case expectedSeq(expected: Int, actual: Int)
    case lockBusy
    case key(Text)
    case usage(Text)

    /// The documented exit code (antq.docc/Commands.md, "Exit codes").
    public var exitCode: Int32 {
        switch self {
        case .notInitialised: 66
        case .alreadyInitialised: 73
        case .rejected: 65
        case .io: 74
        case .damaged: 79
        case .expectedSeq, .lockBusy: 75
        case .key: 66
        case .usage: 64
        }
    }
}

extension StoreError {
    /// The log is damaged where `broken` was found (line `line`): the
    /// wording every reader and writer uses.
    static func brokenChain(_ broken: ChainBreak, foundAt line: Int, file: String, keyed: Bool) -> StoreError {
        let link = keyed ? "HMAC" : "SHA-256"
        switch broken {
        case .prev:
            return .damaged(file: file, line: broken.firstBadLine(foundAt: line),
                            reason: Text("chuỗi băm bị đứt: dòng \(line) ghi \(link) của dòng \(line - 1) khác với dòng \(line - 1) hiện có; dòng \(line - 1) (hoặc prev của dòng \(line)) đã bị sửa sau khi ghi",
                                         "the hash chain is broken: line \(line) records a different \(link) for line \(line - 1) than line \(line - 1) has now; line \(line - 1) (or the prev of line \(line)) was changed after it was written"))
        case .seq(let expected, let found):
            return .damaged(file: file, line: line,
                            reason: Text("chuỗi băm bị đứt: dòng \(line) có seq \(found) trong khi phải là \(expected); một dòng đã bị xóa, nhân đôi, chèn hoặc chuyển chỗ ở đây",
                                         "the hash chain is broken: line \(line) has seq \(found) where \(expected) was due; a line was deleted, duplicated, inserted or moved here"))
        }
    }

    /// Why a line could not be read, in both languages: a line's own problem
    /// as the catalogue words it, anything else as the error says it.
    static func reason(_ error: any Error) -> Text {
        if let e = error as? EventCodingError { return Text(e.message(vietnamese: true), e.message(vietnamese: false)) }
        return Text("\(error)", "\(error)")
    }

    static func lastLineDamaged(_ why: String) -> Text {
        Text("dòng cuối bị hỏng (\(why))", "the last line is damaged (\(why))")
    }

    static func lineTooLong(_ limit: Int) -> Text {
        Text("dòng dài quá \(limit) byte", "line longer than \(limit) bytes")
    }
}

/// The problems of one line of input (or of the log): file, line, every
/// problem found in it (a clerk fixes them in one go).
public struct LineProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var errors: [EventCodingError]

    public init(file: String, line: Int, errors: [EventCodingError]) {
        self.file = file
        self.line = line
        self.errors = errors
    }

    public init(file: String, line: Int, error: EventCodingError) {
        self.init(file: file, line: line, errors: [error])
    }

    /// The first problem (most lines have one).
    public var error: EventCodingError { errors[0] }

    public var description: String { errors.map { "\(file):\(line): \($0)" }.joined(separator: "\n") }
}
