#include "flow_sums.h"

#include <algorithm>
#include <cmath>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

FlowSums::FlowSums(const ReportContext& ctx) : m_live(!ctx.national()) {
    const FlowsColumns fc = FlowsColumns::of(ctx);
    const int last = kFirstDataRow + std::max(0, static_cast<int>(ctx.project.flows.size()) - 1);
    const std::string sheet = quotedSheet(ctx.sheets.flows) + "!";
    m_tonnes = sheet + rangeName(kFirstDataRow, fc.tonnes, last, fc.tonnes, true);
    m_from = sheet + rangeName(kFirstDataRow, fc.from, last, fc.from, true);
    m_to = sheet + rangeName(kFirstDataRow, fc.to, last, fc.to, true);
    // The same criteria as the formulas: positive tonnes, the other end another actor.
    for (const model::Flow& f : ctx.project.flows) {
        if (!(std::isfinite(f.tonnes) && f.tonnes > 0) || f.from == f.to) continue;
        m_out[f.from] += f.tonnes;
        m_in[f.to] += f.tonnes;
    }
}

std::string FlowSums::sumifs(const std::string& actorId, bool incoming) const {
    // "<>" & the id would treat wildcards; the self-flow test compares the other end exactly.
    std::string other = "\"<>";
    for (char ch : actorId) {
        if (ch == '*' || ch == '?' || ch == '~') other += '~';
        other += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    }
    other += '"';
    return "SUMIFS(" + m_tonnes + "," + (incoming ? m_to : m_from) + "," + exactCriterion(actorId) + "," +
           (incoming ? m_from : m_to) + "," + other + "," + m_tonnes + ",\">0\")";
}

std::string FlowSums::inFormula(const std::string& actorId) const { return sumifs(actorId, true); }
std::string FlowSums::outFormula(const std::string& actorId) const { return sumifs(actorId, false); }

double FlowSums::in(const std::string& actorId) const {
    auto it = m_in.find(actorId);
    return it == m_in.end() ? 0.0 : it->second;
}

double FlowSums::out(const std::string& actorId) const {
    auto it = m_out.find(actorId);
    return it == m_out.end() ? 0.0 : it->second;
}

}  // namespace traza::reports
