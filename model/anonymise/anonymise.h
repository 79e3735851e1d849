#pragma once
// Anonymised sharing (issue #22): a copy of a project that can leave the team.
// Upstream identities become stable pseudonyms ("Organisation 1..n", numbered
// by stage and then by the order of the chain, as the CARE report named its
// organisations), regions are generalised to the level the user picks, and
// every free text that may name a person or a firm (notes, document numbers and
// references, owners, corrective actions, certification numbers, the sources of
// answers) is removed. Figures, evidence levels, document types, typologies,
// risk factors and statuses stay, so the analysis of the copy is the analysis of
// the original under other names.
#include <map>
#include <string>

#include "project.h"

namespace traza::model {

enum class RegionLevel {
    Full,     ///< regions as entered
    Top,      ///< the first part of "Atlántico / Barranquilla / Sur" (parts split at / > , ;)
    Country,  ///< no region, the country kept (the default)
    None,     ///< neither region nor country
};

/// "full", "top", "country", "none"; nullopt for anything else.
std::optional<RegionLevel> parseRegionLevel(std::string_view);

struct AnonymiseOptions {
    RegionLevel regions = RegionLevel::Country;
    std::string language = "en";  ///< of the pseudonyms: "en" or "es"
};

struct AnonymisedProject {
    Project project;
    /// Original actor id -> pseudonym id, so a front end can still take the
    /// user's own ids (a report's --destination) and point at the copy's.
    std::map<std::string, std::string> actorIds;
};

AnonymisedProject anonymise(const Project&, const AnonymiseOptions&);

}  // namespace traza::model
