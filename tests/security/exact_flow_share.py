#!/usr/bin/python3
"""Flow shares of nearly closed cycles, checked against exact arithmetic.

Chains whose cycles return all but 1e-10 .. 1e-290 of what circulates in them
(fed only by tiny flows) make (I - B) singular in floating point; risk::analyze
solves them by state reduction (risk/state_reduction.h). This script builds
such chains at random (seeded), plus the saved reproducers given on the
command line, runs `traza-cli analyze --json` on each and compares every flow
share with the definition evaluated in fractions.Fraction (no floating point):

    y(u)   = sum over flows u->w of t_uw * ([w in D] + y(w) / in(w))
    y'(a)  = y(a) with a absorbing (y(a) = 0 on the right-hand side)
    share(a) = y'(a) / T  (a not a destination),  in(a) / T  (a a destination)

The destinations D and T come from the CLI's output. Exit status 1 on any
difference above 1e-9 (relative to 1) or any share that is not a number.

    exact_flow_share.py TRAZA_CLI WORKDIR CHAINS [reproducer.json ...]
"""
import json
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path


def solve(a, b):
    """Exact Gaussian elimination; a is a list of rows of Fractions."""
    n = len(b)
    for k in range(n):
        p = next(r for r in range(k, n) if a[r][k] != 0)
        a[k], a[p] = a[p], a[k]
        b[k], b[p] = b[p], b[k]
        for r in range(k + 1, n):
            if a[r][k] != 0:
                f = a[r][k] / a[k][k]
                for c in range(k, n):
                    a[r][c] -= f * a[k][c]
                b[r] -= f * b[k]
    x = [Fraction(0)] * n
    for k in reversed(range(n)):
        s = b[k] - sum(a[k][c] * x[c] for c in range(k + 1, n))
        x[k] = s / a[k][k]
    return x


def exact_shares(chain, dest):
    ids = [a["id"] for a in chain["actors"]]
    t = {}
    for f in chain["flows"]:
        key = (f["from"], f["to"])
        t[key] = t.get(key, Fraction(0)) + Fraction(f["tonnes"])
    inflow = {v: sum((x for (u, w), x in t.items() if w == v), Fraction(0)) for v in ids}
    total = sum((inflow[d] for d in dest), Fraction(0))
    shares = {}
    for a in ids:
        if a in dest:
            shares[a] = inflow[a] / total
            continue
        # y_{-a}(u) for every u != a: y(u) - sum_{w != a} t_uw y(w)/in(w) = g(u)
        others = [u for u in ids if u != a]
        pos = {u: i for i, u in enumerate(others)}
        m = [[Fraction(0)] * len(others) for _ in others]
        g = [Fraction(0)] * len(others)
        for u in others:
            i = pos[u]
            m[i][i] += 1
            for (s, w), x in t.items():
                if s != u:
                    continue
                if w in dest:
                    g[i] += x
                if w != a:
                    m[i][pos[w]] -= x / inflow[w]
        y = solve(m, g) if others else []
        ya = Fraction(0)
        for (s, w), x in t.items():
            if s != a:
                continue
            if w in dest:
                ya += x
            if w != a:
                ya += x * y[pos[w]] / inflow[w]
        shares[a] = min(max(ya / total, Fraction(0)), Fraction(1))
    return shares


def random_chain(rng, n):
    """Sources feeding nearly closed cycles by tiny flows, and a refiner."""
    actors = [{"id": "src", "kind": "waste_picker"}, {"id": "ref", "kind": "refiner"}]
    flows = []
    cycles = rng.randint(1, 2)
    for c in range(cycles):
        size = rng.randint(2, 5)
        members = [f"c{c}m{i}" for i in range(size)]
        actors += [{"id": m, "kind": rng.choice(["intermediary", "exporter", "manufacturer"])} for m in members]
        big = rng.choice([1.0, 60000.0, 453.0, 1e6]) * rng.uniform(0.5, 2)
        for i, m in enumerate(members):
            flows.append((m, members[(i + 1) % size], big * rng.uniform(0.9, 1.1)))
        if rng.random() < 0.5 and size > 2:  # a chord
            flows.append((members[0], members[2], big * rng.uniform(0.1, 1)))
        tiny = big * 10.0 ** -rng.randint(10, 290)
        feeder = "src" if c == 0 else rng.choice([f"c{c - 1}m0", "src"])
        flows.append((feeder, members[0], tiny))
        if rng.random() < 0.5:  # a second tiny entry, through a hop
            hop = f"c{c}h"
            actors.append({"id": hop, "kind": "intermediary"})
            flows.append(("src", hop, tiny * rng.uniform(0.5, 2)))
            flows.append((hop, members[-1], tiny * rng.uniform(0.5, 2)))
        for m in rng.sample(members, rng.randint(1, size)):
            flows.append((m, "ref", rng.uniform(0.001, 10) * rng.choice([1.0, big * 1e-3])))
    for _ in range(n):  # a few ordinary flows into the refiner
        actors.append({"id": f"p{_}", "kind": "waste_picker"})
        flows.append((f"p{_}", rng.choice([a["id"] for a in actors if a["id"].startswith("c")] + ["ref"]),
                      rng.uniform(0.5, 5000)))
    return {
        "format": "traza-chain",
        "version": 1,
        "actors": actors,
        "flows": [{"id": f"f{i}", "from": a, "to": b, "tonnes": x} for i, (a, b, x) in enumerate(flows)],
    }


def check(cli, path):
    chain = json.loads(Path(path).read_text())
    out = subprocess.run([cli, "analyze", "--json", str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        return [f"{path}: traza-cli exit {out.returncode}: {out.stderr.strip()}"]
    result = json.loads(out.stdout)
    dest = {d["id"] for d in result["destinations"]}
    if not dest:
        return []
    exact = exact_shares(chain, dest)
    errors = []
    for a in result["actors"]:
        got = a["flow_share"]
        want = exact[a["id"]]
        if got is None or abs(Fraction(got) - want) > Fraction(1, 10**9):
            errors.append(f"{path}: {a['id']}: flow_share {got}, exact {float(want)!r}")
    return errors


def main():
    cli, work, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261122)
    files = [Path(p) for p in sys.argv[4:]]
    for i in range(count):
        p = work / f"nearly-closed-{i:03}.json"
        p.write_text(json.dumps(random_chain(rng, rng.randint(0, 3)), indent=1))
        files.append(p)
    errors = []
    for p in files:
        errors += check(cli, p)
    for e in errors:
        print(e)
    print(f"{len(files)} chains, {len(errors)} differences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
