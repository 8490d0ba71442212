import ANTQDomain
import ANTQStore
import CommandLineKit
import JSONCodec
import SystemCalls
import TextFormats

/// `antq append TYPE --unit U --occurred D [--FIELD VALUE …]`, or a batch
/// from `--file F` / `-`.
enum AppendCommand {
    /// Longest batch line accepted: an event is a few hundred bytes.
    static let maxLineLength = 1 << 20

    static func run(_ c: Context) throws -> Int32 {
        let store = try c.store()
        let expect = try c.int("expect-seq")
        let inputs: [DraftInput]
        let file: String
        let isBatch = c.parsed.value("file") != nil || c.parsed.arguments.first == "-"
        if isBatch, let (name, _) = c.parsed.extra.first {
            // Data fields as flags belong to a single event; in a batch an
            // unknown flag is a typo that must not be silently ignored.
            throw unknownOption(name, c)
        }
        if let path = c.parsed.value("file") {
            if c.parsed.arguments.first != nil && c.parsed.arguments.first != "-" {
                throw CLIError.usage("give either a TYPE or --file, not both")
            }
            let bytes: [UInt8]
            do { bytes = try FileSystem.readFile(path) } catch {
                throw CLIError.failed("error: cannot read \(path): \(error.text)", code: 66)
            }
            inputs = batch(bytes)
            file = path
        } else if c.parsed.arguments.first == "-" {
            inputs = batch(try Terminal.readStandardInput())
            file = "<stdin>"
        } else if let type = c.parsed.arguments.first {
            inputs = [DraftInput(line: 1, draft: flagsDraft(type: type, c))]
            file = "<command line>"
        } else {
            throw CLIError.usage("append needs an event TYPE, --file FILE, or '-' for standard input. See 'antq help append'.")
        }
        if inputs.isEmpty {
            throw CLIError.invalid("error: \(file) holds no events; nothing was appended\nfix: give one JSON event per line; see 'antq help append'")
        }
        let receipt = try store.append(inputs, file: file, defaultBy: c.recorder, expectSeq: expect)
        printReceipt(receipt, c)
        return 0
    }

    static func printReceipt(_ r: AppendReceipt, _ c: Context) {
        if c.format == "json" {
            var w = JSONWriter()
            w.beginObject()
            w.key("appended"); w.beginArray(); for e in r.events { w.int(Int64(e.seq)) }; w.endArray()
            w.key("fingerprint"); w.string(r.fingerprint.description)
            w.endObject()
            Terminal.out(String(decoding: w.bytes, as: UTF8.self) + "\n")
            return
        }
        if r.events.count == 1, let e = r.events.first {
            Terminal.out("appended #\(e.seq) \(e.type.rawValue)\(e.unit.map { " unit \($0)" } ?? "") occurred \(e.occurred.iso)\nfingerprint: \(r.fingerprint)\n")
        } else {
            Terminal.out("appended \(r.events.count) events: #\(r.events.first!.seq)…#\(r.events.last!.seq)\nfingerprint: \(r.fingerprint)\n")
        }
    }

    /// Splits a batch into lines and decodes each; errors stay per line.
    static func batch(_ bytes: [UInt8]) -> [DraftInput] {
        var out: [DraftInput] = []
        var start = 0
        var number = 1
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return [DraftInput(line: 1, draft: .failure(EventCodingError(field: nil, problem: "the file starts with a UTF-8 byte-order mark (BOM)",
                                                                         fix: "save it as UTF-8 without BOM")))]
        }
        bytes.withUnsafeBytes { all in
            while start < all.count {
                var end = start
                while end < all.count && all[end] != 0x0A { end += 1 }
                let line = UnsafeRawBufferPointer(rebasing: all[start..<end])
                defer { start = end + 1; number += 1 }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                if line.count > maxLineLength {
                    out.append(DraftInput(line: number, draft: .failure(EventCodingError(field: nil, problem: "the line is \(line.count) bytes long (limit \(maxLineLength))", fix: "one event per line; an event is a few hundred bytes"))))
                    continue
                }
                if line.last == 0x0D {
                    out.append(DraftInput(line: number, draft: .failure(EventCodingError(field: nil, problem: "the line ends with CR LF (Windows line end)", fix: "save the file with LF line ends"))))
                    continue
                }
                if line.contains(0) {
                    out.append(DraftInput(line: number, draft: .failure(EventCodingError(field: nil, problem: "the line contains a NUL byte", fix: "remove it; a batch is UTF-8 text"))))
                    continue
                }
                do { out.append(DraftInput(line: number, draft: .success(try DraftDecoder.decode(line)))) } catch {
                    out.append(DraftInput(line: number, draft: .failure(error as? EventCodingError ?? EventCodingError(field: nil, problem: "\(error)"))))
                }
            }
        }
        return out
    }

    /// One event from flags: every unknown `--field value` is a data field.
    static func flagsDraft(type typeName: String, _ c: Context) -> Result<EventDraft, EventCodingError> {
        guard let type = EventType(rawValue: typeName), type != .logCreated else {
            let names = EventType.allCases.filter { $0 != .logCreated }.map(\.rawValue)
            let close = names.min { editDistance($0, typeName) < editDistance($1, typeName) }
            return .failure(EventCodingError(field: "type", problem: "\"\(typeName)\" is not an event type"
                                             + (close.map { "; did you mean \($0)?" } ?? ""), fix: "one of: " + names.joined(separator: ", ")))
        }
        var occurred: CivilDate?
        if let o = c.parsed.value("occurred") {
            guard let d = CivilDate(parsing: o) else {
                return .failure(EventCodingError(field: "occurred", problem: "\"\(o)\" is not a real date", fix: "write YYYY-MM-DD or dd/mm/yyyy"))
            }
            occurred = d
        }
        var fields: [DataField] = []
        for (name, value) in c.parsed.extra {
            let key = name.replacingOccurrences(of: "-", with: "_")
            let v: DataField.Value = (value == "null" || value.isEmpty) ? .null : .string(value)
            if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = v } else { fields.append(DataField(key: key, value: v)) }
        }
        if type.isAmendment {
            // For `append event.corrected`: --target, --reason and replacement fields.
            var data: [DataField] = []
            var amendment: [DataField] = []
            for f in fields {
                if ["target", "reason"].contains(f.key) { amendment.append(f) } else { data.append(f) }
            }
            if let o = occurred { amendment.append(DataField(key: "occurred", value: .string(o.iso))) }
            if let u = c.parsed.value("unit") { amendment.append(DataField(key: "unit", value: .string(u))) }
            if !data.isEmpty { amendment.append(DataField(key: "data", value: .object(data))) }
            return .success(EventDraft(id: c.parsed.value("id"), type: type, occurred: nil, unit: nil, by: c.parsed.value("by"),
                                       fields: amendment, fieldMode: .flags))
        }
        return .success(EventDraft(id: c.parsed.value("id")?.lowercased(), type: type, occurred: occurred, unit: c.parsed.value("unit"),
                                   by: c.parsed.value("by"), fields: fields, fieldMode: .flags))
    }

    /// The parser's own "unknown option" error, with the closest declared option as suggestion.
    static func unknownOption(_ name: String, _ c: Context) -> ParseError {
        let declared = c.parsed.command.options.map(\.name) + Tool.global.map(\.name)
        let best = declared.map { ($0, editDistance($0, name)) }.min { $0.1 < $1.1 }
        return .unknownOption("--\(name)", command: c.parsed.command.name,
                              suggestion: best.flatMap { $0.1 <= 2 ? "--\($0.0)" : nil })
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var prev = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var cur = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

import Foundation
