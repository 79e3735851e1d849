#include "due_diligence_status.h"

#include "enum_table.h"

namespace traza::model {
namespace {

constexpr enum_table::Table<DueDiligenceStatus, 3> kNames{
    {{DueDiligenceStatus::None, "none"},
     {DueDiligenceStatus::SelfAssessed, "self_assessed"},
     {DueDiligenceStatus::ThirdPartyAudited, "third_party_audited"}}};

}  // namespace

std::string_view toString(DueDiligenceStatus v) { return enum_table::nameOf(kNames, v); }

std::optional<DueDiligenceStatus> parseDueDiligenceStatus(std::string_view s) { return enum_table::parse(kNames, s); }

std::vector<std::string_view> dueDiligenceStatusNames() { return enum_table::namesOf(kNames); }

}  // namespace traza::model
