// Choke points: the actors where due diligence has most reach, ranked, each
// with the reasons the analysis gives (docs/methodology.md defines the score).
#include <algorithm>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

void writeChokePointsSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const std::vector<Column> columns = {
        {"col.rank", 7, f.integer},
        {"col.id", 16},
        {"col.name", 30},
        {"col.kind", 20},
        {"col.stage", 7, f.integer},
        {"col.flow_share", 12, f.share, true},
        {"col.dominates", 24},
        {"col.upstream_sources", 12, f.integer, true},
        {"col.upstream_headcount", 12, f.integer, true},
        {"col.choke_score", 12, f.score, true},
        {"col.risk_level", 12, nullptr, true},
        {"col.reasons", 70},
    };
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.chokePoints, "title.choke_points", columns);

    std::vector<const risk::ActorResult*> chokes;
    for (const risk::ActorResult& r : ctx.analysis.actors)
        if (r.chokePoint) chokes.push_back(&r);
    std::stable_sort(chokes.begin(), chokes.end(), [](const auto* a, const auto* b) {
        const int ra = a->chokeRank > 0 ? a->chokeRank : 1 << 30, rb = b->chokeRank > 0 ? b->chokeRank : 1 << 30;
        return ra < rb;
    });

    const double reasonsWidth = columns.back().width;
    int row = kFirstDataRow;
    for (const risk::ActorResult* r : chokes) {
        const model::Actor* a = ctx.actor(r->id);
        std::vector<std::string> dominated;
        for (const std::string& d : r->dominates) dominated.push_back(ctx.actorName(d));
        const std::string reasons = join(risk::texts(r->chokeReasons), "\n");
        sheet.rowHeight(row, wrappedHeight(reasons, reasonsWidth));
        int c = 0;
        sheet.number(row, c++, r->chokeRank, f.integer);
        sheet.text(row, c++, r->id);
        sheet.text(row, c++, ctx.actorName(r->id));
        sheet.text(row, c++, a ? kindName(ctx, a->kind) : std::string());
        sheet.number(row, c++, r->stage, f.integer);
        sheet.number(row, c++, r->flowShare, f.share);
        sheet.text(row, c++, join(dominated, ", "), f.wrap);
        sheet.number(row, c++, r->upstreamSources, f.integer);
        sheet.number(row, c++, r->upstreamHeadcount, f.integer);
        sheet.number(row, c++, r->chokeScore, f.score);
        sheet.text(row, c++, ctx.text.level(r->risk.level));
        sheet.text(row, c++, reasons, f.wrap);
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    colourLevels(ctx, sheet, kFirstDataRow, columnOf(columns, "col.risk_level"), lastRow);
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()));
    if (chokes.empty()) sheet.text(row, 0, ctx.text("note.no_choke_points"), f.note);
}

}  // namespace traza::reports
