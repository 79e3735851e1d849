#include "record_commands.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "error.h"
#include "record_summary.h"
#include "record_validation.h"
#include "validation.h"

namespace traza::model {
namespace {

// Where each record stands: flow index and record index, by record id.
std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> recordIndex(const Project& p) {
    std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < p.flows.size(); ++i)
        for (std::size_t j = 0; j < p.flows[i].records.size(); ++j) out.emplace(p.flows[i].records[j].id, std::pair{i, j});
    return out;
}

}  // namespace

Flow& RecordCommand::touch(Project& p, std::size_t index) {
    const bool seen = std::any_of(m_before.begin(), m_before.end(), [&](const auto& b) { return b.first == index; });
    if (!seen) m_before.emplace_back(index, p.flows[index]);
    return p.flows[index];
}

void RecordCommand::finish(Project& p) {
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    std::vector<ValidationIssue> issues;
    for (const auto& [index, before] : m_before) {
        Flow& f = p.flows[index];
        applyRecordSummary(f);
        for (std::size_t j = 0; j < f.records.size(); ++j)
            for (ValidationIssue& v : validateRecord(f.records[j], f, p.assessment.period, "records[" + std::to_string(j) + "]", cat))
                issues.push_back({"flow " + f.id + ": " + v.path, std::move(v.reason)});
    }
    std::unordered_set<std::string_view> ids;
    for (const Flow& f : p.flows)
        for (const Record& r : f.records)
            if (!ids.insert(r.id).second && issues.empty()) issues.push_back({"id", "record id \"" + r.id + "\" is already used"});
    if (!issues.empty()) {
        revert(p);
        throwIfInvalid(issues);
    }
}

void RecordCommand::revert(Project& p) {
    for (auto it = m_before.rbegin(); it != m_before.rend(); ++it) p.flows[it->first] = it->second;
    m_before.clear();
}

void AddRecords::apply(Project& p) {
    for (std::size_t k = 0; k < m_records.size(); ++k) {
        const Flow* f = p.findFlow(m_records[k].flow);
        if (!f) {
            revert(p);
            throw InvalidInput("records[" + std::to_string(k) + "].flow", "no flow has id \"" + m_records[k].flow + "\"");
        }
        touch(p, static_cast<std::size_t>(f - p.flows.data())).records.push_back(m_records[k].record);
    }
    finish(p);
}

void UpdateRecord::apply(Project& p) {
    const auto index = recordIndex(p);
    const auto at = index.find(m_id);
    if (at == index.end()) throw InvalidInput("id", "no record has id \"" + m_id + "\"");
    const auto [fi, ri] = at->second;
    touch(p, fi).records[ri] = m_new;
    finish(p);
}

void RemoveRecords::apply(Project& p) {
    const auto index = recordIndex(p);
    std::vector<std::pair<std::size_t, std::size_t>> places;
    for (const std::string& id : m_ids) {
        const auto at = index.find(id);
        if (at == index.end()) throw InvalidInput("id", "no record has id \"" + id + "\"");
        places.push_back(at->second);
    }
    // Erase from the back so the remaining indices stay valid.
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    for (auto it = places.rbegin(); it != places.rend(); ++it) {
        std::vector<Record>& records = touch(p, it->first).records;
        records.erase(records.begin() + static_cast<long>(it->second));
    }
    finish(p);
}

}  // namespace traza::model
