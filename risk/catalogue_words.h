#pragma once
// The words a generated sentence uses for a catalogue code: the evidence level's
// or actor kind's name from the project's catalogue, in the sentence's language,
// so a Spanish sentence never shows an English code such as self_declared.
#include <string>

#include "project.h"
#include "text.h"

namespace traza::risk {

/// The catalogue's name of the level (its id when the catalogue lacks it).
std::string evidenceWord(const model::Catalogue&, model::Evidence, const std::string& language);
/// The catalogue's name of the kind (its id when the catalogue lacks it).
std::string kindWord(const model::Catalogue&, model::ActorKind, const std::string& language);
/// "informal", "semi-formal", "formal" in the language.
std::string formalityWord(const Text&, model::Formality);

}  // namespace traza::risk
