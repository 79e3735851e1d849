"""traza-cli against a real PostgreSQL server (issue #22).

  server_cli_test.py CASE TRAZA_CLI SOURCE_DIR CLUSTER_DIR

Cases: round_trip (import -> export equals the file's export byte for byte,
and so does export of an export pushed back), push_pull (.traza files and
info/analyze/report read from the server), errors (exit 2, the location named,
the password never shown), reviewer_sql (a reviewer's raw SQL through psql
refused by the database itself).
"""
import json
import os
import subprocess
import sys
import tempfile

case, cli, src, cluster = sys.argv[1:5]
sample = os.path.join(src, "data", "samples", "care-pilot-2025.json")
psql = "/usr/lib/postgresql/15/bin/psql"


def uri(user, project, password=None):
    auth = user if user == "traza_admin" else f"{user}:{password or user + '-pw'}"
    return f"postgresql://{auth}@/traza?host={cluster}&project={project}"


def run(*args, status=0):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    if p.returncode != status:
        sys.exit(f"{args}: exit {p.returncode}, expected {status}\n{p.stdout}\n{p.stderr}")
    return p


def same_bytes(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        if fa.read() != fb.read():
            sys.exit(f"{a} and {b} differ")


def round_trip(tmp):
    run("import", sample, "-o", uri("alice", "cli-round"), "-q")
    run("export", sample, "-o", f"{tmp}/file.json")
    run("export", uri("bob", "cli-round"), "-o", f"{tmp}/server.json")
    same_bytes(f"{tmp}/file.json", f"{tmp}/server.json")
    # The export pushed back as another project and exported again: the same bytes.
    run("import", f"{tmp}/server.json", "-o", uri("alice", "cli-round-2"), "-q")
    run("export", uri("alice", "cli-round-2"), "-o", f"{tmp}/again.json")
    same_bytes(f"{tmp}/server.json", f"{tmp}/again.json")
    # A second import of the same chain writes nothing new: the audit gains no rows.
    before = run("server", "history", uri("alice", "cli-round"), "--limit", "100000").stdout.count("\n")
    run("import", sample, "-o", uri("alice", "cli-round"), "-q")
    after = run("server", "history", uri("alice", "cli-round"), "--limit", "100000").stdout.count("\n")
    if before != after:
        sys.exit(f"re-importing the same chain wrote {after - before} audit rows")
    doc = json.load(open(sample))
    if before != 1 + len(doc["actors"]) + len(doc["flows"]) + len(doc["records"]) + len(doc["checklists"]) + len(doc["goals"]) + len(doc["supports"]):
        sys.exit(f"the first import wrote {before} audit rows")


def push_pull(tmp):
    run("import", sample, "-o", f"{tmp}/care.traza", "-q")
    out = run("push", f"{tmp}/care.traza", uri("alice", "cli-push")).stdout
    if "Pushed 14 actors and 13 flows" not in out:
        sys.exit(out)
    run("pull", uri("rita", "cli-push"), "-o", f"{tmp}/back.traza", "-q")
    run("export", f"{tmp}/care.traza", "-o", f"{tmp}/a.json")
    run("export", f"{tmp}/back.traza", "-o", f"{tmp}/b.json")
    same_bytes(f"{tmp}/a.json", f"{tmp}/b.json")
    # A reviewer analyses and reports from the server, like from the file.
    a = run("analyze", f"{tmp}/care.traza", "--json").stdout
    b = run("analyze", uri("rita", "cli-push"), "--json").stdout
    if a != b:
        sys.exit("analysis from the server differs from the file's")
    info = run("info", uri("rita", "cli-push")).stdout
    if "server:" not in info or "rita-pw" in info:
        sys.exit(info)
    run("report", uri("rita", "cli-push"), "-o", f"{tmp}/report.xlsx")
    import openpyxl
    book = openpyxl.load_workbook(f"{tmp}/report.xlsx", read_only=True)
    if "Audit trail" not in book.sheetnames:
        sys.exit(f"no Audit trail sheet: {book.sheetnames}")
    rows = [tuple(c for c in r) for r in book["Audit trail"].iter_rows(values_only=True)]
    lines = [r for r in rows if r and r[1] == "alice" and r[2] == "push care.traza" and r[3] == "insert"]
    if len(lines) != 14 + 13 + 60 + 8 + 5 + 6 + 1:
        sys.exit(f"the Audit trail sheet lists {len(lines)} inserts by alice")
    if any("rita-pw" in str(c) or "alice-pw" in str(c) for r in rows for c in r):
        sys.exit("a password on the Audit trail sheet")
    run("report", uri("rita", "cli-push"), "-o", f"{tmp}/shared.xlsx", "--anonymise")
    if "Audit trail" in openpyxl.load_workbook(f"{tmp}/shared.xlsx", read_only=True).sheetnames:
        sys.exit("an anonymised report lists the audit trail")
    layout(tmp)


def layout_of(path):
    import sqlite3
    db = sqlite3.connect(path)
    positions = db.execute("SELECT id, has_position, x, y FROM actors ORDER BY ord").fetchall()
    rules = db.execute("SELECT header, field, factor FROM import_rules ORDER BY ord").fetchall()
    db.close()
    return positions, rules


def layout(tmp):
    """Canvas positions and column rules (not in chain JSON) survive push then pull."""
    import shutil
    import sqlite3
    shutil.copy(f"{tmp}/care.traza", f"{tmp}/placed.traza")
    db = sqlite3.connect(f"{tmp}/placed.traza")
    db.execute("UPDATE actors SET has_position = 1, x = ord * 37.25 + 0.1, y = ord * -12.5 WHERE ord % 4 != 1")
    db.execute("INSERT INTO import_rules (ord, header, field, factor) VALUES (0, 'Kg entregados', 'tonnes', 0.001),"
               " (1, 'Observaciones', '', 1)")
    db.commit()
    db.close()
    want = layout_of(f"{tmp}/placed.traza")
    if not want[1] or sum(p[1] for p in want[0]) < 10:
        sys.exit(f"the test file has no layout: {want}")
    run("push", f"{tmp}/placed.traza", uri("alice", "cli-layout"), "-q")
    run("pull", uri("rita", "cli-layout"), "-o", f"{tmp}/placed-back.traza", "-q")
    got = layout_of(f"{tmp}/placed-back.traza")
    if got != want:
        sys.exit(f"pull gave other positions or rules:\n{got}\nwanted\n{want}")


def errors(tmp):
    checks = [
        (["info", uri("alice", "no-such-project")], "has no project named \"no-such-project\""),
        (["info", uri("alice", "x", "Wr0ng-Pass")], "password authentication failed"),
        (["export", uri("alice", "x", "Wr0ng-Pass").replace(cluster, cluster + "-missing"), "-o", f"{tmp}/x.json"], "cannot connect"),
        (["push", sample, uri("rita", "rita-push")], "permission denied"),
        (["import", sample, "-o", uri("rita", "rita-import")], "permission denied"),
        (["info", f"postgresql://alice:alice-pw@/traza?host={cluster}"], "project="),
    ]
    for args, expected in checks:
        p = run(*args, status=2)
        line = p.stderr
        for secret in ("Wr0ng-Pass", "alice-pw", "rita-pw"):
            if secret in line:
                sys.exit(f"{args}: the password is shown: {line}")
        if expected not in line or ":***@" not in line:
            sys.exit(f"{args}: expected {expected!r} and the redacted location, got {line}")
    if os.path.exists(f"{tmp}/x.json"):
        sys.exit("a failed export left a file")
    # server init: again by the admin only checks; an editor may not change the schema.
    out = run("server", "init", f"postgresql://traza_admin@/traza?host={cluster}").stdout
    if not out.startswith("Checked the Traza schema (version 4)"):
        sys.exit(out)
    p = run("server", "init", f"postgresql://alice:alice-pw@/traza?host={cluster}", status=2)
    if "alice-pw" in p.stderr or "alice:***@" not in p.stderr:
        sys.exit(p.stderr)


def reviewer_sql(tmp):
    run("import", sample, "-o", uri("alice", "cli-sql"), "-q")
    env = dict(os.environ, PGPASSWORD="rita-pw")
    for sql in ["UPDATE traza.objects SET body = '{}'::jsonb", "DELETE FROM traza.audit",
                "INSERT INTO traza.projects (name) VALUES ('r')"]:
        p = subprocess.run([psql, "-h", cluster, "-U", "rita", "-d", "traza", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           capture_output=True, text=True, env=env)
        if p.returncode == 0 or "permission denied" not in p.stderr:
            sys.exit(f"{sql}: not refused for the reviewer: {p.returncode} {p.stderr}")
    p = subprocess.run([psql, "-h", cluster, "-U", "rita", "-d", "traza", "-tAc", "SELECT count(*) FROM traza.objects"],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0 or int(p.stdout) == 0:
        sys.exit(f"the reviewer cannot read: {p.stderr}")


with tempfile.TemporaryDirectory() as tmp:
    {"round_trip": round_trip, "push_pull": push_pull, "errors": errors, "reviewer_sql": reviewer_sql}[case](tmp)
print("ok")
