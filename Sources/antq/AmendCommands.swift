import ANTQDomain
import ANTQStore

/// `antq correct SEQ --reason R [--FIELD VALUE …]` and `antq retract SEQ --reason R`:
/// shorthands for appending event.corrected / event.retracted.
enum AmendCommands {
    static func run(_ c: Context, retract: Bool) throws -> Int32 {
        guard let seqText = c.parsed.arguments.first, let seq = Int(seqText), seq > 0 else {
            let verb = retract ? "retract" : "correct"
            throw CLIError.usage(c.lang.t("give the seq of the event to \(verb), e.g. 'antq \(verb) 1234 --reason \"…\"'",
                                          "ghi số thứ tự của sự kiện cần \(retract ? "hủy bỏ" : "đính chính"), ví dụ 'antq \(verb) 1234 --reason \"…\"'"))
        }
        // A replacement field's name depends on the target's type, unknown before the log is read:
        // a flag spelt like an option (`--reasn`) and like no field of any type is that option's typo.
        try AppendCommand.refuseMisspeltOptions(fields: Array(Set(EventType.allCases.flatMap { $0.spec.fields.map(\.name) })), c)
        guard let reason = c.parsed.value("reason"), !reason.isEmpty else {
            throw CLIError.usage(c.lang.t("--reason is required: say why the record is \(retract ? "retracted" : "corrected")",
                                          "cần --reason: ghi lý do \(retract ? "hủy bỏ" : "đính chính")"))
        }
        var fields = [InputField("target", .number(String(seq))), InputField("reason", .string(reason))]
        if !retract {
            if let o = c.parsed.value("occurred") { fields.append(InputField("occurred", .string(o))) }
            if let u = c.parsed.value("unit") { fields.append(InputField("unit", .string(u))) }
            var data: [InputField] = []
            for (name, value) in c.parsed.extra {
                data.append(InputField(name.replacing("-", with: "_"), value == "null" ? .null : .string(value)))
            }
            if !data.isEmpty { fields.append(InputField("data", .object(data))) }
        }
        let draft = EventDraft(type: retract ? .eventRetracted : .eventCorrected, occurred: nil, unit: nil, by: c.parsed.value("by"),
                               fields: fields, fieldMode: .typed(vietnameseNumbers: c.lang.isVietnamese))
        let store = try c.store()
        let receipt = try store.append([DraftInput(line: 1, draft: .success(draft))], file: "<command line>", defaultBy: c.recorder,
                                       expectSeq: try c.int("expect-seq"))
        AppendCommand.printReceipt(receipt, c)
        return 0
    }
}

