#pragma once
// --anonymise and --regions, shared by the commands that write something a
// user may hand to someone outside the team (export, report, analyze).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "project.h"

namespace traza::cli {

struct AnonymiseFlags {
    bool anonymise = false;
    std::string regions = "country";
};

void addAnonymiseFlags(CLI::App& cmd, AnonymiseFlags& flags);

/// `project` itself when --anonymise is off, else its anonymised copy (pseudonyms
/// in `language`); `actorIds` (a report's destinations) are mapped to the
/// copy's ids, and an id the project does not have is refused by name.
model::Project applyAnonymiseFlags(model::Project project, const AnonymiseFlags& flags, const std::string& language,
                                   std::vector<std::string>* actorIds = nullptr);

}  // namespace traza::cli
