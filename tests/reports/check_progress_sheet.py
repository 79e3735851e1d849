#!/usr/bin/python3
"""The workbook's Progress sheet (issue #19, "Time"), read back with openpyxl and
recalculated by LibreOffice.

    check_progress_sheet.py MODE TRAZA_CLI SOURCE_DIR WORKDIR

MODE `cells`: the CARE report (English and Spanish) has a Progress sheet with two
native charts (xl/charts/chart*.xml, line charts naming the sheet); every delivered
and documented tonne equals `analyze --json`'s by_period; the cumulative and
share columns are formulas; the period each threshold was reached is stated.
A project without records has no Progress sheet.
MODE `libreoffice`: LibreOffice recalculates the sheet; each cumulative and share
formula gives the value recomputed here from the delivered and documented
columns, and the analysis's cumulative tonnes and shares (1e-9). Skipped (77)
without LibreOffice.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import openpyxl

MODE, CLI, SOURCE, WORK = sys.argv[1:5]
LEVELS = ["self_declared", "reported", "documented", "verified"]
SHEET = {"en": "Progress", "es": "Avance"}
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def run(*args):
    r = subprocess.run(list(args), capture_output=True, text=True, timeout=240)
    check(r.returncode == 0, "%s: %s" % (" ".join(args), r.stderr))
    return r.stdout


def tables(ws):
    """The two tables: {header text: column} and the data rows, found by their 'Period' header."""
    found = []
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value in ("Period", "Periodo"):
            head = {ws.cell(r, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(r, c).value}
            rows = []
            k = r + 1
            while re.fullmatch(r"\d{4}-(\d{2}|W\d{2})", str(ws.cell(k, 1).value or "")):
                rows.append(k)
                k += 1
            found.append((head, rows))
    check(len(found) == 2, "expected two tables, found %d" % len(found))
    return found


def report(lang, source=None):
    os.makedirs(WORK, exist_ok=True)
    source = source or os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")
    out = os.path.join(WORK, "progress-%s.xlsx" % lang)
    run(CLI, "report", source, "-o", out, "--lang", lang, "--no-map")
    return out


def cells():
    care = os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")
    analysis = json.loads(run(CLI, "analyze", care, "--json"))
    goals, periods = analysis["goals"], analysis["traceability"]["by_period"]
    for lang in ("en", "es"):
        path = report(lang)
        with zipfile.ZipFile(path) as z:
            charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
            progress_charts = [n for n in charts if ("'%s'!" % SHEET[lang]) in z.read(n).decode()
                               or ("%s!" % SHEET[lang]) in z.read(n).decode()]
            check(len(progress_charts) == 2, "%s: charts over the Progress sheet: %r" % (lang, progress_charts))
            for n in progress_charts:
                check("<c:lineChart>" in z.read(n).decode(), "%s is no line chart" % n)
        wb = openpyxl.load_workbook(path)
        check(SHEET[lang] in wb.sheetnames, "no %s sheet" % SHEET[lang])
        ws = wb[SHEET[lang]]
        check(len(ws._charts) == 2, "openpyxl sees %d charts" % len(ws._charts))
        (gh, grows), (eh, erows) = tables(ws)
        check([ws.cell(r, 1).value for r in grows] == [p["period"] for p in periods], "periods")
        # Columns in goal order: delivered block, cumulative block, goal block.
        n = len(goals)
        for i, g in enumerate(goals):
            for j, r in enumerate(grows):
                p = g["by_period"][j]
                check(close(ws.cell(r, 2 + i).value, p["delivered_t"]), "%s %s delivered" % (g["actor"], p["period"]))
                f = ws.cell(r, 2 + n + i).value
                check(isinstance(f, str) and f.startswith("=SUM("), "%s cumulative is no formula: %r" % (g["actor"], f))
                check(close(ws.cell(r, 2 + 2 * n + i).value, g["thresholds_t"][-1]), "goal column")
        texts = [str(ws.cell(r, 1).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value]
        for g in goals:
            for k, reached in enumerate(g["reached"]):
                if reached:
                    check(any(reached in t and ("threshold %d" % (k + 1) in t or "umbral %d" % (k + 1) in t)
                              for t in texts), "%s: threshold %d reached in %s not stated" % (g["actor"], k + 1, reached))
        for j, r in enumerate(erows):
            p = periods[j]
            check(close(ws.cell(r, 2).value, p["records_t"]), "records_t %s" % p["period"])
            for l, level in enumerate(LEVELS):
                f = ws.cell(r, 3 + 4 + l).value
                check(isinstance(f, str) and f.startswith("=IF("), "share %s is no formula" % level)
                doc = ws.cell(r, 3 + l).value
                want = p["documented_share"][level] * p["records_t"]
                check(close(doc, want), "documented t %s %s: %r != %r" % (p["period"], level, doc, want))
    # Without records, no Progress sheet.
    with open(care, encoding="utf-8") as f:
        doc = json.load(f)
    del doc["records"]
    plain = os.path.join(WORK, "plain.json")
    with open(plain, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    check("Progress" not in openpyxl.load_workbook(report("en", plain)).sheetnames, "Progress sheet without records")
    print("OK: Progress sheet, %d goals x %d periods, 2 charts, en and es" % (len(goals), len(periods)))
    return 0


def libreoffice():
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        print("SKIP: LibreOffice is not installed")
        return 77
    care = os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")
    analysis = json.loads(run(CLI, "analyze", care, "--json"))
    goals, periods = analysis["goals"], analysis["traceability"]["by_period"]
    path = report("en")
    lo = os.path.join(WORK, "progress-lo")
    shutil.rmtree(lo, ignore_errors=True)
    profile = os.path.join(lo, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    # openpyxl drops the cached values, so only LibreOffice's recalculation can fill them.
    wb = openpyxl.load_workbook(path)
    for name in wb.sheetnames:
        if name != "Progress":
            del wb[name]
    stripped = os.path.join(lo, "stripped.xlsx")
    wb.save(stripped)
    out = os.path.join(lo, "recalculated")
    run(office, "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, stripped)
    ws = openpyxl.load_workbook(os.path.join(out, "stripped.xlsx"), data_only=True)["Progress"]
    (gh, grows), (eh, erows) = tables(ws)
    n = len(goals)
    for i, g in enumerate(goals):
        running = 0.0
        for j, r in enumerate(grows):
            running += ws.cell(r, 2 + i).value
            got = ws.cell(r, 2 + n + i).value
            check(close(got, running), "recalculated cumulative %s %d: %r != %r" % (g["actor"], j, got, running))
            check(close(got, g["by_period"][j]["cumulative_t"]), "cumulative against the analysis")
    for j, r in enumerate(erows):
        for l, level in enumerate(LEVELS):
            got = ws.cell(r, 3 + 4 + l).value
            check(close(got, periods[j]["documented_share"][level]), "recalculated share %s %s" % (level, j))
    print("OK: LibreOffice recalculated %d cumulative and %d share cells" % (n * len(grows), 4 * len(erows)))
    return 0


sys.exit({"cells": cells, "libreoffice": libreoffice}[MODE]())
