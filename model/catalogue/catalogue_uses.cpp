#include "catalogue_uses.h"

#include <algorithm>

#include "enums.h"

namespace traza::model {

std::vector<std::string> catalogueEntryUsers(const Project& p, const std::string& list, const std::string& id) {
    std::vector<std::string> users;
    auto holds = [&](const std::vector<std::string>& ids) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    if (list == "risk_factors" || list == "actor_kinds")
        for (const Actor& a : p.actors)
            if (list == "risk_factors" ? holds(a.riskFactors) : toString(a.kind) == id) users.push_back(a.id);
    if (list == "typologies" || list == "document_types")
        for (const Flow& f : p.flows)
            if (list == "typologies" ? f.typology == id : holds(f.documents)) users.push_back(f.id);
    if (list == "checklist_templates")
        for (const Checklist& k : p.checklists)
            if (k.templateId == id || (k.templateId.empty() && id == kDefaultChecklistTemplate)) users.push_back(k.scope);
    return users;
}

std::string someIds(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > 3) out += " and " + std::to_string(ids.size() - 3) + " more";
    return out;
}

}  // namespace traza::model
