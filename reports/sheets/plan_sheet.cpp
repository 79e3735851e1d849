// Plan: what to document next. The document-next plan when one was asked for
// (the flows in order, the tonnes to document with a running total as a
// formula, each step's exact gain and the traced share after it), then the
// flows worth most on their own at each evidence level (next_flows).
#include <unordered_map>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

std::string percentText(double share) {
    return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
}

}  // namespace

void writePlanSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const risk::Analysis& a = ctx.analysis;
    Sheet sheet = ctx.book.addSheet(ctx.sheets.plan, f.text);
    sheet.columnWidth(0, 0, 16);
    sheet.columnWidth(1, 3, 22);
    sheet.columnWidth(4, 7, 14);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.plan"), f.title);

    std::unordered_map<std::string, const model::Flow*> flows;
    for (const model::Flow& fl : ctx.project.flows) flows.emplace(fl.id, &fl);
    auto parties = [&](int row, int col, const std::string& id) {
        const auto it = flows.find(id);
        if (it == flows.end()) return;
        // Ids, in both layouts: the Flows sheet beside it gives the names.
        sheet.text(row, col, it->second->from);
        sheet.text(row, col + 1, it->second->to);
    };

    int row = kFirstDataRow;
    const risk::DocumentationPlan* plan = a.plan ? &*a.plan : nullptr;
    if (!plan) {
        sheet.text(row++, 0, ctx.text("note.no_plan"), f.note);
    } else {
        sheet.text(row++, 0,
                   ctx.text.format("section.plan", {evidenceName(ctx, plan->level), std::to_string(plan->stage),
                                                    percentText(plan->target)}),
                   f.section);
        sheet.text(row++, 0,
                   ctx.text.format("note.plan_start", {percentText(plan->start),
                                                       ctx.text(plan->reached ? "note.plan_reached"
                                                                              : "note.plan_not_reached")}),
                   f.note);
        const std::vector<Column> cols = {{"col.step", 16},         {"col.flow", 22},      {"col.from", 22},
                                          {"col.to", 22},           {"col.to_document_t", 14}, {"col.cumulative_t", 14},
                                          {"col.gain", 14},         {"col.traced_after", 14}};
        const int header = row++;
        writeHeaderRow(ctx, sheet, header, cols);
        double cumulative = 0;
        int step = 0;
        for (const risk::PlanStep& s : plan->steps) {
            cumulative += s.tonnes;
            sheet.number(row, 0, ++step, f.integer);
            sheet.text(row, 1, s.flow);
            parties(row, 2, s.flow);
            sheet.number(row, 4, s.tonnes, f.tonnes);
            // Excel rows are 1-based: the first step sits in row header + 2.
            sheet.formula(row, 5, "=SUM(E$" + std::to_string(header + 2) + ":E" + std::to_string(row + 1) + ")",
                          cumulative, f.tonnes);
            sheet.number(row, 6, s.gain, f.share);
            sheet.number(row, 7, s.traced, f.share);
            ++row;
        }
    }

    // Flows worth most on their own, level by level.
    ++row;
    sheet.text(row++, 0, ctx.text.format("section.next_flows", {std::to_string(a.traceability.nextFlowsStage)}), f.section);
    const std::vector<Column> cols = {{"col.evidence_level", 16}, {"col.flow", 22},         {"col.from", 22},
                                      {"col.to", 22},    {"col.to_document_t", 14}, {"col.gain", 14}};
    const int nextHeader = row++;
    writeHeaderRow(ctx, sheet, nextHeader, cols);
    for (const risk::TraceLevel& l : a.traceability.levels)
        for (const risk::NextFlow& n : l.nextFlows) {
            sheet.text(row, 0, evidenceName(ctx, l.level));
            sheet.text(row, 1, n.flow);
            parties(row, 2, n.flow);
            sheet.number(row, 4, n.tonnes, f.tonnes);
            sheet.number(row, 5, n.gain, f.share);
            ++row;
        }
    sheet.autofilter(nextHeader, 0, std::max(nextHeader, row - 1), 5);
    ++row;
    const std::string method = ctx.text("note.plan_method");
    sheet.rowHeight(row, wrappedHeight(method, 16 + 22 * 3 + 14 * 4));
    sheet.merged(row, 0, 7, method, f.note);
    ctx.progress.advance();
}

}  // namespace traza::reports
