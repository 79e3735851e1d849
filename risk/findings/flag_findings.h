#pragma once
// Red flags and the findings register: a flag is answered by the finding
// with its rule and its subject (the flag's flow, else its actor), and a flag
// raised again after that finding was closed says so.
#include <string>
#include <vector>

#include "analysis.h"
#include "findings/finding.h"

namespace traza::risk {

/// The subject a finding names for this flag: its flow if it has one, else its actor.
const std::string& flagSubject(const RedFlag&);

/// Sets RedFlag::finding (and RedFlag::recurrence) for every flag that a
/// finding of `findings` answers. Of several findings for one flag, an open or
/// in-progress one wins (the first in the register); if all are closed, the
/// one closed last, and the flag recurs. `language` "es" gives Spanish.
void linkFlagsToFindings(std::vector<RedFlag>& flags, const std::vector<model::Finding>& findings,
                         const std::string& language);

}  // namespace traza::risk
