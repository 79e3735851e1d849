// Writing a Project into the empty schema: one prepared statement per table,
// reused for every row (saves of 300 000 flows must stay well under a second).
#include <SQLiteCpp/Statement.h>

#include <cstdint>

#include "sqlite_project_rows.h"

namespace traza::model::sqlite {
namespace {

// Binds values by position (1-based) and runs the statement once per row.
// Strings are bound without copying: they outlive the exec() that reads them.
class Insert {
public:
    Insert(SQLite::Database& db, const char* sql) : m_stmt(db, sql) {}

    Insert& text(const std::string& v) {
        m_stmt.bindNoCopy(++m_col, v);
        return *this;
    }
    /// An optional reference: the empty string is stored as NULL.
    Insert& optText(const std::string& v) {
        if (v.empty()) m_stmt.bind(++m_col);
        else m_stmt.bindNoCopy(++m_col, v);
        return *this;
    }
    Insert& text(std::string_view v) {  // enum spellings: short, copied by SQLite
        m_stmt.bind(++m_col, std::string(v));
        return *this;
    }
    Insert& integer(std::int64_t v) {
        m_stmt.bind(++m_col, v);
        return *this;
    }
    Insert& real(double v) {
        m_stmt.bind(++m_col, v);
        return *this;
    }
    void run() {
        m_stmt.exec();
        m_stmt.reset();
        m_col = 0;
    }

private:
    SQLite::Statement m_stmt;
    int m_col = 0;
};

void writeAssessment(SQLite::Database& db, const Assessment& a) {
    Insert ins(db,
               "INSERT INTO assessment (id, title, assessor, organisation, purpose, material, country,"
               " period_start, period_end, currency, notes) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.text(a.title).text(a.assessor).text(a.organisation).text(a.purpose).text(a.material).text(a.country);
    ins.text(a.period.start).text(a.period.end).text(a.currency).text(a.notes).run();
}

}  // namespace

const std::vector<std::string>& projectTables() {
    static const std::vector<std::string> tables{
        "assessment", "actors",         "actor_risk_factors", "flows",    "flow_documents",
        "checklists", "checklist_items", "checklist_item_documents", "goals", "goal_thresholds",
        "supports",   "catalogue"};
    return tables;
}

void writeProject(SQLite::Database& db, const Project& p) {
    writeAssessment(db, p.assessment);

    Insert actor(db,
                 "INSERT INTO actors (ord, id, name, kind, stage, country, region, formality, headcount, capacity_t,"
                 " stock_change_t, loss_t, public_service_provider, notes, has_position, x, y)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Insert factor(db, "INSERT INTO actor_risk_factors (actor, ord, factor) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        const Actor& a = p.actors[i];
        actor.integer(i).text(a.id).text(a.name).text(toString(a.kind)).integer(a.stage).text(a.country);
        actor.text(a.region).text(toString(a.formality)).integer(a.headcount).real(a.capacityT);
        actor.real(a.stockChangeT).real(a.lossT).integer(a.publicServiceProvider).text(a.notes);
        actor.integer(a.hasPosition).real(a.x).real(a.y).run();
        for (std::size_t j = 0; j < a.riskFactors.size(); ++j) factor.integer(i).integer(j).text(a.riskFactors[j]).run();
    }

    Insert flow(db,
                "INSERT INTO flows (ord, id, from_actor, to_actor, material, tonnes, period_start, period_end,"
                " documented_t, evidence, payment, price_per_t, typology, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Insert flowDoc(db, "INSERT INTO flow_documents (flow, ord, document) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        const Flow& f = p.flows[i];
        flow.integer(i).text(f.id).text(f.from).text(f.to).text(f.material).real(f.tonnes).text(f.periodStart);
        flow.text(f.periodEnd).real(f.documentedT).text(toString(f.evidence)).text(toString(f.payment));
        flow.real(f.pricePerT).text(f.typology).text(f.notes).run();
        for (std::size_t j = 0; j < f.documents.size(); ++j) flowDoc.integer(i).integer(j).text(f.documents[j]).run();
    }

    Insert checklist(db, "INSERT INTO checklists (ord, scope) VALUES (?, ?)");
    Insert item(db,
                "INSERT INTO checklist_items (checklist, ord, id, status, evidence, owner, due)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)");
    Insert itemDoc(db, "INSERT INTO checklist_item_documents (checklist, item, ord, document) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < p.checklists.size(); ++i) {
        const Checklist& c = p.checklists[i];
        checklist.integer(i).text(c.scope).run();
        for (std::size_t j = 0; j < c.items.size(); ++j) {
            const ChecklistItem& it = c.items[j];
            item.integer(i).integer(j).text(it.id).text(toString(it.status)).text(it.evidence).text(it.owner);
            item.text(it.due).run();
            for (std::size_t k = 0; k < it.documents.size(); ++k)
                itemDoc.integer(i).integer(j).integer(k).text(it.documents[k]).run();
        }
    }

    Insert goal(db, "INSERT INTO goals (ord, actor, buyer, notes) VALUES (?, ?, ?, ?)");
    Insert threshold(db, "INSERT INTO goal_thresholds (goal, ord, tonnes) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const Goal& g = p.goals[i];
        goal.integer(i).text(g.actor).optText(g.buyer).text(g.notes).run();
        for (std::size_t j = 0; j < g.thresholdsT.size(); ++j) threshold.integer(i).integer(j).real(g.thresholdsT[j]).run();
    }

    Insert support(db,
                   "INSERT INTO supports (ord, actor, type, threshold, region, count, beneficiaries, cost, notes)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < p.supports.size(); ++i) {
        const Support& s = p.supports[i];
        support.integer(i).optText(s.actor).text(s.type).integer(s.threshold).text(s.region).integer(s.count);
        support.integer(s.beneficiaries).real(s.cost).text(s.notes).run();
    }

    Insert catalogue(db, "INSERT INTO catalogue (stem, json) VALUES (?, ?)");
    for (const auto& [stem, json] : p.catalogue.texts()) catalogue.text(stem).text(json).run();
}

}  // namespace traza::model::sqlite
