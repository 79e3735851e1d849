#include "evidence_warnings.h"

#include <algorithm>
#include <cctype>
#include <string_view>
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

    // The flows to warn about, in order; their actors are named afterwards in
    // one pass over the actors (a linear look-up per flow was about 2 % of
    // analysing a national chain).
    struct Pending {
        const model::Flow* flow;
        bool assumed;             ///< the notes say assumed; else a document supports a higher level
        model::Evidence best{};   ///< the level the document supports
        std::string bestDoc;
    };
    std::vector<Pending> pending;
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
        if (best > f.evidence && ++higher <= kMaxEvidenceWarnings) pending.push_back({&f, false, best, bestDoc});
        if (f.evidence > model::Evidence::None && notesSayAssumed(f.notes) && ++lower <= kMaxEvidenceWarnings)
            pending.push_back({&f, true, model::Evidence::None, {}});
    }
    std::unordered_map<std::string_view, const model::Actor*> named;  // the first actor of each id, as findActor
    for (const Pending& w : pending) named.emplace(w.flow->from, nullptr), named.emplace(w.flow->to, nullptr);
    for (const model::Actor& a : project.actors)
        if (auto it = named.find(a.id); it != named.end() && !it->second) it->second = &a;
    auto flowName = [&](const model::Flow& f) { return flowNamed(f, named.at(f.from), named.at(f.to)); };

    std::vector<std::string> out;
    for (const Pending& w : pending) {
        const model::Flow& f = *w.flow;
        if (!w.assumed) {
            const model::DocumentType* doc = cat.documentType(w.bestDoc);
            out.push_back(text.pick("Flow ", "El flujo ") + flowName(f) + text.pick(" lists ", " lista ") +
                          (doc ? doc->name.in(language) : w.bestDoc) +
                          text.pick(", which typically supports evidence '", ", que suele respaldar la evidencia '") +
                          evidenceWord(cat, w.best, language) + text.pick("', but its evidence is '", "', pero su evidencia es '") +
                          evidenceWord(cat, f.evidence, language) +
                          text.pick("': either the document was not seen, or the level is too low.",
                                    "': o el documento no se vio, o el nivel es demasiado bajo."));
        } else {
            out.push_back(text.pick("Flow ", "El flujo ") + flowName(f) +
                          text.pick(": its notes say the tonnes are assumed, which is evidence '",
                                    ": sus notas dicen que las toneladas son supuestas, lo que es evidencia '") +
                          evidenceWord(cat, model::Evidence::None, language) +
                          text.pick("', yet its evidence is '", "', pero su evidencia es '") +
                          evidenceWord(cat, f.evidence, language) + "'.");
        }
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
