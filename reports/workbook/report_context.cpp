#include "report_context.h"

namespace traza::reports {

SheetNames::SheetNames(const Labels& t)
    : summary(t("sheet.summary")), actors(t("sheet.actors")), flows(t("sheet.flows")),
      chokePoints(t("sheet.choke_points")), traceability(t("sheet.traceability")),
      massBalance(t("sheet.mass_balance")), redFlags(t("sheet.red_flags")), checklist(t("sheet.checklist")),
      goals(t("sheet.goals")), methodology(t("sheet.methodology")),
      legend(t("sheet.legend")), plan(t("sheet.plan")), weights(t("sheet.weights")),
      reconciliation(t("sheet.reconciliation")), findings(t("sheet.findings")),
      claims(t("sheet.claims")), comparison(t("sheet.comparison")), audit(t("sheet.audit")),
      progress(t("sheet.progress")) {}

ReportContext::ReportContext(const model::Project& p, const risk::Analysis& a, const Labels& t, const Formats& f,
                             Workbook& b, Progress& pr, Legend* l)
    : project(p), analysis(a), text(t), fmt(f), book(b), progress(pr), sheets(t), legend(l) {
    m_actors.reserve(p.actors.size());
    for (const model::Actor& actor : p.actors) m_actors.emplace(actor.id, &actor);
    m_results.reserve(a.actors.size());
    for (const risk::ActorResult& r : a.actors) m_results.emplace(r.id, &r);
}

const model::Actor* ReportContext::actor(const std::string& id) const {
    auto it = m_actors.find(id);
    return it == m_actors.end() ? nullptr : it->second;
}

const risk::ActorResult* ReportContext::result(const std::string& id) const {
    auto it = m_results.find(id);
    return it == m_results.end() ? nullptr : it->second;
}

std::string ReportContext::actorName(const std::string& id) const {
    const model::Actor* a = actor(id);
    return (a && !a->name.empty()) ? a->name : id;
}

}  // namespace traza::reports
