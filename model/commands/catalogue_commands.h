#pragma once
// Edits of the project's own catalogue (Edit > Catalogues…): one entry added,
// changed, retired or restored is one undo step.
#include <string>

#include <nlohmann/json.hpp>

#include "command.h"

namespace traza::model {

/// Merges one entry into list `list` of the project's catalogue, as chain JSON's
/// "catalogue" section would (own_entries.h: an entry with a known id replaces
/// the fields it gives, a new id is added where the list takes new ids).
/// apply() throws InvalidInput naming the field ("catalogue.risk_factors[0].weight")
/// and leaves the project unchanged if the entry is not acceptable.
class SetCatalogueEntry : public Command {
public:
    SetCatalogueEntry(std::string list, nlohmann::json entry, std::string label)
        : m_list(std::move(list)), m_entry(std::move(entry)), m_label(std::move(label)) {}
    void apply(Project&) override;
    void revert(Project& p) override { p.catalogue = m_before; }
    std::string label() const override { return m_label; }

private:
    std::string m_list;
    nlohmann::json m_entry;
    std::string m_label;
    Catalogue m_before;
};

}  // namespace traza::model
