// Sentences (risk/sentence.h) are made lazily; these tests check that the
// words come out exactly as the analysis wrote them when it stored finished
// text. The golden files tests/risk/data/care-analysis-{en,es}.json are the
// `traza-cli analyze --json` output of the CARE sample written by the code
// before sentences became lazy (commit ce2400f); they are compared by content
// (every key, string and number equal), which for this output is byte for byte.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_json.h"

using namespace traza;

namespace {
const model::Project& care() {
    static const model::Project p = model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json",
                                                           model::Catalogue::installed());
    return p;
}
std::string golden(const std::string& name) {
    std::ifstream in(std::string(TRAZA_TEST_SOURCEDIR) + "/data/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("Sentence - copies share their words and give them back unchanged") {
    const risk::Sentence a(std::string("kind 'exporter' has inherent risk 0.60"));
    const risk::Sentence b = a;  // NOLINT: the copy is the point
    CHECK(b == "kind 'exporter' has inherent risk 0.60");
    CHECK(a.text() == b.text());
    CHECK(risk::Sentence().empty());
    CHECK(risk::Sentence().text().empty());
    CHECK_FALSE(b == "kind 'exporter' has inherent risk 0.6");
    const std::vector<risk::Sentence> list{a, risk::Sentence("second")};
    CHECK(risk::texts(list) == std::vector<std::string>{"kind 'exporter' has inherent risk 0.60", "second"});
    std::ostringstream out;
    out << b;
    CHECK(out.str() == b.text());
}

TEST_CASE("Sentence - the CARE sample's analysis JSON is what finished sentences gave (English)") {
    const std::string expected = golden("care-analysis-en.json");
    REQUIRE_FALSE(expected.empty());
    const std::string got = risk::analysisToJson(risk::analyze(care()));
    CHECK(nlohmann::json::parse(got) == nlohmann::json::parse(expected));
    CHECK(got + "\n" == expected);  // the CLI adds the final newline
}

TEST_CASE("Sentence - the CARE sample's analysis JSON is what finished sentences gave (Spanish)") {
    const std::string expected = golden("care-analysis-es.json");
    REQUIRE_FALSE(expected.empty());
    risk::AnalysisOptions options;
    options.language = "es";
    const std::string got = risk::analysisToJson(risk::analyze(care(), options));
    CHECK(nlohmann::json::parse(got) == nlohmann::json::parse(expected));
    CHECK(got + "\n" == expected);
}

TEST_CASE("Sentence - red-flag details are filled from the rule's template when read") {
    const risk::Analysis a = risk::analyze(care());
    REQUIRE_FALSE(a.redFlags.empty());
    for (const risk::RedFlag& f : a.redFlags) {
        const std::string text = f.detail.text();
        CHECK_FALSE(text.empty());
        CHECK(text.find('{') == std::string::npos);  // every placeholder filled
        CHECK(text == f.detail.text());              // the same words every time
    }
}
