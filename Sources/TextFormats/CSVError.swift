/// Why a CSV file could not be read, with the physical line (1-based) to look at.
///
/// Errors are data so the importer can render them as `file.csv:12: …` and tests can
/// match on the case; `message` is the human wording, kept in one place.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `line` is where the first bad byte is.
    case invalidUTF8(line: Int)
    /// A quoted field is still open at the end of the file; `line` is where its quote opened.
    case unclosedQuote(line: Int)
    /// A NUL byte (usually a UTF-16 file or a binary file saved as .csv).
    case nulByte(line: Int)
    /// Only in strict mode: a `"` inside an unquoted field, or text right after a closing quote.
    case strayQuote(line: Int)

    /// The physical line (1-based, counting CR LF, LF and CR line ends) the error is about.
    public var line: Int {
        switch self {
        case .invalidUTF8(let line), .unclosedQuote(let line), .nulByte(let line), .strayQuote(let line):
            return line
        }
    }

    /// What is wrong and how to fix it, without the line prefix.
    public var message: String {
        switch self {
        case .invalidUTF8:
            return "the file is not valid UTF-8; save it again as \"CSV UTF-8\""
        case .unclosedQuote:
            return "a quoted field opened here is never closed; add the missing '\"'"
        case .nulByte:
            return "the file contains a NUL byte; it may be UTF-16 or not a text file, save it as \"CSV UTF-8\""
        case .strayQuote:
            return "a '\"' appears inside an unquoted field or after a closing quote; quote the whole field and double the inner quotes"
        }
    }

    /// The same in Vietnamese, for a clerk reading in Vietnamese.
    public var vietnameseMessage: String {
        switch self {
        case .invalidUTF8:
            return "tệp không phải UTF-8 hợp lệ; hãy lưu lại thành \"CSV UTF-8\""
        case .unclosedQuote:
            return "ô mở ngoặc kép ở đây không được đóng; thêm dấu '\"' còn thiếu"
        case .nulByte:
            return "tệp có byte NUL; có thể là UTF-16 hoặc không phải tệp văn bản, hãy lưu thành \"CSV UTF-8\""
        case .strayQuote:
            return "có dấu '\"' trong ô không có ngoặc kép hoặc sau dấu đóng ngoặc; đặt cả ô trong ngoặc kép và nhân đôi dấu ngoặc bên trong"
        }
    }

    public func message(vietnamese: Bool) -> String { vietnamese ? vietnameseMessage : message }

    public var description: String { "line \(line): \(message)" }
}
