#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "csv_import.h"
#include "csv_reader.h"
#include "error.h"

using namespace traza::model;
namespace fs = std::filesystem;

namespace {

const char* kActors =
    "id,kind,name\n"
    "org1,picker_organisation,Organisation 1\n"
    "expA,exporter,Exporter A\n";
const char* kFlows =
    "id,from,to,tonnes\n"
    "f1,org1,expA,173.8\n";

// A scratch directory with an actors.csv and a flows.csv, removed at the end.
class CsvFiles {
public:
    CsvFiles() : m_dir(fs::temp_directory_path() / ("traza-csv-test-" + std::to_string(::getpid()))) {
        fs::create_directories(m_dir);
    }
    ~CsvFiles() { fs::remove_all(m_dir); }
    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path p = m_dir / name;
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
    fs::path actors() const { return m_dir / "actors.csv"; }
    fs::path flows() const { return m_dir / "flows.csv"; }
    // Imports the two texts and returns the InvalidInput that must come out.
    traza::InvalidInput errorOf(const std::string& actorsText, const std::string& flowsText) const {
        write("actors.csv", actorsText);
        write("flows.csv", flowsText);
        try {
            readProjectCsv(actors(), flows(), Catalogue::installed());
        } catch (const traza::InvalidInput& e) {
            return e;
        }
        FAIL("expected InvalidInput");
        throw;
    }
    std::string at(const std::string& file, int line, int column) const {
        return (m_dir / file).string() + ":" + std::to_string(line) + ":" + std::to_string(column);
    }

private:
    fs::path m_dir;
};

// where() is exactly file:line:column, and what() starts with it.
void checkError(const traza::InvalidInput& e, const std::string& where, const std::string& reasonPart) {
    INFO(e.what());
    CHECK(e.where() == where);
    CHECK(std::string(e.what()).rfind(where + ": ", 0) == 0);
    CHECK_THAT(e.reason(), Catch::Contains(reasonPart));
}

}  // namespace

TEST_CASE("CsvImport - every column is read, in any order, with spec defaults") {
    CsvFiles files;
    files.write("actors.csv",
                "notes,risk_factors,public_service_provider,loss_t,stock_change_t,capacity_t,headcount,formality,region,"
                "country,stage,kind,name,id\n"
                "\"ECA, Barranquilla\",cash_payments; no_invoice,yes,0.5,-2,200,0,semi_formal,Barranquilla,CO,,"
                "picker_organisation,Organisation 1,org1\n"
                ",,,,,,,,,,6,other,Canmaker,can\n");
    files.write("flows.csv",
                "id,from,to,material,tonnes,documented_t,evidence,documents,payment,price_per_t,typology,period_start,"
                "period_end,notes\n"
                "f1,org1,can,UBC,173.8,8.69,self_declared,electronic_invoice;delivery_receipt,credit,1e3,rrrm-4,2025-01-01,"
                "2025-12-31,\"said \"\"ok\"\"\"\n");
    const Project p = readProjectCsv(files.actors(), files.flows(), Catalogue::installed());
    REQUIRE(p.actors.size() == 2);
    const Actor& a = p.actors[0];
    CHECK(a.id == "org1");
    CHECK(a.kind == ActorKind::PickerOrganisation);
    CHECK(a.stage == 2);  // empty stage: default of the kind
    CHECK(a.formality == Formality::SemiFormal);
    CHECK(a.capacityT == 200);
    CHECK(a.stockChangeT == -2);
    CHECK(a.lossT == 0.5);
    CHECK(a.publicServiceProvider);
    CHECK(a.riskFactors == std::vector<std::string>{"cash_payments", "no_invoice"});
    CHECK(a.notes == "ECA, Barranquilla");
    CHECK(p.actors[1].stage == 6);
    CHECK(p.actors[1].kind == ActorKind::Other);
    CHECK_FALSE(p.actors[1].publicServiceProvider);
    REQUIRE(p.flows.size() == 1);
    const Flow& f = p.flows[0];
    CHECK(f.tonnes == 173.8);
    CHECK(f.documentedT == 8.69);
    CHECK(f.evidence == Evidence::SelfDeclared);
    CHECK(f.documents == std::vector<std::string>{"electronic_invoice", "delivery_receipt"});
    CHECK(f.payment == Payment::Credit);
    CHECK(f.pricePerT == 1000);
    CHECK(f.typology == "rrrm-4");
    CHECK(f.periodStart == "2025-01-01");
    CHECK(f.periodEnd == "2025-12-31");
    CHECK(f.notes == "said \"ok\"");
}

TEST_CASE("CsvImport - quoted fields keep commas, line breaks and doubled quotes; line numbers follow") {
    CsvFiles files;
    files.write("actors.csv", "id,kind,notes\norg1,picker_organisation,\"two\nlines, \"\"quoted\"\"\"\nexpA,exporter,\n");
    files.write("flows.csv", kFlows);
    const Project p = readProjectCsv(files.actors(), files.flows(), Catalogue::installed());
    CHECK(p.actors[0].notes == "two\nlines, \"quoted\"");
    // A later error is reported on the physical line of the file (4, not 3).
    const auto e = files.errorOf("id,kind,notes\norg1,picker_organisation,\"two\nlines\"\nexpA,exporter_x,\n", kFlows);
    checkError(e, files.at("actors.csv", 4, 2), "unknown value \"exporter_x\"");
}

TEST_CASE("CsvImport - a UTF-8 byte-order mark and CRLF line ends are accepted") {
    CsvFiles files;
    files.write("actors.csv", "\xEF\xBB\xBFid,kind,name\r\norg1,picker_organisation,Organización 1\r\nexpA,exporter,\r\n\r\n");
    files.write("flows.csv", "\xEF\xBB\xBFid,from,to,tonnes\r\nf1,org1,expA,1.5\r\n");
    const Project p = readProjectCsv(files.actors(), files.flows(), Catalogue::installed());
    REQUIRE(p.actors.size() == 2);
    CHECK(p.actors[0].id == "org1");  // not "\xEF\xBB\xBFid" as a column
    CHECK(p.actors[0].name == "Organización 1");
    CHECK(p.flows[0].tonnes == 1.5);
}

TEST_CASE("CsvImport - header errors point at line 1 and the column") {
    CsvFiles files;
    checkError(files.errorOf("id,kind,colour\n", kFlows), files.at("actors.csv", 1, 3), "column \"colour\" is not one Traza knows for actors");
    checkError(files.errorOf("id,kind,name,id\n", kFlows), files.at("actors.csv", 1, 4), "column \"id\" means id, as column A (\"id\") does");
    checkError(files.errorOf(kActors, "id,from,to\nf1,org1,expA\n"), files.at("flows.csv", 1, 1), "no column means \"tonnes\" (required)");
    checkError(files.errorOf("", kFlows), files.at("actors.csv", 1, 1), "empty sheet");
    // An empty header over values is an error; over an empty column (Excel's trailing separators) it is ignored.
    checkError(files.errorOf("id,,kind\norg1,x,exporter\n", kFlows), files.at("actors.csv", 2, 2), "a value in column B, which has no header");
    CHECK(readProjectCsv(files.write("actors.csv", "id,,kind\norg1,,exporter\nexpA,,exporter\n"), files.write("flows.csv", kFlows), Catalogue::installed()).actors.size() == 2);
}

TEST_CASE("CsvImport - a value error names file, line and the column of the field") {
    CsvFiles files;
    // "1,5 t" quoted stays one field and is not a number; 1,5 unquoted is one field too many.
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,\"1,5 t\"\n"), files.at("flows.csv", 2, 4),
               "tonnes: not a number (\"1,5 t\"); write the number alone");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,1,5\n"), files.at("flows.csv", 2, 5), "a value in column E, which has no header (the header row names 4 columns)");
    // A short row leaves its last fields empty, as a spreadsheet shows it.
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA\n"), files.at("flows.csv", 2, 4), "tonnes: required value is empty");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,ten\n"), files.at("flows.csv", 2, 4), "not a number");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,1e999\n"), files.at("flows.csv", 2, 4), "out of range");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,inf\n"), files.at("flows.csv", 2, 4), "not a number");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,\n"), files.at("flows.csv", 2, 4), "tonnes: required value is empty");
    checkError(files.errorOf(kActors, "id,from,to,tonnes,evidence\nf1,org1,expA,3,hearsay\n"), files.at("flows.csv", 2, 5),
               "one of: none, self_declared, reported, documented, verified");
    checkError(files.errorOf(kActors, "id,from,to,tonnes,payment\nf1,org1,expA,3,barter\n"), files.at("flows.csv", 2, 5), "one of: cash, credit");
    checkError(files.errorOf("id,kind\n,exporter\n", kFlows), files.at("actors.csv", 2, 1), "id: required value is empty");
    checkError(files.errorOf("id,kind,formality\norg1,exporter,half-formal\n", kFlows), files.at("actors.csv", 2, 3), "one of: informal");
    checkError(files.errorOf("id,kind,public_service_provider\norg1,exporter,maybe\n", kFlows), files.at("actors.csv", 2, 3), "yes/no");
    checkError(files.errorOf("id,kind,headcount\norg1,exporter,2.5\n", kFlows), files.at("actors.csv", 2, 3), "whole number");
    checkError(files.errorOf("id,kind,headcount\norg1,exporter,1.200\n", "id,from,to,tonnes\n"), files.at("actors.csv", 2, 3),
               "headcount: \"1.200\" could be 1200 or a number between 1 and 2");
    // kFlows shows a decimal point (173.8): the actors file is read with it.
    checkError(files.errorOf("id,kind,headcount\norg1,exporter,1.200\n", kFlows), files.at("actors.csv", 2, 3),
               "headcount: \"1.200\" is not a whole number");
    checkError(files.errorOf("id,kind,headcount\norg1,exporter,12 people\n", kFlows), files.at("actors.csv", 2, 3),
               "headcount: not a number (\"12 people\")");
    checkError(files.errorOf("id,kind,stage\norg1,other,\n", kFlows), files.at("actors.csv", 2, 3), "needs a stage");
    checkError(files.errorOf("id,kind\norg1,other\n", kFlows), files.at("actors.csv", 2, 2), "needs a stage");
}

TEST_CASE("CsvImport - malformed CSV is reported where it happens") {
    CsvFiles files;
    checkError(files.errorOf("id,kind,name\norg1,exporter,Ex \"A\"\n", kFlows), files.at("actors.csv", 2, 3), "quote inside an unquoted field");
    checkError(files.errorOf("id,kind,name\norg1,exporter,\"Ex\" A\n", kFlows), files.at("actors.csv", 2, 3), "after the closing quote");
    checkError(files.errorOf("id,kind,name\norg1,exporter,\"Ex A\norg2,exporter,B\n", kFlows), files.at("actors.csv", 2, 3), "not closed");
    checkError(files.errorOf(std::string("id,kind,name\norg1,exporter,B\nor") + '\0' + "g2,exporter,B\n", kFlows),
               files.at("actors.csv", 3, 1), "NUL byte");
    // Windows-1252 is read (below), but not its five undefined bytes, nor a file mixing it with UTF-8.
    checkError(files.errorOf("id,kind,name\norg1,exporter,Organizaci\x81n\n", kFlows), files.at("actors.csv", 2, 3),
               "byte 0x81 is not a character in Windows-1252");
    checkError(files.errorOf("id,kind,name\norg1,exporter,Organización\nexpA,exporter,Bogot\xE1\n", kFlows), files.at("actors.csv", 3, 3),
               "byte 0xE1 is not UTF-8, yet the rest of the file is UTF-8");
    checkError(files.errorOf("\xEF\xBB\xBFid,kind,name\norg1,exporter,Bogot\xE1\n", kFlows), files.at("actors.csv", 2, 3),
               "byte 0xE1 is not UTF-8, yet the file starts with a UTF-8 byte-order mark");
}

TEST_CASE("CsvImport - chain rules from validation are mapped back to the CSV field") {
    CsvFiles files;
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,1\nf2,org1,ghost,2\n"), files.at("flows.csv", 3, 3), "to: no actor has id \"ghost\"");
    checkError(files.errorOf(kActors, "tonnes,id,to,from\n0,f1,expA,org1\n"), files.at("flows.csv", 2, 1), "tonnes: must be a finite number greater than 0");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,-4\n"), files.at("flows.csv", 2, 4), "greater than 0");
    checkError(files.errorOf(kActors, "id,from,to,tonnes,documented_t\nf1,org1,expA,4,5\n"), files.at("flows.csv", 2, 5), "must not exceed tonnes");
    checkError(files.errorOf(kActors, "id,from,to,tonnes\nf1,org1,expA,4\nf1,expA,org1,1\n"), files.at("flows.csv", 3, 1), "duplicate id");
    checkError(files.errorOf(kActors, "id,from,to,tonnes,period_start\nf1,org1,expA,4,2025-13-01\n"), files.at("flows.csv", 2, 5),
               "period_start: \"2025-13-01\" is not a date that exists");
    checkError(files.errorOf("id,kind\norg1,exporter\n\norg1,refiner\n", "id,from,to,tonnes\n"), files.at("actors.csv", 4, 1), "duplicate id");
    checkError(files.errorOf("kind,id,risk_factors\nexporter,org1,cash_payments;luck\n", "id,from,to,tonnes\n"), files.at("actors.csv", 2, 3),
               "risk_factors: unknown risk factor \"luck\"");
    checkError(files.errorOf(kActors, "id,from,to,tonnes,documents\nf1,org1,expA,4,invoice\n"), files.at("flows.csv", 2, 5),
               "unknown document type \"invoice\"");
    checkError(files.errorOf("id,kind,stage\norg1,exporter,10\n", "id,from,to,tonnes\n"), files.at("actors.csv", 2, 3), "between 1 and 9");
}

TEST_CASE("CsvImport - files above the size limit are refused before reading") {
    CsvFiles files;
    files.write("actors.csv", kActors);
    const fs::path flows = files.write("flows.csv", "id");
    fs::resize_file(flows, maxCsvBytes + 1);  // sparse: no disk used
    CHECK_THROWS_WITH(readProjectCsv(files.actors(), flows, Catalogue::installed()), Catch::Contains("too large"));
    CHECK_THROWS_AS(readProjectCsv(files.actors(), files.actors().parent_path() / "none.csv", Catalogue::installed()), traza::IoError);
}

TEST_CASE("CsvReader - records, fields and their positions") {
    const auto records = parseCsv("a, b ,\"c\"\r\rx,,\"\"\ry\n", "t.csv");
    REQUIRE(records.size() == 3);  // the empty line (lone CR) is skipped
    CHECK(records[0].fields.size() == 3);
    CHECK(records[0].fields[1].value == "b");  // unquoted: trimmed
    CHECK(records[0].fields[2].quoted);
    CHECK(records[1].line == 3);
    REQUIRE(records[1].fields.size() == 3);
    CHECK(records[1].fields[1].value.empty());
    CHECK(records[1].fields[2].column == 3);
    CHECK(records[2].line == 4);
    CHECK(records[2].fields[0].value == "y");
    CHECK(parseCsv("\" keep  \"", "t.csv")[0].fields[0].value == " keep  ");  // quoted: verbatim
}

TEST_CASE("CsvImport - a Spanish Excel file: semicolons, Windows-1252, decimal commas and thousands points") {
    CsvFiles files;
    // Actors show no decimal mark ("3.200" alone could be 3.2 or 3200); the flows file shows a comma, so both read with it.
    files.write("actors.csv", "id;kind;name;capacity_t;headcount\r\norg1;picker_organisation;Organizaci\xF3n Bogot\xE1 \x80;3.200;1.200\r\n"
                              "expA;exporter;\"Exportadora; S.A.\";;\r\n;;;;\r\n");
    files.write("flows.csv", "id;from;to;tonnes;price_per_t;documented_t\r\nf1;org1;expA;173,8;1.234,5;\"0,25\"\r\n"
                             "f2;expA;org1;3.200.000;1e3;+5\r\n");
    const Project p = readProjectCsv(files.actors(), files.flows(), Catalogue::installed());
    REQUIRE(p.actors.size() == 2);  // the ";;;;" row below the table is dropped
    CHECK(p.actors[0].name == "Organización Bogotá €");
    CHECK(p.actors[0].capacityT == 3200);
    CHECK(p.actors[0].headcount == 1200);
    CHECK(p.actors[1].name == "Exportadora; S.A.");
    REQUIRE(p.flows.size() == 2);
    CHECK(p.flows[0].tonnes == 173.8);
    CHECK(p.flows[0].pricePerT == 1234.5);
    CHECK(p.flows[0].documentedT == 0.25);
    CHECK(p.flows[1].tonnes == 3200000);
    CHECK(p.flows[1].pricePerT == 1000);
}

TEST_CASE("CsvImport - a number that reads two ways is refused when neither file shows the decimal mark") {
    CsvFiles files;
    checkError(files.errorOf(kActors, "id\tfrom\tto\ttonnes\nf1\torg1\texpA\t1.234\n"), files.at("flows.csv", 2, 4),
               "tonnes: \"1.234\" could be 1234 or a number between 1 and 2: the file does not show whether '.' is a decimal point "
               "or a thousands separator");
    // One cell with a decimal part settles it, in either file.
    files.write("actors.csv", "id,kind,capacity_t\norg1,picker_organisation,0.5\nexpA,exporter,\n");
    files.write("flows.csv", "id\tfrom\tto\ttonnes\nf1\torg1\texpA\t1.234\n");
    CHECK(readProjectCsv(files.actors(), files.flows(), Catalogue::installed()).flows[0].tonnes == 1.234);
    // Conflicting marks in one file: each number by its own form; the ambiguous one is refused.
    checkError(files.errorOf(kActors, "id|from|to|tonnes|price_per_t|documented_t\nf1|org1|expA|173,8|2.5|1,234\n"),
               files.at("flows.csv", 2, 6), "documented_t: \"1,234\" could be 1234 or a number between 1 and 2");
    files.write("actors.csv", kActors);
    files.write("flows.csv", "id;from;to;tonnes;price_per_t\nf1;org1;expA;173,8;2.5\n");
    const Project p = readProjectCsv(files.actors(), files.flows(), Catalogue::installed());
    CHECK(p.flows[0].tonnes == 173.8);
    CHECK(p.flows[0].pricePerT == 2.5);
}
