import JSONCodec

/// Events as spreadsheet rows for `antq export`: one row per event, the envelope
/// first (`seq, id, type, occurred, recorded, unit, unit_name, by`), then every data
/// field as a column of its own. Nested objects (a correction's `data` and `was`)
/// become dotted columns (`data.count`, `was.occurred`).
///
/// - Note: Values are written as stored (ISO dates, `true`/`false`, plain numbers
///   without grouping) so the file reads back into the same facts, in any locale,
///   and re-imports with `antq import` (the `id` column makes a second import of the
///   same rows fail instead of counting them twice).
public struct EventRows: Sendable {
    public static let envelope = ["seq", "id", "type", "occurred", "recorded", "unit", "unit_name", "by"]

    /// Data columns in order of first appearance.
    public private(set) var dataColumns: [String] = []
    private var columnIndex: [String: Int] = [:]
    private var rows: [(envelope: [String], data: [String: String])] = []

    public init() {}

    /// Adds one event; `unitName` is the unit's name on the day it occurred.
    public mutating func append(_ e: Event, unitName: String?) {
        var data: [String: String] = [:]
        if let tree = try? JSONValue.parse(EventEncoder.encodeData(e.data)) {
            EventRows.flatten(tree, prefix: "", into: &data, order: &dataColumns, index: &columnIndex)
        }
        rows.append(([String(e.seq), e.id, e.type.rawValue, e.occurred.iso, e.recorded.rfc3339, e.unit ?? "", unitName ?? "", e.by], data))
    }

    public var count: Int { rows.count }

    /// Header and rows, every row as wide as the header.
    public var table: [[String]] {
        [EventRows.envelope + dataColumns] + rows.map { r in r.envelope + dataColumns.map { r.data[$0] ?? "" } }
    }

    static func flatten(_ v: JSONValue, prefix: String, into out: inout [String: String], order: inout [String], index: inout [String: Int]) {
        switch v {
        case .object(let members):
            for (k, child) in members { flatten(child, prefix: prefix.isEmpty ? k : prefix + "." + k, into: &out, order: &order, index: &index) }
        default:
            if index[prefix] == nil { index[prefix] = order.count; order.append(prefix) }
            out[prefix] = text(v)
        }
    }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return s
        case .array, .object: return String(decoding: v.jsonBytes, as: UTF8.self)
        }
    }
}
