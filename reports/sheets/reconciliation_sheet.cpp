// Reconciliation (issue #21; docs/methodology.md section 14): the χ² verdict in
// words, then every uncertain or unknown figure ranked by |z| (the figure most
// likely wrong first), with its adjustment as a formula, then each balanced
// actor's nodal test. Written only when the analysis carries a reconciliation.
#include <algorithm>
#include <cmath>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {
namespace {

std::string statusLabel(const ReportContext& ctx, risk::FigureStatus s) {
    switch (s) {
        case risk::FigureStatus::Adjusted: return ctx.text("recon.adjusted");
        case risk::FigureStatus::NotRedundant: return ctx.text("recon.not_redundant");
        case risk::FigureStatus::Computed: return ctx.text("recon.computed");
        case risk::FigureStatus::NotDetermined: return ctx.text("recon.not_determined");
    }
    return {};
}

std::string figureLabel(const ReportContext& ctx, risk::FigureKind k) {
    return ctx.text(k == risk::FigureKind::Flow ? "recon.flow" : k == risk::FigureKind::Loss ? "col.loss_t" : "col.stock_change_t");
}

// A number, or an empty cell when it does not apply (NaN).
void numberOrBlank(Sheet& sheet, int row, int col, double v, lxw_format* format) {
    if (std::isfinite(v)) sheet.number(row, col, v, format);
    else sheet.blank(row, col, format);
}

}  // namespace

void writeReconciliationSheet(ReportContext& ctx) {
    if (!ctx.analysis.reconciliation) return;
    const risk::Reconciliation& r = *ctx.analysis.reconciliation;
    const Formats& f = ctx.fmt;
    const std::vector<Column> columns = {
        {"col.id", 16},
        {"recon.figure", 16},
        {"col.from", 16},
        {"col.to", 16},
        {"recon.entered_t", 12, f.tonnes},
        {"recon.entered_sd_t", 11, f.tonnes},
        {"recon.reconciled_t", 12, f.tonnes},
        {"recon.reconciled_sd_t", 11, f.tonnes},
        {"recon.adjustment_t", 12, f.tonnes},
        {"recon.z", 9, f.decimal},
        {"recon.redundancy", 11, f.share},
        {"col.status", 22},
        {"recon.implausible", 12, f.center},
    };
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.reconciliation, "title.reconciliation", columns, 1);
    const int enteredCol = columnOf(columns, "recon.entered_t"), reconciledCol = columnOf(columns, "recon.reconciled_t");

    // Figures ranked by |z|; those without a test after, in project order.
    std::vector<const risk::ReconciledFigure*> ranked;
    ranked.reserve(r.figures.size());
    for (const risk::ReconciledFigure& fig : r.figures) ranked.push_back(&fig);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto* a, auto* b) {
        const double za = std::isfinite(a->z) ? std::fabs(a->z) : -1, zb = std::isfinite(b->z) ? std::fabs(b->z) : -1;
        return za > zb;
    });
    const std::string yes = yesNo(ctx, true);
    int row = kFirstDataRow;
    for (const risk::ReconciledFigure* fig : ranked) {
        int c = 0;
        sheet.text(row, c++, fig->id);
        sheet.text(row, c++, figureLabel(ctx, fig->kind));
        if (fig->kind == risk::FigureKind::Flow) {
            const model::Flow& flow = ctx.project.flows[fig->index];
            sheet.text(row, c++, flow.from);
            sheet.text(row, c++, flow.to);
        } else {
            sheet.blank(row, c++, nullptr);
            sheet.blank(row, c++, nullptr);
        }
        numberOrBlank(sheet, row, c++, fig->givenT, f.tonnes);
        numberOrBlank(sheet, row, c++, fig->givenSdT, f.tonnes);
        numberOrBlank(sheet, row, c++, fig->reconciledT, f.tonnes);
        numberOrBlank(sheet, row, c++, fig->sdT, f.tonnes);
        if (std::isfinite(fig->givenT) && std::isfinite(fig->reconciledT))
            sheet.formula(row, c++, "=" + cellName(row, reconciledCol) + "-" + cellName(row, enteredCol),
                          fig->reconciledT - fig->givenT, f.tonnes);
        else
            sheet.blank(row, c++, f.tonnes);
        numberOrBlank(sheet, row, c++, fig->z, f.decimal);
        numberOrBlank(sheet, row, c++, fig->redundancy, f.share);
        sheet.text(row, c++, statusLabel(ctx, fig->status));
        sheet.text(row, c++, fig->implausible ? yes : std::string(), fig->implausible ? f.fillHigh : f.center);
        ++row;
    }
    const int lastRow = row - 1;
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 1);

    // The verdict in words, below the table (the table keeps rows 1-2 for filters).
    row += 1;
    sheet.text(row++, 0, ctx.text("recon.verdict"), f.section);
    auto line = [&](const std::string& label, double value, lxw_format* format) {
        sheet.text(row, 0, label, f.label);
        numberOrBlank(sheet, row++, 1, value, format);
    };
    line(ctx.text("recon.chi2"), r.chi2, f.decimal);
    line(ctx.text("recon.dof"), static_cast<double>(r.dof), f.integer);
    line(ctx.text("recon.p_value"), r.pValue, f.decimal);
    line(ctx.text("recon.chi2_critical"), r.chi2Critical, f.decimal);
    line(ctx.text("recon.flow_z_critical"), r.flowZCritical, f.decimal);
    line(ctx.text("recon.nodal_z_critical"), r.nodalZCritical, f.decimal);
    const char* verdict = r.status == "inconsistent"  ? "recon.verdict_inconsistent"
                          : r.dof == 0                ? "recon.verdict_not_redundant"
                          : r.pValue < r.alpha        ? "recon.verdict_fails"
                                                      : "recon.verdict_passes";
    sheet.text(row++, 0, ctx.text(verdict), f.note);
    sheet.text(row++, 0, ctx.text(ctx.analysis.usesReconciledFigures ? "recon.used" : "recon.not_used"), f.note);

    // Nodal tests: each balanced actor's imbalance against its own uncertainty.
    row += 1;
    sheet.text(row++, 0, ctx.text("recon.nodal"), f.section);
    const std::vector<Column> nodal = {{"col.id", 16}, {"recon.imbalance_t", 12, f.tonnes}, {"recon.nodal_z", 9, f.decimal},
                                       {"recon.group", 9, f.integer}, {"recon.implausible", 12}, {"recon.cannot_close", 12}};
    writeHeaderRow(ctx, sheet, row++, nodal);
    for (const risk::ActorBalanceTest& a : r.actors) {
        int c = 0;
        sheet.text(row, c++, a.id);
        sheet.number(row, c++, a.imbalanceT, f.tonnes);
        numberOrBlank(sheet, row, c++, a.nodalZ, f.decimal);
        sheet.number(row, c++, static_cast<double>(a.group), f.integer);
        sheet.text(row, c++, a.implausible ? yes : std::string(), a.implausible ? f.fillHigh : f.center);
        sheet.text(row, c++, a.cannotClose ? yes : std::string(), a.cannotClose ? f.fillHigh : f.center);
        ++row;
    }
}

}  // namespace traza::reports
