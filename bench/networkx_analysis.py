#!/usr/bin/python3
"""The core of Traza's analysis redone with networkx, for a side-by-side time.

Reads a chain JSON file (shared/spec/chain-json.md) and computes, as the spec
defines them: flow shares (one backward pass over the condensation, a dense
solve inside each cycle), dominators of the destinations
(networkx.immediate_dominators from a virtual root) and traceability by
evidence level and stage (a forward pass per level and stage). Prints one
JSON object with the time of each part in milliseconds (the file read and
JSON parse are timed apart). With --check ANALYSIS.json (the output of
`traza-cli analyze --json`) the figures are compared with Traza's.

Pure Python + networkx (Debian python3-networkx); no numpy or scipy.
"""
import argparse
import json
import sys
import time

import networkx as nx

LEVELS = ["none", "self_declared", "reported", "documented", "verified"]
DEFAULT_STAGE = {"waste_picker": 1, "picker_organisation": 2, "intermediary": 3, "exporter": 4,
                 "refiner": 5, "manufacturer": 6, "brand": 7}


def build_graph(chain):
    """Actors as nodes, one edge per ordered pair with summed tonnes and
    documented tonnes per evidence level (flows of evidence >= L)."""
    g = nx.DiGraph()
    for a in chain["actors"]:
        g.add_node(a["id"], stage=a.get("stage", DEFAULT_STAGE.get(a["kind"], 0)), kind=a["kind"],
                   inT=0.0, outT=0.0)
    for f in chain["flows"]:
        u, v, t = f["from"], f["to"], float(f["tonnes"])
        if u == v or t <= 0 or u not in g or v not in g:
            continue
        if not g.has_edge(u, v):
            g.add_edge(u, v, t=0.0, doc=[0.0] * 5)
        e = g[u][v]
        e["t"] += t
        level = LEVELS.index(f.get("evidence", "none"))
        documented = min(max(float(f.get("documented_t", 0)), 0.0), t)
        for k in range(level + 1):
            e["doc"][k] += documented
        g.nodes[u]["outT"] += t
        g.nodes[v]["inT"] += t
    return g


def solve_dense(a, b):
    """Solve a x = b by Gaussian elimination with partial pivoting (lists)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / piv
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def components(g):
    """Strongly connected components in topological order, and whether each is a cycle."""
    cond = nx.condensation(g)
    order = list(nx.topological_sort(cond))
    comps = [sorted(cond.nodes[c]["members"]) for c in order]
    cyclic = [len(m) > 1 for m in comps]
    comp_of = {}
    for i, members in enumerate(comps):
        for v in members:
            comp_of[v] = i
    return comps, cyclic, comp_of


def flow_shares(g, comps, cyclic, comp_of, dest, total):
    """flow_share(a): the part of destination input that passed through a,
    counted once even when it circles back (first-passage normalisation)."""
    share = {v: 0.0 for v in g}
    if total <= 0:
        return share
    y = {}

    def outside(u, ci):
        h = 0.0
        for w, e in g[u].items():
            if w in dest:
                h += e["t"]
            if comp_of[w] != ci:
                h += e["t"] * y[w] / g.nodes[w]["inT"]
        return h

    for ci in range(len(comps) - 1, -1, -1):
        members = comps[ci]
        if not cyclic[ci]:
            v = members[0]
            y[v] = outside(v, ci)
            share[v] = y[v] / total
            continue
        index = {v: i for i, v in enumerate(members)}
        m = len(members)
        h = [outside(u, ci) for u in members]
        fed = any(p not in index for v in members for p in g.predecessors(v))
        if not fed:
            for v in members:
                y[v] = sum(h)
                share[v] = y[v] / total
            continue
        a = [[0.0] * m for _ in range(m)]
        for i, u in enumerate(members):
            a[i][i] += 1.0
            for w, e in g[u].items():
                if w in index:
                    a[i][index[w]] -= e["t"] / g.nodes[w]["inT"]
        yc = solve_dense(a, h)
        for i, v in enumerate(members):
            unit = [0.0] * m
            unit[i] = 1.0
            gaa = solve_dense(a, unit)[i]  # walks from v back to v
            y[v] = yc[i]
            share[v] = yc[i] / gaa / total
    for d in dest:
        share[d] = g.nodes[d]["inT"] / total
    return {v: min(max(s, 0.0), 1.0) for v, s in share.items()}


def dominators(g, dest):
    """Destinations each actor dominates, from a virtual root linked to every source."""
    root = ("root",)
    rooted = nx.DiGraph()
    rooted.add_edges_from(g.edges)
    rooted.add_node(root)
    for v in g:
        if g.in_degree(v) == 0:
            rooted.add_edge(root, v)
    idom = nx.immediate_dominators(rooted, root)
    dominates = {v: [] for v in g}
    for d in dest:
        if d not in idom:
            continue
        a = idom[d]
        while a != root:
            dominates[a].append(d)
            a = idom[a]
    return dominates


def traceability(g, comps, cyclic, comp_of, dest, total, last_stage):
    """traced[L][k]: share of destination input documented at level L or better
    on every hop back to an actor of stage <= k."""
    out = {}
    for li in range(1, 5):
        frac = {(u, v): (e["doc"][li] / e["t"] if e["t"] > 0 else 0.0) for u, v, e in g.edges(data=True)}
        by_stage = {}
        for k in range(1, last_stage + 1):
            tau = {}
            for ci, members in enumerate(comps):
                fixed = [v for v in members if g.nodes[v]["stage"] <= k]
                for v in fixed:
                    tau[v] = 1.0
                free = [v for v in members if g.nodes[v]["stage"] > k]
                if not free:
                    continue
                if not cyclic[ci]:
                    v = free[0]
                    inT = g.nodes[v]["inT"]
                    s = sum(frac[(u, v)] * g[u][v]["t"] * tau[u] for u in g.predecessors(v))
                    tau[v] = s / inT if inT > 0 else 0.0
                    continue
                index = {v: i for i, v in enumerate(free)}
                n = len(free)
                a = [[0.0] * n for _ in range(n)]
                b = [0.0] * n
                for i, v in enumerate(free):
                    a[i][i] = 1.0
                    inT = g.nodes[v]["inT"]
                    for u in g.predecessors(v):
                        c = frac[(u, v)] * g[u][v]["t"] / inT
                        if u in index:
                            a[i][index[u]] -= c
                        else:
                            b[i] += c * tau[u]
                for v, x in zip(free, solve_dense(a, b)):
                    tau[v] = x
            traced = 0.0
            if total > 0:
                for d in dest:
                    for u in g.predecessors(d):
                        traced += frac[(u, d)] * g[u][d]["t"] * tau[u]
                traced /= total
            by_stage[k] = min(max(traced, 0.0), 1.0)
        out[LEVELS[li]] = by_stage
    return out


def check(analysis_path, shares, dominates, traced):
    """Compare with Traza's analysis JSON; returns the number of differences."""
    with open(analysis_path, encoding="utf-8") as f:
        traza = json.load(f)
    bad = 0
    for a in traza["actors"]:
        if abs(a["flow_share"] - shares[a["id"]]) > 1e-6:
            bad += 1
        if sorted(a["dominates"]) != sorted(dominates[a["id"]]):
            bad += 1
    for level, data in traza["traceability"]["levels"].items():
        for k, v in data["by_stage"].items():
            if abs(v - traced[level][int(k)]) > 1e-6:
                bad += 1
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("chain", help="chain JSON file")
    ap.add_argument("--check", help="Traza's analysis JSON to compare with")
    args = ap.parse_args()

    times = {}
    t0 = time.perf_counter()
    with open(args.chain, encoding="utf-8") as f:
        chain = json.load(f)
    times["load_ms"] = (time.perf_counter() - t0) * 1000

    start = time.perf_counter()
    cpu_start = time.process_time()
    t = time.perf_counter()
    g = build_graph(chain)
    times["graph_ms"] = (time.perf_counter() - t) * 1000
    refiners = [v for v, d in g.nodes(data=True) if d["kind"] == "refiner"]
    dest = set(refiners or [v for v in g if g.nodes[v]["inT"] > 0 and g.nodes[v]["outT"] == 0])
    total = sum(g.nodes[d]["inT"] for d in dest)
    last_stage = max([g.nodes[d]["stage"] for d in dest] + [1]) - 1

    t = time.perf_counter()
    comps, cyclic, comp_of = components(g)
    times["condensation_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    shares = flow_shares(g, comps, cyclic, comp_of, dest, total)
    times["flow_share_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    dominates = dominators(g, dest)
    times["dominators_ms"] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    traced = traceability(g, comps, cyclic, comp_of, dest, total, last_stage)
    times["traceability_ms"] = (time.perf_counter() - t) * 1000
    times["analysis_ms"] = (time.perf_counter() - start) * 1000
    times["analysis_cpu_ms"] = (time.process_time() - cpu_start) * 1000
    times["actors"] = g.number_of_nodes()
    times["flows"] = len(chain["flows"])
    times["cycles"] = sum(cyclic)
    if args.check:
        times["differences"] = check(args.check, shares, dominates, traced)
    print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in times.items()}))
    return 1 if times.get("differences") else 0


if __name__ == "__main__":
    sys.exit(main())
