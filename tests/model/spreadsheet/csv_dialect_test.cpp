#include <catch2/catch.hpp>

#include "spreadsheet/csv_dialect.h"

using namespace traza::model;

TEST_CASE("CsvDialect - the separator that splits the header and agrees with the rows wins") {
    CHECK(detectCsvSeparator("id,kind,name\norg1,exporter,A\n") == ',');
    CHECK(detectCsvSeparator("id;tipo;capacidad_t\norg1;exporter;173,8\nexpA;exporter;3.200,5\n") == ';');
    CHECK(detectCsvSeparator("id\tkind\tname\norg1\texporter\tA, B; C\n") == '\t');
    CHECK(detectCsvSeparator("id|kind\norg1|exporter\n") == '|');
    // Lists use ';' inside a comma file: the header has no ';', so ';' cannot win.
    CHECK(detectCsvSeparator("id,kind,risk_factors\norg1,exporter,cash_payments; no_invoice\n") == ',');
    // Separators inside quotes do not count, not even across a line break.
    CHECK(detectCsvSeparator("id;notas\n\"a,b,c\";\"x,\ny,z\"\nb;\"1,5\"\n") == ';');
    // A byte-order mark and blank lines change nothing.
    CHECK(detectCsvSeparator("\xEF\xBB\xBF\n\nid;tipo\r\n\r\norg1;exporter\r\n") == ';');
}

TEST_CASE("CsvDialect - agreement with the header's field count decides, then the wider header, then the order") {
    // ',' splits the header in 2 and the rows in 3 and 1; ';' splits all in 2: ';' agrees.
    CHECK(detectCsvSeparator("id;nota, breve\norg1;1.173,8 y 0,5\nexpA;5\n") == ';');
    // Both agree on every row: the one giving more columns.
    CHECK(detectCsvSeparator("a;b,c;d\n1;2,3;4\n") == ';');
    CHECK(detectCsvSeparator("a,b;c,d,e\n1,2;3,4,5\n") == ',');
    // Equal in both: the order , ; TAB |.
    CHECK(detectCsvSeparator("a;b,c\n") == ',');
    // Only the first 20 records are looked at.
    std::string text = "a;b,c\n";
    for (int i = 0; i < 19; ++i) text += "1;2,3\n";
    for (int i = 0; i < 50; ++i) text += "1;23\n";
    CHECK(detectCsvSeparator(text) == ',');
}

TEST_CASE("CsvDialect - a one-column or empty text falls back to the comma") {
    CHECK(detectCsvSeparator("") == ',');
    CHECK(detectCsvSeparator("id\norg1\n") == ',');
    CHECK(detectCsvSeparator("\"unclosed;quote\n") == ',');
}

TEST_CASE("CsvDialect - separator names for the import summary") {
    CHECK(separatorName(',') == "comma");
    CHECK(separatorName(';') == "semicolon");
    CHECK(separatorName('\t') == "tab");
    CHECK(separatorName('|') == "vertical bar");
}
