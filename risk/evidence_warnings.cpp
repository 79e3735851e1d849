#include "evidence_warnings.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "catalogue_words.h"
#include "item_names.h"
#include "text.h"

namespace traza::risk {
namespace {

// Words in a flow's notes that say the tonnage is an assumption or a placeholder
// ("estimate" is left out: notes often cite someone's estimate of a share).
bool notesSayAssumed(const std::string& notes) {
    std::string lower(notes.size(), ' ');
    std::transform(notes.begin(), notes.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* word : {"assume", "assumption", "placeholder", "se asume", "supuesto", "supone"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

}  // namespace

std::vector<std::string> evidenceWarnings(const model::Project& project, const std::string& language) {
    const Text text(language);
    const model::Catalogue& cat = project.catalogue;
    std::unordered_map<std::string, model::Evidence> typical;
    for (const model::DocumentType& d : cat.documentTypes)
        if (auto e = model::parseEvidence(d.typicalEvidence)) typical.emplace(d.id, *e);

    std::vector<std::string> out;
    std::size_t higher = 0, lower = 0;
    for (const model::Flow& f : project.flows) {
        model::Evidence best = model::Evidence::None;
        std::string bestDoc;
        for (const std::string& d : f.documents) {
            auto it = typical.find(d);
            if (it != typical.end() && it->second > best) {
                best = it->second;
                bestDoc = d;
            }
        }
        if (best > f.evidence && ++higher <= kMaxEvidenceWarnings) {
            const model::DocumentType* doc = cat.documentType(bestDoc);
            out.push_back(text.pick("Flow ", "El flujo ") + flowNamed(project, f) + text.pick(" lists ", " lista ") +
                          (doc ? doc->name.in(language) : bestDoc) +
                          text.pick(", which typically supports evidence '", ", que suele respaldar la evidencia '") +
                          evidenceWord(cat, best, language) + text.pick("', but its evidence is '", "', pero su evidencia es '") +
                          evidenceWord(cat, f.evidence, language) +
                          text.pick("': either the document was not seen, or the level is too low.",
                                    "': o el documento no se vio, o el nivel es demasiado bajo."));
        }
        if (f.evidence > model::Evidence::None && notesSayAssumed(f.notes) && ++lower <= kMaxEvidenceWarnings)
            out.push_back(text.pick("Flow ", "El flujo ") + flowNamed(project, f) +
                          text.pick(": its notes say the tonnes are assumed, which is evidence '",
                                    ": sus notas dicen que las toneladas son supuestas, lo que es evidencia '") +
                          evidenceWord(cat, model::Evidence::None, language) +
                          text.pick("', yet its evidence is '", "', pero su evidencia es '") +
                          evidenceWord(cat, f.evidence, language) + "'.");
    }
    auto more = [&](std::size_t n, const char* en, const char* es) {
        if (n > kMaxEvidenceWarnings)
            out.push_back(text.pick("And ", "Y ") + Text::count(static_cast<long long>(n - kMaxEvidenceWarnings)) +
                          text.pick(en, es));
    };
    more(higher, " more flows whose documents support a higher evidence level than the one given.",
         " flujos más cuyos documentos respaldan un nivel de evidencia mayor que el indicado.");
    more(lower, " more flows whose notes say the tonnes are assumed.",
         " flujos más cuyas notas dicen que las toneladas son supuestas.");
    return out;
}

}  // namespace traza::risk
