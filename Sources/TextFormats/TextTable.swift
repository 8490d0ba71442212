/// A plain-text table for terminal reports, aligned by display width (not by `count`),
/// so Vietnamese in NFD, CJK and emoji cells keep the columns straight.
///
/// Rendering: header, a line of `-` under each column, then the rows; columns are
/// separated by two spaces; trailing spaces are trimmed; every line ends with "\n".
/// Short rows are filled with empty cells. Line ends and tabs inside a cell are shown as
/// spaces, because a cell must stay on one line to stay aligned.
public struct TextTable: Sendable {
    public enum Alignment: Sendable, Equatable {
        case left, right
    }

    public var header: [String]
    /// Alignment per column; columns without one are left-aligned.
    public var alignments: [Alignment]
    public var rows: [[String]]

    public init(header: [String], alignments: [Alignment] = [], rows: [[String]] = []) {
        self.header = header
        self.alignments = alignments
        self.rows = rows
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as text, one line per row plus header and separator.
    /// Built as bytes, each cell's width measured once: an audit prints a
    /// row per contributing event (tens of thousands), and padding and
    /// joining `String`s would allocate for every cell.
    public func render() -> String {
        let columns = max(header.count, rows.reduce(0) { max($0, $1.count) })
        guard columns > 0 else { return "" }
        let cells = ([header] + rows).map { row in
            (0..<columns).map { $0 < row.count ? TextTable.flatten(row[$0]) : "" }
        }
        let cellWidths = cells.map { $0.map(displayWidth) }
        var widths = Array(repeating: 0, count: columns)
        for row in cellWidths {
            for (index, w) in row.enumerated() { widths[index] = max(widths[index], w) }
        }
        let right = (0..<columns).map { $0 < alignments.count && alignments[$0] == .right }
        var out: [UInt8] = []
        out.reserveCapacity(cells.count * (widths.reduce(0, +) + 2 * columns + 1))
        func appendLine(_ row: [String], _ rowWidths: [Int]) {
            let start = out.count
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(0x20); out.append(0x20) }
                let missing = widths[index] - rowWidths[index]
                if right[index] { out.append(contentsOf: repeatElement(0x20, count: max(0, missing))) }
                out.append(contentsOf: cell.utf8)
                if !right[index] { out.append(contentsOf: repeatElement(0x20, count: max(0, missing))) }
            }
            while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
            out.append(0x0A)
        }
        appendLine(cells[0], cellWidths[0])
        appendLine(widths.map { String(repeating: "-", count: $0) }, widths)
        for (row, rowWidths) in zip(cells.dropFirst(), cellWidths.dropFirst()) { appendLine(row, rowWidths) }
        return String(decoding: out, as: UTF8.self)
    }

    static func flatten(_ cell: String) -> String {
        // Looked for in the cell's own bytes where it has them in one piece: every cell of a long table is checked.
        let breaks = { (b: UInt8) in b == 0x0A || b == 0x0D || b == 0x09 }
        guard cell.utf8.withContiguousStorageIfAvailable({ $0.contains(where: breaks) }) ?? cell.utf8.contains(where: breaks) else { return cell }
        var out = ""
        for character in cell {
            out.append(character == "\r\n" || character == "\n" || character == "\r" || character == "\t" ? " " : character)
        }
        return out
    }
}
