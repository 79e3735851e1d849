// Findings: the findings register (OECD steps 3 and 4), one row per finding,
// with the red flag it answers as this analysis sees it (raised, raised again
// after the finding was closed, not raised) and overdue actions marked.
// Written only when the project has findings.
#include <algorithm>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

// "F3" -> the flag of this analysis that the finding answers, or nullptr.
const risk::RedFlag* flagOf(const ReportContext& ctx, const std::string& findingId) {
    for (const risk::RedFlag& rf : ctx.analysis.redFlags)
        if (rf.finding == findingId) return &rf;
    return nullptr;
}

}  // namespace

std::string findingsReferenceDate(const ReportContext& ctx) {
    const std::string& assessed = ctx.project.assessment.assessedOn;
    return assessed.empty() ? todayIso() : assessed;
}

std::string findingSubjectName(const ReportContext& ctx, const std::string& subject) {
    if (subject.empty()) return ctx.text("finding.whole_assessment");
    if (ctx.actor(subject)) return ctx.actorName(subject);
    if (const model::Flow* fl = ctx.project.findFlow(subject))
        return ctx.actorName(fl->from) + " \xE2\x86\x92 " + ctx.actorName(fl->to);
    return subject;
}

void writeFindingsSheet(ReportContext& ctx) {
    const std::vector<model::Finding>& findings = ctx.project.findings;
    if (findings.empty()) return;
    const Formats& f = ctx.fmt;
    // Status is column K and Overdue column L: the Summary counts over them.
    const std::vector<Column> columns = {
        {"col.id", 6},          {"col.source", 12},   {"col.origin", 18},  {"col.subject", 9},
        {"col.subject_name", 18}, {"col.severity", 9}, {"col.owner", 12},   {"col.response", 13},
        {"col.action", 30},     {"col.due", 11},      {"col.status", 10},  {"col.overdue", 9},
        {"col.closing_evidence", 22}, {"col.closed_on", 11}, {"col.flag_now", 24, nullptr, true},
    };
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.findings, "title.findings", columns, 1);
    const std::string reference = findingsReferenceDate(ctx);

    int row = kFirstDataRow;
    for (const model::Finding& fd : findings) {
        std::string origin = fd.source == model::FindingSource::RedFlag ? ruleName(ctx, fd.rule) + " (" + fd.rule + ")"
                                                                        : fd.item;
        std::string flagNow;
        if (fd.source == model::FindingSource::RedFlag) {
            const risk::RedFlag* rf = flagOf(ctx, fd.id);
            flagNow = !rf ? ctx.text("finding.flag.not_raised")
                          : rf->recurrence.empty() ? ctx.text("finding.flag.raised") : rf->recurrence;
        }
        const std::string subjectName = findingSubjectName(ctx, fd.subject);
        sheet.rowHeight(row, std::max({wrappedHeight(fd.action, 30), wrappedHeight(fd.evidence, 22),
                                       wrappedHeight(origin, 18), wrappedHeight(flagNow, 24),
                                       wrappedHeight(subjectName, 18)}));
        const bool overdue = fd.isOverdue(reference);
        int c = 0;
        sheet.text(row, c++, fd.id);
        sheet.text(row, c++, ctx.text("finding.source." + std::string(model::toString(fd.source))), f.wrap);
        sheet.text(row, c++, origin, f.wrap);
        sheet.text(row, c++, fd.subject);
        sheet.text(row, c++, subjectName, f.wrap);
        sheet.text(row, c++, ctx.text.level(fd.severity));
        sheet.text(row, c++, fd.owner, f.wrap);
        sheet.text(row, c++, ctx.text("finding.response." + std::string(model::toString(fd.response))), f.wrap);
        sheet.text(row, c++, fd.action, f.wrap);
        sheet.text(row, c++, fd.due);
        sheet.text(row, c++, ctx.text("finding.status." + std::string(model::toString(fd.status))));
        // Live: follows an edit of the due date or the status in the workbook
        // (ISO dates compare as text in Excel and LibreOffice alike).
        const std::string due = cellName(row, c - 2), status = cellName(row, c - 1);
        sheet.formulaText(row, c++,
                          "=IF(AND(" + status + "<>" + formulaString(ctx.text("finding.status.closed")) + "," + due +
                              "<>\"\"," + due + "<" + formulaString(reference) + ")," + formulaString(yesNo(ctx, true)) +
                              ",\"\")",
                          overdue ? yesNo(ctx, true) : std::string(), f.center);
        sheet.text(row, c++, fd.evidence, f.wrap);
        sheet.text(row, c++, fd.closedOn);
        sheet.text(row, c++, flagNow, f.wrap);
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    colourLevels(ctx, sheet, kFirstDataRow, columnOf(columns, "col.severity"), lastRow);
    const std::string yes = formulaString(yesNo(ctx, true));
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = const_cast<char*>(yes.c_str());  // copied by libxlsxwriter
    cf.format = f.fillCritical;
    const int overdueCol = columnOf(columns, "col.overdue");
    sheet.conditional(kFirstDataRow, overdueCol, lastRow, overdueCol, cf);
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 1);
    sheet.merged(row + 1, 0, 8,
                 ctx.text.format("note.findings_overdue",
                                 {reference, ctx.text(ctx.project.assessment.assessedOn.empty() ? "finding.ref.today"
                                                                                                 : "finding.ref.assessed")}),
                 f.note);
}

}  // namespace traza::reports
