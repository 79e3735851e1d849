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
        f.write("id,from,to,tonnes\nf1,org1,expA,\"1,5 t\"\n")  # ("1,5" alone is one and a half: a decimal comma)
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
    check("schema version 10" in run("info", path("care.traza")).stdout, "the schema version of a project file")


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
    check(run("export", SAMPLE, "-f", "xls", "-o", path("x.xls")).returncode == 2, "an unknown format is refused")
    r = run("export", SAMPLE, "-o", path("plain.json"))
    with open(path("plain.json"), encoding="utf-8") as f:
        check(json.load(f)["format"] == "traza-chain", ".json still writes chain JSON")


def read_book(name):
    """Every sheet of a workbook as openpyxl reads it: {sheet: [[value, ...], ...]}, in tab order."""
    import openpyxl
    wb = openpyxl.load_workbook(path(name))
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, wb


def case_template():
    """template -o chain.xlsx [--lang es]: the empty chain workbook, read back with openpyxl."""
    r = run("template", "-o", path("template.xlsx"))
    check(r.returncode == 0 and r.stdout == "" and r.stderr == "", "template succeeds quietly: " + r.stderr)
    sheets, wb = read_book("template.xlsx")
    check(list(sheets) == ["Instructions", "Actors", "Flows", "Lists"], "English sheets in order: %s" % list(sheets))
    check(wb["Lists"].sheet_state == "hidden", "the Lists sheet is hidden")
    check(sheets["Actors"] == [("Id", "Name", "Kind of actor", "Stage", "Country", "Region or city", "Formality", "Headcount",
                                "Capacity", "Stock change", "Losses", "Public-service provider", "Risk factors", "Notes",
                                "Stock change ± sd", "Losses ± sd", "Claim yield", "Claim profile")],
          "the Actors header and nothing else: %s" % sheets["Actors"])
    check(sheets["Flows"][0][:5] == ("Id", "From", "To", "Material", "Tonnes") and len(sheets["Flows"]) == 1, "the Flows header")
    r = run("template", "-o", path("plantilla.xlsx"), "--lang", "es")
    check(r.returncode == 0, "template --lang es: " + r.stderr)
    sheets, wb = read_book("plantilla.xlsx")
    check(list(sheets) == ["Instrucciones", "Actores", "Flujos", "Listas"], "Spanish sheets in order: %s" % list(sheets))
    check(sheets["Flujos"][0][4] == "Toneladas", "Spanish headers")
    check(wb["Flujos"].freeze_panes == "A2", "the header row is frozen")
    kinds = [v for v in wb["Actores"].data_validations.dataValidation if str(v.sqref) == "C2:C1048576"]
    check(len(kinds) == 1 and kinds[0].type == "list" and kinds[0].formula1 == "'Listas'!$A$2:$A$9",
          "the kind column's drop-down list is on the Lists sheet")
    expect_failure(["template", "-o", "-"], path("x.xlsx"), "standard output")
    expect_failure(["template", "-o", path("fr.xlsx"), "--lang", "fr"], path("fr.xlsx"), "--lang")
    expect_failure(["template"], path("x.xlsx"), "--output")
    expect_failure(["template", "-o", path(os.path.join("missing", "t.xlsx"))], path("x.xlsx"), "missing", status=1)


def case_export_xlsx():
    """export P -o chain.xlsx [--lang es]: the chain workbook filled with the project."""
    import datetime
    with open(SAMPLE, encoding="utf-8") as f:
        sample = json.load(f)
    r = run("import", SAMPLE, "-o", path("care.traza"))
    check(r.returncode == 0, "import: " + r.stderr)
    r = run("export", path("care.traza"), "-o", path("care.xlsx"), "--lang", "es")
    check(r.returncode == 0 and r.stdout == "", "export to .xlsx: " + r.stderr)
    sheets, wb = read_book("care.xlsx")
    # Registros: the sample's monthly delivery records (issue #19; tests/reports/check_records_sheet.py reads them).
    check(list(sheets) == ["Instrucciones", "Actores", "Flujos", "Registros", "Listas"], "the chain workbook's sheets")
    actors, flows = sheets["Actores"], sheets["Flujos"]
    check([row[0] for row in actors[1:]] == [a["id"] for a in sample["actors"]], "one row per actor, in order")
    check([row[0] for row in flows[1:]] == [f["id"] for f in sample["flows"]], "one row per flow, in order")
    check([row[4] for row in flows[1:]] == [float(f["tonnes"]) for f in sample["flows"]], "tonnes as numbers, exactly")
    check([row[3] for row in actors[1:]] == [a["stage"] for a in sample["actors"]], "stages as numbers")
    for row, flow in zip(flows[1:], sample["flows"]):
        period = flow.get("period", {})
        want = datetime.datetime.fromisoformat(period["start"]) if period.get("start") else None
        check(row[11] == want, "period start of %s as a date: %r" % (flow["id"], row[11]))
    check(sample["actors"][0]["kind"] == "waste_picker" and actors[1][2] == "Reciclador de oficio o grupo de recicladores",
          "kinds as Spanish labels: %r" % actors[1][2])
    r = run("export", SAMPLE, "-f", "xlsx", "-o", path("chain.bin"))
    check(r.returncode == 0, "export --format xlsx: " + r.stderr)
    os.rename(path("chain.bin"), path("chain-bin.xlsx"))  # openpyxl goes by the extension
    check(read_book("chain-bin.xlsx")[0]["Actors"][0][0] == "Id", "--format xlsx writes the workbook, English by default")
    expect_failure(["export", SAMPLE, "-f", "xlsx"], path("x.xlsx"), "standard output")
    # A failed export leaves an existing workbook as it was.
    bad = json.loads(json.dumps(sample))
    bad["flows"][2]["notes"] = "x" * 40000
    expect_failure(["export", write_json("long.json", bad), "-o", path("care.xlsx")], path("care.xlsx"),
                   'flow "%s": notes: 40000 characters' % sample["flows"][2]["id"])


def case_plan():
    """analyze --plan-*: the plan in JSON and text, next_flows at every level, the credit sentence, bad options."""
    r = run("analyze", SAMPLE, "--json", "--plan-level", "self_declared", "--plan-target", "0.5")
    check(r.returncode == 0, "analyze with a plan: %s" % r.stderr)
    out = json.loads(r.stdout)
    plan = out["plan"]
    check(plan["level"] == "self_declared" and plan["stage"] == 1 and plan["target"] == 0.5, "plan header %r" % plan)
    # CARE: today 5.0%; documenting f1 (165.11 t) alone lifts it by 165.11 / 225.2 (methodology 5.2).
    check(abs(plan["start"] - 11.265 / 225.2) < 1e-9, "plan start %r" % plan["start"])
    check([s["flow"] for s in plan["steps"]] == ["f1"] and plan["reached"], "plan steps %r" % plan["steps"])
    check(abs(plan["steps"][0]["traced"] - (11.265 + 165.11) / 225.2) < 1e-9, "traced after f1")
    levels = out["traceability"]["levels"]
    check(levels["self_declared"]["next_flows"][0]["flow"] == "f1", "next_flows at self_declared")
    check(all(levels[l]["by_stage_credit"][k] >= levels[l]["by_stage"][k] - 1e-12 for l in levels
              for k in levels[l]["by_stage"]), "CARE: credit below proportional")
    # Without --plan-level there is no plan key; --plan-stage moves next_flows.
    r = run("analyze", SAMPLE, "--json", "--plan-stage", "2")
    out = json.loads(r.stdout)
    check("plan" not in out, "a plan nobody asked for")
    check(out["traceability"]["levels"]["self_declared"]["next_flows"] == [], "stage 2 is fully self-declared")
    text = run("analyze", SAMPLE, "--plan-level", "self_declared", "--plan-target", "0.5").stdout
    check("A mass-balance claim implies no physical content" in text, "text: no credit sentence")
    check("1. f1: 165.1 t -> 78.3%" in text, "text: plan step")
    es = run("analyze", SAMPLE, "--lang", "es").stdout
    check("no implica contenido físico" in es, "Spanish text: no credit sentence")
    for bad, where in ((["--plan-level", "none"], "--plan-level"), (["--plan-level", "gold"], "--plan-level"),
                       (["--plan-target", "1.5", "--plan-level", "reported"], "--plan-target"),
                       (["--plan-stage", "0"], "--plan-stage")):
        r = run("analyze", SAMPLE, *bad)
        check(r.returncode == 2 and where in r.stderr, "%s: exit %d, %r" % (bad, r.returncode, r.stderr))


CASES = {"version": case_version, "round_trip": case_round_trip, "csv_import": case_csv_import,
         "errors": case_errors, "info": case_info, "export_formats": case_export_formats, "template": case_template,
         "export_xlsx": case_export_xlsx, "plan": case_plan}

if __name__ == "__main__":
    try:
        CASES[CASE]()
    finally:
        subprocess.run(["rm", "-rf", WORK])
