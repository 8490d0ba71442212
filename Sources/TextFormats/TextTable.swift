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
    public func render() -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let cells = ([header] + rows).map { row in
            (0..<columns).map { $0 < row.count ? TextTable.flatten(row[$0]) : "" }
        }
        var widths = Array(repeating: 0, count: columns)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        func renderLine(_ row: [String]) -> String {
            let padded = row.enumerated().map { index, cell in
                pad(cell, to: widths[index], alignRight: index < alignments.count && alignments[index] == .right)
            }
            var line = padded.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }
        var out = renderLine(cells[0])
        out += renderLine(widths.map { String(repeating: "-", count: $0) })
        for row in cells.dropFirst() { out += renderLine(row) }
        return out
    }

    static func flatten(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return cell }
        var out = ""
        for character in cell {
            out.append(character == "\r\n" || character == "\n" || character == "\r" || character == "\t" ? " " : character)
        }
        return out
    }
}
