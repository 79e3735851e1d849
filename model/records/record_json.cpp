#include "record_json.h"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "error.h"
#include "json_reader.h"
#include "record_summary.h"
#include "record_validation.h"

namespace traza::model {
namespace {

using nlohmann::json;

Record readRecord(const json& v, const std::string& path, std::string& flow) {
    JsonObjectReader r(v, path, {"id", "flow", "date", "tonnes", "evidence", "documents", "payment", "price_per_t", "notes"});
    Record rec;
    rec.id = r.text("id", true);
    flow = r.text("flow", true);
    rec.date = r.text("date", true);
    rec.tonnes = r.number("tonnes", true);
    rec.evidence = r.enumeration("evidence", Evidence::None, parseEvidence, evidenceNames());
    if (r.has("documents")) {
        const json& docs = r.array("documents");
        for (std::size_t i = 0; i < docs.size(); ++i) {
            JsonObjectReader d(docs[i], jsonPath(r.pathOf("documents"), i), {"type", "number"});
            rec.documents.push_back({d.text("type", true), d.text("number")});
        }
    }
    rec.payment = r.enumeration("payment", Payment::Unknown, parsePayment, paymentNames());
    rec.pricePerT = r.number("price_per_t");
    rec.notes = r.text("notes");
    return rec;
}

// Number formatting as the chain JSON writer does it: whole numbers without ".0".
void number(JsonStreamWriter& w, double v) {
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0 && !(v == 0 && std::signbit(v)))
        return w.integer(static_cast<std::int64_t>(v));
    w.number(v);
}

}  // namespace

void RecordsReadAhead::add(const json& element, std::size_t index) {
    if (m_error || index != m_records.size()) return;  // the first problem is the one reported
    try {
        std::string flow;
        Record rec = readRecord(element, jsonPath("records", index), flow);
        m_records.push_back(std::move(rec));
        m_flows.push_back(std::move(flow));
    } catch (const InvalidInput&) {
        m_error = std::current_exception();
    }
}

void readRecordsJson(const json* records, const std::vector<FlowKeysGiven>& given, Project& p, RecordsReadAhead* ahead) {
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    if (records) {
        if (!records->is_array()) throw InvalidInput("records", "must be an array");
        std::unordered_map<std::string_view, std::size_t> flowIndex;
        flowIndex.reserve(p.flows.size());
        for (std::size_t i = 0; i < p.flows.size(); ++i) flowIndex.emplace(p.flows[i].id, i);  // first wins
        // Read ahead while parsing, or here from the array; either way kept in
        // place (reserved: ids can be views) until all are checked.
        std::vector<Record> local;
        std::vector<Record>& read = ahead ? ahead->m_records : local;
        const std::size_t count = ahead ? read.size() : records->size();
        local.reserve(count);
        std::vector<std::size_t> flowOf;
        flowOf.reserve(count);
        std::unordered_set<std::string_view> ids;
        ids.reserve(count);
        std::string flow;
        for (std::size_t k = 0; k < count; ++k) {
            const std::string path = jsonPath("records", k);
            if (ahead) flow = std::move(ahead->m_flows[k]);
            else local.push_back(readRecord((*records)[k], path, flow));
            const Record& rec = read[k];
            const auto at = flowIndex.find(flow);
            if (at == flowIndex.end()) throw InvalidInput(path + ".flow", "no flow has id \"" + flow + "\"");
            throwIfInvalid(validateRecord(rec, p.flows[at->second], p.assessment.period, path, cat));
            if (!ids.insert(rec.id).second) throw InvalidInput(path + ".id", "duplicate record id \"" + rec.id + "\"");
            flowOf.push_back(at->second);
        }
        if (ahead && ahead->m_error) std::rethrow_exception(ahead->m_error);
        ids = {};
        for (std::size_t k = 0; k < count; ++k) p.flows[flowOf[k]].records.push_back(std::move(read[k]));
        read = {};
        if (ahead) ahead->m_flows = {};
    }
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        Flow& f = p.flows[i];
        const FlowKeysGiven g = i < given.size() ? given[i] : FlowKeysGiven{true, true, true};
        if (f.records.empty()) {
            if (!g.tonnes) throw InvalidInput(jsonPath("flows", i) + ".tonnes", "missing required field (or give the flow records)");
            continue;  // no path built: most flows of a national chain end here
        }
        const std::string path = jsonPath("flows", i);
        const double sum = recordsTonnes(f);
        if (g.tonnes && (f.tonnesUnknown || !sameTonnes(f.tonnes, sum)))
            throw InvalidInput(path + ".tonnes", "must equal the sum of the flow's records (" + recordNumberText(sum) + " t in " +
                                                     std::to_string(f.records.size()) + " records), or be left out");
        const Flow before = f;
        applyRecordSummary(f);
        if (g.documentedT && !sameTonnes(before.documentedT, f.documentedT))
            throw InvalidInput(path + ".documented_t", "must equal the tonnes of the flow's records that have a document (" +
                                                           recordNumberText(f.documentedT) + "), or be left out");
        if (g.evidence && before.evidence != f.evidence)
            throw InvalidInput(path + ".evidence", "must be \"" + std::string(toString(f.evidence)) +
                                                       "\", the lowest evidence of the flow's documented records, or be left out");
    }
}

void writeRecordsJson(JsonStreamWriter& w, const Project& p) {
    bool any = false;
    for (const Flow& f : p.flows) any = any || !f.records.empty();
    if (!any) return;
    w.key("records");
    w.beginArray();
    for (const Flow& f : p.flows)
        for (const Record& r : f.records) {
            w.beginObject();
            w.field("id", r.id);
            w.field("flow", f.id);
            w.field("date", r.date);
            w.key("tonnes");
            number(w, r.tonnes);
            w.field("evidence", toString(r.evidence));
            w.key("documents");
            w.beginArray();
            for (const RecordDocument& d : r.documents) {
                w.beginObject();
                w.field("type", d.type);
                w.field("number", d.number);
                w.endObject();
            }
            w.endArray();
            w.field("payment", toString(r.payment));
            w.key("price_per_t");
            number(w, r.pricePerT);
            w.field("notes", r.notes);
            w.endObject();
        }
    w.endArray();
}

}  // namespace traza::model
