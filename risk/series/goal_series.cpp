// Tonnes delivered per goal and period (series.h): the records of the flows
// actor -> buyer (any buyer when the goal names none), as goalTable sums flows.
#include <unordered_map>

#include "series_parts.h"

namespace traza::risk::series_detail {

std::vector<GoalSeries> goalSeries(const model::Project& p, const std::vector<model::PeriodSlot>& periods) {
    std::vector<GoalSeries> out;
    std::unordered_map<std::string, std::vector<const model::Flow*>> byActor;  // one pass over the flows
    for (const model::Goal& g : p.goals) byActor.try_emplace(g.actor);
    for (const model::Flow& f : p.flows)
        if (auto it = byActor.find(f.from); it != byActor.end()) it->second.push_back(&f);
    PeriodFinder periodOf(periods);
    for (const model::Goal& g : p.goals) {
        GoalSeries s;
        s.actor = g.actor;
        s.buyer = g.buyer;
        s.thresholdsT = g.thresholdsT;
        s.periods.resize(periods.size());
        for (const model::Flow* f : byActor[g.actor]) {
            if (!g.buyer.empty() && f->to != g.buyer) continue;
            if (f->records.empty()) s.undatedT += f->tonnes;
            for (const model::Record& r : f->records) s.periods[periodOf(r.date)].deliveredT += r.tonnes;
        }
        double cumulative = 0;
        s.reachedIn.assign(g.thresholdsT.size(), std::nullopt);
        for (std::size_t i = 0; i < periods.size(); ++i) {
            cumulative += s.periods[i].deliveredT;
            s.periods[i].cumulativeT = cumulative;
            for (std::size_t k = 0; k < g.thresholdsT.size(); ++k)
                if (!s.reachedIn[k] && cumulative + 1e-9 >= g.thresholdsT[k]) s.reachedIn[k] = i;
        }
        out.push_back(std::move(s));
    }
    // A support has no date: it is placed in the period its linked threshold
    // was reached, under the actor's first goal (docs/methodology.md).
    for (const model::Support& sup : p.supports) {
        GoalSeries* goal = nullptr;
        for (GoalSeries& s : out)
            if (s.actor == sup.actor) {
                goal = &s;
                break;
            }
        if (!goal) continue;
        const std::size_t k = static_cast<std::size_t>(sup.threshold);
        if (sup.threshold >= 1 && k <= goal->reachedIn.size() && goal->reachedIn[k - 1])
            goal->periods[*goal->reachedIn[k - 1]].supports += sup.count;
        else goal->supportsUnplaced += sup.count;
    }
    return out;
}

}  // namespace traza::risk::series_detail
