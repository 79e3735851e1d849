#pragma once
// Today's date for what a command records (questionnaire dates, answer sources).
#include <string>

namespace traza::cli {

/// "YYYY-MM-DD" in local time; TRAZA_TODAY (an ISO date) replaces it, so tests
/// get reproducible output.
std::string todayIso();

}  // namespace traza::cli
