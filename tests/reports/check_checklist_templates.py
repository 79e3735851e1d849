#!/usr/bin/python3
"""The Checklist sheet with several checklist templates side by side (issue #18).

    check_checklist_templates.py TRAZA_CLI SOURCE_DIR WORKDIR

Makes a copy of the CARE sample in which Exporter B follows the installed OECD
Minerals Guidance template and Organisation 5 a template of the project's own
(chain JSON catalogue.checklist_templates), writes the report in English and
Spanish, and checks, against what this script works out itself from the chain
and from data/catalogue/checklist_templates.json:
- one completion table per template in use, in order of first use, each named
  ("Template: <name> (<id>)") with that template's steps as columns, and the
  completion of each checklist = items done / items that apply, per step;
- every item row names its template and the reference of its template item;
- the Spanish workbook names the templates and columns in Spanish.
"""
import json
import os
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


OWN = {"id": "asi_ps", "name": {"en": "ASI Performance Standard (excerpt)", "es": "Norma de desempeño ASI (extracto)"},
       "steps": [{"step": 1, "name": {"en": "Human rights", "es": "Derechos humanos"}, "scope": "supplier"},
                 {"step": 2, "name": {"en": "Governance", "es": "Gobernanza"}, "scope": "assessment"}],
       "items": [{"id": "9.8", "step": 1, "on_the_ground": True, "reference": "ASI PS 9.8",
                  "name": {"en": "No child labour in collection", "es": "Sin trabajo infantil en la recolección"}},
                 {"id": "9.9", "step": 1, "reference": "ASI PS 9.9", "name": "Fair wages"},
                 {"id": "1.1", "step": 2, "name": "Policy"}]}


def rows_from(ws, first):
    r = first
    while ws.cell(r, 1).value not in (None, ""):
        yield r
        r += 1


def check_sheet(ws, chain, templates, lang):
    word = {"en": ("Template", "Reference", "Scope", "All steps"), "es": ("Plantilla", "Referencia", "Alcance", "Todos los pasos")}[lang]
    # Templates in order of first use (assessment first, then suppliers in project order).
    lists = sorted(chain["checklists"], key=lambda c: c["scope"] != "assessment")
    order = []
    for cl in lists:
        t = cl.get("template") or "oecd_rbc"
        if t not in order:
            order.append(t)
    check(order == ["oecd_rbc", "asi_ps", "oecd_minerals"], f"test data: template order {order}")
    group_rows = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(word[0] + ": ")]
    check(len(group_rows) == 3, f"{lang}: {len(group_rows)} template tables")
    for tid, r in zip(order, group_rows):
        t = templates[tid]
        name = t["name"][lang] if isinstance(t["name"], dict) else t["name"]
        check(ws.cell(r, 1).value == f"{word[0]}: {name} ({tid})", f"{lang}: template row {ws.cell(r, 1).value!r}")
        header = r + 1
        check(ws.cell(header, 1).value == word[2], f"{lang}: header of {tid}")
        heads = [ws.cell(header, c).value for c in range(3, 3 + len(t["steps"]) + 1)]
        for s, h in zip(t["steps"], heads):
            sname = s["name"][lang] if isinstance(s["name"], dict) else s["name"]
            check(h == f"{s['step']}. {sname}", f"{lang}: {tid} step header {h!r}")
        check(heads[-1] == word[3], f"{lang}: {tid} last column {heads[-1]!r}")
        step_of = {i["id"]: i["step"] for i in t["items"]}
        members = [cl for cl in lists if (cl.get("template") or "oecd_rbc") == tid]
        for k, cl in enumerate(members):
            row = header + 1 + k
            check(ws.cell(row, 1).value == cl["scope"], f"{lang}: {tid} row {row} scope {ws.cell(row, 1).value}")
            for j, s in enumerate([st["step"] for st in t["steps"]] + [None]):
                items = [i for i in cl["items"] if s is None or step_of[i["id"]] == s]
                applicable = [i for i in items if i.get("status", "not_started") != "not_applicable"]
                done = [i for i in applicable if i.get("status") == "done"]
                got = ws.cell(row, 3 + j).value
                if applicable:
                    check(got is not None and abs(got - len(done) / len(applicable)) < 1e-9,
                          f"{lang}: {cl['scope']} step {s}: {got} vs {len(done)}/{len(applicable)}")
                else:
                    check(got in (None, ""), f"{lang}: {cl['scope']} step {s}: {got!r} for no applicable item")
    # The items: template and reference of each.
    items_header = next(r for r in range(group_rows[-1] + 2, ws.max_row + 1) if ws.cell(r, 1).value == word[2])
    cols = {ws.cell(items_header, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(items_header, c).value}
    check(word[0] in cols and word[1] in cols, f"{lang}: item columns {list(cols)}")
    seen = 0
    for r in rows_from(ws, items_header + 1):
        scope, item = ws.cell(r, 1).value, ws.cell(r, 4).value
        cl = next(c for c in chain["checklists"] if c["scope"] == scope)
        tid = cl.get("template") or "oecd_rbc"
        ref = next((i.get("reference", "") for i in templates[tid]["items"] if i["id"] == item), None)
        check(ws.cell(r, cols[word[0]]).value == tid, f"{lang}: row {r} template {ws.cell(r, cols[word[0]]).value}")
        check((ws.cell(r, cols[word[1]]).value or "") == ref, f"{lang}: row {r} ({scope} {item}) reference "
                                                              f"{ws.cell(r, cols[word[1]]).value!r} vs {ref!r}")
        seen += 1
    check(seen == sum(len(c["items"]) for c in chain["checklists"]), f"{lang}: {seen} item rows")


def main():
    cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work, exist_ok=True)
    chain = json.load(open(os.path.join(source, "data", "samples", "care-pilot-2025.json")))
    installed = json.load(open(os.path.join(source, "data", "catalogue", "checklist_templates.json")))["entries"]
    rbc = json.load(open(os.path.join(source, "data", "catalogue", "checklist_template.json")))
    templates = {t["id"]: t for t in installed}
    templates["oecd_rbc"] = {"id": "oecd_rbc", "name": rbc["name"], "steps": rbc["steps"], "items": rbc["entries"]}
    templates["asi_ps"] = OWN
    chain.setdefault("catalogue", {})["checklist_templates"] = [OWN]
    for cl in chain["checklists"]:
        if cl["scope"] == "expB":
            cl["template"] = "oecd_minerals"
            cl["items"] = [{"id": "2.a", "status": "done"}, {"id": "2.b", "status": "not_applicable"},
                           {"id": "2.c", "status": "in_progress"}, {"id": "3.b", "status": "done"},
                           {"id": "4.a", "status": "not_started"}, {"id": "5.b", "status": "not_applicable"}]
        if cl["scope"] == "org5":
            cl["template"] = "asi_ps"
            cl["items"] = [{"id": "9.8", "status": "done", "evidence": "visita 2026-02-10"},
                           {"id": "9.9", "status": "in_progress"}, {"id": "1.1", "status": "done"}]
    path = os.path.join(work, "care-templates.json")
    with open(path, "w") as f:
        json.dump(chain, f, ensure_ascii=False)
    for lang in ("en", "es"):
        xlsx = os.path.join(work, f"care-templates-{lang}.xlsx")
        run([cli, "report", path, "-o", xlsx, "--lang", lang])
        wb = openpyxl.load_workbook(xlsx, data_only=True)
        sheet = next(ws for ws in wb.worksheets if ws.title in ("Checklist", "Lista de verificación"))
        check_sheet(sheet, chain, templates, lang)
    print("FAILED" if failures else "ok", len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
