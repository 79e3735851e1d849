#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "error.h"
#include "json_parse.h"
#include "validation.h"

using namespace traza::model;
using nlohmann::json;

namespace {

const Catalogue& catalogue() { return Catalogue::installed(); }

// The smallest valid chain: picker organisation a -> exporter b, one checklist, goal and support.
json minimal() {
    return json::parse(R"({
      "format": "traza-chain", "version": 1,
      "actors": [{"id": "a", "kind": "picker_organisation"}, {"id": "b", "kind": "exporter"}],
      "flows": [{"id": "f1", "from": "a", "to": "b", "tonnes": 10}],
      "checklists": [{"scope": "assessment", "items": [{"id": "1.1", "status": "done"}]}],
      "goals": [{"actor": "a", "buyer": "b", "thresholds_t": [5, 10]}],
      "supports": [{"actor": "a", "type": "equipment", "threshold": 1, "count": 3}]
    })");
}

// Imports `text` and returns the InvalidInput it must throw.
traza::InvalidInput errorOfText(const std::string& text) {
    try {
        projectFromJson(text, catalogue());
    } catch (const traza::InvalidInput& e) {
        return e;
    }
    FAIL("expected InvalidInput for: " << text.substr(0, 300));
    throw;  // not reached
}
traza::InvalidInput errorOf(const json& doc) { return errorOfText(doc.dump()); }

// The error names exactly `path`, and the message carries it (so it cannot get lost).
void requireErrorAt(const json& doc, const std::string& path, const std::string& reasonPart = "") {
    const traza::InvalidInput e = errorOf(doc);
    INFO(e.what());
    CHECK(e.where() == path);
    CHECK(std::string(e.what()).rfind(path + ": ", 0) == 0);
    if (!reasonPart.empty()) CHECK_THAT(e.reason(), Catch::Contains(reasonPart));
}

std::string sampleText() {
    std::ifstream in(std::filesystem::path(TRAZA_TEST_DATADIR) / "samples" / "care-pilot-2025.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("ChainJson - the minimal chain imports with defaults from the spec") {
    const Project p = projectFromJson(minimal().dump(), catalogue());
    REQUIRE(p.actors.size() == 2);
    CHECK(p.actors[0].stage == 2);  // from kind picker_organisation
    CHECK(p.actors[1].stage == 4);
    CHECK(p.actors[0].formality == Formality::Informal);
    CHECK(p.flows[0].tonnes == 10);
    CHECK(p.flows[0].evidence == Evidence::None);
    CHECK(p.flows[0].payment == Payment::Unknown);
    CHECK(p.checklists[0].items[0].status == ItemStatus::Done);
    CHECK(p.goals[0].thresholdsT == std::vector<double>{5, 10});
    CHECK(p.supports[0].count == 3);
    CHECK(p.catalogue.typologies.size() == catalogue().typologies.size());
}

TEST_CASE("ChainJson - a duplicate actor id names the second actor") {
    json d = minimal();
    d["actors"][1]["id"] = "a";
    requireErrorAt(d, "actors[1].id", "duplicate");
}

TEST_CASE("ChainJson - a duplicate flow id names the second flow") {
    json d = minimal();
    d["flows"].push_back(d["flows"][0]);
    requireErrorAt(d, "flows[1].id", "duplicate");
}

TEST_CASE("ChainJson - a flow from or to an unknown actor names the end") {
    json d = minimal();
    d["flows"][0]["from"] = "ghost";
    requireErrorAt(d, "flows[0].from", "ghost");
    d = minimal();
    d["flows"][0]["to"] = "ghost";
    requireErrorAt(d, "flows[0].to", "ghost");
}

TEST_CASE("ChainJson - tonnes must be finite and greater than zero") {
    json d = minimal();
    d["flows"][0]["tonnes"] = 0;
    requireErrorAt(d, "flows[0].tonnes", "greater than 0");
    d["flows"][0]["tonnes"] = -3.5;
    requireErrorAt(d, "flows[0].tonnes", "greater than 0");
    // JSON has no infinity; a huge exponent overflows the double range. nlohmann
    // reports that as a parse error (406), which the reader maps back to the path.
    std::string text = minimal().dump();
    const std::string from = "\"tonnes\":10";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), "\"tonnes\":1e999");
    const traza::InvalidInput e = errorOfText(text);
    CHECK(e.where() == "flows[0].tonnes");
    CHECK_THAT(e.what(), Catch::StartsWith("flows[0].tonnes: must be a finite number"));
}

TEST_CASE("ChainJson - documented tonnes must lie between 0 and tonnes") {
    json d = minimal();
    d["flows"][0]["documented_t"] = -0.1;
    requireErrorAt(d, "flows[0].documented_t", "at least 0");
    d["flows"][0]["documented_t"] = 10.5;
    requireErrorAt(d, "flows[0].documented_t", "must not exceed tonnes");
    d["flows"][0]["documented_t"] = 10;  // equal is fine
    CHECK_NOTHROW(projectFromJson(d.dump(), catalogue()));
}

TEST_CASE("ChainJson - an unknown enumeration value lists the allowed ones") {
    json d = minimal();
    d["actors"][0]["kind"] = "smelter";
    requireErrorAt(d, "actors[0].kind", "one of: waste_picker, picker_organisation");
    d = minimal();
    d["actors"][1]["formality"] = "semi-formal";
    requireErrorAt(d, "actors[1].formality", "one of: informal, semi_formal, formal");
    d = minimal();
    d["flows"][0]["evidence"] = "audited";
    requireErrorAt(d, "flows[0].evidence", "one of: none, self_declared, reported, documented, verified");
    d = minimal();
    d["flows"][0]["payment"] = "barter";
    requireErrorAt(d, "flows[0].payment", "one of: cash, credit, unknown");
    d = minimal();
    d["checklists"][0]["items"][0]["status"] = "finished";
    requireErrorAt(d, "checklists[0].items[0].status", "one of: not_started, in_progress, done, not_applicable");
    d = minimal();
    d["flows"][0]["typology"] = "rrrm-5";
    requireErrorAt(d, "flows[0].typology", "rrrm-5");
}

TEST_CASE("ChainJson - an unknown field is an error at its path") {
    json d = minimal();
    d["colour"] = "red";
    requireErrorAt(d, "colour", "unknown field");
    d = minimal();
    d["actors"][1]["colour"] = "red";
    requireErrorAt(d, "actors[1].colour", "unknown field");
    d = minimal();
    d["flows"][0]["tonne"] = 3;  // a typo gets a suggestion
    requireErrorAt(d, "flows[0].tonne", "did you mean \"tonnes\"");
    d = minimal();
    d["checklists"][0]["items"][0]["colour"] = "red";
    requireErrorAt(d, "checklists[0].items[0].colour", "unknown field");
    d = minimal();
    d["assessment"] = {{"title", "x"}, {"period", {{"begin", "2025-01-01"}}}};
    requireErrorAt(d, "assessment.period.begin", "unknown field");
    d = minimal();
    d["supports"][0]["colour"] = "red";
    requireErrorAt(d, "supports[0].colour", "unknown field");
}

TEST_CASE("ChainJson - a value of the wrong type names its path and the expected type") {
    json d = minimal();
    d["flows"][0]["tonnes"] = "12";
    requireErrorAt(d, "flows[0].tonnes", "must be a number");
    d = minimal();
    d["actors"][0]["name"] = 3;
    requireErrorAt(d, "actors[0].name", "must be a string");
    d = minimal();
    d["actors"][0]["public_service_provider"] = "yes";
    requireErrorAt(d, "actors[0].public_service_provider", "true or false");
    d = minimal();
    d["actors"][0]["risk_factors"] = {"cash_payments", 7};
    requireErrorAt(d, "actors[0].risk_factors[1]", "must be a string");
    d = minimal();
    d["actors"][0]["headcount"] = 2.5;
    requireErrorAt(d, "actors[0].headcount", "whole number");
    d = minimal();
    d["flows"] = {{"id", "f1"}};
    requireErrorAt(d, "flows", "must be an array");
    d = minimal();
    d["actors"][1] = "b";
    requireErrorAt(d, "actors[1]", "must be an object");
    CHECK(errorOfText("[1, 2]").reason().find("JSON object") != std::string::npos);
}

TEST_CASE("ChainJson - every required field is named when missing") {
    for (const char* key : {"format", "version"}) {
        json d = minimal();
        d.erase(key);
        requireErrorAt(d, key, "missing");
    }
    for (const char* key : {"id", "kind"}) {
        json d = minimal();
        d["actors"][1].erase(key);
        requireErrorAt(d, std::string("actors[1].") + key, "missing required field");
    }
    for (const char* key : {"id", "from", "to", "tonnes"}) {
        json d = minimal();
        d["flows"][0].erase(key);
        requireErrorAt(d, std::string("flows[0].") + key, "missing required field");
    }
}

TEST_CASE("ChainJson - stage is required for kind other, and checked against 1..9") {
    json d = minimal();
    d["actors"][0]["kind"] = "other";
    requireErrorAt(d, "actors[0].stage", "required for kind \"other\"");
    d["actors"][0]["stage"] = 3;
    CHECK(projectFromJson(d.dump(), catalogue()).actors[0].stage == 3);
    d["actors"][0]["stage"] = 12;
    requireErrorAt(d, "actors[0].stage", "between 1 and 9");
}

TEST_CASE("ChainJson - format and version are checked before anything else") {
    json d = minimal();
    d["format"] = "traza-project";
    requireErrorAt(d, "format", "traza-chain");
    d = minimal();
    d["version"] = 2;
    d["new_field_of_version_2"] = true;  // not reported: the version is the real problem
    requireErrorAt(d, "version", "written by a newer Traza (version 2); this Traza reads version 1");
    d["version"] = 0;
    requireErrorAt(d, "version", "must be 1");
    d["version"] = "1";
    requireErrorAt(d, "version", "whole number");
}

TEST_CASE("ChainJson - truncated JSON reports the byte where the text ended") {
    const std::string text = minimal().dump();
    const std::string cut = text.substr(0, text.find(",\"goals\""));  // ends after "format":"traza-chain"
    const traza::InvalidInput e = errorOfText(cut);
    // nlohmann counts the end of input as one more character read.
    CHECK(e.where() == "byte " + std::to_string(cut.size() + 1));
    CHECK_THAT(e.what(), Catch::StartsWith("byte " + std::to_string(cut.size() + 1) + ": not valid JSON"));
    CHECK_THAT(e.reason(), Catch::Contains("unexpected end of input"));
    CHECK(errorOfText("").where() == "byte 1");
}

TEST_CASE("ChainJson - binary data and invalid UTF-8 are refused with their byte") {
    std::string text = minimal().dump();
    text[20] = '\0';
    traza::InvalidInput e = errorOfText(text);
    CHECK(e.where() == "byte 21");
    CHECK_THAT(e.reason(), Catch::Contains("binary"));

    text = minimal().dump();
    const auto at = text.find("\"a\"");
    text[at + 1] = '\xE9';  // "é" in Windows-1252
    e = errorOfText(text);
    CHECK(e.where() == "byte " + std::to_string(at + 2));
    CHECK_THAT(e.reason(), Catch::Contains("UTF-8"));
    CHECK(errorOfText("{\"format\": \"\xED\xA0\x80\"}").where() == "byte 13");  // a UTF-16 surrogate
}

TEST_CASE("ChainJson - nesting deeper than 64 levels is refused at its path, without recursion") {
    json d = minimal();
    std::string deep = minimal().dump();
    deep.insert(deep.size() - 1, ",\"assessment\":{\"notes\":" + std::string(70, '[') + std::string(70, ']') + "}");
    traza::InvalidInput e = errorOfText(deep);
    // root object 1, assessment 2, so the 63rd array (index path of 62 "[0]") is level 65.
    std::string path = "assessment.notes";
    for (int i = 0; i < 62; ++i) path += "[0]";
    CHECK(e.where() == path);
    CHECK_THAT(e.reason(), Catch::Contains("deeper than 64"));

    CHECK_NOTHROW(parseJsonDocument(std::string(64, '[') + std::string(64, ']')));
    CHECK_THROWS_AS(parseJsonDocument(std::string(65, '[') + std::string(65, ']')), traza::InvalidInput);
    // A million brackets must not overflow the stack.
    CHECK_THROWS_AS(parseJsonDocument(std::string(1000000, '[')), traza::InvalidInput);
}

TEST_CASE("ChainJson - a duplicate key in an object is an error") {
    std::string text = minimal().dump();
    text.replace(text.find("\"tonnes\":10"), 11, "\"tonnes\":10,\"tonnes\":11");
    const traza::InvalidInput e = errorOfText(text);
    CHECK(e.where() == "flows[0].tonnes");
    CHECK_THAT(e.reason(), Catch::Contains("duplicate"));
}

TEST_CASE("ChainJson - reading a file prefixes errors with its name and refuses huge files before reading") {
    const auto dir = std::filesystem::temp_directory_path() / ("traza-json-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    json d = minimal();
    d["flows"][0]["to"] = "ghost";
    const auto bad = dir / "chain.json";
    std::ofstream(bad) << d.dump();
    CHECK_THROWS_WITH(readProjectJson(bad, catalogue()), Catch::StartsWith(bad.string() + ": flows[0].to: no actor"));

    // A sparse file: only its size is real, so the test stays fast and small on disk.
    const auto huge = dir / "huge.json";
    std::ofstream(huge).put('{');
    std::filesystem::resize_file(huge, maxChainJsonBytes + 1);
    CHECK_THROWS_WITH(readProjectJson(huge, catalogue()), Catch::Contains("too large"));
    CHECK_THROWS_AS(readProjectJson(dir / "missing.json", catalogue()), traza::IoError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("ChainJson - the CARE sample round-trips: same chain, byte-identical second export") {
    const Project first = projectFromJson(sampleText(), catalogue());
    REQUIRE(first.actors.size() == 14);
    REQUIRE(first.flows.size() == 13);
    const std::string exported = projectToJson(first);
    const Project second = projectFromJson(exported, catalogue());
    CHECK(second.sameChain(first));
    CHECK(projectToJson(second) == exported);

    // Key order as in the spec, and spec-only files gain no extension fields.
    const auto doc = nlohmann::ordered_json::parse(exported);
    std::vector<std::string> keys;
    for (const auto& [k, v] : doc["actors"][0].items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"id", "name", "kind", "stage", "country", "region", "formality", "headcount",
                                           "capacity_t", "stock_change_t", "loss_t", "public_service_provider",
                                           "risk_factors", "notes"});
    keys.clear();
    for (const auto& [k, v] : doc["flows"][0].items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"id", "from", "to", "material", "tonnes", "documented_t", "evidence",
                                           "documents", "payment", "price_per_t", "typology", "notes"});
    keys.clear();
    for (const auto& [k, v] : doc.items()) keys.push_back(k);
    // "records" (issue #19): the sample's monthly delivery records, right after the flows.
    CHECK(keys == std::vector<std::string>{"format", "version", "assessment", "actors", "flows", "records", "checklists",
                                           "goals", "supports"});
    CHECK_FALSE(doc["checklists"][0]["items"][0].contains("documents"));
    CHECK_FALSE(doc["goals"][0].contains("notes"));
    CHECK(doc["flows"][0]["tonnes"].get<double>() == 173.8);
    CHECK(doc["actors"][5]["capacity_t"].dump() == "200");  // whole numbers without ".0"
}

TEST_CASE("ChainJson - the extension fields (flow period, item documents, notes) round-trip") {
    json d = minimal();
    d["flows"][0]["period"] = {{"start", "2025-01-01"}, {"end", "2025-06-30"}};
    d["checklists"][0]["items"][0]["documents"] = {"policy.pdf", "minutes 2025-03"};
    d["goals"][0]["notes"] = "report says 86%";
    d["supports"][0]["notes"] = "by city";
    const Project p = projectFromJson(d.dump(), catalogue());
    CHECK(p.flows[0].periodStart == "2025-01-01");
    CHECK(p.flows[0].periodEnd == "2025-06-30");
    CHECK(p.checklists[0].items[0].documents.size() == 2);
    const Project back = projectFromJson(projectToJson(p), catalogue());
    CHECK(back.sameChain(p));
    d["flows"][0]["period"]["start"] = "2025-13-01";
    requireErrorAt(d, "flows[0].period.start", "YYYY-MM-DD");
}

namespace {

// A random valid chain: unicode and control characters in texts, extreme doubles.
Project randomChain(std::mt19937& rng) {
    auto pick = [&](auto& v) -> decltype(v[0]) { return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)]; };
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    std::vector<std::string> words{"Organización", "Recicladores de Bogotá", "Müller & Söhne", "日本語の名前",
                                   "emoji 🥫♻️", "quote \" and \\ backslash", "tab\there", "line\nbreak", "ctrl \x01\x1f",
                                   "", "Ñandú", "ʕ•ᴥ•ʔ", "</script>"};
    std::vector<double> extremes{1e-300, 0.1 + 0.2, 1e300, 5e-324, 123456789.123456789, 1.0 / 3.0,
                                 2.2250738585072014e-308, 9007199254740993.0, 1e15 + 0.3, 42};
    std::vector<std::string> dates{"", "2025-01-01", "2024-02-29", "1999-12-31"};
    const Catalogue& cat = catalogue();

    Project p;
    p.catalogue = cat;
    p.assessment = {pick(words), pick(words), pick(words), "chain_map", "UBC", "CO", {pick(dates), pick(dates)}, "COP", pick(words)};
    const int nActors = std::uniform_int_distribution<int>(2, 25)(rng);
    for (int i = 0; i < nActors; ++i) {
        Actor a;
        a.id = "a" + std::to_string(i) + (chance(0.3) ? "-ñ" : "");
        a.name = pick(words);
        a.kind = static_cast<ActorKind>(std::uniform_int_distribution<int>(0, 7)(rng));
        a.stage = a.kind == ActorKind::Other || chance(0.2) ? std::uniform_int_distribution<int>(1, 9)(rng) : defaultStage(a.kind);
        a.country = chance(0.5) ? "CO" : "";
        a.region = pick(words);
        a.formality = static_cast<Formality>(std::uniform_int_distribution<int>(0, 2)(rng));
        a.headcount = std::uniform_int_distribution<int>(0, 100000)(rng);
        a.capacityT = chance(0.5) ? pick(extremes) : uniform(0, 1000);
        a.stockChangeT = chance(0.5) ? -pick(extremes) : uniform(-50, 50);
        a.lossT = pick(extremes);
        a.publicServiceProvider = chance(0.5);
        for (const RiskFactor& rf : cat.riskFactors)
            if (chance(0.1)) a.riskFactors.push_back(rf.id);
        a.notes = pick(words) + pick(words);
        p.actors.push_back(a);
    }
    const int nFlows = std::uniform_int_distribution<int>(0, 40)(rng);
    for (int i = 0; i < nFlows; ++i) {
        Flow f;
        f.id = "f" + std::to_string(i);
        const int from = std::uniform_int_distribution<int>(0, nActors - 1)(rng);
        const int to = (from + std::uniform_int_distribution<int>(1, nActors - 1)(rng)) % nActors;
        f.from = p.actors[from].id;
        f.to = p.actors[to].id;
        f.material = pick(words);
        f.tonnes = chance(0.6) ? pick(extremes) : uniform(1e-6, 1e6);
        f.documentedT = chance(0.3) ? f.tonnes : f.tonnes * uniform(0, 1);
        f.periodStart = pick(dates);
        f.periodEnd = pick(dates);
        f.evidence = static_cast<Evidence>(std::uniform_int_distribution<int>(0, 4)(rng));
        for (const DocumentType& dt : cat.documentTypes)
            if (chance(0.15)) f.documents.push_back(dt.id);
        f.payment = static_cast<Payment>(std::uniform_int_distribution<int>(0, 2)(rng));
        f.pricePerT = chance(0.5) ? 0 : pick(extremes);
        f.typology = chance(0.3) ? "" : "rrrm-" + std::to_string(std::uniform_int_distribution<int>(1, 4)(rng));
        f.notes = pick(words);
        p.flows.push_back(f);
    }
    Checklist c;
    c.scope = Checklist::kAssessmentScope;
    for (const ChecklistItemTemplate& t : cat.checklistItems)
        if (chance(0.5)) {
            ChecklistItem item{t.id, static_cast<ItemStatus>(std::uniform_int_distribution<int>(0, 3)(rng)), pick(words), {}, pick(words), pick(dates)};
            if (chance(0.3)) item.documents = {pick(words), "invoice 17"};
            c.items.push_back(item);
        }
    p.checklists.push_back(c);
    if (chance(0.5)) p.checklists.push_back({p.actors[0].id, {}, {}});
    const double t1 = pick(extremes);
    p.goals.push_back({p.actors[0].id, chance(0.5) ? p.actors[1].id : "", {t1, t1 * 2, t1 * 3}, pick(words)});
    p.supports.push_back({p.actors[1].id, pick(words), 2, pick(words), 117, 0, pick(extremes), pick(words)});
    return p;
}

}  // namespace

TEST_CASE("ChainJson - 50 random chains round-trip exactly, with extreme doubles and unicode texts") {
    std::mt19937 rng(20250101);
    for (int i = 0; i < 50; ++i) {
        const Project original = randomChain(rng);
        INFO("chain " << i);
        REQUIRE(validateProject(original).empty());
        const std::string exported = projectToJson(original);
        const Project back = projectFromJson(exported, catalogue());
        CHECK(back.sameChain(original));
        CHECK(projectToJson(back) == exported);
    }
}

TEST_CASE("ChainJson - corrupted copies of the sample import whole or fail with InvalidInput, never otherwise") {
    const std::string sample = sampleText();
    std::mt19937 rng(7);
    int imported = 0, refused = 0;
    for (int i = 0; i < 400; ++i) {
        std::string text = sample;
        const int edits = std::uniform_int_distribution<int>(1, 4)(rng);
        for (int k = 0; k < edits; ++k) {
            const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng);
            switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
                case 0: text[at] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng)); break;
                case 1: text.erase(at, std::uniform_int_distribution<std::size_t>(1, 40)(rng)); break;
                case 2: text.resize(at); break;
                default: text.insert(at, std::string(1, "{}[],:\"0e-"[std::uniform_int_distribution<int>(0, 9)(rng)])); break;
            }
            if (text.empty()) text = "x";
        }
        try {
            const Project p = projectFromJson(text, catalogue());
            CHECK(validateProject(p).empty());  // a result is always a valid project
            ++imported;
        } catch (const traza::InvalidInput& e) {
            CHECK(std::string(e.what()).size() > e.reason().size());  // every refusal says where
            ++refused;
        }
    }
    CHECK(imported + refused == 400);
    CHECK(refused > 200);
}

TEST_CASE("ChainJson - the assessment's sign-off keys are read, written only when set, and dates are checked") {
    json d = minimal();
    // Without them, nothing about sign-off is written (older files round-trip unchanged).
    CHECK(projectToJson(projectFromJson(d.dump(), catalogue())).find("reviewer") == std::string::npos);
    d["assessment"] = {{"assessor", "A. Evaluadora"}, {"assessed_on", "2026-03-02"}, {"reviewer", "R. Revisor"},
                       {"reviewed_on", "2026-03-09"}};
    const Project p = projectFromJson(d.dump(), catalogue());
    CHECK(p.assessment.assessedOn == "2026-03-02");
    CHECK(p.assessment.reviewer == "R. Revisor");
    CHECK(p.assessment.reviewedOn == "2026-03-09");
    const json back = json::parse(projectToJson(p));
    CHECK(back["assessment"]["reviewer"] == "R. Revisor");
    CHECK(projectFromJson(projectToJson(p), catalogue()).assessment == p.assessment);
    d["assessment"]["reviewed_on"] = "2026-02-30";
    requireErrorAt(d, "assessment.reviewed_on", "date");
}

TEST_CASE("ChainJson - uncertainty: sd keys and null tonnes read, written only when used, checked") {
    json d = minimal();
    d["actors"][0]["stock_change_sd_t"] = 1.5;
    d["actors"][0]["loss_sd_t"] = 0.25;
    d["flows"][0]["sd_t"] = 2;
    d["actors"].push_back({{"id", "c"}, {"kind", "refiner"}});
    d["flows"].push_back({{"id", "f2"}, {"from", "b"}, {"to", "c"}, {"tonnes", nullptr}});
    const Project p = projectFromJson(d.dump(), catalogue());
    CHECK(p.actors[0].stockChangeSdT == 1.5);
    CHECK(p.actors[0].lossSdT == 0.25);
    CHECK(p.actors[1].stockChangeSdT == 0);
    CHECK(p.flows[0].sdT == 2);
    CHECK_FALSE(p.flows[0].tonnesUnknown);
    CHECK(p.flows[1].tonnesUnknown);
    CHECK(p.flows[1].tonnes == 0);

    const json back = json::parse(projectToJson(p));
    CHECK(back["actors"][0]["stock_change_sd_t"] == 1.5);
    CHECK(back["actors"][0]["loss_sd_t"] == 0.25);
    CHECK(back["flows"][0]["sd_t"] == 2);
    CHECK(back["flows"][1]["tonnes"].is_null());
    // Keys only when used: the exact figures carry none.
    CHECK_FALSE(back["actors"][1].contains("stock_change_sd_t"));
    CHECK_FALSE(back["actors"][1].contains("loss_sd_t"));
    CHECK_FALSE(back["flows"][1].contains("sd_t"));
    CHECK(projectFromJson(back.dump(), catalogue()).sameChain(p));

    json bad = minimal();
    bad["flows"][0]["sd_t"] = -1;
    requireErrorAt(bad, "flows[0].sd_t", "at least 0");
    bad = minimal();
    bad["actors"][1]["loss_sd_t"] = -0.5;
    requireErrorAt(bad, "actors[1].loss_sd_t", "at least 0");
    bad = minimal();
    bad["actors"][1]["stock_change_sd_t"] = "2";
    requireErrorAt(bad, "actors[1].stock_change_sd_t", "must be a number");
    bad = minimal();
    bad["flows"][0]["tonnes"] = nullptr;
    bad["flows"][0]["documented_t"] = 3;
    requireErrorAt(bad, "flows[0].documented_t", "unknown");
    bad = minimal();
    bad["flows"][0]["tonnes"] = nullptr;
    bad["flows"][0]["sd_t"] = 3;
    requireErrorAt(bad, "flows[0].sd_t", "unknown");
}
