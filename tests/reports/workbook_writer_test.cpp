#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "error.h"
#include "fast_cells.h"
#include "fast_deflate.h"
#include "tmpfile_buffer.h"
#include "report_fixture.h"
#include "workbook_writer.h"
#include "spreadsheet/zip_archive.h"

using namespace traza::reports;

TEST_CASE("WorkbookWriter - cell names follow Excel's A1 notation", "[writer]") {
    CHECK(columnName(0) == "A");
    CHECK(columnName(25) == "Z");
    CHECK(columnName(26) == "AA");
    CHECK(columnName(701) == "ZZ");
    CHECK(columnName(702) == "AAA");
    CHECK(columnName(16383) == "XFD");  // Excel's last column
    CHECK(cellName(6, 1) == "B7");
    CHECK(cellName(0, 27, true) == "$AB$1");
    CHECK(rangeName(2, 0, 9, 3) == "A3:D10");
    CHECK(quotedSheet("Red flags") == "'Red flags'");
    CHECK(quotedSheet("Bob's") == "'Bob''s'");
}

TEST_CASE("WorkbookWriter - cell text is valid XML text and fits a cell", "[writer]") {
    CHECK(cellText("Bogotá – 5%") == "Bogotá – 5%");
    CHECK(cellText("tab\there\nline") == "tab\there\nline");
    CHECK(cellText(std::string("a\x01\x07" "b\r", 5)) == "ab");  // XML 1.0 forbids these controls
    CHECK(cellText("bad \xC3 end") == "bad \xEF\xBF\xBD end");  // truncated sequence
    CHECK(cellText("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    CHECK(cellText("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(cellText("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // emoji kept
    CHECK(cellText(std::string(40000, 'x')).size() == 32767);
}

TEST_CASE("WorkbookWriter - rows out of order are refused in both memory modes", "[writer]") {
    const bool constantMemory = GENERATE(false, true);
    traza::reports::test::ScratchDir dir;
    {
        Workbook book(dir.path() / "order.xlsx", constantMemory);
        Sheet s = book.addSheet("S");
        s.text(0, 0, "a");
        s.number(3, 1, 2.5);
        s.number(3, 0, 1.0);  // same row, another column: fine
        CHECK_THROWS_AS(s.text(2, 0, "late"), traza::Error);
        // Never closed: the destructor frees it and writes nothing.
    }
    CHECK(dir.files().empty());
}

TEST_CASE("WorkbookWriter - libxlsxwriter errors become traza::Error with the reason", "[writer]") {
    traza::reports::test::ScratchDir dir;
    Workbook book(dir.path() / "bad.xlsx", false);
    CHECK_THROWS_AS(book.addSheet("bad:name"), traza::Error);
    Sheet s = book.addSheet("ok");
    CHECK_THROWS_WITH(s.number(2000000, 0, 1), Catch::Contains("ok!A2000001"));  // past Excel's last row
    // close() reports a file that cannot be created.
    Workbook nowhere(dir.path() / "missing" / "x.xlsx", false);
    nowhere.addSheet("S");
    CHECK_THROWS_WITH(nowhere.close(), Catch::Contains("Excel writer: writing the file"));
}

namespace {

// The general-purpose flags of every local file header of a zip: bits 1-2 are
// the deflate option (APPNOTE 4.4.4), 11 when the part was deflated at level 1.
std::vector<unsigned> deflateOptions(const std::filesystem::path& zip) {
    std::ifstream in(zip, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<unsigned> options;
    for (std::size_t at = bytes.find("PK\x03\x04"); at != std::string::npos && at + 8 <= bytes.size();
         at = bytes.find("PK\x03\x04", at + 4))
        options.push_back((static_cast<unsigned char>(bytes[at + 6]) >> 1) & 3u);
    return options;
}

}  // namespace

TEST_CASE("WorkbookWriter - every part is deflated at the level asked for", "[writer]") {
    traza::reports::test::ScratchDir dir;
    const auto write = [&](const std::string& name) {
        Workbook book(dir.path() / name, false);
        Sheet s = book.addSheet("S");
        for (int r = 0; r < 200; ++r) s.text(r, 0, "the same text on every row, to be deflated");
        book.close();
        return deflateOptions(dir.path() / name);
    };
    const int before = workbookDeflateLevel();
    CHECK(before == 1);  // Traza's choice (fast_deflate.h)
    const std::vector<unsigned> fast = write("fast.xlsx");
    CHECK(fastDeflateActive());
    REQUIRE(fast.size() >= 8);  // content types, rels, workbook, sheet, styles, ...
    CHECK(std::all_of(fast.begin(), fast.end(), [](unsigned o) { return o == 3; }));

    setWorkbookDeflateLevel(-1);  // libxlsxwriter's own choice, zlib's default 6: option 00
    const std::vector<unsigned> normal = write("normal.xlsx");
    setWorkbookDeflateLevel(before);
    CHECK(std::all_of(normal.begin(), normal.end(), [](unsigned o) { return o == 0; }));
    CHECK(std::filesystem::file_size(dir.path() / "fast.xlsx") >= std::filesystem::file_size(dir.path() / "normal.xlsx"));
}

namespace {

// Sheet 1's XML as a workbook file holds it.
std::string writtenSheet1Xml(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    traza::model::ZipArchive zip(bytes, file.filename().string(), traza::model::SpreadsheetLimits{});
    return zip.read("xl/worksheets/sheet1.xml");
}

// Sheet 1's XML of a workbook of numbers, texts and formulas, written with or
// without fast_cells.h's interposers.
std::string cellsXml(const std::filesystem::path& file, bool constantMemory, bool fast) {
    setFastCells(fast);
    {
        Workbook book(file, constantMemory);
        Sheet s = book.addSheet("S");
        lxw_format* bold = book.addFormat();
        format_set_bold(bold);
        const double numbers[] = {0,    -0.0, 1,       12.5,  173.8, 1.0 / 3, -2.0 / 3 * 1e-7, 1e15, 1e16, 1.5e17,
                                  5e-324, 1.7976931348623157e308, 0.1, 0.57, 85000, -4, 1e-5, 123456.78901234567};
        const char* texts[] = {"F1", " leading", "trailing ", "a & b <c> \"q\" 'x'", "\tTab", "Bogotá – 5%", "x\ny", "&&"};
        int r = 0;
        for (double n : numbers) {
            s.number(r, 0, n);
            s.number(r, 27, n, bold);
            s.formula(r, 2, "=A" + std::to_string(r + 1) + "*1", n);
            s.formula(r, 3, "=IF(A1<1,\"<&>\",A1)", n, bold);
            ++r;
        }
        for (const char* t : texts) {
            s.text(r, 0, t);
            s.text(r, 5, t, bold);
            ++r;
        }
        s.number(1048575, 16383, 7);  // Excel's last cell
        book.close();
    }
    setFastCells(true);
    return writtenSheet1Xml(file);
}

}  // namespace

TEST_CASE("WorkbookWriter - cells are written byte for byte as libxlsxwriter writes them", "[writer]") {
    // fast_cells.h writes numbers, references and texts without printf; the
    // reference is the library's own functions, and printf for the numbers.
    const bool constantMemory = GENERATE(false, true);
    traza::reports::test::ScratchDir dir;
    const std::string fast = cellsXml(dir.path() / "fast.xlsx", constantMemory, true);
    CHECK(fastCellsActive());
    const std::string library = cellsXml(dir.path() / "library.xlsx", constantMemory, false);
    CHECK(fast == library);
    char printed[100];
    std::snprintf(printed, sizeof printed, "<c r=\"AB6\" s=\"1\"><v>%.16G</v></c>", 1.0 / 3);
    CHECK(fast.find(printed) != std::string::npos);
    std::snprintf(printed, sizeof printed, "<f>A10*1</f><v>%.16G</v>", 1.5e17);
    CHECK(fast.find(printed) != std::string::npos);
    CHECK(fast.find("<c r=\"XFD1048576\"><v>7</v></c>") != std::string::npos);
    if (constantMemory) CHECK(fast.find("<t xml:space=\"preserve\">trailing </t>") != std::string::npos);
}

TEST_CASE("WorkbookWriter - temporary files go through Traza's buffers, every row intact", "[writer]") {
    // 30 000 rows of a constant-memory sheet: about 2 MB of XML, many times the
    // 256 KB buffer (tmpfile_buffer.h), written and then read back into the zip.
    traza::reports::test::ScratchDir dir;
    const auto file = dir.path() / "rows.xlsx";
    constexpr int kRows = 30000;
    {
        Workbook book(file, true);
        Sheet s = book.addSheet("S");
        for (int r = 0; r < kRows; ++r) {
            s.number(r, 0, r);
            s.text(r, 1, "row " + std::to_string(r));
        }
        book.close();
    }
    CHECK(tmpfileBufferActive());
    const std::string xml = writtenSheet1Xml(file);
    std::size_t rows = 0;
    for (std::size_t at = xml.find("<row "); at != std::string::npos; at = xml.find("<row ", at + 1)) ++rows;
    CHECK(rows == static_cast<std::size_t>(kRows));
    CHECK(xml.find("<t>row 0</t>") != std::string::npos);
    CHECK(xml.find("<c r=\"A30000\"><v>29999</v></c><c r=\"B30000\" t=\"inlineStr\"><is><t>row 29999</t></is></c></row>") !=
          std::string::npos);
    CHECK(xml.size() > 1500000);
}
