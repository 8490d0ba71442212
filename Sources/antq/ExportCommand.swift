import ANTQDomain
import ANTQReports
import ANTQStore
import TextFormats

/// `antq export [--history] [--type T] [--year Y | --period P] [--unit U]`:
/// the facts in force as CSV rows or an `.xlsx` workbook for a spreadsheet
/// (see `ExportTable`, `WorkbookRenderer`).
enum ExportCommand {
    static func run(_ c: Context) throws -> Int32 {
        let format = c.parsed.value("format") ?? "csv"
        let sepName = c.parsed.value("separator") ?? "comma"
        guard let sep = ImportCommand.separators[sepName], let separator = sep else {
            throw CLIError.usage(c.lang.t("--separator takes comma, semicolon or tab, not '\(sepName)'", "--separator nhận comma, semicolon hoặc tab, không phải '\(sepName)'"))
        }
        let typeFilter = c.parsed.value("type")
        _ = try c.int("year")  // a whole number, as its help says; read below as that reporting year
        let store = try c.store()
        let base = try store.replay(sections: [.base])
        let ledger = base.ledger
        let period = try c.period(start: base.periodStart)
        // The units a column sums over are those `summary` sums the same period over.
        let scope = try c.unit(in: ledger, on: period?.lastDay).map {
            UnitScope($0, units: ledger.units, period: period.map { ($0.firstDay, $0.lastDay) })
        }
        var table = ExportTable(mode: c.parsed.flag("history") ? .history : .inForce)
        let chain = try store.forEachEvent { (e: Event, _: UnsafeRawBufferPointer) -> Bool in
            table.add(e)
            return true
        }
        let (header, rows) = table.table(vietnamese: c.lang.isVietnamese, include: { type, day, unit in
            if let t = typeFilter, !TypeFilter.matches(type, t) { return false }
            // `--year` is read as a period (the reporting year), so a column totals to `summary YEAR`.
            if let p = period, !p.contains(day) { return false }
            if let scope, !scope.contains(unit, on: day) { return false }
            return true
        }, unitName: { code, day in ledger.units.view(code, on: day)?.name ?? ledger.units.view(code)?.name })
        // Read without the key of a keyed log: every row says its chain was not checked.
        let marked = ChainMark.csvRows([header] + rows, chain)
        if format == "xlsx" {
            try ReportOutput.write(try WorkbookRenderer.export(header: marked[0], rows: Array(marked.dropFirst()), lang: c.lang), binary: true, c)
        } else {
            let writer = CSVWriter(separator: separator, lineEnding: c.parsed.flag("bom") ? .crlf : .lf, byteOrderMark: c.parsed.flag("bom"),
                                   neutralizesFormulas: true)
            try ReportOutput.write(writer.write(marked), c)
        }
        if rows.isEmpty { Terminal.err(c.lang.t("note: no events matched; only the header was written\n", "ghi chú: không có sự kiện nào khớp; chỉ ghi dòng tiêu đề\n")) }
        return 0
    }
}
