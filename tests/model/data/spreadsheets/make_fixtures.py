#!/usr/bin/python3
"""Writes the workbook fixtures of tests/model/spreadsheet/xlsx_reader_test.cpp and
ods_reader_test.cpp with programs independent of Traza's reader: openpyxl
(Debian's python3-openpyxl) and LibreOffice (soffice --convert-to). The files
are committed; run this again only to change them:

    /usr/bin/python3 tests/model/data/spreadsheets/make_fixtures.py

The tests assert the exact values written here.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))




def openpyxl_chain():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Actores"
    ws.append(["id", "nombre", "tipo", "activo", "fecha", "capacidad_t"])
    ws.append(["A1", "Organización Sí", "mina", True, datetime.date(2024, 3, 15), 1250.5])
    ws.append(["A2", "Línea 1\nLínea 2", "fundición", False, datetime.datetime(2023, 12, 31, 18, 30), 0])
    ws.append([])
    ws.append(["A3", 'Comillas "dobles" y \'simples\'', None, None, None, -3.25])
    ws["E3"].number_format = "yyyy-mm-dd hh:mm"

    flows = wb.create_sheet("Flujos")
    flows["B2"] = "de"
    flows["D2"] = "a"
    flows["A7"] = "F1"
    flows["C7"] = datetime.date(2025, 1, 2)
    flows["C7"].number_format = "dd/mm/yyyy"
    flows["D7"] = 173.8
    flows["D7"].number_format = "0.00"
    flows["E7"] = "=D7*2"  # openpyxl saves no result: read as empty, with a note
    flows["F7"] = "#DIV/0!"  # an error cell (t="e")
    flows["G7"] = 45000
    flows["G7"].number_format = "h:mm"  # a time format: stays a number

    wb.create_sheet("Vacía")
    wb.save(os.path.join(HERE, "openpyxl_chain.xlsx"))


def openpyxl_1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws.append(["fecha", "otra"])
    ws.append([datetime.date(2024, 3, 15), datetime.date(1904, 1, 1)])
    wb.save(os.path.join(HERE, "openpyxl_1904.xlsx"))


CSV = "\n".join([
    "id,nombre,toneladas,fecha,activo",
    "A1,Organización Sí,1250.5,2024-03-15,TRUE",
    'A2,"Dice ""hola""",0.25,1999-12-31,FALSE',
    ",,,,",
    "A3,Fundición Ñandú,-7,2000-02-29,TRUE",
]) + "\n"


def libreoffice():
    if not shutil.which("soffice"):
        sys.exit("soffice (libreoffice-calc) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "libreoffice_chain.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write(CSV)
        profile = "file://" + os.path.join(tmp, "profile")
        # Filter options: comma, double quote, UTF-8 (76), start at line 1, then
        # "detect special numbers" so that ISO dates become dates.
        opts = '44,34,76,1,,1033,false,false,true'
        for target in ("xlsx:Calc MS Excel 2007 XML", "ods"):
            subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--infilter=CSV:" + opts,
                            "--convert-to", target, "--outdir", HERE, csv], check=True, capture_output=True)
        # openpyxl's workbook opened and saved by LibreOffice: formulas now carry
        # results, booleans and errors in LibreOffice's own spelling.
        source = os.path.join(tmp, "libreoffice_from_openpyxl.xlsx")
        shutil.copy(os.path.join(HERE, "openpyxl_chain.xlsx"), source)
        out = os.path.join(tmp, "out")
        for target in ("xlsx:Calc MS Excel 2007 XML", "ods"):
            subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", target,
                            "--outdir", out, source], check=True, capture_output=True)
        for name in os.listdir(out):
            shutil.copy(os.path.join(out, name), os.path.join(HERE, name))


if __name__ == "__main__":
    openpyxl_chain()
    openpyxl_1904()
    libreoffice()
