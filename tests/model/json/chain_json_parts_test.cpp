// The chain JSON reader fed one object at a time (the server store's way)
// reads what the whole-document reader reads and refuses what it refuses,
// with the same JSON paths.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_parts.h"
#include "error.h"
#include "text_file.h"
#include "chain_json_parts_of.h"

using namespace traza;
using nlohmann::json;
using traza::test::partsOf;

namespace {


std::string sample() {
    return model::readTextFile(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", 1 << 26, "chain JSON");
}

}  // namespace

TEST_CASE("projectFromJsonParts reads what projectFromJson reads", "[chain_json_parts]") {
    const std::string text = sample();
    const model::Project whole = model::projectFromJson(text, model::Catalogue::installed());
    std::vector<std::string> store;
    const model::Project parts = model::projectFromJsonParts(partsOf(json::parse(text), store), model::Catalogue::installed());
    CHECK(parts.sameChain(whole));
    CHECK(model::projectToJson(parts) == model::projectToJson(whole));
    CHECK(parts.actors.size() == 14);
}

TEST_CASE("projectFromJsonParts refuses what projectFromJson refuses, at the same path", "[chain_json_parts]") {
    const json doc = json::parse(sample());
    std::vector<std::string> store;
    auto both = [&](const json& changed) {
        std::string wholeWhere, partsWhere;
        try {
            model::projectFromJson(changed.dump(), model::Catalogue::installed());
        } catch (const InvalidInput& e) {
            wholeWhere = e.where() + ": " + e.reason();
        }
        try {
            model::projectFromJsonParts(partsOf(changed, store), model::Catalogue::installed());
        } catch (const InvalidInput& e) {
            partsWhere = e.where() + ": " + e.reason();
        }
        CHECK_FALSE(wholeWhere.empty());
        CHECK(partsWhere == wholeWhere);
        return partsWhere;
    };
    json bad = doc;
    bad["flows"][2]["to"] = "nobody";
    CHECK(both(bad).rfind("flows[2].to: ", 0) == 0);
    bad = doc;
    bad["actors"][1]["colour"] = "red";
    CHECK(both(bad).rfind("actors[1].colour: ", 0) == 0);
    bad = doc;
    bad["actors"][5]["id"] = bad["actors"][4]["id"];
    both(bad);
    bad = doc;
    bad["flows"][0]["tonnes"] = -4;
    both(bad);
    bad = doc;
    bad["assessment"]["period"] = 2025;
    CHECK(both(bad).rfind("assessment.period: ", 0) == 0);
    // An actor error comes before a flow error, as in the document.
    bad = doc;
    bad["flows"][0]["to"] = "nobody";
    bad["actors"][13]["kind"] = "wizard";
    CHECK(both(bad).rfind("actors[13].kind: ", 0) == 0);
    // A flow with neither tonnes nor records, in a document without records
    // (a fuzzer's find: the parts reader skipped this check without records).
    bad = doc;
    bad.erase("records");
    for (json& f : bad["flows"]) f["tonnes"] = 1.0, f.erase("documented_t"), f.erase("evidence");
    bad["flows"][3].erase("tonnes");
    CHECK(both(bad).rfind("flows[3].tonnes: missing required field", 0) == 0);
    bad["goals"][0]["actor"] = "nobody";  // and a later error that validation would report
    CHECK(both(bad).rfind("flows[3].tonnes: missing required field", 0) == 0);
}

TEST_CASE("projectFromJsonParts: a fragment's own syntax and limits are checked, named by its path", "[chain_json_parts]") {
    std::vector<std::string> store;
    model::ChainJsonParts parts = partsOf(json::parse(sample()), store);
    std::string broken = std::string(parts.flows[1].substr(0, parts.flows[1].size() - 1));  // the closing brace lost
    parts.flows[1] = broken;
    CHECK_THROWS_WITH(model::projectFromJsonParts(parts, model::Catalogue::installed()),
                      Catch::StartsWith("flows[1] (byte ") && Catch::Contains("not valid JSON"));
    parts = partsOf(json::parse(sample()), store);
    const std::string duplicate = R"({"id":"x","id":"y"})";
    parts.actors[0] = duplicate;
    CHECK_THROWS_WITH(model::projectFromJsonParts(parts, model::Catalogue::installed()),
                      Catch::StartsWith("actors[0].id: duplicate field"));
    // Encoding: the strict reader's message (the reader without a DOM declines the fragment).
    parts = partsOf(json::parse(sample()), store);
    const std::string overlong = "{\"id\":\"\xC0\xAF\"}";
    parts.actors[0] = overlong;
    CHECK_THROWS_WITH(model::projectFromJsonParts(parts, model::Catalogue::installed()),
                      Catch::StartsWith("actors[0] (byte 8 of it)") && Catch::Contains("invalid UTF-8"));
    // Nesting: the fragment sits two levels down, so the document's limit of 64 counts them (62 arrays: 65 levels in the document).
    parts = partsOf(json::parse(sample()), store);
    std::string deep = R"({"id":"x","notes":)" + std::string(62, '[') + std::string(62, ']') + "}";
    parts.actors[0] = deep;
    CHECK_THROWS_WITH(model::projectFromJsonParts(parts, model::Catalogue::installed()), Catch::Contains("nesting deeper than"));
}
