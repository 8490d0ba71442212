/// An Office Open XML spreadsheet (`.xlsx`) of one or more sheets, written
/// without any package and without Foundation.
///
/// Clerks open antq's reports in Excel; a real workbook keeps numbers as
/// numbers (with grouping in their own locale), keeps Vietnamese text exactly,
/// freezes and bolds the header, and never turns text into a formula, none of
/// which a CSV file can promise.
///
/// ``bytes()`` is deterministic: the same workbook gives the same bytes (no
/// clock, no random order), so a report can be compared and hashed.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]
    public var properties: DocumentProperties

    public init(sheets: [Sheet], properties: DocumentProperties = DocumentProperties()) {
        self.sheets = sheets
        self.properties = properties
    }

    /// The `.xlsx` file. Throws when a sheet breaks a rule Excel has (see
    /// ``SpreadsheetError``) rather than writing a file Excel would repair.
    /// The first sheet is the one shown when the file opens.
    public func bytes() throws(SpreadsheetError) -> [UInt8] {
        guard !sheets.isEmpty else { throw .noSheets }
        var seen: Set<String> = []
        for sheet in sheets {
            if let reason = Sheet.nameProblem(sheet.name) { throw .invalidSheetName(sheet.name, reason: reason) }
            guard seen.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
        }

        var strings = SharedStrings()
        var styles = StyleTable()
        var worksheets: [[UInt8]] = []
        for (i, sheet) in sheets.enumerated() {
            worksheets.append(try WorksheetWriter.xml(for: sheet, selected: i == 0, strings: &strings, styles: &styles))
        }

        var zip = ZipWriter(modified: properties.created ?? .dosEpoch)
        do {
            // [Content_Types].xml first: some readers sniff for it at the start.
            try zip.add(name: "[Content_Types].xml", contents: PackageParts.contentTypes(sheetCount: sheets.count))
            try zip.add(name: "_rels/.rels", contents: PackageParts.rootRelationships())
            try zip.add(name: "docProps/app.xml", contents: PackageParts.app(properties, sheetNames: sheets.map(\.name)))
            try zip.add(name: "docProps/core.xml", contents: PackageParts.core(properties))
            try zip.add(name: "xl/workbook.xml", contents: PackageParts.workbook(sheetNames: sheets.map(\.name)))
            try zip.add(name: "xl/_rels/workbook.xml.rels", contents: PackageParts.workbookRelationships(sheetCount: sheets.count))
            try zip.add(name: "xl/styles.xml", contents: styles.xml())
            try zip.add(name: "xl/sharedStrings.xml", contents: strings.xml())
            for (i, sheet) in worksheets.enumerated() {
                try zip.add(name: "xl/worksheets/sheet\(i + 1).xml", contents: sheet)
            }
        } catch {
            throw .archive(error)
        }
        return zip.finish()
    }
}

/// What `docProps/core.xml` and `docProps/app.xml` say about the file. All
/// optional: nothing absent is invented, in particular no current time, so the
/// output stays deterministic. `created` also dates the ZIP entries.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String?
    public var creator: String?
    /// The program named in File › Properties (`app.xml`'s `Application`).
    public var application: String?
    /// Written as both created and modified.
    public var created: Timestamp?

    public init(title: String? = nil, creator: String? = nil, application: String? = nil, created: Timestamp? = nil) {
        self.title = title
        self.creator = creator
        self.application = application
        self.created = created
    }
}
