import ANTQReports
import ANTQCodec
import ANTQDomain
import ANTQStore
import CommandLineKit
import JSONCodec
import SystemCalls
import TextFormats

/// `antq append TYPE --unit U --occurred D [--FIELD VALUE …]`, or a batch
/// from `--file F` / `-`.
enum AppendCommand {
    static func run(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let expect = try c.int("expect-seq")
        let isBatch = c.parsed.value("file") != nil || c.parsed.arguments.first == "-"
        if isBatch, let (name, _) = c.parsed.extra.first {
            // Data fields as flags belong to a single event; in a batch an
            // unknown flag is a typo that must not be silently ignored.
            throw unknownOption(name, c)
        }
        let receipt: BatchReceipt
        if let path = c.parsed.value("file") {
            if c.parsed.arguments.first != nil && c.parsed.arguments.first != "-" {
                throw CLIError.usage(c.lang.t("give either a TYPE or --file, not both", "ghi LOẠI hoặc --file, không ghi cả hai"))
            }
            let fd: FileDescriptor
            do { fd = try FileDescriptor.open(path, .readOnly) } catch {
                throw CLIError.failed(ErrorReport.cannotRead(path, error, c.lang), code: 66)
            }
            defer { try? fd.close() }
            let reader = BatchReader(fd: fd)
            let first: DraftInput?
            do { first = try reader.next() } catch {
                throw CLIError.failed(ErrorReport.cannotRead(path, error, c.lang), code: 66)
            }
            receipt = try stream(reader, first: first, file: path, store: store, expect: expect, c)
        } else if c.parsed.arguments.first == "-" {
            let reader = BatchReader(fd: FileDescriptor.standardInput)
            receipt = try stream(reader, first: try reader.next(), file: "<stdin>", store: store, expect: expect, c)
        } else if let type = c.parsed.arguments.first {
            if let t = EventType(rawValue: type) {
                // An amendment's target and reason are given as options; its other fields are the replacement's.
                let also = t.isAmendment ? ["target", "reason"] : []
                try refuseMisspeltOptions(fields: t.spec.fields.map(\.name).filter { !also.contains($0) }, also: also, c)
            }
            let inputs = [DraftInput(line: 1, draft: flagsDraft(type: type, c))]
            var one = inputs
            receipt = try store.appendBatch(next: { () throws(StoreError) -> DraftInput? in one.popLast() }, file: "<command line>",
                                            defaultBy: c.recorder, expectSeq: expect,
                                            sections: { store.sectionsNeeded(by: inputs, tail: $0, session: nil) })
        } else {
            throw CLIError.usage(c.lang.t("append needs an event TYPE, --file FILE, or '-' for standard input",
                                          "append cần LOẠI sự kiện, --file TỆP, hoặc '-' để đọc từ đầu vào chuẩn"))
        }
        printReceipt(receipt, c)
        if receipt.count == 1, let e = receipt.first, e.type == .figureAsserted { noteIfTheLogDisagrees(e, store: store, c) }
        return 0
    }

    /// After an announced figure is recorded: says at once when the log, as
    /// it stands, gives another value (`verify` reports the announcement
    /// from then on). The announcement is kept: that it was announced is a fact.
    static func noteIfTheLogDisagrees(_ e: Event, store: DataStore, _ c: Context) {
        guard let metric = e.data.text(FigureAsserted.metric), let expected = e.data.decimal(FigureAsserted.value), let unit = e.unit,
              let whole = try? store.replay(writeSnapshot: false, sections: ReportCommands.figureSections),
              let period = try? FigureAsserted.period(of: e.data, periodStart: whole.periodStart, recordedOn: Clock.vietnamDay(of: e.recorded)),
              let ledger = try? ReportCommands.ledger(for: period, whole, store: store, asOf: nil, override: nil),
              let definition = ledger.figures[metric] else { return }
        let actual = SummaryReport.query(ledger, period).value(metric, unit: unit)
        guard actual != expected else { return }
        let name = (ledger.units.view(unit, on: period.lastDay) ?? ledger.units.view(unit)).map { "\($0.name) [\(unit)]" } ?? unit
        let given = c.lang.figure(expected, definition), held = c.lang.figure(actual, definition)
        Terminal.err(c.lang.t(
            "note: the log gives \(held) for \(metric) \(period.label) of \(name), not \(given) as announced; 'antq verify' reports this announcement until the log or the announcement is corrected\n",
            "ghi chú: sổ cho \(held) với \(metric) \(period.label) của \(name), không phải \(given) như đã công bố; 'antq verify' sẽ báo số liệu công bố này cho đến khi sổ hoặc số liệu công bố được đính chính\n"))
    }

    /// Appends a batch as it is read: the reader's lines are validated and
    /// written one by one, so memory stays flat however long the batch is.
    static func stream(_ reader: BatchReader, first: DraftInput?, file: String, store: DataStore, expect: Int?, _ c: Context) throws -> BatchReceipt {
        guard first != nil else {
            throw CLIError.invalid(ErrorReport.error(c.lang) + c.lang.t("\(file) holds no events; nothing was appended", "\(file) không có sự kiện nào; chưa ghi gì vào sổ")
                                   + "\n" + ErrorReport.fix(c.lang) + c.lang.t("give one JSON event per line; see 'antq help append'", "ghi mỗi dòng một sự kiện JSON; xem 'antq help append'"))
        }
        var pending = first
        return try store.appendBatch(nextBlock: { (block: inout [DraftInput]) throws(StoreError) in
            // The first line already read, then the reader's drafts a block at a time.
            if let d = pending.take() {
                block.removeAll(keepingCapacity: true)
                block.append(d)
                return
            }
            do throws(Errno) { try reader.next(block: &block) } catch { throw .io(error) }
        }, file: file, defaultBy: c.recorder, expectSeq: expect)
    }

    static func printReceipt(_ r: AppendReceipt, _ c: Context) {
        printReceipt(BatchReceipt(count: r.events.count, first: r.events.first, last: r.events.last,
                                  fingerprint: r.fingerprint, recovered: r.recovered), c)
    }

    static func printReceipt(_ r: BatchReceipt, _ c: Context) {
        guard let first = r.first, let last = r.last else { return }
        if c.format == "json" {
            var w = JSONWriter()
            w.beginObject()
            w.key("appended"); w.beginArray(); for seq in first.seq...last.seq { w.int(Int64(seq)) }; w.endArray()
            w.key("fingerprint"); w.string(r.fingerprint.description)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
            return
        }
        if r.count == 1 {
            Terminal.out(Receipts.appendedOne(seq: first.seq, type: first.type, unit: first.unit, occurred: first.occurred, c.lang) + "\n"
                         + Receipts.fingerprint(r.fingerprint, c.lang) + "\n")
        } else {
            Terminal.out(Receipts.appendedMany(count: r.count, first: first.seq, last: last.seq, c.lang) + "\n" + Receipts.fingerprint(r.fingerprint, c.lang) + "\n")
        }
    }

    /// One event from flags: every unknown `--field value` is a data field,
    /// read as a person types it (numbers in the reader's style, values by
    /// their Vietnamese or English names); a structured field (`--label`,
    /// `--dimensions`) is typed as JSON.
    static func flagsDraft(type typeName: String, _ c: Context) -> Result<EventDraft, EventCodingError> {
        guard let type = EventType(rawValue: typeName), type != .logCreated else {
            let names = EventType.allCases.filter { $0 != .logCreated }.map(\.rawValue)
            let close = names.min { editDistance($0, typeName) < editDistance($1, typeName) }
            let list = names.joined(separator: ", ")
            return .failure(EventCodingError(field: "type",
                problem: Text("\"\(typeName)\" không phải loại sự kiện" + (close.map { "; có phải \($0)?" } ?? ""),
                              "\"\(typeName)\" is not an event type" + (close.map { "; did you mean \($0)?" } ?? "")),
                fix: Text("một trong: " + list, "one of: " + list)))
        }
        let mode = FieldMode.typed(vietnameseNumbers: c.lang.isVietnamese)
        var occurred: CivilDate?
        if let o = c.parsed.value("occurred") {
            guard let d = CivilDate(parsing: o) else {
                return .failure(EventCodingError(field: "occurred", problem: Text("\"\(o)\" không phải ngày có thật", "\"\(o)\" is not a real date"),
                                                 fix: Text("viết dd/mm/yyyy hoặc YYYY-MM-DD", "write YYYY-MM-DD or dd/mm/yyyy")))
            }
            occurred = d
        }
        let spec = type.spec
        var fields: [InputField] = []
        for (name, value) in c.parsed.extra {
            let key = name.replacing("-", with: "_")
            var v: InputValue = (value == "null" || value.isEmpty) ? .null : .string(value)
            if let kind = spec.field(named: key)?.kind, kind.isStructured, case .string(let text) = v {
                guard let parsed = InputTree.parse(text) else {
                    return .failure(EventCodingError(field: key, problem: Text("{field} phải viết bằng JSON", "{field} must be written as JSON"),
                                                     fix: Text("ví dụ --\(name) '{\"vi\": \"…\", \"en\": \"…\"}'", "e.g. --\(name) '{\"vi\": \"…\", \"en\": \"…\"}'")))
                }
                v = parsed
            }
            if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = v } else { fields.append(InputField(key, v)) }
        }
        if type.isAmendment {
            // For `append event.corrected`: --target, --reason and replacement fields.
            var data: [InputField] = []
            var amendment: [InputField] = []
            for f in fields {
                if ["target", "reason"].contains(f.key) { amendment.append(f) } else { data.append(f) }
            }
            if let o = occurred { amendment.append(InputField("occurred", .string(o.iso))) }
            if let u = c.parsed.value("unit") { amendment.append(InputField("unit", .string(u))) }
            if !data.isEmpty { amendment.append(InputField("data", .object(data))) }
            return .success(EventDraft(id: c.parsed.value("id"), type: type, occurred: nil, unit: nil, by: c.parsed.value("by"),
                                       fields: amendment, fieldMode: mode))
        }
        return .success(EventDraft(id: c.parsed.value("id")?.lowercased(), type: type, occurred: occurred, unit: c.parsed.value("unit"),
                                   by: c.parsed.value("by"), fields: fields, fieldMode: mode))
    }

    /// The parser's own "unknown option" error, with the closest declared option as suggestion.
    static func unknownOption(_ name: String, _ c: Context, also: [String] = []) -> ParseError {
        .unknownOption("--\(name)", command: c.parsed.command.name, suggestion: closeOption(name, c, also: also).map { "--\($0)" })
    }

    /// The declared option (of the command or global, or one of `also`)
    /// spelt like `name`: within two edits (one for a name under four
    /// letters), and closer than every one of `fields` (`--kid` is as near
    /// `kind` as `id`: the field's typo, not the option's).
    static func closeOption(_ name: String, _ c: Context, also: [String] = [], fields: [String] = []) -> String? {
        let declared = c.parsed.command.options.map(\.name) + Tool.global.map(\.name) + also
        guard let best = declared.map({ ($0, editDistance($0, name)) }).min(by: { $0.1 < $1.1 }), best.1 <= (name.count < 4 ? 1 : 2) else { return nil }
        let key = name.replacing("-", with: "_")
        // A field that is also one of the options (`reason`) is that option.
        return fields.contains { !declared.contains($0) && editDistance($0, key) <= best.1 } ? nil : best.0
    }

    /// Flags of one event that are none of `fields` (nor `also`) but are
    /// spelt like one of the command's own options (`--occured`, `--unti`,
    /// `--reasn`): refused as the typo of that option, as any other command
    /// refuses one, rather than read as an unknown field beside a missing option.
    static func refuseMisspeltOptions(fields: [String], also: [String] = [], _ c: Context) throws {
        for (name, _) in c.parsed.extra {
            let key = name.replacing("-", with: "_")
            if fields.contains(key) || also.contains(key) { continue }
            if closeOption(name, c, also: also, fields: fields) != nil { throw unknownOption(name, c, also: also) }
        }
    }
}

