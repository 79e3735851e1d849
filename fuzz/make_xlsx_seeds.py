#!/usr/bin/python3
"""Seeds for the xlsx_import fuzzer: the workbook fixtures of tests/model,
rewritten with their parts stored (not deflated) and without the parts the
reader never opens, so that the fuzzer's byte mutations reach the XML.

    /usr/bin/python3 fuzz/make_xlsx_seeds.py
"""
import os
import zipfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "xlsx_import")
FIXTURES = os.path.join(HERE, "..", "..", "..", "tests", "model", "data", "spreadsheets")
KEEP = ("[Content_Types].xml", "_rels/", "xl/workbook.xml", "xl/_rels/", "xl/worksheets/", "xl/sharedStrings.xml",
        "xl/styles.xml", "mimetype", "content.xml")

for name in sorted(os.listdir(FIXTURES)):
    if not name.endswith((".xlsx", ".ods")):
        continue
    with zipfile.ZipFile(os.path.join(FIXTURES, name)) as source, \
            zipfile.ZipFile(os.path.join(HERE, "stored_" + name), "w", zipfile.ZIP_STORED) as seed:
        for info in source.infolist():
            if info.filename.startswith(KEEP):
                seed.writestr(zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0)), source.read(info))
