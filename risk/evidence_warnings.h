#pragma once
// Warnings when a flow's evidence level disagrees with the rest of its record:
// its documents typically support a higher level than the one given (the
// catalogue's typical_evidence of each document type), or its notes say the
// tonnes are assumed, which is evidence "none" whatever level is given.
// The flows are valid input; the user is told, the figures are not changed.
#include <string>
#include <vector>

#include "project.h"

namespace traza::risk {

/// At most kMaxListed flows are named per kind of warning; the rest are counted.
constexpr std::size_t kMaxEvidenceWarnings = 10;

std::vector<std::string> evidenceWarnings(const model::Project&, const std::string& language);

}  // namespace traza::risk
