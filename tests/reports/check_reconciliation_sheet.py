#!/usr/bin/python3
"""The workbook's Reconciliation sheet read back with openpyxl (issue #21).

    check_reconciliation_sheet.py TRAZA_CLI SOURCE_DIR WORKDIR

Writes the report of a small chain with uncertain and unknown figures (one of
them ten times too large) and of the CARE sample (no uncertainty), and checks:
the CARE report has no Reconciliation sheet; the other one has it, with a row per
figure of `traza-cli analyze --json`'s reconciliation, ranked by |z| (the tenfold
flow first, marked implausible), the same reconciled values, sds and z, the
adjustment as a formula whose cached value is reconciled - entered, and the
chi-square, degrees of freedom and p-value below the table.
"""
import json
import math
import os
import subprocess
import sys

import openpyxl

failures = []


def check(ok, msg):
    if not ok:
        failures.append(msg)
        print("FAIL:", msg)


def close(a, b, tol=1e-9):
    return a is not None and b is not None and math.isclose(float(a), float(b), rel_tol=tol, abs_tol=tol)


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def main():
    cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    actors = [{"id": "p1", "kind": "waste_picker"}, {"id": "p2", "kind": "waste_picker"},
              {"id": "o1", "kind": "picker_organisation", "loss_t": 1, "loss_sd_t": 0.5},
              {"id": "o2", "kind": "picker_organisation"},
              {"id": "i1", "kind": "intermediary"}, {"id": "e1", "kind": "exporter"}, {"id": "r", "kind": "refiner"}]
    flows = [{"id": "a", "from": "p1", "to": "o1", "tonnes": 50, "sd_t": 5},
             {"id": "b", "from": "p2", "to": "o1", "tonnes": 40, "sd_t": 4},
             {"id": "c", "from": "p2", "to": "o2", "tonnes": 30, "sd_t": 3},
             {"id": "d", "from": "o1", "to": "i1", "tonnes": 870, "sd_t": 4},  # 87 t entered as 870
             {"id": "e", "from": "o2", "to": "i1", "tonnes": 30, "sd_t": 2},
             {"id": "g", "from": "i1", "to": "e1", "tonnes": 116, "sd_t": 6},
             {"id": "h", "from": "e1", "to": "r", "tonnes": None}]
    chain = {"format": "traza-chain", "version": 1, "actors": actors, "flows": flows}
    path = os.path.join(work, "uncertain.json")
    with open(path, "w") as f:
        json.dump(chain, f)
    rec = json.loads(run([cli, "analyze", path, "--json"]))["reconciliation"]
    xlsx = os.path.join(work, "uncertain.xlsx")
    run([cli, "report", path, "-o", xlsx])
    book = openpyxl.load_workbook(xlsx)
    formulas = openpyxl.load_workbook(xlsx, data_only=False)
    check("Reconciliation" in book.sheetnames, f"no Reconciliation sheet: {book.sheetnames}")
    sheet = book["Reconciliation"]
    fsheet = formulas["Reconciliation"]
    header = [c.value for c in sheet[2]]
    col = {name: i for i, name in enumerate(header)}
    rows = []
    for r in range(3, sheet.max_row + 1):
        ident = sheet.cell(r, 1).value
        if ident is None:
            break
        rows.append(r)
    expected = rec["flows"] + rec["actor_figures"]
    check(len(rows) == len(expected), f"{len(rows)} figure rows, expected {len(expected)}")
    by_id = {(f["id"], f.get("figure", "")): f for f in expected}
    zs = []
    for r in rows:
        ident = sheet.cell(r, 1).value
        kind = {"Losses (t)": "loss_t", "Stock change (t)": "stock_change_t"}.get(sheet.cell(r, 2).value, "")
        want = by_id.get((ident, kind))
        if not check(want is not None, f"row {r}: unknown figure {ident} {kind}"):
            continue
        got_rec = sheet.cell(r, col["Reconciled (t)"] + 1).value
        check(close(got_rec, want["reconciled_t"]) if want["reconciled_t"] is not None else got_rec is None,
              f"{ident}: reconciled {got_rec} != {want['reconciled_t']}")
        got_z = sheet.cell(r, col["z"] + 1).value
        check(close(got_z, want["z"]) if want["z"] is not None else got_z is None, f"{ident}: z {got_z} != {want['z']}")
        zs.append(abs(got_z) if got_z is not None else -1)
        adj = fsheet.cell(r, col["Adjustment (t)"] + 1).value
        if want["tonnes"] is not None and want["reconciled_t"] is not None:
            check(isinstance(adj, str) and adj.startswith("="), f"{ident}: adjustment is not a formula ({adj})")
            check(close(sheet.cell(r, col["Adjustment (t)"] + 1).value, want["reconciled_t"] - want["tonnes"], 1e-7),
                  f"{ident}: cached adjustment")
    check(zs == sorted(zs, reverse=True), f"rows not ranked by |z|: {zs}")
    check(sheet.cell(3, 1).value == "d", f"the tenfold flow d is not first: {sheet.cell(3, 1).value}")
    check(sheet.cell(3, col["Implausible"] + 1).value == "Yes", "the tenfold flow is not marked implausible")
    labels = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(1, sheet.max_row + 1)}
    check(close(labels.get("χ²"), rec["chi2"]), f"chi2 {labels.get('χ²')} != {rec['chi2']}")
    check(labels.get("Degrees of freedom") == rec["dof"], "dof")
    check(close(labels.get("p-value"), rec["p_value"], 1e-12), "p-value")

    care = os.path.join(work, "care.xlsx")
    run([cli, "report", os.path.join(source, "data", "samples", "care-pilot-2025.json"), "-o", care])
    check("Reconciliation" not in openpyxl.load_workbook(care, read_only=True).sheetnames,
          "the CARE report (no uncertainty) has a Reconciliation sheet")
    if failures:
        sys.exit(1)
    print(f"Reconciliation sheet: {len(rows)} figures ranked by |z|, chi2 {rec['chi2']:.1f} on {rec['dof']} dof")


if __name__ == "__main__":
    main()
