// The xlsx reader against hostile and broken packages: foreign formats, damaged
// archives, zip bombs, XML entities, bad references and values, the size limits;
// every refusal names the part or the cell.
#include "xlsx_reader_fixtures.h"

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
