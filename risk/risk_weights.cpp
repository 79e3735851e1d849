#include "risk_weights.h"

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

namespace traza::risk {

RiskWeights RiskWeights::fromCatalogue(const model::Catalogue& catalogue, bool* fellBack) {
    RiskWeights w;
    const std::map<std::string, double*> slots{
        {"typology_weight", &w.typologyWeight},
        {"kind_weight", &w.kindWeight},
        {"formality_weight", &w.formalityWeight},
        {"formality_informal", &w.formalityInformal},
        {"formality_semi_formal", &w.formalitySemiFormal},
        {"formality_formal", &w.formalityFormal},
        {"unknown_typology_risk", &w.unknownTypologyRisk},
        {"mitigation_weight", &w.mitigationWeight},
        {"level_medium", &w.levelMedium},
        {"level_high", &w.levelHigh},
        {"level_critical", &w.levelCritical},
        {"choke_share_weight", &w.chokeShareWeight},
        {"choke_aggregation_weight", &w.chokeAggregationWeight},
        {"choke_documentation_weight", &w.chokeDocumentationWeight},
        {"choke_dominance_weight", &w.chokeDominanceWeight},
    };
    std::size_t read = 0;
    auto it = catalogue.texts().find("risk_weights");
    if (it != catalogue.texts().end()) {
        nlohmann::json doc = nlohmann::json::parse(it->second, nullptr, false);
        if (doc.is_object() && doc.contains("entries") && doc["entries"].is_array()) {
            for (const auto& e : doc["entries"]) {
                if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || !e.contains("value") ||
                    !e["value"].is_number())
                    continue;
                auto slot = slots.find(e["id"].get<std::string>());
                double value = e["value"].get<double>();
                if (slot == slots.end() || !std::isfinite(value) || value < 0 || value > 1) continue;
                *slot->second = value;
                ++read;
            }
        }
    }
    if (fellBack) *fellBack = read < slots.size();
    return w;
}

std::string RiskWeights::level(double residual) const {
    if (residual >= levelCritical) return "critical";
    if (residual >= levelHigh) return "high";
    if (residual >= levelMedium) return "medium";
    return "low";
}

}  // namespace traza::risk
