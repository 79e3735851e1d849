#include "risk_score.h"

#include <algorithm>
#include <map>
#include <set>

#include "text.h"

namespace traza::risk {

ChecklistProgress supplierProgress(const model::Project& project, const std::string& actorId) {
    ChecklistProgress out;
    const model::Checklist* list = project.findChecklist(actorId);
    if (!list || list->isAssessment()) return out;
    out.hasChecklist = true;

    // The supplier-scope steps (2–4 in the OECD guidance) as the catalogue says.
    std::set<int> supplierSteps;
    for (const model::ChecklistStep& s : project.catalogue.checklistSteps)
        if (s.scope == "supplier") supplierSteps.insert(s.step);
    if (supplierSteps.empty()) supplierSteps = {2, 3, 4};

    std::map<std::string, model::ItemStatus> status;
    for (const model::ChecklistItem& item : list->items) status[item.id] = item.status;
    for (const model::ChecklistItemTemplate& t : project.catalogue.checklistItems) {
        if (!supplierSteps.count(t.step)) continue;
        auto it = status.find(t.id);
        const model::ItemStatus s = it == status.end() ? model::ItemStatus::NotStarted : it->second;
        if (s == model::ItemStatus::NotApplicable) continue;
        ++out.applicable;
        out.score += s == model::ItemStatus::Done ? 1.0 : s == model::ItemStatus::InProgress ? 0.5 : 0.0;
    }
    out.progress = out.applicable > 0 ? out.score / out.applicable : 0.0;
    return out;
}

namespace {

double formalityRisk(const RiskWeights& w, model::Formality f) {
    switch (f) {
        case model::Formality::Informal: return w.formalityInformal;
        case model::Formality::SemiFormal: return w.formalitySemiFormal;
        case model::Formality::Formal: return w.formalityFormal;
    }
    return w.formalityInformal;
}

// Tonnage-weighted typology baseline of the flows an actor takes part in, and
// the explicit typology carrying most of those tonnes (empty if none).
std::pair<double, std::string> handledTypology(const ChainGraph& chain, Vertex v, const TypologyMix& mix,
                                               double unknown) {
    const Graph& g = chain.graph();
    const model::Project& project = chain.project();
    double tonnes = 0, weighted = 0;
    std::map<std::string, double> explicitTonnes;
    auto visit = [&](const Edge& e) {
        for (std::size_t fi : g[e].flows) {
            const model::Flow& f = project.flows[fi];
            tonnes += f.tonnes;
            weighted += f.tonnes * mix.flowValue[fi];
            if (!f.typology.empty() && project.catalogue.typology(f.typology)) explicitTonnes[f.typology] += f.tonnes;
        }
    };
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) visit(*it);
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) visit(*it);
    std::string main;
    double best = 0;
    for (const auto& [id, t] : explicitTonnes)
        if (t > best) best = t, main = id;
    return {tonnes > 0 ? weighted / tonnes : unknown, main};
}

}  // namespace

std::vector<RiskScore> scoreActors(const ChainGraph& chain, const RiskWeights& w, const TypologyMix& typologyRisk,
                                   const std::string& language) {
    const Text text(language);
    const model::Catalogue& cat = chain.project().catalogue;
    std::vector<RiskScore> scores(chain.vertexCount());
    const double weightSum = w.typologyWeight + w.kindWeight + w.formalityWeight;
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        const model::Actor& a = chain.actor(v);
        RiskScore& s = scores[v];

        auto [typology, mainTypology] = handledTypology(chain, v, typologyRisk, w.unknownTypologyRisk);
        const model::ActorKindInfo* kindInfo = cat.actorKind(std::string(model::toString(a.kind)));
        const double kind = kindInfo ? kindInfo->inherentRisk : 0.5;
        const double formality = formalityRisk(w, a.formality);
        const double base = weightSum > 0
                                ? (w.typologyWeight * typology + w.kindWeight * kind + w.formalityWeight * formality) /
                                      weightSum
                                : 0.0;

        double keep = 1;  // Π (1 − w_i)
        std::vector<std::string> factorWords;
        std::set<std::string> seen;
        for (const std::string& id : a.riskFactors) {
            const model::RiskFactor* f = cat.riskFactor(id);
            if (!f || !seen.insert(id).second) continue;
            keep *= 1 - std::clamp(f->weight, 0.0, 1.0);
            factorWords.push_back(f->name.in(language) + " (+" + text.number(f->weight, 2) + ")");
        }
        s.inherent = std::clamp(1 - (1 - base) * keep, 0.0, 1.0);

        const ChecklistProgress progress = supplierProgress(chain.project(), a.id);
        s.mitigation = progress.progress;
        s.residual = std::clamp(s.inherent * (1 - w.mitigationWeight * s.mitigation), 0.0, 1.0);
        s.level = w.level(s.residual);

        s.reasons.push_back(text.pick("material handled has a typology baseline risk of ",
                                      "el material que maneja tiene un riesgo base por tipología de ") +
                            text.number(typology, 2) +
                            (mainTypology.empty()
                                 ? std::string(text.pick(" (typology inherited from upstream or unknown)",
                                                         " (tipología heredada de aguas arriba o desconocida)"))
                                 : text.pick(" (mainly '", " (principalmente '") + mainTypology + "')"));
        s.reasons.push_back(text.pick("kind '", "tipo '") + std::string(model::toString(a.kind)) +
                            text.pick("' has inherent risk ", "' tiene riesgo inherente ") + text.number(kind, 2));
        s.reasons.push_back(text.pick("formality '", "formalidad '") + std::string(model::toString(a.formality)) +
                            text.pick("' counts ", "' cuenta ") + text.number(formality, 2));
        if (!factorWords.empty())
            s.reasons.push_back(text.pick("risk factors: ", "factores de riesgo: ") + text.list(factorWords, 20));
        if (!progress.hasChecklist)
            s.reasons.push_back(text.pick("no supplier checklist: no mitigation counted",
                                          "sin lista de verificación del proveedor: no se cuenta mitigación"));
        else
            s.reasons.push_back(text.pick("OECD steps 2–4 checklist ", "lista de los pasos 2 a 4 de la OCDE al ") +
                                text.percent(progress.progress) + " (" + text.number(progress.score, 1) +
                                text.pick(" of ", " de ") + std::to_string(progress.applicable) +
                                text.pick(" applicable items) lowers the risk by ",
                                          " ítems aplicables) reduce el riesgo en un ") +
                                text.percent(w.mitigationWeight * progress.progress));
    }
    return scores;
}

}  // namespace traza::risk
