#include "goal_progress.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace traza::model {

GoalTable goalTable(const Project& p) {
    GoalTable table;
    // Each goal's actor's flows, in flow order (so the sums are what a scan of
    // every flow gives): one pass over the flows, not one per goal (a national
    // chain has hundreds of goals and tens of thousands of flows).
    std::unordered_map<std::string_view, std::vector<const Flow*>> byActor;
    for (const Goal& g : p.goals) byActor.try_emplace(g.actor);
    for (const Flow& f : p.flows)
        if (auto it = byActor.find(f.from); it != byActor.end()) it->second.push_back(&f);
    for (const Goal& g : p.goals) {
        GoalProgress row;
        row.goal = &g;
        for (const Flow* f : byActor[g.actor])
            if (g.buyer.empty() || f->to == g.buyer) row.deliveredT += f->tonnes;
        row.goalT = g.thresholdsT.empty() ? 0 : g.thresholdsT.back();
        row.compliance = row.goalT > 0 ? row.deliveredT / row.goalT : 0;
        for (double t : g.thresholdsT)
            if (row.deliveredT + 1e-9 >= t) ++row.thresholdsReached;
        if (table.thresholdTotalsT.size() < g.thresholdsT.size()) table.thresholdTotalsT.resize(g.thresholdsT.size(), 0.0);
        for (std::size_t i = 0; i < g.thresholdsT.size(); ++i) table.thresholdTotalsT[i] += g.thresholdsT[i];
        table.deliveredT += row.deliveredT;
        table.goalT += row.goalT;
        table.rows.push_back(row);
    }
    table.compliance = table.goalT > 0 ? table.deliveredT / table.goalT : 0;
    return table;
}

}  // namespace traza::model
