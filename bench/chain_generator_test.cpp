// The synthetic chain generator: deterministic, sized as asked, valid input
// for every entry path, mass balances that close, cycles only when asked.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "analysis.h"
#include "chain_generator.h"
#include "chain_json.h"
#include "error.h"
#include "validation.h"

using namespace traza;

namespace {

const model::Catalogue& catalogue() { return model::Catalogue::installed(); }

std::size_t countKind(const model::Project& p, model::ActorKind k) {
    std::size_t n = 0;
    for (const auto& a : p.actors) n += a.kind == k;
    return n;
}

}  // namespace

TEST_CASE("ChainGenerator - the same seed and shape give the same chain, another seed another") {
    const auto shape = bench::ChainShape::forFlows(2'000, 7);
    const std::string a = bench::generateChainJson(shape, catalogue());
    CHECK(a == bench::generateChainJson(shape, catalogue()));
    CHECK(a != bench::generateChainJson(bench::ChainShape::forFlows(2'000, 8), catalogue()));
}

TEST_CASE("ChainGenerator - counts follow the shape and the national mix") {
    const auto shape = bench::ChainShape::forFlows(8'500, 1);
    CHECK(shape.pickerGroups == 6'000);
    CHECK(shape.organisations == 500);
    CHECK(shape.intermediaries == 100);
    CHECK(shape.exporters == 25);
    CHECK(shape.refiners == 6);
    const model::Project p = bench::generateChain(shape, catalogue());
    CHECK(p.flows.size() == 8'500);
    CHECK(countKind(p, model::ActorKind::WastePicker) == 6'000);
    CHECK(countKind(p, model::ActorKind::PickerOrganisation) == 500);
    CHECK(countKind(p, model::ActorKind::Intermediary) == 100);
    CHECK(countKind(p, model::ActorKind::Exporter) == 25);
    CHECK(countKind(p, model::ActorKind::Refiner) == 6);
    // Supplier checklists for every exporter, goals for some organisations.
    CHECK(p.checklists.size() > 25);
    CHECK(!p.goals.empty());

    bench::ChainShape tight = shape;
    tight.flows = 6'000;  // fewer than the backbone of one sale per seller
    CHECK_THROWS_AS(bench::generateChain(tight, catalogue()), InvalidInput);
}

TEST_CASE("ChainGenerator - the chain is valid and survives a chain JSON round trip") {
    const model::Project p = bench::generateChain(bench::ChainShape::forFlows(3'000, 3, true), catalogue());
    const auto issues = model::validateProject(p);
    INFO((issues.empty() ? std::string() : issues.front().path + ": " + issues.front().reason));
    CHECK(issues.empty());
    const model::Project back = model::projectFromJson(model::projectToJson(p), catalogue());
    CHECK(back.sameChain(p));
}

TEST_CASE("ChainGenerator - mass balances close except for the few dealers selling more than they bought") {
    const model::Project p = bench::generateChain(bench::ChainShape::forFlows(20'000, 5, true), catalogue());
    std::map<std::string, double> in, out;
    for (const auto& f : p.flows) {
        in[f.to] += f.tonnes;
        out[f.from] += f.tonnes;
    }
    std::size_t open = 0, openOutsideDealers = 0, checked = 0;
    for (const auto& a : p.actors) {
        if (a.kind == model::ActorKind::WastePicker || a.kind == model::ActorKind::Refiner) continue;
        ++checked;
        const double gap = in[a.id] - out[a.id] - a.stockChangeT - a.lossT;
        if (std::fabs(gap) > std::max(0.01 * in[a.id], 0.1)) {
            ++open;
            if (a.kind != model::ActorKind::Intermediary) ++openOutsideDealers;
        }
    }
    CHECK(checked > 1'000);
    CHECK(openOutsideDealers == 0);
    CHECK(open <= countKind(p, model::ActorKind::Intermediary) / 10);
}

TEST_CASE("ChainGenerator - return flows and cycles appear only when asked for") {
    auto returns = [](const model::Project& p) {
        std::map<std::string, model::ActorKind> kind;
        for (const auto& a : p.actors) kind[a.id] = a.kind;
        std::size_t n = 0;
        for (const auto& f : p.flows)
            n += kind[f.from] == model::ActorKind::Intermediary && kind[f.to] == model::ActorKind::PickerOrganisation;
        return n;
    };
    const model::Project plain = bench::generateChain(bench::ChainShape::forFlows(10'000, 4, false), catalogue());
    const model::Project cyclic = bench::generateChain(bench::ChainShape::forFlows(10'000, 4, true), catalogue());
    CHECK(returns(plain) == 0);
    CHECK(returns(cyclic) > 0);
    auto cycleWarnings = [](const risk::Analysis& a) {
        std::size_t n = 0;
        for (const auto& w : a.warnings) n += w.rfind("Cycle among actors", 0) == 0;
        return n;
    };
    CHECK(cycleWarnings(risk::analyze(plain)) == 0);
    CHECK(cycleWarnings(risk::analyze(cyclic)) > 0);
}
