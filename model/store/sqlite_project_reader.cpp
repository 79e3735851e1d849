// Reading a Project from a current-version database. Every value is checked
// for its type (a hostile file may declare any column type, or none), every
// table for a row cap, every child row for its parent. Problems are reported
// as InvalidInput("<table>[<row>].<column>", reason).
#include <sqlite3.h>

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <cstdint>
#include <future>
#include <limits>
#include <map>

#include "error.h"
#include "process_memory.h"
#include "sqlite_project_rows.h"
#include "validation.h"

namespace traza::model::sqlite {
namespace {

// Row caps: far above any real chain (a national chain has a few hundred
// thousand flows), low enough that an absurd file is refused before it eats
// the machine's memory.
constexpr std::int64_t kMaxActors = 2'000'000;
constexpr std::int64_t kMaxFlows = 5'000'000;
constexpr std::int64_t kMaxListRows = 1'000'000;   // checklists, goals, supports
constexpr std::int64_t kMaxChildRows = 20'000'000; // documents, factors, items, thresholds
constexpr std::int64_t kMaxCatalogueFiles = 1'000;
constexpr int kMaxJsonDepth = 64;  // nlohmann's dump() recurses; deep nesting would overflow the stack

// One SELECT over one table, with typed, checked access to the current row.
class Query {
public:
    Query(SQLite::Database& db, std::string table, const std::string& columns, const std::string& order)
        : m_db(db.getHandle()), m_table(std::move(table)) {
        const std::string sql = "SELECT " + columns + " FROM " + m_table + (order.empty() ? "" : " ORDER BY " + order);
        int rc = sqlite3_prepare_v2(m_db, sql.c_str(), -1, &m_stmt, nullptr);
        if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
    }
    ~Query() { sqlite3_finalize(m_stmt); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    bool next() {
        int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_DONE) return false;
        if (rc != SQLITE_ROW) throw SQLite::Exception(m_db, rc);
        ++m_row;
        return true;
    }

    // Each value is taken once with sqlite3_column_value and then read with the
    // sqlite3_value_* accessors: every sqlite3_column_* call pays for the
    // statement's error and mutex bookkeeping, about a third of the reading's
    // instructions on a national chain when a text column took three of them.
    // (An unprotected value is fine here: the connection is used by one thread.)
    std::string_view textView(int c) const {
        sqlite3_value* v = sqlite3_column_value(m_stmt, c);
        if (sqlite3_value_type(v) != SQLITE_TEXT) fail(c, "must be text");
        const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
        const auto n = static_cast<std::size_t>(sqlite3_value_bytes(v));
        return p ? std::string_view(p, n) : std::string_view();
    }
    std::string text(int c) const { return std::string(textView(c)); }
    bool isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    double real(int c) const {
        sqlite3_value* v = sqlite3_column_value(m_stmt, c);
        int type = sqlite3_value_type(v);
        if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) fail(c, "must be a number");
        return sqlite3_value_double(v);
    }
    std::int64_t integer(int c) const {
        sqlite3_value* v = sqlite3_column_value(m_stmt, c);
        if (sqlite3_value_type(v) != SQLITE_INTEGER) fail(c, "must be an integer");
        return sqlite3_value_int64(v);
    }
    int int32(int c) const {
        std::int64_t v = integer(c);
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) fail(c, "is out of range");
        return static_cast<int>(v);
    }
    bool flag(int c) const {
        std::int64_t v = integer(c);
        if (v != 0 && v != 1) fail(c, "must be 0 or 1");
        return v == 1;
    }
    template <typename E>
    E enumeration(int c, std::optional<E> (*parse)(std::string_view), std::vector<std::string_view> (*names)()) const {
        const std::string_view s = textView(c);
        std::optional<E> v = parse(s);
        if (!v) fail(c, "unknown value \"" + std::string(s) + "\" (" + allowedValues(names()) + ")");
        return *v;
    }
    /// Index of the parent row whose ord is in column c (ords ascending).
    std::size_t parent(int c, const std::vector<std::int64_t>& ords, const std::string& parentTable) const {
        std::int64_t ord = integer(c);
        // Saved files number rows 0, 1, 2, ...: then the ord is its own index.
        if (ord >= 0 && static_cast<std::uint64_t>(ord) < ords.size() && ords[static_cast<std::size_t>(ord)] == ord)
            return static_cast<std::size_t>(ord);
        auto it = std::lower_bound(ords.begin(), ords.end(), ord);
        if (it == ords.end() || *it != ord) fail(c, "refers to " + parentTable + " row " + std::to_string(ord) + ", which does not exist");
        return static_cast<std::size_t>(it - ords.begin());
    }

    [[noreturn]] void fail(int c, const std::string& reason) const {
        throw InvalidInput(m_table + "[" + std::to_string(m_row - 1) + "]." + sqlite3_column_name(m_stmt, c), reason);
    }

private:
    sqlite3* m_db;
    std::string m_table;
    sqlite3_stmt* m_stmt = nullptr;
    std::int64_t m_row = 0;
};

// The number of rows of `table`, not yet checked against any limit.
std::int64_t rowCount(SQLite::Database& db, const std::string& table) {
    Query q(db, table, "count(*)", "");
    return q.next() ? q.integer(0) : 0;
}

void checkRowCount(const std::string& table, std::int64_t n, std::int64_t cap) {
    if (n > cap)
        throw InvalidInput(table, "holds " + std::to_string(n) + " rows; Traza reads at most " + std::to_string(cap));
}

std::int64_t countRows(SQLite::Database& db, const std::string& table, std::int64_t cap) {
    const std::int64_t n = rowCount(db, table);
    checkRowCount(table, n, cap);
    return n;
}

int jsonDepth(const std::string& text) {
    int depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (inString) {
            if (ch == '\\') ++i;
            else if (ch == '"') inString = false;
        } else if (ch == '"') inString = true;
        else if (ch == '[' || ch == '{') deepest = std::max(deepest, ++depth);
        else if (ch == ']' || ch == '}') --depth;
    }
    return deepest;
}

std::vector<std::string_view> seriesPeriodNames() { return {"monthly", "weekly"}; }

Assessment readAssessment(SQLite::Database& db) {
    std::int64_t n = countRows(db, "assessment", 1'000);
    if (n != 1) throw InvalidInput("assessment", "must hold exactly one row (found " + std::to_string(n) + ")");
    Query q(db, "assessment",
            "title, assessor, organisation, purpose, material, country, period_start, period_end, currency, notes,"
            " assessed_on, reviewer, reviewed_on, series_period",
            "");
    q.next();
    Assessment a{q.text(0), q.text(1), q.text(2),  q.text(3),  q.text(4),  q.text(5), {q.text(6), q.text(7)},
                 q.text(8), q.text(9), q.text(10), q.text(11), q.text(12)};
    a.seriesPeriod = q.enumeration<SeriesPeriod>(13, parseSeriesPeriod, seriesPeriodNames);
    return a;
}

// Returns the actors' ords (ascending), which every reference to an actor uses.
std::vector<std::int64_t> readActors(SQLite::Database& db, Project& p) {
    p.actors.reserve(static_cast<std::size_t>(countRows(db, "actors", kMaxActors)));
    std::vector<std::int64_t> ords;
    Query q(db, "actors",
            "ord, id, name, kind, stage, country, region, formality, headcount, capacity_t, stock_change_t,"
            " loss_t, public_service_provider, notes, has_position, x, y",
            "ord");
    while (q.next()) {
        ords.push_back(q.integer(0));
        Actor& a = p.actors.emplace_back();  // filled in place: no move of every row
        a.id = q.text(1);
        a.name = q.text(2);
        a.kind = q.enumeration<ActorKind>(3, parseActorKind, actorKindNames);
        a.stage = q.int32(4);
        a.country = q.text(5);
        a.region = q.text(6);
        a.formality = q.enumeration<Formality>(7, parseFormality, formalityNames);
        a.headcount = q.int32(8);
        a.capacityT = q.real(9);
        a.stockChangeT = q.real(10);
        a.lossT = q.real(11);
        a.publicServiceProvider = q.flag(12);
        a.notes = q.text(13);
        a.hasPosition = q.flag(14);
        a.x = q.real(15);
        a.y = q.real(16);
    }
    countRows(db, "actor_risk_factors", kMaxChildRows);
    Query f(db, "actor_risk_factors", "actor, factor", "actor, ord");
    while (f.next()) p.actors[f.parent(0, ords, "actors")].riskFactors.push_back(f.text(1));
    countRows(db, "actor_uncertainty", kMaxActors);
    Query u(db, "actor_uncertainty", "actor, stock_change_sd_t, loss_sd_t", "actor");
    while (u.next()) {
        Actor& a = p.actors[u.parent(0, ords, "actors")];
        a.stockChangeSdT = u.real(1);
        a.lossSdT = u.real(2);
    }
    countRows(db, "actor_due_diligence", kMaxActors);
    Query dd(db, "actor_due_diligence", "actor, dd_status, coc_certification", "actor");
    while (dd.next()) {
        Actor& a = p.actors[dd.parent(0, ords, "actors")];
        a.ddStatus = dd.enumeration<DueDiligenceStatus>(1, parseDueDiligenceStatus, dueDiligenceStatusNames);
        a.cocCertification = dd.text(2);
    }
    countRows(db, "actor_suspensions", kMaxActors);  // schema version 9
    Query su(db, "actor_suspensions", "actor, suspended_from", "actor");
    while (su.next()) p.actors[su.parent(0, ords, "actors")].suspendedFrom = su.text(1);
    countRows(db, "actor_claims", kMaxActors);
    Query c(db, "actor_claims", "actor, makes_claims, yield, profile", "actor");
    while (c.next()) {
        Actor& a = p.actors[c.parent(0, ords, "actors")];
        if (!c.isNull(1)) a.makesClaims = c.flag(1);
        a.claimYield = c.real(2);
        a.claimProfile = c.text(3);
    }
    return ords;
}

// The actors' ords alone (for reading flows on a connection of their own).
std::vector<std::int64_t> readActorOrds(SQLite::Database& db) {
    std::vector<std::int64_t> ords;
    ords.reserve(static_cast<std::size_t>(countRows(db, "actors", kMaxActors)));
    Query q(db, "actors", "ord", "ord");
    while (q.next()) ords.push_back(q.integer(0));
    return ords;
}

// Delivery records (schema version 9) into their flows, in ord order, with
// their documents. Two prepared statements for the whole table, so opening a
// year of records stays a sequential read.
void readRecords(SQLite::Database& db, const std::vector<std::int64_t>& flowOrds, std::vector<Flow>& flows) {
    const auto n = static_cast<std::size_t>(countRows(db, "records", kMaxChildRows));
    if (n == 0) return;
    std::vector<std::int64_t> ords;
    ords.reserve(n);
    std::vector<Record*> byOrd;  // records are appended to their flows' vectors: reserve first, then point
    byOrd.reserve(n);
    std::vector<std::size_t> perFlow(flows.size(), 0), flowOf;
    flowOf.reserve(n);
    {
        Query q(db, "records", "flow", "ord");
        while (q.next()) {
            flowOf.push_back(q.parent(0, flowOrds, "flows"));
            ++perFlow[flowOf.back()];
        }
    }
    for (std::size_t i = 0; i < flows.size(); ++i) flows[i].records.reserve(perFlow[i]);
    Query q(db, "records", "ord, id, date, tonnes, evidence, payment, price_per_t, notes", "ord");
    for (std::size_t k = 0; q.next() && k < flowOf.size(); ++k) {
        ords.push_back(q.integer(0));
        Record& r = flows[flowOf[k]].records.emplace_back();
        r.id = q.text(1);
        r.date = q.text(2);
        r.tonnes = q.real(3);
        r.evidence = q.enumeration<Evidence>(4, parseEvidence, evidenceNames);
        r.payment = q.enumeration<Payment>(5, parsePayment, paymentNames);
        r.pricePerT = q.real(6);
        r.notes = q.text(7);
        byOrd.push_back(&r);
    }
    countRows(db, "record_documents", kMaxChildRows);
    Query d(db, "record_documents", "record, type, number", "record, ord");
    while (d.next()) byOrd[d.parent(0, ords, "records")]->documents.push_back({d.text(1), d.text(2)});
}

// Flows with their ends as actor indices: the ids are filled in by
// resolveFlowEnds once the actors are read, which may happen at the same time
// on another connection.
struct FlowRows {
    std::vector<Flow> flows;
    std::vector<std::pair<std::size_t, std::size_t>> ends;  ///< from, to: indices into the actors
};

// Room for `rows` flows, or none when they are more than Traza reads (readFlows
// then refuses them, in its turn among the reading's errors).
FlowRows flowRowsFor(std::int64_t rows) {
    FlowRows out;
    if (rows > kMaxFlows) return out;
    out.flows.reserve(static_cast<std::size_t>(rows));
    out.ends.reserve(static_cast<std::size_t>(rows));
    return out;
}

// Fills `out` (flowRowsFor(rows)) with the flows table's `rows` rows.
FlowRows readFlows(SQLite::Database& db, const std::vector<std::int64_t>& actorOrds, FlowRows out, std::int64_t rows) {
    checkRowCount("flows", rows, kMaxFlows);
    std::vector<std::int64_t> ords;
    Query q(db, "flows",
            "ord, id, from_actor, to_actor, material, tonnes, period_start, period_end, documented_t, evidence,"
            " payment, price_per_t, typology, notes",
            "ord");
    while (q.next()) {
        ords.push_back(q.integer(0));
        Flow& f = out.flows.emplace_back();
        f.id = q.text(1);
        const std::size_t from = q.parent(2, actorOrds, "actors");
        out.ends.emplace_back(from, q.parent(3, actorOrds, "actors"));
        f.material = q.text(4);
        f.tonnes = q.real(5);
        f.periodStart = q.text(6);
        f.periodEnd = q.text(7);
        f.documentedT = q.real(8);
        f.evidence = q.enumeration<Evidence>(9, parseEvidence, evidenceNames);
        f.payment = q.enumeration<Payment>(10, parsePayment, paymentNames);
        f.pricePerT = q.real(11);
        f.typology = q.text(12);
        f.notes = q.text(13);
    }
    countRows(db, "flow_documents", kMaxChildRows);
    Query d(db, "flow_documents", "flow, document", "flow, ord");
    while (d.next()) out.flows[d.parent(0, ords, "flows")].documents.push_back(d.text(1));
    countRows(db, "flow_uncertainty", kMaxFlows);
    Query u(db, "flow_uncertainty", "flow, sd_t, tonnes_unknown", "flow");
    while (u.next()) {
        Flow& f = out.flows[u.parent(0, ords, "flows")];
        f.sdT = u.real(1);
        f.tonnesUnknown = u.flag(2);
    }
    countRows(db, "flow_claims", kMaxFlows);
    Query c(db, "flow_claims", "flow, claimed_t", "flow");
    while (c.next()) out.flows[c.parent(0, ords, "flows")].claimedT = c.real(1);
    readRecords(db, ords, out.flows);
    return out;
}

void resolveFlowEnds(Project& p, FlowRows rows) {
    p.flows = std::move(rows.flows);
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        p.flows[i].from = p.actors[rows.ends[i].first].id;
        p.flows[i].to = p.actors[rows.ends[i].second].id;
    }
}

void readChecklists(SQLite::Database& db, Project& p) {
    countRows(db, "checklists", kMaxListRows);
    std::vector<std::int64_t> ords;
    Query q(db, "checklists", "ord, scope, template", "ord");
    while (q.next()) {
        ords.push_back(q.integer(0));
        p.checklists.push_back({q.text(1), {}, q.text(2)});
    }
    countRows(db, "checklist_items", kMaxChildRows);
    std::vector<std::vector<std::int64_t>> itemOrds(p.checklists.size());
    Query i(db, "checklist_items", "checklist, ord, id, status, evidence, owner, due", "checklist, ord");
    while (i.next()) {
        std::size_t c = i.parent(0, ords, "checklists");
        itemOrds[c].push_back(i.integer(1));
        ChecklistItem item;
        item.id = i.text(2);
        item.status = i.enumeration<ItemStatus>(3, parseItemStatus, itemStatusNames);
        item.evidence = i.text(4);
        item.owner = i.text(5);
        item.due = i.text(6);
        p.checklists[c].items.push_back(std::move(item));
    }
    countRows(db, "checklist_item_documents", kMaxChildRows);
    Query d(db, "checklist_item_documents", "checklist, item, document", "checklist, item, ord");
    while (d.next()) {
        std::size_t c = d.parent(0, ords, "checklists");
        std::size_t item = d.parent(1, itemOrds[c], "checklist_items");
        p.checklists[c].items[item].documents.push_back(d.text(2));
    }
    countRows(db, "checklist_item_sources", kMaxChildRows);  // schema version 7
    Query s(db, "checklist_item_sources", "checklist, item, source", "checklist, item");
    while (s.next()) {
        std::size_t c = s.parent(0, ords, "checklists");
        std::size_t item = s.parent(1, itemOrds[c], "checklist_items");
        p.checklists[c].items[item].source = s.text(2);
    }
}

void readGoalsAndSupports(SQLite::Database& db, Project& p, const std::vector<std::int64_t>& actorOrds) {
    const auto actorId = [&](const Query& q, int c) { return p.actors[q.parent(c, actorOrds, "actors")].id; };
    const auto optionalActorId = [&](const Query& q, int c) { return q.isNull(c) ? std::string() : actorId(q, c); };
    countRows(db, "goals", kMaxListRows);
    std::vector<std::int64_t> ords;
    Query g(db, "goals", "ord, actor, buyer, notes", "ord");
    while (g.next()) {
        ords.push_back(g.integer(0));
        p.goals.push_back({actorId(g, 1), optionalActorId(g, 2), {}, g.text(3)});
    }
    countRows(db, "goal_thresholds", kMaxChildRows);
    Query t(db, "goal_thresholds", "goal, tonnes", "goal, ord");
    while (t.next()) p.goals[t.parent(0, ords, "goals")].thresholdsT.push_back(t.real(1));

    countRows(db, "supports", kMaxListRows);
    Query s(db, "supports", "actor, type, threshold, region, count, beneficiaries, cost, notes", "ord");
    while (s.next())
        p.supports.push_back({optionalActorId(s, 0), s.text(1), s.int32(2), s.text(3), s.int32(4), s.int32(5), s.real(6),
                               s.text(7)});
}

// The findings register (schema version 5); validateProject checks the rest.
void readFindings(SQLite::Database& db, Project& p) {
    countRows(db, "findings", kMaxListRows);
    Query q(db, "findings",
            "id, source, rule, item, subject, severity, owner, response, action, due, status, evidence, closed_on, notes",
            "ord");
    while (q.next()) {
        Finding f;
        f.id = q.text(0);
        f.source = q.enumeration<FindingSource>(1, parseFindingSource, findingSourceNames);
        f.rule = q.text(2);
        f.item = q.text(3);
        f.subject = q.text(4);
        f.severity = q.text(5);
        f.owner = q.text(6);
        f.response = q.enumeration<FindingResponse>(7, parseFindingResponse, findingResponseNames);
        f.action = q.text(8);
        f.due = q.text(9);
        f.status = q.enumeration<FindingStatus>(10, parseFindingStatus, findingStatusNames);
        f.evidence = q.text(11);
        f.closedOn = q.text(12);
        f.notes = q.text(13);
        p.findings.push_back(std::move(f));
    }
}

Catalogue readCatalogue(SQLite::Database& db) {
    countRows(db, "catalogue", kMaxCatalogueFiles);
    std::map<std::string, std::string> texts;
    Query q(db, "catalogue", "stem, json", "stem");
    while (q.next()) {
        std::string json = q.text(1);
        if (jsonDepth(json) > kMaxJsonDepth) q.fail(1, "is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        texts[q.text(0)] = std::move(json);
    }
    if (texts.empty()) return {};  // a project made without catalogue (tests, imports)
    try {
        return Catalogue::fromTexts(std::move(texts));
    } catch (const InvalidInput& e) {
        throw InvalidInput("catalogue: " + e.where(), e.reason());
    }
}

ColumnMapping readImportRules(SQLite::Database& db) {
    countRows(db, "import_rules", kMaxListRows);
    ColumnMapping rules;
    Query q(db, "import_rules", "header, field, factor", "ord");
    while (q.next()) {
        const double factor = q.real(2);
        if (!(factor > 0)) q.fail(2, "must be a positive number");
        rules.add({q.text(0), q.text(1), factor});
    }
    return rules;
}

}  // namespace

Project readProject(SQLite::Database& db, SQLite::Database* flowsDb) {
    Project p;
    p.assessment = readAssessment(db);
    // The flows (half of a national chain's rows) and then the checklists
    // are read on flowsDb's own thread while this one reads the actors (the
    // two took about as long, and the checklists were left for the end).
    // Errors keep the order of a sequential read: the actors' first, then the
    // flows', then the checklists', then the rest.
    struct FlowsAndChecklists {
        FlowRows flows;
        Project checklists;  ///< only its checklists are read
    };
    std::future<FlowsAndChecklists> flows;
    if (flowsDb) {
        // The flows' records (a third of the chain's memory) are reserved on
        // this thread, from the main heap: in the workbench, which keeps
        // glibc's per-thread arenas, the reading thread's own arena would take
        // them in fresh 4 kB pages, and opening took 0.1 s longer
        // (process_memory.cpp).
        const std::int64_t rows = rowCount(*flowsDb, "flows");
        flows = std::async(std::launch::async, [flowsDb, rows, reserved = flowRowsFor(rows)]() mutable {
            model::adviseThreadHeap();
            FlowsAndChecklists read{readFlows(*flowsDb, readActorOrds(*flowsDb), std::move(reserved), rows), {}};
            readChecklists(*flowsDb, read.checklists);
            return read;
        });
    }
    std::vector<std::int64_t> actorOrds;
    try {
        actorOrds = readActors(db, p);
    } catch (...) {
        if (flowsDb) {
            sqlite3_interrupt(flowsDb->getHandle());  // its result no longer matters
            flows.wait();
        }
        throw;
    }
    if (flowsDb) {
        FlowsAndChecklists read = flows.get();
        resolveFlowEnds(p, std::move(read.flows));
        p.checklists = std::move(read.checklists.checklists);
    } else {
        const std::int64_t rows = rowCount(db, "flows");
        resolveFlowEnds(p, readFlows(db, actorOrds, flowRowsFor(rows), rows));
        readChecklists(db, p);
    }
    readGoalsAndSupports(db, p, actorOrds);
    readFindings(db, p);
    p.catalogue = readCatalogue(db);
    p.importRules = readImportRules(db);
    return p;
}

}  // namespace traza::model::sqlite
