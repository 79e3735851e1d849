#!/usr/bin/python3
"""Independent check of Traza's analysis on random chains.

Usage: networkx_check.py ANALYSIS_DUMP [COUNT]

Runs the C++ helper analysis_dump, which prints random chains (with cycles)
and Traza's analysis of each, and recomputes the spec's figures here in plain
Python with networkx, the straightforward way the spec states them:

- flow share: one linear system per actor (mark its output, solve, count the
  marked tonnes on flows entering D), by Gaussian elimination;
- dominators: networkx.immediate_dominators from a virtual root;
- traced[L][k]: one linear system per level and stage;
- mass balance, upstream sources and headcount, destinations and T.

Where material circulates with no origin the systems are singular; here the
unknowns are restricted to the actors reachable from a fixed actor (anything
else carries nothing), a different route to the same minimal solution.

Fails (exit 1) on any difference above 1e-7, and on broken properties:
shares in [0, 1], traced non-decreasing in k and non-increasing in L.
"""
import json
import subprocess
import sys

import networkx as nx

TOL = 1e-7
LEVELS = ["none", "self_declared", "reported", "documented", "verified"]


def solve(matrix, rhs):
    """Gaussian elimination with partial pivoting (dense, small systems)."""
    n = len(rhs)
    a = [row[:] + [rhs[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-300:
            raise ValueError("singular system")
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            if f:
                for c in range(col, n + 1):
                    a[r][c] -= f * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        s = a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))
        x[r] = s / a[r][r]
    return x


class Chain:
    def __init__(self, chain):
        self.actors = [a["id"] for a in chain["actors"]]
        self.info = {a["id"]: a for a in chain["actors"]}
        self.flows = chain["flows"]
        self.inflow = {a: 0.0 for a in self.actors}
        self.outflow = {a: 0.0 for a in self.actors}
        self.into = {a: [] for a in self.actors}  # list of flows per head
        self.graph = nx.DiGraph()
        self.graph.add_nodes_from(self.actors)
        for f in self.flows:
            self.inflow[f["to"]] += f["tonnes"]
            self.outflow[f["from"]] += f["tonnes"]
            self.into[f["to"]].append(f)
            self.graph.add_edge(f["from"], f["to"])
        self.sources = [a for a in self.actors if not self.into[a]]

    def mix(self, fixed, factor):
        """x(v) = Σ factor(e)·t_e·x(u)/in(v) for unfixed v; fixed: {actor: value}."""
        # Only actors reachable from a fixed actor through positive edges can carry anything.
        positive = nx.DiGraph()
        positive.add_nodes_from(self.actors)
        for f in self.flows:
            if factor(f) > 0:
                positive.add_edge(f["from"], f["to"])
        reach = set()
        for v, value in fixed.items():
            if value != 0:
                reach |= nx.descendants(positive, v)
        unknown = [v for v in self.actors if v in reach and v not in fixed and self.inflow[v] > 0]
        index = {v: i for i, v in enumerate(unknown)}
        m = len(unknown)
        matrix = [[0.0] * m for _ in range(m)]
        rhs = [0.0] * m
        for v in unknown:
            i = index[v]
            matrix[i][i] += 1.0
            for f in self.into[v]:
                c = factor(f) * f["tonnes"] / self.inflow[v]
                u = f["from"]
                if u in fixed:
                    rhs[i] += c * fixed[u]
                elif u in index:
                    matrix[i][index[u]] -= c
        x = solve(matrix, rhs) if m else []
        value = {v: 0.0 for v in self.actors}
        value.update(fixed)
        for v in unknown:
            value[v] = x[index[v]]
        return value


def documented_fraction(f, level):
    return f.get("documented_t", 0.0) / f["tonnes"] if LEVELS.index(f.get("evidence", "none")) >= level else 0.0


def check(record):
    errors = []
    chain = Chain(record["chain"])
    out = record["analysis"]
    named = record["destinations"]

    def close(what, mine, theirs):
        if abs(mine - theirs) > TOL:
            errors.append(f"{what}: python {mine!r} vs traza {theirs!r}")

    # Destinations and T.
    if named:
        dest = list(dict.fromkeys(named))
    else:
        dest = [a for a in chain.actors if chain.info[a]["kind"] == "refiner"]
        if not dest:
            dest = [a for a in chain.actors if chain.inflow[a] > 0 and chain.outflow[a] == 0]
    if [d["id"] for d in out["destinations"]] != dest:
        errors.append(f"destinations: python {dest} vs traza {[d['id'] for d in out['destinations']]}")
        return errors
    total = sum(chain.inflow[d] for d in dest)
    close("T", total, out["total_t"])
    dset = set(dest)
    result = {a["id"]: a for a in out["actors"]}

    # Flow shares: one system per actor.
    for a in chain.actors:
        share = 0.0
        if total > 0:
            if a in dset:
                share = chain.inflow[a] / total
            else:
                fixed = {s: 0.0 for s in chain.sources}
                fixed[a] = 1.0
                x = chain.mix(fixed, lambda f: 1.0)
                share = sum(f["tonnes"] * x[f["from"]] for d in dest for f in chain.into[d]) / total
        close(f"flow_share[{a}]", share, result[a]["flow_share"])
        if not -1e-12 <= result[a]["flow_share"] <= 1 + 1e-12:
            errors.append(f"flow_share[{a}] out of [0, 1]: {result[a]['flow_share']}")

    # Dominators from a virtual root linked to every source.
    rooted = chain.graph.copy()
    root = ("root",)
    rooted.add_node(root)
    for s in chain.sources:
        rooted.add_edge(root, s)
    idom = nx.immediate_dominators(rooted, root)
    dominates = {a: [] for a in chain.actors}
    for d in dest:
        if d not in idom:
            continue
        v = idom[d]
        while v != root:
            dominates[v].append(d)
            v = idom[v]
    for a in chain.actors:
        if sorted(dominates[a]) != sorted(result[a]["dominates"]):
            errors.append(f"dominates[{a}]: python {dominates[a]} vs traza {result[a]['dominates']}")

    # Mass balance, upstream sources and headcount.
    sources = set(chain.sources)
    for a in chain.actors:
        info = chain.info[a]
        applies = a not in sources and a not in dset
        gap = chain.inflow[a] - chain.outflow[a] - info["stock_change_t"] - info["loss_t"] if applies else 0.0
        flag = applies and abs(gap) > max(0.01 * chain.inflow[a], 0.1)
        close(f"mass_balance_gap_t[{a}]", gap, result[a]["mass_balance_gap_t"])
        if flag != result[a]["mass_balance_flag"] and abs(abs(gap) - max(0.01 * chain.inflow[a], 0.1)) > 1e-9:
            errors.append(f"mass_balance_flag[{a}]: python {flag} vs traza {result[a]['mass_balance_flag']}")
        up = nx.ancestors(chain.graph, a)
        if len(up & sources) != result[a]["upstream_sources"]:
            errors.append(f"upstream_sources[{a}]: python {len(up & sources)} vs traza {result[a]['upstream_sources']}")
        heads = sum(chain.info[u]["headcount"] for u in up | {a})
        if heads != result[a]["upstream_headcount"]:
            errors.append(f"upstream_headcount[{a}]: python {heads} vs traza {result[a]['upstream_headcount']}")

    # Traceability: one system per level and stage.
    last = max((chain.info[d]["stage"] for d in dest), default=0) - 1
    theta = out["traceability"]["threshold"]
    levels = out["traceability"]["levels"]
    if list(levels) != LEVELS[1:]:
        errors.append(f"levels keys: {list(levels)}")
        return errors
    previous_level = None
    for level in range(1, 5):
        by_stage = levels[LEVELS[level]]["by_stage"]
        if sorted(by_stage, key=int) != [str(k) for k in range(1, last + 1)]:
            errors.append(f"by_stage keys at {LEVELS[level]}: {list(by_stage)} (expected 1..{last})")
            continue
        horizon = None
        for k in range(1, last + 1):
            fixed = {v: 1.0 for v in chain.actors if chain.info[v]["stage"] <= k}
            for s in chain.sources:
                fixed.setdefault(s, 0.0)
            tau = chain.mix(fixed, lambda f: documented_fraction(f, level))
            traced = 0.0
            if total > 0:
                traced = sum(documented_fraction(f, level) * tau[f["from"]] * f["tonnes"]
                             for d in dest for f in chain.into[d]) / total
            mine = by_stage[str(k)]
            close(f"traced[{LEVELS[level]}][{k}]", traced, mine)
            if horizon is None and traced >= theta:
                horizon = k
            if k > 1 and mine < by_stage[str(k - 1)] - 1e-12:
                errors.append(f"traced[{LEVELS[level]}] decreases at stage {k}")
            if previous_level is not None and mine > previous_level[str(k)] + 1e-12:
                errors.append(f"traced[{k}] increases from level {LEVELS[level - 1]} to {LEVELS[level]}")
        reported = levels[LEVELS[level]]["horizon"]
        if horizon != reported:
            borderline = any(abs(by_stage[str(k)] - theta) < 1e-9 for k in range(1, last + 1))
            if not borderline:
                errors.append(f"horizon[{LEVELS[level]}]: python {horizon} vs traza {reported}")
        previous_level = by_stage
    return errors


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    dump = subprocess.run([sys.argv[1], "1", str(count)], check=True, capture_output=True, text=True).stdout
    records = [json.loads(line) for line in dump.splitlines() if line.strip()]
    failed = 0
    cycles = 0
    for record in records:
        errors = check(record)
        graph = nx.DiGraph((f["from"], f["to"]) for f in record["chain"]["flows"])
        cycles += not nx.is_directed_acyclic_graph(graph)
        if errors:
            failed += 1
            print(f"seed {record['seed']}: {len(errors)} difference(s)")
            for e in errors[:10]:
                print("   ", e)
    print(f"checked {len(records)} random chains ({cycles} with cycles)")
    print(f"{len(records) - failed} passed, {failed} failed")
    if len(records) < count or cycles == 0:
        print("too few chains or no cycles: the check is not meaningful")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
