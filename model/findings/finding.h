#pragma once
// A finding of the due diligence (OECD steps 3 and 4): something found about
// an actor or a flow, the response chosen and the corrective action that
// answers it, until the evidence that closed it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

/// Where a finding came from: a red flag of the analysis (rule + subject), an
/// item of a checklist, or the user's own observation.
enum class FindingSource { RedFlag, ChecklistItem, User };
/// The OECD responses to a risk found: keep trading while it is mitigated,
/// suspend trade, or disengage.
enum class FindingResponse { MitigateWhileTrading, Suspend, Disengage };
enum class FindingStatus { Open, InProgress, Closed };

struct Finding {
    std::string id;  ///< unique among findings, e.g. "F3"
    FindingSource source = FindingSource::User;
    std::string rule;     ///< red-flag rule id (source red_flag), else empty
    std::string item;     ///< checklist item id, e.g. "2.3" (source checklist_item), else empty
    std::string subject;  ///< id of an actor or a flow; empty = the assessment as a whole
    std::string severity;  ///< low, medium, high, critical (the red-flag scale)
    std::string owner;
    FindingResponse response = FindingResponse::MitigateWhileTrading;
    std::string action;  ///< corrective action, free text
    std::string due;     ///< ISO date or empty
    FindingStatus status = FindingStatus::Open;
    std::string evidence;  ///< what closed it (free text)
    std::string closedOn;  ///< ISO date; set exactly when status is closed
    std::string notes;
    bool operator==(const Finding&) const = default;

    bool isClosed() const { return status == FindingStatus::Closed; }
    /// Open or in progress, with a due date before `referenceDate` (ISO dates
    /// compare as text). False without a due date.
    bool isOverdue(const std::string& referenceDate) const;
};

std::string_view toString(FindingSource);
std::string_view toString(FindingResponse);
std::string_view toString(FindingStatus);
std::optional<FindingSource> parseFindingSource(std::string_view);
std::optional<FindingResponse> parseFindingResponse(std::string_view);
std::optional<FindingStatus> parseFindingStatus(std::string_view);
std::vector<std::string_view> findingSourceNames();
std::vector<std::string_view> findingResponseNames();
std::vector<std::string_view> findingStatusNames();
/// The severities a finding may carry (the red-flag scale, lowest first).
std::vector<std::string_view> findingSeverityNames();

/// The first finding in `findings` with this id, or nullptr.
const Finding* findFinding(const std::vector<Finding>& findings, const std::string& id);
/// "F<n>" with the smallest n above every "F<number>" id in use.
std::string unusedFindingId(const std::vector<Finding>& findings);

}  // namespace traza::model
