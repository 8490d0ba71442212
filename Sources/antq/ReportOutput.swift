import SystemCalls

/// Where a report's bytes go: `--output FILE` (written whole, replacing the
/// file atomically), else standard output. A workbook is binary: written to
/// a terminal it would only garble the screen, so it needs `--output` there.
enum ReportOutput {
    static func write(_ text: String, _ c: Context) throws {
        if c.parsed.value("output") == nil { Terminal.out(text); return }
        try write(Array(text.utf8), binary: false, c)
    }

    static func write(_ bytes: [UInt8], binary: Bool, _ c: Context) throws {
        guard let path = c.parsed.value("output") else {
            if binary && FileDescriptor.standardOutput.isTerminal {
                throw CLIError.usage(c.lang.t("an .xlsx workbook is binary and standard output is a terminal; give --output FILE.xlsx (or redirect: > FILE.xlsx)",
                                              "tệp .xlsx là tệp nhị phân, không in ra màn hình được; ghi thêm --output TỆP.xlsx (hoặc chuyển hướng: > TỆP.xlsx)"))
            }
            bytes.withUnsafeBytes { try? FileDescriptor.standardOutput.writeAll($0) }
            return
        }
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        do {
            try FileSystem.writeAtomically(bytes, to: path, directory: directory.isEmpty ? "/" : directory, permissions: 0o644)
        } catch {
            throw CLIError.failed(c.lang.t("cannot write \(path): \(error)", "không ghi được \(path): \(error)"), code: 73)
        }
    }
}
