// Flows: every field of every flow, the documented share as a formula, and a
// totals row that follows the filter (SUBTOTAL) so a filtered view adds up
// (a tonne counts once per hop it crosses, which its label says).
// The national layout leaves out the party names (the Actors sheet has them)
// and writes document types and typologies as catalogue ids (Legend sheet).
#include <algorithm>

#include "error.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

std::vector<Column> flowColumns(const ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const bool full = !ctx.national();
    std::vector<Column> columns = {{"col.id", 10}, {"col.from", 16}};
    if (full) columns.push_back({"col.from_name", 28});
    columns.push_back({"col.to", 16});
    if (full) columns.push_back({"col.to_name", 28});
    const std::vector<Column> rest = {
        {"col.material", 10},
        {"col.tonnes", 10, f.tonnes},
        {"col.documented_t", 11, f.tonnes},
        {"col.documented_share", 11, f.share},
        {"col.evidence", 14},
        {"col.documents", full ? 36.0 : 24.0},
        {"col.payment", 10},
        {"col.price_per_t", 11, f.money},
        {"col.typology", full ? 26.0 : 10.0},
        {"col.period_start", 11},
        {"col.period_end", 11},
        {"col.undocumented", 13},
        {"col.notes", 60},
    };
    columns.insert(columns.end(), rest.begin(), rest.end());
    return columns;
}

}  // namespace

void writeFlowsSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const bool national = ctx.national();
    const std::vector<Column> columns = flowColumns(ctx);
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.flows, "title.flows", columns, 1);
    sheet.setSparse(national);
    const FlowsColumns fc = FlowsColumns::of(ctx);
    const int tonnesCol = columnOf(columns, "col.tonnes");
    if (tonnesCol != fc.tonnes || columnOf(columns, "col.from") != fc.from || columnOf(columns, "col.to") != fc.to)
        throw Error("report: Flows columns out of step with FlowsColumns");
    const int documentedCol = tonnesCol + 1;
    // Wrapped text and row heights only in the full layout: national rows are one line.
    lxw_format* wrap = national ? nullptr : f.wrap;
    auto width = [&](std::string_view key) { return columns[columnOf(columns, key)].width; };
    const std::string yes = ctx.text("common.yes");

    int row = kFirstDataRow;
    double total = 0, documented = 0;
    for (const model::Flow& fl : ctx.project.flows) {
        std::vector<std::string> docs;
        for (const std::string& d : fl.documents)
            docs.push_back(national ? ctx.legend->id(Legend::Group::Document, d, [&] { return documentName(ctx, d); })
                                    : documentName(ctx, d));
        const std::string documents = join(docs);
        const std::string typology =
            national ? ctx.legend->id(Legend::Group::Typology, fl.typology, [&] { return typologyName(ctx, fl.typology); })
                     : typologyName(ctx, fl.typology);
        std::string fromName, toName;
        if (!national) {
            fromName = ctx.actorName(fl.from);
            toName = ctx.actorName(fl.to);
            sheet.rowHeight(row, std::max({wrappedHeight(fromName, width("col.from_name")),
                                           wrappedHeight(toName, width("col.to_name")),
                                           wrappedHeight(documents, width("col.documents")),
                                           wrappedHeight(typology, width("col.typology")),
                                           wrappedHeight(fl.notes, width("col.notes"))}));
        }
        int c = 0;
        sheet.text(row, c++, fl.id);
        sheet.text(row, c++, fl.from);
        if (!national) sheet.text(row, c++, fromName, f.wrap);
        sheet.text(row, c++, fl.to);
        if (!national) sheet.text(row, c++, toName, f.wrap);
        sheet.text(row, c++, fl.material);
        sheet.number(row, c++, fl.tonnes, f.tonnes);
        sheet.number(row, c++, fl.documentedT, f.tonnes);
        sheet.formula(row, c++,
                      "=IF(" + cellName(row, tonnesCol) + ">0," + cellName(row, documentedCol) + "/" +
                          cellName(row, tonnesCol) + ",0)",
                      fl.tonnes > 0 ? fl.documentedT / fl.tonnes : 0, f.share);
        sheet.text(row, c++, evidenceName(ctx, fl.evidence));
        sheet.text(row, c++, documents, wrap);
        sheet.text(row, c++, ctx.text(std::string("payment.") + std::string(model::toString(fl.payment))));
        if (fl.pricePerT > 0) sheet.number(row, c, fl.pricePerT, f.money);
        ++c;
        sheet.text(row, c++, typology, wrap);
        sheet.text(row, c++, fl.periodStart);
        sheet.text(row, c++, fl.periodEnd);
        const bool undocumented = fl.evidence == model::Evidence::None || fl.documentedT <= 0;
        sheet.text(row, c++, undocumented ? yes : std::string(), f.center);
        sheet.text(row, c++, fl.notes, wrap);
        total += fl.tonnes;
        documented += fl.documentedT;
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()), 1);

    // Totals of the visible rows: SUBTOTAL(109, ...) skips rows hidden by the filter.
    const int totalRow = row + 1;
    sheet.text(totalRow, 0, ctx.text("common.total_visible"), f.totalLabel);
    for (int c = 1; c < tonnesCol; ++c) sheet.blank(totalRow, c, f.totalLabel);
    const std::string tonnesRange = rangeName(kFirstDataRow, tonnesCol, std::max(lastRow, kFirstDataRow), tonnesCol);
    const std::string docRange =
        rangeName(kFirstDataRow, documentedCol, std::max(lastRow, kFirstDataRow), documentedCol);
    sheet.formula(totalRow, tonnesCol, "=SUBTOTAL(109," + tonnesRange + ")", total, f.totalTonnes);
    sheet.formula(totalRow, documentedCol, "=SUBTOTAL(109," + docRange + ")", documented, f.totalTonnes);
    // No documented share on this row: a ratio of sums over hops and evidence levels means nothing.
}

}  // namespace traza::reports
