// analyzeChain: the analysis of any chain an import accepts (see fuzz_entry_points.h).
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_json.h"
#include "error.h"
#include "fuzz_entry_points.h"

namespace traza::fuzz {
namespace {

constexpr double kTolerance = 1e-9;

void require(bool ok, const std::string& what) {
    if (!ok) throw InvariantBroken(what);
}

bool isFraction(double x) { return std::isfinite(x) && x >= -kTolerance && x <= 1 + kTolerance; }

// Numbers in the output are finite (nlohmann writes NaN and infinity as null).
// The reconciliation writes null for a number that does not apply (an unknown
// flow's entered tonnes, the z of a figure nothing checks): checked separately.
void requireNoNull(const nlohmann::json& j, const std::string& path) {
    if (path == ".reconciliation") return;
    // A goal's threshold the records never reach is null in goals[].reached (issue #19).
    const bool mayBeNull = path.find("horizon") != std::string::npos || path.find(".reached[") != std::string::npos;
    if (j.is_null() && !mayBeNull) throw InvariantBroken("analysis JSON has null at " + path);
    if (j.is_object())
        for (const auto& [key, value] : j.items()) requireNoNull(value, path + "." + key);
    if (j.is_array())
        for (std::size_t i = 0; i < j.size(); ++i) requireNoNull(j[i], path + "[" + std::to_string(i) + "]");
}

}  // namespace

void analyzeChain(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    model::Project p;
    try {
        p = model::projectFromJson(text, model::Catalogue::installed());
    } catch (const Error&) {
        return;
    }
    risk::Analysis a;
    try {
        a = risk::analyze(p);
    } catch (const InvalidInput& e) {
        // A claim account may refuse the chain: an over-allocation or a claiming
        // actor's flow without a date (issue #20). Nothing else may throw.
        const std::string& where = e.where();
        auto endsWith = [&](std::string_view tail) {
            return where.size() >= tail.size() && where.compare(where.size() - tail.size(), tail.size(), tail) == 0;
        };
        if (risk::projectHasClaims(p) && (endsWith(".claimed_t") || endsWith(".period.end"))) return;
        throw InvariantBroken(std::string("analysis of a valid chain threw: ") + e.what());
    } catch (const Error& e) {
        throw InvariantBroken(std::string("analysis of a valid chain threw: ") + e.what());
    }
    // Claim accounts close and never go negative.
    if (a.claims)
        for (const risk::ActorClaimAccount& c : a.claims->accounts)
            for (const risk::ClaimPeriod& period : c.periods) {
                const double claimable = period.carriedInT + period.creditsT;
                const double scale = std::max(1.0, claimable + period.claimedT);
                require(period.balanceT >= -kTolerance * scale && period.expiredT >= -kTolerance * scale,
                        "claim account of " + c.actor + " went negative in " + period.start);
                require(std::fabs(claimable - period.claimedT - period.expiredT - period.balanceT) <= kTolerance * scale,
                        "claim account of " + c.actor + " does not close in " + period.start);
                require(isFraction(period.inputShare()), "input share of " + c.actor + " is not a fraction");
            }
    require(std::isfinite(a.totalT) && a.totalT >= 0, "total_t is not a finite tonnage");
    for (const risk::ActorResult& r : a.actors) {
        require(isFraction(r.flowShare), "flow share of " + r.id + " is " + std::to_string(r.flowShare));
        require(std::isfinite(r.inT) && std::isfinite(r.outT), "in_t/out_t of " + r.id + " is not finite");
    }
    const auto& levels = a.traceability.levels;
    for (std::size_t l = 0; l < levels.size(); ++l) {
        double previous = -1;
        for (const auto& [stage, traced] : levels[l].byStage) {
            require(isFraction(traced), "traced at stage " + std::to_string(stage) + " is " + std::to_string(traced));
            require(traced >= previous - kTolerance, "traced decreases from stage " + std::to_string(stage - 1));
            previous = traced;
            if (l > 0) {
                auto weaker = levels[l - 1].byStage.find(stage);
                require(weaker != levels[l - 1].byStage.end() && traced <= weaker->second + kTolerance,
                        "traced at a stronger evidence level exceeds the weaker level's at stage " + std::to_string(stage));
            }
        }
    }
    // Progress series (issue #19): cumulative tonnes never fall, shares are fractions.
    if (a.series) {
        for (const risk::GoalSeries& g : a.series->goals) {
            double previous = 0;
            for (const risk::GoalPeriod& period : g.periods) {
                require(std::isfinite(period.cumulativeT) && period.cumulativeT >= previous - kTolerance,
                        "cumulative tonnes of " + g.actor + " fall");
                previous = period.cumulativeT;
            }
        }
        for (const risk::EvidencePeriod& e : a.series->evidence) {
            for (double share : e.documentedShare) require(isFraction(share), "a documented share per period is no fraction");
            for (const auto& level : e.traced)
                for (const auto& [stage, traced] : level) require(isFraction(traced), "a traced share per period is no fraction");
        }
    }
    if (a.reconciliation) {
        const risk::Reconciliation& r = *a.reconciliation;
        require(std::isfinite(r.chi2) && r.chi2 >= -kTolerance * (1 + r.dof), "chi2 is " + std::to_string(r.chi2));
        require(r.dof == 0 || (r.pValue >= 0 && r.pValue <= 1), "p-value outside [0, 1]");
        for (const risk::ReconciledFigure& f : r.figures) {
            require(f.redundancy >= 0 && f.redundancy <= 1, "redundancy of " + f.id + " outside [0, 1]");
            if (f.status == risk::FigureStatus::Adjusted)
                require(std::isfinite(f.z) && std::isfinite(f.reconciledT) && std::isfinite(f.sdT), "adjusted figure " + f.id + " has a non-finite number");
            if (f.status == risk::FigureStatus::NotDetermined) require(std::isnan(f.reconciledT), "undetermined flow " + f.id + " has a value");
        }
        // The analysis of the reconciled figures must hold the same invariants.
        risk::AnalysisOptions options;
        options.reconcile = true;
        const risk::Analysis reconciled = risk::analyze(p, options);
        require(reconciled.usesReconciledFigures, "--reconcile did not take effect");
        for (const risk::ActorResult& r2 : reconciled.actors)
            require(isFraction(r2.flowShare), "reconciled flow share of " + r2.id + " is " + std::to_string(r2.flowShare));
    }
    const std::string json = risk::analysisToJson(a);
    nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    require(!parsed.is_discarded(), "analysisToJson wrote text that is not JSON");
    requireNoNull(parsed, "");
}

}  // namespace traza::fuzz
