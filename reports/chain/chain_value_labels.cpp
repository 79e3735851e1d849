#include "chain_value_labels.h"

#include "enums.h"

namespace traza::reports {
namespace {

using model::Vocabulary;

std::vector<std::string> idsOf(Vocabulary v, const model::Catalogue& c) {
    std::vector<std::string> ids;
    auto entries = [&ids](const auto& list) {
        for (const auto& e : list) ids.push_back(e.id);
    };
    auto names = [&ids](const std::vector<std::string_view>& list) {
        for (std::string_view n : list) ids.emplace_back(n);
    };
    switch (v) {
        case Vocabulary::ActorKind: names(model::actorKindNames()); break;
        case Vocabulary::Formality: names(model::formalityNames()); break;
        case Vocabulary::Evidence: names(model::evidenceNames()); break;
        case Vocabulary::Payment: names(model::paymentNames()); break;
        case Vocabulary::RiskFactors: entries(c.riskFactors); break;
        case Vocabulary::DocumentTypes: entries(c.documentTypes); break;
        case Vocabulary::Typology: entries(c.typologies); break;
        case Vocabulary::None: ids = {"true", "false"}; break;
    }
    return ids;
}

}  // namespace

ChainValueLabels::ChainValueLabels(std::string_view lang, const model::Catalogue& catalogue, const model::SpreadsheetWords& words) {
    for (Vocabulary v : {Vocabulary::ActorKind, Vocabulary::Formality, Vocabulary::Evidence, Vocabulary::Payment, Vocabulary::RiskFactors,
                         Vocabulary::DocumentTypes, Vocabulary::Typology, Vocabulary::None}) {
        for (std::string& id : idsOf(v, catalogue)) {
            std::string text = words.valueLabel(v, id, lang, catalogue);
            const bool readsBack = v == Vocabulary::None ? words.boolean(text) == std::optional<bool>(id == "true")
                                                         : words.value(v, text, catalogue) == std::optional<std::string>(id);
            const bool list = v == Vocabulary::RiskFactors || v == Vocabulary::DocumentTypes;
            if (!readsBack || (list && text.find_first_of(";,\n") != std::string::npos)) text = id;
            m_byId[v].emplace(id, text);
            m_values[v].emplace_back(std::move(id), std::move(text));
        }
    }
}

const std::string& ChainValueLabels::label(Vocabulary v, const std::string& id) const {
    auto byId = m_byId.find(v);
    if (byId == m_byId.end()) return id;
    auto it = byId->second.find(id);
    return it == byId->second.end() ? id : it->second;
}

const std::vector<std::pair<std::string, std::string>>& ChainValueLabels::values(Vocabulary v) const {
    static const std::vector<std::pair<std::string, std::string>> none;
    auto it = m_values.find(v);
    return it == m_values.end() ? none : it->second;
}

}  // namespace traza::reports
