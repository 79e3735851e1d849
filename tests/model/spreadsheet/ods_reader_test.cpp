// The ods reader and the content-sniffing dispatcher, against files written by
// LibreOffice (tests/model/data/spreadsheets/make_fixtures.py) and hand-built
// content.xml parts (zip_builder.h).
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "error.h"
#include "spreadsheet/ods_reader.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "zip_builder.h"

using namespace traza;
using namespace traza::model;
using Kind = SheetCell::Kind;

namespace {

const std::string kFixtures = std::string(TRAZA_TEST_SOURCEDIR) + "/data/spreadsheets/";

const char* kOdsHead =
    R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"><office:body><office:spreadsheet>)";
const char* kOdsTail = "</office:spreadsheet></office:body></office:document-content>";

// An ods whose spreadsheet body is `tables`.
std::string odsOf(const std::string& tables, const std::string& mimetype = "application/vnd.oasis.opendocument.spreadsheet") {
    return test::zipOf({{"mimetype", mimetype}, {"content.xml", kOdsHead + tables + kOdsTail}});
}

template <class F>
InvalidInput refusal(F&& read) {
    try {
        read();
    } catch (const InvalidInput& e) {
        return e;
    }
    FAIL("the workbook was accepted");
    throw;
}

void checkCell(const SheetCell& c, Kind kind, const std::string& text, double number = 0) {
    INFO("cell at line " << c.line << ", column " << c.column << ": '" << c.text << "'");
    CHECK(c.kind == kind);
    CHECK(c.text == text);
    if (kind != Kind::Text && kind != Kind::Empty) CHECK(c.number == number);
}

}  // namespace

TEST_CASE("OdsReader - a workbook saved by LibreOffice: a million repeated empty rows cost nothing") {
    const Workbook w = readOds(kFixtures + "libreoffice_from_openpyxl.ods");
    REQUIRE(w.sheets.size() == 3);
    CHECK(w.sheets[0].sheet == "Actores");
    CHECK(w.sheets[2].sheet == "Vacía");
    CHECK(w.sheets[2].rows.empty());

    const SheetTable& a = w.sheets[0];
    REQUIRE(a.rows.size() == 4);
    for (const auto& row : a.rows) CHECK(row.size() == 6);
    checkCell(a.rows[1][1], Kind::Text, "Organización Sí");
    // LibreOffice has no boolean cells: it saved openpyxl's TRUE as =TRUE(), a float.
    checkCell(a.rows[1][3], Kind::Number, "1", 1);
    checkCell(a.rows[1][4], Kind::Date, "2024-03-15", 45366);
    checkCell(a.rows[1][5], Kind::Number, "1250.5", 1250.5);
    checkCell(a.rows[2][1], Kind::Text, "Línea 1\nLínea 2");
    checkCell(a.rows[2][3], Kind::Number, "0", 0);
    checkCell(a.rows[2][4], Kind::Date, "2023-12-31", 45291);
    CHECK(a.rows[3][0].line == 5);
    checkCell(a.rows[3][1], Kind::Text, "Comillas \"dobles\" y 'simples'");

    const SheetTable& f = w.sheets[1];
    REQUIRE(f.rows.size() == 2);
    REQUIRE(f.rows[0].size() == 7);
    CHECK(f.rows[0][1].line == 2);
    checkCell(f.rows[0][1], Kind::Text, "de");
    checkCell(f.rows[1][2], Kind::Date, "2025-01-02", 45659);
    checkCell(f.rows[1][3], Kind::Number, "173.8", 173.8);
    checkCell(f.rows[1][4], Kind::Number, "347.6", 347.6);  // LibreOffice calculated the formula
    checkCell(f.rows[1][5], Kind::Text, "#DIV/0!");
    checkCell(f.rows[1][6], Kind::Number, "PT1080000H00M00S", 45000);  // a time: days, as in xlsx
    CHECK(f.location(f.rows[1][3]) == kFixtures + "libreoffice_from_openpyxl.ods: Flujos!D7");
}

TEST_CASE("OdsReader - a CSV converted by LibreOffice reads like its xlsx twin") {
    std::ifstream in(kFixtures + "libreoffice_chain.ods", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Workbook w = workbookFromOds(bytes, "cadena.ods");
    REQUIRE(w.sheets.size() == 1);
    const auto& rows = w.sheets[0].rows;
    REQUIRE(rows.size() == 4);
    checkCell(rows[1][1], Kind::Text, "Organización Sí");
    checkCell(rows[1][3], Kind::Date, "2024-03-15", 45366);
    checkCell(rows[2][1], Kind::Text, "Dice \"hola\"");
    CHECK(rows[3][0].line == 5);
    checkCell(rows[3][3], Kind::Date, "2000-02-29", 36585);
}

TEST_CASE("OdsReader - repeated cells and rows with content are expanded, paragraphs and spaces kept") {
    const Workbook w = workbookFromOds(odsOf(
        R"(<table:table table:name="Hoja 1">)"
        R"(<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="string">)"
        R"(<text:p>uno<text:s text:c="3"/>dos<text:tab/>tres</text:p><text:p>cuatro<text:line-break/>cinco<text:span> seis</text:span></text:p>)"
        R"(<office:annotation><text:p>un comentario</text:p></office:annotation></table:table-cell></table:table-row>)"
        R"(<table:table-row><table:table-cell office:value-type="boolean" office:boolean-value="false"/><table:table-cell office:value-type="percentage" office:value="0.25"/>)"
        R"(<table:table-cell office:value-type="date" office:date-value="1850-01-01T00:00:00"/><table:table-cell office:value-type="string" office:string-value="dicho"><text:p>no esto</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>)"
        R"(</table:table>)"),
        "r.ods");
    const SheetTable& t = w.sheets.at(0);
    REQUIRE(t.rows.size() == 4);
    REQUIRE(t.rows[0].size() == 4);
    checkCell(t.rows[3][0], Kind::Boolean, "FALSE", 0);
    checkCell(t.rows[3][1], Kind::Number, "0.25", 0.25);
    checkCell(t.rows[3][2], Kind::Text, "1850-01-01T00:00:00");  // before 1900: no serial, the importer decides
    checkCell(t.rows[3][3], Kind::Text, "dicho");
    checkCell(t.rows[0][0], Kind::Number, "7", 7);
    checkCell(t.rows[0][1], Kind::Number, "7", 7);
    checkCell(t.rows[0][2], Kind::Empty, "");
    CHECK(t.rows[1][1].line == 2);
    checkCell(t.rows[1][1], Kind::Number, "7", 7);
    CHECK(t.rows[2][3].line == 3);
    CHECK(t.rows[2][3].column == 4);
    checkCell(t.rows[2][3], Kind::Text, "uno   dos\ttres\ncuatro\ncinco seis");
    CHECK(t.location(t.rows[2][3]) == "r.ods: 'Hoja 1'!D3");
}

TEST_CASE("OdsReader - bad values, cells past the grid and the cell budget are refused with the cell") {
    auto e = refusal([] {
        workbookFromOds(odsOf(R"(<table:table table:name="H"><table:table-row table:number-rows-repeated="4"/><table:table-row>)"
                              R"(<table:table-cell/><table:table-cell office:value-type="float" office:value="1,5"/></table:table-row></table:table>)"),
                        "m.ods");
    });
    CHECK(e.where() == "m.ods: H!B5");
    CHECK(e.reason() == "'1,5' is not a number, yet the cell says it holds one");

    e = refusal([] {
        workbookFromOds(odsOf(R"(<table:table table:name="H"><table:table-row><table:table-cell table:number-columns-repeated="16384"/>)"
                              R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row></table:table>)"),
                        "m.ods");
    });
    CHECK(e.where() == "m.ods: H!XFE1");
    CHECK(e.reason() == "a cell lies outside the sheet (columns A to XFD)");

    e = refusal([] {
        workbookFromOds(odsOf(R"(<table:table table:name="H"><table:table-row table:number-rows-repeated="1048576"/><table:table-row>)"
                              R"(<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>)"),
                        "m.ods");
    });
    CHECK(e.where() == "m.ods: H!A1048577");

    // A row of 10 cells repeated a million times: refused at the budget, not materialised.
    SpreadsheetLimits limits;
    limits.maxCells = 100'000;
    e = refusal([&] {
        workbookFromOds(odsOf(R"(<table:table table:name="H"><table:table-row table:number-rows-repeated="1000000">)"
                              R"(<table:table-cell table:number-columns-repeated="10" office:value-type="float" office:value="1"/></table:table-row></table:table>)"),
                        "m.ods", limits);
    });
    CHECK(e.where() == "m.ods: H!J10001");
}

TEST_CASE("OdsReader - not a spreadsheet, a DOCTYPE, a missing content.xml") {
    auto e = refusal([] { workbookFromOds(odsOf("", "application/vnd.oasis.opendocument.text"), "carta.odt"); });
    CHECK(e.what() == std::string("carta.odt: not an ods spreadsheet (an OpenDocument file of type application/vnd.oasis.opendocument.text)"));
    e = refusal([] { workbookFromOds(odsOf("", std::string(2000, 'x')), "m.ods"); });
    CHECK(e.where() == "m.ods: mimetype");
    CHECK(e.reason() == "declares more than 1024 bytes (limit for this part)");
    e = refusal([] { workbookFromOds(odsOf("<table:table><table:table-row/></table:table>"), "n.ods"); });
    CHECK(e.where() == "n.ods: content.xml:1:" + std::to_string(std::string(kOdsHead).size() + 1));
    CHECK(e.reason() == "a table without a name");
    e = refusal([] { workbookFromOds(test::zipOf({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}}), "v.ods"); });
    CHECK(e.what() == std::string("v.ods: not an ods spreadsheet: it has no content.xml"));
    e = refusal([] {
        workbookFromOds(test::zipOf({{"content.xml", "<!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>"}}), "d.ods");
    });
    CHECK(e.where() == "d.ods: content.xml:1:13");
    CHECK(e.reason() == "a DOCTYPE declaration (entities) is not allowed in a workbook part");
}

TEST_CASE("SpreadsheetReader - the content decides between xlsx and ods, whatever the name says") {
    const Workbook x = readSpreadsheet(kFixtures + "libreoffice_chain.xlsx");
    const Workbook o = readSpreadsheet(kFixtures + "libreoffice_chain.ods");
    REQUIRE(x.sheets.size() == 1);
    REQUIRE(o.sheets.size() == 1);
    REQUIRE(x.sheets[0].rows.size() == o.sheets[0].rows.size());
    for (std::size_t r = 0; r < x.sheets[0].rows.size(); ++r)
        for (std::size_t c = 0; c < x.sheets[0].rows[r].size(); ++c) {
            const SheetCell& a = x.sheets[0].rows[r][c];
            const SheetCell& b = o.sheets[0].rows[r].at(c);
            INFO("row " << r << " column " << c);
            CHECK(a.kind == b.kind);
            CHECK(a.text == b.text);
            CHECK(a.number == b.number);
            CHECK(a.line == b.line);
        }

    std::ifstream in(kFixtures + "libreoffice_chain.ods", std::ios::binary);
    const std::string ods((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(workbookFromSpreadsheet(ods, "renamed.xlsx").sheets.at(0).sheet == "libreoffice_chain");

    auto e = refusal([] { workbookFromSpreadsheet(test::zipOf({{"readme.txt", "hola"}}), "z.xlsx"); });
    CHECK(e.what() == std::string("z.xlsx: neither an xlsx nor an ods workbook (a zip archive without their parts)"));
    std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    xls.resize(2048, '\0');
    e = refusal([&] { workbookFromSpreadsheet(xls, "viejo.xls"); });
    CHECK(e.reason() == "old .xls format: save as .xlsx (Excel Workbook) or .ods, then import that");
    CHECK_THROWS_AS(readSpreadsheet(kFixtures + "no-such-file.xlsx"), IoError);
    CHECK_THROWS_AS(readSpreadsheet(kFixtures), IoError);
}
