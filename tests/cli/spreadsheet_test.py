#!/usr/bin/python3
"""End-to-end tests of spreadsheet import and export with the built traza-cli,
run by CTest one case at a time:

    spreadsheet_test.py CASE TRAZA_CLI SOURCE_DIR

The workbooks and CSV files are written here by other programs (openpyxl,
Python's csv module in Windows-1252, LibreOffice), as users' files are, and
what Traza imported is read back from its chain JSON export and compared with
the values written, so the reference is independent of the C++ code.
"""
import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

CASE, CLI, SOURCE = sys.argv[1:4]
SAMPLE = os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")
WORK = tempfile.mkdtemp(prefix="traza-sheet-test-")


def run(*args, timeout=300):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout)


def path(name):
    return os.path.join(WORK, name)


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def chain_of(project):
    """The chain JSON Traza exports for a project file, as Python objects."""
    out = path("back.json")
    r = run("export", project, "-o", out)
    check(r.returncode == 0, "export: " + r.stderr)
    with open(out, encoding="utf-8") as f:
        return json.load(f)


# The chain every input below describes, in Traza's own terms.
ACTORS = [
    {"id": "org1", "name": "Asociación Ñandú de Bogotá", "kind": "picker_organisation", "stage": 2, "formality": "semi_formal",
     "headcount": 45, "public_service_provider": True, "risk_factors": ["cash_payments", "no_invoice"], "capacity_t": 250.5},
    {"id": "101", "name": "Exportadora \"La Costa\"", "kind": "exporter", "stage": 4, "formality": "formal", "headcount": 0,
     "public_service_provider": False, "risk_factors": [], "capacity_t": 3200000},
    {"id": "ref", "name": "Refinería\nBrasil", "kind": "refiner", "stage": 5, "formality": "informal", "headcount": 0,
     "public_service_provider": False, "risk_factors": [], "capacity_t": 0},
]
FLOWS = [
    {"id": "f1", "from": "org1", "to": "101", "tonnes": 173.8, "documented_t": 8.69, "evidence": "self_declared",
     "documents": ["cash_receipt"], "payment": "cash", "period": {"start": "2025-01-01", "end": "2025-06-30"}},
    {"id": "f2", "from": "101", "to": "ref", "tonnes": 1234.5, "documented_t": 1234.5, "evidence": "documented",
     "documents": ["electronic_invoice", "customs_export_declaration"], "payment": "credit", "period": None},
]

# The same values as a Spanish user writes them.
ES_ACTOR_HEADERS = ["Código", "Nombre", "Tipo de actor", "Formalidad", "Número de personas", "Prestador del servicio público",
                    "Factores de riesgo", "Capacidad (t)"]
ES_ACTORS = [
    ["org1", "Asociación Ñandú de Bogotá", "Organización de recicladores", "Semiformal", 45, "Sí", "Pagos en efectivo; Vende o compra sin factura", 250.5],
    [101, "Exportadora \"La Costa\"", "Exportador", "Formal", None, "No", None, 3200000],
    ["ref", "Refinería\nBrasil", "Refinador o refundidor", None, None, None, None, None],
]
ES_FLOW_HEADERS = ["Código", "Origen", "Destino", "Cantidad (kg)", "Toneladas documentadas", "Nivel de evidencia", "Documentos", "Pago",
                   "Inicio del periodo", "Fin del periodo"]
ES_FLOWS = [
    ["f1", "org1", 101, 173800, 8.69, "Autodeclarada", "Recibo de caja", "Efectivo", datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)],
    ["f2", 101, "ref", 1234500, 1234.5, "Documentada", "Factura electrónica de venta; Declaración de exportación (DEX)", "Crédito", None, None],
]


def check_chain(doc, what):
    actors = {a["id"]: a for a in doc["actors"]}
    flows = {f["id"]: f for f in doc["flows"]}
    check(sorted(actors) == sorted(a["id"] for a in ACTORS), what + ": actor ids %r" % sorted(actors))
    check(sorted(flows) == sorted(f["id"] for f in FLOWS), what + ": flow ids %r" % sorted(flows))
    for want in ACTORS:
        got = actors[want["id"]]
        for key, value in want.items():
            check(got[key] == value, "%s: actor %s %s = %r, expected %r" % (what, want["id"], key, got[key], value))
    for want in FLOWS:
        got = flows[want["id"]]
        for key, value in want.items():
            if key == "period":
                check(got.get("period") == value, "%s: flow %s period %r, expected %r" % (what, want["id"], got.get("period"), value))
            elif isinstance(value, float):
                check(abs(got[key] - value) <= 1e-9 * abs(value), "%s: flow %s %s = %r, expected %r" % (what, want["id"], key, got[key], value))
            else:
                check(got[key] == value, "%s: flow %s %s = %r, expected %r" % (what, want["id"], key, got[key], value))


def write_openpyxl_workbook(name):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.title = "Léeme"
    wb.active["A1"] = "Cadena de latas de aluminio, CEMPRE"
    sheets = {"Actores": (ES_ACTOR_HEADERS, ES_ACTORS), "Flujos": (ES_FLOW_HEADERS, ES_FLOWS)}
    for title, (headers, rows) in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(headers)
        for row in rows:
            ws.append(row)
    wb.save(path(name))


def case_openpyxl_workbook():
    write_openpyxl_workbook("cadena.xlsx")
    r = run("import", path("cadena.xlsx"), "-o", path("cadena.traza"))
    check(r.returncode == 0, "a Spanish workbook written by openpyxl imports: " + r.stderr)
    check("Imported 3 actors and 2 flows" in r.stdout, "the summary counts what was imported: " + r.stdout)
    check("\"Cantidad (kg)\" → tonnes × 0.001" in r.stdout, "the summary says the kg column was divided: " + r.stdout)
    check_chain(chain_of(path("cadena.traza")), "openpyxl workbook")


def write_csv(name, headers, rows, encoding, delimiter, decimal_comma):
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, datetime.date):
            return v.strftime("%d/%m/%Y") if v.day > 12 else v.isoformat()
        if isinstance(v, float) and decimal_comma:
            return ("%r" % v).replace(".", ",")
        if isinstance(v, int) and v >= 1000 and decimal_comma:
            return "{:,}".format(v).replace(",", ".")  # 3.200.000, as Excel in a Spanish locale shows it
        return str(v)
    text = io.StringIO()
    w = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(headers)
    for row in rows:
        w.writerow([cell(v) for v in row])
    with open(path(name), "wb") as f:
        f.write(text.getvalue().encode(encoding))


def case_spanish_csv():
    # Excel in a Spanish locale: ';', decimal comma, thousands dots, Windows-1252.
    write_csv("actores.csv", ES_ACTOR_HEADERS, ES_ACTORS, "cp1252", ";", True)
    write_csv("flujos.csv", ES_FLOW_HEADERS, ES_FLOWS, "cp1252", ";", True)
    r = run("import", "--actors", path("actores.csv"), "--flows", path("flujos.csv"), "-o", path("csv.traza"))
    check(r.returncode == 0, "Spanish-locale CSV in Windows-1252 imports: " + r.stderr)
    check("Windows-1252" in r.stdout, "the summary says the file was converted from Windows-1252: " + r.stdout)
    check_chain(chain_of(path("csv.traza")), "Windows-1252 CSV")

    # The same in UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), tab-separated.
    write_csv("actores8.csv", ES_ACTOR_HEADERS, ES_ACTORS, "utf-8-sig", "\t", True)
    write_csv("flujos8.csv", ES_FLOW_HEADERS, ES_FLOWS, "utf-8-sig", "\t", True)
    r = run("import", "--actors", path("actores8.csv"), "--flows", path("flujos8.csv"), "-o", path("csv8.traza"))
    check(r.returncode == 0, "UTF-8 CSV with BOM imports: " + r.stderr)
    check_chain(chain_of(path("csv8.traza")), "UTF-8 CSV")


def case_errors_by_cell():
    import openpyxl
    write_openpyxl_workbook("bad.xlsx")
    wb = openpyxl.load_workbook(path("bad.xlsx"))
    wb["Flujos"]["D3"] = "173,8 t"
    wb["Flujos"]["H2"] = "Trueque"
    wb["Flujos"]["C3"] = "nadie"
    wb.save(path("bad.xlsx"))
    with open(path("keep.traza"), "wb") as f:
        f.write(b"existing")
    r = run("import", path("bad.xlsx"), "-o", path("keep.traza"))
    check(r.returncode == 2, "a workbook with bad cells is refused with status 2, got %d" % r.returncode)
    check("bad.xlsx: Flujos!H2: Pago: unknown value \"Trueque\"" in r.stderr, "the payment cell is named: " + r.stderr)
    check("bad.xlsx: Flujos!D3: Cantidad (kg): not a number (\"173,8 t\")" in r.stderr, "the tonnes cell is named: " + r.stderr)
    with open(path("keep.traza"), "rb") as f:
        check(f.read() == b"existing", "nothing is written when the import is refused")
    # A workbook whose one problem shows only once every row is read (a flow to an unknown actor):
    # the project file being written while the workbook was read is dropped, temporary file and all.
    wb = openpyxl.load_workbook(path("bad.xlsx"))
    wb["Flujos"]["D3"] = 173800
    wb["Flujos"]["H2"] = "Efectivo"
    wb.save(path("late.xlsx"))
    r = run("import", path("late.xlsx"), "-o", path("late.traza"))
    check(r.returncode == 2 and "late.xlsx: Flujos!C3" in r.stderr, "the unknown actor is named by its cell: " + r.stderr)
    check(not os.path.exists(path("late.traza")), "nothing is written for a flow to an unknown actor")
    leftovers = [n for n in os.listdir(os.path.dirname(path("late.traza"))) if ".tmp-" in n]
    check(not leftovers, "a refused import leaves no temporary file: %s" % leftovers)

    # An unknown header names the closest known ones; a rule maps it, and the project keeps the rule.
    write_csv("a.csv", ES_ACTOR_HEADERS, ES_ACTORS, "utf-8", ",", False)
    headers = list(ES_FLOW_HEADERS)
    headers[3] = "Kg entregados"
    write_csv("f.csv", headers, ES_FLOWS, "utf-8", ",", False)
    r = run("import", "--actors", path("a.csv"), "--flows", path("f.csv"), "-o", path("r.traza"))
    check(r.returncode == 2 and "f.csv:1:4: column \"Kg entregados\" is not one Traza knows for flows" in r.stderr,
          "an unknown header is named by its place: " + r.stderr)
    r = run("import", "--actors", path("a.csv"), "--flows", path("f.csv"), "-o", path("r.traza"), "--map", "Kg entregados=tonnes/1000")
    check(r.returncode == 0, "a rule maps the unknown header: " + r.stderr)
    check_chain(chain_of(path("r.traza")), "CSV with a column rule")
    r = run("import", "--actors", path("a.csv"), "--flows", path("f.csv"), "-o", path("r2.traza"), "--rules-from", path("r.traza"))
    check(r.returncode == 0, "the project remembers its rules for the next import: " + r.stderr)

    # An ambiguous number is an error naming the cell, never a guess.
    # (Neither file shows its decimal mark: a mark one of them showed would hold for both.)
    write_csv("a2.csv", ["id", "kind"], [["org1", "ECA"], ["101", "exportador"], ["ref", "refinador"]], "utf-8", ",", False)
    write_csv("amb.csv", ["id", "from", "to", "tonnes"], [["f1", "org1", "101", "1.234"], ["f2", "101", "ref", "7"]], "utf-8", ",", False)
    r = run("import", "--actors", path("a2.csv"), "--flows", path("amb.csv"), "-o", path("amb.traza"))
    check(r.returncode == 2 and "amb.csv:2:4" in r.stderr, "an ambiguous number is refused at its cell: " + r.stderr)
    check(not os.path.exists(path("amb.traza")), "nothing is written for an ambiguous number")

    # An old binary .xls is refused with advice.
    with open(path("old.xls"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
    r = run("import", path("old.xls"), "-o", path("old.traza"))
    check(r.returncode == 2 and "xlsx" in r.stderr, "an .xls is refused with advice: " + r.stderr)


def soffice_convert(source, fmt, outdir, infilter=None):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    check(soffice is not None, "LibreOffice is installed")
    os.makedirs(outdir, exist_ok=True)
    args = [soffice, "-env:UserInstallation=file://" + path("lo-profile"), "--headless", "--convert-to", fmt, "--outdir", outdir]
    if infilter:
        args.append("--infilter=" + infilter)
    r = subprocess.run(args + [source], capture_output=True, text=True, timeout=240)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(source))[0] + "." + fmt)
    check(r.returncode == 0 and os.path.exists(out), "soffice converts %s to %s: %s %s" % (source, fmt, r.stdout, r.stderr))
    return out


def case_libreoffice_workbook():
    # A workbook LibreOffice wrote itself: the openpyxl workbook opened and saved again, as xlsx and as ods.
    write_openpyxl_workbook("cadena.xlsx")
    for fmt in ("xlsx", "ods"):
        book = soffice_convert(path("cadena.xlsx"), fmt, path("lo-" + fmt))
        r = run("import", book, "-o", path("lo-" + fmt + ".traza"))
        check(r.returncode == 0, "a workbook saved by LibreOffice as %s imports: %s" % (fmt, r.stderr))
        check_chain(chain_of(path("lo-" + fmt + ".traza")), "LibreOffice " + fmt)

    # soffice --convert-to xlsx of CSV files: one workbook per file, given as --actors and --flows.
    write_csv("Actores.csv", ES_ACTOR_HEADERS, ES_ACTORS, "utf-8", ",", False)
    write_csv("Flujos.csv", ES_FLOW_HEADERS, ES_FLOWS, "utf-8", ",", False)
    actors = soffice_convert(path("Actores.csv"), "xlsx", path("lo-csv"), "CSV:44,34,76,1")
    flows = soffice_convert(path("Flujos.csv"), "xlsx", path("lo-csv"), "CSV:44,34,76,1")
    r = run("import", "--actors", actors, "--flows", flows, "-o", path("lo-csv.traza"))
    check(r.returncode == 0, "CSV files converted to xlsx by LibreOffice import: " + r.stderr)
    check_chain(chain_of(path("lo-csv.traza")), "LibreOffice CSV -> xlsx")


CASES = {"openpyxl_workbook": case_openpyxl_workbook, "spanish_csv": case_spanish_csv, "errors_by_cell": case_errors_by_cell,
         "libreoffice_workbook": case_libreoffice_workbook}

if __name__ == "__main__":
    try:
        CASES[CASE]()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
