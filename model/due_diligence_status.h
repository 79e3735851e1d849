#pragma once
// How far an actor's own due diligence goes (issue 16: the refiner's own
// status belongs in the report an auditor signs).
#include <optional>
#include <string_view>
#include <vector>

namespace traza::model {

/// none: nothing known or nothing done; self_assessed: the actor's own
/// assessment; third_party_audited: audited against a standard by a third party.
enum class DueDiligenceStatus { None, SelfAssessed, ThirdPartyAudited };

std::string_view toString(DueDiligenceStatus);
std::optional<DueDiligenceStatus> parseDueDiligenceStatus(std::string_view);
std::vector<std::string_view> dueDiligenceStatusNames();

}  // namespace traza::model
