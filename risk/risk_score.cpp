#include "risk_score.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "catalogue_words.h"
#include "text.h"

namespace traza::risk {
namespace {

double formalityRisk(const RiskWeights& w, model::Formality f) {
    switch (f) {
        case model::Formality::Informal: return w.formalityInformal;
        case model::Formality::SemiFormal: return w.formalitySemiFormal;
        case model::Formality::Formal: return w.formalityFormal;
    }
    return w.formalityInformal;
}

// What handledTypology reuses from one actor to the next.
struct TypologyScratch {
    std::vector<std::pair<const model::Typology*, double>> explicitTonnes;  // a handful at most
};

// Tonnage-weighted typology baseline of the flows an actor takes part in, and
// the explicit typology carrying most of those tonnes (null if none).
std::pair<double, const model::Typology*> handledTypology(const ChainGraph& chain, Vertex v, const TypologyMix& mix,
                                                          double unknown, TypologyScratch& scratch) {
    const model::Project& project = chain.project();
    double tonnes = 0, weighted = 0;
    auto& explicitTonnes = scratch.explicitTonnes;
    explicitTonnes.clear();
    auto visit = [&](std::size_t e) {
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Flow& f = project.flows[fi];
            tonnes += f.tonnes;
            weighted += f.tonnes * mix.flowValue[fi];
            const model::Typology* t = mix.flowTypology[fi];  // looked up once by the mix
            if (!t) continue;
            auto it = std::find_if(explicitTonnes.begin(), explicitTonnes.end(), [&](auto& x) { return x.first == t; });
            if (it == explicitTonnes.end())
                explicitTonnes.emplace_back(t, f.tonnes);
            else
                it->second += f.tonnes;
        }
    };
    for (std::size_t e : chain.inEdges(v)) visit(e);
    for (std::size_t e : chain.outEdges(v)) visit(e);
    const model::Typology* main = nullptr;
    double best = 0;
    for (const auto& [t, tt] : explicitTonnes)
        if (tt > best) best = tt, main = t;
    return {tonnes > 0 ? weighted / tonnes : unknown, main};
}

// Sentences shared by many actors are made once and shared (60 000 picker
// groups share a handful): copying a Sentence copies no text.
class ReasonCache {
public:
    ReasonCache(const std::string& language, const model::Catalogue& catalogue)
        : m_language(language), m_text(language), m_catalogue(catalogue) {}

    Sentence typology(double value, const model::Typology* main) {
        const std::pair<double, const model::Typology*> key{value, main};
        if (m_lastTypology && m_lastTypology->first == key) return m_lastTypology->second;  // neighbours mostly agree
        auto it = m_typology.find(key);
        if (it != m_typology.end()) {
            m_lastTypology = &*it;
            return it->second;
        }
        std::string s = m_text.pick("material handled has a typology baseline risk of ",
                                    "el material que maneja tiene un riesgo base por tipología de ") +
                        m_text.number(value, 2) +
                        (main ? m_text.pick(" (mainly '", " (principalmente '") + main->id + "')"
                              : std::string(m_text.pick(" (typology inherited from upstream or unknown)",
                                                        " (tipología heredada de aguas arriba o desconocida)")));
        m_lastTypology = &*m_typology.emplace(key, Sentence(std::move(s))).first;
        return m_lastTypology->second;
    }
    Sentence kind(model::ActorKind k, double risk) {
        Sentence& s = m_kind[static_cast<int>(k)];
        if (s.empty())
            s = m_text.pick("kind '", "tipo '") + kindWord(m_catalogue, k, m_language) +
                m_text.pick("' has inherent risk ", "' tiene riesgo inherente ") + m_text.number(risk, 2);
        return s;
    }
    Sentence formality(model::Formality f, double risk) {
        Sentence& s = m_formality[static_cast<int>(f)];
        if (s.empty())
            s = m_text.pick("formality '", "formalidad '") + formalityWord(m_text, f) +
                m_text.pick("' counts ", "' cuenta ") + m_text.number(risk, 2);
        return s;
    }
    Sentence factors(const std::vector<const model::RiskFactor*>& list) {
        if (m_lastFactors && m_lastFactors->first == list) return m_lastFactors->second;
        auto it = m_factors.find(list);
        if (it == m_factors.end()) {
            std::vector<std::string> words;
            for (const auto* f : list) words.push_back(f->name.in(m_language) + " (+" + m_text.number(f->weight, 2) + ")");
            it = m_factors
                     .emplace(list, Sentence(m_text.pick("risk factors: ", "factores de riesgo: ") + m_text.list(words, 20)))
                     .first;
        }
        m_lastFactors = &*it;
        return it->second;
    }
    Sentence noChecklist() {
        if (m_noChecklist.empty())
            m_noChecklist = m_text.pick("no supplier checklist: no mitigation counted",
                                        "sin lista de verificación del proveedor: no se cuenta mitigación");
        return m_noChecklist;
    }
    Sentence checklist(const ChecklistProgress& p, double mitigationWeight) const {
        // "Progress" (in progress counted half), never "completion": the Checklist
        // sheet's completion counts done items only.
        return m_text.pick("OECD steps 2–4 checklist progress (in-progress items count half) ",
                           "avance de la lista de los pasos 2 a 4 de la OCDE (los ítems en curso cuentan la mitad) al ") +
               m_text.percent(p.progress) + " (" + m_text.number(p.score, 1) + m_text.pick(" of ", " de ") +
               std::to_string(p.applicable) +
               m_text.pick(" applicable items) lowers the risk by ", " ítems aplicables) reduce el riesgo en un ") +
               m_text.percent(mitigationWeight * p.progress);
    }

private:
    std::string m_language;
    Text m_text;
    std::map<std::pair<double, const model::Typology*>, Sentence> m_typology;
    std::map<std::vector<const model::RiskFactor*>, Sentence> m_factors;  // keyed by the factors, in actor order
    // The entries the last actor used (map entries never move).
    const std::pair<const std::pair<double, const model::Typology*>, Sentence>* m_lastTypology = nullptr;
    const std::pair<const std::vector<const model::RiskFactor*>, Sentence>* m_lastFactors = nullptr;
    const model::Catalogue& m_catalogue;
    Sentence m_kind[8], m_formality[3];
    Sentence m_noChecklist;
};

}  // namespace

std::vector<RiskScore> scoreActors(const ChainGraph& chain, const RiskWeights& w, const TypologyMix& typologyRisk,
                                   const SupplierChecklists& checklists, const std::string& language) {
    const model::Catalogue& cat = chain.project().catalogue;
    ReasonCache reasons(language, cat);
    double kindRisk[8] = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};  // by ActorKind, a plain array in the hot loop
    for (std::string_view k : model::actorKindNames()) {
        const model::ActorKindInfo* info = cat.actorKind(std::string(k));
        kindRisk[static_cast<int>(*model::parseActorKind(k))] = info ? info->inherentRisk : 0.5;
    }
    std::vector<RiskScore> scores(chain.vertexCount());
    const double weightSum = w.typologyWeight + w.kindWeight + w.formalityWeight;
    std::vector<const model::RiskFactor*> factors;
    TypologyScratch scratch;
    // Factor ids to catalogue entries, found once per distinct id (the
    // catalogue's own look-up is a linear search).
    std::unordered_map<std::string_view, const model::RiskFactor*> factorById;
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        const model::Actor& a = chain.actor(v);
        RiskScore& s = scores[v];

        const auto [typology, mainTypology] = handledTypology(chain, v, typologyRisk, w.unknownTypologyRisk, scratch);
        const double kind = kindRisk[static_cast<int>(a.kind)];
        const double formality = formalityRisk(w, a.formality);
        const double base = weightSum > 0
                                ? (w.typologyWeight * typology + w.kindWeight * kind + w.formalityWeight * formality) /
                                      weightSum
                                : 0.0;

        double keep = 1;  // Π (1 − w_i) over distinct known factors
        factors.clear();
        for (const std::string& id : a.riskFactors) {
            auto known = factorById.find(id);
            if (known == factorById.end()) known = factorById.emplace(id, cat.riskFactor(id)).first;
            const model::RiskFactor* f = known->second;
            if (!f || std::find(factors.begin(), factors.end(), f) != factors.end()) continue;
            keep *= 1 - std::clamp(f->weight, 0.0, 1.0);
            factors.push_back(f);
        }
        s.inherent = std::clamp(1 - (1 - base) * keep, 0.0, 1.0);

        const ChecklistProgress progress = checklists.progress(a.id);
        s.mitigation = progress.progress;
        s.residual = std::clamp(s.inherent * (1 - w.mitigationWeight * s.mitigation), 0.0, 1.0);
        s.level = w.level(s.residual);

        s.reasons.reserve(5);
        s.reasons.push_back(reasons.typology(typology, mainTypology));
        s.reasons.push_back(reasons.kind(a.kind, kind));
        s.reasons.push_back(reasons.formality(a.formality, formality));
        if (!factors.empty()) s.reasons.push_back(reasons.factors(factors));
        s.reasons.push_back(progress.hasChecklist ? reasons.checklist(progress, w.mitigationWeight)
                                                  : reasons.noChecklist());
    }
    return scores;
}

}  // namespace traza::risk
