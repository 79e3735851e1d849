// Methodology: the definitions behind every number, from docs/methodology.md
// (embedded at build time; a short built-in text when the document is absent),
// after a few lines on how to read this workbook's formulas.
#include <cstring>

#include "markdown_rows.h"
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

extern const char* const kMethodologyMarkdown;  // generated from docs/methodology.md

namespace {

// Used only when the build found no docs/methodology.md. The definitions are
// those of the chain JSON specification.
constexpr const char* kBuiltInMethodology = R"(# Definitions

Destinations are the actors named as such, by default every refiner; if there is none, every actor that receives material and sends none. Total tonnes T is what the destinations receive.

Proportional mixing: what an actor sends is a proportional mix of what it received, so any quantity attached to material is spread over its outgoing flows in proportion to their tonnes. Cycles are solved as a linear system.

Flow share of an actor: the part of T that passed through it (its outgoing material marked and followed to the destinations).

An actor dominates a destination when every path from any source to that destination passes through it.

Traced share at an evidence level L and a stage k: the part of T documented at level L or better on every hop back to an actor of stage k or lower. The documented part of a flow is its documented tonnes divided by its tonnes when its evidence is L or better, otherwise nothing.

Traceability horizon at a level: the lowest stage whose traced share reaches the threshold (80% unless set otherwise); none if no stage does.

Mass balance of an actor between sources and destinations: gap = in - out - stock change - losses, flagged when its size exceeds 1% of the input or 0.1 t, whichever is larger.

Choke points: actors outside sources and destinations that dominate a destination or carry at least 25% of T. Their ranking and risk scores are explained per actor in the Choke points and Actors sheets.
)";

}  // namespace

void writeMethodologySheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const std::vector<Column> columns = {{"col.section", 30}, {"col.text", 110}};
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.methodology, "title.methodology", columns);
    const double width = columns[1].width;
    int row = kFirstDataRow;

    // How this workbook's own numbers are built (report conventions, translated).
    const std::string reading = ctx.text("section.reading");
    for (std::string_view key : {"method.formulas", "method.units", "method.flow_share", "method.traceability",
                                 "method.mass_balance", "method.compliance", "method.checklist", "method.map",
                                 "method.honesty"}) {
        const std::string& line = ctx.text(key);
        sheet.rowHeight(row, wrappedHeight(line, width));
        sheet.text(row, 0, reading, f.label);
        sheet.text(row, 1, line, f.wrap);
        ++row;
    }

    const bool fromDocs = kMethodologyMarkdown && std::strlen(kMethodologyMarkdown) > 0;
    const std::string source = ctx.text(fromDocs ? "note.methodology_source" : "note.methodology_builtin");
    sheet.rowHeight(row, wrappedHeight(source, width));
    sheet.text(row, 0, reading, f.label);
    sheet.text(row++, 1, source, f.note);

    for (const TextRow& r : markdownRows(fromDocs ? kMethodologyMarkdown : kBuiltInMethodology)) {
        sheet.rowHeight(row, r.kind == TextRow::Kind::Heading ? 20 : wrappedHeight(r.text, width));
        sheet.text(row, 0, r.section, f.label);
        sheet.text(row, 1, r.text, r.kind == TextRow::Kind::Heading ? f.section : f.wrap);
        ++row;
    }
    finishTable(sheet, kHeaderRow, row - 1, 2);
}

}  // namespace traza::reports
