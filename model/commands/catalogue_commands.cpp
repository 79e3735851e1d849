#include "catalogue_commands.h"

#include "own_entries.h"

namespace traza::model {

void SetCatalogueEntry::apply(Project& p) {
    nlohmann::json section = nlohmann::json::object();
    section[m_list] = nlohmann::json::array({m_entry});
    Catalogue next = withOwnEntries(p.catalogue, section, "catalogue");  // throws before anything changes
    m_before = std::move(p.catalogue);
    p.catalogue = std::move(next);
}

}  // namespace traza::model
