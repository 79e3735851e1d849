// Audit trail (issue #22): for a project read from a team's server, who changed
// what and when, newest first, as the server's trigger recorded it. Written
// only when the report is given the trail (ReportOptions::audit).
#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

void writeAuditSheet(ReportContext& ctx) {
    if (!ctx.audit || ctx.audit->empty()) return;
    const Formats& f = ctx.fmt;
    Sheet sheet = ctx.book.addSheet(ctx.sheets.audit, f.text);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.audit"), f.title);
    int row = kFirstDataRow;
    sheet.text(row++, 0, ctx.text.format("note.audit_source", {ctx.auditSource}), f.note);
    const std::vector<Column> cols = {{"col.audit_at", 22}, {"col.audit_user", 18}, {"col.audit_label", 34},
                                      {"col.audit_action", 10}, {"col.audit_object", 40}};
    const int header = row++;
    writeHeaderRow(ctx, sheet, header, cols);
    for (const AuditLine& line : *ctx.audit) {
        sheet.text(row, 0, line.at);
        sheet.text(row, 1, line.user);
        sheet.text(row, 2, line.label);
        sheet.text(row, 3, line.action);
        sheet.text(row, 4, line.object);
        ++row;
    }
    finishTable(sheet, header, row - 1, static_cast<int>(cols.size()));
}

}  // namespace traza::reports
