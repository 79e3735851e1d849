// Goals and supports, as in the CARE pilot's table: thresholds per organisation
// and buyer, delivered tonnes summed from the Flows sheet, compliance =
// delivered / goal as formulas, totals, a chart, and the supports by type and
// region. A goal's notes (e.g. a source stating a different compliance) are
// printed beside it and under the table, never silently "corrected".
#include <algorithm>
#include <unordered_map>

#include "error.h"
#include "goal_progress.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

std::string supportTypeName(const ReportContext& ctx, const std::string& type) {
    if (const std::string* t = ctx.text.find("support." + type)) return *t;
    std::string s = type;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// The supports: a type x region table (SUMIFS over the list under it), then the list.
int writeSupports(ReportContext& ctx, Sheet& sheet, int row, int deliveredTotalRow, int deliveredCol,
                  double deliveredTotal, int notesCol) {
    const Formats& f = ctx.fmt;
    const auto& supports = ctx.project.supports;
    std::vector<std::string> types, regions;
    for (const model::Support& s : supports) {
        const std::string t = supportTypeName(ctx, s.type);
        if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(t);
        if (std::find(regions.begin(), regions.end(), s.region) == regions.end()) regions.push_back(s.region);
    }
    sheet.text(row++, 0, ctx.text("section.supports_by_type"), f.section);
    if (supports.empty()) {
        sheet.text(row++, 0, ctx.text("note.no_supports"), f.note);
        return row;
    }
    const int nTypes = static_cast<int>(types.size()), nRegions = static_cast<int>(regions.size());
    const int pivotHeader = row, pivotFirst = row + 1, pivotTotal = pivotFirst + nTypes;
    const int listHeader = pivotTotal + 3, listFirst = listHeader + 1;
    const int listLast = listFirst + static_cast<int>(supports.size()) - 1;
    auto listRange = [&](int col) { return rangeName(listFirst, col, listLast, col, true); };
    const std::string regionR = listRange(1), typeR = listRange(2), countR = listRange(4);

    sheet.text(pivotHeader, 0, ctx.text("col.support_type"), f.header);
    sheet.text(pivotHeader, 1, ctx.text("col.thresholds"), f.header);
    for (int r = 0; r < nRegions; ++r)
        sheet.text(pivotHeader, 2 + r, regions[r].empty() ? ctx.text("common.no_region") : regions[r], f.header);
    sheet.text(pivotHeader, 2 + nRegions, ctx.text("common.total"), f.header);
    row = pivotFirst;
    std::vector<double> columnTotals(nRegions + 1, 0.0);
    for (int t = 0; t < nTypes; ++t) {
        std::vector<std::string> thresholds;
        for (const model::Support& s : supports)
            if (supportTypeName(ctx, s.type) == types[t] && s.threshold > 0) {
                const std::string k = std::to_string(s.threshold);
                if (std::find(thresholds.begin(), thresholds.end(), k) == thresholds.end()) thresholds.push_back(k);
            }
        sheet.text(row, 0, types[t]);
        sheet.text(row, 1, join(thresholds, ", "));
        double rowTotal = 0;
        for (int r = 0; r < nRegions; ++r) {
            double n = 0;
            for (const model::Support& s : supports)
                if (supportTypeName(ctx, s.type) == types[t] && s.region == regions[r]) n += s.count;
            sheet.formula(row, 2 + r,
                          "=SUMIFS(" + countR + "," + typeR + "," + exactCriterion(types[t]) + "," + regionR + "," +
                              exactCriterion(regions[r]) + ")",
                          n, f.integer);
            rowTotal += n;
            columnTotals[r] += n;
        }
        sheet.formula(row, 2 + nRegions, "=SUM(" + rangeName(row, 2, row, 1 + nRegions) + ")", rowTotal,
                      f.totalInteger);
        columnTotals[nRegions] += rowTotal;
        ++row;
    }
    sheet.text(pivotTotal, 0, ctx.text("common.total"), f.totalLabel);
    sheet.blank(pivotTotal, 1, f.totalLabel);
    for (int c = 0; c <= nRegions; ++c)
        sheet.formula(pivotTotal, 2 + c, "=SUM(" + rangeName(pivotFirst, 2 + c, pivotTotal - 1, 2 + c) + ")",
                      columnTotals[c], f.totalInteger);

    // The list of supports delivered.
    sheet.text(listHeader - 1, 0, ctx.text("section.supports_list"), f.section);
    // Columns follow the goal table's widths: organisation, region, type, then numbers.
    std::vector<Column> cols = {{"col.organisation", 26}, {"col.region", 16}, {"col.support_type", 20},
                                {"col.threshold", 11},    {"col.count", 11},  {"col.beneficiaries", 11},
                                {"col.cost", 11}};
    const bool checkCol = notesCol > 7;  // the goal table has a column free there
    if (checkCol) cols.push_back({"col.threshold_check", 11});
    // Thresholds each organisation reached (its best goal), to flag supports given beyond them.
    std::unordered_map<std::string, std::pair<int, int>> reached;  // actor -> (reached, thresholds)
    for (const model::GoalProgress& g : model::goalTable(ctx.project).rows) {
        auto& r = reached[g.goal->actor];
        r.first = std::max(r.first, g.thresholdsReached);
        r.second = std::max(r.second, static_cast<int>(g.goal->thresholdsT.size()));
    }
    const std::string unknown = ctx.text("common.unknown");
    bool beneficiariesUnknown = false, costUnknown = false, anyBeneficiaries = false;
    writeHeaderRow(ctx, sheet, listHeader, cols);
    for (int c = static_cast<int>(cols.size()); c < notesCol; ++c) sheet.blank(listHeader, c, f.header);
    sheet.text(listHeader, notesCol, ctx.text("col.notes"), f.header);
    row = listFirst;
    double sumCount = 0, sumBeneficiaries = 0, sumCost = 0;
    for (const model::Support& s : supports) {
        const std::string type = supportTypeName(ctx, s.type);
        sheet.rowHeight(row, std::max(wrappedHeight(type, 20), wrappedHeight(s.notes, 60)));
        sheet.text(row, 0, ctx.actorName(s.actor));
        sheet.text(row, 1, s.region);
        sheet.text(row, 2, type, f.wrap);
        if (s.threshold > 0) sheet.number(row, 3, s.threshold, f.integer);
        sheet.number(row, 4, s.count, f.integer);
        // 0 means nobody recorded it: unknown, not zero.
        if (s.beneficiaries > 0)
            sheet.number(row, 5, s.beneficiaries, f.integer);
        else
            sheet.text(row, 5, unknown, f.center);
        if (s.cost > 0)
            sheet.number(row, 6, s.cost, f.money);
        else
            sheet.text(row, 6, unknown, f.center);
        beneficiariesUnknown = beneficiariesUnknown || s.beneficiaries <= 0;
        anyBeneficiaries = anyBeneficiaries || s.beneficiaries > 0;
        costUnknown = costUnknown || s.cost <= 0;
        if (checkCol && s.threshold > 0) {
            auto it = reached.find(s.actor);
            const int got = it == reached.end() ? 0 : it->second.first;
            const int of = it == reached.end() ? 0 : it->second.second;
            if (got >= s.threshold)
                sheet.text(row, 7, ctx.text("common.yes"), f.center);
            else
                sheet.text(row, 7, ctx.text.format("common.threshold_not_reached", {std::to_string(got), std::to_string(of)}),
                           f.warning);
        }
        sheet.text(row, notesCol, s.notes, f.wrap);
        sumCount += s.count;
        sumBeneficiaries += s.beneficiaries;
        sumCost += s.cost;
        ++row;
    }
    const int totalRow = row;
    sheet.text(totalRow, 0, ctx.text("common.total"), f.totalLabel);
    for (int c = 1; c < 4; ++c) sheet.blank(totalRow, c, f.totalLabel);
    sheet.formula(totalRow, 4, "=SUM(" + rangeName(listFirst, 4, listLast, 4) + ")", sumCount, f.totalInteger);
    if (anyBeneficiaries)
        sheet.formula(totalRow, 5, "=SUM(" + rangeName(listFirst, 5, listLast, 5) + ")", sumBeneficiaries, f.totalInteger);
    else
        sheet.text(totalRow, 5, unknown, f.totalLabel);
    if (sumCost > 0)
        sheet.formula(totalRow, 6, "=SUM(" + rangeName(listFirst, 6, listLast, 6) + ")", sumCost, f.totalMoney);
    else
        sheet.text(totalRow, 6, unknown, f.totalLabel);
    row = totalRow + 1;
    if (beneficiariesUnknown || costUnknown) sheet.merged(row++, 0, notesCol - 1, ctx.text("note.supports_unknown"), f.note);

    // Cost per tonne only where costs are known; otherwise say so.
    ++row;
    if (sumCost > 0 && deliveredTotal > 0) {
        sheet.text(row, 0, ctx.text.format("label.cost_per_tonne", {ctx.project.assessment.currency}), f.label);
        sheet.formula(row, 4, "=" + cellName(totalRow, 6) + "/" + cellName(deliveredTotalRow, deliveredCol),
                      sumCost / deliveredTotal, f.money);
        ++row;
        sheet.merged(row++, 0, notesCol - 1, ctx.text("note.cost_per_tonne"), f.note);
    } else {
        sheet.merged(row++, 0, notesCol - 1, ctx.text("note.no_costs"), f.note);
    }
    return row;
}

}  // namespace

GoalsCells GoalsCells::of(const ReportContext& ctx) {
    const model::GoalTable table = model::goalTable(ctx.project);
    std::size_t n = 0;
    for (const model::GoalProgress& g : table.rows) n = std::max(n, g.goal->thresholdsT.size());
    const int goalCol = 3 + static_cast<int>(n);
    return {kFirstDataRow + static_cast<int>(table.rows.size()), goalCol + 1, goalCol + 2};
}

void writeGoalsSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const model::GoalTable table = model::goalTable(ctx.project);
    std::size_t nThresholds = 0;
    for (const model::GoalProgress& g : table.rows) nThresholds = std::max(nThresholds, g.goal->thresholdsT.size());
    const int n = static_cast<int>(nThresholds);

    std::vector<Column> columns = {{"col.organisation", 26}, {"col.city", 16}, {"col.buyer", 20}};
    for (int i = 0; i < n; ++i) columns.push_back({"col.threshold_n", 11, f.tonnes});
    columns.push_back({"col.goal_t", 11, f.tonnes});
    columns.push_back({"col.delivered_t", 11, f.tonnes});
    columns.push_back({"col.compliance", 11, f.share});
    columns.push_back({"col.thresholds_reached", 11, f.integer});
    columns.push_back({"col.notes", 60});
    const int goalCol = 3 + n, deliveredCol = goalCol + 1, complianceCol = goalCol + 2, reachedCol = goalCol + 3,
              notesCol = goalCol + 4;

    Sheet sheet = ctx.book.addSheet(ctx.sheets.goals, ctx.fmt.text);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) sheet.columnWidth(c, c, columns[c].width);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.goals"), f.title);
    sheet.rowHeight(kHeaderRow, 45);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
        std::string h = ctx.text(columns[c].key);
        if (c >= 3 && c < goalCol) h = ctx.text.format("col.threshold_n", {std::to_string(c - 2)});
        sheet.text(kHeaderRow, c, h, f.header);
    }
    sheet.freeze(kFirstDataRow, 1);

    // Delivered tonnes come from the Flows sheet (SUMIFS over from/to), so the reader sees their origin.
    const std::string flows = quotedSheet(ctx.sheets.flows) + "!";
    const int flowsLast = kFirstDataRow + std::max<int>(0, static_cast<int>(ctx.project.flows.size()) - 1);
    auto flowRange = [&](int col) { return flows + rangeName(kFirstDataRow, col, flowsLast, col, true); };
    const FlowsColumns fc = FlowsColumns::of(ctx);

    int row = kFirstDataRow;
    for (const model::GoalProgress& g : table.rows) {
        const model::Goal& goal = *g.goal;
        const model::Actor* actor = ctx.actor(goal.actor);
        const int last = 3 + static_cast<int>(goal.thresholdsT.size()) - 1;
        sheet.rowHeight(row, wrappedHeight(goal.notes, columns[notesCol].width));
        sheet.text(row, 0, ctx.actorName(goal.actor));
        sheet.text(row, 1, actor ? actor->region : std::string());
        sheet.text(row, 2, goal.buyer.empty() ? ctx.text("common.any_buyer") : ctx.actorName(goal.buyer));
        for (int i = 0; i < static_cast<int>(goal.thresholdsT.size()); ++i)
            sheet.number(row, 3 + i, goal.thresholdsT[i], f.tonnes);
        if (goal.thresholdsT.empty())
            sheet.number(row, goalCol, 0, f.tonnes);
        else
            sheet.formula(row, goalCol, "=" + cellName(row, last), g.goalT, f.tonnes);
        std::string sumifs = "=SUMIFS(" + flowRange(fc.tonnes) + "," + flowRange(fc.from) +
                             "," + exactCriterion(goal.actor);
        if (!goal.buyer.empty()) sumifs += "," + flowRange(fc.to) + "," + exactCriterion(goal.buyer);
        sheet.formula(row, deliveredCol, sumifs + ")", g.deliveredT, f.tonnes);
        const std::string goalCell = cellName(row, goalCol), deliveredCell = cellName(row, deliveredCol);
        const std::string compliance = "=IF(" + goalCell + ">0," + deliveredCell + "/" + goalCell + ",\"\")";
        if (g.goalT > 0)
            sheet.formula(row, complianceCol, compliance, g.compliance, f.share);
        else
            sheet.formulaText(row, complianceCol, compliance, "", f.share);
        if (goal.thresholdsT.empty())
            sheet.number(row, reachedCol, 0, f.integer);
        else
            sheet.formula(row, reachedCol,
                          "=COUNTIF(" + rangeName(row, 3, row, last) + ",\"<=\"&" + deliveredCell + ")",
                          g.thresholdsReached, f.integer);
        sheet.text(row, notesCol, goal.notes, f.wrap);
        ++row;
    }
    const int firstGoal = kFirstDataRow, lastGoal = row - 1;
    sheet.autofilter(kHeaderRow, 0, lastGoal, notesCol);

    // Totals: SUM of every tonnage column; total compliance = total delivered / total goal.
    const int totalRow = row;
    const GoalsCells cells = GoalsCells::of(ctx);
    if (cells.totalRow != totalRow || cells.deliveredCol != deliveredCol || cells.complianceCol != complianceCol)
        throw Error("report: Goals totals out of step with GoalsCells");
    sheet.text(totalRow, 0, ctx.text("common.total"), f.totalLabel);
    sheet.blank(totalRow, 1, f.totalLabel);
    sheet.blank(totalRow, 2, f.totalLabel);
    auto columnSum = [&](int col) { return "=SUM(" + rangeName(firstGoal, col, std::max(lastGoal, firstGoal), col) + ")"; };
    for (int i = 0; i < n; ++i)
        sheet.formula(totalRow, 3 + i, columnSum(3 + i), table.thresholdTotalsT[i], f.totalTonnes);
    sheet.formula(totalRow, goalCol, columnSum(goalCol), table.goalT, f.totalTonnes);
    sheet.formula(totalRow, deliveredCol, columnSum(deliveredCol), table.deliveredT, f.totalTonnes);
    const std::string totalGoal = cellName(totalRow, goalCol), totalDelivered = cellName(totalRow, deliveredCol);
    sheet.formula(totalRow, complianceCol,
                  "=IF(" + totalGoal + ">0," + totalDelivered + "/" + totalGoal + ",0)", table.compliance,
                  f.totalShare);
    sheet.blank(totalRow, reachedCol, f.totalLabel);
    sheet.blank(totalRow, notesCol, f.totalLabel);
    colourCompliance(ctx, sheet, firstGoal, complianceCol, totalRow, complianceCol);
    row = totalRow + 1;

    // Notes recorded on goals, e.g. where the source report states another figure.
    for (const model::GoalProgress& g : table.rows) {
        if (g.goal->notes.empty()) continue;
        // Prefix the organisation unless the note already names it.
        const std::string who = ctx.actorName(g.goal->actor);
        const std::string note = g.goal->notes.find(who) != std::string::npos ? g.goal->notes : who + ": " + g.goal->notes;
        sheet.rowHeight(row, wrappedHeight(note, 26 + 16 + 20 + 11.0 * (n + 4)));
        sheet.merged(row++, 0, reachedCol, note, f.warning);
    }
    sheet.merged(row++, 0, reachedCol, ctx.text("note.delivered_from_flows"), f.note);

    // Delivered against goal, per organisation.
    ++row;
    if (!table.rows.empty()) {
        lxw_chart* chart = ctx.book.addChart(LXW_CHART_COLUMN);
        chart_title_set_name(chart, ctx.text("chart.delivered_vs_goal").c_str());
        for (int col : {goalCol, deliveredCol}) {
            lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(s, sheet.name().c_str(), firstGoal, 0, lastGoal, 0);
            chart_series_set_values(s, sheet.name().c_str(), firstGoal, col, lastGoal, col);
            chart_series_set_name_range(s, sheet.name().c_str(), kHeaderRow, col);
        }
        chart_axis_set_name(chart->y_axis, ctx.text("chart.tonnes").c_str());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        sheet.chart(row, 0, chart, 1.5, 1.2);
        row += 18;
    }

    ++row;
    writeSupports(ctx, sheet, row, totalRow, deliveredCol, table.deliveredT, notesCol);
    ctx.progress.advance(static_cast<double>(table.rows.size() + ctx.project.supports.size()));
    sheet.printSetup(kHeaderRow, kHeaderRow);
}

}  // namespace traza::reports
