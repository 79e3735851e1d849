#include "record_flags.h"

#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

#include "record_validation.h"
#include "validation.h"

namespace traza::risk {
namespace {

// Every analysed flow that has records, with its sender.
template <typename F>
void forEachFlowWithRecords(const ChainGraph& chain, F f) {
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Flow& flow = chain.project().flows[fi];
            if (!flow.records.empty()) f(flow, chain.source(e));
        }
}

// Whole months from the start's month to the end's month, both included (12 for a calendar year).
int periodMonths(const model::Period& p) {
    if (!model::isCalendarDate(p.start) || !model::isCalendarDate(p.end) || p.end < p.start) return 12;
    const int y0 = std::stoi(p.start.substr(0, 4)), m0 = std::stoi(p.start.substr(5, 2));
    const int y1 = std::stoi(p.end.substr(0, 4)), m1 = std::stoi(p.end.substr(5, 2));
    return (y1 - y0) * 12 + (m1 - m0) + 1;
}

std::string weightText(double t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g t", t);
    return buf;
}

}  // namespace

std::vector<RecordHit> reusedDocumentNumbers(const ChainGraph& chain, int minUses) {
    struct Uses {
        Vertex actor = 0;
        std::string flow;
        double tonnes = 0;
        std::vector<std::string_view> records;
    };
    // Keyed by type and number, in the order first seen (std::map on a pair: a national chain's numbers sort once).
    std::map<std::pair<std::string_view, std::string_view>, Uses> byNumber;
    std::vector<std::pair<std::string_view, std::string_view>> order;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        for (const model::Record& r : f.records)
            for (const model::RecordDocument& d : r.documents) {
                if (d.number.empty()) continue;
                auto [it, fresh] = byNumber.try_emplace({d.type, d.number});
                if (fresh) {
                    it->second.actor = from;
                    it->second.flow = f.id;
                    order.push_back(it->first);
                }
                // One record naming the same document twice is one use.
                if (!it->second.records.empty() && it->second.records.back() == r.id) continue;
                it->second.records.push_back(r.id);
                it->second.tonnes += r.tonnes;
            }
    });
    std::vector<RecordHit> out;
    for (const auto& key : order) {
        const Uses& u = byNumber.at(key);
        if (static_cast<int>(u.records.size()) < std::max(2, minUses)) continue;
        std::string items = std::string(key.first) + " " + std::string(key.second) + ":";
        for (std::size_t i = 0; i < u.records.size(); ++i) items += (i ? ", " : " ") + std::string(u.records[i]);
        out.push_back({u.actor, u.flow, u.tonnes, static_cast<double>(u.records.size()), items});
    }
    return out;
}

std::vector<RecordHit> recordsOutsideFlowPeriod(const ChainGraph& chain) {
    std::vector<RecordHit> out;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        RecordHit hit{from, f.id, 0, 0, {}};
        for (const model::Record& r : f.records)
            if (model::outsideFlowPeriod(r.date, f)) {
                hit.tonnes += r.tonnes;
                hit.other += 1;
                hit.items += (hit.items.empty() ? "" : ", ") + r.id + " (" + r.date + ")";
            }
        if (hit.other > 0) out.push_back(std::move(hit));
    });
    return out;
}

std::vector<RecordHit> monthsAboveCapacity(const ChainGraph& chain, double tolerance) {
    const int months = periodMonths(chain.project().assessment.period);
    // Per actor with a capacity: tonnes delivered per month, and the flow of the month's first record.
    std::unordered_map<Vertex, std::map<std::string, std::pair<double, std::string>>> delivered;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        if (!(chain.actor(from).capacityT > 0)) return;
        auto& byMonth = delivered[from];
        for (const model::Record& r : f.records) {
            auto& [tonnes, flow] = byMonth[r.date.substr(0, 7)];
            if (flow.empty()) flow = f.id;
            tonnes += r.tonnes;
        }
    });
    std::vector<RecordHit> out;
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        const auto it = delivered.find(v);
        if (it == delivered.end()) continue;
        const double monthly = chain.actor(v).capacityT / months;
        for (const auto& [month, figures] : it->second)
            if (figures.first > monthly * (1 + tolerance)) out.push_back({v, figures.second, figures.first, monthly, month});
    }
    return out;
}

std::vector<RecordHit> sameRoundWeights(const ChainGraph& chain, double unit, int minCount, double minShare) {
    if (!(unit > 0) || !std::isfinite(unit)) return {};
    struct Supplier {
        std::size_t records = 0;
        std::map<long long, std::pair<int, std::string>> roundCount;  // weight in units -> count, first flow
        double tonnesOfRound = 0;
    };
    std::unordered_map<Vertex, Supplier> suppliers;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        Supplier& s = suppliers[from];
        for (const model::Record& r : f.records) {
            ++s.records;
            const double units = r.tonnes / unit;
            const double whole = std::round(units);
            if (whole < 1 || whole > 1e15 || std::fabs(units - whole) * unit > 1e-9) continue;
            auto& [count, flow] = s.roundCount[static_cast<long long>(whole)];
            if (flow.empty()) flow = f.id;
            ++count;
        }
    });
    std::vector<RecordHit> out;
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        const auto it = suppliers.find(v);
        if (it == suppliers.end()) continue;
        for (const auto& [units, countAndFlow] : it->second.roundCount) {
            const int count = countAndFlow.first;
            const double share = static_cast<double>(count) / static_cast<double>(it->second.records);
            if (count < minCount || share < minShare) continue;
            const double weight = static_cast<double>(units) * unit;
            out.push_back({v, countAndFlow.second, weight * count, share,
                           std::to_string(count) + " × " + weightText(weight)});
        }
    }
    return out;
}

std::vector<RecordHit> deliveriesAfterSuspension(const ChainGraph& chain) {
    std::vector<RecordHit> out;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        const std::string& since = chain.actor(from).suspendedFrom;
        if (since.empty()) return;
        RecordHit hit{from, f.id, 0, 0, since};
        for (const model::Record& r : f.records)
            if (r.date >= since) {
                hit.tonnes += r.tonnes;
                hit.other += 1;
            }
        if (hit.other > 0) out.push_back(std::move(hit));
    });
    return out;
}

}  // namespace traza::risk
