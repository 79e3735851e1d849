#pragma once
// Today's date for what is recorded (questionnaire dates, answer sources), the CLI and the window alike.
#include <string>

namespace traza::model {

/// "YYYY-MM-DD" in local time; TRAZA_TODAY (an ISO date) replaces it, so tests
/// get reproducible output.
std::string todayIso();

}  // namespace traza::model
