import Decimals
import TextFormats

/// Events as spreadsheet rows for `antq export`: the envelope first
/// (`seq, id, type, occurred, recorded, unit, unit_name, by, status`), then
/// each data field the exported types declare, in declared order, once.
///
/// By default the rows are the facts **in force**: a corrected event is
/// exported as its last correction says, a retracted one is left out, and
/// amendments, declarations and announcements are not rows, so a column's
/// total is antq's figure. `history` exports every stored event as written,
/// each with its standing (corrected by, retracted by, amends), so nothing
/// superseded is ever handed out unmarked.
///
/// Values are written as stored (ISO dates, `true`/`false`, numbers with
/// `.` and without grouping) so the file reads back in any locale and
/// re-imports with `antq import` (which skips `seq`, `recorded`,
/// `unit_name` and `status`); a declared indicator's value is written with
/// the decimals it declares (`1.400` kg), as every report shows it.
public struct ExportTable: Sendable {
    public enum Mode: Sendable { case inForce, history }

    public static let envelope = ["seq", "id", "type", "occurred", "recorded", "unit", "unit_name", "by", "status"]

    struct Row {
        var event: Event
        /// The fact as it stands (a correction's replacement), for `.inForce`.
        var fact: Fact
        var correctedBy: [Int] = []
        var retractedBy: Int?
    }

    public let mode: Mode
    private var rows: [Row] = []
    private var rowOfSeq: [Int: Int] = [:]
    /// The log's declarations, read as they pass: the decimals of each indicator.
    private var catalogue = DeclaredCatalogue()

    public init(mode: Mode) { self.mode = mode }

    /// Takes the next event of the log (in order).
    public mutating func add(_ e: Event) {
        if e.type.isDeclaration { catalogue.apply(e.data, seq: e.seq) }
        if let c = e.data.correction, let i = rowOfSeq[c.target] {
            rows[i].fact = c.replacement
            rows[i].correctedBy.append(e.seq)
        } else if let r = e.data.retraction, let i = rowOfSeq[r.target] {
            rows[i].retractedBy = e.seq
        }
        guard mode == .history || Self.isFact(e.type) else { return }
        rowOfSeq[e.seq] = rows.count
        rows.append(Row(event: e, fact: e.fact))
    }

    /// Events that stand for something counted or kept (not amendments,
    /// declarations, announcements or the log's header).
    public static func isFact(_ t: EventType) -> Bool {
        !t.isAmendment && !t.isDeclaration && t != .logCreated && t != .figureAsserted
    }

    /// The rows that pass `include` (given each row's type, day and unit as
    /// they stand), as a header and cells.
    /// - Parameter unitName: a unit's name on a day (nil when unknown).
    public func table(vietnamese: Bool, include: (EventType, CivilDate, String?) -> Bool,
                      unitName: (String, CivilDate) -> String?) -> (header: [String], rows: [[String]]) {
        var kept: [Row] = []
        for r in rows {
            if mode == .inForce && r.retractedBy != nil { continue }
            let f = mode == .inForce ? r.fact : r.event.fact
            if include(f.type, f.occurred, f.unit) { kept.append(r) }
        }
        // Columns: the declared fields of the types present, in catalogue order.
        var columns: [String] = []
        var seen = Set(Self.envelope)
        for spec in EventSpec.table where kept.contains(where: { $0.event.type == spec.type }) {
            for name in Self.columns(of: spec) where seen.insert(name).inserted { columns.append(name) }
        }
        for r in kept {
            for d in r.fact.data.declared where seen.insert(d.name).inserted { columns.append(d.name) }
        }
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var out: [[String]] = []
        out.reserveCapacity(kept.count)
        for r in kept {
            let f = mode == .inForce ? r.fact : r.event.fact
            var data = [String](repeating: "", count: columns.count)
            for (name, text) in Self.cells(of: f, decimals: { catalogue.indicators[$0]?.decimals }) { if let i = index[name] { data[i] = text } }
            let e = r.event
            out.append([String(e.seq), e.id, e.type.rawValue, f.occurred.iso, e.recorded.rfc3339, f.unit ?? "",
                        f.unit.flatMap { unitName($0, f.occurred) } ?? "", e.by, status(r, vietnamese: vietnamese)] + data)
        }
        return (Self.envelope + columns, out)
    }

    /// Column names a type contributes: its fields, and for an amendment
    /// the replacement's fields under `new.` (the copy of the target, `was`,
    /// is the target's own row).
    static func columns(of spec: EventSpec) -> [String] {
        var out: [String] = []
        for f in spec.fields {
            switch f.kind {
            case .fact: continue
            case .replacementData:
                for s in EventSpec.table where s.type.isCorrectable { out += s.fields.map { "new." + $0.name } }
            default:
                out.append(spec.type == .eventCorrected && (f.name == "occurred" || f.name == "unit") ? "new." + f.name : f.name)
            }
        }
        return out
    }

    /// The cells of a fact's data by column name; `decimals` gives a declared indicator's.
    static func cells(of f: Fact, decimals: (String) -> Int? = { _ in nil }) -> [(String, String)] {
        var out: [(String, String)] = []
        let spec = f.data.spec
        // A record's value with its indicator's decimals; any other value as stored.
        func cell(_ v: Value, _ field: FieldSpec, of d: EventData) -> String {
            if d.type == .indicatorRecorded, field.name == IndicatorRecorded.value.name, let x = v.decimal,
               let n = d.text(IndicatorRecorded.indicator).flatMap(decimals), x.fits(decimals: n) {
                return x.plain(decimals: n)
            }
            return v.plainText
        }
        for field in spec.fields {
            guard let v = f.data[field.ref] else { continue }
            switch v {
            case .fact: continue
            case .data(let d):
                for inner in d.spec.fields { if let x = d[inner.ref] { out.append(("new." + inner.name, cell(x, inner, of: d))) } }
                for x in d.declared { out.append(("new." + x.name, x.value.plainText)) }
            default:
                let name = f.type == .eventCorrected && (field.name == "occurred" || field.name == "unit") ? "new." + field.name : field.name
                out.append((name, cell(v, field, of: f.data)))
            }
        }
        for d in f.data.declared { out.append((d.name, d.value.plainText)) }
        return out
    }

    func status(_ r: Row, vietnamese: Bool) -> String {
        let seqs = { (s: [Int]) in s.map { "#\($0)" }.joined(separator: ", ") }
        if let by = r.retractedBy { return vietnamese ? "đã hủy bỏ bởi #\(by)" : "retracted by #\(by)" }
        if !r.correctedBy.isEmpty {
            let applied = mode == .inForce ? (vietnamese ? " (đã áp dụng)" : " (applied)") : ""
            return (vietnamese ? "đã đính chính bởi " : "corrected by ") + seqs(r.correctedBy) + applied
        }
        if let t = r.event.data.amendedSeq { return vietnamese ? "sửa đổi cho #\(t)" : "amends #\(t)" }
        if !Self.isFact(r.event.type) { return vietnamese ? "không phải dữ kiện" : "not a fact" }
        return vietnamese ? "đang có hiệu lực" : "in force"
    }
}

extension Value {
    /// The value as one spreadsheet cell: as stored, without JSON quoting.
    public var plainText: String {
        switch self {
        case .int(let i): String(i)
        case .decimal(let d): d.plain()
        case .text(let s): s
        case .bool(let b): b ? "true" : "false"
        case .date(let d): d.iso
        case .null: ""
        case .object(let m): m.map { "\($0.name)=\($0.value.plainText)" }.joined(separator: "; ")
        case .list(let l): l.map(\.plainText).joined(separator: " | ")
        case .fact(let f): f.type.rawValue + " " + f.occurred.iso
        case .data(let d): d.type.rawValue
        }
    }
}
