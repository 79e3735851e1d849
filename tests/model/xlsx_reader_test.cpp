// The xlsx reader against workbooks written by independent programs (openpyxl,
// LibreOffice; tests/model/data/spreadsheets/make_fixtures.py) and against
// hand-built packages (zip_builder.h) for the details and the hostile cases.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "error.h"
#include "spreadsheet/xlsx_reader.h"
#include "zip_builder.h"

using namespace traza;
using namespace traza::model;
using Kind = SheetCell::Kind;

namespace {

const std::string kFixtures = std::string(TRAZA_TEST_SOURCEDIR) + "/data/spreadsheets/";

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const char* kMainNs =
    R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A minimal package with one sheet "Hoja1" holding `rows` (the inside of
// <sheetData>). Styles: 0 General, 1 built-in date 14, 2 custom "dd/mm/yyyy",
// 3 built-in time 20.
std::map<std::string, std::string> xlsxParts(const std::string& rows, const std::string& sharedStrings = "",
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

Workbook readParts(const std::map<std::string, std::string>& parts, const SpreadsheetLimits& limits = {}) {
    return workbookFromXlsx(test::zipOf(parts), "x.xlsx", limits);
}

// The one sheet of a minimal package.
SheetTable readRows(const std::string& rows, const std::string& sharedStrings = "", const std::string& workbookPr = "") {
    Workbook w = readParts(xlsxParts(rows, sharedStrings, workbookPr));
    REQUIRE(w.sheets.size() == 1);
    return w.sheets[0];
}

// The InvalidInput that reading throws, for asserting where() and reason() exactly.
// 40 rows of one number: about 1.4 KB of sheet XML.
std::string numberRowsSmall() {
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

void checkCell(const SheetCell& c, Kind kind, const std::string& text, double number = 0) {
    INFO("cell at line " << c.line << ", column " << c.column << ": '" << c.text << "'");
    CHECK(c.kind == kind);
    CHECK(c.text == text);
    if (kind != Kind::Text && kind != Kind::Empty) CHECK(c.number == number);
}

}  // namespace

TEST_CASE("XlsxReader - a workbook written by openpyxl: sheets in order, types, sparse rows, padding") {
    const Workbook w = readXlsx(kFixtures + "openpyxl_chain.xlsx");
    CHECK(w.file == kFixtures + "openpyxl_chain.xlsx");
    REQUIRE(w.sheets.size() == 3);
    CHECK(w.sheets[0].sheet == "Actores");
    CHECK(w.sheets[1].sheet == "Flujos");
    CHECK(w.sheets[2].sheet == "Vacía");
    CHECK(w.sheets[0].file == w.file);

    const SheetTable& a = w.sheets[0];
    REQUIRE(a.rows.size() == 4);  // row 4 is wholly empty: dropped
    for (const auto& row : a.rows) CHECK(row.size() == 6);
    CHECK(a.rows[0][0].line == 1);
    checkCell(a.rows[0][5], Kind::Text, "capacidad_t");
    checkCell(a.rows[1][1], Kind::Text, "Organización Sí");
    checkCell(a.rows[1][3], Kind::Boolean, "TRUE", 1);
    checkCell(a.rows[1][4], Kind::Date, "2024-03-15", 45366);
    checkCell(a.rows[1][5], Kind::Number, "1250.5", 1250.5);
    checkCell(a.rows[2][1], Kind::Text, "Línea 1\nLínea 2");
    checkCell(a.rows[2][3], Kind::Boolean, "FALSE", 0);
    checkCell(a.rows[2][4], Kind::Date, "2023-12-31", 45291);  // 18:30 dropped
    checkCell(a.rows[2][5], Kind::Number, "0", 0);
    CHECK(a.rows[3][0].line == 5);
    checkCell(a.rows[3][1], Kind::Text, "Comillas \"dobles\" y 'simples'");
    checkCell(a.rows[3][2], Kind::Empty, "");
    CHECK(a.rows[3][2].line == 5);
    CHECK(a.rows[3][2].column == 3);
    checkCell(a.rows[3][5], Kind::Number, "-3.25", -3.25);

    const SheetTable& f = w.sheets[1];
    REQUIRE(f.rows.size() == 2);
    REQUIRE(f.rows[0].size() == 7);  // padded to the widest row (G7)
    REQUIRE(f.rows[1].size() == 7);
    checkCell(f.rows[0][0], Kind::Empty, "");
    CHECK(f.rows[0][0].line == 2);
    checkCell(f.rows[0][1], Kind::Text, "de");
    checkCell(f.rows[0][3], Kind::Text, "a");
    CHECK(f.rows[0][6].line == 2);
    CHECK(f.rows[0][6].column == 7);
    checkCell(f.rows[1][0], Kind::Text, "F1");
    checkCell(f.rows[1][2], Kind::Date, "2025-01-02", 45659);  // custom format dd/mm/yyyy
    checkCell(f.rows[1][3], Kind::Number, "173.8", 173.8);     // custom format 0.00: a number
    checkCell(f.rows[1][4], Kind::Empty, "");                  // formula never calculated
    checkCell(f.rows[1][5], Kind::Text, "#DIV/0!");            // error cell
    checkCell(f.rows[1][6], Kind::Number, "45000", 45000);     // time format h:mm: no day
    CHECK(f.location(f.rows[1][3]) == kFixtures + "openpyxl_chain.xlsx: Flujos!D7");
    REQUIRE(f.notes.size() == 1);
    CHECK(f.notes[0].find("sheet Flujos: 1 formula cell(s) had no saved result") == 0);

    CHECK(w.sheets[2].rows.empty());
}

TEST_CASE("XlsxReader - the 1904 date system of a workbook written by openpyxl") {
    const Workbook w = workbookFromXlsx(fileBytes(kFixtures + "openpyxl_1904.xlsx"), "mac.xlsx");
    REQUIRE(w.sheets.size() == 1);
    REQUIRE(w.sheets[0].rows.size() == 2);
    checkCell(w.sheets[0].rows[1][0], Kind::Date, "2024-03-15", 45366);  // serial in the 1900 system
    checkCell(w.sheets[0].rows[1][1], Kind::Date, "1904-01-01", 1462);
}

TEST_CASE("XlsxReader - a CSV converted by LibreOffice: shared strings and its own date format") {
    const Workbook w = readXlsx(kFixtures + "libreoffice_chain.xlsx");
    REQUIRE(w.sheets.size() == 1);
    CHECK(w.sheets[0].sheet == "libreoffice_chain");
    const auto& rows = w.sheets[0].rows;
    REQUIRE(rows.size() == 4);  // the CSV's ",,,," line is an empty row
    for (const auto& row : rows) CHECK(row.size() == 5);
    checkCell(rows[0][2], Kind::Text, "toneladas");
    checkCell(rows[1][1], Kind::Text, "Organización Sí");
    checkCell(rows[1][2], Kind::Number, "1250.5", 1250.5);
    checkCell(rows[1][3], Kind::Date, "2024-03-15", 45366);  // format yyyy\-mm\-dd
    checkCell(rows[1][4], Kind::Text, "TRUE");                // LibreOffice kept it as text
    checkCell(rows[2][1], Kind::Text, "Dice \"hola\"");
    checkCell(rows[2][3], Kind::Date, "1999-12-31", 36525);
    CHECK(rows[3][0].line == 5);
    checkCell(rows[3][1], Kind::Text, "Fundición Ñandú");
    checkCell(rows[3][2], Kind::Number, "-7", -7);
    checkCell(rows[3][3], Kind::Date, "2000-02-29", 36585);
}

TEST_CASE("XlsxReader - shared, rich and inline strings, phonetic guides, escapes, formula results") {
    const std::string strings =
        R"(<si><t>plain</t></si>)"
        R"(<si><r><rPr><b/></rPr><t>Organi</t></r><r><t xml:space="preserve">zación </t></r><r><t>Sí</t></r></si>)"
        R"(<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>)"
        R"(<si><t>a_x000D_b_x005F_x0041_c_xD83D__xDE00_</t></si>)"
        R"(<si><t/></si>)";
    const SheetTable t = readRows(
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>)"
        R"(<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>)"
        R"(<row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>)"
        R"(<c r="B2" t="str"><f>CONCAT("x","y")</f><v>xy</v></c>)"
        R"(<c r="C2"><f>1+1</f><v>2</v></c>)"
        R"(<c r="D2" t="b"><f>TRUE()</f><v>1</v></c>)"
        R"(<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>)",
        strings);
    REQUIRE(t.rows.size() == 2);
    checkCell(t.rows[0][0], Kind::Text, "plain");
    checkCell(t.rows[0][1], Kind::Text, "Organización Sí");
    checkCell(t.rows[0][2], Kind::Text, "東京");
    checkCell(t.rows[0][3], Kind::Text, "a\rb_x0041_c\xF0\x9F\x98\x80");
    checkCell(t.rows[0][4], Kind::Empty, "");
    checkCell(t.rows[1][0], Kind::Text, "inline");
    checkCell(t.rows[1][1], Kind::Text, "xy");
    checkCell(t.rows[1][2], Kind::Number, "2", 2);
    checkCell(t.rows[1][3], Kind::Boolean, "TRUE", 1);
    checkCell(t.rows[1][4], Kind::Text, "#DIV/0!");
    CHECK(t.notes.empty());
}

TEST_CASE("XlsxReader - cells and rows without references follow the previous ones") {
    const SheetTable t = readRows(R"(<row><c><v>1</v></c><c r="C1"><v>3</v></c><c><v>4</v></c></row>)"
                                  R"(<row r="4"><c r="B4"><v>42</v></c></row><row><c><v>5</v></c></row>)");
    REQUIRE(t.rows.size() == 3);
    REQUIRE(t.rows[0].size() == 4);
    checkCell(t.rows[0][0], Kind::Number, "1", 1);
    checkCell(t.rows[0][1], Kind::Empty, "");
    checkCell(t.rows[0][3], Kind::Number, "4", 4);
    CHECK(t.rows[1][1].line == 4);
    checkCell(t.rows[1][1], Kind::Number, "42", 42);
    CHECK(t.rows[2][0].line == 5);
    checkCell(t.rows[2][0], Kind::Number, "5", 5);
}

TEST_CASE("XlsxReader - only <sheetData> holds cells") {
    auto parts = xlsxParts("");
    parts["xl/worksheets/sheet1.xml"] = std::string("<worksheet ") + kMainNs +
                                        R"(><sheetPr><c r="Z9"><v>1</v></c></sheetPr><sheetData><row r="2"><c r="B2"><v>2</v></c></row></sheetData>)"
                                        R"(<extLst><ext><row r="1"><c r="A1"><v>3</v></c></row></ext></extLst></worksheet>)";
    const SheetTable t = readParts(parts).sheets.at(0);
    REQUIRE(t.rows.size() == 1);
    REQUIRE(t.rows[0].size() == 2);
    checkCell(t.rows[0][1], Kind::Number, "2", 2);
}

TEST_CASE("XlsxReader - date styles, the 1900 leap-year bug and ISO date cells") {
    const SheetTable t = readRows(R"(<row r="1"><c s="1"><v>1</v></c><c s="1"><v>59</v></c><c s="1"><v>60</v></c>)"
                                  R"(<c s="1"><v>61</v></c><c s="2"><v>45366.75</v></c><c s="3"><v>0.5</v></c>)"
                                  R"(<c s="1"><v>0</v></c><c s="9"><v>45366</v></c><c t="d"><v>2024-03-15T10:00:00</v></c></row>)");
    const auto& r = t.rows.at(0);
    checkCell(r[0], Kind::Date, "1900-01-01", 1);
    checkCell(r[1], Kind::Date, "1900-02-28", 59);
    checkCell(r[2], Kind::Number, "60", 60);  // 1900-02-29 never was
    checkCell(r[3], Kind::Date, "1900-03-01", 61);
    checkCell(r[4], Kind::Date, "2024-03-15", 45366);  // the time of day is dropped
    checkCell(r[5], Kind::Number, "0.5", 0.5);         // a time: no day
    checkCell(r[6], Kind::Number, "0", 0);             // "1900-01-00" is no day
    checkCell(r[7], Kind::Number, "45366", 45366);     // style 9 does not exist: no date
    checkCell(r[8], Kind::Date, "2024-03-15", 45366);

    const SheetTable mac = readRows(R"(<row r="1"><c s="2"><v>0</v></c><c s="2"><v>43904</v></c></row>)", "",
                                    R"(<workbookPr date1904="true"/>)");
    checkCell(mac.rows.at(0)[0], Kind::Date, "1904-01-01", 1462);
    checkCell(mac.rows.at(0)[1], Kind::Date, "2024-03-15", 45366);
}

TEST_CASE("XlsxReader - absolute relationship targets, several sheets, chart sheets skipped") {
    auto parts = xlsxParts(R"(<row r="1"><c><v>1</v></c></row>)");
    parts["xl/workbook.xml"] = std::string("<workbook ") + kMainNs +
                               R"(><sheets><sheet name="Uno" sheetId="1" r:id="rId1"/><sheet name="Gráfico" sheetId="2" r:id="rId7"/>)"
                               R"(<sheet name="Dos dos" sheetId="3" r:id="rId8"/></sheets></workbook>)";
    parts["xl/_rels/workbook.xml.rels"] =
        std::string(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") +
        R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(worksheet" Target="/xl/worksheets/sheet1.xml"/>)" +
        R"(<Relationship Id="rId7" Type=")" + kRelNs + R"(chartsheet" Target="chartsheets/sheet1.xml"/>)" +
        R"(<Relationship Id="rId8" Type=")" + kRelNs + R"(worksheet" Target="./worksheets/../worksheets/hoja%202.xml"/>)" +
        "</Relationships>";
    parts["xl/worksheets/hoja 2.xml"] = std::string("<worksheet ") + kMainNs +
                                        R"(><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>dos</t></is></c></row></sheetData></worksheet>)";
    const Workbook w = readParts(parts);
    REQUIRE(w.sheets.size() == 2);
    CHECK(w.sheets[0].sheet == "Uno");
    CHECK(w.sheets[1].sheet == "Dos dos");
    checkCell(w.sheets[1].rows.at(0).at(1), Kind::Text, "dos");
    CHECK(w.sheets[1].location(w.sheets[1].rows[0][1]) == "x.xlsx: 'Dos dos'!B3");
    CHECK(w.find("dos DOS") == 1);
}

// ---- hostile and damaged files ------------------------------------------

TEST_CASE("XlsxReader - an old .xls, an encrypted workbook and other files are refused by their signature") {
    std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    xls.resize(4096, '\0');
    auto e = refusal([&] { workbookFromXlsx(xls, "viejo.xls"); });
    CHECK(e.where() == "viejo.xls");
    CHECK(e.reason() == "old .xls format: save as .xlsx (Excel Workbook) or .ods, then import that");

    std::string encrypted = xls;
    const std::string name = "EncryptedPackage";
    for (std::size_t i = 0; i < name.size(); ++i) encrypted[1024 + 2 * i] = name[i];
    e = refusal([&] { workbookFromXlsx(encrypted, "secreto.xlsx"); });
    CHECK(e.where() == "secreto.xlsx");
    CHECK(e.reason() == "encrypted or not an xlsx: the workbook is password-protected; save a copy without a password");

    e = refusal([&] { workbookFromXlsx("id,nombre\n1,a\n", "datos.xlsx"); });
    CHECK(e.what() == std::string("datos.xlsx: not an xlsx file (it is no zip archive)"));
}

TEST_CASE("XlsxReader - a truncated workbook is refused as a damaged archive") {
    const std::string bytes = fileBytes(kFixtures + "openpyxl_chain.xlsx");
    auto e = refusal([&] { workbookFromXlsx(bytes.substr(0, bytes.size() / 2), "cortado.xlsx"); });
    CHECK(e.where() == "cortado.xlsx");
    CHECK(e.reason() == "not a zip archive (damaged or truncated?)");

    // Central directory intact, a part's data damaged: the CRC or inflate fails.
    std::string damaged = test::zipOf(xlsxParts(R"(<row r="1"><c><v>1</v></c></row>)"));
    const std::size_t at = damaged.find("xl/worksheets/sheet1.xml") + 30;  // into the deflated data
    damaged[at] = static_cast<char>(damaged[at] ^ 0x55);
    damaged[at + 1] = static_cast<char>(damaged[at + 1] ^ 0x55);
    e = refusal([&] { workbookFromXlsx(damaged, "x.xlsx"); });
    CHECK(e.where() == "x.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason().find("the zip archive is damaged") == 0);
}

TEST_CASE("XlsxReader - a zip bomb is refused by its declared ratio and by the bytes it inflates to") {
    auto parts = xlsxParts("");
    parts["xl/worksheets/sheet1.xml"] = std::string("<worksheet ") + kMainNs + "><sheetData>" +
                                        std::string(8 << 20, ' ') + "</sheetData></worksheet>";
    const std::string bomb = test::zipOf(parts);
    CHECK(bomb.size() < 40'000);
    auto e = refusal([&] { workbookFromXlsx(bomb, "bomba.xlsx"); });
    CHECK(e.where() == "bomba.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason().find("declares " + std::to_string(parts["xl/worksheets/sheet1.xml"].size()) + " bytes from ") == 0);
    CHECK(e.reason().find(": compressed more than 200:1, refused as a possible zip bomb") != std::string::npos);

    // The same archive lying about its size: the local and central headers claim
    // 200 bytes; the bytes are counted while inflating.
    std::string liar = bomb;
    auto patchSize = [&](const std::string& signature, std::size_t sizeOffset) {
        for (std::size_t at = liar.find(signature); at != std::string::npos; at = liar.find(signature, at + 1)) {
            const std::size_t nameLength = static_cast<unsigned char>(liar[at + (signature[2] == 1 ? 28 : 26)]);
            const std::size_t nameAt = at + (signature[2] == 1 ? 46 : 30);
            if (liar.compare(nameAt, nameLength, "xl/worksheets/sheet1.xml") != 0) continue;
            liar[at + sizeOffset] = static_cast<char>(200);
            for (int k = 1; k < 4; ++k) liar[at + sizeOffset + k] = 0;
        }
    };
    patchSize(std::string("PK\x03\x04", 4), 22);
    patchSize(std::string("PK\x01\x02", 4), 24);
    e = refusal([&] { workbookFromXlsx(liar, "bomba.xlsx"); });
    CHECK(e.where() == "bomba.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason() == "inflates to more than the 200 bytes it declares; the zip archive is damaged or crafted");

    SpreadsheetLimits onePart;
    onePart.maxEntryBytes = 1000;
    e = refusal([&] { workbookFromXlsx(test::zipOf(xlsxParts(numberRowsSmall())), "x.xlsx", onePart); });
    CHECK(e.where() == "x.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason() == "declares more than 1000 bytes (limit for this part)");

    // Below the ratio limit but above the total.
    SpreadsheetLimits small;
    small.maxTotalBytes = 1 << 20;
    e = refusal([&] { workbookFromXlsx(bomb, "bomba.xlsx", small); });
    CHECK(e.reason() == "declares more than the 1 MiB read in all from one workbook");
}

TEST_CASE("XlsxReader - a DOCTYPE, entity or billion-laughs part is refused with its place") {
    auto parts = xlsxParts(R"(<row r="1"><c t="s"><v>0</v></c></row>)", "<si><t>a</t></si>");
    parts["xl/sharedStrings.xml"] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE sst [\n <!ENTITY a \"aaaaaaaaaa\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>";
    auto e = refusal([&] { readParts(parts); });
    CHECK(e.where() == "x.xlsx: xl/sharedStrings.xml:2:15");  // expat reports the DOCTYPE where its subset opens
    CHECK(e.reason() == "a DOCTYPE declaration (entities) is not allowed in a workbook part");

    parts["xl/sharedStrings.xml"] = "<!DOCTYPE sst SYSTEM \"file:///etc/passwd\"><sst><si><t>x</t></si></sst>";
    e = refusal([&] { readParts(parts); });
    CHECK(e.where() == "x.xlsx: xl/sharedStrings.xml:1:42");  // ... or, without one, where it ends
}

TEST_CASE("XlsxReader - malformed XML names the part, line and column") {
    auto parts = xlsxParts("");
    parts["xl/worksheets/sheet1.xml"] = "<worksheet>\n<sheetData>\n  <row r=\"1\"><c><v>1</v></row>";
    auto e = refusal([&] { readParts(parts); });
    CHECK(e.where() == "x.xlsx: xl/worksheets/sheet1.xml:3:27");  // the name in </row>
    CHECK(e.reason() == "malformed XML: mismatched tag");
}

TEST_CASE("XlsxReader - missing parts and dangling relationships are named") {
    auto parts = xlsxParts(R"(<row r="1"><c><v>1</v></c></row>)");
    parts.erase("xl/worksheets/sheet1.xml");
    auto e = refusal([&] { readParts(parts); });
    CHECK(e.where() == "x.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason() == "this part is missing from the workbook");

    parts = xlsxParts(R"(<row r="1"><c><v>1</v></c></row>)");
    parts["xl/workbook.xml"] = std::string("<workbook ") + kMainNs + R"(><sheets><sheet name="Hoja1" sheetId="1" r:id="rId9"/></sheets></workbook>)";
    e = refusal([&] { readParts(parts); });
    CHECK(e.where() == "x.xlsx: xl/workbook.xml:1:" + std::to_string(std::string("<workbook ").size() + std::string(kMainNs).size() + 10));  // <sheet
    CHECK(e.reason() == "sheet 'Hoja1' refers to relationship rId9, which xl/_rels/workbook.xml.rels does not have");

    parts = xlsxParts("");
    parts.erase("xl/workbook.xml");
    parts.erase("_rels/.rels");
    e = refusal([&] { readParts(parts); });
    CHECK(e.what() == std::string("x.xlsx: not an xlsx workbook: it has no xl/workbook.xml"));
}

TEST_CASE("XlsxReader - cell references outside the grid, twice or out of order are refused with the cell") {
    auto e = refusal([] { readRows(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)"); });
    CHECK(e.where() == "x.xlsx: Hoja1!XFE1");
    CHECK(e.reason() == "a cell at row 1, column 16385 lies outside the sheet (rows 1 to 1048576, columns A to XFD)");

    e = refusal([] { readRows(R"(<row r="1048577"><c r="A1048577"><v>1</v></c></row>)"); });
    CHECK(e.where().find("x.xlsx: xl/worksheets/sheet1.xml:1:") == 0);
    CHECK(e.reason() == "row number '1048577' is outside the sheet (1 to 1048576)");

    e = refusal([] { readRows(R"(<row r="5"><c r="AAAA5"><v>1</v></c></row>)"); });
    CHECK(e.reason() == "cell reference 'AAAA5' is not a cell of the sheet (A1 to XFD1048576)");

    e = refusal([] { readRows(R"(<row r="5"><c r="B5"><v>1</v></c><c r="A5"><v>2</v></c></row>)"); });
    CHECK(e.where() == "x.xlsx: Hoja1!A5");
    CHECK(e.reason() == "this cell comes after B5 in the file: cells out of order or given twice");

    e = refusal([] { readRows(R"(<row r="5"><c r="B5"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>)"); });
    CHECK(e.where() == "x.xlsx: Hoja1!B2");

    e = refusal([] { readRows(R"(<row r="5"><c r="B6"><v>1</v></c></row>)"); });
    CHECK(e.reason() == "cell B6 lies in row 5 of the file");
}

TEST_CASE("XlsxReader - values that contradict their cell type are refused with the cell") {
    auto e = refusal([] { readRows(R"(<row r="7"><c r="D7"><v>12,5</v></c></row>)"); });
    CHECK(e.where() == "x.xlsx: Hoja1!D7");
    CHECK(e.reason() == "'12,5' is not a number, yet the cell says it holds one");
    e = refusal([] { readRows(R"(<row r="7"><c r="D7"><v>inf</v></c></row>)"); });
    CHECK(e.reason() == "'inf' is not a number, yet the cell says it holds one");
    e = refusal([] { readRows(R"(<row r="2"><c r="C2" t="s"><v>1</v></c></row>)", "<si><t>a</t></si>"); });
    CHECK(e.where() == "x.xlsx: Hoja1!C2");
    CHECK(e.reason() == "shared string 1 does not exist (the workbook has 1)");
    e = refusal([] { readRows(R"(<row r="2"><c r="C2" t="b"><v>2</v></c></row>)"); });
    CHECK(e.reason() == "'2' is not a boolean, yet the cell says it holds one");
    e = refusal([] { readRows(R"(<row r="2"><c r="C2" t="d"><v>2023-02-29</v></c></row>)"); });
    CHECK(e.reason() == "'2023-02-29' is not a date from 1900 to 9999, yet the cell says it holds one");
    e = refusal([] { readRows(R"(<row r="2"><c r="C2" t="x"><v>1</v></c></row>)"); });
    CHECK(e.reason() == "unknown cell type 'x'");
}

TEST_CASE("XlsxReader - shared strings: a huge declared count allocates nothing, a real one past the limit is refused") {
    const SheetTable t = readRows(R"(<row r="1"><c t="s"><v>1</v></c></row>)",
                                  R"(<si><t>a</t></si><si><t>b</t></si>)");
    checkCell(t.rows.at(0).at(0), Kind::Text, "b");

    auto parts = xlsxParts(R"(<row r="1"><c t="s"><v>1</v></c></row>)", "<si/>");
    parts["xl/sharedStrings.xml"] = std::string("<sst ") + kMainNs + R"( count="4294967295" uniqueCount="4294967295"><si><t>a</t></si><si><t>b</t></si></sst>)";
    checkCell(readParts(parts).sheets.at(0).rows.at(0).at(0), Kind::Text, "b");

    SpreadsheetLimits limits;
    limits.maxSharedStrings = 2;
    parts["xl/sharedStrings.xml"] = "<sst>\n<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>";
    auto e = refusal([&] { readParts(parts, limits); });
    CHECK(e.where() == "x.xlsx: xl/sharedStrings.xml:2:35");  // the third <si>
    CHECK(e.reason() == "more than 2 shared strings; Traza reads at most that many");

    limits = {};
    limits.maxSharedStringBytes = 1 << 20;
    parts["xl/sharedStrings.xml"] = "<sst><si><t>" + std::string((1 << 20) + 1, 'x') + "</t></si></sst>";
    e = refusal([&] { readParts(parts, limits); });
    CHECK(e.reason() == "the shared strings hold more than 1 MiB of text; Traza reads at most that much");
}

TEST_CASE("XlsxReader - the cell budget counts the empty cells that pad rows") {
    SpreadsheetLimits limits;
    limits.maxCells = 1000;
    // Two cells, but padding makes 40 rows x 26 columns = 1040 cells.
    std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c></row>)";
    for (int r = 2; r <= 40; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
    rows += R"(<row r="41"><c r="Z41"><v>1</v></c></row>)";
    auto e = refusal([&] { readParts(xlsxParts(rows), limits); });
    // Rows 1-40 cost 1 cell each while read, row 41 costs 26; padding then adds
    // 25 a row: 66 + 37 x 25 = 991, and row 38's padding passes 1000.
    CHECK(e.where() == "x.xlsx: Hoja1!Z38");
    CHECK(e.reason() == "the workbook has more cells than Traza reads (at most 1000, counting the empty cells that fill each row to its sheet's width)");

    limits.maxCells = 1066;  // 40 x 26 + 26
    CHECK(readParts(xlsxParts(rows), limits).sheets.at(0).rows.size() == 41);
}

TEST_CASE("XlsxReader - archives with too many entries or sheets are refused") {
    SpreadsheetLimits limits;
    limits.maxEntries = 5;
    auto parts = xlsxParts("");
    parts["docProps/app.xml"] = "<x/>";
    auto e = refusal([&] { readParts(parts, limits); });
    CHECK(e.where() == "x.xlsx");
    CHECK(e.reason() == "the zip archive has 7 entries; at most 5 are read");
}

// ---- large parts: inflated on a second thread while parsed ----------------

namespace {

// A sheet of `rows` rows of three numbers (row, row * 2, row * 3): ~1.6 MiB of XML for 20 000.
std::string numberRows(int rows, int badRow = 0) {
    std::string xml;
    for (int r = 1; r <= rows; ++r) {
        const std::string n = std::to_string(r);
        xml += "<row r=\"" + n + "\"><c r=\"A" + n + "\"><v>" + n + "</v></c><c r=\"B" + n + "\"><v>" +
               (r == badRow ? std::string("x") : std::to_string(2 * r)) + "</v></c><c r=\"C" + n + "\"><v>" +
               std::to_string(3 * r) + "</v></c></row>";
    }
    return xml;
}

}  // namespace

TEST_CASE("XlsxReader - a large sheet inflated ahead on a second thread is read whole and in order") {
    const auto parts = xlsxParts(numberRows(20'000));
    REQUIRE(parts.at("xl/worksheets/sheet1.xml").size() > (1 << 20));
    const SheetTable t = readParts(parts).sheets.at(0);
    REQUIRE(t.rows.size() == 20'000);
    for (std::size_t i = 0; i < t.rows.size(); i += 997) {
        REQUIRE(t.rows[i].size() == 3);
        CHECK(t.rows[i][0].line == i + 1);
        CHECK(t.rows[i][0].number == static_cast<double>(i + 1));
        CHECK(t.rows[i][2].number == static_cast<double>(3 * (i + 1)));
    }
    checkCell(t.rows.back()[1], Kind::Number, "40000", 40000);
}

TEST_CASE("XlsxReader - an error in the middle of a large sheet stops the inflating thread and names the cell") {
    auto e = refusal([] { readParts(xlsxParts(numberRows(20'000, 9'000))); });
    CHECK(e.where() == "x.xlsx: Hoja1!B9000");
    CHECK(e.reason() == "'x' is not a number, yet the cell says it holds one");

    // A stored (uncompressed) large part whose bytes changed after its CRC was taken:
    // the XML still parses, the CRC check at its end fails.
    std::string damaged = test::zipOf(xlsxParts(numberRows(20'000)), true);
    const std::size_t at = damaged.find("<v>15000</v>");
    REQUIRE(at != std::string::npos);
    damaged[at + 3] = '2';
    e = refusal([&] { workbookFromXlsx(damaged, "x.xlsx"); });
    CHECK(e.where() == "x.xlsx: xl/worksheets/sheet1.xml");
    CHECK(e.reason() == "the zip archive is damaged (CRC error)");
}

// ---- large workbooks: two sheets read at once -------------------------------

namespace {

// xlsxParts with `count` sheets "S1".."Sn", sheet i holding numberRows(rows[i], badRow[i]).
std::map<std::string, std::string> sheetsParts(const std::vector<int>& rows, const std::vector<int>& badRows) {
    auto parts = xlsxParts("");
    std::string sheets, rels;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        sheets += "<sheet name=\"S" + n + "\" sheetId=\"" + n + "\" r:id=\"rId1" + n + "\"/>";
        rels += std::string("<Relationship Id=\"rId1") + n + "\" Type=\"" + kRelNs + "worksheet\" Target=\"worksheets/s" + n + ".xml\"/>";
        parts["xl/worksheets/s" + n + ".xml"] =
            std::string("<worksheet ") + kMainNs + "><sheetData>" + numberRows(rows[i], badRows[i]) + "</sheetData></worksheet>";
    }
    parts.erase("xl/worksheets/sheet1.xml");
    parts["xl/workbook.xml"] = std::string("<workbook ") + kMainNs + "><sheets>" + sheets + "</sheets></workbook>";
    parts["xl/_rels/workbook.xml.rels"] =
        std::string(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") + rels +
        R"(<Relationship Id="rId2" Type=")" + kRelNs + R"(styles" Target="styles.xml"/></Relationships>)";
    return parts;
}

}  // namespace

TEST_CASE("XlsxReader - sheets read two at a time come out as one thread reads them") {
    const auto parts = sheetsParts({3'000, 20'000, 5, 17'000}, {0, 0, 0, 0});
    SpreadsheetLimits two;
    two.twoThreadsFrom = 0;
    SpreadsheetLimits one;
    one.twoThreadsFrom = UINT64_MAX;
    const Workbook a = readParts(parts, two), b = readParts(parts, one);
    REQUIRE(a.sheets.size() == 4);
    REQUIRE(b.sheets.size() == 4);
    const std::size_t rows[] = {3'000, 20'000, 5, 17'000};
    for (std::size_t s = 0; s < 4; ++s) {
        CHECK(a.sheets[s].sheet == "S" + std::to_string(s + 1));
        REQUIRE(a.sheets[s].rows.size() == rows[s]);
        REQUIRE(b.sheets[s].rows.size() == rows[s]);
        for (std::size_t r = 0; r < rows[s]; r += 331) {
            CHECK(a.sheets[s].rows[r][0].line == r + 1);
            CHECK(a.sheets[s].rows[r][1].number == static_cast<double>(2 * (r + 1)));
            CHECK(a.sheets[s].rows[r][2].text == b.sheets[s].rows[r][2].text);
        }
    }
}

TEST_CASE("XlsxReader - of two sheets read at once, the error of the first in workbook order is reported") {
    SpreadsheetLimits two;
    two.twoThreadsFrom = 0;
    // Sheet 2 fails late and sheet 3 early: a single thread meets sheet 2's error first, and so must two.
    for (int i = 0; i < 5; ++i) {
        auto e = refusal([&] { readParts(sheetsParts({10, 20'000, 20'000}, {0, 19'000, 3}), two); });
        CHECK(e.where() == "x.xlsx: S2!B19000");
        CHECK(e.reason() == "'x' is not a number, yet the cell says it holds one");
    }
    // The cell budget is shared by both threads.
    two.maxCells = 50'000;
    auto e = refusal([&] { readParts(sheetsParts({10, 20'000, 20'000}, {0, 0, 0}), two); });
    CHECK(e.reason().find("the workbook has more cells than Traza reads (at most 50000") == 0);
    two.maxCells = 120'030;  // 3 x (10 + 20 000 + 20 000)
    CHECK(readParts(sheetsParts({10, 20'000, 20'000}, {0, 0, 0}), two).sheets.size() == 3);
}

TEST_CASE("XlsxReader - rows given to a sink are the rows kept, and the checks are the same") {
    const auto parts = sheetsParts({3'000, 20'000, 5}, {0, 0, 0});
    for (const std::uint64_t from : {std::uint64_t(0), UINT64_MAX}) {  // two threads, one
        SpreadsheetLimits limits;
        limits.twoThreadsFrom = from;
        const Workbook kept = readParts(parts, limits);
        std::vector<std::vector<SheetCell>> streamed;
        const Workbook book = workbookFromXlsx(test::zipOf(parts), "x.xlsx", limits, [&](const std::vector<std::string>& names) {
            REQUIRE(names == std::vector<std::string>{"S1", "S2", "S3"});
            std::vector<RowSink> sinks(names.size());
            sinks[1] = [&](std::vector<SheetCell>& row) { streamed.push_back(row); };
            return sinks;
        });
        CHECK(book.sheets[1].rows.empty());
        CHECK(book.sheets[1].sheet == "S2");
        CHECK(book.sheets[0].rows.size() == 3'000);
        REQUIRE(streamed.size() == kept.sheets[1].rows.size());
        for (std::size_t r = 0; r < streamed.size(); r += 97) {
            REQUIRE(streamed[r].size() == kept.sheets[1].rows[r].size());
            for (std::size_t c = 0; c < streamed[r].size(); ++c) {
                CHECK(streamed[r][c].line == kept.sheets[1].rows[r][c].line);
                CHECK(streamed[r][c].text == kept.sheets[1].rows[r][c].text);
            }
        }
    }
    // The cell budget counts the padding of a streamed row narrower than a later one, as if kept.
    const std::string rows = R"(<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>)"
                             R"(<row r="3"><c r="A3"><v>3</v></c><c r="C3"><v>3</v></c></row>)";
    SpreadsheetLimits small;
    small.maxCells = 8;  // 3 rows x 3 columns once padded
    const auto keptError = refusal([&] { readParts(xlsxParts(rows), small); });
    const auto sunkError = refusal([&] {
        workbookFromXlsx(test::zipOf(xlsxParts(rows)), "x.xlsx", small,
                         [](const std::vector<std::string>&) { return std::vector<RowSink>{[](std::vector<SheetCell>&) {}}; });
    });
    CHECK(sunkError.where() == keptError.where());
    CHECK(sunkError.reason() == keptError.reason());
    small.maxCells = 9;
    CHECK_NOTHROW(workbookFromXlsx(test::zipOf(xlsxParts(rows)), "x.xlsx", small,
                                   [](const std::vector<std::string>&) { return std::vector<RowSink>{[](std::vector<SheetCell>&) {}}; }));
}
