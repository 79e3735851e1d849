// Property tests of the interchange formats over 250 seeded random chains
// (cycles, parallel flows, isolated actors, odd text and numbers of any size):
// chain JSON and CSV carry a chain without loss, and chain JSON written any
// other valid way normalises in one import/export round.
#include <catch2/catch.hpp>

#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "csv_import.h"
#include "random_chain.h"

using namespace traza;
using namespace traza::model;
using traza::security::RandomChain;

namespace {

constexpr std::uint32_t kChains = 250;

const Catalogue& catalogue() { return Catalogue::installed(); }

Project interchangeChainForSeed(std::uint32_t seed) {
    RandomChain random(seed);
    const int actors = 2 + random.below(30);
    return random.make(catalogue(), actors, random.below(4 * actors));
}

// True when the flows form a directed cycle (depth-first search, three colours).
bool hasCycle(const Project& p) {
    std::map<std::string, std::vector<std::string>> next;
    for (const Flow& f : p.flows) next[f.from].push_back(f.to);
    std::map<std::string, int> colour;  // 0 new, 1 on the stack, 2 done
    std::function<bool(const std::string&)> visit = [&](const std::string& v) {
        colour[v] = 1;
        for (const std::string& w : next[v])
            if (colour[w] == 1 || (colour[w] == 0 && visit(w))) return true;
        colour[v] = 2;
        return false;
    };
    for (const Actor& a : p.actors)
        if (colour[a.id] == 0 && visit(a.id)) return true;
    return false;
}

// The same document written another valid way: keys sorted instead of in
// spec order, fields holding their default left out, no indentation.
std::string rewrittenJson(const std::string& text, RandomChain& random) {
    nlohmann::json doc = nlohmann::json::parse(text);  // nlohmann::json keeps keys sorted
    auto dropDefaults = [&](nlohmann::json& object) {
        for (auto it = object.begin(); it != object.end();) {
            const nlohmann::json& v = it.value();
            const bool isDefault = (v.is_string() && v.get<std::string>().empty()) || (v.is_array() && v.empty()) ||
                                   (v.is_number() && v.get<double>() == 0) || (v.is_boolean() && !v.get<bool>()) ||
                                   (v.is_string() && (v == "informal" || v == "none" || v == "unknown" || v == "not_started"));
            const bool required = it.key() == "id" || it.key() == "kind" || it.key() == "stage" || it.key() == "from" ||
                                   it.key() == "to" || it.key() == "tonnes";
            if (isDefault && !required && random.chance(2)) it = object.erase(it);
            else ++it;
        }
    };
    dropDefaults(doc["assessment"]);
    for (const char* list : {"actors", "flows", "supports"})
        for (nlohmann::json& record : doc[list]) dropDefaults(record);
    return doc.dump(random.chance(2) ? -1 : 4);
}

std::string csvQuoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csvNumber(double v) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

std::string csvList(const std::vector<std::string>& items) {
    std::string s;
    for (const std::string& item : items) s += (s.empty() ? "" : "; ") + item;
    return csvQuoted(s);
}

// Actors and flows files as a spreadsheet would write them (CRLF or LF line ends).
std::pair<std::string, std::string> toCsv(const Project& p, bool crlf) {
    const std::string eol = crlf ? "\r\n" : "\n";
    std::string actors =
        "id,name,kind,stage,country,region,formality,headcount,capacity_t,stock_change_t,loss_t,"
        "public_service_provider,risk_factors,notes" + eol;
    for (const Actor& a : p.actors)
        actors += csvQuoted(a.id) + "," + csvQuoted(a.name) + "," + std::string(toString(a.kind)) + "," +
                  std::to_string(a.stage) + "," + csvQuoted(a.country) + "," + csvQuoted(a.region) + "," +
                  std::string(toString(a.formality)) + "," + std::to_string(a.headcount) + "," + csvNumber(a.capacityT) +
                  "," + csvNumber(a.stockChangeT) + "," + csvNumber(a.lossT) + "," +
                  (a.publicServiceProvider ? "yes" : "no") + "," + csvList(a.riskFactors) + "," + csvQuoted(a.notes) + eol;
    std::string flows =
        "notes,id,from,to,material,tonnes,documented_t,evidence,documents,payment,price_per_t,typology,"
        "period_start,period_end" + eol;  // columns in any order
    for (const Flow& f : p.flows)
        flows += csvQuoted(f.notes) + "," + csvQuoted(f.id) + "," + csvQuoted(f.from) + "," + csvQuoted(f.to) + "," +
                 csvQuoted(f.material) + "," + csvNumber(f.tonnes) + "," + csvNumber(f.documentedT) + "," +
                 std::string(toString(f.evidence)) + "," + csvList(f.documents) + "," + std::string(toString(f.payment)) +
                 "," + csvNumber(f.pricePerT) + "," + f.typology + "," + f.periodStart + "," + f.periodEnd + eol;
    return {actors, flows};
}

}  // namespace

TEST_CASE("Properties - chain JSON export then import gives the same chain and the same text (250 random chains)") {
    int withCycles = 0;
    for (std::uint32_t seed = 1; seed <= kChains; ++seed) {
        const Project p = interchangeChainForSeed(seed);
        withCycles += hasCycle(p);
        const std::string text = projectToJson(p);
        INFO("seed " << seed);
        Project back;
        REQUIRE_NOTHROW(back = projectFromJson(text, catalogue()));
        CHECK(back.sameChain(p));
        CHECK(projectToJson(back) == text);
    }
    CHECK(withCycles >= 50);  // the generator really produces cyclic chains
}

TEST_CASE("Properties - chain JSON written another way normalises in one round (250 random chains)") {
    for (std::uint32_t seed = 1; seed <= kChains; ++seed) {
        const Project p = interchangeChainForSeed(seed);
        RandomChain random(seed * 7919);
        const std::string raw = rewrittenJson(projectToJson(p), random);
        INFO("seed " << seed << "\n" << raw.substr(0, 2000));
        const Project first = projectFromJson(raw, catalogue());
        CHECK(first.sameChain(p));
        const std::string once = projectToJson(first);
        CHECK(projectToJson(projectFromJson(once, catalogue())) == once);
        CHECK(once == projectToJson(p));
    }
}

TEST_CASE("Properties - CSV files written from a random chain import as the same actors and flows (250 random chains)") {
    for (std::uint32_t seed = 1; seed <= kChains; ++seed) {
        const Project p = interchangeChainForSeed(seed);
        const auto [actors, flows] = toCsv(p, seed % 2 == 0);
        INFO("seed " << seed << "\n" << actors.substr(0, 1500) << "\n" << flows.substr(0, 1500));
        Project back;
        REQUIRE_NOTHROW(back = projectFromCsv(actors, flows, catalogue()));
        REQUIRE(back.actors.size() == p.actors.size());
        for (std::size_t i = 0; i < p.actors.size(); ++i) CHECK(back.actors[i].sameData(p.actors[i]));
        CHECK(back.flows == p.flows);
    }
}
