#include "record_summary.h"

#include <algorithm>
#include <cmath>

namespace traza::model {

double recordsTonnes(const Flow& f) {
    double sum = 0;
    for (const Record& r : f.records) sum += r.tonnes;
    return sum;
}

RecordTotals recordTotals(const Flow& f) {
    RecordTotals t;
    double documented = 0;
    Evidence lowest = Evidence::Verified;
    bool any = false;
    for (const Record& r : f.records) {
        t.tonnes += r.tonnes;
        if (r.documents.empty()) continue;
        documented += r.tonnes;
        lowest = any ? std::min(lowest, r.evidence) : r.evidence;
        any = true;
    }
    t.documentedT = std::min(documented, t.tonnes);
    t.evidence = any ? lowest : Evidence::None;
    return t;
}

void applyRecordSummary(Flow& f) {
    if (f.records.empty()) return;
    const RecordTotals t = recordTotals(f);
    f.tonnes = t.tonnes;
    f.tonnesUnknown = false;
    f.documentedT = t.documentedT;
    f.evidence = t.evidence;
}

double documentedAtLeast(const Flow& f, Evidence level) {
    const double tonnes = std::isfinite(f.tonnes) ? std::max(f.tonnes, 0.0) : 0.0;
    if (f.records.empty()) {
        if (f.evidence < level) return 0;
        return std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, tonnes) : 0.0;
    }
    double sum = 0;
    for (const Record& r : f.records)
        if (r.evidence >= level && !r.documents.empty() && std::isfinite(r.tonnes) && r.tonnes > 0) sum += r.tonnes;
    // Reconciliation may have moved the flow's tonnes away from its records' sum.
    return std::min(sum, tonnes);
}

std::array<double, 5> documentedAtEachLevel(const Flow& f) {
    std::array<double, 5> out{};
    const double tonnes = std::isfinite(f.tonnes) ? std::max(f.tonnes, 0.0) : 0.0;
    if (f.records.empty()) {
        const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, tonnes) : 0.0;
        for (int level = 0; level <= std::min(static_cast<int>(f.evidence), 4); ++level) out[level] = documented;
        return out;
    }
    // Each level's sum in record order, as documentedAtLeast sums it.
    for (const Record& r : f.records)
        if (!r.documents.empty() && std::isfinite(r.tonnes) && r.tonnes > 0)
            for (int level = 0; level <= std::min(static_cast<int>(r.evidence), 4); ++level) out[level] += r.tonnes;
    for (double& sum : out) sum = std::min(sum, tonnes);
    return out;
}

}  // namespace traza::model
