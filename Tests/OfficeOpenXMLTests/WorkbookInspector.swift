import Foundation

/// Reads an `.xlsx` with Python's `zipfile` and `xml.etree.ElementTree` only,
/// an implementation that shares nothing with the writer, and reports what a
/// reader would see: every part parsed, content types and relationships
/// resolved, shared strings decoded (`_xHHHH_`), each cell's position (from its
/// reference, parsed independently), type, value, number format and font.
enum WorkbookInspector {
    struct Report: Decodable {
        var testzip: String?
        var names: [String]
        var undeclared: [String]
        var unreachable: [String]
        var missingTargets: [String]
        var formulaCount: Int
        var nonSharedTextCells: Int
        var sharedCount: Int
        var sharedUniqueCount: Int
        var sharedEntries: Int
        var core: [String: String]
        var application: String?
        var titles: [String]
        var sheets: [SheetReport]
    }

    struct SheetReport: Decodable {
        var name: String
        var path: String
        var dimension: String?
        var pane: [String: String]?
        var cols: [[Double]]
        var cells: [CellReport]
    }

    struct CellReport: Decodable {
        var row: Int
        var col: Int
        var ref: String
        var type: String?
        var value: String?
        var text: String?
        var format: String
        var bold: Bool
    }

    static let script = #"""
import json, posixpath, re, sys, zipfile
import xml.etree.ElementTree as ET

M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
P = '{http://schemas.openxmlformats.org/package/2006/relationships}'
CT = '{http://schemas.openxmlformats.org/package/2006/content-types}'

z = zipfile.ZipFile(sys.argv[1])
out = {"testzip": z.testzip(), "names": z.namelist()}
parts = {n: ET.fromstring(z.read(n)) for n in z.namelist()}   # every part must parse

types = parts['[Content_Types].xml']
overrides = {o.get('PartName') for o in types.iter(CT + 'Override')}
defaults = {d.get('Extension') for d in types.iter(CT + 'Default')}
out["undeclared"] = [n for n in z.namelist() if n != '[Content_Types].xml'
                     and '/' + n not in overrides and n.rsplit('.', 1)[-1] not in defaults]

def rels_of(part):
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, '_rels', name + '.rels')
    if path not in parts:
        return {}
    return {r.get('Id'): (r.get('Type'), posixpath.normpath(posixpath.join(folder, r.get('Target'))))
            for r in parts[path].iter(P + 'Relationship')}

reached, missing, todo = set(), [], ['']
while todo:
    part = todo.pop()
    for _, (_, target) in rels_of(part).items():
        if target not in parts:
            missing.append(target)
        elif target not in reached:
            reached.add(target)
            todo.append(target)
out["missingTargets"] = missing
out["unreachable"] = [n for n in z.namelist() if n not in reached and n != '[Content_Types].xml' and not n.endswith('.rels')]

decode = lambda s: re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), s)
sst = parts['xl/sharedStrings.xml']
strings = [decode(''.join(t.text or '' for t in si.iter(M + 't'))) for si in sst.findall(M + 'si')]
out["sharedCount"] = int(sst.get('count'))
out["sharedUniqueCount"] = int(sst.get('uniqueCount'))
out["sharedEntries"] = len(strings)

styles = parts['xl/styles.xml']
codes = {0: 'General'}
for f in styles.iter(M + 'numFmt'):
    codes[int(f.get('numFmtId'))] = f.get('formatCode')
fonts = [f.find(M + 'b') is not None for f in styles.find(M + 'fonts').findall(M + 'font')]
xfs = [(codes[int(x.get('numFmtId'))], fonts[int(x.get('fontId'))]) for x in styles.find(M + 'cellXfs').findall(M + 'xf')]

core = parts['docProps/core.xml']
out["core"] = {c.tag.split('}')[1]: c.text or '' for c in core}
app = parts['docProps/app.xml']
A = '{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}'
out["application"] = app.findtext(A + 'Application')
out["titles"] = [e.text or '' for e in app.find(A + 'TitlesOfParts').iter('{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}lpstr')]

def position(ref):
    letters, digits = re.fullmatch(r'([A-Z]+)([0-9]+)', ref).groups()
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(digits) - 1, col - 1

book = rels_of('xl/workbook.xml')
sheets, formulas, nonshared = [], 0, 0
for s in parts['xl/workbook.xml'].find(M + 'sheets'):
    path = book[s.get(R + 'id')][1]
    root = parts[path]
    formulas += len(list(root.iter(M + 'f')))
    pane = root.find(f'{M}sheetViews/{M}sheetView/{M}pane')
    dim = root.find(M + 'dimension')
    cells = []
    for row in root.find(M + 'sheetData'):
        for c in row:
            r, col = position(c.get('r'))
            assert str(r + 1) == row.get('r'), (c.get('r'), row.get('r'))
            t, v = c.get('t'), c.findtext(M + 'v')
            if t not in (None, 's', 'n'):
                nonshared += 1
            code, bold = xfs[int(c.get('s', '0'))]
            cells.append({"row": r, "col": col, "ref": c.get('r'), "type": t, "value": v,
                          "text": strings[int(v)] if t == 's' else None, "format": code, "bold": bold})
    cols = root.find(M + 'cols')
    sheets.append({"name": s.get('name'), "path": path, "dimension": dim.get('ref') if dim is not None else None,
                   "pane": dict(pane.attrib) if pane is not None else None,
                   "cols": [[float(c.get('min')), float(c.get('max')), float(c.get('width'))] for c in (cols if cols is not None else [])],
                   "cells": cells})
out["sheets"] = sheets
out["formulaCount"] = formulas
out["nonSharedTextCells"] = nonshared
print(json.dumps(out))
"""#

    static func inspect(_ bytes: [UInt8]) throws -> Report {
        let scratch = try ScratchDirectory("inspect")
        let path = try scratch.write("book.xlsx", bytes)
        return try ExternalTool.python(script, [path], as: Report.self)
    }
}
