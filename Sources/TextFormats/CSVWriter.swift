/// Writes rows as CSV that Python's `csv`, Excel and LibreOffice read back unchanged.
///
/// Quoting is minimal, like Python's `QUOTE_MINIMAL`: a field is quoted only if it holds
/// the separator, `"`, CR or LF (inner quotes doubled). A row made of one empty field is
/// written as `""` so it does not turn into a blank line that readers skip.
///
/// - Note: Line ends default to LF ("\n"): it is what our own files and git diffs want.
///   Use `.crlf` for files meant for Excel on Windows, and `byteOrderMark` so Excel opens
///   UTF-8 Vietnamese text correctly instead of guessing a legacy code page.
/// - Note: Spreadsheets run a cell that begins with `=`, `+`, `-` or `@` (and some a tab or
///   CR before them) as a formula ("CSV injection"). With `neutralizesFormulas` such a cell
///   gets a leading apostrophe, as the OWASP guidance describes, unless it is a plain number
///   (`-1`, `-0.5`), so a text a clerk typed into the log cannot run when the file is opened.
public struct CSVWriter: Sendable {
    /// How each record ends.
    public enum LineEnding: String, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
    }

    public var separator: CSVSeparator
    public var lineEnding: LineEnding
    /// Start the output with a UTF-8 byte order mark (for Excel).
    public var byteOrderMark: Bool
    /// Prefix `'` to a cell a spreadsheet would read as a formula (see ``neutralized(_:)``).
    public var neutralizesFormulas: Bool

    public init(separator: CSVSeparator = .comma, lineEnding: LineEnding = .lf, byteOrderMark: Bool = false,
                neutralizesFormulas: Bool = false) {
        self.separator = separator
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
        self.neutralizesFormulas = neutralizesFormulas
    }

    /// The bytes a formula may begin with in Excel, LibreOffice or Google Sheets.
    public static let formulaPrefixes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D] // = + - @ TAB CR

    /// `value` with a leading apostrophe when it begins like a formula and is not a
    /// plain number (`-?digits(.digits)?`, which every reader takes as a number).
    public static func neutralized(_ value: String) -> String {
        guard let first = value.utf8.first, formulaPrefixes.contains(first), !isPlainNumber(value) else { return value }
        return "'" + value
    }

    /// `-?[0-9]+(\.[0-9]+)?`: a number antq writes, never a formula.
    public static func isPlainNumber(_ value: String) -> Bool {
        var before = 0, after = 0, point = false
        for (i, b) in value.utf8.enumerated() {
            switch b {
            case 0x2D where i == 0: continue
            case 0x2E:
                guard !point, before > 0 else { return false }
                point = true
            case 0x30...0x39: if point { after += 1 } else { before += 1 }
            default: return false
            }
        }
        return before > 0 && (!point || after > 0)
    }

    /// One field, neutralised if asked and quoted if it must be.
    public func field(_ value: String) -> String {
        let value = neutralizesFormulas ? Self.neutralized(value) : value
        let sep = separator.rawValue
        let needsQuotes = value.utf8.contains { $0 == sep || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        out.unicodeScalars.append("\"")
        return out
    }

    /// One record with its line ending. An empty row becomes a blank line (which readers skip).
    public func record(_ fields: [String]) -> String {
        if fields.count == 1 && fields[0].isEmpty { return "\"\"" + lineEnding.rawValue }
        return fields.map(field).joined(separator: separator.text) + lineEnding.rawValue
    }

    /// The whole file as text, starting with U+FEFF if `byteOrderMark` is set.
    public func write(_ rows: [[String]]) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows { out += record(row) }
        return out
    }

    /// The whole file as UTF-8 bytes, ready to be written to disk.
    public func encode(_ rows: [[String]]) -> [UInt8] {
        Array(write(rows).utf8)
    }
}
