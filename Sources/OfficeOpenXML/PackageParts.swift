/// The fixed parts of the package that tie the sheets together: content
/// types, relationships, the workbook and the document properties.
///
/// Every part a reader opens must be declared in `[Content_Types].xml` and
/// reached through a relationship, or Excel calls the file damaged; sheets are
/// `sheet1.xml`…, relationship ids `rId1`… in sheet order, then styles and
/// shared strings.
enum PackageParts {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeType = "application/vnd.openxmlformats-officedocument"

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        x.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        x.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        x.raw(#"<Override PartName="/xl/workbook.xml" ContentType="\#(officeType).spreadsheetml.sheet.main+xml"/>"#)
        for i in 1...sheetCount {
            x.raw(#"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="\#(officeType).spreadsheetml.worksheet+xml"/>"#)
        }
        x.raw(#"<Override PartName="/xl/styles.xml" ContentType="\#(officeType).spreadsheetml.styles+xml"/>"#)
        x.raw(#"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(officeType).spreadsheetml.sharedStrings+xml"/>"#)
        x.raw(#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#)
        x.raw(#"<Override PartName="/docProps/app.xml" ContentType="\#(officeType).extended-properties+xml"/>"#)
        x.raw("</Types>")
        return x
    }

    static func rootRelationships() -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<Relationships xmlns="\#(packageRelationships)">"#)
        x.raw(#"<Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>"#)
        x.raw(#"<Relationship Id="rId2" Type="\#(packageRelationships)/metadata/core-properties" Target="docProps/core.xml"/>"#)
        x.raw(#"<Relationship Id="rId3" Type="\#(officeRelationships)/extended-properties" Target="docProps/app.xml"/>"#)
        x.raw("</Relationships>")
        return x
    }

    static func workbook(sheetNames: [String]) -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<workbook xmlns="\#(main)" xmlns:r="\#(officeRelationships)">"#)
        x.raw(#"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
        for (i, name) in sheetNames.enumerated() {
            x.raw(#"<sheet name=""#)
            XMLEscaping.append(name, to: &x, excelEscapes: false, attribute: true)
            x.raw(#"" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#)
        }
        x.raw("</sheets></workbook>")
        return x
    }

    static func workbookRelationships(sheetCount: Int) -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<Relationships xmlns="\#(packageRelationships)">"#)
        for i in 1...sheetCount {
            x.raw(#"<Relationship Id="rId\#(i)" Type="\#(officeRelationships)/worksheet" Target="worksheets/sheet\#(i).xml"/>"#)
        }
        x.raw(#"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(officeRelationships)/styles" Target="styles.xml"/>"#)
        x.raw(#"<Relationship Id="rId\#(sheetCount + 2)" Type="\#(officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>"#)
        x.raw("</Relationships>")
        return x
    }

    /// Dublin Core properties; dates only when the caller gave one.
    static func core(_ p: DocumentProperties) -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        element("dc:title", p.title, into: &x)
        element("dc:creator", p.creator, into: &x)
        if let created = p.created {
            x.raw(#"<dcterms:created xsi:type="dcterms:W3CDTF">\#(created)</dcterms:created>"#)
            x.raw(#"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(created)</dcterms:modified>"#)
        }
        x.raw("</cp:coreProperties>")
        return x
    }

    /// Extended properties: the application and the sheet titles, which
    /// File › Properties lists.
    static func app(_ p: DocumentProperties, sheetNames: [String]) -> [UInt8] {
        var x: [UInt8] = []
        x.raw(header)
        x.raw(#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#)
        element("Application", p.application, into: &x)
        x.raw(#"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>\#(sheetNames.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"#)
        x.raw(#"<TitlesOfParts><vt:vector size="\#(sheetNames.count)" baseType="lpstr">"#)
        for name in sheetNames { element("vt:lpstr", name, into: &x) }
        x.raw("</vt:vector></TitlesOfParts></Properties>")
        return x
    }

    private static func element(_ tag: String, _ text: String?, into x: inout [UInt8]) {
        guard let text else { return }
        x.raw("<\(tag)>")
        XMLEscaping.append(text, to: &x, excelEscapes: false)
        x.raw("</\(tag)>")
    }
}
