// Writing a Project into the empty schema with batched multi-row INSERTs
// (saving 300 000 flows must stay interactive). Each table is written whole
// before its child tables, so the immediate foreign-key checks always find
// the parent row.
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include "error.h"
#include "sqlite_batch_insert.h"
#include "sqlite_project_rows.h"

namespace traza::model::sqlite {
namespace {

// Actor id -> ord, so references are stored as integers (see schema.sql).
class ActorOrds {
public:
    explicit ActorOrds(const std::vector<Actor>& actors) {
        m_ords.reserve(actors.size());
        for (std::size_t i = 0; i < actors.size(); ++i) m_ords.emplace(actors[i].id, static_cast<std::int64_t>(i));
    }
    /// The ord of actor `id`, referred to from list[i].field; throws
    /// InvalidInput("list[i].field") when no actor has that id.
    std::int64_t of(const std::string& id, const char* list, std::size_t i, const char* field) const {
        auto it = m_ords.find(id);
        if (it == m_ords.end())
            throw InvalidInput(std::string(list) + "[" + std::to_string(i) + "]." + field, "no actor has id \"" + id + "\"");
        return it->second;
    }
    /// Adds an optional reference: the empty id is stored as NULL.
    void addOptional(BatchInsert& ins, const std::string& id, const char* list, std::size_t i, const char* field) const {
        if (id.empty()) ins.null();
        else ins.integer(of(id, list, i, field));
    }

private:
    std::unordered_map<std::string_view, std::int64_t> m_ords;
};

void writeAssessment(sqlite3* db, const Assessment& a) {
    BatchInsert ins(db, "assessment",
                    {"id", "title", "assessor", "organisation", "purpose", "material", "country", "period_start",
                     "period_end", "currency", "notes", "assessed_on", "reviewer", "reviewed_on", "series_period"});
    ins.integer(1).text(a.title).text(a.assessor).text(a.organisation).text(a.purpose).text(a.material);
    ins.text(a.country).text(a.period.start).text(a.period.end).text(a.currency).text(a.notes);
    ins.text(a.assessedOn).text(a.reviewer).text(a.reviewedOn).text(toString(a.seriesPeriod)).endRow();  // a view of a literal: bound without a copy
    ins.finish();
}

void writeActors(sqlite3* db, const std::vector<Actor>& actors) {
    BatchInsert actor(db, "actors",
                      {"ord", "id", "name", "kind", "stage", "country", "region", "formality", "headcount", "capacity_t",
                       "stock_change_t", "loss_t", "public_service_provider", "notes", "has_position", "x", "y"});
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const Actor& a = actors[i];
        actor.integer(i).text(a.id).text(a.name).text(toString(a.kind)).integer(a.stage).text(a.country);
        actor.text(a.region).text(toString(a.formality)).integer(a.headcount).real(a.capacityT);
        actor.real(a.stockChangeT).real(a.lossT).integer(a.publicServiceProvider).text(a.notes);
        actor.integer(a.hasPosition).real(a.x).real(a.y).endRow();
    }
    actor.finish();
    // Uncertainty (schema version 3): one row per actor that has some.
    BatchInsert uncertainty(db, "actor_uncertainty", {"actor", "stock_change_sd_t", "loss_sd_t"});
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (actors[i].stockChangeSdT != 0 || actors[i].lossSdT != 0)
            uncertainty.integer(i).real(actors[i].stockChangeSdT).real(actors[i].lossSdT).endRow();
    uncertainty.finish();
    // The actor's own due diligence (schema version 5): one row per actor that has some.
    BatchInsert dd(db, "actor_due_diligence", {"actor", "dd_status", "coc_certification"});
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (actors[i].ddStatus != DueDiligenceStatus::None || !actors[i].cocCertification.empty())
            dd.integer(i).text(toString(actors[i].ddStatus)).text(actors[i].cocCertification).endRow();
    dd.finish();
    // Suspensions (schema version 9): one row per suspended actor.
    BatchInsert suspension(db, "actor_suspensions", {"actor", "suspended_from"});
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (!actors[i].suspendedFrom.empty()) suspension.integer(i).text(actors[i].suspendedFrom).endRow();
    suspension.finish();
    // Claims (schema version 6): one row per actor that has a setting.
    BatchInsert claims(db, "actor_claims", {"actor", "makes_claims", "yield", "profile"});
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const Actor& a = actors[i];
        if (!a.makesClaims && a.claimYield == 0 && a.claimProfile.empty()) continue;
        claims.integer(i);
        if (a.makesClaims) claims.integer(*a.makesClaims);
        else claims.null();
        claims.real(a.claimYield).text(a.claimProfile).endRow();
    }
    claims.finish();
    BatchInsert factor(db, "actor_risk_factors", {"actor", "ord", "factor"});
    for (std::size_t i = 0; i < actors.size(); ++i)
        for (std::size_t j = 0; j < actors[i].riskFactors.size(); ++j)
            factor.integer(i).integer(j).text(actors[i].riskFactors[j]).endRow();
    factor.finish();
}

void writeFlows(sqlite3* db, const std::vector<Flow>& flows, const ActorOrds& actorOrds) {
    BatchInsert flow(db, "flows",
                     {"ord", "id", "from_actor", "to_actor", "material", "tonnes", "period_start", "period_end",
                      "documented_t", "evidence", "payment", "price_per_t", "typology", "notes"});
    for (std::size_t i = 0; i < flows.size(); ++i) {
        const Flow& f = flows[i];
        flow.integer(i).text(f.id).integer(actorOrds.of(f.from, "flows", i, "from"));
        flow.integer(actorOrds.of(f.to, "flows", i, "to")).text(f.material).real(f.tonnes).text(f.periodStart);
        flow.text(f.periodEnd).real(f.documentedT).text(toString(f.evidence)).text(toString(f.payment));
        flow.real(f.pricePerT).text(f.typology).text(f.notes).endRow();
    }
    flow.finish();
    // Uncertainty (schema version 3): one row per flow that has some.
    BatchInsert uncertainty(db, "flow_uncertainty", {"flow", "sd_t", "tonnes_unknown"});
    for (std::size_t i = 0; i < flows.size(); ++i)
        if (flows[i].sdT != 0 || flows[i].tonnesUnknown)
            uncertainty.integer(i).real(flows[i].sdT).integer(flows[i].tonnesUnknown).endRow();
    uncertainty.finish();
    BatchInsert claims(db, "flow_claims", {"flow", "claimed_t"});  // schema version 6
    for (std::size_t i = 0; i < flows.size(); ++i)
        if (flows[i].claimedT != 0) claims.integer(i).real(flows[i].claimedT).endRow();
    claims.finish();
    BatchInsert document(db, "flow_documents", {"flow", "ord", "document"});
    for (std::size_t i = 0; i < flows.size(); ++i)
        for (std::size_t j = 0; j < flows[i].documents.size(); ++j)
            document.integer(i).integer(j).text(flows[i].documents[j]).endRow();
    document.finish();
    // Delivery records (schema version 9), flow by flow: ord is the running number.
    BatchInsert record(db, "records", {"ord", "flow", "id", "date", "tonnes", "evidence", "payment", "price_per_t", "notes"});
    BatchInsert recordDocument(db, "record_documents", {"record", "ord", "type", "number"});
    std::size_t k = 0;
    for (std::size_t i = 0; i < flows.size(); ++i)
        for (const Record& r : flows[i].records) {
            record.integer(k).integer(i).text(r.id).text(r.date).real(r.tonnes).text(toString(r.evidence));
            record.text(toString(r.payment)).real(r.pricePerT).text(r.notes).endRow();
            for (std::size_t j = 0; j < r.documents.size(); ++j)
                recordDocument.integer(k).integer(j).text(r.documents[j].type).text(r.documents[j].number).endRow();
            ++k;
        }
    record.finish();
    recordDocument.finish();
}

void writeChecklists(sqlite3* db, const std::vector<Checklist>& checklists) {
    BatchInsert checklist(db, "checklists", {"ord", "scope", "template"});
    for (std::size_t i = 0; i < checklists.size(); ++i) checklist.integer(i).text(checklists[i].scope).text(checklists[i].templateId).endRow();
    checklist.finish();
    BatchInsert item(db, "checklist_items", {"checklist", "ord", "id", "status", "evidence", "owner", "due"});
    for (std::size_t i = 0; i < checklists.size(); ++i)
        for (std::size_t j = 0; j < checklists[i].items.size(); ++j) {
            const ChecklistItem& it = checklists[i].items[j];
            item.integer(i).integer(j).text(it.id).text(toString(it.status)).text(it.evidence).text(it.owner);
            item.text(it.due).endRow();
        }
    item.finish();
    BatchInsert document(db, "checklist_item_documents", {"checklist", "item", "ord", "document"});
    for (std::size_t i = 0; i < checklists.size(); ++i)
        for (std::size_t j = 0; j < checklists[i].items.size(); ++j)
            for (std::size_t k = 0; k < checklists[i].items[j].documents.size(); ++k)
                document.integer(i).integer(j).integer(k).text(checklists[i].items[j].documents[k]).endRow();
    document.finish();
    BatchInsert source(db, "checklist_item_sources", {"checklist", "item", "source"});  // schema version 7
    for (std::size_t i = 0; i < checklists.size(); ++i)
        for (std::size_t j = 0; j < checklists[i].items.size(); ++j)
            if (!checklists[i].items[j].source.empty()) source.integer(i).integer(j).text(checklists[i].items[j].source).endRow();
    source.finish();
}

void writeGoalsAndSupports(sqlite3* db, const Project& p, const ActorOrds& actorOrds) {
    BatchInsert goal(db, "goals", {"ord", "actor", "buyer", "notes"});
    for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const Goal& g = p.goals[i];
        goal.integer(i).integer(actorOrds.of(g.actor, "goals", i, "actor"));
        actorOrds.addOptional(goal, g.buyer, "goals", i, "buyer");
        goal.text(g.notes).endRow();
    }
    goal.finish();
    BatchInsert threshold(db, "goal_thresholds", {"goal", "ord", "tonnes"});
    for (std::size_t i = 0; i < p.goals.size(); ++i)
        for (std::size_t j = 0; j < p.goals[i].thresholdsT.size(); ++j)
            threshold.integer(i).integer(j).real(p.goals[i].thresholdsT[j]).endRow();
    threshold.finish();

    BatchInsert support(db, "supports",
                        {"ord", "actor", "type", "threshold", "region", "count", "beneficiaries", "cost", "notes"});
    for (std::size_t i = 0; i < p.supports.size(); ++i) {
        const Support& s = p.supports[i];
        support.integer(i);
        actorOrds.addOptional(support, s.actor, "supports", i, "actor");
        support.text(s.type).integer(s.threshold).text(s.region).integer(s.count);
        support.integer(s.beneficiaries).real(s.cost).text(s.notes).endRow();
    }
    support.finish();
}

// The findings register (schema version 5).
void writeFindings(sqlite3* db, const std::vector<Finding>& findings) {
    BatchInsert row(db, "findings",
                    {"ord", "id", "source", "rule", "item", "subject", "severity", "owner", "response", "action", "due",
                     "status", "evidence", "closed_on", "notes"});
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Finding& f = findings[i];
        row.integer(i).text(f.id).text(toString(f.source)).text(f.rule).text(f.item).text(f.subject).text(f.severity);
        row.text(f.owner).text(toString(f.response)).text(f.action).text(f.due).text(toString(f.status));
        row.text(f.evidence).text(f.closedOn).text(f.notes).endRow();
    }
    row.finish();
}

}  // namespace

const std::vector<std::string>& projectTables() {
    static const std::vector<std::string> tables{
        "assessment", "actors",         "actor_risk_factors", "flows",    "flow_documents",
        "checklists", "checklist_items", "checklist_item_documents", "goals", "goal_thresholds",
        "supports",   "catalogue",       "import_rules", "actor_uncertainty", "flow_uncertainty",
        "findings", "actor_due_diligence", "actor_claims", "flow_claims", "checklist_item_sources",
        "records", "record_documents", "actor_suspensions"};
    return tables;
}

void writeActorRows(SQLite::Database& database, const std::vector<Actor>& actors) { writeActors(database.getHandle(), actors); }

void writeFlowRows(SQLite::Database& database, const std::vector<Flow>& flows, const std::vector<Actor>& actors) {
    writeFlows(database.getHandle(), flows, ActorOrds(actors));
}

void writeProject(SQLite::Database& database, const Project& p, ProjectParts parts) {
    sqlite3* db = database.getHandle();
    writeAssessment(db, p.assessment);
    // The index of actor ids costs a quarter of a second for a national chain: only when something refers to actors.
    static const std::vector<Actor> kNone;
    const ActorOrds actorOrds(parts.flows || !p.goals.empty() || !p.supports.empty() ? p.actors : kNone);
    if (parts.actors) writeActors(db, p.actors);
    if (parts.flows) writeFlows(db, p.flows, actorOrds);
    writeChecklists(db, p.checklists);
    writeGoalsAndSupports(db, p, actorOrds);
    writeFindings(db, p.findings);
    BatchInsert catalogue(db, "catalogue", {"stem", "json"});
    for (const auto& [stem, json] : p.catalogue.texts()) catalogue.text(stem).text(json).endRow();
    catalogue.finish();
    BatchInsert rules(db, "import_rules", {"header", "field", "factor"});
    for (const ColumnRule& r : p.importRules.rules()) rules.text(r.header).text(r.field).real(r.factor).endRow();
    rules.finish();
}

}  // namespace traza::model::sqlite
