#!/usr/bin/python3
"""A large value-chain workbook for timing the xlsx reader (docs/performance.md):
ROWS flow rows of 14 columns (ids, names with accents, tonnes, prices, dates,
booleans), written by openpyxl in write-only mode.

    /usr/bin/python3 bench/make_big_workbook.py OUT.xlsx [ROWS]
"""
import datetime
import random
import sys

import openpyxl

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
rng = random.Random(14)
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Flujos")
ws.append(["id", "de", "a", "material", "toneladas", "precio_t", "fecha", "verificado", "país", "documento",
           "transporte", "ley_pct", "notas", "lote"])
materials = ["cobre", "estaño", "tántalo", "wolframio", "oro", "chatarra de aluminio"]
countries = ["Perú", "Bolivia", "Colombia", "España", "Chile"]
start = datetime.date(2020, 1, 1)
for i in range(rows):
    ws.append([f"F{i + 1}", f"A{rng.randrange(20000)}", f"A{rng.randrange(20000)}", rng.choice(materials),
               round(rng.uniform(0.1, 5000), 3), round(rng.uniform(10, 90000), 2),
               start + datetime.timedelta(days=rng.randrange(2000)), rng.random() < 0.7, rng.choice(countries),
               f"DOC-{rng.randrange(10**6):06d}", rng.choice(["camión", "barco", "tren"]), round(rng.random() * 100, 2),
               "Organización Sí" if i % 7 == 0 else None, rng.randrange(10**9)])
wb.save(out)
