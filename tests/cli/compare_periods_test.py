#!/usr/bin/python3
"""Two periods of one project compared (issue #19):

    compare_periods_test.py TRAZA_CLI SOURCE_DIR SEED_COUNT

`traza-cli compare P --periods A B` on the CARE sample's monthly records and on
random chains with records on random dates (monthly and weekly projects, some
flows without records). For each period, the flows' tonnes and documented
shares are recomputed here from the chain JSON's records alone (each flow keeps
its records dated in the period: tonnes their sum, documented tonnes those with
a document, evidence the lowest of those); the records, undated flows and
undated tonnes too. The traced shares, horizons and tonnes reaching the
destinations are checked against `analyze --json` of a chain JSON of the
period written here. Errors (bad text, reversed range, a period without
records, two projects with --periods) exit 2 naming the option. The report's
Comparison sheet is read back with openpyxl: the periods head its columns.
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

import openpyxl

from cli_checks import LEVELS, RANK, check, close

CLI, SOURCE = sys.argv[1], sys.argv[2]
SEEDS = int(sys.argv[3]) if len(sys.argv) > 3 else 10
WORK = tempfile.mkdtemp(prefix="traza-compare-periods-test-")


def run(*args, status=0):
    r = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    check(r.returncode == status, "traza-cli %s: exit %d, expected %d: %s" % (" ".join(args), r.returncode, status, r.stderr))
    return r.stdout if status == 0 else r.stderr


def save(doc, name):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def period_dates(label):
    """First and last day of "2025-01", "2025-W03" or "A..B", by the calendar here."""
    def one(key):
        if "W" in key:
            y, w = int(key[:4]), int(key[6:])
            monday = datetime.date.fromisocalendar(y, w, 1)
            return monday, monday + datetime.timedelta(days=6)
        y, m = int(key[:4]), int(key[5:7])
        first = datetime.date(y, m, 1)
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        return first, nxt - datetime.timedelta(days=1)
    a, b = (label.split("..") + [label])[:2] if ".." in label else (label, label)
    return one(a)[0].isoformat(), one(b)[1].isoformat()


def expected_period(doc, label):
    start, end = period_dates(label)
    by_flow = {}
    for r in doc["records"]:
        if start <= r["date"] <= end:
            by_flow.setdefault(r["flow"], []).append(r)
    with_records = {r["flow"] for r in doc["records"]}
    flows = []
    for f in doc["flows"]:
        recs = by_flow.get(f["id"])
        if not recs:
            continue
        documented = [r for r in recs if r.get("documents")]
        tonnes = sum(r["tonnes"] for r in recs)
        flows.append({"id": f["id"], "from": f["from"], "to": f["to"], "tonnes": tonnes,
                      "documented_t": min(sum(r["tonnes"] for r in documented), tonnes),
                      "evidence": min((r["evidence"] for r in documented), key=RANK.get, default="none")})
    undated = [f for f in doc["flows"] if f["id"] not in with_records]
    return {"start": start, "end": end, "flows": flows, "records": sum(len(v) for v in by_flow.values()),
            "undated_flows": len(undated), "undated_t": sum(f.get("tonnes", 0) for f in undated),
            "chain": period_chain(doc, by_flow, start, end)}


def period_chain(doc, by_flow, start, end):
    """The chain JSON of the period: the flows with records in it, those records only."""
    out = {k: v for k, v in doc.items() if k not in ("flows", "records", "assessment")}
    out["assessment"] = dict(doc.get("assessment", {}), period={"start": start, "end": end})
    out["flows"] = [{k: v for k, v in f.items() if k not in ("tonnes", "documented_t", "evidence")}
                    for f in doc["flows"] if f["id"] in by_flow]
    out["records"] = [r for r in doc["records"] if r["flow"] in by_flow and start <= r["date"] <= end]
    return out


def shares(doc, flows, level):
    stage = {a["id"]: a.get("stage") for a in doc["actors"]}
    tot = documented = ftot = fdoc = 0.0
    for f in flows:
        if f["tonnes"] <= 0 or f["from"] == f["to"]:
            continue
        d = min(f["documented_t"], f["tonnes"]) if RANK[f["evidence"]] >= RANK[level] else 0.0
        tot += f["tonnes"]
        documented += d
        if stage[f["from"]] == 1:
            ftot += f["tonnes"]
            fdoc += d
    return (documented / tot if tot else 0.0), (fdoc / ftot if ftot else 0.0)


def check_periods(name, doc, a, b):
    path = save(doc, name + ".json")
    cmp = json.loads(run("compare", path, "--periods", a, b, "--json"))
    exp = [expected_period(doc, a), expected_period(doc, b)]
    for side, label, e, got in (("before", a, exp[0], cmp["periods"][0]), ("after", b, exp[1], cmp["periods"][1])):
        where = "%s %s %s" % (name, side, label)
        check(got["label"] == label and got["start"] == e["start"] and got["end"] == e["end"], where + ": dates %r" % got)
        check(got["records"] == e["records"], where + ": records %d, expected %d" % (got["records"], e["records"]))
        check(got["undated_flows"] == e["undated_flows"] and close(got["undated_t"], e["undated_t"]), where + ": undated")
        check(cmp["flow_count"][side] == len(e["flows"]), where + ": flows %s, expected %d" % (cmp["flow_count"], len(e["flows"])))
        ft = sum(f["tonnes"] for f in e["flows"])
        check(close(cmp["flow_tonnes"][side], ft), where + ": tonnes %r, expected %r" % (cmp["flow_tonnes"][side], ft))
        for level in LEVELS:
            s, first = shares(doc, e["flows"], level)
            got_level = cmp["levels"][level]
            check(close(got_level["documented_share"][side], s),
                  "%s: documented share at %s: %r, expected %r" % (where, level, got_level["documented_share"][side], s))
            check(close(got_level["first_mile_documented_share"][side], first), "%s: first-mile share at %s" % (where, level))
        # The rest as the analysis of the period's own chain JSON says.
        an = json.loads(run("analyze", save(e["chain"], "%s-%s.json" % (name, side)), "--json"))
        check(close(cmp["total_t"][side], an["total_t"]), where + ": total_t")
        for level in LEVELS:
            got_level, want = cmp["levels"][level], an["traceability"]["levels"][level]
            for k, v in want["by_stage"].items():
                check(close(got_level["by_stage"][k][side], v), "%s: traced %s k=%s" % (where, level, k))
            check(got_level["horizon_" + side] == want.get("horizon"), where + ": horizon at " + level)
    return path, cmp


def care():
    with open(os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json"), encoding="utf-8") as f:
        doc = json.load(f)
    for a, b in (("2025-01", "2025-02"), ("2025-01..2025-03", "2025-10..2025-12"), ("2025-06", "2025-01..2025-12")):
        path, cmp = check_periods("care", doc, a, b)
    check(cmp["periods"][1]["records"] == len(doc["records"]), "the whole year holds every record")
    # Errors name the option and exit 2; nothing is written.
    for args, words in ((["2025-13", "2025-01"], "no month"), (["2025-03..2025-01", "2025-04"], "reversed"),
                        (["2024-05", "2025-01"], "no delivery record is dated in 2024-05"),
                        (["2025-W60", "2025-01"], "no ISO week"), (["January", "2025-01"], "is no period"),
                        (["2025-W05..2025-03", "2025-04"], "a month to a month")):
        err = run("compare", path, "--periods", *args, status=2)
        check("--periods" in err and words in err, "error for %r: %s" % (args, err))
    err = run("compare", path, path, "--periods", "2025-01", "2025-02", status=2)
    check("one project" in err, "two projects and --periods: " + err)
    report = os.path.join(WORK, "care-periods.xlsx")
    err = run("report", path, "-o", report, "--compare-periods", "2025-01", "2023-01", status=2)
    check("--compare-periods" in err and not os.path.exists(report), "report error: " + err)
    # Text in both languages.
    for lang, word in (("en", "flows without records"), ("es", "flujos sin registros")):
        text = run("compare", path, "--periods", "2025-01", "2025-02", "--lang", lang)
        check(word in text and "2025-01" in text, "text in %s: %s" % (lang, text[:300]))

    # The report's Comparison sheet, headed by the periods.
    cmp = json.loads(run("compare", path, "--periods", "2025-01", "2025-02..2025-03", "--json"))
    for lang, sheet_name, row_name, doc_name in (("en", "Comparison", "Tonnes in all flows", "Documented"),
                                                 ("es", "Comparación", "Toneladas en todos los flujos", "Documentada")):
        out = os.path.join(WORK, "care-periods-%s.xlsx" % lang)
        run("report", path, "-o", out, "--compare-periods", "2025-01", "2025-02..2025-03", "--no-map", "--lang", lang)
        sheet = openpyxl.load_workbook(out)[sheet_name]
        header = [c.value for c in sheet[2]]
        check(header[1:3] == ["2025-01", "2025-02..2025-03"], "%s: the periods head the columns: %r" % (lang, header))
        rows = {r[0].value: r for r in sheet.iter_rows(min_row=3) if r[0].value}
        total = rows[row_name]
        check(close(total[1].value, cmp["flow_tonnes"]["before"]) and close(total[2].value, cmp["flow_tonnes"]["after"])
              and total[3].value == "=C%d-B%d" % (total[0].row, total[0].row), lang + ": tonnes row")
        check(lang == "es" or doc_name in rows, lang + ": a documented-share row")
        if doc_name in rows:
            d = rows[doc_name]
            check(close(d[1].value, cmp["levels"]["documented"]["documented_share"]["before"]) and
                  close(d[2].value, cmp["levels"]["documented"]["documented_share"]["after"]), lang + ": shares row")
        note = sheet.cell(row=3, column=1).value
        check(str(cmp["periods"][0]["undated_flows"]) in note, lang + ": the note counts the undated flows: " + note)


def generated():
    for seed in range(SEEDS):
        rng = random.Random(seed)
        weekly = seed % 2 == 1
        actors = [{"id": "ref", "kind": "refiner", "stage": 4}, {"id": "exp", "kind": "exporter", "stage": 3}]
        flows, records, n = [{"id": "fx", "from": "exp", "to": "ref"}], [], 0
        for o in range(rng.randint(1, 4)):
            org, pick = "org%d" % o, "pk%d" % o
            actors += [{"id": org, "kind": "picker_organisation", "stage": 2},
                       {"id": pick, "kind": "waste_picker", "stage": 1}]
            flows += [{"id": "p%d" % o, "from": pick, "to": org}, {"id": "o%d" % o, "from": org, "to": "exp"}]
        for f in flows:
            for _ in range(rng.randint(1, 8)):
                n += 1
                day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
                docs = [{"type": "delivery_receipt", "number": "R%d" % n}] if rng.random() < 0.7 else []
                records.append({"id": "r%d" % n, "flow": f["id"], "date": day.isoformat(),
                                "tonnes": round(rng.uniform(0.5, 20), 3), "evidence": rng.choice(list(RANK)),
                                "documents": docs})
        if rng.random() < 0.6:  # a flow without records: undated, left out of both periods
            actors.append({"id": "pkx", "kind": "waste_picker", "stage": 1})
            flows.append({"id": "px", "from": "pkx", "to": "org0", "tonnes": 7.5, "evidence": "documented",
                          "documented_t": 3})
        doc = {"format": "traza-chain", "version": 1,
               "assessment": {"title": "periods %d" % seed, "period": {"start": "2025-01-01", "end": "2025-12-31"},
                              "series_period": "weekly" if weekly else "monthly"},
               "actors": actors, "flows": flows, "records": records}
        dates = sorted(r["date"] for r in records)
        for _ in range(3):
            a, b = sorted(rng.sample(dates, 2))
            if weekly:
                ka, kb = ["%04d-W%02d" % datetime.date.fromisoformat(d).isocalendar()[:2] for d in (a, b)]
            else:
                ka, kb = a[:7], b[:7]
            second = ka + ".." + kb if ka != kb and rng.random() < 0.5 else kb
            check_periods("seed%d" % seed, doc, ka, second)


care()
generated()
print("ok: CARE and %d generated chains" % SEEDS)
