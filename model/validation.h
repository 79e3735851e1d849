#pragma once
// The rules every entry path (JSON, CSV, GUI property grid, commands) shares.
// Functions return all problems found; `throwIfInvalid` turns the first into
// InvalidInput so "an import with any error imports nothing".
#include <string>
#include <string_view>
#include <vector>

#include "project.h"

namespace traza::model {

/// Largest magnitude of the amounts that get summed: flow tonnes (documented
/// tonnes are at most tonnes), actors' capacity, stock change and losses,
/// prices and support costs. Not a plausibility check: it keeps every sum
/// finite, since a file holds at most about ten million records and
/// 1e7 * 1e300 is far below the largest double (1.8e308), so the analysis
/// never meets an infinity.
constexpr double kMaxAmount = 1e300;

struct ValidationIssue {
    std::string path;    ///< JSON-style path, e.g. "flows[3].documented_t"
    std::string reason;  ///< plain words, e.g. "must not exceed tonnes (12.5)"
};

/// True for an ISO date "YYYY-MM-DD" that exists on the calendar (leap years
/// included): every date field is checked with it, so 2025-02-30 is refused
/// whether it comes from a file, an import or an editor.
bool isCalendarDate(std::string_view);

/// Field checks of one actor, reported under `path` ("actors[3]").
std::vector<ValidationIssue> validateActor(const Actor&, const std::string& path, const Catalogue* = nullptr);
/// Field checks of one flow (not whether its ends exist).
std::vector<ValidationIssue> validateFlow(const Flow&, const std::string& path, const Catalogue* = nullptr);
/// Everything: fields, unique ids, references between records.
std::vector<ValidationIssue> validateProject(const Project&);

/// Throws InvalidInput(path, reason) for the first issue; does nothing if empty.
void throwIfInvalid(const std::vector<ValidationIssue>&);

/// A human-readable list of allowed values, e.g. "one of: cash, credit, unknown".
std::string allowedValues(const std::vector<std::string_view>&);

}  // namespace traza::model
