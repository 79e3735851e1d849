// Traceability: the spec's traced[level][stage] matrix (share of destination
// input documented at that level or better on every hop back to stage k), the
// horizon of each level highlighted, beside it the same matrix by the credit
// method of mass balance (by_stage_credit) with the sentence that such a claim
// implies no physical content, a clustered column chart, and the list of breaks.
// The national layout lists the breaks with the parties' ids and the reason as
// a code (B1, ...) in one cell each (no merged reason cells): Legend sheet.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

constexpr int kChartRows = 22;  // rows left free under the chart (432 px at 20 px a row)
constexpr int kReasonSpan = 4;  // columns merged for a break's reason

void addChart(ReportContext& ctx, Sheet& sheet, int levelCount, int stageCount, int atRow) {
    // Clustered columns, one cluster per stage and one bar per level: lines of
    // equal shares lay on top of each other and hid a level.
    lxw_chart* chart = ctx.book.addChart(LXW_CHART_COLUMN);
    chart_title_set_name(chart, ctx.text("chart.traced_by_stage").c_str());
    for (int i = 0; i < levelCount; ++i) {
        const int row = kFirstDataRow + i;
        lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
        chart_series_set_categories(s, sheet.name().c_str(), kHeaderRow, 1, kHeaderRow, stageCount);
        chart_series_set_values(s, sheet.name().c_str(), row, 1, row, stageCount);
        chart_series_set_name_range(s, sheet.name().c_str(), row, 0);
    }
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, 1);
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_name(chart->y_axis, ctx.text("chart.traced_share").c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    sheet.chart(atRow, 0, chart, 1.5, 1.5);
}

// The hops whose documentation is below "documented" (self-declared or reported):
// they are not breaks (their tonnes are documented), but no tonne that crosses them
// counts at the documented level or better, which is why that row of the matrix
// can read 0% while the breaks table lists nothing on the route.
void writeBelowDocumented(ReportContext& ctx, Sheet& sheet, int& row) {
    const Formats& f = ctx.fmt;
    std::vector<const model::Flow*> below;
    for (const model::Flow& fl : ctx.project.flows)
        if (fl.evidence != model::Evidence::None && fl.evidence < model::Evidence::Documented && fl.documentedT > 0 &&
            fl.tonnes > 0)
            below.push_back(&fl);
    if (below.empty()) return;
    ++row;
    const std::string documented = evidenceName(ctx, model::Evidence::Documented);
    sheet.text(row++, 0, ctx.text.format("section.below_documented", {documented}), f.section);
    const std::vector<Column> cols = {
        {"col.flow", 26}, {"col.documented_below_t", 14}, {"col.from_name", 14}, {"col.to_name", 14}};
    writeHeaderRow(ctx, sheet, row, cols);
    sheet.merged(row++, 4, 3 + kReasonSpan, ctx.text("col.reason"), f.header);
    for (const model::Flow* fl : below) {
        const std::string from = ctx.actorName(fl->from), to = ctx.actorName(fl->to);
        const std::string reason =
            ctx.text.format("note.below_documented", {evidenceName(ctx, fl->evidence), documented});
        sheet.rowHeight(row, std::max({wrappedHeight(from, 14), wrappedHeight(to, 14),
                                       wrappedHeight(reason, 14.0 * kReasonSpan)}));
        sheet.text(row, 0, fl->id);
        sheet.number(row, 1, std::min(fl->documentedT, fl->tonnes), f.tonnes);
        sheet.text(row, 2, from, f.wrap);
        sheet.text(row, 3, to, f.wrap);
        sheet.merged(row, 4, 3 + kReasonSpan, reason, f.wrap);
        ++row;
    }
}

}  // namespace

void writeTraceabilitySheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const risk::Traceability& tr = ctx.analysis.traceability;
    std::set<int> stageSet;
    for (const risk::TraceLevel& l : tr.levels)
        for (const auto& [k, v] : l.byStage) stageSet.insert(k);
    const std::vector<int> stages(stageSet.begin(), stageSet.end());
    const int stageCount = static_cast<int>(stages.size());
    const int horizonCol = stageCount + 1;
    const int creditCol = horizonCol + 2;  // one empty column between the two matrices
    const int lastCol = std::max(stageCount > 0 ? creditCol + stageCount - 1 : horizonCol, kReasonSpan + 3);

    Sheet sheet = ctx.book.addSheet(ctx.sheets.traceability, ctx.fmt.text);
    sheet.columnWidth(0, 0, 26);
    sheet.columnWidth(1, lastCol, 14);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.traceability"), f.title);

    // The matrix: one row per evidence level, one column per stage.
    sheet.rowHeight(kHeaderRow, 30);
    sheet.text(kHeaderRow, 0, ctx.text("col.level_or_better"), f.header);
    for (int i = 0; i < stageCount; ++i)
        sheet.text(kHeaderRow, 1 + i, ctx.text.format("col.stage_n", {std::to_string(stages[i])}), f.header);
    sheet.text(kHeaderRow, horizonCol, ctx.text("col.horizon"), f.header);
    for (int i = 0; i < stageCount; ++i)
        sheet.text(kHeaderRow, creditCol + i, ctx.text.format("col.credit_stage_n", {std::to_string(stages[i])}),
                   f.header);
    sheet.freeze(kFirstDataRow, 1);

    int row = kFirstDataRow;
    for (const risk::TraceLevel& l : tr.levels) {
        sheet.text(row, 0, evidenceName(ctx, l.level), f.label);
        for (int i = 0; i < stageCount; ++i) {
            auto it = l.byStage.find(stages[i]);
            const bool isHorizon = l.horizon && *l.horizon == stages[i];
            if (it != l.byStage.end()) sheet.number(row, 1 + i, it->second, isHorizon ? f.horizon : f.share);
        }
        sheet.text(row, horizonCol,
                   l.horizon ? ctx.text.format("col.stage_n", {std::to_string(*l.horizon)}) : ctx.text("common.none"));
        for (int i = 0; i < stageCount; ++i)
            if (auto it = l.byStageCredit.find(stages[i]); it != l.byStageCredit.end())
                sheet.number(row, creditCol + i, it->second, f.share);
        ++row;
    }
    const int levelCount = static_cast<int>(tr.levels.size());

    ++row;
    const std::string thresholdNote =
        ctx.text.format("note.horizon", {std::to_string(static_cast<int>(tr.threshold * 100 + 0.5)) + "%"});
    sheet.rowHeight(row, wrappedHeight(thresholdNote, 26 + 14.0 * lastCol));
    sheet.merged(row++, 0, lastCol, thresholdNote, f.note);
    const std::string readNote = ctx.text("note.traceability_read");
    sheet.rowHeight(row, wrappedHeight(readNote, 26 + 14.0 * lastCol));
    sheet.merged(row++, 0, lastCol, readNote, f.note);
    const std::string liveNote = ctx.text("note.traceability_not_live");
    sheet.rowHeight(row, wrappedHeight(liveNote, 26 + 14.0 * lastCol));
    sheet.merged(row++, 0, lastCol, liveNote, f.note);
    if (stageCount > 0) {
        const std::string creditNote = ctx.text("note.credit_method");
        sheet.rowHeight(row, wrappedHeight(creditNote, 26 + 14.0 * lastCol));
        sheet.merged(row++, 0, lastCol, creditNote, f.note);
    }

    ++row;
    if (stageCount > 0 && levelCount > 0) {
        addChart(ctx, sheet, levelCount, stageCount, row);
        row += kChartRows;
    } else {
        sheet.text(row++, 0, ctx.text("note.no_traceability"), f.note);
    }

    // The breaks: flows where documentation stops, with the undocumented tonnes.
    // They start a printed page of their own, under their own header (the matrix
    // header is not repeated over them).
    ++row;
    const int breaksPage = row;
    sheet.text(row++, 0, ctx.text("section.breaks"), f.section);
    const int breaksHeader = row;
    const bool national = ctx.national();
    if (national) {
        sheet.setSparse(true);
        const std::vector<Column> cols = {
            {"col.flow", 26}, {"col.undocumented_t", 14}, {"col.from", 14}, {"col.to", 14}, {"col.reason", 14}};
        writeHeaderRow(ctx, sheet, breaksHeader, cols);
    } else {
        const std::vector<Column> cols = {
            {"col.flow", 26}, {"col.undocumented_t", 14}, {"col.from_name", 14}, {"col.to_name", 14}};
        writeHeaderRow(ctx, sheet, breaksHeader, cols);
        sheet.merged(breaksHeader, 4, 3 + kReasonSpan, ctx.text("col.reason"), f.header);
    }
    ++row;

    std::unordered_map<std::string, const model::Flow*> flows;
    for (const model::Flow& fl : ctx.project.flows) flows.emplace(fl.id, &fl);
    for (const risk::TraceBreak& b : ctx.analysis.breaks) {
        auto it = flows.find(b.flow);
        const model::Flow* fl = it != flows.end() ? it->second : nullptr;
        if (national) {
            sheet.text(row, 0, b.flow);
            sheet.number(row, 1, b.tonnes, f.tonnes);
            if (fl) sheet.text(row, 2, fl->from);
            if (fl) sheet.text(row, 3, fl->to);
            sheet.text(row, 4, ctx.legend->code(Legend::Group::BreakReason, b.reason.text()));
            ++row;
            ctx.progress.advance();
            continue;
        }
        const std::string from = fl ? ctx.actorName(fl->from) : std::string();
        const std::string to = fl ? ctx.actorName(fl->to) : std::string();
        const std::string reason = b.reason.text();
        const double h = std::max({wrappedHeight(from, 14), wrappedHeight(to, 14), wrappedHeight(reason, 14.0 * kReasonSpan)});
        sheet.rowHeight(row, h);
        sheet.text(row, 0, b.flow);
        sheet.number(row, 1, b.tonnes, f.tonnes);
        sheet.text(row, 2, from, f.wrap);
        sheet.text(row, 3, to, f.wrap);
        sheet.merged(row, 4, 3 + kReasonSpan, reason, f.wrap);
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    sheet.autofilter(breaksHeader, 0, lastRow, national ? 4 : 3 + kReasonSpan);
    if (!national) writeBelowDocumented(ctx, sheet, row);
    sheet.pageBreaks({breaksPage});
    sheet.printSetup(0, -1);  // nothing repeated: the breaks have their own header on their own page
}

}  // namespace traza::reports
