#!/usr/bin/python3
"""The workbook's Claims sheet (issue #20), read back with openpyxl and recalculated
by LibreOffice.

    check_claims_sheet.py TRAZA_CLI SOURCE_DIR WORKDIR

Writes the report of a chain with two claim accounts (the coc-claims worked example
under the ASI-like profile, and an ISCC-like quarterly account with carry-over) and
checks: the CARE report has no Claims sheet; the cached values of every account
line equal `traza-cli claims --json`; then edits the Flows sheet (less documented
input, more output) and has LibreOffice recalculate: eligible input, credits,
claimable, output, expired and balance follow, recomputed here from the edit, and
the check line reports the over-allocation the edit causes. The LibreOffice part
is skipped (exit 77) when it is not installed.
"""
import json
import math
import os
import shutil
import subprocess
import sys

import openpyxl

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""
LINES = [("Eligible input (t)", "eligible_input_t"), ("Input not eligible (t)", "not_eligible_input_t"),
         ("Input %: eligible / all input", "input_share"), ("Credits (t): eligible input × yield", "credits_t"),
         ("Carried in from the last period (t)", "carried_in_t"),
         ("Claimable output (t): carried in + credits", "claimable_t"), ("Output (t)", "output_t"),
         ("Output claimed (t)", "claimed_t"), ("Output %: claimed / all output", "output_share"),
         ("Balance carried over (t): claimable − claimed − expired", "balance_t")]

CHAIN = {
    "format": "traza-chain", "version": 1,
    "assessment": {"title": "Claims", "period": {"start": "2025-01-01", "end": "2025-12-31"}},
    "actors": [
        {"id": "eca", "kind": "picker_organisation", "formality": "formal"},
        {"id": "int", "kind": "intermediary", "formality": "formal"},
        {"id": "pre", "kind": "other", "stage": 3, "formality": "formal"},
        {"id": "ref", "kind": "refiner", "formality": "formal", "claim_yield": 0.92},
        {"id": "rem", "kind": "other", "stage": 5, "formality": "formal", "makes_claims": True,
         "claim_profile": "iscc"},
        {"id": "man", "kind": "manufacturer", "formality": "formal"}],
    "flows": [
        {"id": "f-eca", "from": "eca", "to": "ref", "tonnes": 400, "documented_t": 400, "evidence": "documented",
         "payment": "credit"},
        {"id": "f-int", "from": "int", "to": "ref", "tonnes": 350, "documented_t": 100, "evidence": "self_declared",
         "payment": "credit"},
        {"id": "f-pre", "from": "pre", "to": "ref", "tonnes": 250, "payment": "credit"},
        {"id": "ingot", "from": "ref", "to": "man", "tonnes": 320, "claimed_t": 300, "payment": "credit"},
        {"id": "r-in", "from": "eca", "to": "rem", "tonnes": 100, "documented_t": 100, "evidence": "verified",
         "payment": "credit", "period": {"start": "2025-01-01", "end": "2025-03-31"}},
        {"id": "r-out", "from": "rem", "to": "man", "tonnes": 50, "claimed_t": 30, "payment": "credit",
         "period": {"start": "2025-04-01", "end": "2025-06-30"}}]
}

failures = []


def check(ok, msg):
    if not ok:
        failures.append(msg)
        print("FAIL:", msg)


def close(a, b):
    return isinstance(a, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def run(args, timeout=240):
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return p.stdout


def accounts_in_sheet(ws):
    """[(account heading, [(period heading, {label: (row, value)})])] in sheet order."""
    out = []
    for r in range(1, ws.max_row + 1):
        v = ws.cell(r, 1).value
        if not isinstance(v, str):
            continue
        if ": profile " in v:
            out.append((v, []))
        elif v.startswith("Period "):
            out[-1][1].append((v, {}))
        elif out and out[-1][1] and (v in dict(LINES) or v.startswith("Expired credits") or
                                     v.startswith("Claimed within")):
            key = "Expired credits" if v.startswith("Expired credits") else v
            out[-1][1][-1][1][key] = (r, ws.cell(r, 3).value)
    return out


def main():
    cli, source_dir, workdir = sys.argv[1:]
    os.makedirs(workdir, exist_ok=True)
    care = os.path.join(workdir, "care.xlsx")
    run([cli, "report", os.path.join(source_dir, "data", "samples", "care-pilot-2025.json"), "-o", care])
    check("Claims" not in openpyxl.load_workbook(care, read_only=True).sheetnames, "CARE report has a Claims sheet")

    src = os.path.join(workdir, "claims.json")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(CHAIN, f)
    book = os.path.join(workdir, "claims.xlsx")
    run([cli, "report", src, "-o", book])
    expected = json.loads(run([cli, "claims", src, "--json"]))["accounts"]
    wb = openpyxl.load_workbook(book)
    check("Claims" in wb.sheetnames, "no Claims sheet")
    ws = wb["Claims"]
    got = accounts_in_sheet(ws)
    check(len(got) == len(expected) == 2, f"{len(got)} accounts in the sheet")
    wbv = openpyxl.load_workbook(book, data_only=True)
    values = accounts_in_sheet(wbv["Claims"])
    for (heading, periods), acc in zip(values, expected):
        check(heading.startswith(acc["actor"]), f"heading {heading!r} for {acc['actor']}")
        check(len(periods) == len(acc["periods"]), f"{acc['actor']}: {len(periods)} periods")
        for (ph, lines), p in zip(periods, acc["periods"]):
            check(ph == f"Period {p['start']} to {p['end']}", f"period heading {ph!r}")
            for label, key in LINES:
                check(close(lines[label][1], p[key]), f"{acc['actor']} {ph} {label}: {lines[label][1]} != {p[key]}")
            check(close(lines["Expired credits"][1], p["expired_t"]), f"{acc['actor']} {ph} expired")
            check(lines["Claimed within the claimable output"][1] == "OK", f"{acc['actor']} {ph} check")
    # Formulas, not values, where the account can be followed.
    lines = got[0][1][0][1]
    for label in ("Eligible input (t)", "Credits (t): eligible input × yield", "Output claimed (t)",
                  "Balance carried over (t): claimable − claimed − expired", "Expired credits"):
        check(str(ws.cell(lines[label][0], 3).value).startswith("="), f"{label} is no formula")
    # The why column names each condition.
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check(any("✗ evidence self_declared < documented" in t for t in texts), "no reason for f-int")

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        print("SKIP: LibreOffice is not installed; cached values checked")
        return 77 if not failures else 1
    # Edit the Flows sheet: f-eca only 250 t documented, the ingot 330 t.
    flows = wb["Flows"]
    head = {str(c.value).split("\n")[0]: c.column for c in flows[2] if c.value is not None}
    rows = {flows.cell(r, 1).value: r for r in range(3, flows.max_row + 1) if flows.cell(r, 1).value}
    flows.cell(rows["f-eca"], head["Documented (t)"]).value = 250
    flows.cell(rows["ingot"], head["Tonnes"]).value = 330
    lo = os.path.join(workdir, "claims-lo")
    shutil.rmtree(lo, ignore_errors=True)
    profile = os.path.join(lo, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    edited = os.path.join(lo, "edited.xlsx")
    wb.save(edited)
    out = os.path.join(lo, "recalculated")
    run([office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, edited])
    rec = accounts_in_sheet(openpyxl.load_workbook(os.path.join(out, "edited.xlsx"), data_only=True)["Claims"])
    lines = {k: v[1] for k, v in rec[0][1][0][1].items()}
    eligible, credits = 250.0, 250 * 0.92
    want = {"Eligible input (t)": eligible, "Input not eligible (t)": 750.0, "Input %: eligible / all input": 0.25,
            "Credits (t): eligible input × yield": credits, "Claimable output (t): carried in + credits": credits,
            "Output (t)": 330.0, "Output claimed (t)": 300.0, "Output %: claimed / all output": 300 / 330,
            "Expired credits": credits - 300, "Balance carried over (t): claimable − claimed − expired": 0.0}
    for label, value in want.items():
        check(close(lines[label], value), f"after the edit, {label}: {lines[label]} != {value}")
    check(lines["Claimed within the claimable output"] == "Over-allocated", "the check does not see the over-allocation")
    # The untouched quarterly account recalculates to the same figures as before.
    for (ph, before), (_, after) in zip(values[1][1], rec[1][1]):
        for label, _key in LINES:
            check(close(after[label][1], before[label][1]), f"rem {ph} {label} changed on recalculation")
    if failures:
        return 1
    print(f"OK: {len(expected)} accounts; after the edit {eligible:g} t eligible, {credits:g} t claimable, "
          "300 t claimed: over-allocated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
