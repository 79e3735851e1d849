#pragma once
// How far a checklist is: per step and overall, counted over the checklist
// template it follows (items missing from the checklist count as not started). No wx: the checklist editor shows it, tests check it directly.
#include <string>
#include <vector>

#include "project.h"

namespace traza::gui {

/// `done` of `applicable` items (template items not marked not applicable);
/// `total` counts every template item of the step.
struct StepCompletion {
    int step = 0;
    /// Whether the step is the scope's: the template marks steps "supplier" or
    /// "assessment"; a step with no scope applies to both.
    bool applies = true;
    int done = 0;
    int applicable = 0;
    int total = 0;
    /// 0..1; 1 when nothing is applicable (nothing left to do).
    double fraction() const { return applicable > 0 ? static_cast<double>(done) / applicable : 1.0; }
};

struct ChecklistCompletion {
    std::vector<StepCompletion> steps;  ///< in step order, one per template step
    /// Step 0: the sums over the steps that apply to the scope, the figure the
    /// Outline and the checklist pane both show ("3 of 10 done").
    StepCompletion overall;
};

/// Completion of the checklist of `scope` ("assessment" or an actor id).
ChecklistCompletion checklistCompletion(const model::Project&, const std::string& scope);
/// The same for a checklist already found (the Outline counts hundreds).
ChecklistCompletion checklistCompletion(const model::Project&, const model::Checklist&);

/// The item `id` of the checklist of `scope`, or a not-started item with that id.
model::ChecklistItem checklistItemOf(const model::Project&, const std::string& scope, const std::string& id);

/// "a.pdf; invoice 12" <-> {"a.pdf", "invoice 12"}: document references are
/// separated by semicolons (file names and numbers may hold commas), trimmed,
/// empty parts dropped.
std::vector<std::string> splitDocuments(const std::string&);
std::string joinDocuments(const std::vector<std::string>&);

}  // namespace traza::gui
