#pragma once
// The chain workbook read back without Traza's own reader: openpyxl
// (read_chain_workbook.py) turns it into JSON cells, which become the
// model::Workbook the importer takes, as the xlsx reader would give it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "records_sheet.h"
#include "sheet_import.h"

namespace traza::reports::test {

using Json = nlohmann::json;

/// `cellsOnly`: openpyxl's streaming mode, names and rows only (large chains).
inline Json readChainBook(const std::filesystem::path& file, bool cellsOnly = false) {
    const std::string command =
        "/usr/bin/python3 " TRAZA_READ_CHAIN_WORKBOOK_PY " '" + file.string() + "'" + (cellsOnly ? " --cells-only" : "");
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buf[65536];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe.get())) out.append(buf, n);
    REQUIRE(!out.empty());
    return Json::parse(out);
}

inline const Json& sheetNamed(const Json& book, const std::string& name) {
    for (const Json& s : book["sheets"])
        if (s["name"] == name) return s;
    FAIL("no sheet " << name);
    throw;
}

/// The cells as a reader gives them: typed, placed, wholly empty rows dropped.
inline model::Workbook toWorkbook(const Json& json, const std::string& file) {
    model::Workbook book;
    book.file = file;
    for (const Json& s : json["sheets"]) {
        model::SheetTable table;
        table.file = file;
        table.sheet = s["name"];
        std::size_t line = 0;
        for (const Json& row : s["rows"]) {
            ++line;
            std::vector<model::SheetCell> cells;
            bool any = false;
            for (const Json& c : row) {
                model::SheetCell cell;
                cell.line = line;
                cell.column = cells.size() + 1;
                if (!c.is_null()) {
                    any = true;
                    const std::string t = c["t"];
                    cell.text = t == "b" ? (c["v"].get<bool>() ? "TRUE" : "FALSE") : c["v"].get<std::string>();
                    if (t == "s") cell.kind = model::SheetCell::Kind::Text;
                    if (t == "n") cell.kind = model::SheetCell::Kind::Number, cell.number = std::stod(cell.text);
                    if (t == "b") cell.kind = model::SheetCell::Kind::Boolean, cell.number = c["v"].get<bool>();
                    if (t == "d") cell.kind = model::SheetCell::Kind::Date, cell.number = c["serial"].get<double>();
                }
                cells.push_back(std::move(cell));
            }
            if (any) table.rows.push_back(std::move(cells));
        }
        book.sheets.push_back(std::move(table));
    }
    return book;
}

/// Export's file imported again through model::importSheets.
inline model::Project importChainBook(const std::filesystem::path& file, const model::Catalogue& catalogue, bool cellsOnly = false) {
    const model::Workbook book = toWorkbook(readChainBook(file, cellsOnly), file.filename().string());
    const auto [actors, flows] = model::chainSheets(book);
    model::Project p = model::importSheets(*actors, *flows, catalogue).project;
    // The Records sheet (issue #19), written when the flows have delivery records.
    if (const model::SheetTable* records = model::recordsSheet(book)) model::importRecordsSheet(*records, p);
    return p;
}

/// Only what a chain workbook carries: actors and flows (with their delivery records).
inline model::Project chainOnly(const model::Project& p) {
    model::Project q;
    q.actors = p.actors;
    q.flows = p.flows;
    return q;
}

}  // namespace traza::reports::test
