#include "finding.h"

#include <cstdlib>
#include <utility>

#include "enum_table.h"

namespace traza::model {
namespace {

using enum_table::Table;
using enum_table::nameOf;
using enum_table::parse;
using enum_table::namesOf;

constexpr Table<FindingSource, 3> kSources{{{FindingSource::RedFlag, "red_flag"},
                                            {FindingSource::ChecklistItem, "checklist_item"},
                                            {FindingSource::User, "user"}}};
constexpr Table<FindingResponse, 3> kResponses{{{FindingResponse::MitigateWhileTrading, "mitigate_while_trading"},
                                                {FindingResponse::Suspend, "suspend"},
                                                {FindingResponse::Disengage, "disengage"}}};
constexpr Table<FindingStatus, 3> kStatuses{{{FindingStatus::Open, "open"},
                                             {FindingStatus::InProgress, "in_progress"},
                                             {FindingStatus::Closed, "closed"}}};

}  // namespace

bool Finding::isOverdue(const std::string& referenceDate) const {
    return status != FindingStatus::Closed && !due.empty() && due < referenceDate;
}

std::string_view toString(FindingSource v) { return nameOf(kSources, v); }
std::string_view toString(FindingResponse v) { return nameOf(kResponses, v); }
std::string_view toString(FindingStatus v) { return nameOf(kStatuses, v); }
std::optional<FindingSource> parseFindingSource(std::string_view s) { return parse(kSources, s); }
std::optional<FindingResponse> parseFindingResponse(std::string_view s) { return parse(kResponses, s); }
std::optional<FindingStatus> parseFindingStatus(std::string_view s) { return parse(kStatuses, s); }
std::vector<std::string_view> findingSourceNames() { return namesOf(kSources); }
std::vector<std::string_view> findingResponseNames() { return namesOf(kResponses); }
std::vector<std::string_view> findingStatusNames() { return namesOf(kStatuses); }
std::vector<std::string_view> findingSeverityNames() { return {"low", "medium", "high", "critical"}; }

const Finding* findFinding(const std::vector<Finding>& findings, const std::string& id) {
    for (const Finding& f : findings)
        if (f.id == id) return &f;
    return nullptr;
}

std::string unusedFindingId(const std::vector<Finding>& findings) {
    long highest = 0;
    for (const Finding& f : findings) {
        if (f.id.size() < 2 || f.id[0] != 'F') continue;
        char* end = nullptr;
        const long n = std::strtol(f.id.c_str() + 1, &end, 10);
        if (*end == '\0' && n > highest && n < 1000000000) highest = n;
    }
    return "F" + std::to_string(highest + 1);
}

}  // namespace traza::model
