#!/usr/bin/python3
"""Reads back the national layout of the report and checks it against the full
layout of the same chain and against the analysis.

    check_national.py DIR LANG THRESHOLD

DIR holds full.xlsx (full layout), national.xlsx (national layout, chain above
THRESHOLD flows), analysis.json (risk::analysisToJson) and chain.json. Checks:
every actor and flow is present; every code (actor kinds, risk-factor and
risk-reason sets, document types, typologies, trace-break reasons, red-flag
rules) resolves through the Legend sheet to the very text the full layout shows,
and the Legend's use counts are right; figures equal the analysis and the full
layout; formulas point at the national Flows columns and keep their cached
values; no padding cell, no empty text cell, no per-row height in the big
tables; the Summary says that the national layout is used. Prints
"national layout: OK" or the failures (exit 1).
"""
import collections
import json
import math
import os
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter

GROUPS = {
    "en": {"kind": "Actor kind", "factors": "Risk factors of an actor", "reasons": "Risk reasons of an actor",
           "document": "Document type", "typology": "Typology", "break": "Trace-break reason",
           "rule": "Red-flag rule"},
    "es": {"kind": "Tipo de actor", "factors": "Factores de riesgo de un actor",
           "reasons": "Razones del riesgo de un actor", "document": "Tipo de documento", "typology": "Tipología",
           "break": "Motivo de la ruptura", "rule": "Regla de señal de alerta"},
}
WORDS = {
    "en": {"sheets": ["Summary", "Actors", "Flows", "Choke points", "Traceability", "Mass balance", "Red flags",
                      "Checklist", "Goals and supports", "Progress", "Plan", "Methodology", "Weights"], "legend": "Legend",
           "id": "ID", "kind": "Kind", "factors": "Risk factors", "reasons": "Risk reasons", "in": "In (t)",
           "out": "Out (t)", "share": "Flow share", "residual": "Residual risk", "tonnes": "Tonnes",
           "documented": "Documented (t)", "doc_share": "Documented share", "documents": "Documents",
           "typology": "Typology", "from": "From", "to": "To", "rule_id": "Rule ID", "rule": "Rule",
           "category": "Category", "actor": "Actor", "flow": "Flow", "why": "Why", "severity": "Severity",
           "reason": "Reason", "undoc": "Undocumented (t)", "layout": "national layout"},
    "es": {"sheets": ["Resumen", "Actores", "Flujos", "Puntos de control", "Trazabilidad", "Balance de masas",
                      "Señales de alerta", "Lista de verificación", "Metas y apoyos", "Avance", "Plan", "Metodología", "Pesos"],
           "legend": "Leyenda", "layout": "formato nacional"},
}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def close(a, b, tol=1e-9):
    try:
        return math.isclose(float(a), float(b), rel_tol=tol, abs_tol=tol)
    except (TypeError, ValueError):
        return False


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return close(a, b)
    return a == b


def header_map(ws, row):
    """Header text -> column; a computed figure's "(computed by Traza, not live)" line is left out."""
    return {str(c.value).split("\n")[0]: c.column for c in ws[row] if c.value is not None}


def table_rows(ws, first_row):
    r = first_row
    while ws.cell(r, 1).value not in (None, ""):
        yield r
        r += 1


class Legend:
    def __init__(self, ws, groups):
        self.groups = groups
        self.entries = {}
        self.counted = collections.Counter()
        h = header_map(ws, 2)
        check(len(h) == 4, f"Legend: header {h}")
        for r in table_rows(ws, 3):
            code, group, meaning, uses = (ws.cell(r, c).value for c in range(1, 5))
            check((group, code) not in self.entries, f"Legend: {group} {code} listed twice")
            check(group in groups.values(), f"Legend row {r}: unknown kind of code {group!r}")
            self.entries[(group, code)] = (meaning, uses)
        check(bool(self.entries), "Legend: no codes")

    def resolve(self, group_key, code, where):
        """The meaning of `code`, counting one use; None for an empty cell."""
        if code in (None, ""):
            return None
        group = self.groups[group_key]
        entry = self.entries.get((group, code))
        if not check(entry is not None, f"{where}: code {code!r} ({group}) not in the Legend"):
            return None
        self.counted[(group, code)] += 1
        return entry[0]

    def check_uses(self):
        for key, (meaning, uses) in self.entries.items():
            check(uses == self.counted[key], f"Legend: {key} says {uses} uses, the sheets have {self.counted[key]}")


def sheet_by_id(ws, h, id_header):
    rows = {}
    for r in table_rows(ws, 3):
        rows[ws.cell(r, h[id_header]).value] = r
    return rows


def no_custom_heights(ws, rows, name):
    bad = [r for r in rows if ws.row_dimensions[r].height is not None]
    check(not bad, f"{name}: rows with their own height: {bad[:5]}")


def check_actors(full, nat, legend, analysis, chain, w):
    fs, ns = full[w["sheets"][1]], nat[w["sheets"][1]]
    fh, nh = header_map(fs, 2), header_map(ns, 2)
    check(list(fh) == list(nh), f"Actors: headers {list(nh)} != {list(fh)}")
    frows, nrows = sheet_by_id(fs, fh, "ID"), sheet_by_id(ns, nh, "ID")
    check(set(nrows) == {a["id"] for a in chain["actors"]}, "Actors: not every actor is listed once")
    check(len(nrows) == len(chain["actors"]), "Actors: row count")
    coded = {"Kind": "kind", "Risk factors": "factors", "Why this risk level": "reasons"}
    by_id = {a["id"]: a for a in analysis["actors"]}
    for aid, r in nrows.items():
        fr = frows.get(aid)
        if not check(fr is not None, f"Actors: {aid} missing from the full layout"):
            continue
        for header, c in nh.items():
            got, want = ns.cell(r, c).value, fs.cell(fr, fh[header]).value
            if header in coded:
                got = legend.resolve(coded[header], got, f"Actors {aid} {header}")
            check(same(got, want), f"Actors {aid} {header}: {got!r} != {want!r}")
        a = by_id[aid]
        for header, key in [("In (t)", "in_t"), ("Out (t)", "out_t"), ("Flow share", "flow_share")]:
            check(close(ns.cell(r, nh[header]).value, a[key]), f"Actors {aid} {header} != analysis")
        check(close(ns.cell(r, nh["Residual risk"]).value, a["risk"]["residual"]), f"Actors {aid} residual")
        reasons = ns.cell(r, nh["Why this risk level"]).value
        meaning = legend.entries.get((legend.groups["reasons"], reasons), (None,))[0]
        check(meaning == ("; ".join(a["risk"]["reasons"]) or None), f"Actors {aid}: reasons differ from the analysis")
    no_custom_heights(ns, nrows.values(), "Actors")


def check_flows(full, nat, natf, legend, chain, w):
    fs, ns, nf = full[w["sheets"][2]], nat[w["sheets"][2]], natf[w["sheets"][2]]
    fh, nh = header_map(fs, 2), header_map(ns, 2)
    check(set(nh) == set(fh) - {"From (name)", "To (name)"}, f"Flows: headers {list(nh)}")
    frows, nrows = sheet_by_id(fs, fh, "ID"), sheet_by_id(ns, nh, "ID")
    check(list(nrows) == [f["id"] for f in chain["flows"]], "Flows: not every flow, in order")
    t, d = get_column_letter(nh["Tonnes"]), get_column_letter(nh["Documented (t)"])
    for f in chain["flows"]:
        r, fr = nrows.get(f["id"]), frows.get(f["id"])
        if not check(r is not None and fr is not None, f"Flows: {f['id']} missing"):
            continue
        for header, c in nh.items():
            got, want = ns.cell(r, c).value, fs.cell(fr, fh[header]).value
            if header == "Documents":
                got = None if got is None else "; ".join(
                    legend.resolve("document", x, f"Flows {f['id']}") or "?" for x in got.split("; "))
            elif header == "Typology":
                got = legend.resolve("typology", got, f"Flows {f['id']} typology")
            check(same(got, want), f"Flows {f['id']} {header}: {got!r} != {want!r}")
        check(close(ns.cell(r, nh["Tonnes"]).value, f["tonnes"]), f"Flows {f['id']}: tonnes")
        check(ns.cell(r, nh["From"]).value == f["from"] and ns.cell(r, nh["To"]).value == f["to"],
              f"Flows {f['id']}: from/to")
        check(nf.cell(r, nh["Documented share"]).value == f"=IF({t}{r}>0,{d}{r}/{t}{r},0)",
              f"Flows {f['id']}: share formula {nf.cell(r, nh['Documented share']).value}")
    last = max(nrows.values())
    total = last + 2
    check(nf.cell(total, nh["Tonnes"]).value == f"=SUBTOTAL(109,{t}3:{t}{last})", "Flows: total formula")
    check(close(ns.cell(total, nh["Tonnes"]).value, sum(f["tonnes"] for f in chain["flows"])), "Flows: total")
    no_custom_heights(ns, nrows.values(), "Flows")
    return nh


def check_traceability(full, nat, legend, analysis, chain, w):
    fs, ns = full[w["sheets"][4]], nat[w["sheets"][4]]
    fhead = int(re.match(r"A(\d+):", fs.auto_filter.ref).group(1))
    nhead = int(re.match(r"A(\d+):", ns.auto_filter.ref).group(1))
    check(fhead == nhead, f"Traceability: breaks start at row {nhead}, full layout {fhead}")
    for r in range(1, fhead):  # the matrix and its notes are the same
        for c in range(1, fs.max_column + 1):
            check(same(ns.cell(r, c).value, fs.cell(r, c).value), f"Traceability {get_column_letter(c)}{r} differs")
    check(ns.auto_filter.ref == f"A{nhead}:E{nhead + len(analysis['breaks'])}" if analysis["breaks"] else True,
          f"Traceability: filter {ns.auto_filter.ref}")
    check(not [m for m in ns.merged_cells.ranges if m.min_row >= nhead], "Traceability: merged cells among the breaks")
    flows = {f["id"]: f for f in chain["flows"]}
    rows = list(table_rows(ns, nhead + 1))
    check(len(rows) == len(analysis["breaks"]), f"Traceability: {len(rows)} breaks, analysis {len(analysis['breaks'])}")
    for r, b, fr in zip(rows, analysis["breaks"], table_rows(fs, fhead + 1)):
        f = flows[b["flow"]]
        check(ns.cell(r, 1).value == b["flow"] and close(ns.cell(r, 2).value, b["tonnes"]), f"break row {r}")
        check(ns.cell(r, 3).value == f["from"] and ns.cell(r, 4).value == f["to"], f"break row {r}: parties")
        reason = legend.resolve("break", ns.cell(r, 5).value, f"break row {r}")
        check(reason == b["reason"] and reason == fs.cell(fr, 5).value, f"break row {r}: reason {reason!r}")
    no_custom_heights(ns, rows, "Traceability breaks")


def check_red_flags(full, nat, legend, analysis, w):
    fs, ns = full[w["sheets"][6]], nat[w["sheets"][6]]
    fh, nh = header_map(fs, 2), header_map(ns, 2)
    check(list(nh) == ["Severity", "Rule ID", "Actor", "Flow", "Why"], f"Red flags: headers {list(nh)}")
    frows, nrows = list(table_rows(fs, 3)), list(table_rows(ns, 3))
    check(len(nrows) == len(analysis["red_flags"]), "Red flags: count")
    for fr, r in zip(frows, nrows):
        rule = ns.cell(r, nh["Rule ID"]).value
        check(rule == fs.cell(fr, fh["Rule ID"]).value, f"Red flags row {r}: rule order")
        meaning = legend.resolve("rule", rule, f"Red flags row {r}") or ""
        name, category = fs.cell(fr, fh["Rule"]).value, fs.cell(fr, fh["Category"]).value
        check(meaning.startswith(name) and (not category or category in meaning),
              f"Red flags row {r}: {meaning!r} does not give {name!r} and {category!r}")
        for header in ["Severity", "Actor", "Flow", "Why"]:
            check(same(ns.cell(r, nh[header]).value, fs.cell(fr, fh[header]).value), f"Red flags row {r} {header}")
    got = sorted((ns.cell(r, 2).value, ns.cell(r, 3).value or "", ns.cell(r, 4).value or "") for r in nrows)
    want = sorted((f["rule"], f.get("actor", ""), f.get("flow", "")) for f in analysis["red_flags"])
    check(got == want, "Red flags: not the analysis's flags")
    no_custom_heights(ns, nrows, "Red flags")


def check_formulas_follow_flows(nat, natf, full, flows_header, w):
    """Goals' SUMIFS and the Summary's SUM point at the national Flows columns, same values."""
    col = {k: get_column_letter(flows_header[k]) for k in ("From", "To", "Tonnes")}
    g, gf, gfull = nat[w["sheets"][8]], natf[w["sheets"][8]], full[w["sheets"][8]]
    sumifs = 0
    for row in gf.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("=SUMIFS(") and "!" in c.value:
                sumifs += 1
                refs = re.findall(r"!\$([A-Z]+)\$3:\$[A-Z]+\$\d+", c.value)
                check(refs[:2] == [col["Tonnes"], col["From"]] and refs[2:] in ([], [col["To"]]),
                      f"Goals {c.coordinate}: {c.value}")
    check(sumifs > 0 or not nat[w["sheets"][8]].max_row, "Goals: no SUMIFS")
    for r in range(1, gfull.max_row + 1):
        for c in range(1, gfull.max_column + 1):
            check(same(g.cell(r, c).value, gfull.cell(r, c).value), f"Goals {get_column_letter(c)}{r} differs")
    # Tonnes per actor are values in the national layout (a SUMIFS per actor over
    # this many flows would not recalculate in reasonable time), and it says so.
    sf = natf[w["sheets"][0]]
    texts = [c.value for row in sf.iter_rows() for c in row if isinstance(c.value, str)]
    check(not any(t.startswith("=SUMIFS(") for t in texts), "Summary: national layout with per-actor SUMIFS")
    check(any("not live formulas" in t for t in texts), "Summary: the national layout does not say tonnes are not live")


def check_summary(full, nat, w, lang, threshold):
    fs, ns = full[w["sheets"][0]], nat[w["sheets"][0]]
    texts = [c.value for row in ns.iter_rows() for c in row if isinstance(c.value, str)]
    note = [t for t in texts if w["layout"] in t]
    check(len(note) == 1 and str(threshold) in note[0] and w["legend"] in note[0],
          f"Summary: no national-layout note naming the {w['legend']} sheet and {threshold}: {note}")
    check(not any(WORDS[lang]["layout"] in c.value for row in fs.iter_rows() for c in row
                  if isinstance(c.value, str)), "Summary: the full layout mentions the national layout")
    # Every label/value pair of the full Summary has the same value in the national one.
    nvalues = {}
    for row in ns.iter_rows():
        if row[0].value is not None and len(row) > 1:
            nvalues.setdefault(row[0].value, row[1].value)
    for row in fs.iter_rows():
        if row[0].value is not None and len(row) > 1 and isinstance(row[1].value, (int, float)):
            check(same(nvalues.get(row[0].value), row[1].value), f"Summary {row[0].value}: "
                  f"{nvalues.get(row[0].value)} != {row[1].value}")


def check_unchanged(full, fullf, nat, natf, names, values_only=()):
    for name in names:
        pairs = [(full[name], nat[name], "values")]
        if name not in values_only:
            pairs.append((fullf[name], natf[name], "formulas"))
        for a, b, what in pairs:
            rows_a = [[c.value for c in row] for row in a.iter_rows()]
            rows_b = [[c.value for c in row] for row in b.iter_rows()]
            check(rows_a == rows_b, f"{name}: {what} differ between the layouts")


def no_empty_text(nat, names):
    for name in names:
        empty = [c.coordinate for row in nat[name].iter_rows() for c in row if c.value == ""]
        check(not empty, f"{name}: empty text cells {empty[:5]}")


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    d, lang, threshold = sys.argv[1], sys.argv[2], int(sys.argv[3])
    w = dict(WORDS["en"])
    w.update(WORDS[lang])
    analysis = json.load(open(os.path.join(d, "analysis.json"), encoding="utf-8"))
    chain = json.load(open(os.path.join(d, "chain.json"), encoding="utf-8"))
    check(len(chain["flows"]) > threshold, "the chain is not above the threshold")
    full = openpyxl.load_workbook(os.path.join(d, "full.xlsx"), data_only=True)
    fullf = openpyxl.load_workbook(os.path.join(d, "full.xlsx"), data_only=False)
    nat = openpyxl.load_workbook(os.path.join(d, "national.xlsx"), data_only=True)
    natf = openpyxl.load_workbook(os.path.join(d, "national.xlsx"), data_only=False)
    check(full.sheetnames == w["sheets"], f"full layout sheets {full.sheetnames}")
    check(nat.sheetnames == w["sheets"][:1] + [w["legend"]] + w["sheets"][1:], f"national sheets {nat.sheetnames}")
    legend = Legend(nat[w["legend"]], GROUPS[lang])
    steps = []
    if lang == "en":  # the column headers are looked up by their English names
        steps = [lambda: check_actors(full, nat, legend, analysis, chain, w),
                 lambda: check_traceability(full, nat, legend, analysis, chain, w),
                 lambda: check_red_flags(full, nat, legend, analysis, w),
                 lambda: check_formulas_follow_flows(nat, natf, full, check_flows(full, nat, natf, legend, chain, w),
                                                     w),
                 legend.check_uses]
    else:
        # Spanish: every code of every sheet resolves (same columns as English, by position).
        steps = [lambda: check_codes_by_position(nat, legend, w)]
    steps += [lambda: check_summary(full, nat, w, lang, threshold),
              # Mass balance: in and out are SUMIFS in the full layout, values in the national one.
              lambda: check_unchanged(full, fullf, nat, natf, [w["sheets"][i] for i in (3, 5, 7, 9, 10, 11)],
                                      values_only=(w["sheets"][5],)),
              lambda: no_empty_text(nat, [w["sheets"][i] for i in (1, 2, 4, 6)])]
    for step in steps:
        try:
            step()
        except (AssertionError, KeyError, TypeError, IndexError, AttributeError, ValueError) as e:
            failures.append(f"{type(e).__name__}: {e}")
    if failures:
        print(f"national layout: {len(failures)} failures")
        for f in failures[:40]:
            print("  " + f)
        return 1
    print("national layout: OK")
    return 0


def check_codes_by_position(nat, legend, w):
    """Spanish workbook: the coded columns, found by position, all resolve; uses add up."""
    a = nat[w["sheets"][1]]
    for r in table_rows(a, 3):
        legend.resolve("kind", a.cell(r, 3).value, f"Actores C{r}")
        legend.resolve("factors", a.cell(r, 13).value, f"Actores M{r}")
        legend.resolve("reasons", a.cell(r, 27).value, f"Actores AA{r}")
    f = nat[w["sheets"][2]]
    for r in table_rows(f, 3):
        for x in (f.cell(r, 9).value or "").split("; "):
            legend.resolve("document", x, f"Flujos I{r}")
        legend.resolve("typology", f.cell(r, 12).value, f"Flujos L{r}")
    t = nat[w["sheets"][4]]
    head = int(re.match(r"A(\d+):", t.auto_filter.ref).group(1))
    for r in table_rows(t, head + 1):
        legend.resolve("break", t.cell(r, 5).value, f"Trazabilidad E{r}")
    s = nat[w["sheets"][6]]
    for r in table_rows(s, 3):
        legend.resolve("rule", s.cell(r, 2).value, f"Señales B{r}")
    legend.check_uses()


if __name__ == "__main__":
    sys.exit(main())
