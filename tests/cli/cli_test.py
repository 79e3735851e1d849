#!/usr/bin/python3
"""End-to-end tests of the built traza-cli, run by CTest one case at a time:

    cli_test.py CASE TRAZA_CLI SOURCE_DIR PROJECT_VERSION

Checks are independent of the C++ code: JSON is compared with Python's json
module, CSV is read with Python's csv module, and stage totals are summed here.
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile

CASE, CLI, SOURCE, VERSION = sys.argv[1:5]
SAMPLE = os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")
WORK = tempfile.mkdtemp(prefix="traza-cli-test-")

# Spec defaults of the optional fields (spec/chain-json.md): the exporter writes
# every field, the sample leaves some out.
DEFAULTS = {
    "actors": {"name": "", "country": "", "region": "", "formality": "informal", "headcount": 0, "capacity_t": 0,
               "stock_change_t": 0, "loss_t": 0, "public_service_provider": False, "risk_factors": [], "notes": ""},
    "flows": {"material": "", "documented_t": 0, "evidence": "none", "documents": [], "payment": "unknown",
              "price_per_t": 0, "typology": "", "notes": ""},
}


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def path(name):
    return os.path.join(WORK, name)


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def with_defaults(doc):
    doc = json.loads(json.dumps(doc))
    for section, defaults in DEFAULTS.items():
        for record in doc.get(section, []):
            for key, value in defaults.items():
                record.setdefault(key, value)
    return doc


def case_version():
    r = run("--version")
    check(r.returncode == 0, "--version exits 0")
    check(r.stdout.strip() == "traza-cli " + VERSION, "--version prints 'traza-cli %s', got %r" % (VERSION, r.stdout))


def case_round_trip():
    r = run("import", SAMPLE, "-o", path("care.traza"))
    check(r.returncode == 0, "import succeeds: " + r.stderr)
    r = run("export", path("care.traza"), "-o", path("care.json"))
    check(r.returncode == 0, "export succeeds: " + r.stderr)
    with open(SAMPLE, encoding="utf-8") as f:
        original = json.load(f)
    with open(path("care.json"), encoding="utf-8") as f:
        exported = json.load(f)
    check(exported == with_defaults(original), "export equals the sample (optional fields at their defaults)")
    # Exporting the export again is byte-identical, to a file and to stdout.
    r = run("export", path("care.json"), "-o", path("again.json"))
    check(r.returncode == 0, "export of chain JSON succeeds: " + r.stderr)
    with open(path("care.json"), "rb") as a, open(path("again.json"), "rb") as b:
        first = a.read()
        check(first == b.read(), "second export is byte-identical")
    r = run("export", path("care.traza"), "-o", "-")
    check(r.returncode == 0 and r.stdout.encode() == first, "export -o - writes the same JSON to stdout")


def docs_example(name):
    with open(os.path.join(SOURCE, "docs", "csv.md"), encoding="utf-8") as f:
        text = f.read()
    match = re.search("`%s`:\n\n```csv\n(.*?)```" % re.escape(name), text, re.S)
    check(match, "docs/csv.md has an example for " + name)
    with open(path(name), "w", encoding="utf-8") as f:
        f.write(match.group(1))
    return list(csv.DictReader(io.StringIO(match.group(1))))


def case_csv_import():
    actors = docs_example("actors.csv")
    flows = docs_example("flows.csv")
    r = run("import", "--actors", path("actors.csv"), "--flows", path("flows.csv"), "-o", path("chain.json"))
    check(r.returncode == 0, "the docs/csv.md example imports: " + r.stderr)
    with open(path("chain.json"), encoding="utf-8") as f:
        doc = json.load(f)
    check([a["id"] for a in doc["actors"]] == [a["id"] for a in actors], "actor ids in file order")
    check([a["stage"] for a in doc["actors"]] == [1, 2, 4, 5], "stages default from kind")
    check(doc["actors"][0]["risk_factors"] == actors[0]["risk_factors"].split(";"), "risk factors split on ';'")
    check(doc["actors"][1]["public_service_provider"] is True, "yes is true")
    for row, flow in zip(flows, doc["flows"]):
        check(flow["tonnes"] == float(row["tonnes"]), "tonnes of " + row["id"])
        check(flow["documents"] == [d for d in row["documents"].split(";") if d], "documents of " + row["id"])
        check(flow["notes"] == row["notes"], "quoted notes of " + row["id"])
    r = run("import", "--actors", path("actors.csv"), "--flows", path("flows.csv"), "-o", path("chain.traza"))
    check(r.returncode == 0 and os.path.exists(path("chain.traza")), "CSV import to a project file: " + r.stderr)


def expect_failure(args, output, where, status=2):
    """The command fails with `status`, names `where` on stderr, and leaves `output` as it was."""
    before = None
    if os.path.exists(output):
        with open(output, "rb") as f:
            before = f.read()
    r = run(*args)
    check(r.returncode == status, "%s exits %d, got %d (%s)" % (args, status, r.returncode, r.stderr))
    check(where in r.stderr, "%s names %r on stderr, got %r" % (args, where, r.stderr))
    if before is None:
        check(not os.path.exists(output), "%s creates no output file" % (args,))
    else:
        with open(output, "rb") as f:
            check(f.read() == before, "%s leaves the existing output untouched" % (args,))
    leftovers = [n for n in os.listdir(os.path.dirname(output)) if n.startswith(".")]
    check(not leftovers, "no temporary files left behind: %s" % leftovers)


def write_json(name, doc):
    with open(path(name), "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path(name)


def case_errors():
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    bad = json.loads(json.dumps(sample))
    bad["flows"][3]["to"] = "nobody"
    bad_to = write_json("bad_to.json", bad)
    bad = json.loads(json.dumps(sample))
    bad["actors"][2]["colour"] = "red"
    bad_field = write_json("bad_field.json", bad)
    with open(path("truncated.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(sample)[:1000])

    for out in ("new.traza", "new.json"):
        expect_failure(["import", bad_to, "-o", path(out)], path(out), "bad_to.json: flows[3].to: no actor has id")
        expect_failure(["import", bad_field, "-o", path(out)], path(out), "actors[2].colour: unknown field")
        expect_failure(["import", path("truncated.json"), "-o", path(out)], path(out), "truncated.json: byte 1001")
    # An existing output survives a failed import.
    for out in ("existing.traza", "existing.json"):
        with open(path(out), "w") as f:
            f.write("keep me")
        expect_failure(["import", bad_to, "-o", path(out)], path(out), "flows[3].to")

    with open(path("a.csv"), "w") as f:
        f.write("id,kind\norg1,picker_organisation\nexpA,exporter\n")
    with open(path("f.csv"), "w") as f:
        f.write("id,from,to,tonnes\nf1,org1,expA,\"1,5\"\n")
    expect_failure(["import", "--actors", path("a.csv"), "--flows", path("f.csv"), "-o", path("csv.traza")],
                   path("csv.traza"), path("f.csv") + ":2:4: tonnes: not a number")

    # Command-line mistakes are invalid input too.
    expect_failure(["import", "-o", path("x.traza")], path("x.traza"), "--actors")
    expect_failure(["import", SAMPLE, "--actors", path("a.csv"), "-o", path("x.traza")], path("x.traza"), "not both")
    expect_failure(["import", path("missing.json"), "-o", path("x.traza")], path("x.traza"), "missing.json")
    expect_failure(["frobnicate"], path("x.traza"), "frobnicate")

    # A file that is not a project is refused, not half-read.
    with open(path("junk.traza"), "wb") as f:
        f.write(os.urandom(4096))
    expect_failure(["export", path("junk.traza"), "-o", path("junk.json")], path("junk.json"), "junk.traza")
    expect_failure(["info", path("junk.traza")], path("junk.json"), "junk.traza")


def case_info():
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    stage = {a["id"]: a["stage"] for a in sample["actors"]}
    entering = {}
    for flow in sample["flows"]:
        entering[stage[flow["to"]]] = entering.get(stage[flow["to"]], 0) + flow["tonnes"]
    check(abs(entering[5] - 225.2) < 1e-9, "hand check: 217.4 + 7.8 = 225.2 enter the refiner")
    r = run("import", SAMPLE, "-o", path("care.traza"))
    check(r.returncode == 0, "import: " + r.stderr)
    for project in (path("care.traza"), SAMPLE):
        r = run("info", project)
        check(r.returncode == 0, "info %s: %s" % (project, r.stderr))
        print(r.stdout)
        check("tonnes entering stage 5: 225.2\n" in r.stdout, "info prints 225.2 tonnes entering stage 5")
        printed = {int(k): float(v) for k, v in re.findall(r"tonnes entering stage (\d+): ([\d.]+)", r.stdout)}
        check(printed.keys() == entering.keys(), "a line for every stage that receives material")
        for k, t in entering.items():
            check(math.isclose(printed[k], t, abs_tol=5e-4), "stage %d: %s vs %s" % (k, printed[k], t))
        check("destinations: ref (225.2 t)" in r.stdout, "the refiner is the destination")
        check(re.search(r"actors: +14 \(waste_picker 5, picker_organisation 5, intermediary 1, exporter 2, refiner 1\)",
                        r.stdout), "actors by kind")
        check(re.search(r"flows: +13 ", r.stdout) and re.search(r"goals: +5\n", r.stdout), "counts of flows and goals")
        check("2025-01-01 to 2025-12-31" in r.stdout, "the assessment period")
    check("schema version 2" in run("info", path("care.traza")).stdout, "the schema version of a project file")


def case_export_formats():
    """export --format graphml|dot|svg|png (and from the extension), read back independently."""
    import xml.etree.ElementTree as ET
    import networkx as nx
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    tonnes = sum(flow["tonnes"] for flow in sample["flows"])
    r = run("export", SAMPLE, "--format", "graphml", "-o", path("chain.graphml"))
    check(r.returncode == 0, "export graphml: " + r.stderr)
    g = nx.read_graphml(path("chain.graphml"))
    check(g.number_of_nodes() == len(sample["actors"]), "one node per actor")
    check(g.number_of_edges() == len(sample["flows"]), "one edge per flow")
    check(math.isclose(sum(d["tonnes"] for _, _, d in g.edges(data=True)), tonnes), "tonnes add up")
    r = run("export", SAMPLE, "-o", path("chain.gv"))  # the format from the extension
    check(r.returncode == 0, "export dot: " + r.stderr)
    layout = subprocess.run(["dot", "-Tjson", path("chain.gv")], capture_output=True, text=True, timeout=60)
    check(layout.returncode == 0, "Graphviz reads the DOT: " + layout.stderr)
    drawn = json.loads(layout.stdout)
    check(len(drawn["objects"]) == len(sample["actors"]) and len(drawn["edges"]) == len(sample["flows"]),
          "Graphviz sees every actor and flow")
    r = run("export", SAMPLE, "--format", "dot")  # to standard output
    check(r.returncode == 0 and r.stdout.startswith("digraph "), "DOT to standard output")
    r = run("export", SAMPLE, "--format", "svg", "--lang", "es", "-o", path("map.svg"))
    check(r.returncode == 0, "export svg: " + r.stderr)
    check(ET.parse(path("map.svg")).getroot().tag == "{http://www.w3.org/2000/svg}svg", "the SVG parses as XML")
    r = run("export", SAMPLE, "-f", "png", "-o", path("map.png"))
    check(r.returncode == 0, "export png: " + r.stderr)
    with open(path("map.png"), "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "a PNG signature")
    check(run("export", SAMPLE, "-f", "png").returncode == 2, "no PNG to standard output")
    check(run("export", SAMPLE, "-f", "xlsx", "-o", path("x.xlsx")).returncode != 0, "an unknown format is refused")
    r = run("export", SAMPLE, "-o", path("plain.json"))
    with open(path("plain.json"), encoding="utf-8") as f:
        check(json.load(f)["format"] == "traza-chain", ".json still writes chain JSON")


CASES = {"version": case_version, "round_trip": case_round_trip, "csv_import": case_csv_import,
         "errors": case_errors, "info": case_info, "export_formats": case_export_formats}

if __name__ == "__main__":
    try:
        CASES[CASE]()
    finally:
        subprocess.run(["rm", "-rf", WORK])
