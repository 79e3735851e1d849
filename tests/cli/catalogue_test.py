#!/usr/bin/python3
"""End-to-end test of a team's own framework (issue #18) through the built traza-cli:

    catalogue_test.py TRAZA_CLI SEED_COUNT

For random chains of picker organisations, intermediaries that lose part of
what they buy, and one refiner: a framework file (a stricter-or-looser
mass-balance threshold, a retired rule, a new risk factor) is exported from one
project with `catalogue export` and merged into another with `catalogue import`.
The mass-balance flags before and after are recomputed here from the flows with
the rule as docs/methodology.md states it, the new factor's effect on the
inherent risk with the formula 1 - (1 - before) * (1 - weight), and the retired
rule must give no flag. A wrong framework is refused, naming the file and the
JSON path, and leaves the project's bytes as they were.
"""
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
WORK = tempfile.mkdtemp(prefix="traza-catalogue-test-")


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def path(name):
    return os.path.join(WORK, name)


def chain(rng):
    actors = [{"id": "ref", "kind": "refiner"}]
    flows = []
    for i in range(rng.randint(3, 8)):
        mid = "mid%d" % i
        actors.append({"id": mid, "kind": "intermediary"})
        bought = 0.0
        for j in range(rng.randint(1, 3)):
            org = "org%d_%d" % (i, j)
            t = round(rng.uniform(0.5, 60), 3)
            actors.append({"id": org, "kind": "picker_organisation"})
            flows.append({"id": "f%s" % org, "from": org, "to": mid, "tonnes": t})
            bought += t
        lost = rng.choice([0.0, 0.005, 0.02, 0.04, 0.07]) * bought
        flows.append({"id": "f%s" % mid, "from": mid, "to": "ref", "tonnes": round(bought - lost, 6)})
    return {"format": "traza-chain", "version": 1, "actors": actors, "flows": flows}


def expected_gaps(doc, relative, absolute):
    """Actors neither source nor destination whose in - out exceeds max(relative * in, absolute)."""
    tin, tout = {}, {}
    for f in doc["flows"]:
        tout[f["from"]] = tout.get(f["from"], 0) + f["tonnes"]
        tin[f["to"]] = tin.get(f["to"], 0) + f["tonnes"]
    return sorted(a for a in tin if a in tout and abs(tin[a] - tout[a]) > max(relative * tin[a], absolute) + 1e-9)


def analysis(project):
    r = run("analyze", project, "--json")
    check(r.returncode == 0, "analyze %s: %s" % (project, r.stderr))
    return json.loads(r.stdout)


def flagged(result, rule):
    return sorted(f["actor"] for f in result["red_flags"] if f["rule"] == rule)


def sha(file):
    with open(file, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def one(seed):
    rng = random.Random(seed)
    doc = chain(rng)
    relative = rng.choice([0.0, 0.03, 0.05, 0.1])
    weight = round(rng.uniform(0.05, 0.6), 3)
    with open(path("chain.json"), "w") as f:
        json.dump(doc, f)
    check(run("import", path("chain.json"), "-o", path("b.traza")).returncode == 0, "import chain")
    before = analysis(path("b.traza"))
    check(flagged(before, "mass_balance_gap") == expected_gaps(doc, 0.01, 0.1), "seed %d: default mass-balance flags" % seed)
    check(flagged(before, "unknown_upstream_sources"), "seed %d: the chain has unknown-upstream flags to retire" % seed)

    # The team's framework, made in project A (chain JSON "catalogue") and exported.
    source = dict(doc, catalogue={
        "risk_factors": [{"id": "living_income", "category": "labour", "weight": weight,
                          "name": {"en": "Pickers below a living income", "es": "Recicladores sin ingreso digno"}}],
        "red_flag_rules": [{"id": "mass_balance_gap", "parameters": {"relative": relative}},
                           {"id": "unknown_upstream_sources", "retired": True}]})
    with open(path("a.json"), "w") as f:
        json.dump(source, f)
    check(run("import", path("a.json"), "-o", path("a.traza")).returncode == 0, "import project A")
    r = run("catalogue", "export", path("a.traza"), "-o", path("framework.json"))
    check(r.returncode == 0, "catalogue export: " + r.stderr)
    with open(path("framework.json")) as f:
        framework = json.load(f)
    check(framework["format"] == "traza-catalogue", "framework format")
    check([e["id"] for e in framework["catalogue"]["risk_factors"]] == ["living_income"], "exported risk factors")

    r = run("catalogue", "import", path("b.traza"), path("framework.json"))
    check(r.returncode == 0, "catalogue import: " + r.stderr)
    check("risk_factors: adds 1 (living_income)" in r.stdout, "import says what it adds: " + r.stdout)
    check("retired unknown_upstream_sources: no longer checked" in r.stdout, "import says what it retires: " + r.stdout)
    after = analysis(path("b.traza"))
    check(flagged(after, "mass_balance_gap") == expected_gaps(doc, relative, 0.1),
          "seed %d: mass-balance flags at relative %g: %s vs %s" % (seed, relative, flagged(after, "mass_balance_gap"),
                                                                     expected_gaps(doc, relative, 0.1)))
    check(not flagged(after, "unknown_upstream_sources"), "seed %d: the retired rule still flags" % seed)

    # The new factor, ticked on some organisations, raises their inherent risk by the formula.
    r = run("export", path("b.traza"), "-o", path("b.json"))
    check(r.returncode == 0, "export b")
    with open(path("b.json")) as f:
        exported = json.load(f)
    check("living_income" in [e["id"] for e in exported["catalogue"]["risk_factors"]], "chain JSON carries the framework")
    ticked = [a["id"] for a in exported["actors"] if a["kind"] == "picker_organisation"][::2]
    for a in exported["actors"]:
        if a["id"] in ticked:
            a["risk_factors"] = ["living_income"]
    with open(path("c.json"), "w") as f:
        json.dump(exported, f)
    check(run("import", path("c.json"), "-o", path("c.traza")).returncode == 0, "import with the factor ticked")
    inherent = {a["id"]: a["risk"]["inherent"] for a in analysis(path("c.traza"))["actors"]}
    plain = {a["id"]: a["risk"]["inherent"] for a in after["actors"]}
    for a in ticked:
        want = 1 - (1 - plain[a]) * (1 - weight)
        check(abs(inherent[a] - want) <= 2e-3, "seed %d: %s inherent %g, expected %g" % (seed, a, inherent[a], want))
    for a in plain:
        if a not in ticked:
            check(inherent[a] == plain[a], "seed %d: %s changed without the factor" % (seed, a))

    # Round trip: the framework read back from the exported chain is the same file.
    r = run("catalogue", "export", path("c.traza"), "-o", path("framework2.json"))
    with open(path("framework2.json")) as f:
        check(json.load(f) == framework, "seed %d: framework round trip" % seed)


def refusals():
    before = sha(path("b.traza"))
    bad = {"format": "traza-catalogue", "version": 1,
           "catalogue": {"red_flag_rules": [{"id": "mass_balance_gap", "parameters": {"relativ": 0.2}}]}}
    with open(path("bad.json"), "w") as f:
        json.dump(bad, f)
    r = run("catalogue", "import", path("b.traza"), path("bad.json"))
    check(r.returncode == 2, "a wrong framework exits 2")
    check(path("bad.json") + ": catalogue.red_flag_rules[0].parameters.relativ: the rule has no such parameter (closest: relative)"
          in r.stderr, "message names file, path and the closest parameter: " + r.stderr)
    check(sha(path("b.traza")) == before, "a refused import leaves the project as it was")
    with open(path("bad.json"), "w") as f:
        json.dump({"format": "traza-chain", "version": 1}, f)
    r = run("catalogue", "import", path("b.traza"), path("bad.json"))
    check(r.returncode == 2 and "format: must be \"traza-catalogue\"" in r.stderr, "a chain file is not a framework: " + r.stderr)
    r = run("catalogue", "import", path("b.traza"), path("framework.json"), "--dry-run")
    check(r.returncode == 0 and "Nothing saved" in r.stdout and sha(path("b.traza")) == before, "--dry-run saves nothing")


def templates():
    """A checklist template of a team's own travels in a framework file (issue #18)."""
    own = {"id": "asi_ps", "name": {"en": "ASI Performance Standard", "es": "Norma de desempeño ASI"},
           "steps": [{"step": 1, "name": "Human rights", "scope": "supplier"}],
           "items": [{"id": "9.8", "step": 1, "on_the_ground": True, "reference": "ASI PS 9.8", "name": "No child labour"}]}
    doc = chain(random.Random(7))
    org = next(a["id"] for a in doc["actors"] if a["kind"] == "picker_organisation")
    source = dict(doc, catalogue={"checklist_templates": [own]},
                  checklists=[{"scope": org, "template": "asi_ps", "items": [{"id": "9.8", "status": "done"}]}])
    with open(path("t.json"), "w") as f:
        json.dump(source, f)
    check(run("import", path("t.json"), "-o", path("t.traza")).returncode == 0, "import a project with its own template")
    check(run("catalogue", "export", path("t.traza"), "-o", path("tfw.json")).returncode == 0, "export the template")
    with open(path("tfw.json")) as f:
        check(json.load(f)["catalogue"]["checklist_templates"] == [own], "the framework holds the template as written")
    # Another project follows the Minerals template; the framework retires it there.
    other = dict(doc, checklists=[{"scope": org, "template": "oecd_minerals", "items": [{"id": "2.c", "status": "done"}]}])
    with open(path("u.json"), "w") as f:
        json.dump(other, f)
    check(run("import", path("u.json"), "-o", path("u.traza")).returncode == 0, "import a Minerals checklist")
    with open(path("tfw.json")) as f:
        fw = json.load(f)
    fw["catalogue"]["checklist_templates"].append({"id": "oecd_minerals", "retired": True})
    with open(path("tfw2.json"), "w") as f:
        json.dump(fw, f)
    r = run("catalogue", "import", path("u.traza"), path("tfw2.json"))
    check(r.returncode == 0, "catalogue import of templates: " + r.stderr)
    check("checklist_templates: adds 1 (asi_ps); replaces 1 (oecd_minerals);" in r.stdout, "import says what it adds: " + r.stdout)
    check("still followed by the checklists of " + org in r.stdout, "import says who follows a retired template: " + r.stdout)
    r = run("export", path("u.traza"), "-o", path("u2.json"))
    with open(path("u2.json")) as f:
        back = json.load(f)
    check(back["checklists"][0]["template"] == "oecd_minerals", "the checklist keeps its template")
    check([e["id"] for e in back["catalogue"]["checklist_templates"]] == ["oecd_minerals", "asi_ps"], "both templates exported")


for s in range(SEEDS):
    one(s)
refusals()
templates()
print("catalogue framework: %d chains checked" % SEEDS)
