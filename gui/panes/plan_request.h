#pragma once
// What the "What to document next" page asks the background analysis for: the
// evidence level, stage K and target θ of the document-next plan. The page sets
// it on the GUI thread; the analysis reads it on its worker thread, so it is
// kept behind a mutex. Unset until the page is first shown: a chain nobody
// plans for is not planned.
#include <mutex>
#include <optional>

#include "analysis.h"

namespace traza::gui {

struct PlanChoice {
    model::Evidence level = model::Evidence::Documented;
    int stage = 1;
    double target = 0.8;
    bool operator==(const PlanChoice&) const = default;
};

class PlanRequest {
public:
    void set(const PlanChoice& c) {
        std::lock_guard lock(m_mutex);
        m_choice = c;
    }
    std::optional<PlanChoice> get() const {
        std::lock_guard lock(m_mutex);
        return m_choice;
    }
    /// Add the plan to the options of an analysis, when one is asked for.
    void applyTo(risk::AnalysisOptions& options) const {
        if (const auto c = get()) {
            options.planLevel = c->level;
            options.planStage = c->stage;
            options.planTarget = c->target;
        }
    }

private:
    mutable std::mutex m_mutex;
    std::optional<PlanChoice> m_choice;
};

}  // namespace traza::gui
