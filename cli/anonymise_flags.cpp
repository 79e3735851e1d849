#include "anonymise_flags.h"

#include "anonymise.h"
#include "error.h"

namespace traza::cli {

void addAnonymiseFlags(CLI::App& cmd, AnonymiseFlags& flags) {
    cmd.add_flag("--anonymise", flags.anonymise,
                 "Share without identities: actors become pseudonyms (\"Organisation 1\", numbered by stage and "
                 "order), notes, document numbers, owners and actions are removed, figures are kept");
    cmd.add_option("--regions", flags.regions,
                   "With --anonymise, how much of the regions to keep: full, top (first part), country (the "
                   "default: no region) or none (no country either)")
        ->check(CLI::IsMember({"full", "top", "country", "none"}));
}

model::Project applyAnonymiseFlags(model::Project project, const AnonymiseFlags& flags, const std::string& language,
                                   std::vector<std::string>* actorIds) {
    if (!flags.anonymise) return project;
    model::AnonymiseOptions options;
    options.regions = *model::parseRegionLevel(flags.regions);
    options.language = language;
    model::AnonymisedProject shared = model::anonymise(project, options);
    if (actorIds) {
        for (std::string& id : *actorIds) {
            auto it = shared.actorIds.find(id);
            if (it == shared.actorIds.end()) throw InvalidInput("--destination", "no actor with id \"" + id + "\"");
            id = it->second;
        }
    }
    return std::move(shared.project);
}

}  // namespace traza::cli
