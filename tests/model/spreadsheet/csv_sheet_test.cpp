#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "error.h"
#include "spreadsheet/csv_sheet.h"
#include "spreadsheet/locale_number.h"

using namespace traza::model;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(TRAZA_MODEL_FIXTURES) / "spreadsheet";

// The InvalidInput that reading `bytes` as "actores.csv" must throw.
traza::InvalidInput csvErrorOf(const std::string& bytes) {
    try {
        csvToSheetTable(bytes, "actores.csv");
    } catch (const traza::InvalidInput& e) {
        return e;
    }
    FAIL("expected InvalidInput");
    throw;
}

double number(const SheetTable& t, std::size_t row, std::size_t column) {
    const SheetCell& cell = t.rows.at(row).at(column - 1);
    std::string why;
    const auto v = parseLocaleNumber(cell.text, t.decimalMark, &why);
    INFO(t.location(cell) << ": " << why);
    REQUIRE(v);
    return *v;
}

}  // namespace

TEST_CASE("CsvSheet - a file written by Python's csv module as a Spanish Excel would: cp1252, ';', decimal commas") {
    const SheetTable t = readCsvSheet(kFixtures / "python_es_cp1252.csv");
    CHECK(t.file == (kFixtures / "python_es_cp1252.csv").string());
    CHECK(t.sheet.empty());
    CHECK(t.notes == std::vector<std::string>{"read as Windows-1252 and converted to UTF-8", "separator: semicolon", "decimal mark: comma"});
    CHECK(t.decimalMark == DecimalMark::Comma);
    CHECK(detectDecimalMark(t) == t.decimalMark);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0][3].text == "toneladas");
    CHECK(t.rows[1][5].text == "Organización — Bogotá");
    CHECK(number(t, 1, 4) == 173.8);
    CHECK(number(t, 1, 5) == 1234.5);
    CHECK(number(t, 2, 4) == 3200000);
    CHECK(number(t, 2, 5) == 0.25);
    CHECK(t.rows[2][5].text == "dijo \"sí\"; pagó 5 €");
    CHECK(number(t, 3, 4) == 1.5);  // "1,500": ambiguous alone, read by the comma the file shows
    CHECK(t.rows[3][4].kind == SheetCell::Kind::Empty);
    CHECK(t.rows[3][5].text == "línea 1\nlínea 2");
    CHECK(t.location(t.rows[3][5]) == t.file + ":4:6");
}

TEST_CASE("CsvSheet - a file LibreOffice exported with Spanish settings (cp1252, ';', numbers as shown)") {
    const SheetTable t = readCsvSheet(kFixtures / "libreoffice_es_cp1252.csv");
    CHECK(t.notes == std::vector<std::string>{"read as Windows-1252 and converted to UTF-8", "separator: semicolon", "decimal mark: comma"});
    REQUIRE(t.rows.size() == 3);
    REQUIRE(t.rows[0].size() == 4);
    CHECK(t.rows[0][0].text == "id");  // LibreOffice quotes every text cell
    CHECK(t.rows[1][1].text == "Organización Bogotá €");
    CHECK(t.rows[2][1].text == "Exportadora; S.A. “Ñandú”");
    CHECK(t.rows[1][2].text == "173,8");
    CHECK(number(t, 1, 3) == 173.8);
    CHECK(number(t, 1, 4) == 1234.5);  // "1.234,50"
    CHECK(number(t, 2, 3) == 0.3);     // 0.25 shown with one decimal: "0,3"
    CHECK(number(t, 2, 4) == 3200000);  // "3.200.000,00"
}

TEST_CASE("CsvSheet - cells: Empty for an empty unquoted field, Text otherwise; rows padded; empty rows dropped") {
    const SheetTable t = csvToSheetTable("id;nombre;t\r\n;;\r\norg1;\"\";5\r\n\r\nexpA\r\n;;;\r\n", "actores.csv");
    CHECK(t.notes == std::vector<std::string>{"separator: semicolon"});
    CHECK(t.decimalMark == DecimalMark::Unknown);
    REQUIRE(t.rows.size() == 3);
    const std::vector<SheetCell>& org = t.rows[1];
    REQUIRE(org.size() == 3);
    CHECK(org[0].kind == SheetCell::Kind::Text);
    CHECK(org[1].kind == SheetCell::Kind::Text);  // "" was typed
    CHECK(org[1].text.empty());
    CHECK(org[2].line == 3);
    CHECK(org[2].column == 3);
    const std::vector<SheetCell>& exp = t.rows[2];
    REQUIRE(exp.size() == 3);  // padded
    CHECK(exp[2].kind == SheetCell::Kind::Empty);
    CHECK(t.location(exp[2]) == "actores.csv:5:3");
}

TEST_CASE("CsvSheet - the same rows written by Python as Excel's Unicode text: UTF-16 LE, TAB") {
    const SheetTable t = readCsvSheet(kFixtures / "python_unicode_text.txt");
    CHECK(t.notes == std::vector<std::string>{"read as UTF-16 LE (\"Unicode text\") and converted to UTF-8", "separator: tab",
                                              "decimal mark: comma"});
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[1][5].text == "Organización — Bogotá");
    CHECK(number(t, 2, 4) == 3200000);
    CHECK(t.rows[2][5].text == "dijo \"sí\"; pagó 5 €");
    CHECK(number(t, 3, 4) == 1.5);
    CHECK(t.rows[3][5].text == "línea 1\nlínea 2");
}

TEST_CASE("CsvSheet - UTF-16 text with tabs, as Excel saves \"Unicode text\"") {
    const std::string bytes("\xFF\xFEi\0d\0\t\0t\0\r\0\n\0f\0\x31\0\t\0\x31\0,\0\x35\0\r\0\n\0", 30);
    const SheetTable t = csvToSheetTable(bytes, "f.txt");
    CHECK(t.notes == std::vector<std::string>{"read as UTF-16 LE (\"Unicode text\") and converted to UTF-8", "separator: tab",
                                              "decimal mark: comma"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1][1].text == "1,5");
}

TEST_CASE("CsvSheet - errors name file:line:column (the field's place) in the file's own dialect") {
    auto check = [](const traza::InvalidInput& e, const std::string& where, const std::string& reason) {
        INFO(e.what());
        CHECK(e.where() == where);
        CHECK_THAT(e.reason(), Catch::Contains(reason));
    };
    // An undefined Windows-1252 byte in the fifth field of line 3.
    check(csvErrorOf("id;a;b;c;nombre\r\norg1;1;2;3;Bogot\xE1\r\norg2;1;2;3;Medell\x81n\r\n"), "actores.csv:3:5",
          "byte 0x81 is not a character in Windows-1252");
    // The same byte inside a quoted field spanning lines: the line of the byte, as for a NUL byte.
    check(csvErrorOf("id;nombre;notas\norg1;\"Bogot\xE1\nl\xEDnea \x8D\";x\n"), "actores.csv:3:2", "byte 0x8D");
    check(csvErrorOf("id;nombre\norg1;Ex \"A\"\n"), "actores.csv:2:2", "quote inside an unquoted field");
    check(csvErrorOf("id;nombre\norg1;\"Ex\" A\n"), "actores.csv:2:2", "after the closing quote");
    check(csvErrorOf("id;nombre\norg1;\"Ex A\n"), "actores.csv:2:2", "not closed");
    check(csvErrorOf(std::string("id;nombre\norg1;Bogot\xE1\nor\0g2;x\n", 27)), "actores.csv:3:1", "NUL byte: this is not a text file");
    check(csvErrorOf("id\tnombre\norg1\tBogotá\norg2\tMedell\xEDn\n"), "actores.csv:3:2", "the file mixes two encodings");
    check(csvErrorOf(std::string("\xFF\xFEi\0\n\0x\0\x3D\xD8", 10)), "actores.csv:2:1", "unpaired surrogate");
}

TEST_CASE("CsvSheet - files above the size limit are refused before reading; unreadable files are IoError") {
    const fs::path dir = fs::temp_directory_path() / ("traza-csv-sheet-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path big = dir / "big.csv";
    std::ofstream(big) << "id";
    fs::resize_file(big, maxCsvBytes + 1);  // sparse
    try {
        readCsvSheet(big);
        FAIL("expected InvalidInput");
    } catch (const traza::InvalidInput& e) {
        CHECK(e.where() == big.string() + ":1:1");
        CHECK(e.reason() == "file too large (268435457 bytes; CSV import is limited to 256 MiB)");
    }
    CHECK_THROWS_AS(readCsvSheet(dir / "none.csv"), traza::IoError);
    fs::remove_all(dir);
}
