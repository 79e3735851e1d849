#!/usr/bin/python3
"""The progress series of `traza-cli analyze --json` (issue #19, "Time"):

    series_test.py CASE TRAZA_CLI SOURCE_DIR

CASE is `care` (the CARE sample's monthly records) or `weekly` (random crafted
chains with records on random dates, series_period "weekly", goals, supports).
Every series is recomputed here from the chain JSON's records alone: periods
(calendar months, ISO weeks), tonnes per goal and period, cumulative tonnes,
the period each threshold was reached, supports placed, the documented share
per level, and the traced share per level and stage over each period's chain
(proportional mixing, the spec's formula), compared with tolerance 1e-9.
A project without records must have none of the new keys.
"""
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile

from cli_checks import LEVELS, RANK, check, close

CASE, CLI, SOURCE = sys.argv[1], sys.argv[2], sys.argv[3]
WORK = tempfile.mkdtemp(prefix="traza-series-test-")


def analyze(doc, name):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    r = subprocess.run([CLI, "analyze", path, "--json"], capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, "analyze %s: %s" % (name, r.stderr))
    return json.loads(r.stdout)


def period_key(date, weekly):
    d = datetime.date.fromisoformat(date)
    if weekly:
        y, w, _ = d.isocalendar()
        return "%04d-W%02d" % (y, w)
    return date[:7]


def periods(doc, weekly):
    dates = [r["date"] for r in doc["records"]]
    first, last = min(dates), max(dates)
    period = doc["assessment"].get("period", {})
    first = min(first, period.get("start") or first)
    last = max(last, period.get("end") or last)
    keys, d = [], datetime.date.fromisoformat(first)
    while d <= datetime.date.fromisoformat(last):
        k = period_key(d.isoformat(), weekly)
        if not keys or keys[-1] != k:
            keys.append(k)
        d += datetime.timedelta(days=1)
    return keys


def goals_expected(doc, keys, weekly):
    flows = {f["id"]: f for f in doc["flows"]}
    with_records = {r["flow"] for r in doc["records"]}
    out = []
    for g in doc.get("goals", []):
        buyer = g.get("buyer", "")
        mine = [f for f in doc["flows"] if f["from"] == g["actor"] and (not buyer or f["to"] == buyer)]
        delivered = {k: 0.0 for k in keys}
        for r in doc["records"]:
            f = flows[r["flow"]]
            if f in mine:
                delivered[period_key(r["date"], weekly)] += r["tonnes"]
        cumulative, total = [], 0.0
        for k in keys:
            total += delivered[k]
            cumulative.append(total)
        reached = []
        for t in g["thresholds_t"]:
            hit = [i for i, c in enumerate(cumulative) if c + 1e-9 >= t]
            reached.append(keys[hit[0]] if hit else None)
        undated = sum(f["tonnes"] for f in mine if f["id"] not in with_records)
        out.append({"actor": g["actor"], "delivered": [delivered[k] for k in keys], "cumulative": cumulative,
                    "reached": reached, "undated": undated, "supports": {k: 0 for k in keys}, "unplaced": 0})
    for s in doc.get("supports", []):
        goal = next((g for g in out if g["actor"] == s["actor"]), None)
        if goal is None:
            continue
        k = s.get("threshold", 0)
        if 1 <= k <= len(goal["reached"]) and goal["reached"][k - 1]:
            goal["supports"][goal["reached"][k - 1]] += s.get("count", 0)
        else:
            goal["unplaced"] += s.get("count", 0)
    return out


def traced_expected(doc, records):
    """traced[level][stage] over the chain of `records` (each naming its flow)."""
    actors = {a["id"]: a for a in doc["actors"]}
    flows = {f["id"]: f for f in doc["flows"]}
    edges = {}  # (from, to) -> [tonnes, documented at least L for each L]
    for r in records:
        f = flows[r["flow"]]
        e = edges.setdefault((f["from"], f["to"]), [0.0] + [0.0] * 5)
        e[0] += r["tonnes"]
        if r.get("documents"):
            for lv in range(1, RANK[r.get("evidence", "none")] + 1):
                e[lv] += r["tonnes"]
    inflow, outflow = {}, {}
    for (u, v), e in edges.items():
        inflow[v] = inflow.get(v, 0) + e[0]
        outflow[u] = outflow.get(u, 0) + e[0]
    refiners = [a for a in actors if actors[a].get("kind") == "refiner" and inflow.get(a, 0) > 0]
    dests = refiners or [a for a in actors if inflow.get(a, 0) > 0 and outflow.get(a, 0) == 0]
    total = sum(inflow[d] for d in dests)
    top = max((actors[d]["stage"] for d in dests), default=0)
    result = {}
    for li, level in enumerate(LEVELS, start=1):
        result[level] = {}
        for k in range(1, top):
            memo = {}

            def tau(u):
                if u in memo:
                    return memo[u]
                if actors[u]["stage"] <= k:
                    value = 1.0
                elif inflow.get(u, 0) == 0:
                    value = 0.0
                else:
                    value = sum(min(1.0, e[li] / e[0]) * tau(w) * e[0]
                                for (w, v), e in edges.items() if v == u) / inflow[u]
                memo[u] = value
                return value

            t = 0.0
            if total > 0:
                t = sum(min(1.0, e[li] / e[0]) * e[0] * tau(w) for (w, v), e in edges.items() if v in dests) / total
            result[level][str(k)] = min(1.0, max(0.0, t))
    return result, total


def compare(doc, out, weekly):
    keys = periods(doc, weekly)
    tr = out["traceability"]
    check(tr["series_period"] == ("weekly" if weekly else "monthly"), "series_period")
    with_records = {r["flow"] for r in doc["records"]}
    undated = sum(f["tonnes"] for f in doc["flows"] if f["id"] not in with_records)
    check(close(tr["undated_t"], undated), "undated_t %r != %r" % (tr["undated_t"], undated))
    got = tr["by_period"]
    check([p["period"] for p in got] == keys, "periods %r != %r" % ([p["period"] for p in got], keys))
    for p in got:
        recs = [r for r in doc["records"] if period_key(r["date"], weekly) == p["period"]]
        t = sum(r["tonnes"] for r in recs)
        check(close(p["records_t"], t), "%s records_t %r != %r" % (p["period"], p["records_t"], t))
        for li, level in enumerate(LEVELS, start=1):
            d = sum(r["tonnes"] for r in recs if r.get("documents") and RANK[r.get("evidence", "none")] >= li)
            share = d / t if t > 0 else 0.0
            check(close(p["documented_share"][level], share),
                  "%s documented_share[%s] %r != %r" % (p["period"], level, p["documented_share"][level], share))
        traced, total = traced_expected(doc, recs)
        check(close(p["destinations_t"], total), "%s destinations_t %r != %r" % (p["period"], p["destinations_t"], total))
        for level in LEVELS:
            check(set(p["by_stage"][level]) == set(traced[level]),
                  "%s stages %r != %r" % (p["period"], list(p["by_stage"][level]), list(traced[level])))
            for k, v in traced[level].items():
                check(close(p["by_stage"][level][k], v),
                      "%s traced[%s][%s] %r != %r" % (p["period"], level, k, p["by_stage"][level][k], v))
    expected = goals_expected(doc, keys, weekly)
    check(len(out["goals"]) == len(expected), "goal count")
    for g, e in zip(out["goals"], expected):
        check(g["actor"] == e["actor"], "goal order")
        check(g["reached"] == e["reached"], "%s reached %r != %r" % (g["actor"], g["reached"], e["reached"]))
        check(close(g["undated_t"], e["undated"]), "%s undated_t" % g["actor"])
        check(g["supports_unplaced"] == e["unplaced"], "%s supports_unplaced %r != %r" % (g["actor"], g["supports_unplaced"], e["unplaced"]))
        check([p["period"] for p in g["by_period"]] == keys, "%s periods" % g["actor"])
        for i, p in enumerate(g["by_period"]):
            check(close(p["delivered_t"], e["delivered"][i]), "%s %s delivered" % (g["actor"], p["period"]))
            check(close(p["cumulative_t"], e["cumulative"][i]), "%s %s cumulative" % (g["actor"], p["period"]))
            check(p["supports"] == e["supports"][p["period"]], "%s %s supports" % (g["actor"], p["period"]))
    return keys


def care():
    with open(os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json"), encoding="utf-8") as f:
        doc = json.load(f)
    out = analyze(doc, "care.json")
    keys = compare(doc, out, False)
    check(len(keys) == 12, "the CARE sample has twelve months")
    # The yearly totals come back: each goal's last cumulative is its delivered tonnes to its buyer.
    org1 = next(g for g in out["goals"] if g["actor"] == "org1")
    check(org1["by_period"][-1]["cumulative_t"] > 150 and org1["reached"][2] is not None, "org1 reaches its goal")
    # Without records, no new key: older outputs stay as they were.
    for f in doc["flows"]:
        ids = {r["flow"] for r in doc["records"]}
    totals = {}
    for r in doc["records"]:
        totals.setdefault(r["flow"], []).append(r)
    for f in doc["flows"]:
        if f["id"] in totals:
            recs = totals[f["id"]]
            f["tonnes"] = sum(r["tonnes"] for r in recs)
            f["documented_t"] = sum(r["tonnes"] for r in recs if r.get("documents"))
            f["evidence"] = min((r["evidence"] for r in recs if r.get("documents")), key=RANK.get, default="none")
    del doc["records"]
    plain = analyze(doc, "care-plain.json")
    check("goals" not in plain and "by_period" not in plain["traceability"], "no series without records")
    check("series_period" not in plain["traceability"], "no series_period without records")


def weekly():
    for seed in range(8):
        rng = random.Random(seed)
        actors = [{"id": "ref", "kind": "refiner", "stage": 4}, {"id": "exp", "kind": "exporter", "stage": 3}]
        flows, records, goals, supports = [], [], [], []
        flows.append({"id": "fx", "from": "exp", "to": "ref"})
        n = 0
        for o in range(rng.randint(1, 4)):
            org, pick = "org%d" % o, "pk%d" % o
            actors += [{"id": org, "kind": "picker_organisation", "stage": 2},
                       {"id": pick, "kind": "waste_picker", "stage": 1}]
            flows += [{"id": "p%d" % o, "from": pick, "to": org}, {"id": "o%d" % o, "from": org, "to": "exp"}]
            goals.append({"actor": org, "buyer": "exp",
                          "thresholds_t": sorted(round(rng.uniform(5, 60), 1) for _ in range(rng.randint(1, 3)))})
            supports.append({"actor": org, "type": "equipment", "threshold": rng.randint(0, 3), "count": rng.randint(1, 9)})
        for f in flows:
            for _ in range(rng.randint(1, 6)):
                n += 1
                day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
                ev = rng.choice(list(RANK))
                docs = [{"type": "delivery_receipt", "number": "R%d" % n}] if rng.random() < 0.7 else []
                records.append({"id": "r%d" % n, "flow": f["id"], "date": day.isoformat(),
                                "tonnes": round(rng.uniform(0.5, 20), 3), "evidence": ev, "documents": docs})
        if rng.random() < 0.5:  # a flow without records: undated, left out of every series
            actors.append({"id": "pkx", "kind": "waste_picker", "stage": 1})
            flows.append({"id": "px", "from": "pkx", "to": "org0", "tonnes": 7.5})
        doc = {"format": "traza-chain", "version": 1,
               "assessment": {"title": "weekly %d" % seed, "period": {"start": "2025-01-01", "end": "2025-12-31"},
                              "series_period": "weekly"},
               "actors": actors, "flows": flows, "records": records, "goals": goals, "supports": supports}
        out = analyze(doc, "weekly%d.json" % seed)
        keys = compare(doc, out, True)
        check(keys[0] == "2025-W01" and keys[-1] == "2026-W01" and len(keys) == 53, "weeks of 2025: %r" % keys[:2])


{"care": care, "weekly": weekly}[CASE]()
print("ok")
