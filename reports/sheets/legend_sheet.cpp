// Legend (national layout only): every code the other sheets use, once, with
// what it stands for and how many cells carry it. Added right after the
// Summary, where a reader looks first, and filled last, when every code is known.
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

const char* groupKey(Legend::Group g) {
    switch (g) {
    case Legend::Group::Kind: return "legend.kind";
    case Legend::Group::RiskFactors: return "legend.risk_factors";
    case Legend::Group::RiskReasons: return "legend.risk_reasons";
    case Legend::Group::Document: return "legend.document";
    case Legend::Group::Typology: return "legend.typology";
    case Legend::Group::BreakReason: return "legend.break_reason";
    case Legend::Group::Rule: return "legend.rule_group";
    }
    return "legend.kind";
}

const std::vector<Column>& legendColumns() {
    static const std::vector<Column> columns = {
        {"col.code", 24}, {"col.code_group", 22}, {"col.stands_for", 110}, {"col.uses", 10}};
    return columns;
}

}  // namespace

Sheet beginLegendSheet(ReportContext& ctx) {
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.legend, "title.legend", legendColumns(), 1);
    sheet.setSparse(true);
    return sheet;
}

void writeLegendSheet(ReportContext& ctx, Sheet& sheet) {
    const Formats& f = ctx.fmt;
    const std::vector<Column>& columns = legendColumns();
    int row = kFirstDataRow;
    for (const Legend::Entry* e : ctx.legend->entries()) {
        sheet.rowHeight(row, wrappedHeight(e->meaning, columns[2].width));
        sheet.text(row, 0, e->code);
        sheet.text(row, 1, ctx.text(groupKey(e->group)));
        sheet.text(row, 2, e->meaning, f.wrap);
        sheet.number(row, 3, static_cast<double>(e->uses), f.integer);
        ++row;
    }
    const int lastRow = row - 1;
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 1);
    ++row;
    const std::string& note = ctx.text("note.legend_read");
    double width = 0;
    for (const Column& c : columns) width += c.width;
    sheet.rowHeight(row, wrappedHeight(note, width));
    sheet.merged(row, 0, static_cast<int>(columns.size()) - 1, note, f.note);
}

}  // namespace traza::reports
