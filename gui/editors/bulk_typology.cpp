#include "bulk_typology.h"

#include <algorithm>

#include "chain_commands.h"
#include "error.h"

namespace traza::gui {

std::vector<std::string> outgoingFlowsToRetype(const model::Project& p, const std::vector<std::string>& actorIds,
                                               const std::string& typology) {
    std::vector<std::string> ids;
    for (const model::Flow& f : p.flows)
        if (f.typology != typology && std::find(actorIds.begin(), actorIds.end(), f.from) != actorIds.end())
            ids.push_back(f.id);
    return ids;
}

std::size_t setOutgoingTypology(Document& doc, const std::vector<std::string>& actorIds, const std::string& typology) {
    const model::Project& p = doc.project();
    if (!typology.empty() && !p.catalogue.typology(typology))
        throw InvalidInput("typology", "\"" + typology + "\" is not a typology of the project's catalogue");
    auto step = std::make_unique<model::CompositeCommand>(kSetOutgoingTypologyLabel);
    const std::vector<std::string> ids = outgoingFlowsToRetype(p, actorIds, typology);
    for (const std::string& id : ids) {
        model::Flow f = *p.findFlow(id);
        f.typology = typology;
        step->add(std::make_unique<model::UpdateFlow>(id, std::move(f)));
    }
    if (step->empty()) return 0;
    doc.execute(std::move(step));
    return ids.size();
}

}  // namespace traza::gui
