#!/usr/bin/python3
"""Independent check of Traza's reconciliation with numpy.

Usage: reconciliation_check.py TRAZA_CLI [COUNT]

Generates chains (pickers -> organisations -> intermediaries -> exporters ->
a refiner) whose true flows close every balance, enters some figures with a
standard deviation, leaves some flows unknown ("tonnes": null), runs
`traza-cli analyze CHAIN.json --json` and recomputes the spec's reconciliation
here with dense linear algebra, the textbook way (Crowe's projection):

- the balances A_x x + A_u u + c = 0 of every actor with inflow that is not
  the refiner; P spans the left null space of A_u (numpy SVD), so P A_x x + P c
  = 0 holds no unknown;
- S = B V B^T with B = P A_x, lambda = pinv(S) r, x_hat = x - V B^T lambda,
  chi2 = r . lambda, dof = rank(B), W = V B^T pinv(S) B V, z = (x_hat - x)/sqrt(W_jj),
  reconciled sd = sqrt((V - W)_jj);
- an unknown flow is determined when every null vector of A_u is zero on it;
  its value is lstsq(A_u, -(A_x x_hat + c)) and its covariance
  A_u^+ A_x (V - W) A_x^T A_u^+^T;
- nodal z = r_i / sqrt(S_ii) for an actor with no unknown flow.

Three checks:
1. COUNT random chains with random noise: every number above, to 1e-6 relative;
2. noise drawn with the stated sd on known true flows: chi2 near dof (within
   4 sqrt(2 dof)) and p not tiny (> 0.001), for several seeds;
3. one inter-actor flow multiplied by ten: it is ranked first by |z|, flagged
   implausible (with an implausible_figure red flag), and chi2 exceeds its critical value.
Exit status 1 on any failure.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import numpy as np

FAILURES = []
COUNTS = {"values": 0, "computed": 0, "not_determined": 0, "z": 0, "nodal": 0}


def fail(msg):
    FAILURES.append(msg)
    print("FAIL:", msg)


def close(a, b, rel=1e-6, abs_=1e-7):
    return abs(a - b) <= abs_ + rel * max(abs(a), abs(b))


def make_chain(rng, pickers, orgs, inters, exporters, unknown_share, noise, rel_sd, loss_sd):
    """A chain whose true figures balance; returns (chain json, truth by flow id)."""
    actors = []
    flows = []
    truth = {}

    def actor(aid, kind):
        actors.append({"id": aid, "kind": kind})

    for i in range(pickers):
        actor(f"p{i}", "waste_picker")
    for i in range(orgs):
        actor(f"o{i}", "picker_organisation")
    for i in range(inters):
        actor(f"i{i}", "intermediary")
    for i in range(exporters):
        actor(f"e{i}", "exporter")
    actor("ref", "refiner")

    inflow = {a["id"]: 0.0 for a in actors}

    def flow(src, dst, t, sd_rel):
        fid = f"f{len(flows)}"
        truth[fid] = t
        inflow[dst] += t
        flows.append({"id": fid, "from": src, "to": dst, "true": t, "sd_rel": sd_rel})

    for i in range(pickers):
        flow(f"p{i}", f"o{rng.randrange(orgs)}", rng.uniform(0.5, 30), rel_sd)
    losses = {}

    def split(src, targets, sd_rel):
        total = inflow[src]
        if total <= 0:
            return
        loss = total * rng.uniform(0.0, 0.05)
        losses[src] = loss
        rest = total - loss
        k = rng.randint(1, min(3, len(targets)))
        chosen = rng.sample(targets, k)
        weights = [rng.uniform(0.2, 1.0) for _ in chosen]
        s = sum(weights)
        for dst, w in zip(chosen, weights):
            flow(src, dst, rest * w / s, sd_rel)

    for i in range(orgs):
        split(f"o{i}", [f"i{j}" for j in range(inters)] + [f"e{j}" for j in range(exporters)], rel_sd / 2)
    for i in range(inters):
        split(f"i{i}", [f"e{j}" for j in range(exporters)], rel_sd / 2)
    for i in range(exporters):
        split(f"e{i}", ["ref"], 0.0 if rng.random() < 0.5 else rel_sd / 4)

    out_flows = []
    for f in flows:
        entry = {"id": f["id"], "from": f["from"], "to": f["to"]}
        if rng.random() < unknown_share and f["to"] != "ref":
            entry["tonnes"] = None
        else:
            sd = f["true"] * f["sd_rel"] if rng.random() < 0.85 else 0.0
            value = f["true"] + (rng.gauss(0, sd) if noise == "gauss" else rng.uniform(-2, 2) * sd)
            entry["tonnes"] = value if value > 0 else f["true"]
            if sd > 0:
                entry["sd_t"] = sd
        out_flows.append(entry)
    for a in actors:
        loss = losses.get(a["id"])
        if loss is None:
            continue
        a["loss_t"] = loss
        if loss_sd and rng.random() < 0.5:
            sd = max(loss * 0.5, 0.05)
            a["loss_sd_t"] = sd
            value = loss + (rng.gauss(0, sd) if noise == "gauss" else rng.uniform(-2, 2) * sd)
            a["loss_t"] = max(value, 0.0)
    return {"format": "traza-chain", "version": 1, "actors": actors, "flows": out_flows}, truth


def run_cli(cli, chain, extra=()):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "chain.json")
        with open(path, "w") as f:
            json.dump(chain, f)
        out = subprocess.run([cli, "analyze", path, "--json", *extra], capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"traza-cli failed ({out.returncode}): {out.stderr}")
        return json.loads(out.stdout)


def reference(chain):
    """The textbook reconciliation of `chain`, with numpy."""
    actors = [a["id"] for a in chain["actors"]]
    kinds = {a["id"]: a["kind"] for a in chain["actors"]}
    has_in = {f["to"] for f in chain["flows"]}
    balanced = [a for a in actors if a in has_in and kinds[a] != "refiner"]
    row = {a: i for i, a in enumerate(balanced)}
    m = len(balanced)
    measured, unknown = [], []  # (key, value, variance) / flow ids
    ax_cols, au_cols = [], []
    c = np.zeros(m)

    def col():
        return np.zeros(m)

    for f in chain["flows"]:
        coef = col()
        if f["to"] in row:
            coef[row[f["to"]]] += 1
        if f["from"] in row:
            coef[row[f["from"]]] -= 1
        if f["tonnes"] is None:
            unknown.append(f["id"])
            au_cols.append(coef)
        elif f.get("sd_t", 0) > 0:
            measured.append((("flow", f["id"]), f["tonnes"], f["sd_t"] ** 2))
            ax_cols.append(coef)
        else:
            c += coef * f["tonnes"]
    for a in chain["actors"]:
        if a["id"] not in row:
            continue
        coef = col()
        coef[row[a["id"]]] = -1
        if a.get("loss_sd_t", 0) > 0:
            measured.append((("loss", a["id"]), a["loss_t"], a["loss_sd_t"] ** 2))
            ax_cols.append(coef)
        else:
            c += coef * a.get("loss_t", 0)
    Ax = np.array(ax_cols).T if ax_cols else np.zeros((m, 0))
    Au = np.array(au_cols).T if au_cols else np.zeros((m, 0))
    x = np.array([v for _, v, _ in measured])
    V = np.diag([s for _, _, s in measured])

    # P: left null space of A_u.
    if Au.shape[1]:
        U, sv, _ = np.linalg.svd(Au)
        rank_u = int((sv > 1e-9).sum())
        P = U[:, rank_u:].T
    else:
        P = np.eye(m)
    B = P @ Ax
    r = P @ (Ax @ x + c)
    S = B @ V @ B.T
    Sp = np.linalg.pinv(S, rcond=1e-12)
    lam = Sp @ r
    xhat = x - V @ B.T @ lam
    chi2 = float(r @ lam)
    dof = int(np.linalg.matrix_rank(B, tol=1e-9)) if B.size else 0
    W = V @ B.T @ Sp @ B @ V
    cov = V - W
    res = {"chi2": chi2, "dof": dof, "flows": {}, "loss": {}, "nodal": {}}
    for j, ((kind, key), value, var) in enumerate(measured):
        wjj = W[j, j]
        entry = {"reconciled_t": xhat[j], "sd_t": math.sqrt(max(cov[j, j], 0))}
        if wjj / var > 1e-10:
            entry["z"] = (xhat[j] - value) / math.sqrt(wjj)
        else:
            entry["z"] = None
            entry["reconciled_t"] = value
            entry["sd_t"] = math.sqrt(var)
        res["flows" if kind == "flow" else "loss"][key] = entry
    if unknown:
        rhs = -(Ax @ xhat + c)
        Aup = np.linalg.pinv(Au, rcond=1e-12)
        u = Aup @ rhs
        _, sv, vt = np.linalg.svd(Au)
        rank_u = int((sv > 1e-9).sum())
        null = vt[rank_u:]
        cov_u = Aup @ Ax @ cov @ Ax.T @ Aup.T
        for k, fid in enumerate(unknown):
            determined = null.shape[0] == 0 or np.all(np.abs(null[:, k]) < 1e-9)
            res["flows"][fid] = {"determined": bool(determined), "reconciled_t": u[k],
                                 "sd_t": math.sqrt(max(cov_u[k, k], 0))}
    touched_by_unknown = set()
    for f in chain["flows"]:
        if f["tonnes"] is None:
            touched_by_unknown.update([f["from"], f["to"]])
    full_r = Ax @ x + c
    for a in balanced:
        i = row[a]
        sii = float(sum(V[j, j] * Ax[i, j] ** 2 for j in range(len(measured))))
        if a in touched_by_unknown or sii <= 0:
            res["nodal"][a] = None
        else:
            res["nodal"][a] = full_r[i] / math.sqrt(sii)
    return res


def compare(chain, got, ref, label):
    rec = got.get("reconciliation")
    if rec is None:
        fail(f"{label}: no reconciliation in the output")
        return
    if rec["dof"] != ref["dof"]:
        fail(f"{label}: dof {rec['dof']} != {ref['dof']}")
    if not close(rec["chi2"], ref["chi2"], 1e-6, 1e-8):
        fail(f"{label}: chi2 {rec['chi2']} != {ref['chi2']}")
    flows = {f["id"]: f for f in rec["flows"]}
    for fid, want in ref["flows"].items():
        have = flows.get(fid)
        if have is None:
            fail(f"{label}: flow {fid} missing")
            continue
        if "determined" in want:
            if want["determined"] != (have["status"] == "computed"):
                fail(f"{label}: flow {fid} determined {want['determined']} but status {have['status']}")
                continue
            COUNTS["computed" if want["determined"] else "not_determined"] += 1
            if not want["determined"]:
                continue
        for key in ("reconciled_t", "sd_t"):
            COUNTS["values"] += 1
            if not close(have[key], want[key], 1e-6, 1e-6):
                fail(f"{label}: flow {fid} {key} {have[key]} != {want[key]}")
        if "z" in want:
            if (want["z"] is None) != (have["z"] is None):
                fail(f"{label}: flow {fid} z {have['z']} != {want['z']}")
            elif want["z"] is not None:
                COUNTS["z"] += 1
                if not close(have["z"], want["z"], 1e-5, 1e-6):
                    fail(f"{label}: flow {fid} z {have['z']} != {want['z']}")
    losses = {f["id"]: f for f in rec["actor_figures"] if f["figure"] == "loss_t"}
    for aid, want in ref["loss"].items():
        have = losses.get(aid)
        if have is None or not close(have["reconciled_t"], want["reconciled_t"], 1e-6, 1e-6):
            fail(f"{label}: loss of {aid}: {have} != {want}")
    nodal = {a["id"]: a["nodal_z"] for a in rec["actors"]}
    for aid, want in ref["nodal"].items():
        have = nodal.get(aid, "missing")
        COUNTS["nodal"] += want is not None
        if (want is None) != (have is None) or (want is not None and not close(have, want, 1e-6, 1e-7)):
            fail(f"{label}: nodal z of {aid}: {have} != {want}")


def main():
    cli = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(20261203)

    # 1. Random chains, every number against numpy.
    for k in range(count):
        chain, _ = make_chain(rng, rng.randint(5, 40), rng.randint(2, 10), rng.randint(1, 5), rng.randint(1, 3),
                              unknown_share=0.0 if k % 3 == 0 else 0.12, noise="uniform", rel_sd=0.2,
                              loss_sd=k % 2 == 0)
        compare(chain, run_cli(cli, chain), reference(chain), f"chain {k}")

    # 2. Gaussian noise with the stated sd on known true flows: chi2 near dof.
    for seed in range(5):
        r2 = random.Random(1000 + seed)
        chain, _ = make_chain(r2, 400, 60, 15, 5, unknown_share=0.0, noise="gauss", rel_sd=0.15, loss_sd=True)
        rec = run_cli(cli, chain)["reconciliation"]
        dof, chi2, p = rec["dof"], rec["chi2"], rec["p_value"]
        print(f"noise seed {seed}: chi2 {chi2:.1f} on {dof} dof, p = {p:.3f}")
        if dof < 20 or abs(chi2 - dof) > 4 * math.sqrt(2 * dof) or p < 1e-3:
            fail(f"noise seed {seed}: chi2 {chi2} dof {dof} p {p}")

    # 3. A tenfold error on one inter-actor flow: ranked first, implausible, chi2 above critical.
    r3 = random.Random(77)
    chain, truth = make_chain(r3, 400, 60, 15, 5, unknown_share=0.0, noise="gauss", rel_sd=0.15, loss_sd=True)
    kinds = {a["id"]: a["kind"] for a in chain["actors"]}
    candidates = [f for f in chain["flows"] if f.get("sd_t", 0) > 0 and kinds[f["from"]] == "picker_organisation"
                  and kinds[f["to"]] == "intermediary"]
    target = max(candidates, key=lambda f: f["tonnes"])
    target["tonnes"] *= 10
    out = run_cli(cli, chain)
    rec = out["reconciliation"]
    ranked = sorted((f for f in rec["flows"] if f["z"] is not None), key=lambda f: -abs(f["z"]))
    print(f"tenfold {target['id']}: top {ranked[0]['id']} z = {ranked[0]['z']:.1f}, chi2 {rec['chi2']:.1f} "
          f"(critical {rec['chi2_critical']:.1f}), z critical {rec['flow_z_critical']:.2f}")
    if ranked[0]["id"] != target["id"]:
        fail(f"tenfold: {ranked[0]['id']} ranked first, not {target['id']}")
    if not ranked[0]["implausible"]:
        fail("tenfold: the flow is not flagged implausible")
    if rec["chi2"] <= rec["chi2_critical"]:
        fail("tenfold: chi2 does not exceed its critical value")
    if not any(f["rule"] == "implausible_figure" and f.get("flow") == target["id"] for f in out["red_flags"]):
        fail("tenfold: no implausible_figure red flag names the flow")

    # 4. --reconcile: the whole analysis on the reconciled figures, and it says so.
    rec_out = run_cli(cli, chain, ["--reconcile"])
    if rec_out.get("figures") != "reconciled" or "reconciled figures" not in rec_out["warnings"][0]:
        fail("--reconcile does not say that it uses the reconciled figures")
    plain = {a["id"]: a for a in out["actors"]}
    for a in rec_out["actors"]:
        if plain[a["id"]]["mass_balance_applies"] and abs(a["mass_balance_gap_t"]) > 1e-6 * max(1, a["in_t"]):
            fail(f"--reconcile: {a['id']} still has a gap of {a['mass_balance_gap_t']} t")
    if "figures" in out:
        fail("the default analysis claims reconciled figures")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "chain.json")
        with open(path, "w") as f:
            json.dump(chain, f)
        text = subprocess.run([cli, "analyze", path, "--reconcile"], capture_output=True, text=True).stdout
        if "Reconciliation (the analysis above uses the reconciled figures)" not in text or "IMPLAUSIBLE" not in text:
            fail("the text summary of --reconcile lacks its verdict")

    print("compared:", COUNTS)
    if min(COUNTS.values()) == 0:
        fail(f"some kind of figure was never compared: {COUNTS}")
    if FAILURES:
        print(f"{len(FAILURES)} failure(s)")
        sys.exit(1)
    print(f"reconciliation agrees with numpy on {count} chains; noise and tenfold checks pass")


if __name__ == "__main__":
    main()
