#!/usr/bin/python3
"""Read a chain workbook (reports/chain_workbook.h) with openpyxl, independently
of Traza's own code, and print it as JSON for the Catch2 tests:

    read_chain_workbook.py BOOK.xlsx [--cells-only]

{"sheets": [{"name", "state", "freeze", "autofilter", "rows": [[cell, ...], ...],
             "widths": {"A": 12.0, ...}, "column_formats": {"A": "@", ...}, "comments": {"A1": "..."},
             "validations": [{"sqref", "type", "operator", "formula1", "formula2", "errorStyle"}],
             "formats": {"A2": "@", ...}}]}

A cell is null (empty) or {"t": "s"|"n"|"b"|"d", "v": value}; a date is
"YYYY-MM-DD" plus its serial day ("serial"); a number is written with repr()
so that every digit openpyxl read survives. Number formats are given for the
first data row and the column defaults, to check the layout. --cells-only reads
in openpyxl's streaming mode (large chains) and gives only names and rows.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel


def cell_of(c):
    v = c.value
    if v is None:
        return None
    if isinstance(v, bool):
        return {"t": "b", "v": v}
    if isinstance(v, (int, float)):
        return {"t": "n", "v": repr(float(v))}
    if isinstance(v, datetime.datetime):
        return {"t": "d", "v": v.date().isoformat(), "serial": to_excel(v)}
    if isinstance(v, datetime.date):
        return {"t": "d", "v": v.isoformat(), "serial": to_excel(v)}
    return {"t": "s", "v": str(v)}


def sheet_of(ws):
    rows = [[cell_of(c) for c in row] for row in ws.iter_rows()]
    formats = {}
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 2)):
        for c in row:
            formats[c.coordinate] = c.number_format
    comments = {}
    for row in ws.iter_rows(min_row=1, max_row=1):
        for c in row:
            if c.comment is not None:
                comments[c.coordinate] = c.comment.text
    validations = []
    for dv in ws.data_validations.dataValidation:
        validations.append({"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
                            "formula2": dv.formula2, "errorStyle": dv.errorStyle})
    widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
    column_formats = {k: v.number_format for k, v in ws.column_dimensions.items()}
    return {"name": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
            "rows": rows, "formats": formats, "comments": comments, "validations": validations, "widths": widths,
            "column_formats": column_formats}


def main():
    if "--cells-only" in sys.argv[2:]:
        wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
        sheets = [{"name": ws.title, "rows": [[cell_of(c) for c in row] for row in ws.iter_rows()]} for ws in wb.worksheets]
    else:
        sheets = [sheet_of(ws) for ws in openpyxl.load_workbook(sys.argv[1]).worksheets]
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
