/// Reads a whole CSV file (spreadsheets are small) into records with their line numbers.
///
/// The grammar is Python's `csv` default ("excel") dialect, so what Python reads we read:
/// - UTF-8, with or without a byte order mark (the BOM is dropped);
/// - fields separated by `,`, `;` or tab, auto-detected from the first record unless given;
/// - fields may be quoted with `"`; inside quotes `""` is one quote and line ends are kept
///   as they are (CR LF stays CR LF);
/// - records end at CR LF, LF or CR; a last line without a line end is a record.
///
/// - Note: Decisions where a choice was needed:
///   - A `"` in the middle of an unquoted field (`5" screen`) is kept as an ordinary
///     character, and text after a closing quote (`"ab"c`) is appended (`abc`): this is
///     Python's non-strict default and what Excel does. Set `strictQuotes` to reject both
///     with `CSVError.strayQuote` instead.
///   - Blank lines (nothing between two line ends) are skipped wherever they are; Python
///     returns `[]` for them. A line holding only spaces is not blank: it is one field.
///   - An unclosed quote at the end of the file is an error naming the line where the
///     quote opened (Python silently returns the rest of the file as one field).
///   - A NUL byte is an error (it means UTF-16 or binary); Python 3.11 accepts it.
///   - Invalid UTF-8 is an error naming its line; nothing is replaced with U+FFFD.
public struct CSVReader: Sendable {
    /// The separator to use; `nil` detects it from the first record.
    public var separator: CSVSeparator?
    /// Reject stray quotes instead of keeping them (see the type's note).
    public var strictQuotes: Bool

    public init(separator: CSVSeparator? = nil, strictQuotes: Bool = false) {
        self.separator = separator
        self.strictQuotes = strictQuotes
    }

    /// Reads text that is already a `String` (so already valid Unicode).
    public func read(_ text: String) throws(CSVError) -> [CSVRecord] {
        try read(Array(text.utf8))
    }

    /// Reads the raw bytes of a file.
    public func read(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
        let start = CSVReader.bodyStart(bytes)
        try CSVReader.validate(bytes, from: start)
        let sep = (separator ?? CSVReader.detectSeparator(bytes)).rawValue
        return try parse(bytes, from: start, separator: sep)
    }

    /// The separator that occurs most often outside quotes in the first non-blank record
    /// that has any (title rows above a header have none); ties go to `,` then `;` then
    /// tab, and a file with none of them in its first 20 records means `,`.
    public static func detectSeparator(_ bytes: [UInt8]) -> CSVSeparator {
        var i = bodyStart(bytes)
        let n = bytes.count
        while i < n, bytes[i] == cr || bytes[i] == lf { i += 1 }
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var atFieldStart = true
        var records = 0
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < n, bytes[i + 1] == quote { i += 1 } else { inQuotes = false }
                }
            } else if c == cr || c == lf {
                // A title row above the header ("BÁO CÁO THÁNG 12/2019") has no separator:
                // look at the next non-blank record instead (at most 20 records down).
                records += 1
                guard counts.isEmpty, records < 20 else { break }
                while i < n, bytes[i] == cr || bytes[i] == lf { i += 1 }
                atFieldStart = true
                continue
            } else if c == quote, atFieldStart {
                inQuotes = true
            } else if CSVSeparator(rawValue: c) != nil {
                counts[c, default: 0] += 1
                atFieldStart = true
                i += 1
                continue
            }
            atFieldStart = false
            i += 1
        }
        var best = CSVSeparator.comma
        var bestCount = 0
        for candidate in CSVSeparator.allCases where counts[candidate.rawValue, default: 0] > bestCount {
            best = candidate
            bestCount = counts[candidate.rawValue, default: 0]
        }
        return best
    }

    // MARK: - Internals

    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let quote: UInt8 = 0x22

    /// Index of the first byte after a UTF-8 byte order mark, if there is one.
    static func bodyStart(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Throws for invalid UTF-8 or a NUL byte, naming the physical line.
    static func validate(_ bytes: [UInt8], from start: Int) throws(CSVError) {
        let body = bytes[start...]
        if let nul = body.firstIndex(of: 0) {
            throw .nulByte(line: lineNumber(of: nul, in: bytes, from: start))
        }
        if let bad = firstInvalidUTF8(body) {
            throw .invalidUTF8(line: lineNumber(of: bad, in: bytes, from: start))
        }
    }

    /// Index of the first byte of the first invalid UTF-8 sequence, or nil if all is valid.
    static func firstInvalidUTF8(_ body: ArraySlice<UInt8>) -> Int? {
        // Fast path: ASCII-only or valid files cost one pass in the standard library.
        if body.withContiguousStorageIfAvailable({ String(validating: $0, as: UTF8.self) != nil }) == true {
            return nil
        }
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = body.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The 1-based physical line holding byte `index`, counting CR LF, LF and CR as one line end.
    static func lineNumber(of index: Int, in bytes: [UInt8], from start: Int) -> Int {
        var line = 1
        var i = start
        while i < index {
            if bytes[i] == lf || (bytes[i] == cr && (i + 1 >= bytes.count || bytes[i + 1] != lf)) { line += 1 }
            i += 1
        }
        return line
    }

    private enum State { case startRecord, startField, inField, inQuotedField, quoteInQuotedField }

    /// The state machine of CPython's `_csv.c` (`parse_process_char`), over a whole buffer.
    private func parse(_ bytes: [UInt8], from start: Int, separator sep: UInt8) throws(CSVError) -> [CSVRecord] {
        let (cr, lf, quote) = (CSVReader.cr, CSVReader.lf, CSVReader.quote)
        let n = bytes.count
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.startRecord
        var line = 1, recordLine = 1, quoteLine = 1
        var i = start

        func saveField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func saveRecord() {
            records.append(CSVRecord(fields: fields, line: recordLine, number: records.count + 1))
            fields = []
        }
        /// Consumes the line end at `i` (CR LF counts once) and moves to the next line.
        func endLine() {
            i += (bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
            line += 1
        }

        while i < n {
            let c = bytes[i]
            switch state {
            case .startRecord:
                if c == cr || c == lf { endLine(); continue }   // blank line: skipped
                recordLine = line
                state = .startField
                continue                                       // same byte, as a field start
            case .startField:
                if c == cr || c == lf { saveField(); saveRecord(); state = .startRecord; endLine(); continue }
                if c == quote { state = .inQuotedField; quoteLine = line }
                else if c == sep { saveField() }
                else { field.append(c); state = .inField }
            case .inField:
                if c == cr || c == lf { saveField(); saveRecord(); state = .startRecord; endLine(); continue }
                if c == sep { saveField(); state = .startField }
                else if c == quote && strictQuotes { throw .strayQuote(line: line) }
                else { field.append(c) }
            case .inQuotedField:
                if c == quote { state = .quoteInQuotedField }
                else {
                    field.append(c)
                    if c == lf || (c == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                }
            case .quoteInQuotedField:
                if c == quote { field.append(c); state = .inQuotedField }
                else if c == sep { saveField(); state = .startField }
                else if c == cr || c == lf { saveField(); saveRecord(); state = .startRecord; endLine(); continue }
                else if strictQuotes { throw .strayQuote(line: line) }
                else { field.append(c); state = .inField }
            }
            i += 1
        }
        switch state {
        case .startRecord: break
        case .startField, .inField, .quoteInQuotedField: saveField(); saveRecord()
        case .inQuotedField: throw .unclosedQuote(line: quoteLine)
        }
        return records
    }
}
