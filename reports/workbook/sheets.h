#pragma once
// One writer per sheet (one file each). Each adds its sheet to the workbook, writes
// its rows strictly in order (so constant-memory mode works) and advances progress.
#include "report_context.h"

namespace traza::reports {

struct ChainMapImage;

/// Where the Flows sheet keeps the columns other sheets' formulas sum over
/// (checked by the Flows writer). Data rows start at kFirstDataRow. The national
/// layout leaves out the party-name columns, so the columns move.
struct FlowsColumns {
    int from = 1;
    int to = 3;
    int tonnes = 6;
    static FlowsColumns of(const ReportContext& ctx) { return ctx.national() ? FlowsColumns{1, 2, 4} : FlowsColumns{}; }
};

/// The spec's mass-balance tolerance, max(1% of in, 0.1 t); the red-flag rule
/// mass_balance_gap uses the same numbers.
constexpr double kGapRelativeTolerance = 0.01;
constexpr double kGapAbsoluteToleranceT = 0.1;

/// Where the Goals sheet keeps its totals (the Summary refers to them).
struct GoalsCells {
    int totalRow = 0, deliveredCol = 0, complianceCol = 0;
    static GoalsCells of(const ReportContext&);
};

void writeSummarySheet(ReportContext&, const ChainMapImage* map);
void writeActorsSheet(ReportContext&);
void writeFlowsSheet(ReportContext&);
void writeChokePointsSheet(ReportContext&);
void writeTraceabilitySheet(ReportContext&);
void writePlanSheet(ReportContext&);
/// Only for a project read from a server: its audit trail (issue #22).
void writeAuditSheet(ReportContext&);
void writeMassBalanceSheet(ReportContext&);
void writeRedFlagsSheet(ReportContext&);
/// Only when the analysis carries a reconciliation (some figure uncertain or unknown).
void writeReconciliationSheet(ReportContext&);
/// Only when the analysis carries claim accounts (issue #20).
void writeClaimsSheet(ReportContext&);
void writeChecklistSheet(ReportContext&);
/// Only when the project has findings (issue 16).
void writeFindingsSheet(ReportContext&);
/// The date a corrective action is overdue against: the assessment's date
/// (assessed_on), or today when it has none.
std::string findingsReferenceDate(const ReportContext&);
/// The actor's name, "from -> to" for a flow, or "the assessment as a whole".
std::string findingSubjectName(const ReportContext&, const std::string& subject);
/// Today's date, YYYY-MM-DD (local time).
std::string todayIso();
void writeGoalsSheet(ReportContext&);
/// Only when the analysis carries progress series (the project has delivery records, issue #19).
void writeProgressSheet(ReportContext&);
void writeMethodologySheet(ReportContext&);
void writeWeightsSheet(ReportContext&);
/// Only when the report compares with an earlier project (ReportOptions::comparison).
void writeComparisonSheet(ReportContext&);
/// The national layout's Legend sheet: added (title and header) right after the
/// Summary by beginLegendSheet, filled by writeLegendSheet once every code is known.
Sheet beginLegendSheet(ReportContext&);
void writeLegendSheet(ReportContext&, Sheet&);

/// The catalogue name of an actor kind / evidence level / document type /
/// typology / risk factor / red-flag rule in the report language (the id if unknown).
std::string kindName(const ReportContext&, model::ActorKind);
std::string evidenceName(const ReportContext&, model::Evidence);
std::string documentName(const ReportContext&, const std::string& id);
std::string typologyName(const ReportContext&, const std::string& id);
std::string riskFactorName(const ReportContext&, const std::string& id);
std::string ruleName(const ReportContext&, const std::string& id);
/// Sort rank of a severity or risk level: critical 0, high 1, medium 2, low 3, other 4.
int severityRank(const std::string& severity);

}  // namespace traza::reports
