// The xlsx reader against workbooks written by independent programs (openpyxl,
// LibreOffice; tests/model/data/spreadsheets/make_fixtures.py) and against
// hand-built packages (zip_builder.h) for the details and the hostile cases.
#include "xlsx_reader_fixtures.h"

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
