#include "catalogue_words.h"

namespace traza::risk {

std::string evidenceWord(const model::Catalogue& catalogue, model::Evidence level, const std::string& language) {
    const std::string_view id = model::toString(level);
    for (const model::EvidenceLevelInfo& e : catalogue.evidenceLevels)
        if (e.id == id && !e.name.in(language).empty()) return e.name.in(language);
    return std::string(id);
}

std::string kindWord(const model::Catalogue& catalogue, model::ActorKind kind, const std::string& language) {
    const std::string id(model::toString(kind));
    const model::ActorKindInfo* info = catalogue.actorKind(id);
    return info && !info->name.in(language).empty() ? info->name.in(language) : id;
}

std::string formalityWord(const Text& text, model::Formality f) {
    switch (f) {
        case model::Formality::Informal: return text.pick("informal", "informal");
        case model::Formality::SemiFormal: return text.pick("semi-formal", "semiformal");
        default: return text.pick("formal", "formal");
    }
}

}  // namespace traza::risk
