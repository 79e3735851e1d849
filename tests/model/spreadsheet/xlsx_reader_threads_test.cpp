// The xlsx reader's threads: a large sheet inflated ahead on a second thread, two
// sheets read at once, and rows handed to a sink; same rows, same errors.
#include "xlsx_reader_fixtures.h"

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
