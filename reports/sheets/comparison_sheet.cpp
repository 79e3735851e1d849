// Comparison (issue #19): this project against an earlier one (traza-cli report
// --compare-with), or two periods of its delivery records (--compare-periods). Each figure before and after, and the change as a formula
// over the two, so a reader can check the arithmetic; ranks, horizons and flags
// are listed as they are.
#include <cstdio>

#include "chain_comparison.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {
namespace {

// Beyond this many actors whose sales changed, the sheet says how many more
// there are (a national chain changes in tens of thousands of places).
constexpr std::size_t kMaxActorRows = 500;

class Writer {
public:
    Writer(ReportContext& ctx, Sheet& sheet, int row) : m_ctx(ctx), m_sheet(sheet), m_row(row) {}

    void section(const std::string& title) {
        ++m_row;
        m_sheet.text(m_row++, 0, title, m_ctx.fmt.section);
    }
    void change(const std::string& what, const risk::Change& c, lxw_format* format) {
        m_sheet.text(m_row, 0, what, m_ctx.fmt.wrap);
        m_sheet.number(m_row, 1, c.before, format);
        m_sheet.number(m_row, 2, c.after, format);
        m_sheet.formula(m_row, 3, "=" + cellName(m_row, 2) + "-" + cellName(m_row, 1), c.delta(), format);
        ++m_row;
    }
    void plain(const std::string& what, const std::string& before, const std::string& after) {
        m_sheet.text(m_row, 0, what, m_ctx.fmt.wrap);
        m_sheet.text(m_row, 1, before, m_ctx.fmt.center);
        m_sheet.text(m_row, 2, after, m_ctx.fmt.center);
        ++m_row;
    }
    void line(const std::string& text) { m_sheet.text(m_row++, 0, text, m_ctx.fmt.wrap); }
    int row() const { return m_row; }

private:
    ReportContext& m_ctx;
    Sheet& m_sheet;
    int m_row;
};

// Tonnes in a sentence, one decimal, in the workbook's decimal mark.
std::string tonnesText(const ReportContext& ctx, double t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", t);
    std::string s = buf;
    if (ctx.text.language() == "es")
        for (char& ch : s)
            if (ch == '.') ch = ',';
    return s;
}

std::string horizonText(const std::optional<int>& h) { return h ? std::to_string(*h) : "-"; }

}  // namespace

void writeComparisonSheet(ReportContext& ctx) {
    if (!ctx.comparison) return;
    const risk::ChainComparison& c = *ctx.comparison;
    std::vector<Column> columns = {{"col.measure", 70}, {"col.before", 14}, {"col.after", 14}, {"col.change", 14}};
    // Two periods of this project (report --compare-periods): the periods head the columns.
    const bool periods = c.periods.size() == 2;
    if (periods) {
        columns[1].text = c.periods[0].label;
        columns[2].text = c.periods[1].label;
    }
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.comparison, periods ? "title.comparison_periods" : "title.comparison", columns);
    Writer w(ctx, sheet, kFirstDataRow);
    if (periods)
        w.line(ctx.text.format("note.compared_periods",
                               {c.periods[0].label, std::to_string(c.periods[0].records), c.periods[1].label,
                                std::to_string(c.periods[1].records), std::to_string(c.periods[0].undatedFlows),
                                tonnesText(ctx, c.periods[0].undatedT)}));
    else w.line(ctx.text.format("note.compared_with", {ctx.comparedWith}));
    w.change(ctx.text("cmp.total_t"), c.totalT, ctx.fmt.tonnes);
    w.change(ctx.text("cmp.flow_tonnes"), c.flowTonnes, ctx.fmt.tonnes);
    w.change(ctx.text("cmp.actors"), c.actorCount, ctx.fmt.integer);
    w.change(ctx.text("cmp.flows"), c.flowCount, ctx.fmt.integer);
    w.line(ctx.text.format("cmp.added_removed", {std::to_string(c.actorsAdded), std::to_string(c.actorsRemoved),
                                                 std::to_string(c.flowsAdded), std::to_string(c.flowsRemoved)}));

    w.section(ctx.text("cmp.section.documented"));
    for (const risk::LevelComparison& l : c.levels) {
        w.change(evidenceName(ctx, l.level), l.documentedShare, ctx.fmt.share);
        w.change(ctx.text.format("cmp.first_mile", {evidenceName(ctx, l.level)}), l.firstMileDocumentedShare, ctx.fmt.share);
    }
    w.section(ctx.text("cmp.section.traced"));
    for (const risk::LevelComparison& l : c.levels) {
        for (const auto& [k, v] : l.tracedByStage)
            w.change(ctx.text.format("cmp.traced_to", {evidenceName(ctx, l.level), std::to_string(k)}), v, ctx.fmt.share);
        w.plain(ctx.text.format("cmp.horizon", {evidenceName(ctx, l.level)}), horizonText(l.horizonBefore),
                horizonText(l.horizonAfter));
    }
    w.section(ctx.text("cmp.section.choke_points"));
    for (const risk::ChokePointComparison& p : c.chokePoints)
        w.plain(p.name + " [" + p.id + "]", p.rankBefore ? std::to_string(p.rankBefore) : "-",
                p.rankAfter ? std::to_string(p.rankAfter) : "-");
    if (c.chokePoints.empty()) w.line(ctx.text("cmp.none"));

    w.section(ctx.text.format("cmp.section.flags", {std::to_string(c.newFlags.size()), std::to_string(c.resolvedFlags.size())}));
    for (const risk::RedFlag& f : c.newFlags) w.line("+ " + ruleName(ctx, f.rule) + ": " + f.detail.text());
    for (const risk::RedFlag& f : c.resolvedFlags) w.line("− " + ruleName(ctx, f.rule) + ": " + f.detail.text());

    w.section(ctx.text("cmp.section.sales"));
    for (std::size_t i = 0; i < c.actorTonnes.size() && i < kMaxActorRows; ++i) {
        const risk::ActorTonnes& a = c.actorTonnes[i];
        std::string what = a.name + " [" + a.id + "]";
        if (a.added) what += " " + ctx.text("cmp.added");
        if (a.removed) what += " " + ctx.text("cmp.removed");
        w.change(what, a.outT, ctx.fmt.tonnes);
    }
    if (c.actorTonnes.empty()) w.line(ctx.text("cmp.none"));
    if (c.actorTonnes.size() > kMaxActorRows)
        w.line(ctx.text.format("cmp.more_actors", {std::to_string(c.actorTonnes.size() - kMaxActorRows)}));
    ctx.progress.advance(10);
}

}  // namespace traza::reports
