#pragma once
// Reads a supplier's returned questionnaire (questionnaire_layout.h) against
// the project it was made from and says what would change, item by item and
// flow by flow. A returned workbook is untrusted input: everything is checked
// before anything is reported, and the first problem is thrown as InvalidInput
// naming the cell ("q.xlsx: Checklist!C7: "Maybe" is not a status").
#include <filesystem>
#include <string>
#include <vector>

#include "project.h"
#include "questionnaire_layout.h"
#include "spreadsheet/sheet_table.h"

namespace traza::model::questionnaire {

struct ItemChange {
    std::string scope;  ///< the supplier id (the checklist's scope)
    ChecklistItem before, after;
};

struct FlowChange {
    Flow before, after;
};

struct Answers {
    Identity identity;
    std::string source;  ///< what changed items record: "questionnaire q.xlsx 2026-12-03"
    std::vector<ItemChange> items;  ///< only the items that change
    std::vector<FlowChange> flows;  ///< only the flows that change
    bool empty() const { return items.empty() && flows.empty(); }
};

/// The changes `book` (a returned questionnaire, as readSpreadsheet gives it)
/// makes to `project`. `fileName` goes into the source note with `today` (ISO
/// date). When `supplier` is not empty, a questionnaire for another supplier is
/// refused. Throws InvalidInput naming the cell for: a workbook that is not a
/// Traza questionnaire or is of a newer version, one made for another project
/// or supplier, edited identification or locked cells (ids, from, to; rows
/// added or removed), and impossible values (a status or evidence level not
/// known in English or Spanish, negative or missing tonnes, documented tonnes
/// above the tonnes, a due date that is no calendar date, an unknown document
/// type). Changes nothing.
Answers readAnswers(const Project& project, const Workbook& book, const std::string& fileName, const std::string& today,
                    const std::string& supplier = {});

}  // namespace traza::model::questionnaire
