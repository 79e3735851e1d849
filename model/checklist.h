#pragma once
// OECD six-step checklists: one for the assessment, one per assessed supplier.
#include <string>
#include <vector>

#include "enums.h"

namespace traza::model {

struct ChecklistItem {
    std::string id;  ///< template item id, e.g. "2.3"
    ItemStatus status = ItemStatus::NotStarted;
    std::string evidence;                ///< what shows the item is done
    std::vector<std::string> documents;  ///< document references (file names, numbers)
    std::string owner;
    std::string due;  ///< ISO date or empty
    /// Where the answer came from (issue #18): empty = typed in the workbench,
    /// else e.g. "questionnaire q.xlsx 2026-12-03".
    std::string source;
    bool operator==(const ChecklistItem&) const = default;
};

/// The assessment-level checklist has scope "assessment"; a supplier's has the actor id.
struct Checklist {
    static constexpr const char* kAssessmentScope = "assessment";
    std::string scope;
    std::vector<ChecklistItem> items;
    bool isAssessment() const { return scope == kAssessmentScope; }
    bool operator==(const Checklist&) const = default;
};

}  // namespace traza::model
