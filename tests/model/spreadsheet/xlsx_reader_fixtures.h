#pragma once
// What the xlsx reader tests share: the independent fixtures' folder and
// hand-built packages (xlsxParts over zip_builder.h), reading them, and checks.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "error.h"
#include "spreadsheet/xlsx_reader.h"
#include "zip_builder.h"

using namespace traza;
using namespace traza::model;
using Kind = SheetCell::Kind;

inline const std::string kFixtures = std::string(TRAZA_TEST_SOURCEDIR) + "/data/spreadsheets/";

inline std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline const char* const kMainNs =
    R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
inline const char* const kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A minimal package with one sheet "Hoja1" holding `rows` (the inside of
// <sheetData>). Styles: 0 General, 1 built-in date 14, 2 custom "dd/mm/yyyy",
// 3 built-in time 20.
inline std::map<std::string, std::string> xlsxParts(const std::string& rows, const std::string& sharedStrings = "",
                                             const std::string& workbookPr = "") {
    std::map<std::string, std::string> p;
    p["[Content_Types].xml"] = R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
    p["_rels/.rels"] = std::string(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") +
                       R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)";
    p["xl/workbook.xml"] = std::string("<workbook ") + kMainNs + ">" + workbookPr +
                           R"(<sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    p["xl/_rels/workbook.xml.rels"] =
        std::string(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") +
        R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(worksheet" Target="worksheets/sheet1.xml"/>)" +
        R"(<Relationship Id="rId2" Type=")" + kRelNs + R"(styles" Target="styles.xml"/>)" +
        (sharedStrings.empty() ? "" : std::string(R"(<Relationship Id="rId3" Type=")") + kRelNs + R"(sharedStrings" Target="sharedStrings.xml"/>)") +
        "</Relationships>";
    p["xl/styles.xml"] = std::string("<styleSheet ") + kMainNs +
                         R"(><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>)"
                         R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
                         R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs></styleSheet>)";
    p["xl/worksheets/sheet1.xml"] = std::string("<worksheet ") + kMainNs + "><sheetData>" + rows + "</sheetData></worksheet>";
    if (!sharedStrings.empty()) p["xl/sharedStrings.xml"] = std::string("<sst ") + kMainNs + ">" + sharedStrings + "</sst>";
    return p;
}

inline Workbook readParts(const std::map<std::string, std::string>& parts, const SpreadsheetLimits& limits = {}) {
    return workbookFromXlsx(test::zipOf(parts), "x.xlsx", limits);
}

// The one sheet of a minimal package.
inline SheetTable readRows(const std::string& rows, const std::string& sharedStrings = "", const std::string& workbookPr = "") {
    Workbook w = readParts(xlsxParts(rows, sharedStrings, workbookPr));
    REQUIRE(w.sheets.size() == 1);
    return w.sheets[0];
}

// The InvalidInput that reading throws, for asserting where() and reason() exactly.
// 40 rows of one number: about 1.4 KB of sheet XML.
inline std::string numberRowsSmall() {
    std::string xml;
    for (int r = 1; r <= 40; ++r) xml += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
    return xml;
}

template <class F>
InvalidInput refusal(F&& read) {
    try {
        read();
    } catch (const InvalidInput& e) {
        return e;
    }
    FAIL("the workbook was accepted");
    throw;  // unreachable
}

inline void checkCell(const SheetCell& c, Kind kind, const std::string& text, double number = 0) {
    INFO("cell at line " << c.line << ", column " << c.column << ": '" << c.text << "'");
    CHECK(c.kind == kind);
    CHECK(c.text == text);
    if (kind != Kind::Text && kind != Kind::Empty) CHECK(c.number == number);
}

