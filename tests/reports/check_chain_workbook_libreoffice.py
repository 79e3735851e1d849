#!/usr/bin/python3
"""LibreOffice opens the chain workbook: the Spanish template and the CARE
export are converted headless to xlsx (LibreOffice's own writer) and to CSV,
and what LibreOffice kept is read back with openpyxl and Python's csv module:

    check_chain_workbook_libreoffice.py TRAZA_CLI SOURCE_DIR WORKDIR

Exits 77 (skipped) when LibreOffice is not installed.
"""
import csv
import json
import os
import shutil
import subprocess
import sys

import openpyxl


def run(args, timeout=240):
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))}: exit {p.returncode}\nstdout: {p.stdout[-2000:]}\nstderr: {p.stderr[-2000:]}")
    return p


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def main():
    cli, source_dir, workdir = sys.argv[1:4]
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("SKIP: LibreOffice is not installed (Debian: libreoffice-calc)")
        return 77
    lo = os.path.join(workdir, "chain-libreoffice")
    shutil.rmtree(lo, ignore_errors=True)
    os.makedirs(os.path.join(lo, "out"))
    profile = os.path.join(lo, "profile")
    base = [office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}"]
    template = os.path.join(lo, "plantilla.xlsx")
    care = os.path.join(lo, "care.xlsx")
    sample = os.path.join(source_dir, "data", "samples", "care-pilot-2025.json")
    run([cli, "template", "-o", template, "--lang", "es"])
    run([cli, "export", sample, "-o", care, "--lang", "es"])
    out = os.path.join(lo, "out")
    run(base + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, template, care])

    wb = openpyxl.load_workbook(os.path.join(out, "plantilla.xlsx"))
    check(wb.sheetnames == ["Instrucciones", "Actores", "Flujos", "Listas"], "LibreOffice keeps the sheets: %s" % wb.sheetnames)
    check(wb["Listas"].sheet_state == "hidden", "LibreOffice keeps the Lists sheet hidden")
    check([c.value for c in wb["Flujos"][1]][:5] == ["Código", "Origen", "Destino", "Material", "Toneladas"],
          "LibreOffice reads the Flows header")
    # Not the frozen header: a headless conversion has no view to save (checked on Traza's own file in C++).
    kinds = [v for v in wb["Actores"].data_validations.dataValidation if "C2" in str(v.sqref)]
    check(len(kinds) == 1 and kinds[0].type == "list" and "Listas" in kinds[0].formula1 and "$A$2:$A$9" in kinds[0].formula1,
          "LibreOffice keeps the kind drop-down on the Lists sheet: %s" % [(str(v.sqref), v.formula1) for v in kinds])
    check(wb["Listas"]["A2"].value == "Reciclador de oficio o grupo de recicladores", "LibreOffice reads the lists")

    with open(sample, encoding="utf-8") as f:
        chain = json.load(f)
    wb = openpyxl.load_workbook(os.path.join(out, "care.xlsx"))
    flows = list(wb["Flujos"].iter_rows(values_only=True))
    check([r[0] for r in flows[1:]] == [f["id"] for f in chain["flows"]], "LibreOffice reads every flow")
    check([r[4] for r in flows[1:]] == [f["tonnes"] for f in chain["flows"]], "LibreOffice reads the tonnes as the same numbers")

    # The first sheet as CSV: the instructions are readable text.
    run(base + ["--convert-to", "csv", "--outdir", out, template])
    with open(os.path.join(out, "plantilla.csv"), encoding="utf-8", errors="replace") as f:
        rows = list(csv.reader(f))
    check(rows[0][0] == "Traza: plantilla de una cadena de valor", "the CSV starts with the title: %r" % rows[0][:1])
    check(sum(1 for r in rows if r and r[0] in ("Actores", "Flujos")) == 34, "the CSV explains the 34 columns")
    print("LibreOffice opened the template and the export")
    return 0


if __name__ == "__main__":
    sys.exit(main())
