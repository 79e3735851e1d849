#include "series_text.h"

#include <string>
#include <unordered_map>

#include "number_text.h"

namespace traza::cli {

void printSeries(const model::Project& project, const risk::Analysis& a, bool es, std::ostream& out) {
    if (!a.series || a.series->periods.empty()) return;
    const risk::Series& s = *a.series;
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    const bool weekly = s.kind == model::SeriesPeriod::Weekly;
    out << "\n"
        << (weekly ? t("Progress by week (delivery records only)", "Avance por semana (solo registros de entrega)")
                   : t("Progress by month (delivery records only)", "Avance por mes (solo registros de entrega)"))
        << "\n  " << t("Flows without records have no date and are left out: ",
                       "Los flujos sin registros no tienen fecha y quedan fuera: ")
        << fixed(s.undatedT, 1, es) << " t\n";
    // The goals' actors named in one pass over the actors: looking each one up
    // by id went through the 66 000 actors of a national chain 340 times.
    std::unordered_map<std::string, const std::string*> names;
    for (const risk::GoalSeries& g : s.goals) names.emplace(g.actor, nullptr);
    for (const model::Actor& actor : project.actors)
        if (auto it = names.find(actor.id); it != names.end() && !it->second) it->second = &actor.name;
    for (const risk::GoalSeries& g : s.goals) {
        const std::string* name = names.at(g.actor);
        out << "  " << (name && !name->empty() ? *name : g.actor) << ": "
            << fixed(g.periods.empty() ? 0 : g.periods.back().cumulativeT, 1, es) << " t";
        for (std::size_t k = 0; k < g.thresholdsT.size(); ++k) {
            out << (k == 0 ? " — " : "; ") << t("threshold ", "umbral ") << (k + 1) << " (" << fixed(g.thresholdsT[k], 1, es)
                << " t) ";
            if (g.reachedIn[k]) out << t("reached in ", "alcanzado en ") << s.periods[*g.reachedIn[k]].key;
            else out << t("not reached", "no alcanzado");
        }
        out << "\n";
    }
    // One line per period: tonnes of records and the share documented at "documented" or better.
    out << "  " << t("Records and documented share (documented or better):",
                     "Registros y proporción documentada (documentado o mejor):")
        << "\n";
    for (std::size_t i = 0; i < s.periods.size(); ++i) {
        const risk::EvidencePeriod& e = s.evidence[i];
        out << "    " << s.periods[i].key << "  " << fixed(e.recordsT, 1, es) << " t  "
            << percent(e.documentedShare[static_cast<int>(model::Evidence::Documented)], es) << "\n";
    }
}

}  // namespace traza::cli
