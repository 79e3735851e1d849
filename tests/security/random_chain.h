#pragma once
// Seeded random chains for property tests and the save helper: any number of
// actors of every kind, flows between random pairs (so cycles, parallel flows
// and isolated actors all occur), every optional field sometimes set, text in
// several scripts, and tonnages from 1e-301 to 1e271 t (or plausible ones).
// Always a valid project.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "catalogue.h"
#include "project.h"

namespace traza::security {

class RandomChain {
public:
    /// Extreme: tonnages from 1e-301 to 1e271 t (number formatting, parsing).
    /// Plausible: 0.5 to 5000 t, as real chains have (the analysis tests: see
    /// nearly_closed_cycle_test.cpp for the extreme ratios the analysis handles).
    enum class Magnitudes { Extreme, Plausible };

    explicit RandomChain(std::uint32_t seed, Magnitudes magnitudes = Magnitudes::Extreme)
        : m_random(seed), m_magnitudes(magnitudes) {}

    /// A valid project of `actorCount` actors and `flowCount` flows (actorCount >= 2).
    model::Project make(const model::Catalogue& cat, int actorCount, int flowCount) {
        using namespace model;
        Project p;
        p.catalogue = cat;
        p.assessment = {text(), text(), text(), maybe("chain_map"), maybe("UBC"), maybe("CO"),
                        {maybeDate(), maybeDate()}, maybe("COP"), text()};
        for (int i = 0; i < actorCount; ++i) {
            Actor a;
            a.id = id("a", i);
            a.name = text();
            a.kind = static_cast<ActorKind>(below(8));
            a.stage = a.kind == ActorKind::Other || chance(4) ? 1 + below(9) : defaultStage(a.kind);
            a.country = maybe("CO");
            a.region = text();
            a.formality = static_cast<Formality>(below(3));
            a.headcount = chance(2) ? below(5000) : 0;
            a.capacityT = chance(2) ? amount() : 0;
            a.stockChangeT = chance(3) ? amount() * (chance(2) ? -1 : 1) : 0;
            a.lossT = chance(3) ? amount() : 0;
            a.publicServiceProvider = chance(2);
            for (int k = below(3); k > 0; --k) a.riskFactors.push_back(cat.riskFactors[below(int(cat.riskFactors.size()))].id);
            a.notes = text();
            p.actors.push_back(std::move(a));
        }
        for (int i = 0; i < flowCount; ++i) {
            Flow f;
            f.id = id("f", i);
            const int from = below(actorCount);
            const int to = (from + 1 + below(actorCount - 1)) % actorCount;  // never `from`
            f.from = p.actors[from].id;
            f.to = p.actors[to].id;
            f.material = maybe("UBC");
            f.tonnes = amount();
            if (chance(4)) f.periodStart = "2025-01-01", f.periodEnd = maybeDate();
            f.evidence = static_cast<Evidence>(below(5));
            f.documentedT = chance(3) ? f.tonnes : chance(2) ? f.tonnes * uniform() : 0;
            for (int k = below(3); k > 0; --k) f.documents.push_back(cat.documentTypes[below(int(cat.documentTypes.size()))].id);
            f.payment = static_cast<Payment>(below(3));
            f.pricePerT = chance(2) ? amount() : 0;
            f.typology = chance(4) ? std::string() : cat.typologies[below(int(cat.typologies.size()))].id;
            f.notes = text();
            p.flows.push_back(std::move(f));
        }
        const int lists = below(3);
        for (int c = 0; c < lists; ++c) {
            Checklist list{c == 0 ? Checklist::kAssessmentScope : p.actors[c % actorCount].id, {}, {}};
            for (int k = 0, n = below(4); k < n; ++k) {
                ChecklistItem item;
                item.id = cat.checklistItems[(c * 7 + k) % cat.checklistItems.size()].id;
                item.status = static_cast<ItemStatus>(below(4));
                item.evidence = text();
                if (chance(3)) item.documents = {text() + "x"};
                item.owner = text();
                item.due = maybeDate();
                list.items.push_back(std::move(item));
            }
            p.checklists.push_back(std::move(list));
        }
        if (chance(2)) p.goals.push_back({p.actors[0].id, chance(2) ? p.actors[1].id : "", {10, 20.5, 20.5}, text()});
        if (chance(2)) p.supports.push_back({chance(2) ? p.actors[1].id : "", "equipment", below(4), text(), below(200), below(200), chance(2) ? amount() : 0, text()});
        return p;
    }

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }
    bool chance(int oneIn) { return below(oneIn) == 0; }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_random); }

    /// A positive tonnage: mostly ordinary, sometimes tiny, huge or with many digits.
    double amount() {
        if (m_magnitudes == Magnitudes::Plausible) return chance(3) ? 1 + below(5000) : 0.5 + uniform() * 4999.5;
        switch (below(6)) {
        case 0: return 1 + below(1000);                    // whole tonnes
        case 1: return std::ldexp(uniform() + 0.5, -1000 + below(1900));  // 1e-301 .. 1e271 (below kMaxAmount)
        case 2: return 0.1 * (1 + below(100));             // 0.1 steps (not exact in binary)
        default: return 0.001 + uniform() * 500;
        }
    }

private:
    std::string id(const char* prefix, int i) {
        static const char* const kStyles[] = {"", "-ñ", " x", "/é", "\"q\"", "\\b", "漢"};
        return prefix + std::to_string(i) + kStyles[below(7)];
    }
    std::string text() {
        static const char* const kTexts[] = {"", "", "Organización Nº 1", "line\nbreak", "tab\there", "\"quoted\", comma",
                                             "emoji 🙂", "Ελληνικά", "日本語", "semi;colon", "  spaces  ", "back\\slash"};
        return kTexts[below(12)];
    }
    std::string maybe(const char* value) { return chance(3) ? std::string() : value; }
    std::string maybeDate() { return chance(3) ? std::string() : "2025-" + std::string(below(2) ? "06" : "12") + "-30"; }

    std::mt19937 m_random;
    Magnitudes m_magnitudes;
};

}  // namespace traza::security
