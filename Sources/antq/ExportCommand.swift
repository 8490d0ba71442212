import ANTQDomain
import ANTQStore
import TextFormats

/// `antq export [--format csv] [--bom] [--type T] [--year Y]`: events as one
/// CSV row each, for a spreadsheet (see `EventRows` for the columns).
enum ExportCommand {
    static func run(_ c: Context) throws -> Int32 {
        let format = c.parsed.value("format") ?? "csv"
        guard format == "csv" else { throw CLIError.usage("export writes --format csv only, not '\(format)'") }
        let sepName = c.parsed.value("separator") ?? "comma"
        guard let sep = ImportCommand.separators[sepName], let separator = sep else {
            throw CLIError.usage("--separator takes comma, semicolon or tab, not '\(sepName)'")
        }
        let typeFilter = c.parsed.value("type")
        let year = try c.int("year")
        let store = try c.store()
        // Names of units as they stood on each event's day.
        let ledger = try store.replay().ledger
        var unitFilter: Set<String>?
        if let u = try c.unit(in: ledger) { unitFilter = Set(ledger.units.subtree(u, on: nil)) }
        var rows = EventRows()
        try store.forEachEvent { (e: Event, _: UnsafeRawBufferPointer) -> Bool in
            if e.type == .logCreated { return true }
            if let t = typeFilter, !(e.type.rawValue == t || (!t.contains(".") && e.type.rawValue.hasPrefix(t + "."))
                                      || (t.hasSuffix(".") && e.type.rawValue.hasPrefix(t))) { return true }
            if let y = year, e.occurred.year != y { return true }
            if let us = unitFilter, !(e.unit.map { us.contains($0) } ?? false) { return true }
            let name = e.unit.flatMap { ledger.units.view($0, on: e.occurred)?.name ?? ledger.units.view($0)?.name }
            rows.append(e, unitName: name)
            return true
        }
        let writer = CSVWriter(separator: separator, lineEnding: c.parsed.flag("bom") ? .crlf : .lf, byteOrderMark: c.parsed.flag("bom"))
        Terminal.out(writer.write(rows.table))
        if rows.count == 0 { Terminal.err("note: no events matched; only the header was written\n") }
        return 0
    }
}
