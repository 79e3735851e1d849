#pragma once
// Tonnes into and out of an actor as live formulas over the Flows sheet
// (SUMIFS), with the value each formula evaluates to computed here the same
// way, so the cached value is what a spreadsheet recalculates. A flow counts
// when its tonnes are positive and it does not go from an actor to itself,
// as in the analysis; the national layout (hundreds of thousands of flows)
// keeps values, since a SUMIFS per actor would make recalculation quadratic.
#include <string>
#include <unordered_map>

#include "report_context.h"

namespace traza::reports {

class FlowSums {
public:
    explicit FlowSums(const ReportContext&);

    /// Whether figures are formulas (false in the national layout).
    bool live() const { return m_live; }
    /// "SUMIFS(...)" without the leading "=": tonnes of the flows received by / sent by `actorId`.
    std::string inFormula(const std::string& actorId) const;
    std::string outFormula(const std::string& actorId) const;
    double in(const std::string& actorId) const;
    double out(const std::string& actorId) const;

private:
    std::string sumifs(const std::string& actorId, bool incoming) const;

    bool m_live;
    std::string m_tonnes, m_from, m_to;  ///< absolute ranges on the Flows sheet
    std::unordered_map<std::string, double> m_in, m_out;
};

}  // namespace traza::reports
