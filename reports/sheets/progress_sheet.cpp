// The Progress sheet (issue #19, "Time"): the series of risk/series per month
// or ISO week, only when the project has delivery records. Two tables, each
// row a period: tonnes delivered per goal, with the cumulative tonnes as
// formulas over the delivered columns and each goal as a constant column (the
// chart's threshold line); then the records' tonnes and documented tonnes per
// level, the documented shares as formulas over them, and the traced shares.
// Native Excel charts over both tables. Flows without records have no date
// and are left out, which the sheet says.
#include <algorithm>
#include <numeric>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

constexpr int kLevels = 4;             // self_declared .. verified
constexpr std::size_t kChartGoals = 8;  // more lines than this cannot be read

// Tonnes in a sentence, with the report language's decimal mark.
std::string fmtTonnes(const ReportContext& ctx, double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", t);
    std::string s = buf;
    if (ctx.lang() == "es") std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// Rows 0..: the delivered table; returns the row after it.
int writeGoalTable(ReportContext& ctx, Sheet& sheet, int row, const risk::Series& s) {
    const Formats& f = ctx.fmt;
    const int nGoals = static_cast<int>(s.goals.size()), nPeriods = static_cast<int>(s.periods.size());
    const int cumFirst = 1 + nGoals, goalFirst = 1 + 2 * nGoals, supportsCol = 1 + 3 * nGoals;
    sheet.text(row++, 0, ctx.text("section.progress_tonnes"), f.section);
    const int header = row++;
    sheet.rowHeight(header, 45);
    sheet.text(header, 0, ctx.text("col.period"), f.header);
    for (int g = 0; g < nGoals; ++g) {
        const std::string name = ctx.actorName(s.goals[g].actor);
        sheet.text(header, 1 + g, ctx.text.format("col.delivered_of", {name}), f.header);
        sheet.text(header, cumFirst + g, ctx.text.format("col.cumulative_of", {name}), f.header);
        sheet.text(header, goalFirst + g, ctx.text.format("col.goal_of", {name}), f.header);
    }
    sheet.text(header, supportsCol, ctx.text("col.supports_delivered"), f.header);
    const int first = row;
    for (int i = 0; i < nPeriods; ++i, ++row) {
        sheet.text(row, 0, s.periods[i].key);
        int supports = 0;
        for (int g = 0; g < nGoals; ++g) {
            const risk::GoalSeries& goal = s.goals[g];
            sheet.number(row, 1 + g, goal.periods[i].deliveredT, f.tonnes);
            // Cumulative = the delivered column summed from the first period down to this one.
            sheet.formula(row, cumFirst + g, "=SUM(" + cellName(first, 1 + g, true) + ":" + cellName(row, 1 + g) + ")",
                          goal.periods[i].cumulativeT, f.tonnes);
            sheet.number(row, goalFirst + g, goal.thresholdsT.empty() ? 0 : goal.thresholdsT.back(), f.tonnes);
            supports += goal.periods[i].supports;
        }
        sheet.number(row, supportsCol, supports, f.integer);
    }
    sheet.autofilter(header, 0, row - 1, supportsCol);  // one filter per sheet: the first table's
    // When each threshold was reached (by the records' cumulative tonnes).
    for (const risk::GoalSeries& goal : s.goals) {
        std::vector<std::string> parts;
        for (std::size_t k = 0; k < goal.thresholdsT.size(); ++k)
            parts.push_back(goal.reachedIn[k]
                                ? ctx.text.format("label.threshold_reached_in",
                                                  {std::to_string(k + 1), fmtTonnes(ctx, goal.thresholdsT[k]),
                                                   s.periods[*goal.reachedIn[k]].key})
                                : ctx.text.format("label.threshold_not_reached",
                                                  {std::to_string(k + 1), fmtTonnes(ctx, goal.thresholdsT[k])}));
        sheet.text(row++, 0, ctx.actorName(goal.actor) + ": " + join(parts));
    }
    return row;
}

void chartGoals(ReportContext& ctx, Sheet& sheet, int row, int first, const risk::Series& s) {
    const int nGoals = static_cast<int>(s.goals.size()), last = first + static_cast<int>(s.periods.size()) - 1;
    // The largest goals first, so the chart keeps the ones that matter most.
    std::vector<int> order(s.goals.size());
    std::iota(order.begin(), order.end(), 0);
    auto goalT = [&](int g) { return s.goals[g].thresholdsT.empty() ? 0.0 : s.goals[g].thresholdsT.back(); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return goalT(a) > goalT(b); });
    if (order.size() > kChartGoals) order.resize(kChartGoals);
    lxw_chart* chart = ctx.book.addChart(LXW_CHART_LINE);
    chart_title_set_name(chart, ctx.text("chart.cumulative_vs_goal").c_str());
    static const lxw_color_t colours[] = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F};
    for (std::size_t i = 0; i < order.size(); ++i) {
        const int g = order[i];
        for (int pass = 0; pass < 2; ++pass) {  // the cumulative line, then its goal dashed in the same colour
            const int col = pass == 0 ? 1 + nGoals + g : 1 + 2 * nGoals + g;
            lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(series, sheet.name().c_str(), first, 0, last, 0);
            chart_series_set_values(series, sheet.name().c_str(), first, col, last, col);
            chart_series_set_name_range(series, sheet.name().c_str(), first - 1, col);
            lxw_chart_line line{};
            line.color = colours[i];
            line.width = pass == 0 ? 2.25 : 1.25;
            line.dash_type = pass == 0 ? LXW_CHART_LINE_DASH_SOLID : LXW_CHART_LINE_DASH_DASH;
            chart_series_set_line(series, &line);
        }
    }
    chart_axis_set_name(chart->y_axis, ctx.text("chart.tonnes").c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
    sheet.chart(row, 0, chart, 2.0, 1.3);
}

// The evidence table; returns the row after it.
int writeEvidenceTable(ReportContext& ctx, Sheet& sheet, int row, const risk::Series& s, int stages, bool filter) {
    const Formats& f = ctx.fmt;
    const int nPeriods = static_cast<int>(s.periods.size());
    const int docFirst = 2, shareFirst = 2 + kLevels, tracedFirst = 2 + 2 * kLevels;
    sheet.text(row++, 0, ctx.text("section.progress_evidence"), f.section);
    const int header = row++;
    sheet.rowHeight(header, 60);
    sheet.text(header, 0, ctx.text("col.period"), f.header);
    sheet.text(header, 1, ctx.text("col.records_t"), f.header);
    for (int l = 0; l < kLevels; ++l) {
        const std::string level = evidenceName(ctx, static_cast<model::Evidence>(l + 1));
        sheet.text(header, docFirst + l, ctx.text.format("col.documented_t_at", {level}), f.header);
        sheet.text(header, shareFirst + l, ctx.text.format("col.documented_share_at", {level}), f.header);
        for (int k = 1; k <= stages; ++k)
            sheet.text(header, tracedFirst + l * stages + (k - 1),
                       ctx.text.format("col.traced_at_stage", {level, std::to_string(k)}), f.header);
    }
    for (int i = 0; i < nPeriods; ++i, ++row) {
        const risk::EvidencePeriod& e = s.evidence[i];
        sheet.text(row, 0, s.periods[i].key);
        sheet.number(row, 1, e.recordsT, f.tonnes);
        for (int l = 0; l < kLevels; ++l) {
            sheet.number(row, docFirst + l, e.documentedT[l + 1], f.tonnes);
            const std::string records = cellName(row, 1);
            sheet.formula(row, shareFirst + l,
                          "=IF(" + records + ">0," + cellName(row, docFirst + l) + "/" + records + ",0)",
                          e.documentedShare[l + 1], f.share);
            for (int k = 1; k <= stages; ++k) {
                const auto it = e.traced[l].find(k);
                sheet.number(row, tracedFirst + l * stages + (k - 1), it == e.traced[l].end() ? 0 : it->second, f.share);
            }
        }
    }
    if (filter) sheet.autofilter(header, 0, row - 1, tracedFirst + kLevels * stages - 1);
    return row;
}

void chartShares(ReportContext& ctx, Sheet& sheet, int row, int first, int last) {
    lxw_chart* chart = ctx.book.addChart(LXW_CHART_LINE);
    chart_title_set_name(chart, ctx.text("chart.documented_share_over_time").c_str());
    for (int l = 0; l < kLevels; ++l) {
        const int col = 2 + kLevels + l;
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(series, sheet.name().c_str(), first, 0, last, 0);
        chart_series_set_values(series, sheet.name().c_str(), first, col, last, col);
        chart_series_set_name_range(series, sheet.name().c_str(), first - 1, col);
    }
    chart_axis_set_name(chart->y_axis, ctx.text("chart.documented_share").c_str());
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, 1);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    sheet.chart(row, 0, chart, 2.0, 1.3);
}

}  // namespace

void writeProgressSheet(ReportContext& ctx) {
    if (!ctx.analysis.series || ctx.analysis.series->periods.empty()) return;
    const risk::Series& s = *ctx.analysis.series;
    const Formats& f = ctx.fmt;
    Sheet sheet = ctx.book.addSheet(ctx.sheets.progress, ctx.fmt.text);
    sheet.columnWidth(0, 0, 14);
    sheet.columnWidth(1, 1 + 3 * static_cast<int>(std::max(s.goals.size(), std::size_t(4))), 13);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text.format("title.progress", {ctx.text("value.series_" + std::string(model::toString(s.kind)))}),
               f.title);
    int row = kHeaderRow;
    sheet.rowHeight(row, 30);
    sheet.merged(row++, 0, 10, ctx.text.format("note.progress_records_only", {fmtTonnes(ctx, s.undatedT)}), f.note);
    ++row;
    if (!s.goals.empty()) {
        const int first = row + 2;  // section, header, then the data
        row = writeGoalTable(ctx, sheet, row, s);
        ++row;
        chartGoals(ctx, sheet, row, first, s);
        row += 22;
        if (s.goals.size() > kChartGoals)
            sheet.merged(row++, 0, 10, ctx.text.format("note.progress_chart_goals", {std::to_string(kChartGoals)}), f.note);
        sheet.rowHeight(row, 30);
        sheet.merged(row++, 0, 10, ctx.text("note.progress_supports"), f.note);
        ++row;
    }
    int stages = 0;
    for (const risk::EvidencePeriod& e : s.evidence)
        for (const auto& level : e.traced)
            if (!level.empty()) stages = std::max(stages, std::min(2, level.rbegin()->first));
    const int first = row + 2;
    row = writeEvidenceTable(ctx, sheet, row, s, stages, s.goals.empty());
    ++row;
    chartShares(ctx, sheet, row, first, first + static_cast<int>(s.periods.size()) - 1);
    row += 22;
    sheet.rowHeight(row, 45);
    sheet.merged(row++, 0, 10, ctx.text("note.progress_traced"), f.note);
    ctx.progress.advance(static_cast<double>(s.periods.size()));
}

}  // namespace traza::reports
