#pragma once
// The documented weights of the risk scores and of the choke-point ranking
// (data/catalogue/risk_weights.json, described in docs/methodology.md). A
// project keeps its own copy of the catalogue texts; a project made before the
// file existed, or with a malformed copy, falls back to the built-in values,
// which are the ones shipped in the file.
#include <string>

#include "catalogue.h"

namespace traza::risk {

struct RiskWeights {
    double typologyWeight = 0.4;
    double kindWeight = 0.35;
    double formalityWeight = 0.25;
    double formalityInformal = 0.7;
    double formalitySemiFormal = 0.4;
    double formalityFormal = 0.1;
    double unknownTypologyRisk = 0.5;
    double mitigationWeight = 0.5;
    double levelMedium = 0.3;
    double levelHigh = 0.55;
    double levelCritical = 0.8;
    double chokeShareWeight = 0.5;
    double chokeAggregationWeight = 0.2;
    double chokeDocumentationWeight = 0.2;
    double chokeDominanceWeight = 0.1;

    /// Reads texts().at("risk_weights"); missing or unreadable entries keep
    /// their built-in value, and `fellBack` says so.
    static RiskWeights fromCatalogue(const model::Catalogue&, bool* fellBack = nullptr);

    /// "low", "medium", "high" or "critical" for a residual risk.
    std::string level(double residual) const;
};

}  // namespace traza::risk
