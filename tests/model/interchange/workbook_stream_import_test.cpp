// The streamed import of an xlsx workbook (rows become records as they are
// parsed) against the import of whole tables: the same project and summary
// when the workbook is right, and, when it is not, no streamed result and the
// whole-table import's own problems, each naming its cell.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "chain_json.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "spreadsheet/xlsx_reader.h"
#include "project_file_writer.h"
#include "project_store.h"
#include "spreadsheet_input.h"
#include "workbook_stream_import.h"
#include "zip_builder.h"

using namespace traza;
using namespace traza::model;

namespace {

const char* kMainNs =
    R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// A row of inline-string cells ("" leaves the cell out, "#5" is the number 5).
std::string row(int r, const std::vector<std::string>& cells) {
    std::string xml = "<row r=\"" + std::to_string(r) + "\">";
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].empty()) continue;
        const std::string ref = columnLetters(c + 1) + std::to_string(r);
        if (cells[c][0] == '#') xml += "<c r=\"" + ref + "\"><v>" + cells[c].substr(1) + "</v></c>";
        else xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + cells[c] + "</t></is></c>";
    }
    return xml + "</row>";
}

// An xlsx file of three sheets (Notas, Actores, Flujos) holding the given rows, written under a temporary folder.
std::filesystem::path workbook(const std::string& name, const std::vector<std::vector<std::string>>& actors,
                               const std::vector<std::vector<std::string>>& flows) {
    auto sheetXml = [](const std::vector<std::vector<std::string>>& rows) {
        std::string xml = std::string("<worksheet ") + kMainNs + "><sheetData>";
        for (std::size_t r = 0; r < rows.size(); ++r) xml += row(static_cast<int>(r + 1), rows[r]);
        return xml + "</sheetData></worksheet>";
    };
    std::map<std::string, std::string> p;
    p["[Content_Types].xml"] = R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
    p["_rels/.rels"] = std::string(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)") +
                       R"(<Relationship Id="rId1" Type=")" + kRelNs + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)";
    p["xl/workbook.xml"] = std::string("<workbook ") + kMainNs + R"(><sheets><sheet name="Notas" sheetId="1" r:id="rId1"/>)" +
                           R"(<sheet name="Actores" sheetId="2" r:id="rId2"/><sheet name="Flujos" sheetId="3" r:id="rId3"/></sheets></workbook>)";
    std::string rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    for (int i = 1; i <= 3; ++i)
        rels += std::string(R"(<Relationship Id="rId)") + std::to_string(i) + R"(" Type=")" + kRelNs + R"(worksheet" Target="worksheets/sheet)" +
                std::to_string(i) + R"(.xml"/>)";
    p["xl/_rels/workbook.xml.rels"] = rels + "</Relationships>";
    p["xl/worksheets/sheet1.xml"] = sheetXml({{"Cadena de ejemplo"}});
    p["xl/worksheets/sheet2.xml"] = sheetXml(actors);
    p["xl/worksheets/sheet3.xml"] = sheetXml(flows);
    // One folder per process: ctest runs the cases at once, and one case's save
    // leaves a ".tmp-" file that another case checks its own folder for.
    const auto dir = std::filesystem::temp_directory_path() / ("traza-stream-import-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << traza::test::zipOf(p);
    return path;
}

const std::vector<std::vector<std::string>> kActors{
    {"Código", "Nombre", "Tipo de actor", "Formalidad", "Número de personas", "Factores de riesgo"},
    {"org1", "Asociación Ñandú", "Organización de recicladores", "Semiformal", "#45", "Pagos en efectivo; no_invoice"},
    {"#101", "Exportadora &amp; Cía", "Exportador", "formal", "", ""},
    {"ref", "Refinería", "Refinador o refundidor", "", "", ""}};
const std::vector<std::vector<std::string>> kFlows{
    {"Código", "Origen", "Destino", "Cantidad (kg)", "Nivel de evidencia", "Documentos", "Pago"},
    {"f1", "org1", "#101", "#173800", "Autodeclarada", "Recibo de caja", "Efectivo"},
    {"f2", "#101", "ref", "#173800.5", "Documentada", "Factura electrónica de venta, customs_export_declaration", "Crédito"}};

// The import of whole tables, as importWorkbookFile did before streaming.
SheetImport wholeTables(const std::filesystem::path& file) {
    const Workbook book = readSpreadsheet(file);
    const auto [a, f] = chainSheets(book);
    return importSheets(*a, *f, Catalogue::installed());
}

std::vector<ImportProblem> problemsOf(const std::function<void()>& import) {
    try {
        import();
    } catch (const SheetImportError& e) {
        return e.problems();
    }
    FAIL("the import was accepted");
    return {};
}

}  // namespace

TEST_CASE("Streamed import - a right workbook gives the same project and summary as whole tables") {
    const auto file = workbook("right.xlsx", kActors, kFlows);
    const std::optional<SheetImport> streamed = importXlsxStreamed(file, "", "", Catalogue::installed(), {});
    REQUIRE(streamed);
    const SheetImport whole = wholeTables(file);
    REQUIRE(streamed->project.actors.size() == 3);
    REQUIRE(streamed->project.flows.size() == 2);
    CHECK(streamed->project.flows[0].tonnes == Approx(173.8));          // kg in the header: /1000
    CHECK(streamed->project.actors[1].id == "101");                      // a number cell as an id
    CHECK(streamed->project.actors[1].name == "Exportadora & Cía");
    CHECK(streamed->project.flows[1].documents.size() == 2);
    CHECK(projectToJson(streamed->project) == projectToJson(whole.project));
    CHECK(streamed->summary == whole.summary);
    // The one entry both front ends call takes the streamed way and says the same.
    CHECK(projectToJson(importWorkbookFile(file, "", "", Catalogue::installed(), {}).project) == projectToJson(whole.project));
}

TEST_CASE("Streamed import - a user's rule is used and remembered as with whole tables") {
    auto flows = kFlows;
    flows[0][3] = "Kg entregados";
    const auto file = workbook("rule.xlsx", kActors, flows);
    ColumnMapping rules;
    rules.add(ColumnMapping::parseRule("Kg entregados=tonnes/1000", "--map"));
    const std::optional<SheetImport> streamed = importXlsxStreamed(file, "", "", Catalogue::installed(), rules);
    REQUIRE(streamed);
    CHECK(streamed->project.flows[0].tonnes == Approx(173.8));
    CHECK(streamed->rulesUsed.rules().size() == 1);
    // Without the rule the header is unknown: nothing streamed, and the problem is the header cell's.
    CHECK_FALSE(importXlsxStreamed(file, "", "", Catalogue::installed(), {}));
    const auto problems = problemsOf([&] { importWorkbookFile(file, "", "", Catalogue::installed(), {}); });
    REQUIRE(problems.size() == 2);  // the unknown header, and no column of tonnes
    CHECK(problems[0].where == file.string() + ": Flujos!D1");
    CHECK_THAT(problems[0].reason, Catch::Contains("\"Kg entregados\" is not one Traza knows"));
    CHECK_THAT(problems[1].reason, Catch::Contains("no column means \"tonnes\""));
}

TEST_CASE("Streamed import - whatever is wrong is named by the import of whole tables, cell by cell") {
    struct Case {
        const char* name;
        std::vector<std::vector<std::string>> actors, flows;
        std::vector<std::string> where;  // after "file: "
    };
    auto badCell = kFlows;
    badCell[2][3] = "173,8 t";
    badCell[1][4] = "Quizás";
    auto emptyRequired = kFlows;
    emptyRequired[2][1] = "";
    auto beyondHeader = kFlows;
    beyondHeader[2].push_back("");
    beyondHeader[2].push_back("suelto");
    auto noHeader = kFlows;
    noHeader[0][6] = "";
    auto unknownActor = kFlows;
    unknownActor[2][2] = "nadie";
    auto otherWithoutStage = kActors;
    otherWithoutStage[3][2] = "Otro";
    const std::vector<Case> cases{
        {"bad-cells.xlsx", kActors, badCell, {"Flujos!E2", "Flujos!D3"}},
        {"empty-required.xlsx", kActors, emptyRequired, {"Flujos!B3"}},
        {"beyond-header.xlsx", kActors, beyondHeader, {"Flujos!I3"}},
        {"no-header.xlsx", kActors, noHeader, {"Flujos!G2"}},
        {"unknown-actor.xlsx", kActors, unknownActor, {"Flujos!C3"}},
        {"other-without-stage.xlsx", otherWithoutStage, kFlows, {"Actores!C4"}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const auto file = workbook(c.name, c.actors, c.flows);
        CHECK_FALSE(importXlsxStreamed(file, "", "", Catalogue::installed(), {}));
        const auto got = problemsOf([&] { importWorkbookFile(file, "", "", Catalogue::installed(), {}); });
        const auto whole = problemsOf([&] { wholeTables(file); });
        REQUIRE(got.size() == c.where.size());
        REQUIRE(whole.size() == got.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].where == file.string() + ": " + c.where[i]);
            CHECK(got[i].where == whole[i].where);
            CHECK(got[i].reason == whole[i].reason);
        }
    }
}

TEST_CASE("Streamed import - a refused file is refused as the whole-table import refuses it") {
    auto flows = kFlows;
    const auto file = workbook("damaged.xlsx", kActors, flows);
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
    CHECK_FALSE(importXlsxStreamed(file, "", "", Catalogue::installed(), {}));
    CHECK_THROWS_AS(importWorkbookFile(file, "", "", Catalogue::installed(), {}), InvalidInput);
    // A sheet named on the command line that the workbook lacks.
    const auto right = workbook("named.xlsx", kActors, kFlows);
    CHECK_FALSE(importXlsxStreamed(right, "Actors", "", Catalogue::installed(), {}));
    CHECK_THROWS_WITH(importWorkbookFile(right, "Actors", "", Catalogue::installed(), {}), Catch::Contains("no sheet named \"Actors\""));
}

namespace {

// The files of `dir` whose name holds ".tmp-" (a save's temporary file left behind).
std::vector<std::string> tempFilesIn(const std::filesystem::path& dir) {
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().filename().string());
    return found;
}

std::string bytesOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("Streamed import - importWorkbookFileTo saves the project it returns, with the rules it used") {
    auto flows = kFlows;
    flows[0][3] = "Kg entregados";
    const auto file = workbook("saved.xlsx", kActors, flows);
    const auto target = file.parent_path() / "saved.traza";
    std::filesystem::remove(target);
    ColumnMapping rules;
    rules.add(ColumnMapping::parseRule("Kg entregados=tonnes/1000", "--map"));
    const SheetImport in = importWorkbookFileTo(target, file, "", "", Catalogue::installed(), rules);
    REQUIRE(in.project.flows.size() == 2);
    CHECK(in.project.importRules.rules().size() == 1);
    const Project opened = ProjectStore::open(target);
    CHECK(projectToJson(opened) == projectToJson(in.project));
    CHECK(opened.importRules.rules().size() == 1);
    // The same project as importing first and saving after.
    SheetImport whole = importWorkbookFile(file, "", "", Catalogue::installed(), rules);
    whole.project.importRules = rules;
    CHECK(projectToJson(opened) == projectToJson(whole.project));
    CHECK(tempFilesIn(target.parent_path()).empty());
}

TEST_CASE("Streamed import - the actors written while the flows are read, on two threads, give the same file") {
    const auto file = workbook("two-threads.xlsx", kActors, kFlows);
    const auto target = file.parent_path() / "two-threads.traza";
    SpreadsheetLimits limits;
    limits.twoThreadsFrom = 0;  // the small workbook read as a large one is
    ProjectFileWriter writer(target);
    std::optional<SheetImport> streamed = importXlsxStreamed(bytesOf(file), file.string(), "", "", Catalogue::installed(), {},
                                                             SpreadsheetWords::installed(), limits, &writer);
    REQUIRE(streamed);
    writer.commit(streamed->project);
    CHECK(projectToJson(ProjectStore::open(target)) == projectToJson(wholeTables(file).project));
    CHECK(tempFilesIn(target.parent_path()).empty());
}

TEST_CASE("Streamed import - importWorkbookFileTo writes nothing for a workbook with problems, and names them as before") {
    auto unknownActor = kFlows;
    unknownActor[2][2] = "nadie";  // found only by validation, after the actors are written
    auto badCell = kFlows;
    badCell[2][3] = "173,8 t";
    for (const auto& [name, flows] : {std::pair{"to-unknown.xlsx", unknownActor}, std::pair{"to-bad-cell.xlsx", badCell}}) {
        INFO(name);
        const auto file = workbook(name, kActors, flows);
        const auto target = file.parent_path() / (std::string(name) + ".traza");
        std::ofstream(target, std::ios::binary | std::ios::trunc) << "the previous file";
        const auto got = problemsOf([&] { importWorkbookFileTo(target, file, "", "", Catalogue::installed(), {}); });
        const auto whole = problemsOf([&] { wholeTables(file); });
        REQUIRE(got.size() == whole.size());
        for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i].where == whole[i].where);
        CHECK(bytesOf(target) == "the previous file");
        CHECK(tempFilesIn(target.parent_path()).empty());
    }
}

TEST_CASE("Streamed import - importWorkbookFileTo: the workbook's problems first, then the save's") {
    const auto missingFolder = std::filesystem::temp_directory_path() / "traza-stream-import-test" / "no-such-folder" / "p.traza";
    auto badCell = kFlows;
    badCell[2][3] = "173,8 t";
    const auto bad = workbook("to-missing-bad.xlsx", kActors, badCell);
    CHECK_THROWS_AS(importWorkbookFileTo(missingFolder, bad, "", "", Catalogue::installed(), {}), SheetImportError);
    const auto right = workbook("to-missing-right.xlsx", kActors, kFlows);
    CHECK_THROWS_WITH(importWorkbookFileTo(missingFolder, right, "", "", Catalogue::installed(), {}),
                      Catch::StartsWith("could not save " + missingFolder.string()));
    // A failure at commit leaves the previous file and no temporary file.
    const auto target = right.parent_path() / "to-commit-fails.traza";
    std::ofstream(target, std::ios::binary | std::ios::trunc) << "the previous file";
    ProjectStore::setFaultInjector([](ProjectStore::SaveStep s) {
        if (s == ProjectStore::SaveStep::Rename) throw std::runtime_error("injected");
    });
    CHECK_THROWS_WITH(importWorkbookFileTo(target, right, "", "", Catalogue::installed(), {}), Catch::Contains("injected"));
    ProjectStore::setFaultInjector(nullptr);
    CHECK(bytesOf(target) == "the previous file");
    CHECK(tempFilesIn(target.parent_path()).empty());
}
