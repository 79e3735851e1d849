#!/usr/bin/python3
"""End-to-end test of supplier questionnaires (issue #18) through the built traza-cli:

    questionnaire_test.py CASE TRAZA_CLI PROJECT_SOURCE_DIR

The CARE pilot sample is imported; `questionnaire` writes the workbook of the
picker organisation org1, which openpyxl opens (sheet protection, unlocked
answer cells, the status and evidence drop-downs, the hidden identification)
and fills as the supplier would: two statuses and an evidence text changed (in
Spanish), a flow's documented tonnes and evidence level corrected. `answers
--dry-run` must print exactly that diff and leave the project's bytes alone;
`answers` then applies it, and `export -f json` must differ from the original
in exactly those values, with the answer source recorded on the changed items.
Refusals (another supplier, an edited identification cell, negative tonnes)
exit with status 2, name the cell and change nothing. Case libreoffice: the
answers are typed into LibreOffice's own document (its flat XML, opened from
the questionnaire by LibreOffice) and LibreOffice saves it as xlsx and ods.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

CASE, CLI, SOURCE = sys.argv[1], sys.argv[2], sys.argv[3]
WORK = tempfile.mkdtemp(prefix="traza-questionnaire-test-")
TODAY = "2026-12-03"
ENV = dict(os.environ, TRAZA_TODAY=TODAY)


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, env=ENV)


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)
    print("ok:", message)


def path(name):
    return os.path.join(WORK, name)


def digest(name):
    with open(name, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def export_json(project):
    r = run("export", project, "-f", "json", "-o", "-")
    check(r.returncode == 0, "export -f json: " + r.stderr)
    return json.loads(r.stdout)


def setup(lang="es"):
    project = path("care.traza")
    r = run("import", os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json"), "-o", project)
    check(r.returncode == 0, "import the CARE sample: " + r.stderr)
    book = path("q-org1.xlsx")
    r = run("questionnaire", project, "--supplier", "org1", "--lang", lang, "-o", book)
    check(r.returncode == 0 and os.path.exists(book), "questionnaire for org1: " + r.stderr)
    return project, book


def sheets(lang):
    return ("Lista de verificación", "Flujos") if lang == "es" else ("Checklist", "Flows")


def row_of(ws, ident):
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == ident:
            return row
    check(False, "row of %s in %s" % (ident, ws.title))


def fill(book, out):
    """The supplier's answers, as openpyxl writes them (Spanish words)."""
    wb = openpyxl.load_workbook(book)
    cl, fl = wb[sheets("es")[0]], wb[sheets("es")[1]]
    cl.cell(row_of(cl, "4.3"), 3).value = "Cumplido"
    cl.cell(row_of(cl, "4.4"), 3).value = "En curso"
    cl.cell(row_of(cl, "4.4"), 4).value = "Conciliación con recibos en marcha"
    f1 = row_of(fl, "f1")
    fl.cell(f1, 5).value = 52.14
    fl.cell(f1, 6).value = "Documentado"
    wb.save(out)


def case_openpyxl():
    project, book = setup("es")
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["Instrucciones", "Lista de verificación", "Flujos", "Traza"], "sheets: %s" % wb.sheetnames)
    ident = wb["Traza"]
    check(ident.sheet_state == "hidden" and ident.protection.sheet, "the identification sheet is hidden and protected")
    values = {ident.cell(r, 1).value: ident.cell(r, 2).value for r in range(1, ident.max_row + 1)}
    check(values["format"] == "traza-questionnaire" and values["supplier"] == "org1" and values["generated"] == TODAY,
          "identification: %s" % values)
    cl, fl = wb["Lista de verificación"], wb["Flujos"]
    for ws in (cl, fl, wb["Instrucciones"]):
        check(ws.protection.sheet, "%s is protected" % ws.title)
    check(cl.cell(2, 1).protection.locked and cl.cell(2, 2).protection.locked, "item id and text are locked")
    check(all(not cl.cell(2, c).protection.locked for c in range(3, 8)), "status, evidence, documents, owner, due are unlocked")
    check(fl.cell(2, 1).protection.locked and fl.cell(2, 2).protection.locked and fl.cell(2, 3).protection.locked,
          "flow id, from, to are locked")
    check(all(not fl.cell(2, c).protection.locked for c in range(4, 8)), "flow answer cells are unlocked")
    lists = [(dv.type, dv.formula1, str(dv.sqref)) for dv in cl.data_validations.dataValidation]
    check(any(t == "list" and "Cumplido" in f and "No aplica" in f and s == "C2:C14" for t, f, s in lists),
          "status drop-down in Spanish on C2:C14: %s" % lists)
    flists = [(dv.type, dv.formula1, str(dv.sqref)) for dv in fl.data_validations.dataValidation]
    check(any(t == "list" and "Documentado" in f and s == "F2:F3" for t, f, s in flists), "evidence drop-down: %s" % flists)
    check(any(t == "decimal" for t, f, s in flists), "tonnes are checked as numbers")
    check([cl.cell(r, 1).value for r in range(2, 15)] == ["2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "3.3", "3.4",
                                                            "4.1", "4.2", "4.3", "4.4"], "org1's items of steps 2-4")
    check([fl.cell(r, 1).value for r in (2, 3)] == ["f1", "f7"] and fl.cell(2, 4).value == 173.8, "org1's flows")

    filled = path("q-org1-filled.xlsx")
    fill(book, filled)
    before = export_json(project)
    bytes_before = digest(project)
    r = run("answers", project, filled, "--dry-run")
    check(r.returncode == 0, "answers --dry-run: " + r.stderr)
    expected = ("Checklist item 4.3:\n  status: In progress -> Done\n"
                "Checklist item 4.4:\n  status: Not started -> In progress\n"
                "  evidence: \"\" -> \"Conciliación con recibos en marcha\"\n"
                "Flow f1 (pickers-org1 -> org1):\n  documented tonnes: 8.69 -> 52.14\n"
                "  evidence level: Self-declared -> Documented\n"
                "2 checklist item(s) and 1 flow(s) change.\n")
    check(expected in r.stdout, "the printed diff:\n" + r.stdout)
    check("Dry run" in r.stdout and digest(project) == bytes_before, "--dry-run changes nothing")
    r = run("answers", project, filled, "--dry-run", "--lang", "es")
    check("Ítem 4.3 de la lista:\n  estado: En curso -> Cumplido" in r.stdout, "the diff in Spanish:\n" + r.stdout)

    r = run("answers", project, filled)
    check(r.returncode == 0 and "Import answers" in r.stdout, "answers applies: " + r.stdout + r.stderr)
    after = export_json(project)
    source = "questionnaire q-org1-filled.xlsx " + TODAY
    # Exactly those values changed.
    org1 = lambda d: next(c for c in d["checklists"] if c["scope"] == "org1")
    items_before = {i["id"]: i for i in org1(before)["items"]}
    items_after = {i["id"]: i for i in org1(after)["items"]}
    want = dict(items_before)
    want["4.3"] = dict(items_before["4.3"], status="done", source=source)
    want["4.4"] = dict(items_before["4.4"], status="in_progress", evidence="Conciliación con recibos en marcha", source=source)
    check(items_after == want, "org1's items after: %s" % {k: v for k, v in items_after.items() if v != items_before[k]})
    flows_before = {f["id"]: f for f in before["flows"]}
    flows_after = {f["id"]: f for f in after["flows"]}
    want = dict(flows_before)
    want["f1"] = dict(flows_before["f1"], documented_t=52.14, evidence="documented")
    check(flows_after == want, "flows after: only f1 changed")
    rest = lambda d: {k: v for k, v in d.items() if k not in ("checklists", "flows")}
    check(rest(after) == rest(before), "nothing else changed")
    check([c for c in after["checklists"] if c["scope"] != "org1"] == [c for c in before["checklists"] if c["scope"] != "org1"],
          "other checklists unchanged")
    r = run("answers", project, filled, "--dry-run")
    check("No changes" in r.stdout, "read again, nothing is left to change")

    # The report shows the source.
    report = path("report.xlsx")
    r = run("report", project, "-o", report)
    check(r.returncode == 0, "report: " + r.stderr)
    ws = openpyxl.load_workbook(report, read_only=True)["Checklist"]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    header = next(row for row in rows if row and "Source" in row and "Evidence" in row)
    col = header.index("Source")
    sources = [row[col] for row in rows if row and row[0] == "org1" and len(row) > col and row[3] in ("4.3", "4.4", "4.2")]
    # 4.2 was answered in the workbench before the questionnaire went out; 4.3 and 4.4 came back in it.
    check(sources == ["typed in the workbench", source, source], "the report's Source column: %s" % sources)


def refused(project, book, cell, *extra):
    bytes_before = digest(project)
    r = run("answers", project, book, *extra)
    check(r.returncode == 2 and cell in r.stderr, "refused naming %s: %s" % (cell, r.stderr.strip()))
    check(digest(project) == bytes_before, "nothing applied")


def case_refusals():
    project, book = setup("en")
    other = path("q-org2.xlsx")
    r = run("questionnaire", project, "--supplier", "org2", "-o", other)
    check(r.returncode == 0, "questionnaire for org2")
    refused(project, other, "q-org2.xlsx: Traza!B5: made for supplier \"org2\", not \"org1\"", "--supplier", "org1")

    wb = openpyxl.load_workbook(book)
    wb["Traza"]["B5"].value = "org2"
    wb.save(path("identity.xlsx"))
    refused(project, path("identity.xlsx"), "identity.xlsx: Traza!B10: the identification or an id of the questionnaire was changed")

    wb = openpyxl.load_workbook(book)
    wb["Flows"]["D3"].value = -5
    wb.save(path("negative.xlsx"))
    refused(project, path("negative.xlsx"), "negative.xlsx: Flows!D3: tonnes must be more than 0")

    wb = openpyxl.load_workbook(book)
    wb["Checklist"]["C7"].value = "Maybe"
    wb.save(path("maybe.xlsx"))
    refused(project, path("maybe.xlsx"), "maybe.xlsx: Checklist!C7: \"Maybe\" is not a status")

    wb = openpyxl.load_workbook(book)
    wb["Flows"].delete_rows(3)
    wb.save(path("removed.xlsx"))
    refused(project, path("removed.xlsx"), "removed.xlsx: Flows!A1: 1 rows where the questionnaire had 2")

    # Another project: same sample, another title.
    with open(os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json"), encoding="utf-8") as f:
        chain = json.load(f)
    chain["assessment"]["title"] = "Another assessment"
    with open(path("other.json"), "w", encoding="utf-8") as f:
        json.dump(chain, f)
    refused(path("other.json"), book, "q-org1.xlsx: Traza!B3: made for another project")


def case_several():
    project, _ = setup("en")
    folder = path("out")
    os.mkdir(folder)
    r = run("questionnaire", project, "--supplier", "org1", "--supplier", "expA", "-o", folder)
    check(r.returncode == 0, "two suppliers into a folder: " + r.stderr)
    check(sorted(os.listdir(folder)) == ["questionnaire-expA.xlsx", "questionnaire-org1.xlsx"], "one file each")
    r = run("questionnaire", project, "--supplier", "org1", "--supplier", "expA", "-o", path("x.xlsx"))
    check(r.returncode == 2 and "folder" in r.stderr, "several suppliers need a folder")
    r = run("questionnaire", project, "--supplier", "nobody", "-o", path("x.xlsx"))
    check(r.returncode == 2 and "nobody" in r.stderr and not os.path.exists(path("x.xlsx")), "unknown supplier refused")


def soffice_convert(source, fmt, outdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("SKIPPED: LibreOffice is not installed")
        sys.exit(77)
    args = [soffice, "-env:UserInstallation=file://" + path("lo-profile"), "--headless", "--convert-to", fmt, "--outdir", outdir, source]
    r = subprocess.run(args, capture_output=True, text=True, timeout=240)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(source))[0] + "." + fmt)
    check(r.returncode == 0 and os.path.exists(out), "soffice converts %s to %s: %s %s" % (source, fmt, r.stdout, r.stderr))
    return out


def fods_cell(doc, sheet, row_id, col):
    """The cell of column `col` (0-based) in the row whose first cell is `row_id`;
    a run of repeated cells is split so the cell stands alone."""
    table = next(t for t in doc.getElementsByTagName("table:table") if t.getAttribute("table:name") == sheet)
    for row in table.getElementsByTagName("table:table-row"):
        cells = [c for c in row.childNodes if c.nodeType == 1 and c.tagName in ("table:table-cell", "table:covered-table-cell")]
        if not cells or "".join(t.firstChild.data for t in cells[0].getElementsByTagName("text:p") if t.firstChild) != row_id:
            continue
        at = 0
        for c in cells:
            n = int(c.getAttribute("table:number-columns-repeated") or 1)
            if at + n > col:
                if n > 1:
                    c.removeAttribute("table:number-columns-repeated")
                    before, after = col - at, at + n - col - 1
                    for count, ref in ((before, c), (after, c.nextSibling)):
                        if count:
                            clone = c.cloneNode(True)
                            if count > 1:
                                clone.setAttribute("table:number-columns-repeated", str(count))
                            row.insertBefore(clone, ref)
                return c
            at += n
    check(False, "row %s in %s" % (row_id, sheet))


def fods_set(doc, cell, value):
    for a in ("office:value", "office:value-type", "calcext:value-type"):
        if cell.hasAttribute(a):
            cell.removeAttribute(a)
    while cell.firstChild:
        cell.removeChild(cell.firstChild)
    kind = "float" if isinstance(value, float) else "string"
    cell.setAttribute("office:value-type", kind)
    cell.setAttribute("calcext:value-type", kind)
    if kind == "float":
        cell.setAttribute("office:value", repr(value))
    p = doc.createElement("text:p")
    p.appendChild(doc.createTextNode(str(value)))
    cell.appendChild(p)


def case_libreoffice():
    """The supplier fills the questionnaire in LibreOffice: it is opened by
    LibreOffice (converted to its flat XML), the answers are typed into
    LibreOffice's own document, and LibreOffice saves it back as xlsx and ods."""
    from xml.dom import minidom
    project, book = setup("es")
    fods = soffice_convert(book, "fods", path("lo"))
    doc = minidom.parse(fods)
    cl, fl = sheets("es")
    fods_set(doc, fods_cell(doc, cl, "4.3", 2), "Cumplido")
    fods_set(doc, fods_cell(doc, cl, "4.4", 2), "En curso")
    fods_set(doc, fods_cell(doc, cl, "4.4", 3), "Conciliación con recibos en marcha")
    fods_set(doc, fods_cell(doc, fl, "f1", 4), 52.14)
    fods_set(doc, fods_cell(doc, fl, "f1", 5), "Documentado")
    filled = path("filled/q-org1-lo.fods")
    os.makedirs(os.path.dirname(filled), exist_ok=True)
    with open(filled, "w", encoding="utf-8") as f:
        doc.writexml(f)
    expected = ("Checklist item 4.3:\n  status: In progress -> Done\n"
                "Checklist item 4.4:\n  status: Not started -> In progress\n"
                "  evidence: \"\" -> \"Conciliación con recibos en marcha\"\n"
                "Flow f1 (pickers-org1 -> org1):\n  documented tonnes: 8.69 -> 52.14\n"
                "  evidence level: Self-declared -> Documented\n"
                "2 checklist item(s) and 1 flow(s) change.\n")
    for fmt in ("xlsx", "ods"):
        returned = soffice_convert(filled, fmt, path("returned"))
        r = run("answers", project, returned, "--dry-run")
        check(r.returncode == 0 and expected in r.stdout, "LibreOffice-saved %s gives the diff:\n%s%s" % (fmt, r.stdout, r.stderr))
    r = run("answers", project, path("returned/q-org1-lo.xlsx"))
    check(r.returncode == 0, "applied: " + r.stderr)
    after = export_json(project)
    items = {i["id"]: i for i in next(c for c in after["checklists"] if c["scope"] == "org1")["items"]}
    check(items["4.3"]["status"] == "done" and items["4.3"]["source"] == "questionnaire q-org1-lo.xlsx " + TODAY, "source recorded")
    check(next(f for f in after["flows"] if f["id"] == "f1")["documented_t"] == 52.14, "documented tonnes applied")


{"openpyxl": case_openpyxl, "refusals": case_refusals, "several": case_several, "libreoffice": case_libreoffice}[CASE]()
