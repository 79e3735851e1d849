#include "eligibility.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "red_flags.h"
#include "text.h"

namespace traza::risk {

Eligibility explainEligibility(const model::Flow& flow, const EligibilityRule& rule, const SupplierChecklists& lists,
                               const std::vector<RedFlag>& redFlags, const std::string& language) {
    const Text t(language);
    Eligibility out;
    bool ok = true;
    auto line = [&](bool pass, const std::string& text) {
        ok = ok && pass;
        out.reasons.push_back(std::string(pass ? "✓ " : "✗ ") + text);
    };
    char buf[200];

    const std::string have(model::toString(flow.evidence)), need(model::toString(rule.minEvidence));
    line(flow.evidence >= rule.minEvidence,
         std::string(t.pick("evidence ", "evidencia ")) + have + (flow.evidence >= rule.minEvidence ? " ≥ " : " < ") + need);

    const double documented = std::isfinite(flow.documentedT) ? std::clamp(flow.documentedT, 0.0, flow.tonnes) : 0.0;
    std::snprintf(buf, sizeof buf, t.pick("%.3f t of %.3f t documented", "%.3f t de %.3f t documentadas"), documented,
                  flow.tonnes);
    line(documented > 0, buf);

    if (rule.minChecklistProgress > 0) {
        const ChecklistProgress p = lists.progress(flow.from);
        std::snprintf(buf, sizeof buf,
                      t.pick("supplier %s: OECD checklist %.0f%% done (rule: at least %.0f%%)",
                             "proveedor %s: lista OCDE %.0f %% cumplida (regla: al menos %.0f %%)"),
                      flow.from.c_str(), p.progress * 100, rule.minChecklistProgress * 100);
        line(p.hasChecklist && p.progress >= rule.minChecklistProgress - 1e-12, buf);
    }

    if (!rule.blockingSeverity.empty()) {
        const int blocking = severityRank(rule.blockingSeverity);
        const RedFlag* worst = nullptr;
        for (const RedFlag& f : redFlags)
            if (f.actor == flow.from && severityRank(f.severity) >= blocking &&
                (!worst || severityRank(f.severity) > severityRank(worst->severity)))
                worst = &f;
        if (worst)
            line(false, std::string(t.pick("supplier has an open red flag: ", "el proveedor tiene una señal de alerta abierta: ")) +
                            worst->rule + " (" + worst->severity + ")");
        else
            line(true, std::string(t.pick("no red flag of severity ", "ninguna señal de alerta de gravedad ")) +
                           rule.blockingSeverity + t.pick(" or worse on the supplier", " o peor en el proveedor"));
    }

    if (!rule.typologies.empty()) {
        const bool allowed =
            std::find(rule.typologies.begin(), rule.typologies.end(), flow.typology) != rule.typologies.end();
        line(allowed, std::string(t.pick("typology ", "tipología ")) + (flow.typology.empty() ? "-" : flow.typology) +
                          (allowed ? t.pick(" is allowed", " admitida") : t.pick(" is not allowed", " no admitida")));
    }
    out.eligible = ok;
    out.eligibleT = ok ? documented : 0.0;
    return out;
}

}  // namespace traza::risk
