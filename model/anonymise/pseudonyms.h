#pragma once
// The pseudonyms of anonymised sharing: a name and an id per actor, numbered
// within its kind by stage and then by the order of the chain, so the same
// project always gives the same pseudonyms (and a reader can compare two shared
// copies of one chain).
#include <string>
#include <vector>

#include "actor.h"

namespace traza::model {

struct Pseudonym {
    std::string id;    ///< e.g. "org-3"
    std::string name;  ///< e.g. "Organisation 3" / "Organización 3"
};

/// One pseudonym per actor, in the order of `actors`.
std::vector<Pseudonym> pseudonymsFor(const std::vector<Actor>& actors, const std::string& language);

}  // namespace traza::model
