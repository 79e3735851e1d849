// The chain workbook export read back by openpyxl (not Traza's reader) and
// imported again: the same chain comes back, in English and in Spanish, for
// the CARE sample, a chain of awkward texts, and a generated chain.
#include "chain_workbook.h"

#include <cstdlib>
#include <fstream>
#include <random>

#include "chain_workbook_fixture.h"
#include "error.h"
#include "project_store.h"
#include "report_fixture.h"
#include "validation.h"

using namespace traza;
using namespace traza::reports;
using namespace traza::reports::test;

namespace {

model::Catalogue workbookCatalogue() { return model::Catalogue::loadDirectory(std::filesystem::path(TRAZA_TEST_DATADIR) / "catalogue"); }

model::Actor actor(std::string id, model::ActorKind kind, int stage) {
    model::Actor a;
    a.id = std::move(id);
    a.kind = kind;
    a.stage = stage;
    return a;
}

model::Flow flow(std::string id, std::string from, std::string to, double tonnes) {
    model::Flow f;
    f.id = std::move(id);
    f.from = std::move(from);
    f.to = std::move(to);
    f.tonnes = tonnes;
    return f;
}

// Texts a spreadsheet likes to change: accents, quotes, line breaks, ';' and
// ',' inside values, numbers and formulas as text; every enumeration value;
// dates on both sides of Excel's phantom 29 February 1900.
model::Project awkwardChain(const model::Catalogue& cat) {
    using K = model::ActorKind;
    model::Project p;
    p.catalogue = cat;
    model::Actor org = actor("Asociación \"La Esperanza\"; sede 2", K::PickerOrganisation, 2);
    org.name = "María José Pérez\nsegunda línea";
    org.country = "CO";
    org.region = "Bogotá, D.C.";
    org.formality = model::Formality::SemiFormal;
    org.headcount = 37;
    org.capacityT = 120.5;
    org.stockChangeT = -3.25;
    org.lossT = 0.125;
    org.publicServiceProvider = true;
    org.riskFactors = {cat.riskFactors[0].id, cat.riskFactors[3].id, cat.riskFactors.back().id};
    org.notes = "=SUM(A1:A3) 'single' \"double\"; a;b, c";
    p.actors.push_back(org);
    p.actors.push_back(actor("007", K::WastePicker, 1));
    model::Actor other = actor("Ñandú-3 ü ’curly’", K::Other, 7);
    other.formality = model::Formality::Formal;
    p.actors.push_back(other);
    p.actors.push_back(actor("12.5", K::Refiner, 5));
    p.actors.push_back(actor("TRUE", K::Manufacturer, 6));

    model::Flow a = flow("F;1", "007", org.id, 0.001);
    a.notes = "línea 1\nlínea 2 \"q\"";
    a.periodStart = "1900-01-01";
    a.periodEnd = "1900-02-28";
    p.flows.push_back(a);
    model::Flow b = flow("F,2", org.id, "12.5", 1234567.891);
    b.documentedT = 1000000.5;
    b.evidence = model::Evidence::Verified;
    for (const auto& d : cat.documentTypes) b.documents.push_back(d.id);
    b.payment = model::Payment::Credit;
    b.pricePerT = 1999.99;
    b.typology = "rrrm-4";
    b.material = "chatarra de estaño";
    b.periodStart = "1900-03-01";
    b.periodEnd = "2024-02-29";
    p.flows.push_back(b);
    const model::Evidence levels[] = {model::Evidence::None, model::Evidence::SelfDeclared, model::Evidence::Reported,
                                      model::Evidence::Documented};
    const model::Payment payments[] = {model::Payment::Cash, model::Payment::Unknown, model::Payment::Credit, model::Payment::Cash};
    for (int i = 0; i < 4; ++i) {
        model::Flow f = flow("Fluß " + std::to_string(i), i % 2 ? other.id : "12.5", i % 2 ? "12.5" : "TRUE", 2.5 + i * 0.1);
        f.evidence = levels[i];
        f.payment = payments[i];
        f.typology = cat.typologies[i].id;
        f.documentedT = i * 0.5;
        f.documents = {cat.documentTypes[i].id};
        f.periodStart = "2025-0" + std::to_string(i + 1) + "-15";
        p.flows.push_back(f);
    }
    return p;
}

// A deterministic chain of `flows` flows with random values of every field.
model::Project generatedChain(const model::Catalogue& cat, int actors, int flows) {
    std::mt19937 rng(20251203);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    model::Project p;
    p.catalogue = cat;
    const auto kinds = model::actorKindNames();
    for (int i = 0; i < actors; ++i) {
        model::Actor a = actor("actor-" + std::to_string(i) + (i % 7 ? "" : " ñ"), *model::parseActorKind(kinds[pick(kinds.size())]), 1 + pick(9));
        a.name = i % 3 ? "Nombre " + std::to_string(i) : "";
        a.formality = static_cast<model::Formality>(pick(3));
        a.headcount = pick(200);
        a.capacityT = pick(1'000'000) / 1000.0;
        a.stockChangeT = (pick(20'000) - 10'000) / 1000.0;
        a.lossT = pick(5000) / 1000.0;
        a.publicServiceProvider = pick(4) == 0;
        for (const auto& r : cat.riskFactors)
            if (pick(6) == 0) a.riskFactors.push_back(r.id);
        if (i % 11 == 0) a.notes = "nota \"" + std::to_string(i) + "\"\nsegunda";
        p.actors.push_back(a);
    }
    for (int i = 0; i < flows; ++i) {
        const int from = pick(actors);
        const int to = (from + 1 + pick(actors - 1)) % actors;
        model::Flow f = flow("f" + std::to_string(i), p.actors[from].id, p.actors[to].id, (1 + pick(50'000'000)) / 1000.0);
        f.documentedT = std::floor(f.tonnes * pick(101)) / 100.0;
        f.evidence = static_cast<model::Evidence>(pick(5));
        for (const auto& d : cat.documentTypes)
            if (pick(5) == 0) f.documents.push_back(d.id);
        f.payment = static_cast<model::Payment>(pick(3));
        f.pricePerT = pick(500'000) / 100.0;
        const int t = pick(cat.typologies.size() + 1);
        f.typology = t ? cat.typologies[t - 1].id : "";
        if (pick(2)) {
            f.periodStart = "2025-0" + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10));
            f.periodEnd = "2025-12-31";
        }
        f.material = i % 5 ? "" : "aluminio";
        p.flows.push_back(f);
    }
    return p;
}

void checkRoundTrip(const model::Project& project, const std::string& lang, const ScratchDir& dir, bool cellsOnly = false) {
    INFO("language " << lang);
    REQUIRE(model::validateProject(project).empty());
    const auto file = dir.path() / ("chain-" + lang + ".xlsx");
    writeChainWorkbook(file, project, lang);
    const model::Project back = importChainBook(file, project.catalogue, cellsOnly);
    REQUIRE(back.actors.size() == project.actors.size());
    REQUIRE(back.flows.size() == project.flows.size());
    for (std::size_t i = 0; i < project.actors.size(); ++i) {
        INFO("actor " << project.actors[i].id);
        CHECK(back.actors[i].sameData(project.actors[i]));
    }
    for (std::size_t i = 0; i < project.flows.size(); ++i) {
        INFO("flow " << project.flows[i].id);
        CHECK(back.flows[i] == project.flows[i]);
    }
    CHECK(back.sameChain(chainOnly(project)));
}

}  // namespace

TEST_CASE("Chain workbook - the CARE sample exported in English and in Spanish imports as the same chain") {
    ScratchDir dir;
    const model::Project care = careProject();
    REQUIRE(care.flows.size() == 13);
    for (const char* lang : {"en", "es"}) checkRoundTrip(care, lang, dir);
}

TEST_CASE("Chain workbook - accents, quotes, line breaks, separators and every enumeration value survive the round trip") {
    ScratchDir dir;
    const model::Project chain = awkwardChain(workbookCatalogue());
    for (const char* lang : {"en", "es"}) checkRoundTrip(chain, lang, dir);
}

TEST_CASE("Chain workbook - a generated chain of 3000 flows survives the round trip") {
    ScratchDir dir;
    checkRoundTrip(generatedChain(workbookCatalogue(), 400, 3000), "es", dir);
}

// Hidden (run by hand): TRAZA_CHAIN_WORKBOOK_PROJECT=national.traza reports_tests "[national]"
// with a chain from bench's traza-genchain; openpyxl takes minutes on a national chain.
TEST_CASE("Chain workbook - a chain from traza-genchain survives the round trip", "[.][national]") {
    const char* path = std::getenv("TRAZA_CHAIN_WORKBOOK_PROJECT");
    if (!path) {
        WARN("skipped: set TRAZA_CHAIN_WORKBOOK_PROJECT to a .traza file (bench/genchain_main.cpp)");
        return;
    }
    ScratchDir dir;
    checkRoundTrip(model::ProjectStore::open(path), "es", dir, true);
}

TEST_CASE("Chain workbook - numbers are written as numbers, periods as dates, enumerations as their labels") {
    ScratchDir dir;
    const model::Project chain = awkwardChain(workbookCatalogue());
    const auto file = dir.path() / "cells.xlsx";
    writeChainWorkbook(file, chain, "es");
    const Json book = readChainBook(file);
    const Json& flows = sheetNamed(book, "Flujos")["rows"];
    // Row 3 is flow "F,2"; columns as flowFields(): id from to material tonnes documented_t evidence documents
    // payment price_per_t typology period_start period_end notes.
    const Json& b = flows[2];
    CHECK(b[0] == Json({{"t", "s"}, {"v", "F,2"}}));
    CHECK(b[4] == Json({{"t", "n"}, {"v", "1234567.891"}}));
    CHECK(b[5] == Json({{"t", "n"}, {"v", "1000000.5"}}));
    CHECK(b[6] == Json({{"t", "s"}, {"v", "Verificado por un tercero"}}));
    CHECK(b[8] == Json({{"t", "s"}, {"v", "Crédito"}}));
    CHECK(b[9] == Json({{"t", "n"}, {"v", "1999.99"}}));
    CHECK(b[11] == Json({{"t", "d"}, {"v", "1900-03-01"}, {"serial", 61}}));
    CHECK(b[12] == Json({{"t", "d"}, {"v", "2024-02-29"}, {"serial", 45351}}));
    CHECK(b[7]["v"].get<std::string>().find("Recibo de caja; ") == 0);
    const Json& a = flows[1];
    CHECK(a[11] == Json({{"t", "d"}, {"v", "1900-01-01"}, {"serial", 1}}));
    CHECK(a[12] == Json({{"t", "d"}, {"v", "1900-02-28"}, {"serial", 59}}));
    CHECK(a[6] == Json({{"t", "s"}, {"v", "Sin evidencia"}}));
    CHECK(a[13] == Json({{"t", "s"}, {"v", "línea 1\nlínea 2 \"q\""}}));
    CHECK(a[10].is_null());  // no typology: no cell
    const Json& actors = sheetNamed(book, "Actores")["rows"];
    CHECK(actors[2][0] == Json({{"t", "s"}, {"v", "007"}}));  // an id that looks like a number stays text
    CHECK(actors[1][3] == Json({{"t", "n"}, {"v", "2.0"}}));
    CHECK(actors[1][11] == Json({{"t", "s"}, {"v", "Sí"}}));
    CHECK(actors[2][11] == Json({{"t", "s"}, {"v", "No"}}));
    CHECK(actors[1][8] == Json({{"t", "n"}, {"v", "120.5"}}));
    CHECK(actors[1][9] == Json({{"t", "n"}, {"v", "-3.25"}}));
    CHECK(actors[2][8] == Json({{"t", "n"}, {"v", "0.0"}}));  // zeros are written
}

TEST_CASE("Chain workbook - numbers keep 16 significant digits, all libxlsxwriter 1.1.4 writes (Excel shows 15)") {
    ScratchDir dir;
    model::Project chain = awkwardChain(workbookCatalogue());
    chain.flows[0].tonnes = 1234.5678901234567;  // 17 digits: the last is lost
    chain.flows[1].tonnes = 9.876543210987654e+20;  // 16 digits: kept
    chain.flows[1].documentedT = 0.1 + 0.2;         // 0.30000000000000004
    const auto file = dir.path() / "digits.xlsx";
    writeChainWorkbook(file, chain, "en");
    const model::Project back = importChainBook(file, chain.catalogue);
    CHECK(back.flows[0].tonnes == 1234.567890123457);
    CHECK(back.flows[1].tonnes == 9.876543210987654e+20);
    CHECK(back.flows[1].documentedT == 0.3);
}

TEST_CASE("Chain workbook - a value longer than an Excel cell is refused naming the flow, and nothing is written") {
    ScratchDir dir;
    model::Project chain = awkwardChain(workbookCatalogue());
    chain.flows[3].notes = std::string(40'000, 'x');
    const auto file = dir.path() / "long.xlsx";
    std::ofstream(file) << "keep me";
    try {
        writeChainWorkbook(file, chain, "en");
        FAIL("a 40000-character note was written");
    } catch (const InvalidInput& e) {
        CHECK(e.where() == "flow \"Fluß 1\"");
        CHECK(e.reason() == "notes: 40000 characters; an Excel cell holds at most 32767 (export the chain as JSON instead)");
    }
    std::ifstream in(file);
    std::string kept;
    std::getline(in, kept);
    CHECK(kept == "keep me");
    CHECK(dir.files() == std::vector<std::string>{"long.xlsx"});  // no temporary file left
    // A long id is named cut short, at a character boundary.
    model::Project longId = awkwardChain(workbookCatalogue());
    longId.actors[1].id = "é" + std::string(40'000, 'x');
    for (model::Flow& f : longId.flows)
        if (f.from == "007") f.from = longId.actors[1].id;
    try {
        writeChainWorkbook(file, longId, "en");
        FAIL("a 40001-character id was written");
    } catch (const InvalidInput& e) {
        CHECK(e.where() == "actor \"é" + std::string(58, 'x') + "...\"");
        CHECK(e.reason().rfind("id: 40001 characters;", 0) == 0);
    }
    // 32767 characters fit (a 2-byte character counts once).
    chain.flows[3].notes = std::string(32'766, 'x') + "é";
    CHECK_NOTHROW(writeChainWorkbook(file, chain, "en"));
}

TEST_CASE("Chain workbook - a language other than English or Spanish is refused before anything is written") {
    ScratchDir dir;
    CHECK_THROWS_AS(writeChainTemplate(dir.path() / "t.xlsx", "fr", workbookCatalogue()), InvalidInput);
    CHECK(dir.files().empty());
}
