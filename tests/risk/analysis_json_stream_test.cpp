// The streamed analysis JSON (analysis_json.cpp) against the tree writer it
// replaced (analysis_json_tree_writer.h): the same bytes for the CARE sample in
// both languages, for a chain with cycles, and for odd strings and numbers.
#include <catch2/catch.hpp>

#include <limits>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "analysis_json_tree_writer.h"
#include "chain_builder.h"
#include "chain_json.h"

using namespace traza;

namespace {

const model::Project& care() {
    static const model::Project p = model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json",
                                                           model::Catalogue::installed());
    return p;
}

void checkSame(const risk::Analysis& a) {
    const std::string expected = risk::reference::treeAnalysisJson(a);
    const std::string got = risk::analysisToJson(a);
    CHECK(got == expected);
    std::string pieces;
    risk::writeAnalysisJson(a, [&](std::string_view bytes) { pieces.append(bytes); });
    CHECK(pieces == expected);
}

}  // namespace

TEST_CASE("AnalysisJson - the CARE sample's analysis is streamed byte for byte as the tree gave it, in English and Spanish") {
    checkSame(risk::analyze(care()));
    risk::AnalysisOptions es;
    es.language = "es";
    checkSame(risk::analyze(care(), es));
}

TEST_CASE("AnalysisJson - a chain with cycles, odd names and extreme tonnages is streamed as the tree gave it") {
    testing::ChainBuilder b;
    b.actor("p\"1\"", model::ActorKind::WastePicker)
        .actor("org \xc3\xb1 \x01", model::ActorKind::PickerOrganisation)
        .actor("i1", model::ActorKind::Intermediary)
        .actor("i2", model::ActorKind::Intermediary)
        .actor("r1", model::ActorKind::Refiner);
    b.flow("p\"1\"", "org \xc3\xb1 \x01", 0.1 + 0.2, 0.1)
        .flow("org \xc3\xb1 \x01", "i1", 1e-300)
        .flow("i1", "i2", 1e21, 1e20, model::Evidence::Verified)
        .flow("i2", "i1", 3)  // a cycle
        .flow("i2", "org \xc3\xb1 \x01", 0.5)  // and another
        .flow("i2", "r1", 1e15 + 0.5);
    const risk::Analysis a = risk::analyze(b.build());
    CHECK_FALSE(a.warnings.empty());  // the cycles are reported
    checkSame(a);

    // Values the analysis does not produce but the writer must still write as dump() did.
    risk::Analysis odd = a;
    odd.totalT = -0.0;
    odd.actors[0].flowShare = std::numeric_limits<double>::quiet_NaN();
    odd.actors[0].inT = 5e-324;
    odd.traceability.levels.clear();
    odd.destinations.clear();
    checkSame(odd);
}

TEST_CASE("AnalysisJson - a string that is not UTF-8 throws, as dump() did") {
    risk::Analysis a = risk::analyze(care());
    a.warnings.push_back("bad \xff byte");
    CHECK_THROWS_AS(risk::reference::treeAnalysisJson(a), nlohmann::json::type_error);
    CHECK_THROWS_AS(risk::analysisToJson(a), nlohmann::json::type_error);
}
