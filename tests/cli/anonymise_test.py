#!/usr/bin/python3
"""End-to-end test of anonymised sharing (issue #22) through the built traza-cli:

    anonymise_test.py TRAZA_CLI PROJECT_SOURCE_DIR SEED_COUNT

The CARE sample is given identities that could be real (firm names, ids made
of them, districts, notes with a phone number, certificate numbers, owners,
document references, corrective actions) and random chains get the same.
Every output a user can share — chain JSON, the chain workbook, GraphML, DOT,
SVG, the due-diligence report, the analysis as JSON and as text, in English
and Spanish — is written with --anonymise, every part of every workbook is
unzipped, and none may contain any original name, id, region or note. The
pseudonyms are recomputed here (numbered within the kind by stage, then by
order), the figures of the analysis must be those of the original, and the
same project must give the same bytes twice.
"""
import html
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile

CLI = sys.argv[1]
SOURCE = sys.argv[2]
SEEDS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
WORK = tempfile.mkdtemp(prefix="traza-anonymise-test-")
WORDS = ["Zafiro", "Quetzal", "Nogales", "Umbral", "Vizcaya", "Ocelote", "Jacaranda", "Mirlo", "Ebano", "Xilofono",
         "Girasol", "Hortensia", "Kiwano", "Llanura", "Pampero", "Ruiseñor", "Tamarindo", "Yarumo"]
KIND_WORDS = {"waste_picker": ("pickers", "Picker group", "Grupo de recicladores"),
              "picker_organisation": ("org", "Organisation", "Organización"),
              "intermediary": ("intermediary", "Intermediary", "Intermediario"),
              "exporter": ("exporter", "Exporter", "Exportador"),
              "refiner": ("refiner", "Refiner", "Refinador"),
              "manufacturer": ("manufacturer", "Manufacturer", "Fabricante"),
              "brand": ("brand", "Brand", "Marca"), "other": ("actor", "Actor", "Actor")}
DEFAULT_STAGE = {"waste_picker": 1, "picker_organisation": 2, "intermediary": 3, "exporter": 4, "refiner": 5,
                 "manufacturer": 6, "brand": 7, "other": 0}


def run(*args):
    r = subprocess.run([CLI, *args], capture_output=True, timeout=300)
    check(r.returncode == 0, "traza-cli %s failed: %s" % (" ".join(args), r.stderr.decode(errors="replace")))
    return r.stdout


def check(condition, message):
    if not condition:
        print("FAILED:", message)
        sys.exit(1)


def path(name):
    return os.path.join(WORK, name)


def disguise(chain, rng, tag):
    """Gives every actor, flow, region and free text an identity to hide; returns the secrets."""
    secrets = set()

    def word():
        return "%s%s%d" % (rng.choice(WORDS), tag, rng.randint(100, 999))

    ids = {}
    for a in chain["actors"]:
        w = word()
        ids[a["id"]] = "%s-%s" % (a["kind"][:3], w.lower())
        a["id"] = ids[a["id"]]
        a["name"] = "Recicladora %s S.A.S." % w
        a["region"] = "Atlántico / Localidad %s / Barrio %s" % (word(), word())
        a["notes"] = "Contacto %s, tel. 300%07d" % (word(), rng.randint(0, 9999999))
        if a["kind"] in ("exporter", "refiner"):
            a["coc_certification"] = "ASI CoC cert. %s" % word()
        secrets |= {a["id"], a["name"], a["notes"], "Localidad", "Barrio"} | {x for x in a.get("coc_certification", "").split() if tag in x}
    flow_ids = {}
    for i, f in enumerate(chain["flows"]):
        flow_ids[f["id"]] = "flow-%s" % word().lower()
        f["id"] = flow_ids[f["id"]]
        f["from"], f["to"] = ids[f["from"]], ids[f["to"]]
        f["notes"] = "Factura %s" % word()
        secrets |= {f["id"], f["notes"]}
    for r in chain.get("records", []):
        r["flow"] = flow_ids[r["flow"]]
        r["id"] = "rec-%s" % word().lower()
        r["notes"] = "Recibo de %s" % word()
        for d in r.get("documents", []):
            d["number"] = "FE-%s" % word()
            secrets.add(d["number"])
        secrets |= {r["id"], r["notes"]}
    for c in chain.get("checklists", []):
        if c["scope"] in ids:
            c["scope"] = ids[c["scope"]]
        for item in c.get("items", []):
            item["evidence"] = "Visita de %s" % word()
            item["owner"] = "Auditora %s" % word()
            item["documents"] = ["acta-%s.pdf" % word()]
            secrets |= {item["evidence"], item["owner"], item["documents"][0]}
    for g in chain.get("goals", []):
        g["actor"] = ids[g["actor"]]
        if g.get("buyer"):
            g["buyer"] = ids[g["buyer"]]
        g["notes"] = "Acuerdo con %s" % word()
        secrets.add(g["notes"])
    for s in chain.get("supports", []):
        s["actor"] = ids[s["actor"]]
        s["region"] = "Atlántico / Localidad %s" % word()
        s["notes"] = "Entrega a %s" % word()
        secrets |= {s["region"].split(" / ")[1], s["notes"]}
    first = chain["actors"][0]
    chain["findings"] = [{"id": "F1", "source": "user", "subject": first["id"], "severity": "high",
                          "owner": "Gerente %s" % word(), "response": "mitigate_while_trading",
                          "action": "Exigir recibos a %s" % first["name"], "status": "open",
                          "notes": "Llamar a %s" % word()}]
    secrets |= {chain["findings"][0][k] for k in ("owner", "action", "notes")}
    chain["assessment"]["title"] = "Due diligence of %s and %s" % (chain["actors"][0]["name"], chain["actors"][1]["id"])
    chain["assessment"]["notes"] = "Fuente: %s" % word()
    secrets.add(chain["assessment"]["notes"])
    return secrets


def random_chain(rng):
    actors = [{"id": "ref", "kind": "refiner", "stage": 5}]
    flows = []
    for e in range(rng.randint(1, 3)):
        exp = "exp%d" % e
        actors.append({"id": exp, "kind": "exporter", "stage": 4})
        flows.append({"id": "x%d" % e, "from": exp, "to": "ref", "tonnes": 0})
        for o in range(rng.randint(1, 4)):
            org = "org%d_%d" % (e, o)
            actors.append({"id": org, "kind": "picker_organisation", "stage": 2})
            pick = "pk%d_%d" % (e, o)
            actors.insert(rng.randint(0, len(actors)), {"id": pick, "kind": "waste_picker", "stage": 1})
            t = round(rng.uniform(1, 80), 2)
            flows.append({"id": "p%d_%d" % (e, o), "from": pick, "to": org, "tonnes": t, "evidence": "self_declared",
                          "documented_t": round(t * rng.random(), 3), "documents": ["mass_balance_report"]})
            flows.append({"id": "o%d_%d" % (e, o), "from": org, "to": exp, "tonnes": t,
                          "evidence": rng.choice(["none", "documented", "reported"]), "documented_t": t,
                          "documents": ["electronic_invoice"]})
        flows[[f["id"] for f in flows].index("x%d" % e)]["tonnes"] = round(
            sum(f["tonnes"] for f in flows if f["to"] == exp), 6)
    return {"format": "traza-chain", "version": 1, "assessment": {"title": "", "period": {"start": "2025-01-01", "end": "2025-12-31"}},
            "actors": actors, "flows": flows}


def expected_pseudonyms(chain, lang):
    order = sorted(range(len(chain["actors"])),
                   key=lambda i: chain["actors"][i].get("stage", DEFAULT_STAGE[chain["actors"][i]["kind"]]))
    counts, out = {}, [None] * len(chain["actors"])
    for i in order:
        kind = chain["actors"][i]["kind"]
        counts[kind] = counts.get(kind, 0) + 1
        prefix, en, es = KIND_WORDS[kind]
        out[i] = ("%s-%d" % (prefix, counts[kind]), "%s %d" % (es if lang == "es" else en, counts[kind]))
    return out


def texts_of(file):
    """Every text a reader of the file can get at: all parts of a zip, unescaped."""
    if zipfile.is_zipfile(file):
        with zipfile.ZipFile(file) as z:
            for name in z.namelist():
                data = z.read(name)
                if name.endswith((".xml", ".rels", ".vml")):
                    yield "%s!%s" % (file, name), html.unescape(data.decode("utf-8"))
        return
    with open(file, "rb") as f:
        yield file, html.unescape(f.read().decode("utf-8"))


def check_case(name, chain, secrets, regions="country"):
    original = path(name + ".json")
    with open(original, "w") as f:
        json.dump(chain, f, ensure_ascii=False)
    before = json.loads(run("analyze", original, "--json"))
    # The control: without --anonymise the chain JSON holds every secret, so the
    # search below looks for strings a shared file would really carry.
    plain = html.unescape(run("export", original).decode("utf-8"))
    missing = [s for s in secrets if s not in plain]
    check(not missing, "%s: the secrets %s are not in the plain export either" % (name, missing[:3]))
    outputs = []
    for lang in ("en", "es"):
        common = ["--anonymise", "--regions", regions, "--lang", lang]
        for ext in ("json", "xlsx", "graphml", "dot", "svg"):
            out = path("%s-%s.%s" % (name, lang, ext))
            run("export", original, "-o", out, *common)
            outputs.append(out)
        out = path("%s-%s-report.xlsx" % (name, lang))
        run("report", original, "-o", out, *common)
        outputs.append(out)
        for fmt, args in (("analysis.json", ["--json"]), ("analysis.txt", [])):
            out = path("%s-%s-%s" % (name, lang, fmt))
            with open(out, "wb") as f:
                f.write(run("analyze", original, *common, *args))
            outputs.append(out)
    for out in outputs:
        for where, text in texts_of(out):
            for s in secrets:
                check(s not in text, "%s: %r is still there" % (where, s))

    shared = json.load(open(path(name + "-en.json")))
    expected = expected_pseudonyms(chain, "en")
    check([(a["id"], a["name"]) for a in shared["actors"]] == expected,
          "%s: pseudonyms %s, expected %s" % (name, [(a["id"], a["name"]) for a in shared["actors"]][:6], expected[:6]))
    es = json.load(open(path(name + "-es.json")))
    check([a["name"] for a in es["actors"]] == [n for _, n in expected_pseudonyms(chain, "es")], name + ": Spanish pseudonyms")
    rename = {a["id"]: p for a, (p, _) in zip(chain["actors"], expected)}
    check([(rename[f["from"]], rename[f["to"]], f["tonnes"]) for f in chain["flows"]] ==
          [(f["from"], f["to"], f["tonnes"]) for f in shared["flows"]], name + ": flows not kept")

    after = json.loads(open(path(name + "-en-analysis.json")).read())
    check(before["total_t"] == after["total_t"], name + ": total changed")
    levels_b = {k: v.get("by_stage") for k, v in before["traceability"]["levels"].items()}
    levels_a = {k: v.get("by_stage") for k, v in after["traceability"]["levels"].items()}
    check(levels_b == levels_a, name + ": traced shares changed")
    risk_b = {rename[a["id"]]: (a["flow_share"], a["risk"]) for a in before["actors"]}
    risk_a = {a["id"]: (a["flow_share"], a["risk"]) for a in after["actors"]}
    check(risk_b == risk_a, name + ": actors' shares or risks changed")
    check(sorted((f["rule"], rename.get(f.get("actor"), f.get("actor"))) for f in before["red_flags"]) ==
          sorted((f["rule"], f.get("actor")) for f in after["red_flags"]), name + ": red flags changed")

    again = path(name + "-again.json")
    run("export", original, "-o", again, "--anonymise", "--regions", regions, "--lang", "en")
    check(open(again, "rb").read() == open(path(name + "-en.json"), "rb").read(), name + ": not stable")
    return shared


def main():
    with open(os.path.join(SOURCE, "data", "samples", "care-pilot-2025.json")) as f:
        care = json.load(f)
    rng = random.Random(22)
    secrets = disguise(care, rng, "Q")
    shared = check_case("care", care, secrets)
    check(all(a.get("region", "") == "" for a in shared["actors"]), "care: regions left at --regions country")
    check("Due diligence of Organisation" in shared["assessment"]["title"] or
          "Due diligence of Picker group" in shared["assessment"]["title"], "care: title not rewritten: " + shared["assessment"]["title"])

    # --regions top keeps the first part only.
    top = check_case("care-top", json.loads(json.dumps(care)), secrets - {"Atlántico"}, regions="top")
    check({a.get("region") for a in top["actors"]} == {"Atlántico"}, "care-top: regions %s" % {a.get("region") for a in top["actors"]})
    none = check_case("care-none", json.loads(json.dumps(care)), secrets | {"Atlántico"}, regions="none")
    check(all(not a.get("country") for a in none["actors"]), "care-none: countries left")

    for seed in range(SEEDS):
        rng = random.Random(seed)
        chain = random_chain(rng)
        chain["checklists"], chain["goals"], chain["supports"] = [], [], []
        check_case("random%d" % seed, chain, disguise(chain, rng, "R%d" % seed))
    print("ok: CARE at three region levels and %d random chains, 18 outputs each, no identity left" % SEEDS)


main()
