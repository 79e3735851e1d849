// Red flags: every rule that fired, most severe first, with the actor or flow
// it is about and the sentence that says why. The national layout leaves out
// the rule's name and category and the actor's name (the Legend and Actors
// sheets have them): severity, rule id, actor id, flow id and the sentence.
#include <algorithm>
#include <cmath>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

int severityRank(const std::string& severity) {
    static const char* order[] = {"critical", "high", "medium", "low"};
    for (int i = 0; i < 4; ++i)
        if (severity == order[i]) return i;
    return 4;
}

void writeRedFlagsSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const bool national = ctx.national();
    std::vector<Column> columns =
        national ? std::vector<Column>{{"col.severity", 10}, {"col.rule_id", 26}, {"col.actor", 16}, {"col.flow", 10},
                                       {"col.why", 100}}
                 : std::vector<Column>{
                       // Narrow enough (about 170 units) to print one page wide at a readable size.
                       {"col.severity", 10}, {"col.rule", 24},        {"col.rule_id", 20}, {"col.category", 12},
                       {"col.actor", 12},    {"col.actor_name", 20}, {"col.flow", 8},     {"col.why", 64},
                   };
    // Issue 16: the finding that answers each flag, only for a project with a findings register.
    const bool withFindings = !ctx.project.findings.empty();
    if (withFindings) columns.push_back({"col.finding", 10});
    Sheet sheet = beginTableSheet(ctx, ctx.sheets.redFlags, "title.red_flags", columns);
    sheet.setSparse(national);

    std::vector<const risk::RedFlag*> flags;
    for (const risk::RedFlag& rf : ctx.analysis.redFlags) flags.push_back(&rf);
    std::stable_sort(flags.begin(), flags.end(),
                     [](const auto* a, const auto* b) { return severityRank(a->severity) < severityRank(b->severity); });

    int row = kFirstDataRow;
    for (const risk::RedFlag* rf : flags) {
        const model::RedFlagRule* rule = ctx.project.catalogue.redFlagRule(rf->rule);
        // A flag raised again after its finding was closed says so in its sentence.
        const std::string detail = rf->recurrence.empty() ? rf->detail.text() : rf->detail.text() + " " + rf->recurrence;
        int c = 0;
        if (national) {
            auto meaning = [&] {
                const std::string name = ruleName(ctx, rf->rule);
                return rule && !rule->category.empty()
                           ? ctx.text.format("legend.rule", {name, rule->category})
                           : name;
            };
            sheet.text(row, c++, ctx.text.level(rf->severity));
            sheet.text(row, c++, ctx.legend->id(Legend::Group::Rule, rf->rule, meaning));
            sheet.text(row, c++, rf->actor);
            sheet.text(row, c++, rf->flow);
            sheet.text(row, c++, detail);
            if (withFindings) sheet.text(row, c++, rf->finding);
            ++row;
            ctx.progress.advance();
            continue;
        }
        const std::string actorName = rf->actor.empty() ? std::string() : ctx.actorName(rf->actor);
        // Ids have no spaces to wrap at: count them as wrapping every column width.
        sheet.rowHeight(row, std::max({wrappedHeight(detail, columns[7].width),
                                       wrappedHeight(ruleName(ctx, rf->rule), columns[1].width),
                                       15.0 * std::ceil(rf->rule.size() / (columns[2].width * 1.1)),
                                       wrappedHeight(actorName, columns[5].width)}));
        sheet.text(row, c++, ctx.text.level(rf->severity));
        sheet.text(row, c++, ruleName(ctx, rf->rule), f.wrap);
        sheet.text(row, c++, rf->rule, f.wrap);
        sheet.text(row, c++, rule ? rule->category : std::string());
        sheet.text(row, c++, rf->actor);
        sheet.text(row, c++, actorName, f.wrap);
        sheet.text(row, c++, rf->flow);
        sheet.text(row, c++, detail, f.wrap);
        if (withFindings) sheet.text(row, c++, rf->finding);
        ++row;
        ctx.progress.advance();
    }
    const int lastRow = row - 1;
    colourLevels(ctx, sheet, kFirstDataRow, 0, lastRow);
    finishTable(sheet, kHeaderRow, lastRow, static_cast<int>(columns.size()));
    if (flags.empty()) sheet.text(row, 0, ctx.text("note.no_red_flags"), f.note);
}

}  // namespace traza::reports
