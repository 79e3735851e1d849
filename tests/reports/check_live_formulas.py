#!/usr/bin/python3
"""Edits a flow in a copy of the CARE workbook and has LibreOffice recalculate it:
the Summary, the Actors, the Mass balance and the Goals must all follow the edit.

    check_live_formulas.py TRAZA_CLI SOURCE_DIR WORKDIR

Writes the report of the CARE sample with `traza-cli report`, changes the tonnes
of two flows on the Flows sheet with openpyxl (org1 -> Exporter A, and Exporter A
-> refiner), converts the copy with LibreOffice headless (a fresh profile that
recalculates every formula on load) and compares the recalculated cells with
figures recomputed here from the edited sample JSON. Also checks that figures
Traza cannot give as formulas say so in their headers. Exits 77 (skipped) when
LibreOffice is not installed.
"""
import json
import math
import os
import shutil
import subprocess
import sys

import openpyxl

EDITS = {"f7": 150.0, "f12": 200.0}  # flow id -> new tonnes (CARE: 173.8 and 217.4)
NOT_LIVE = "(computed by Traza, not live)"
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def close(a, b):
    return isinstance(a, (int, float)) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def run(args, timeout=240):
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    return p


def header_map(ws, row=2):
    """Header text (first line, without the not-live mark) -> column."""
    return {str(c.value).split("\n")[0]: c.column for c in ws[row] if c.value is not None}


def find_row(ws, text, col=1, start=1):
    for r in range(start, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    raise AssertionError(f"{ws.title}: no row with {text!r}")


def expected(chain):
    """In, out, gap per actor, destination input and goal figures, from the JSON alone."""
    actors = {a["id"]: a for a in chain["actors"]}
    tin = {a: 0.0 for a in actors}
    tout = {a: 0.0 for a in actors}
    for f in chain["flows"]:
        if f["tonnes"] > 0 and f["from"] != f["to"]:
            tout[f["from"]] += f["tonnes"]
            tin[f["to"]] += f["tonnes"]
    gap = {a: tin[a] - tout[a] - actors[a].get("stock_change_t", 0) - actors[a].get("loss_t", 0) for a in actors}
    refiners = [a for a in actors if actors[a]["kind"] == "refiner"]
    delivered = {}
    for g in chain["goals"]:
        delivered[g["actor"]] = sum(f["tonnes"] for f in chain["flows"]
                                    if f["from"] == g["actor"] and f["to"] == g["buyer"])
    goal_total = sum(g["thresholds_t"][-1] for g in chain["goals"])
    return tin, tout, gap, refiners, delivered, goal_total


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    cli, source_dir, workdir = sys.argv[1:]
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        print("SKIP: LibreOffice is not installed (Debian: libreoffice-calc)")
        return 77
    lo = os.path.join(workdir, "live-formulas")
    shutil.rmtree(lo, ignore_errors=True)
    profile = os.path.join(lo, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    sample = os.path.join(source_dir, "data", "samples", "care-pilot-2025.json")
    with open(sample, encoding="utf-8") as f:
        chain = json.load(f)
    original = os.path.join(lo, "care.xlsx")
    run([cli, "report", sample, "-o", original])

    # The figures Traza cannot give as formulas say so.
    wb = openpyxl.load_workbook(original)
    for sheet, header in [("Actors", "Flow share"), ("Actors", "Residual risk"), ("Choke points", "Flow share"),
                          ("Choke points", "Score")]:
        ws = wb[sheet]
        text = ws.cell(2, header_map(ws)[header]).value
        check(NOT_LIVE in text, f"{sheet}: header {text!r} does not say it is not live")
    s = wb["Summary"]
    exposure = [c.value for row in s.iter_rows() for c in row if isinstance(c.value, str)
                and c.value.startswith("Risk exposure")]
    check(exposure and NOT_LIVE in exposure[0], f"Summary: exposure header {exposure}")
    texts = [c.value for row in wb["Traceability"].iter_rows() for c in row if isinstance(c.value, str)]
    check(any("computed by Traza" in t and "not live" in t for t in texts), "Traceability: no not-live note")

    # Edit the Flows sheet of a copy, as a reader would.
    flows = wb["Flows"]
    h = header_map(flows)
    rows = {flows.cell(r, 1).value: r for r in range(3, flows.max_row + 1) if flows.cell(r, 1).value}
    for fid, tonnes in EDITS.items():
        flows.cell(rows[fid], h["Tonnes"]).value = tonnes
        flows.cell(rows[fid], h["Documented (t)"]).value = tonnes
    edited = os.path.join(lo, "edited.xlsx")
    wb.save(edited)
    out = os.path.join(lo, "recalculated")
    base = [office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}"]
    run(base + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, edited])
    wr = openpyxl.load_workbook(os.path.join(out, "edited.xlsx"), data_only=True)

    for f in chain["flows"]:
        if f["id"] in EDITS:
            f["tonnes"] = EDITS[f["id"]]
    tin, tout, gap, refiners, delivered, goal_total = expected(chain)

    # Summary: destination input and total, goals delivered and compliance.
    s = wr["Summary"]
    names = {a["id"]: a["name"] for a in chain["actors"]}
    for ref in refiners:
        r = find_row(s, names[ref])
        check(close(s.cell(r, 2).value, tin[ref]), f"Summary: input of {ref} {s.cell(r, 2).value} != {tin[ref]}")
    total = sum(tin[r] for r in refiners)
    r = find_row(s, "Total received by the destinations")
    check(close(s.cell(r, 2).value, total), f"Summary: total {s.cell(r, 2).value} != {total}")
    try:
        r = find_row(s, "Delivered against goals (t)")
        check(close(s.cell(r, 2).value, sum(delivered.values())), f"Summary: delivered {s.cell(r, 2).value}")
        r = find_row(s, "Goal compliance")
        check(close(s.cell(r, 2).value, sum(delivered.values()) / goal_total),
              f"Summary: compliance {s.cell(r, 2).value}")
    except AssertionError as e:
        failures.append(str(e))

    # Actors: in, out, gap.
    ws = wr["Actors"]
    h = header_map(ws)
    for r in range(3, 3 + len(chain["actors"])):
        a = ws.cell(r, h["ID"]).value
        check(close(ws.cell(r, h["In (t)"]).value, tin[a]), f"Actors {a}: in {ws.cell(r, h['In (t)']).value}")
        check(close(ws.cell(r, h["Out (t)"]).value, tout[a]), f"Actors {a}: out {ws.cell(r, h['Out (t)']).value}")
        g = ws.cell(r, h["Mass-balance gap (t)"]).value
        check(g == "n/a" or close(g, gap[a]), f"Actors {a}: gap {g} != {gap[a]}")

    # Mass balance: in, out, gap and flag of every row, and the totals.
    ws = wr["Mass balance"]
    h = header_map(ws)
    r = 3
    seen = 0
    while ws.cell(r, 1).value:
        a = ws.cell(r, 1).value
        for header, want in [("In (t)", tin[a]), ("Out (t)", tout[a]), ("Gap (t)", gap[a])]:
            check(close(ws.cell(r, h[header]).value, want), f"Mass balance {a}: {header} {ws.cell(r, h[header]).value} != {want}")
        flagged = abs(gap[a]) > max(0.01 * tin[a], 0.1)
        check((ws.cell(r, h["Gap flag"]).value == "Gap") == flagged, f"Mass balance {a}: flag")
        seen += 1
        r += 1
    check(seen >= 7, f"Mass balance: {seen} rows")
    check(abs(gap["expA"]) > 1 and abs(gap["org1"]) > 1, "the edit should open gaps at org1 and expA")

    # Goals: delivered, compliance and thresholds reached follow the edit.
    ws = wr["Goals and supports"]
    h = header_map(ws)
    for i, g in enumerate(chain["goals"]):
        r = 3 + i
        d = delivered[g["actor"]]
        check(close(ws.cell(r, h["Delivered (t)"]).value, d), f"Goals {g['actor']}: delivered")
        check(close(ws.cell(r, h["Compliance"]).value, d / g["thresholds_t"][-1]), f"Goals {g['actor']}: compliance")
        check(ws.cell(r, h["Thresholds reached"]).value == sum(1 for t in g["thresholds_t"] if d >= t),
              f"Goals {g['actor']}: thresholds reached")

    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print(f"OK: after editing {sorted(EDITS)}, LibreOffice recalculated total {total:g} t at the destinations, "
          f"{sum(delivered.values()):g} t against the goals, gaps org1 {gap['org1']:g} t and expA {gap['expA']:g} t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
