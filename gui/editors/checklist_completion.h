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
    int done = 0;
    int applicable = 0;
    int total = 0;
    /// 0..1; 1 when nothing is applicable (nothing left to do).
    double fraction() const { return applicable > 0 ? static_cast<double>(done) / applicable : 1.0; }
};

struct ChecklistCompletion {
    std::vector<StepCompletion> steps;  ///< in step order, one per template step
    StepCompletion overall;             ///< step 0: the sums
};

/// Completion of the checklist of `scope` ("assessment" or an actor id).
ChecklistCompletion checklistCompletion(const model::Project&, const std::string& scope);

/// The item `id` of the checklist of `scope`, or a not-started item with that id.
model::ChecklistItem checklistItemOf(const model::Project&, const std::string& scope, const std::string& id);

/// "a.pdf; invoice 12" <-> {"a.pdf", "invoice 12"}: document references are
/// separated by semicolons (file names and numbers may hold commas), trimmed,
/// empty parts dropped.
std::vector<std::string> splitDocuments(const std::string&);
std::string joinDocuments(const std::vector<std::string>&);

}  // namespace traza::gui
