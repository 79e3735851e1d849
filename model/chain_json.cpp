#include "chain_json.h"

#include <cmath>
#include <cstdint>
#include <fstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "json_parse.h"
#include "json_reader.h"
#include "validation.h"

namespace traza::model {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "traza-chain";

// ---- reading ---------------------------------------------------------------

// format and version are checked before anything else, so that a file from a
// newer Traza is reported as such rather than as a list of unknown fields.
void checkHeader(const json& doc) {
    const auto format = doc.find("format");
    if (format == doc.end()) throw InvalidInput("format", "missing required field (\"format\": \"traza-chain\")");
    if (!format->is_string() || format->get<std::string>() != kFormatName)
        throw InvalidInput("format", "must be \"traza-chain\" (got " + format->dump() + ")");
    const auto version = doc.find("version");
    if (version == doc.end()) throw InvalidInput("version", "missing required field");
    if (!version->is_number_integer()) throw InvalidInput("version", "must be a whole number (got " + version->dump() + ")");
    const bool newer = version->is_number_unsigned() ? version->get<std::uint64_t>() > kFormatVersion
                                                     : version->get<std::int64_t>() > kFormatVersion;
    if (newer)
        throw InvalidInput("version", "written by a newer Traza (version " + version->dump() + "); this Traza reads version 1");
    if (version->get<std::int64_t>() != kFormatVersion) throw InvalidInput("version", "must be 1 (got " + version->dump() + ")");
}

// {"start": ..., "end": ...}, both optional.
Period readPeriod(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"start", "end"});
    return {r.text("start"), r.text("end")};
}

Assessment readAssessment(const json& v) {
    JsonObjectReader r(v, "assessment",
                       {"title", "assessor", "organisation", "purpose", "material", "country", "period", "currency", "notes"});
    Assessment a;
    a.title = r.text("title");
    a.assessor = r.text("assessor");
    a.organisation = r.text("organisation");
    a.purpose = r.text("purpose");
    a.material = r.text("material");
    a.country = r.text("country");
    if (const json* p = r.find("period")) a.period = readPeriod(*p, r.pathOf("period"));
    a.currency = r.text("currency");
    a.notes = r.text("notes");
    return a;
}

Actor readActor(const json& v, const std::string& path) {
    JsonObjectReader r(v, path,
                       {"id", "name", "kind", "stage", "country", "region", "formality", "headcount", "capacity_t",
                        "stock_change_t", "loss_t", "public_service_provider", "risk_factors", "notes"});
    Actor a;
    a.id = r.text("id", true);
    a.name = r.text("name");
    if (!r.has("kind")) r.fail("kind", "missing required field; " + allowedValues(actorKindNames()));
    a.kind = r.enumeration("kind", ActorKind::Other, parseActorKind, actorKindNames());
    if (r.has("stage")) a.stage = r.integer("stage");
    else if (a.kind == ActorKind::Other) r.fail("stage", "required for kind \"other\" (a whole number from 1 to 9)");
    else a.stage = defaultStage(a.kind);
    a.country = r.text("country");
    a.region = r.text("region");
    a.formality = r.enumeration("formality", Formality::Informal, parseFormality, formalityNames());
    a.headcount = r.integer("headcount");
    a.capacityT = r.number("capacity_t");
    a.stockChangeT = r.number("stock_change_t");
    a.lossT = r.number("loss_t");
    a.publicServiceProvider = r.boolean("public_service_provider");
    a.riskFactors = r.texts("risk_factors");
    a.notes = r.text("notes");
    return a;
}

Flow readFlow(const json& v, const std::string& path) {
    JsonObjectReader r(v, path,
                       {"id", "from", "to", "material", "tonnes", "period", "documented_t", "evidence", "documents",
                        "payment", "price_per_t", "typology", "notes"});
    Flow f;
    f.id = r.text("id", true);
    f.from = r.text("from", true);
    f.to = r.text("to", true);
    f.material = r.text("material");
    f.tonnes = r.number("tonnes", true);
    if (const json* p = r.find("period")) {
        Period period = readPeriod(*p, r.pathOf("period"));
        f.periodStart = period.start;
        f.periodEnd = period.end;
    }
    f.documentedT = r.number("documented_t");
    f.evidence = r.enumeration("evidence", Evidence::None, parseEvidence, evidenceNames());
    f.documents = r.texts("documents");
    f.payment = r.enumeration("payment", Payment::Unknown, parsePayment, paymentNames());
    f.pricePerT = r.number("price_per_t");
    f.typology = r.text("typology");
    f.notes = r.text("notes");
    return f;
}

Checklist readChecklist(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"scope", "items"});
    Checklist c;
    c.scope = r.text("scope");
    const json& items = r.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader ir(items[i], jsonPath(r.pathOf("items"), i), {"id", "status", "evidence", "documents", "owner", "due"});
        ChecklistItem item;
        item.id = ir.text("id");
        item.status = ir.enumeration("status", ItemStatus::NotStarted, parseItemStatus, itemStatusNames());
        item.evidence = ir.text("evidence");
        item.documents = ir.texts("documents");
        item.owner = ir.text("owner");
        item.due = ir.text("due");
        c.items.push_back(std::move(item));
    }
    return c;
}

Goal readGoal(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"actor", "buyer", "thresholds_t", "notes"});
    return {r.text("actor"), r.text("buyer"), r.numbers("thresholds_t"), r.text("notes")};
}

Support readSupport(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"actor", "type", "threshold", "region", "count", "beneficiaries", "cost", "notes"});
    Support s;
    s.actor = r.text("actor");
    s.type = r.text("type");
    s.threshold = r.integer("threshold");
    s.region = r.text("region");
    s.count = r.integer("count");
    s.beneficiaries = r.integer("beneficiaries");
    s.cost = r.number("cost");
    s.notes = r.text("notes");
    return s;
}

template <typename T, typename Read>
std::vector<T> readList(const JsonObjectReader& top, const char* key, Read read) {
    std::vector<T> out;
    const json& a = top.array(key);
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read(a[i], jsonPath(key, i)));
    return out;
}

}  // namespace

Project projectFromJson(std::string_view text, const Catalogue& catalogue) {
    const json doc = parseJsonDocument(text);
    if (!doc.is_object()) throw InvalidInput("", "the document must be a JSON object {\"format\": \"traza-chain\", ...}");
    checkHeader(doc);
    JsonObjectReader top(doc, "", {"format", "version", "assessment", "actors", "flows", "checklists", "goals", "supports"});

    Project p;
    if (const json* a = top.find("assessment")) p.assessment = readAssessment(*a);
    p.actors = readList<Actor>(top, "actors", readActor);
    p.flows = readList<Flow>(top, "flows", readFlow);
    p.checklists = readList<Checklist>(top, "checklists", readChecklist);
    p.goals = readList<Goal>(top, "goals", readGoal);
    p.supports = readList<Support>(top, "supports", readSupport);
    p.catalogue = catalogue;
    throwIfInvalid(validateProject(p));
    return p;
}

Project readProjectJson(const std::filesystem::path& file, const Catalogue& catalogue) {
    const std::string name = file.string();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) throw IoError(name + ": cannot read (" + ec.message() + ")");
    // Checked before reading, so a huge file costs nothing.
    if (size > maxChainJsonBytes)
        throw InvalidInput(name, "file too large (" + std::to_string(size) + " bytes; chain JSON is limited to " +
                                     std::to_string(maxChainJsonBytes >> 20) + " MiB)");
    std::string text(static_cast<std::size_t>(size), '\0');
    std::ifstream in(file, std::ios::binary);
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) throw IoError(name + ": cannot read");
    try {
        return projectFromJson(text, catalogue);
    } catch (const InvalidInput& e) {
        throw InvalidInput(e.where().empty() ? name : name + ": " + e.where(), e.reason());
    }
}

}  // namespace traza::model
