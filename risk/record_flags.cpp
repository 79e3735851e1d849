#include "record_flags.h"

#include <cmath>
#include <cstdint>
#include <functional>
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
    // Each (type, number) once, in the order first seen, found through an
    // open-addressing table of positions keyed by a hash of the pair: most
    // numbers are used once, and a std::map of 400 000 pairs of strings, with
    // a list of records per number, was most of the red flags' time on a
    // national year (issue #19, "Scale").
    struct Uses {
        std::size_t hash = 0;
        std::string_view type, number;
        Vertex actor = 0;
        const std::string* flow = nullptr;
        double tonnes = 0;
        std::string_view first;               ///< the first record's id
        std::vector<std::string_view> later;  ///< the other records' ids, in order (rarely any)
        std::string_view last() const { return later.empty() ? first : later.back(); }
    };
    std::vector<Uses> numbers;
    std::vector<std::uint32_t> slots(1024, 0);  // position + 1; 0 = empty
    auto slotOf = [&](std::size_t hash, std::string_view type, std::string_view number) -> std::uint32_t& {
        for (std::size_t i = hash & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1)) {
            std::uint32_t& slot = slots[i];
            if (slot == 0) return slot;
            const Uses& u = numbers[slot - 1];
            if (u.hash == hash && u.type == type && u.number == number) return slot;
        }
    };
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        for (const model::Record& r : f.records)
            for (const model::RecordDocument& d : r.documents) {
                if (d.number.empty()) continue;
                const std::size_t hash = std::hash<std::string_view>{}(d.type) * 0x9e3779b97f4a7c15ull ^
                                         std::hash<std::string_view>{}(d.number);
                std::uint32_t& slot = slotOf(hash, d.type, d.number);
                if (slot == 0) {
                    slot = static_cast<std::uint32_t>(numbers.size() + 1);
                    numbers.push_back({hash, d.type, d.number, from, &f.id, 0.0 + r.tonnes, r.id, {}});  // as 0 += t
                    if (numbers.size() * 2 > slots.size()) {  // keep the table at most half full
                        slots.assign(slots.size() * 2, 0);
                        for (std::size_t k = 0; k < numbers.size(); ++k) {
                            const Uses& u = numbers[k];
                            slotOf(u.hash, u.type, u.number) = static_cast<std::uint32_t>(k + 1);
                        }
                    }
                    continue;
                }
                Uses& u = numbers[slot - 1];
                // One record naming the same document twice is one use.
                if (u.last() == r.id) continue;
                u.later.push_back(r.id);
                u.tonnes += r.tonnes;
            }
    });
    std::vector<RecordHit> out;
    for (const Uses& u : numbers) {
        const std::size_t uses = 1 + u.later.size();
        if (static_cast<int>(uses) < std::max(2, minUses)) continue;
        std::string items = std::string(u.type) + " " + std::string(u.number) + ": " + std::string(u.first);
        for (std::string_view id : u.later) items += ", " + std::string(id);
        out.push_back({u.actor, *u.flow, u.tonnes, static_cast<double>(uses), items});
    }
    return out;
}

std::vector<RecordHit> recordsOutsideFlowPeriod(const ChainGraph& chain) {
    std::vector<RecordHit> out;
    forEachFlowWithRecords(chain, [&](const model::Flow& f, Vertex from) {
        if (f.periodStart.empty() && f.periodEnd.empty()) return;  // no period of its own: no record is outside it
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
    // Per actor (a table by vertex, not a hash map: 60 000 senders on a national year).
    std::vector<Supplier> suppliers(chain.vertexCount());
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
        for (const auto& [units, countAndFlow] : suppliers[v].roundCount) {
            const int count = countAndFlow.first;
            const double share = static_cast<double>(count) / static_cast<double>(suppliers[v].records);
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
