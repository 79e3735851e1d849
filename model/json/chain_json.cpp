#include "chain_json.h"
#include "chain_json_parts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "error.h"
#include "json_parse.h"
#include "json_reader.h"
#include "claim_profiles.h"
#include "catalogue_section.h"
#include "chain_json_flat.h"
#include "interchange/chain_fields.h"
#include "record_json.h"
#include "text_file.h"
#include "validation.h"

namespace traza::model {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// ---- reading ---------------------------------------------------------------

// format and version are checked before anything else, so that a file from a
// newer Traza is reported as such rather than as a list of unknown fields.
void checkHeader(const json& doc) {
    const auto format = doc.find("format");
    if (format == doc.end()) throw InvalidInput("format", "missing required field (\"format\": \"traza-chain\")");
    if (!format->is_string() || format->get<std::string>() != kChainJsonFormat)
        throw InvalidInput("format", "must be \"traza-chain\" (got " + format->dump() + ")");
    const auto version = doc.find("version");
    if (version == doc.end()) throw InvalidInput("version", "missing required field");
    if (!version->is_number_integer()) throw InvalidInput("version", "must be a whole number (got " + version->dump() + ")");
    const bool newer = version->is_number_unsigned() ? version->get<std::uint64_t>() > kChainJsonVersion
                                                     : version->get<std::int64_t>() > kChainJsonVersion;
    if (newer)
        throw InvalidInput("version", "written by a newer Traza (version " + version->dump() + "); this Traza reads version 1");
    if (version->get<std::int64_t>() != kChainJsonVersion) throw InvalidInput("version", "must be 1 (got " + version->dump() + ")");
}

// {"start": ..., "end": ...}, both optional.
Period readPeriod(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"start", "end"});
    return {r.text("start"), r.text("end")};
}

Assessment readAssessment(const json& v) {
    JsonObjectReader r(v, "assessment",
                       {"title", "assessor", "organisation", "purpose", "material", "country", "period", "currency", "notes",
                        "assessed_on", "reviewer", "reviewed_on", "series_period"});
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
    a.assessedOn = r.text("assessed_on");
    a.reviewer = r.text("reviewer");
    a.reviewedOn = r.text("reviewed_on");
    if (const json* sp = r.find("series_period")) {
        const auto kind = sp->is_string() ? parseSeriesPeriod(sp->get_ref<const std::string&>()) : std::nullopt;
        if (!kind) throw InvalidInput(r.pathOf("series_period"), "must be \"monthly\" or \"weekly\"");
        a.seriesPeriod = *kind;
    }
    return a;
}

// One field of the shared table (interchange/chain_fields.h) read from JSON.
template <typename Field>
FieldValue readField(const JsonObjectReader& r, const Field& f) {
    const std::string key(f.key);
    switch (f.type) {
        case FieldType::Number: return r.number(key, f.required);
        case FieldType::Integer: return r.integer(key);
        case FieldType::Boolean: return r.boolean(key);
        case FieldType::List: return r.texts(key);
        case FieldType::Enumeration:
            switch (f.vocabulary) {
                case Vocabulary::ActorKind:
                    return std::string(toString(r.enumeration(key, ActorKind::Other, parseActorKind, actorKindNames())));
                case Vocabulary::Formality:
                    return std::string(toString(r.enumeration(key, Formality::Informal, parseFormality, formalityNames())));
                case Vocabulary::Evidence:
                    return std::string(toString(r.enumeration(key, Evidence::None, parseEvidence, evidenceNames())));
                case Vocabulary::Payment:
                    return std::string(toString(r.enumeration(key, Payment::Unknown, parsePayment, paymentNames())));
                default: return r.text(key);  // catalogue ids: checked by validation
            }
        default: return r.text(key, f.required);
    }
}

// Every field of the table present in the object; dates are read by the caller.
template <typename Record, typename Field>
void readFields(const JsonObjectReader& r, const std::vector<Field>& fields, Record& record,
                std::string_view skip = {}) {
    for (const Field& f : fields) {
        if (f.type == FieldType::Date || f.key == skip) continue;
        if (!r.has(f.key) && !f.required) continue;
        if (!r.has(f.key) && f.vocabulary == Vocabulary::ActorKind) r.fail(f.key, "missing required field; " + allowedValues(actorKindNames()));
        f.set(record, readField(r, f));
    }
}

// makes_claims, claim_yield, claim_profile: each only when given.
void readActorClaims(const JsonObjectReader& r, Actor& a) {
    if (r.has("makes_claims")) a.makesClaims = r.boolean("makes_claims");
    if (r.has("claim_yield")) {
        a.claimYield = r.number("claim_yield");
        if (!(a.claimYield > 0 && a.claimYield <= 1)) r.fail("claim_yield", "must be more than 0 and at most 1 (output per tonne of eligible input)");
    }
    a.claimProfile = r.text("claim_profile");
    if (r.has("claim_profile") && a.claimProfile.empty()) r.fail("claim_profile", "must name a claim profile (e.g. \"asi\", \"iscc\")");
}

Actor readActor(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, actorJsonKeys());  // chain_json_flat.h
    Actor a;
    readFields(r, actorFields(), a);
    a.ddStatus = r.enumeration("dd_status", DueDiligenceStatus::None, parseDueDiligenceStatus, dueDiligenceStatusNames());
    a.cocCertification = r.text("coc_certification");
    readActorClaims(r, a);
    a.suspendedFrom = r.text("suspended_from");  // issue #19; checked as a date by validation
    if (!completeActorStage(a, r.has("stage"))) r.fail("stage", "required for kind \"other\" (a whole number from 1 to 9)");
    return a;
}

// The flow keys of the shared table plus "records"' absent-tonnes rule (issue #19).
Flow readFlow(const json& v, const std::string& path, FlowKeysGiven& given) {
    JsonObjectReader r(v, path, flowJsonKeys());
    Flow f;
    // "tonnes": null is an unknown amount, computed by reconciliation (second wave);
    // no "tonnes" at all is allowed for a flow with records (readRecordsJson checks).
    const json* tonnes = r.find("tonnes");
    f.tonnesUnknown = tonnes && tonnes->is_null();
    given = {tonnes != nullptr, r.has("documented_t"), r.has("evidence")};
    readFields(r, flowFields(), f, f.tonnesUnknown || !tonnes ? "tonnes" : "");
    if (const json* p = r.find("period")) {
        Period period = readPeriod(*p, r.pathOf("period"));
        f.periodStart = period.start;
        f.periodEnd = period.end;
    }
    return f;
}

Checklist readChecklist(const json& v, const std::string& path) {
    JsonObjectReader r(v, path, {"scope", "template", "items"});
    Checklist c;
    c.scope = r.text("scope");
    c.templateId = r.text("template");  // checked against the catalogue by validation
    const json& items = r.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        JsonObjectReader ir(items[i], jsonPath(r.pathOf("items"), i), {"id", "status", "evidence", "documents", "owner", "due", "source"});
        ChecklistItem item;
        item.id = ir.text("id");
        item.status = ir.enumeration("status", ItemStatus::NotStarted, parseItemStatus, itemStatusNames());
        item.evidence = ir.text("evidence");
        item.documents = ir.texts("documents");
        item.owner = ir.text("owner");
        item.due = ir.text("due");
        item.source = ir.text("source");  // optional (issue #18): where the answer came from
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

Finding readFinding(const json& v, const std::string& path) {
    JsonObjectReader r(v, path,
                       {"id", "source", "rule", "item", "subject", "severity", "owner", "response", "action", "due",
                        "status", "evidence", "closed_on", "notes"});
    Finding f;
    f.id = r.text("id", true);
    f.source = r.enumeration("source", FindingSource::User, parseFindingSource, findingSourceNames());
    f.rule = r.text("rule");
    f.item = r.text("item");
    f.subject = r.text("subject");
    f.severity = r.text("severity", true);
    f.owner = r.text("owner");
    f.response = r.enumeration("response", FindingResponse::MitigateWhileTrading, parseFindingResponse,
                               findingResponseNames());
    f.action = r.text("action");
    f.due = r.text("due");
    f.status = r.enumeration("status", FindingStatus::Open, parseFindingStatus, findingStatusNames());
    f.evidence = r.text("evidence");
    f.closedOn = r.text("closed_on");
    f.notes = r.text("notes");
    return f;
}


template <typename T, typename Read>
std::vector<T> readList(const JsonObjectReader& top, const char* key, Read read) {
    std::vector<T> out;
    const json& a = top.array(key);
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(read(a[i], jsonPath(key, i)));
    return out;
}

// One element's text, parsed with the document's limits (it sits `depth`
// levels down); errors carry the element's path in the document.
json parsePart(std::string_view text, const std::string& path, int depth) {
    try {
        return parseJsonDocument(text, kMaxJsonDepth - depth);
    } catch (const InvalidInput& e) {
        const std::string& where = e.where();
        if (where.empty()) throw InvalidInput(path, e.reason());
        if (where.rfind("byte ", 0) == 0) throw InvalidInput(path + " (" + where + " of it)", e.reason());
        throw InvalidInput(where[0] == '[' ? path + where : path + "." + where, e.reason());
    }
}

// Parses and reads each element in turn: its DOM lives only while it is read.
template <typename T, typename Read>
std::vector<T> readParts(const std::vector<std::string_view>& texts, const char* key, Read read) {
    std::vector<T> out;
    out.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string path = jsonPath(key, i);
        out.push_back(read(parsePart(texts[i], path, 2), path));
    }
    return out;
}

// As readParts, each element first offered to `flat` (chain_json_flat.h, no
// DOM); one it does not take is parsed and read by `read`, which says why.
template <typename T, typename Flat, typename Read>
std::vector<T> readFlatParts(const std::vector<std::string_view>& texts, const char* key, Flat flat, Read read) {
    std::vector<T> out;
    out.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (std::optional<T> v = flat(texts[i])) {
            out.push_back(std::move(*v));
            continue;
        }
        const std::string path = jsonPath(key, i);
        out.push_back(read(parsePart(texts[i], path, 2), path));
    }
    return out;
}

std::vector<Actor> readActorParts(const std::vector<std::string_view>& texts) {
    FlatJsonObject scratch(actorJsonKeys());
    return readFlatParts<Actor>(
        texts, "actors", [&scratch](std::string_view text) { return readFlatActor(scratch, text); }, readActor);
}

}  // namespace

Project projectFromJsonParts(const ChainJsonParts& parts, const Catalogue& catalogue) {
    Project p;
    if (!parts.assessment.empty()) p.assessment = readAssessment(parsePart(parts.assessment, "assessment", 1));
    // Flows on a second thread: the two big lists, read at once. Errors keep the
    // document's order (actors before flows before the rest).
    std::vector<FlowKeysGiven> given;
    std::exception_ptr flowError;
    auto readFlows = [&] {
        try {
            given.reserve(parts.flows.size());
            FlatJsonObject scratch(flowJsonKeys());
            p.flows = readFlatParts<Flow>(
                parts.flows, "flows",
                [&](std::string_view text) {
                    std::optional<Flow> f = readFlatFlow(scratch, text, given.emplace_back());
                    if (!f) given.pop_back();
                    return f;
                },
                [&given](const json& v, const std::string& path) { return readFlow(v, path, given.emplace_back()); });
        } catch (...) {
            flowError = std::current_exception();
        }
    };
    constexpr std::size_t kThreadFrom = 5000;  // below, a thread costs more than it saves
    if (parts.flows.size() + parts.actors.size() < kThreadFrom) {
        p.actors = readActorParts(parts.actors);
        readFlows();
    } else {
        std::thread flows(readFlows);
        try {
            p.actors = readActorParts(parts.actors);
        } catch (...) {
            flows.join();
            throw;
        }
        flows.join();
    }
    if (flowError) std::rethrow_exception(flowError);
    p.checklists = readParts<Checklist>(parts.checklists, "checklists", readChecklist);
    p.goals = readParts<Goal>(parts.goals, "goals", readGoal);
    p.supports = readParts<Support>(parts.supports, "supports", readSupport);
    p.findings = readParts<Finding>(parts.findings, "findings", readFinding);
    p.catalogue = catalogue;
    if (!parts.catalogue.empty())
        p.catalogue = readCatalogueSection(parsePart(parts.catalogue, "catalogue", 1), catalogue, "catalogue");
    // Read even without records: it also refuses a flow that has neither tonnes nor records.
    RecordsReadAhead ahead;  // each record's DOM freed once read
    for (std::size_t i = 0; i < parts.records.size(); ++i)
        ahead.add(parsePart(parts.records[i], jsonPath("records", i), 2), i);
    const json records = json::array();
    readRecordsJson(&records, given, p, &ahead);
    throwIfInvalid(validateProject(p));
    return p;
}

namespace {

// The project a parsed document describes (projectFromJson after the parse).
Project projectFromDocument(const json& doc, const Catalogue& catalogue, RecordsReadAhead& records) {
    if (!doc.is_object()) throw InvalidInput("", "the document must be a JSON object {\"format\": \"traza-chain\", ...}");
    checkHeader(doc);
    JsonObjectReader top(doc, "", {"format", "version", "assessment", "actors", "flows", "records", "checklists", "goals",
                                   "supports", "findings", "catalogue"});

    Project p;
    if (const json* a = top.find("assessment")) p.assessment = readAssessment(*a);
    p.actors = readList<Actor>(top, "actors", readActor);
    std::vector<FlowKeysGiven> given;
    p.flows = readList<Flow>(top, "flows", [&given](const json& v, const std::string& path) {
        return readFlow(v, path, given.emplace_back());
    });
    p.checklists = readList<Checklist>(top, "checklists", readChecklist);
    p.goals = readList<Goal>(top, "goals", readGoal);
    p.supports = readList<Support>(top, "supports", readSupport);
    p.findings = readList<Finding>(top, "findings", readFinding);
    p.catalogue = catalogue;
    if (const json* c = top.find("catalogue")) p.catalogue = readCatalogueSection(*c, catalogue, "catalogue");
    readRecordsJson(top.find("records"), given, p, &records);  // needs the flows and the catalogue
    throwIfInvalid(validateProject(p));
    return p;
}

// The document without its records, which are read as they are parsed: in a
// DOM, a national year's 870 000 records took 1.5 GB (docs/performance.md).
json parseLeavingRecords(std::string_view text, RecordsReadAhead& records) {
    const JsonElementSink sink{"records", [&records](json&& element, std::size_t index) { records.add(element, index); }};
    return parseJsonDocument(text, sink);
}

}  // namespace

Project projectFromJson(std::string_view text, const Catalogue& catalogue) {
    RecordsReadAhead records;
    const json doc = parseLeavingRecords(text, records);
    return projectFromDocument(doc, catalogue, records);
}

Project readProjectJson(const std::filesystem::path& file, const Catalogue& catalogue) {
    const std::string name = file.string();
    // The text is let go once parsed: on a national year it is 282 MB next to
    // the document and the project being read (docs/performance.md).
    auto text = std::make_unique<std::string>(readTextFile(file, maxChainJsonBytes, "chain JSON"));
    try {
        RecordsReadAhead records;
        const json doc = parseLeavingRecords(*text, records);
        text.reset();
        return projectFromDocument(doc, catalogue, records);
    } catch (const InvalidInput& e) {
        throw InvalidInput(e.where().empty() ? name : name + ": " + e.where(), e.reason());
    }
}

}  // namespace traza::model
