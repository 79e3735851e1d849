#!/usr/bin/python3
"""The Records sheet of the chain workbook (issue #19), written and read back.

    check_records_sheet.py TRAZA_CLI SOURCE_DIR WORKDIR

- `traza-cli export care.json -o care.xlsx` (English and Spanish): the Records
  sheet has the ten columns under their labels, one row per document, the
  first row of each record carrying its fields; this script sums the tonnes per
  flow from the cells itself and compares them with the sample's yearly flows,
  and compares every record with the sample JSON (dates as real dates).
- Importing that workbook again gives back the sample's records unchanged.
- A workbook written here with openpyxl (Spanish headers, a record with two
  documents on two rows) imports with the records this script expects.
- Errors name the cell: a date that does not exist (Registros!C3), a flow that
  does not exist (Registros!B4), a repeated record with other tonnes.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

import openpyxl

failures = []


def check(ok, msg):
    if not ok:
        failures.append(msg)
        print("FAIL:", msg)


def run(args, expect=0):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != expect:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode} (expected {expect})\n{p.stdout}\n{p.stderr}")
    return p


cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
sample_path = os.path.join(source, "data", "samples", "care-pilot-2025.json")
with open(sample_path, encoding="utf-8") as f:
    sample = json.load(f)
records = sample["records"]
by_id = {r["id"]: r for r in records}

HEADERS = {
    "en": ["Record id", "Flow", "Date", "Tonnes", "Evidence", "Document type", "Document number", "Payment",
           "Price per tonne", "Notes"],
    "es": ["Registro", "Flujo", "Fecha", "Toneladas", "Evidencia", "Tipo de documento", "Número de documento", "Pago",
           "Precio por tonelada", "Notas"],
}
SHEET = {"en": "Records", "es": "Registros"}

for lang in ("en", "es"):
    book_path = os.path.join(work, f"care-{lang}.xlsx")
    run([cli, "export", sample_path, "-o", book_path, "--lang", lang])
    wb = openpyxl.load_workbook(book_path)
    check(SHEET[lang] in wb.sheetnames, f"{lang}: a {SHEET[lang]} sheet ({wb.sheetnames})")
    ws = wb[SHEET[lang]]
    check([c.value for c in ws[1]] == HEADERS[lang], f"{lang}: headers {[c.value for c in ws[1]]}")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    expected_rows = sum(max(1, len(r["documents"])) for r in records)
    check(len(rows) == expected_rows, f"{lang}: {len(rows)} rows, expected {expected_rows} (one per document)")
    sums, seen, docs = {}, [], {}
    for row in rows:
        rid = row[0]
        docs.setdefault(rid, []).append((row[5], row[6]))
        if rid in seen:
            check(all(v is None for i, v in enumerate(row) if i not in (0, 5, 6)), f"{lang}: {rid}: a further row repeats only the document")
            continue
        seen.append(rid)
        r = by_id.get(rid)
        check(r is not None, f"{lang}: record {rid} is in the sample")
        if r is None:
            continue
        check(row[1] == r["flow"], f"{lang}: {rid} flow {row[1]}")
        check(isinstance(row[2], datetime.datetime) and row[2].date().isoformat() == r["date"], f"{lang}: {rid} date {row[2]!r}")
        check(row[3] == r["tonnes"], f"{lang}: {rid} tonnes {row[3]}")
        check(row[7] is not None and row[9] == r["notes"], f"{lang}: {rid} payment and notes")
        sums[row[1]] = sums.get(row[1], 0.0) + row[3]
    check(seen == [r["id"] for r in records], f"{lang}: records in the sample's order")
    for rid, d in docs.items():
        check([n for _, n in d] == [x["number"] for x in by_id[rid]["documents"]], f"{lang}: {rid} document numbers {d}")
    for flow in sample["flows"]:
        if flow["id"] in sums:
            check(sums[flow["id"]] == flow["tonnes"], f"{lang}: flow {flow['id']}: cells add up to {sums[flow['id']]}, not {flow['tonnes']}")
    check(len(sums) == 5, f"{lang}: five flows have records ({sorted(sums)})")

    # The workbook imports back to the same records.
    back_path = os.path.join(work, f"back-{lang}.json")
    run([cli, "import", book_path, "-o", back_path])
    with open(back_path, encoding="utf-8") as f:
        back = json.load(f)
    check(back.get("records") == records, f"{lang}: the imported records equal the sample's")

# A workbook written by openpyxl, Spanish headers; r2 has two documents on two rows.
def chain_book(path, record_rows):
    wb = openpyxl.Workbook()
    a = wb.active
    a.title = "Actores"
    a.append(["Código", "Tipo de actor"])
    a.append(["org", "Organización de recicladores (ECA)"])
    a.append(["exp", "Exportador"])
    fl = wb.create_sheet("Flujos")
    fl.append(["Código", "Origen", "Destino", "Toneladas"])
    fl.append(["f1", "org", "exp", 5.5])
    r = wb.create_sheet("Registros")
    r.append(HEADERS["es"])
    for row in record_rows:
        r.append(row)
    wb.save(path)


good = os.path.join(work, "openpyxl.xlsx")
chain_book(good, [
    ["r1", "f1", datetime.datetime(2025, 3, 14), 2.25, "Documentada", "Factura electrónica de venta", "FE-1", "Crédito", 3900000, "primera"],
    ["r2", "f1", "2025-04-02", 3.25, "Autodeclarada", "Remisión o acta de entrega", "7", "Efectivo", None, None],
    ["r2", None, None, None, None, "Recibo de caja", "C-9", None, None, None],
])
out = os.path.join(work, "openpyxl.json")
run([cli, "import", good, "-o", out])
with open(out, encoding="utf-8") as f:
    got = json.load(f)
recs = got.get("records", [])
check([r["id"] for r in recs] == ["r1", "r2"], f"openpyxl: records {[r['id'] for r in recs]}")
if len(recs) == 2:
    check(recs[0]["date"] == "2025-03-14" and recs[0]["tonnes"] == 2.25 and recs[0]["evidence"] == "documented", f"openpyxl: r1 {recs[0]}")
    check(recs[0]["payment"] == "credit" and recs[0]["price_per_t"] == 3900000 and recs[0]["notes"] == "primera", f"openpyxl: r1 {recs[0]}")
    check(recs[1]["documents"] == [{"type": "delivery_receipt", "number": "7"}, {"type": "cash_receipt", "number": "C-9"}],
          f"openpyxl: r2 documents {recs[1]['documents']}")
flow = got["flows"][0]
check(flow["tonnes"] == 5.5 and flow["documented_t"] == 5.5 and flow["evidence"] == "self_declared", f"openpyxl: flow summary {flow}")

# Errors name the cell.
def refused(rows, where, reason):
    path = os.path.join(work, "bad.xlsx")
    chain_book(path, rows)
    p = run([cli, "import", path, "-o", os.path.join(work, "bad.json")], expect=2)
    check(where in p.stderr and reason in p.stderr, f"refused at {where} ({reason}): {p.stderr.strip()}")


ok_r1 = ["r1", "f1", "2025-03-14", 2.25, None, None, None, None, None, None]
refused([ok_r1, ["r2", "f1", "2026-13-01", 3.25, None, None, None, None, None, None]], "Registros!C3", "2026-13-01")
refused([ok_r1, ["r2", "f1", "2025-04-01", 1.0, None, None, None, None, None, None],
         ["r3", "f9", "2025-04-01", 2.25, None, None, None, None, None, None]], "Registros!B4", 'no flow has id "f9"')
refused([ok_r1, ["r2", "f1", "2025-04-01", 3.25, None, None, None, None, None, None],
         ["r2", None, None, 1.0, None, None, None, None, None, None]], "Registros!D4", "given again")
refused([ok_r1, ["r2", "f1", "2025-04-01", 3.0, None, None, None, None, None, None]], "Registros", "must be equal")

if failures:
    print(f"{len(failures)} failures")
    sys.exit(1)
print("records sheet: all checks passed")
