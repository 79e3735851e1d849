#include "chain_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "chain_json.h"
#include "chain_records.h"
#include "error.h"

namespace traza::bench {
namespace {

using detail::LinkKind;
using detail::Tier;

// A trading relation between two actors; `deliveries` flows carry its tonnes.
struct Link {
    std::size_t from = 0;
    std::size_t to = 0;
    LinkKind kind = LinkKind::FirstMile;
    int deliveries = 1;
    double weight = 1;  // share of the seller's sales, before normalising
    double tonnes = 0;
};

class ChainBuilder {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    ChainBuilder(const ChainShape& shape, const model::Catalogue& catalogue) : m_shape(shape), m_random(shape.seed) {
        m_project.catalogue = catalogue;
        m_first = {0, shape.pickerGroups, shape.pickerGroups + shape.organisations,
                   shape.pickerGroups + shape.organisations + shape.intermediaries,
                   shape.pickerGroups + shape.organisations + shape.intermediaries + shape.exporters};
    }

    model::Project build() {
        makeActors();
        makeBackbone();
        const std::size_t returns = m_shape.cycles ? std::min((m_shape.flows - m_flowCount) / 10,
                                                              count(Tier::Intermediary) * 3 / 10)
                                                   : 0;
        makeExtras(m_shape.flows - returns);
        makeReturns(returns);
        fillWithRepeats();
        setTonnes();
        writeFlows();
        writeAssessmentRecords();
        return std::move(m_project);
    }

private:
    std::size_t first(Tier t) const { return m_first[static_cast<int>(t)]; }
    std::size_t count(Tier t) const {
        const std::size_t counts[] = {m_shape.pickerGroups, m_shape.organisations, m_shape.intermediaries,
                                      m_shape.exporters, m_shape.refiners};
        return counts[static_cast<int>(t)];
    }
    // Exports are concentrated: a handful of exporters buy most of the country's
    // scrap and a handful of remelters abroad most of the exports.
    std::size_t skewedOf(Tier t) { return first(t) + m_random.skewed(count(t), t >= Tier::Exporter ? 4.0 : 2.0); }
    std::size_t anyOf(Tier t) { return first(t) + m_random.below(count(t)); }
    // An actor of tier t in the region, or any when the region has none.
    std::size_t inRegion(Tier t, std::size_t region) {
        const auto& list = m_byRegion[static_cast<int>(t)][region];
        return list.empty() ? anyOf(t) : list[m_random.below(list.size())];
    }

    void makeActors() {
        m_region.resize(m_shape.actorCount());
        for (int t = 0; t < 5; ++t) {
            const Tier tier = static_cast<Tier>(t);
            const std::size_t width = std::to_string(count(tier)).size();
            m_byRegion[t].resize(detail::regionCount());
            for (std::size_t i = 0; i < count(tier); ++i) {
                const std::size_t region = detail::drawRegion(m_random);
                m_region[first(tier) + i] = region;
                m_byRegion[t][region].push_back(first(tier) + i);
                m_project.actors.push_back(detail::makeActor(tier, i + 1, width, region, m_random));
            }
        }
        m_out.resize(m_shape.actorCount());
    }

    // Adds a flow between two actors: a new link, or one more delivery on an existing one.
    void addLink(std::size_t from, std::size_t to, LinkKind kind, double weight) {
        const std::uint64_t key = (static_cast<std::uint64_t>(from) << 32) | to;
        auto [it, fresh] = m_pairs.emplace(key, m_links.size());
        ++m_flowCount;
        if (!fresh) {
            ++m_links[it->second].deliveries;
            return;
        }
        m_links.push_back({from, to, kind, 1, weight, 0});
        m_out[from].push_back(m_links.size() - 1);
    }

    // Every actor sells somewhere: the chain's backbone.
    void makeBackbone() {
        for (std::size_t i = 0; i < count(Tier::Picker); ++i) {
            const std::size_t picker = first(Tier::Picker) + i;
            const std::size_t org = inRegion(Tier::Organisation, m_region[picker]);
            addLink(picker, org, LinkKind::FirstMile, m_random.between(2, 5));
        }
        for (std::size_t i = 0; i < count(Tier::Organisation); ++i) {
            const std::size_t org = first(Tier::Organisation) + i;
            if (m_random.chance(0.7))
                addLink(org, skewedOf(Tier::Exporter), LinkKind::OrgToExporter, m_random.between(2, 5));
            else
                addLink(org, inRegion(Tier::Intermediary, m_region[org]), LinkKind::OrgToIntermediary,
                        m_random.between(2, 5));
        }
        for (std::size_t i = 0; i < count(Tier::Intermediary); ++i)
            addLink(first(Tier::Intermediary) + i, skewedOf(Tier::Exporter), LinkKind::IntermediaryToExporter,
                    m_random.between(2, 5));
        // Every refiner has a supplier (the first exporters serve one each); the rest sell to the large ones.
        for (std::size_t i = 0; i < count(Tier::Exporter); ++i)
            addLink(first(Tier::Exporter) + i,
                    i < count(Tier::Refiner) ? first(Tier::Refiner) + i : skewedOf(Tier::Refiner), LinkKind::Export,
                    m_random.between(2, 5));
        if (m_flowCount > m_shape.flows)
            throw InvalidInput("--flows", "the chain needs at least " + std::to_string(m_flowCount) +
                                              " flows (one sale per picker group, organisation, intermediary and exporter)");
    }

    // The organisation's sale to an exporter (where returns are sold on), or npos.
    std::size_t exporterSale(std::size_t org) const {
        for (std::size_t l : m_out[org])
            if (m_links[l].kind == LinkKind::OrgToExporter) return l;
        return npos;
    }

    // Intermediaries selling back to an organisation they buy from: small cycles.
    void makeReturns(std::size_t budget) {
        if (budget == 0) return;
        std::vector<std::vector<std::size_t>> suppliers(count(Tier::Intermediary));
        for (const Link& l : m_links)
            if (l.kind == LinkKind::OrgToIntermediary && exporterSale(l.from) != npos)
                suppliers[l.to - first(Tier::Intermediary)].push_back(l.from);
        const std::size_t target = m_flowCount + budget;
        for (std::size_t attempt = 0; m_flowCount < target && attempt < budget * 20; ++attempt) {
            const std::size_t i = m_random.below(count(Tier::Intermediary));
            if (suppliers[i].empty()) continue;
            const std::size_t org = suppliers[i][m_random.below(suppliers[i].size())];
            addLink(first(Tier::Intermediary) + i, org, LinkKind::Return, m_random.between(0.1, 0.4));
        }
    }

    void makeExtras(std::size_t upTo) {
        while (m_flowCount < upTo) addExtra();
    }

    // Repeat deliveries until the flow count is reached (when returns fell short).
    void fillWithRepeats() {
        while (m_flowCount < m_shape.flows) {
            Link& l = m_links[m_random.below(m_links.size())];
            if (l.kind == LinkKind::Return) continue;
            ++l.deliveries;
            ++m_flowCount;
        }
    }

    // One more flow of a kind drawn from the national mix.
    void addExtra() {
        const double u = m_random.uniform();
        if (u < 0.40) {  // a picker group also selling to a cash buyer
            const std::size_t picker = anyOf(Tier::Picker);
            if (m_random.chance(0.6))
                addLink(picker, inRegion(Tier::Intermediary, m_region[picker]), LinkKind::SecondBuyer,
                        m_random.between(0.3, 1));
            else
                addLink(picker, inRegion(Tier::Organisation, m_region[picker]), LinkKind::SecondBuyer,
                        m_random.between(0.3, 1));
        } else if (u < 0.60) {  // an organisation with a second buyer
            const std::size_t org = anyOf(Tier::Organisation);
            if (m_random.chance(0.6))
                addLink(org, skewedOf(Tier::Exporter), LinkKind::OrgToExporter, m_random.between(0.5, 2));
            else
                addLink(org, inRegion(Tier::Intermediary, m_region[org]), LinkKind::OrgToIntermediary,
                        m_random.between(0.3, 1));
        } else if (u < 0.68) {
            addLink(anyOf(Tier::Intermediary), skewedOf(Tier::Exporter), LinkKind::IntermediaryToExporter,
                    m_random.between(0.5, 2));
        } else if (u < 0.70) {
            addLink(anyOf(Tier::Exporter), skewedOf(Tier::Refiner), LinkKind::Export, m_random.between(0.5, 2));
        } else {  // repeat deliveries on an existing relation (e.g. one per quarter)
            Link& l = m_links[m_random.below(m_links.size())];
            ++l.deliveries;
            ++m_flowCount;
        }
    }

    // Tonnes stage by stage, so what an actor sells is what it received less
    // its declared losses and stock change (a few dealers sell more: flagged gaps).
    void setTonnes() {
        std::vector<double> in(m_shape.actorCount(), 0.0);
        auto sell = [&](std::size_t actor, double amount) {
            double weights = 0;
            for (std::size_t l : m_out[actor]) weights += m_links[l].weight;
            for (std::size_t l : m_out[actor]) {
                m_links[l].tonnes = amount * m_links[l].weight / weights;
                in[m_links[l].to] += m_links[l].tonnes;
            }
        };
        for (std::size_t a = 0; a < first(Tier::Refiner); ++a) {
            model::Actor& actor = m_project.actors[a];
            if (a < first(Tier::Organisation)) {
                sell(a, actor.headcount * m_random.between(0.4, 1.6));
                continue;
            }
            const bool exporter = a >= first(Tier::Exporter);
            actor.lossT = detail::kilograms(in[a] * (exporter ? m_random.between(0.002, 0.01) : m_random.between(0.005, 0.03)));
            actor.stockChangeT = std::round(in[a] * m_random.between(-0.02, 0.03) * 1000) / 1000;
            double out = in[a] - actor.lossT - actor.stockChangeT;
            if (actor.kind == model::ActorKind::Intermediary && m_random.chance(0.02)) out *= m_random.between(1.05, 1.25);
            actor.capacityT = std::round(in[a] * (m_random.chance(0.03) ? 0.8 : m_random.between(1.1, 2.0)));
            sell(a, out);
            // What a dealer sells back to an organisation, the organisation sells on to its exporter.
            for (std::size_t l : m_out[a]) {
                if (m_links[l].kind != LinkKind::Return) continue;
                Link& onward = m_links[exporterSale(m_links[l].to)];
                onward.tonnes += m_links[l].tonnes;
                in[onward.to] += m_links[l].tonnes;
            }
        }
    }

    void writeFlows() {
        const std::size_t width = std::to_string(m_flowCount).size();
        static constexpr const char* kQuarters[4][2] = {{"2025-01-01", "2025-03-31"}, {"2025-04-01", "2025-06-30"},
                                                         {"2025-07-01", "2025-09-30"}, {"2025-10-01", "2025-12-31"}};
        m_project.flows.reserve(m_flowCount);
        for (const Link& l : m_links) {
            std::vector<double> weights(l.deliveries);
            double total = 0;
            for (double& w : weights) total += w = m_random.between(0.5, 1.5);
            for (int j = 0; j < l.deliveries; ++j) {
                model::Flow f;
                std::string digits = std::to_string(m_project.flows.size() + 1);
                f.id = "f" + std::string(width - digits.size(), '0') + digits;
                f.from = m_project.actors[l.from].id;
                f.to = m_project.actors[l.to].id;
                f.tonnes = detail::kilograms(l.tonnes * weights[j] / total);
                if (l.deliveries > 1) {
                    f.periodStart = kQuarters[j % 4][0];
                    f.periodEnd = kQuarters[j % 4][1];
                }
                detail::fillFlow(f, l.kind, m_project.actors[l.from].publicServiceProvider, m_random);
                m_project.flows.push_back(std::move(f));
            }
        }
    }

    void writeAssessmentRecords() {
        model::Assessment& a = m_project.assessment;
        a.title = "Synthetic national chain (seed " + std::to_string(m_shape.seed) + ", " +
                  std::to_string(m_flowCount) + " flows)";
        a.assessor = "traza-genchain";
        a.organisation = "Benchmark";
        a.purpose = "chain_map";
        a.material = "UBC";
        a.country = "CO";
        a.period = {"2025-01-01", "2025-12-31"};
        a.currency = "COP";
        a.notes = "Generated for benchmarks (bench/chain_generator.h); the figures are not real.";

        std::vector<std::size_t> suppliers;
        for (std::size_t a = first(Tier::Organisation); a < first(Tier::Refiner); ++a) {
            const Tier tier = a < first(Tier::Intermediary) ? Tier::Organisation
                              : a < first(Tier::Exporter)   ? Tier::Intermediary
                                                            : Tier::Exporter;
            if (tier == Tier::Exporter || m_random.chance(tier == Tier::Organisation ? 0.1 : 0.05))
                suppliers.push_back(a);
        }
        detail::addChecklists(m_project, suppliers, m_random);

        for (std::size_t org = first(Tier::Organisation); org < first(Tier::Intermediary); ++org) {
            const std::size_t sale = exporterSale(org);
            if (sale == npos || !m_random.chance(0.08)) continue;
            const Link& l = m_links[sale];
            detail::addGoal(m_project, m_project.actors[org], m_project.actors[l.to].id, l.tonnes, m_random);
        }
    }

    const ChainShape& m_shape;
    RandomSource m_random;
    model::Project m_project;
    std::array<std::size_t, 5> m_first{};
    std::vector<std::size_t> m_region;                        // per actor
    std::vector<std::vector<std::size_t>> m_byRegion[5];      // per tier, per region: actors
    std::vector<Link> m_links;
    std::vector<std::vector<std::size_t>> m_out;              // per actor: its links as seller
    std::unordered_map<std::uint64_t, std::size_t> m_pairs;   // (from, to) -> link
    std::size_t m_flowCount = 0;
};

}  // namespace

ChainShape ChainShape::forFlows(std::size_t flows, std::uint64_t seed, bool cycles) {
    ChainShape s;
    const double f = static_cast<double>(flows) / 85'000.0;
    auto scaled = [&](std::size_t n) { return std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(n * f))); };
    s.seed = seed;
    s.pickerGroups = scaled(60'000);
    s.organisations = scaled(5'000);
    s.intermediaries = scaled(1'000);
    s.exporters = scaled(250);
    s.refiners = scaled(60);
    s.flows = flows;
    s.cycles = cycles;
    return s;
}

model::Project generateChain(const ChainShape& shape, const model::Catalogue& catalogue) {
    if (shape.pickerGroups == 0 || shape.organisations == 0 || shape.intermediaries == 0 || shape.exporters == 0 ||
        shape.refiners == 0)
        throw InvalidInput("shape", "every tier needs at least one actor");
    if (shape.actorCount() >= (std::size_t{1} << 32)) throw InvalidInput("shape", "too many actors");
    return ChainBuilder(shape, catalogue).build();
}

std::string generateChainJson(const ChainShape& shape, const model::Catalogue& catalogue) {
    return model::projectToJson(generateChain(shape, catalogue));
}

}  // namespace traza::bench
