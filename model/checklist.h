#pragma once
// Due-diligence checklists: one for the assessment, one per assessed supplier,
// each following a checklist template of the catalogue (the OECD six steps by default).
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
    /// The catalogue checklist template the items come from; empty means the
    /// default ("oecd_rbc"), so files from before templates mean what they meant.
    /// (Last, so that {scope, items} initialisers keep working.)
    std::string templateId;
    bool isAssessment() const { return scope == kAssessmentScope; }
    bool operator==(const Checklist&) const = default;
};

}  // namespace traza::model
