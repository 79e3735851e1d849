#!/usr/bin/python3
"""End-to-end test of `traza-cli compare` (issue #19):

    compare_test.py TRAZA_CLI SEED_COUNT

For random chains, a later version is made by documenting some flows, changing
tonnes, dropping a flow and adding an organisation with its flows. Every figure
of `compare --json` is checked: the documented shares and the flow tonnes are
recomputed here from the two chain JSON files (the spec's s_e(L), weighted by
tonnes), the traced shares, horizons, choke-point ranks, actors' sales and red
flags against the two `analyze --json` outputs, and the added and removed
actors and flows against the files.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import openpyxl

from cli_checks import LEVELS, RANK, check, close

CLI = sys.argv[1]
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
WORK = tempfile.mkdtemp(prefix="traza-compare-test-")


def run(*args):
    r = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, "traza-cli %s: %s" % (" ".join(args), r.stderr))
    return r.stdout


def chain(rng):
    actors = [{"id": "ref", "kind": "refiner", "stage": 5}]
    flows = []
    for e in range(rng.randint(1, 3)):
        exp = "exp%d" % e
        actors.append({"id": exp, "kind": "exporter", "stage": 4})
        sold = 0
        for o in range(rng.randint(1, 4)):
            org, pick = "org%d_%d" % (e, o), "pk%d_%d" % (e, o)
            actors += [{"id": org, "kind": "picker_organisation", "stage": 2},
                       {"id": pick, "kind": "waste_picker", "stage": 1}]
            t = round(rng.uniform(1, 80), 2)
            flows.append({"id": "p" + org, "from": pick, "to": org, "tonnes": t, "evidence": "self_declared",
                          "documented_t": round(t * rng.random(), 3)})
            flows.append({"id": "o" + org, "from": org, "to": exp, "tonnes": t, "documented_t": t,
                          "evidence": rng.choice(["none", "reported", "documented"])})
            sold += t
        flows.append({"id": "x%d" % e, "from": exp, "to": "ref", "tonnes": round(sold, 6),
                      "evidence": rng.choice(["self_declared", "documented"]), "documented_t": round(sold, 6)})
    return {"format": "traza-chain", "version": 1, "actors": actors, "flows": flows}


def later(before, rng):
    after = json.loads(json.dumps(before))
    flows = after["flows"]
    for f in rng.sample(flows, max(1, len(flows) // 3)):
        f["evidence"] = rng.choice(LEVELS)
        f["documented_t"] = round(f["tonnes"] * rng.uniform(0.3, 1), 3)
    first = [f for f in flows if f["id"].startswith("p")]
    dropped = rng.choice(first)
    flows.remove(dropped)
    for f in rng.sample(first, max(1, len(first) // 2)):
        if f is not dropped:
            f["tonnes"] = round(f["tonnes"] * rng.uniform(0.5, 1.5), 2)
            f["documented_t"] = min(f["documented_t"], f["tonnes"])
    after["actors"].append({"id": "orgNEW", "kind": "picker_organisation", "stage": 2})
    t = round(rng.uniform(5, 50), 2)
    flows.append({"id": "newflow", "from": "orgNEW", "to": "exp0", "tonnes": t, "evidence": "documented", "documented_t": t})
    return after


def shares(c, level):
    stage = {a["id"]: a.get("stage") for a in c["actors"]}
    tot = doc = ftot = fdoc = 0.0
    for f in c["flows"]:
        if f["tonnes"] <= 0 or f["from"] == f["to"]:
            continue
        d = min(f.get("documented_t", 0), f["tonnes"]) if RANK[f.get("evidence", "none")] >= RANK[level] else 0.0
        tot += f["tonnes"]
        doc += d
        if stage[f["from"]] == 1:
            ftot += f["tonnes"]
            fdoc += d
    return (doc / tot if tot else 0.0), (fdoc / ftot if ftot else 0.0)


def check_pair(name, b, a):
    files = []
    for tag, c in (("before", b), ("after", a)):
        p = os.path.join(WORK, "%s-%s.json" % (name, tag))
        with open(p, "w") as f:
            json.dump(c, f)
        files.append(p)
    ab, aa = (json.loads(run("analyze", p, "--json")) for p in files)
    cmp = json.loads(run("compare", *files, "--json"))

    check(close(cmp["total_t"]["before"], ab["total_t"]) and close(cmp["total_t"]["after"], aa["total_t"]), name + ": total_t")
    ft = [sum(f["tonnes"] for f in c["flows"] if f["tonnes"] > 0 and f["from"] != f["to"]) for c in (b, a)]
    check(close(cmp["flow_tonnes"]["before"], ft[0]) and close(cmp["flow_tonnes"]["after"], ft[1]), name + ": flow tonnes")
    check(cmp["actor_count"]["before"] == len(b["actors"]) and cmp["flow_count"]["after"] == len(a["flows"]), name + ": counts")
    ids = [({x["id"] for x in c["actors"]}, {x["id"] for x in c["flows"]}) for c in (b, a)]
    check(cmp["actors_added"] == len(ids[1][0] - ids[0][0]) and cmp["actors_removed"] == len(ids[0][0] - ids[1][0]), name + ": actors")
    check(cmp["flows_added"] == len(ids[1][1] - ids[0][1]) and cmp["flows_removed"] == len(ids[0][1] - ids[1][1]), name + ": flows")

    for level in LEVELS:
        got = cmp["levels"][level]
        sb, sa = shares(b, level), shares(a, level)
        check(close(got["documented_share"]["before"], sb[0]) and close(got["documented_share"]["after"], sa[0]),
              "%s: documented share at %s: %s, expected %s -> %s" % (name, level, got["documented_share"], sb[0], sa[0]))
        check(close(got["first_mile_documented_share"]["before"], sb[1]) and
              close(got["first_mile_documented_share"]["after"], sa[1]), "%s: first-mile share at %s" % (name, level))
        lb, la = ab["traceability"]["levels"][level], aa["traceability"]["levels"][level]
        for k in set(lb["by_stage"]) | set(la["by_stage"]):
            check(close(got["by_stage"][k]["before"], lb["by_stage"].get(k, 0.0)) and
                  close(got["by_stage"][k]["after"], la["by_stage"].get(k, 0.0)), "%s: traced %s k=%s" % (name, level, k))
        check(got["horizon_before"] == lb.get("horizon") and got["horizon_after"] == la.get("horizon"), name + ": horizon")

    rb = {x["id"]: x for x in ab["actors"]}
    ra = {x["id"]: x for x in aa["actors"]}
    chokes = {i for i, x in rb.items() if x["choke_point"]} | {i for i, x in ra.items() if x["choke_point"]}
    check({p["id"] for p in cmp["choke_points"]} == chokes, name + ": choke points")
    for p in cmp["choke_points"]:
        check(p["rank_before"] == (rb[p["id"]]["choke_rank"] if p["id"] in rb else 0) and
              p["rank_after"] == (ra[p["id"]]["choke_rank"] if p["id"] in ra else 0), name + ": rank of " + p["id"])

    key = lambda f: (f["rule"], f.get("actor", ""), f.get("flow", ""))
    kb, ka = {key(f) for f in ab["red_flags"]}, {key(f) for f in aa["red_flags"]}
    check({key(f) for f in cmp["new_red_flags"]} == ka - kb, name + ": new red flags")
    check({key(f) for f in cmp["resolved_red_flags"]} == kb - ka, name + ": resolved red flags")

    expected = {}
    for i in set(rb) | set(ra):
        before, after = rb.get(i, {}).get("out_t", 0.0), ra.get(i, {}).get("out_t", 0.0)
        if before != after or (i in rb) != (i in ra):
            expected[i] = (before, after)
    got = {x["id"]: (x["out_t"]["before"], x["out_t"]["after"]) for x in cmp["actor_tonnes"]}
    check(got.keys() == expected.keys(), name + ": actors whose sales changed")
    for i, (x, y) in expected.items():
        check(close(got[i][0], x) and close(got[i][1], y), name + ": sales of " + i)
    deltas = [abs(x["out_t"]["change"]) for x in cmp["actor_tonnes"]]
    check(deltas == sorted(deltas, reverse=True), name + ": largest change first")
    check([x["id"] for x in cmp["actor_tonnes"] if x["added"]] == ["orgNEW"], name + ": the new organisation")

    # The report's Comparison sheet: the same figures, the change as a formula over them.
    report = os.path.join(WORK, name + "-report.xlsx")
    run("report", files[1], "-o", report, "--compare-with", files[0], "--no-map")
    sheet = openpyxl.load_workbook(report)["Comparison"]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=3) if r[0].value}
    total = rows["Tonnes reaching the destinations"]
    check(close(total[1].value, cmp["total_t"]["before"]) and close(total[2].value, cmp["total_t"]["after"]) and
          total[3].value == "=C%d-B%d" % (total[0].row, total[0].row), name + ": Comparison sheet total row")
    doc = rows["Documented"]
    check(close(doc[1].value, cmp["levels"]["documented"]["documented_share"]["before"]) and
          close(doc[2].value, cmp["levels"]["documented"]["documented_share"]["after"]), name + ": Comparison sheet shares")
    check(rows["Actors"][2].value == len(a["actors"]), name + ": Comparison sheet actor count")

    for lang, word in (("en", "Choke points"), ("es", "Puntos de control")):
        text = run("compare", *files, "--lang", lang)
        check(word in text and "→" in text, name + ": text in " + lang)


def main():
    for seed in range(SEEDS):
        rng = random.Random(seed)
        b = chain(rng)
        check_pair("seed%d" % seed, b, later(b, rng))
    print("ok: %d pairs compared" % SEEDS)


main()
