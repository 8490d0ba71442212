/// Writes rows as CSV that Python's `csv`, Excel and LibreOffice read back unchanged.
///
/// Quoting is minimal, like Python's `QUOTE_MINIMAL`: a field is quoted only if it holds
/// the separator, `"`, CR or LF (inner quotes doubled). A row made of one empty field is
/// written as `""` so it does not turn into a blank line that readers skip.
///
/// - Note: Line ends default to LF ("\n"): it is what our own files and git diffs want.
///   Use `.crlf` for files meant for Excel on Windows, and `byteOrderMark` so Excel opens
///   UTF-8 Vietnamese text correctly instead of guessing a legacy code page.
/// - Note: Cells beginning with `=`, `+`, `-` or `@` are written as they are. Spreadsheets
///   may treat them as formulas ("CSV injection"); we do not alter data to prevent it,
///   so do not open exported files from untrusted sources with formulas enabled.
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

    public init(separator: CSVSeparator = .comma, lineEnding: LineEnding = .lf, byteOrderMark: Bool = false) {
        self.separator = separator
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
    }

    /// One field, quoted if it must be.
    public func field(_ value: String) -> String {
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
