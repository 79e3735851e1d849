#include "due_diligence_status.h"

#include <array>
#include <utility>

namespace traza::model {
namespace {

constexpr std::array<std::pair<DueDiligenceStatus, std::string_view>, 3> kNames{
    {{DueDiligenceStatus::None, "none"},
     {DueDiligenceStatus::SelfAssessed, "self_assessed"},
     {DueDiligenceStatus::ThirdPartyAudited, "third_party_audited"}}};

}  // namespace

std::string_view toString(DueDiligenceStatus v) {
    for (const auto& [value, name] : kNames)
        if (value == v) return name;
    return "?";
}

std::optional<DueDiligenceStatus> parseDueDiligenceStatus(std::string_view s) {
    for (const auto& [value, name] : kNames)
        if (name == s) return value;
    return std::nullopt;
}

std::vector<std::string_view> dueDiligenceStatusNames() {
    std::vector<std::string_view> out;
    for (const auto& entry : kNames) out.push_back(entry.second);
    return out;
}

}  // namespace traza::model
