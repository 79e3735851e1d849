// Mass balance of every actor between a source and a destination (spec):
// gap = in - out - stock change - losses, a formula the reader can follow,
// flagged when |gap| > max(1% of in, 0.1 t).
#include <cmath>

#include "flow_sums.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {
constexpr const char* kToleranceFormula = "=MAX(0.01*{in},0.1)";  // kGap*Tolerance*
}  // namespace

void writeMassBalanceSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const std::vector<Column> columns = {
        {"col.id", 16},
        {"col.name", 30},
        {"col.stage", 7, f.integer},
        {"col.in_t", 11, f.tonnes},
        {"col.out_t", 11, f.tonnes},
        {"col.stock_change_t", 11, f.tonnes},
        {"col.loss_t", 10, f.tonnes},
        {"col.gap_t", 11, f.tonnes},
        {"col.tolerance_t", 11, f.tonnes},
        {"col.mass_balance_flag", 10},
    };
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.massBalance, "title.mass_balance", columns, 2);
    const int inCol = columnOf(columns, "col.in_t"), gapCol = columnOf(columns, "col.gap_t");
    const std::string flagText = ctx.text("common.flagged");
    const FlowSums flowSums(ctx);  // in and out as formulas over the Flows sheet

    int row = kFirstDataRow;
    double sums[5] = {0, 0, 0, 0, 0};  // in, out, stock, loss, gap
    for (const risk::ActorResult& r : ctx.analysis.actors) {
        if (!r.massBalanceApplies) continue;
        const model::Actor* a = ctx.actor(r.id);
        const double stock = a ? a->stockChangeT : 0, loss = a ? a->lossT : 0;
        const std::string in = cellName(row, inCol), out = cellName(row, inCol + 1),
                          st = cellName(row, inCol + 2), lo = cellName(row, inCol + 3), gap = cellName(row, gapCol),
                          tol = cellName(row, gapCol + 1);
        const double inT = flowSums.live() ? flowSums.in(r.id) : r.inT;
        const double outT = flowSums.live() ? flowSums.out(r.id) : r.outT;
        const double gapT = flowSums.live() ? inT - outT - stock - loss : r.massBalanceGapT;
        const double tolerance = std::max(kGapRelativeTolerance * inT, kGapAbsoluteToleranceT);
        const bool flagged = flowSums.live() ? std::abs(gapT) > tolerance : r.massBalanceFlag;
        int c = 0;
        sheet.text(row, c++, r.id);
        sheet.text(row, c++, ctx.actorName(r.id));
        sheet.number(row, c++, r.stage, f.integer);
        if (flowSums.live()) {
            sheet.formula(row, c++, "=" + flowSums.inFormula(r.id), inT, f.tonnes);
            sheet.formula(row, c++, "=" + flowSums.outFormula(r.id), outT, f.tonnes);
        } else {
            sheet.number(row, c++, inT, f.tonnes);
            sheet.number(row, c++, outT, f.tonnes);
        }
        sheet.number(row, c++, stock, f.tonnes);
        sheet.number(row, c++, loss, f.tonnes);
        sheet.formula(row, c++, "=" + in + "-" + out + "-" + st + "-" + lo, gapT, f.tonnes);
        std::string toleranceFormula = kToleranceFormula;
        toleranceFormula.replace(toleranceFormula.find("{in}"), 4, in);
        sheet.formula(row, c++, toleranceFormula, tolerance, f.tonnes);
        sheet.formulaText(row, c++, "=IF(ABS(" + gap + ")>" + tol + "," + formulaString(flagText) + ",\"\")",
                          flagged ? flagText : std::string(), f.center);
        const double values[5] = {inT, outT, stock, loss, gapT};
        for (int i = 0; i < 5; ++i) sums[i] += values[i];
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    // A flagged gap is shown in the severity colour of its red-flag rule (medium).
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    const std::string quoted = formulaString(flagText);
    cf.value_string = const_cast<char*>(quoted.c_str());
    cf.format = f.fillMedium;
    sheet.conditional(kFirstDataRow, gapCol + 2, lastRow, gapCol + 2, cf);
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 2);
    if (lastRow < kFirstDataRow) sheet.text(row++, 0, ctx.text("note.no_mass_balance"), f.note);

    // Totals: SUM over the rows (a filter does not change them; the table is small).
    const int totalRow = row + 1;
    sheet.text(totalRow, 0, ctx.text("common.total"), f.totalLabel);
    sheet.blank(totalRow, 1, f.totalLabel);
    sheet.blank(totalRow, 2, f.totalLabel);
    for (int i = 0; i < 5; ++i) {
        const int col = inCol + i;
        sheet.formula(totalRow, col, "=SUM(" + rangeName(kFirstDataRow, col, std::max(lastRow, kFirstDataRow), col) + ")",
                      sums[i], f.totalTonnes);
    }
}

}  // namespace traza::reports
