#!/usr/bin/python3
"""The findings register in the workbook and the analysis, read back (issue 16).

    check_findings_sheet.py TRAZA_CLI SOURCE_DIR WORKDIR

Adds four findings to a copy of the CARE sample (one answering a red flag that
is still open and overdue, one answering a flag that was closed and is raised
again, one about a flow, one from a checklist item) and the refiner's own due
diligence, then checks, against what this script works out itself from the
findings and from `traza-cli analyze --json`:
- the analysis links each flag to its finding and says when it recurs (JSON and text);
- the Findings sheet has one row per finding, overdue marked exactly where a
  finding is not closed and due before the assessment date, and the state of
  the linked flag;
- the Red flags sheet names the finding of each flag, and the sentence of the
  recurring flag says so;
- the Summary counts open, closed and overdue findings and lists the overdue
  ones; the Actors sheet and the Summary show the refiner's due diligence;
- the Spanish workbook has the same in Spanish; the plain CARE workbook has no
  Findings sheet and no Finding column;
- with LibreOffice installed: closing F1 and moving F3's due date into the past
  in a copy of the workbook, then recalculating, moves the Overdue marks and the
  Summary's counts accordingly (the marks and counts are live formulas).
"""
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


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def header_map(sheet, row=2):
    return {" ".join(str(c.value).split()): i + 1 for i, c in enumerate(sheet[row]) if c.value is not None}


def data_rows(sheet, first=3):
    rows = []
    for r in range(first, sheet.max_row + 1):
        if sheet.cell(r, 1).value is None:
            break
        rows.append(r)
    return rows


def subject(flag):
    return flag.get("flow") or flag["actor"]


def recalculated(xlsx, work):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if not office:
        print("note: LibreOffice is not installed; the recalculation part is skipped")
        return
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from check_live_formulas import RECALC_ALWAYS  # a profile that recalculates on load
    lo = os.path.join(work, "findings-recalc")
    shutil.rmtree(lo, ignore_errors=True)
    profile = os.path.join(lo, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALC_ALWAYS)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["Findings"]
    rows = {ws.cell(r, 1).value: r for r in data_rows(ws)}
    ws.cell(rows["F1"], 11).value = "Closed"      # Status
    ws.cell(rows["F3"], 10).value = "2026-01-01"  # Due, before the assessment date 2026-03-01
    edited = os.path.join(lo, "edited.xlsx")
    wb.save(edited)
    out = os.path.join(lo, "out")
    run([office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, edited])
    wr = openpyxl.load_workbook(os.path.join(out, "edited.xlsx"), data_only=True)
    fs = wr["Findings"]
    marks = {fs.cell(r, 1).value: fs.cell(r, 12).value or "" for r in data_rows(fs)}
    check(marks == {"F1": "", "F2": "", "F3": "Yes", "F4": "Yes"}, f"recalculated overdue marks {marks}")
    summary = wr["Summary"]
    labels = {summary.cell(r, 1).value: r for r in range(summary.max_row, 0, -1) if isinstance(summary.cell(r, 1).value, str)}
    got = [summary.cell(labels[k], 2).value for k in ("Open or in progress", "Closed", "Overdue corrective actions")]
    check(got == [2, 2, 2], f"recalculated Summary counts (open, closed, overdue) {got}")


def main():
    cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    sample = os.path.join(source, "data", "samples", "care-pilot-2025.json")
    plain = json.loads(run([cli, "analyze", sample, "--json"]))
    flags = plain["red_flags"]
    check(all("finding" not in f and "recurs" not in f for f in flags), "plain analysis carries finding keys")
    # Two flags with distinct (rule, subject).
    first = flags[0]
    second = next(f for f in flags if (f["rule"], subject(f)) != (first["rule"], subject(first)))

    chain = json.load(open(sample))
    chain["assessment"]["assessed_on"] = "2026-03-01"
    reference = "2026-03-01"
    flow = chain["flows"][0]["id"]
    findings = [
        {"id": "F1", "source": "red_flag", "rule": first["rule"], "subject": subject(first), "severity": first["severity"],
         "owner": "Equipo DD", "response": "mitigate_while_trading", "action": "Weigh on a calibrated scale",
         "due": "2026-02-15", "status": "in_progress", "evidence": "", "closed_on": ""},
        {"id": "F2", "source": "red_flag", "rule": second["rule"], "subject": subject(second), "severity": "high",
         "owner": "CEMPRE", "response": "suspend", "action": "Receipts for every delivery", "due": "2026-01-31",
         "status": "closed", "evidence": "Receipts 1-40 seen", "closed_on": "2026-01-20"},
        {"id": "F3", "source": "user", "subject": flow, "severity": "medium", "owner": "Ana",
         "response": "disengage", "action": "Stop buying from the unknown intermediary", "due": "2026-06-30",
         "status": "open", "evidence": "", "closed_on": ""},
        {"id": "F4", "source": "checklist_item", "item": chain["checklists"][0]["items"][0]["id"], "subject": "",
         "severity": "low", "owner": "", "response": "mitigate_while_trading", "action": "Publish the policy",
         "due": "2026-02-28", "status": "open", "evidence": "", "closed_on": ""},
    ]
    chain["findings"] = findings
    refiner = next(a for a in chain["actors"] if a["kind"] == "refiner")
    refiner["dd_status"] = "third_party_audited"
    refiner["coc_certification"] = "ASI CoC, cert. 1234, valid to 2027-05"
    path = os.path.join(work, "care-findings.json")
    with open(path, "w") as f:
        json.dump(chain, f, ensure_ascii=False)

    # Independent expectations.
    overdue = {f["id"] for f in findings if f["status"] != "closed" and f["due"] and f["due"] < reference}
    check(overdue == {"F1", "F4"}, f"test data: overdue {overdue}")

    # The analysis links flags to findings.
    analysis = json.loads(run([cli, "analyze", path, "--json"]))
    for f in analysis["red_flags"]:
        key = (f["rule"], subject(f))
        if key == (first["rule"], subject(first)):
            check(f.get("finding") == "F1" and "recurs" not in f, f"flag {key}: {f.get('finding')} {f.get('recurs')}")
        elif key == (second["rule"], subject(second)):
            check(f.get("finding") == "F2", f"flag {key} not linked to F2: {f}")
            check(f.get("recurs") == "Recurs after finding F2 was closed on 2026-01-20.", f"recurrence: {f.get('recurs')}")
        else:
            check("finding" not in f, f"flag {key} linked to {f.get('finding')}")

    # traza-cli info counts the register.
    info = run([cli, "info", path])
    check("findings:     4 (3 open or in progress)" in info, f"info: {info}")
    # The text output says the same.
    text = run([cli, "analyze", path])
    check(f"[{first['rule']}]" in text and "(finding F1)" in text, "analyze text: finding F1")
    check("(finding F2) Recurs after finding F2 was closed on 2026-01-20." in text, "analyze text: recurrence")

    xlsx = os.path.join(work, "care-findings.xlsx")
    run([cli, "report", path, "-o", xlsx])
    book = openpyxl.load_workbook(xlsx, data_only=True)  # cached values of the formulas
    check("Findings" in book.sheetnames, f"no Findings sheet: {book.sheetnames}")
    sheet = book["Findings"]
    col = header_map(sheet)
    rows = data_rows(sheet)
    check([sheet.cell(r, 1).value for r in rows] == ["F1", "F2", "F3", "F4"], "Findings rows")
    check(col.get("Status") == 11 and col.get("Overdue") == 12,
          f"Status/Overdue columns moved (the Summary counts them): {col}")
    by_id = {sheet.cell(r, 1).value: r for r in rows}
    for f in findings:
        r = by_id[f["id"]]
        marked = sheet.cell(r, 12).value == "Yes"
        check(marked == (f["id"] in overdue), f"{f['id']} overdue mark {sheet.cell(r, 12).value!r}")
        check(sheet.cell(r, col["Due"]).value == f["due"], f"{f['id']} due")
    flag_col = col["Red flag in this analysis (computed by Traza, not live)"]
    check(sheet.cell(by_id["F1"], flag_col).value == "Raised", f"F1 flag: {sheet.cell(by_id['F1'], flag_col).value}")
    check(sheet.cell(by_id["F2"], flag_col).value == "Recurs after finding F2 was closed on 2026-01-20.",
          f"F2 flag: {sheet.cell(by_id['F2'], flag_col).value}")
    check(sheet.cell(by_id["F3"], flag_col).value is None, "F3 (user) has a flag state")
    check(sheet.cell(by_id["F3"], col["Response"]).value == "Disengage", "F3 response")
    check(sheet.cell(by_id["F4"], col["About"]).value == "The assessment as a whole", "F4 subject")
    check(sheet.cell(by_id["F2"], col["Evidence that closed it"]).value == "Receipts 1-40 seen", "F2 evidence")

    # Red flags sheet: the Finding column and the recurrence in the sentence.
    rf = book["Red flags"]
    rcol = header_map(rf)
    check("Finding" in rcol, f"Red flags has no Finding column: {list(rcol)}")
    linked = {}
    for r in data_rows(rf):
        fid = rf.cell(r, rcol["Finding"]).value
        if fid:
            linked.setdefault(fid, []).append(rf.cell(r, rcol["Why"]).value if "Why" in rcol else rf.cell(r, 8).value)
    check(set(linked) == {"F1", "F2"}, f"linked findings on Red flags: {set(linked)}")
    check(all("Recurs after finding F2 was closed on 2026-01-20." in (s or "") for s in linked.get("F2", [])),
          "recurring flag's sentence")
    check(not any("Recurs" in (s or "") for s in linked.get("F1", [])), "open finding's flag says it recurs")

    # Summary: counts and the overdue list.
    summary = book["Summary"]
    cells = {}
    for r in range(1, summary.max_row + 1):
        a = summary.cell(r, 1).value
        if isinstance(a, str):
            cells.setdefault(a, r)
    check(summary.cell(cells["Open or in progress"], 2).value == 3, "open count")
    check(summary.cell(cells["Closed"], 2).value == 1, "closed count")
    check(summary.cell(cells["Overdue corrective actions"], 2).value == len(overdue), "overdue count")
    fbook = openpyxl.load_workbook(xlsx, data_only=False)
    check(all(str(fbook["Findings"].cell(r, 12).value).startswith("=IF(AND(K") for r in rows), "Overdue is a formula")
    formulas = fbook["Summary"]
    check(str(formulas.cell(cells["Overdue corrective actions"], 2).value).startswith("=COUNTIF("), "overdue count formula")
    listed = [summary.cell(r, 1).value for r in range(1, summary.max_row + 1)
              if isinstance(summary.cell(r, 1).value, str) and summary.cell(r, 1).value[:2] in ("F1", "F2", "F3", "F4")]
    check([x.split(" ")[0] for x in listed] == ["F1", "F4"], f"overdue list {listed}")
    # The refiner's own due diligence.
    check(any(summary.cell(r, 3).value == "Audited by a third party" and summary.cell(r, 5).value ==
              refiner["coc_certification"] for r in range(1, summary.max_row + 1)), "Summary: refiner due diligence")
    actors = book["Actors"]
    acol = header_map(actors)
    ref_row = next(r for r in data_rows(actors) if actors.cell(r, 1).value == refiner["id"])
    check(actors.cell(ref_row, acol["Own due diligence"]).value == "Audited by a third party", "Actors dd status")
    check(actors.cell(ref_row, acol["Chain-of-custody certification"]).value == refiner["coc_certification"], "Actors coc")

    # Spanish.
    xlsx_es = os.path.join(work, "care-findings-es.xlsx")
    run([cli, "report", path, "-o", xlsx_es, "--lang", "es"])
    es = openpyxl.load_workbook(xlsx_es, data_only=True)
    check("Hallazgos" in es.sheetnames, f"no Hallazgos sheet: {es.sheetnames}")
    hs = es["Hallazgos"]
    hcol = header_map(hs)
    check("Acción correctiva" in hcol and "Respuesta" in hcol, f"Spanish headers {list(hcol)}")
    hrows = {hs.cell(r, 1).value: r for r in data_rows(hs)}
    check(hs.cell(hrows["F1"], 11).value == "En curso", "Spanish status")
    check(hs.cell(hrows["F1"], 12).value == "Sí", f"Spanish overdue mark {hs.cell(hrows['F1'], 12).value!r}")
    check(hs.cell(hrows["F2"], 15).value == "Reaparece después de que el hallazgo F2 se cerró el 2026-01-20.",
          f"Spanish recurrence {hs.cell(hrows['F2'], 15).value!r}")

    # Without findings: nothing new.
    xlsx_plain = os.path.join(work, "care-plain.xlsx")
    run([cli, "report", sample, "-o", xlsx_plain])
    pb = openpyxl.load_workbook(xlsx_plain)
    check("Findings" not in pb.sheetnames, "plain CARE workbook has a Findings sheet")
    check("Finding" not in header_map(pb["Red flags"]), "plain CARE Red flags has a Finding column")
    check("Own due diligence" not in header_map(pb["Actors"]), "plain CARE Actors has due-diligence columns")

    recalculated(xlsx, work)

    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("findings sheet: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
