#!/usr/bin/python3
"""Independent check of the credit method and the document-next gains.

Usage: networkx_claims_check.py ANALYSIS_DUMP COUNT TRAZA_CLI CARE_JSON

For random chains with cycles (from the C++ helper analysis_dump) and for the
CARE sample (analysed by `traza-cli analyze --json`), recomputes here:

- by_stage_credit[L][k]: networkx.maximum_flow on the network the spec
  defines: a super-source joined without limit to every actor of stage <= k,
  flow e with capacity s_e(L)·t_e, and every flow into a destination ending at
  a super-sink (a destination absorbs what it receives); divided by T;
- next_flows at level "documented", stage 1: the gain of each flow by
  re-solving the proportional-mixing system with that flow documented
  (Gaussian elimination in networkx_check.py), the straightforward way.

Fails (exit 1) on a difference above 1e-7, on credit outside [0, 1], on a
listed flow whose gain is not the recomputed one, or on a flow left out that
gains more than the last listed.
"""
import json
import os
import subprocess
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from networkx_check import LEVELS, Chain, documented_fraction  # noqa: E402

TOL = 1e-7


def destinations(chain, named):
    if named:
        return list(dict.fromkeys(named))
    dest = [a for a in chain.actors if chain.info[a].get("kind") == "refiner"]
    if not dest:
        dest = [a for a in chain.actors if chain.inflow[a] > 0 and chain.outflow[a] == 0]
    return dest


def stage(chain, a):
    return chain.info[a]["stage"]


def credit(chain, dest, level, k, total):
    g = nx.DiGraph()
    src, sink = ("S",), ("T",)
    g.add_node(src)
    g.add_node(sink)
    dset = set(dest)
    for a in chain.actors:
        if stage(chain, a) <= k:
            g.add_edge(src, a)  # no capacity attribute: unbounded
    for f in chain.flows:
        cap = documented_fraction(f, level) * f["tonnes"]
        if cap <= 0:
            continue
        head = sink if f["to"] in dset else f["to"]
        tail = f["from"]
        if g.has_edge(tail, head) and "capacity" in g[tail][head]:
            g[tail][head]["capacity"] += cap
        elif not g.has_edge(tail, head):
            g.add_edge(tail, head, capacity=cap)
    value = nx.maximum_flow_value(g, src, sink)
    return value / total if total > 0 else 0.0


def traced(chain, dest, level_of, k, total):
    fixed = {v: 1.0 for v in chain.actors if stage(chain, v) <= k}
    for s in chain.sources:
        fixed.setdefault(s, 0.0)
    tau = chain.mix(fixed, level_of)
    if total <= 0:
        return 0.0
    return sum(level_of(f) * tau[f["from"]] * f["tonnes"] for d in dest for f in chain.into[d]) / total


def check(chain_json, named, out):
    errors = []
    chain = Chain(chain_json)
    for a in chain.actors:  # the sample may leave stage to its default
        chain.info[a].setdefault("stage", {"waste_picker": 1, "picker_organisation": 2, "intermediary": 3,
                                           "exporter": 4, "refiner": 5, "manufacturer": 6,
                                           "brand": 7}.get(chain.info[a].get("kind")))
    dest = destinations(chain, named)
    total = sum(chain.inflow[d] for d in dest)
    levels = out["traceability"]["levels"]
    for level in range(1, 5):
        entry = levels[LEVELS[level]]
        for key, mine in entry["by_stage_credit"].items():
            k = int(key)
            theirs = credit(chain, dest, level, k, total)
            if abs(mine - theirs) > TOL:
                errors.append(f"by_stage_credit[{LEVELS[level]}][{k}]: python {theirs!r} vs traza {mine!r}")
            if not -1e-12 <= mine <= 1 + 1e-12:
                errors.append(f"by_stage_credit[{LEVELS[level]}][{k}] out of [0, 1]: {mine}")
    # Gains at "documented", stage 1, by re-solving with each flow documented.
    level = 3
    entry = levels[LEVELS[level]]
    if "1" not in entry["by_stage"]:
        return errors
    base_factor = {id(f): documented_fraction(f, level) for f in chain.flows}
    before = traced(chain, dest, lambda f: base_factor[id(f)], 1, total)
    listed = {n["flow"]: n["gain"] for n in entry["next_flows"]}
    smallest = min(listed.values(), default=2.0)
    for f in chain.flows:
        factor = dict(base_factor)
        factor[id(f)] = 1.0
        gain = traced(chain, dest, lambda g: factor[id(g)], 1, total) - before
        if f["id"] in listed:
            if abs(listed[f["id"]] - gain) > TOL:
                errors.append(f"gain[{f['id']}]: python {gain!r} vs traza {listed[f['id']]!r}")
        elif len(listed) == 20 and gain > smallest + TOL:
            errors.append(f"gain[{f['id']}] = {gain} left out, last listed {smallest}")
        elif len(listed) < 20 and gain > TOL:
            errors.append(f"gain[{f['id']}] = {gain} left out of a short list")
    return errors


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    dump_exe, count, cli, care = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    failed = 0
    dump = subprocess.run([dump_exe, "1", str(count)], check=True, capture_output=True, text=True).stdout
    records = [json.loads(line) for line in dump.splitlines() if line.strip()]
    cycles = 0
    for record in records:
        errors = check(record["chain"], record["destinations"], record["analysis"])
        graph = nx.DiGraph((f["from"], f["to"]) for f in record["chain"]["flows"])
        cycles += not nx.is_directed_acyclic_graph(graph)
        if errors:
            failed += 1
            print(f"seed {record['seed']}: {len(errors)} difference(s)")
            for e in errors[:10]:
                print("   ", e)
    with open(care, encoding="utf-8") as fh:
        care_chain = json.load(fh)
    care_out = json.loads(subprocess.run([cli, "analyze", care, "--json"], check=True, capture_output=True,
                                         text=True).stdout)
    errors = check(care_chain, [], care_out)
    for e in errors:
        print("CARE:", e)
    failed += bool(errors)
    doc = care_out["traceability"]["levels"]["documented"]
    print("CARE documented: by_stage", doc["by_stage"], "by_stage_credit", doc["by_stage_credit"])
    print(f"checked {len(records)} random chains ({cycles} with cycles) and the CARE sample; {failed} failed")
    if len(records) < count or cycles == 0:
        print("too few chains or no cycles: the check is not meaningful")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
