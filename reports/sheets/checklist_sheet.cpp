// Checklist: completion by step for the assessment and for each assessed
// supplier (COUNTIFS formulas over the item list: done / applicable), one
// matrix per checklist template in use (the OECD six steps, the Minerals
// Guidance's five, a project's own: issue #18), then every item with its
// status, evidence, documents, owner, due date, template, reference and the
// source of its answer (empty: typed in the workbench; else which questionnaire).
#include <algorithm>
#include <cstdlib>

#include "sheet_table.h"
#include "sheets.h"

namespace traza::reports {

namespace {

int stepOf(const model::ChecklistTemplate* tmpl, const model::ChecklistItem& item) {
    if (const model::ChecklistItemTemplate* t = tmpl ? tmpl->item(item.id) : nullptr) return t->step;
    return std::atoi(item.id.c_str());  // "2.3" -> 2
}

struct Counts {
    int done = 0, applicable = 0;
};  // of one scope and step

// The checklists that follow one template, in sheet order.
struct TemplateGroup {
    std::string id;
    const model::ChecklistTemplate* tmpl = nullptr;
    std::vector<const model::Checklist*> lists;
};

std::string templateIdOf(const model::Checklist& c) {
    return c.templateId.empty() ? std::string(model::kDefaultChecklistTemplate) : c.templateId;
}

std::vector<TemplateGroup> groupByTemplate(const model::Project& p, const std::vector<const model::Checklist*>& lists) {
    std::vector<TemplateGroup> groups;
    for (const model::Checklist* c : lists) {
        const std::string id = templateIdOf(*c);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const TemplateGroup& x) { return x.id == id; });
        if (g == groups.end()) {
            groups.push_back({id, p.catalogue.checklistTemplate(id), {}});
            g = groups.end() - 1;
        }
        g->lists.push_back(c);
    }
    if (groups.empty()) groups.push_back({model::kDefaultChecklistTemplate, p.catalogue.checklistTemplate({}), {}});
    return groups;
}

}  // namespace

void writeChecklistSheet(ReportContext& ctx) {
    const Formats& f = ctx.fmt;
    const model::Project& p = ctx.project;

    // Assessment first, then suppliers in project order.
    std::vector<const model::Checklist*> lists;
    for (const model::Checklist& c : p.checklists)
        if (c.isAssessment()) lists.push_back(&c);
    for (const model::Checklist& c : p.checklists)
        if (!c.isAssessment()) lists.push_back(&c);
    std::size_t itemCount = 0;
    for (const auto* c : lists) itemCount += c->items.size();

    const std::vector<TemplateGroup> groups = groupByTemplate(p, lists);

    // Columns 2.. also hold the matrix's step columns, hence the short fields first.
    const std::vector<Column> items = {
        // 250 units in all: one landscape page across (Sheet::printSetup); the texts wrap.
        {"col.scope", 16},       {"col.name", 20},   {"col.step", 13, f.integer}, {"col.item_id", 13},
        {"col.status", 14},      {"col.on_the_ground", 13}, {"col.owner", 12}, {"col.due", 13},
        {"col.item", 36},        {"col.evidence", 40}, {"col.documents", 18}, {"col.template", 12},
        {"col.reference", 14},   {"col.source", 16},
    };
    Sheet sheet = ctx.book.addSheet(ctx.sheets.checklist, ctx.fmt.text);
    for (int c = 0; c < static_cast<int>(items.size()); ++c) sheet.columnWidth(c, c, items[c].width);

    // Per template: a row naming it, the step header, one row per checklist, a blank row.
    const int matrixTop = 2;
    int itemsHeader = matrixTop + 1;
    for (const TemplateGroup& g : groups) itemsHeader += 2 + static_cast<int>(g.lists.size()) + 1;
    const int itemsFirst = itemsHeader + 1;
    const int itemsLast = itemsFirst + static_cast<int>(itemCount) - 1;
    const std::string doneText = ctx.text.status("done"), naText = ctx.text.status("not_applicable");

    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text("title.checklist"), f.title);
    sheet.text(1, 0, ctx.text("section.completion"), f.section);

    auto range = [&](int col) { return rangeName(itemsFirst, col, itemsLast, col, true); };
    const int statusCol = columnOf(items, "col.status");
    const std::string scopeR = range(0), stepR = range(columnOf(items, "col.step")), statusR = range(statusCol);
    int row = matrixTop;
    for (const TemplateGroup& g : groups) {
        std::vector<int> steps;
        if (g.tmpl)
            for (const model::ChecklistStep& s : g.tmpl->steps) steps.push_back(s.step);
        if (steps.empty()) steps = {1, 2, 3, 4, 5, 6};
        const int stepCount = static_cast<int>(steps.size());
        sheet.text(row++, 0, ctx.text("col.template") + ": " + (g.tmpl ? g.tmpl->name.in(ctx.lang()) + " (" + g.id + ")" : g.id), f.label);

        // Completion matrix. Columns: scope, name, one per step, all steps.
        const int matrixHeader = row++;
        const int matrixFirst = row;
        std::vector<std::string> headers = {ctx.text("col.scope"), ctx.text("col.name")};
        double headerHeight = 15;
        for (int i = 0; i < stepCount; ++i) {
            std::string h = std::to_string(steps[i]);
            if (const model::ChecklistStep* st = g.tmpl ? g.tmpl->step(steps[i]) : nullptr) h += ". " + st->name.in(ctx.lang());
            headerHeight = std::max(headerHeight, wrappedHeight(h, 0.85 * items[std::min<std::size_t>(2 + i, items.size() - 1)].width));
            headers.push_back(h);
        }
        headers.push_back(ctx.text("col.all_steps"));
        sheet.rowHeight(matrixHeader, std::min(headerHeight, 90.0));
        for (int c = 0; c < static_cast<int>(headers.size()); ++c)
            sheet.text(matrixHeader, c, headers[c], f.header);

        for (const model::Checklist* list : g.lists) {
            const std::string name = list->isAssessment() ? ctx.text("common.assessment") : ctx.actorName(list->scope);
            sheet.text(row, 0, list->scope);
            sheet.text(row, 1, name);
            for (int i = 0; i <= stepCount; ++i) {
                const bool total = i == stepCount;
                Counts n;
                for (const model::ChecklistItem& it : list->items) {
                    if (!total && stepOf(g.tmpl, it) != steps[i]) continue;
                    if (it.status == model::ItemStatus::NotApplicable) continue;
                    ++n.applicable;
                    if (it.status == model::ItemStatus::Done) ++n.done;
                }
                if (itemCount == 0) continue;
                std::string where = scopeR + "," + exactCriterion(list->scope);
                if (!total) where += "," + stepR + "," + std::to_string(steps[i]);
                const std::string applicable = "(COUNTIFS(" + where + ")-COUNTIFS(" + where + "," + statusR + "," +
                                               exactCriterion(naText) + "))";
                const std::string formula = "=IF(" + applicable + "=0,\"\",COUNTIFS(" + where + "," + statusR + "," +
                                            exactCriterion(doneText) + ")/" + applicable + ")";
                if (n.applicable == 0)
                    sheet.formulaText(row, 2 + i, formula, "", f.share);
                else
                    sheet.formula(row, 2 + i, formula, double(n.done) / n.applicable, f.share);
            }
            ++row;
        }
        if (row > matrixFirst) colourCompliance(ctx, sheet, matrixFirst, 2, row - 1, 2 + stepCount);
        ++row;  // blank
    }
    const int firstMatrixFirst = matrixTop + 2;

    // The items.
    sheet.text(itemsHeader - 1, 0, ctx.text("section.items"), f.section);
    writeHeaderRow(ctx, sheet, itemsHeader, items);
    row = itemsFirst;
    for (const model::Checklist* list : lists) {
        const std::string name = list->isAssessment() ? ctx.text("common.assessment") : ctx.actorName(list->scope);
        const model::ChecklistTemplate* tmpl = p.catalogue.checklistTemplate(list->templateId);
        for (const model::ChecklistItem& it : list->items) {
            const model::ChecklistItemTemplate* t = tmpl ? tmpl->item(it.id) : nullptr;
            const std::string itemName = t ? t->name.in(ctx.lang()) : std::string();
            const std::string documents = join(it.documents);
            sheet.rowHeight(row, std::max({wrappedHeight(itemName, items[8].width),
                                           wrappedHeight(it.evidence, items[9].width),
                                           wrappedHeight(documents, items[10].width)}));
            int c = 0;
            sheet.text(row, c++, list->scope);
            sheet.text(row, c++, name);
            sheet.number(row, c++, stepOf(tmpl, it), f.integer);
            sheet.text(row, c++, it.id);
            sheet.text(row, c++, ctx.text.status(model::toString(it.status)));
            sheet.text(row, c++, t && t->onTheGround ? ctx.text("common.yes") : std::string(), f.center);
            sheet.text(row, c++, it.owner);
            sheet.text(row, c++, it.due);
            sheet.text(row, c++, itemName, f.wrap);
            sheet.text(row, c++, it.evidence, f.wrap);
            sheet.text(row, c++, documents, f.wrap);
            sheet.text(row, c++, templateIdOf(*list), f.wrap);
            sheet.text(row, c++, t ? t->reference : std::string(), f.wrap);
            // No source: the answer was typed in the workbench (an item with no answer yet has none).
            const bool answered = it.status != model::ItemStatus::NotStarted || !it.evidence.empty() || !it.documents.empty();
            sheet.text(row, c++, !it.source.empty() ? it.source : answered ? ctx.text("value.typed_in_workbench") : std::string(), f.wrap);
            ++row;
            ctx.progress.advance();
        }
    }
    const int lastRow = row - 1;
    const std::pair<const char*, lxw_format*> statusFills[] = {
        {"done", f.fillGood}, {"in_progress", f.fillMedium}, {"not_started", f.fillCritical}};
    for (const auto& [status, format] : statusFills) {
        const std::string quoted = formulaString(ctx.text.status(status));
        lxw_conditional_format cf{};
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        cf.value_string = const_cast<char*>(quoted.c_str());
        cf.format = format;
        sheet.conditional(itemsFirst, statusCol, lastRow, statusCol, cf);
    }

    // Keep the matrix in view while scrolling the items, unless it is too tall for a screen.
    sheet.freeze(itemsFirst <= 20 ? itemsFirst : firstMatrixFirst, 0);
    sheet.autofilter(itemsHeader, 0, lastRow, static_cast<int>(items.size()) - 1);
    sheet.printSetup(itemsHeader, itemsHeader, 2);
}

}  // namespace traza::reports
