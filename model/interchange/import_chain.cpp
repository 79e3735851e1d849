#include "import_chain.h"

#include <algorithm>
#include <unordered_set>

#include "error.h"

namespace traza::model {

std::vector<std::string> ImportChain::conflicts(const Project& p) const {
    std::unordered_set<std::string> used;
    for (const Actor& a : p.actors) used.insert(a.id);
    for (const Flow& f : p.flows) used.insert(f.id);
    std::vector<std::string> out;
    for (const Actor& a : m_actors)
        if (used.count(a.id)) out.push_back(a.id);
    for (const Flow& f : m_flows)
        if (used.count(f.id)) out.push_back(f.id);
    return out;
}

void ImportChain::apply(Project& p) {
    const std::vector<std::string> clash = conflicts(p);
    if (!clash.empty()) {
        std::string list;
        for (const std::string& id : clash) list += (list.empty() ? "\"" : ", \"") + id + "\"";
        throw InvalidInput("id", "already in the project: " + list);
    }
    std::unordered_set<std::string> actorIds;
    for (const Actor& a : p.actors) actorIds.insert(a.id);
    for (const Actor& a : m_actors) actorIds.insert(a.id);
    for (const Flow& f : m_flows)
        for (const std::string* end : {&f.from, &f.to})
            if (!actorIds.count(*end)) throw InvalidInput("flow " + f.id, "no actor has id \"" + *end + "\"");
    p.actors.insert(p.actors.end(), m_actors.begin(), m_actors.end());
    p.flows.insert(p.flows.end(), m_flows.begin(), m_flows.end());
    m_oldRules = p.importRules;
    p.importRules.merge(m_rules);
}

void ImportChain::revert(Project& p) {
    // Undo runs in stack order, so the imported records are still the last ones.
    p.actors.resize(p.actors.size() - std::min(p.actors.size(), m_actors.size()));
    p.flows.resize(p.flows.size() - std::min(p.flows.size(), m_flows.size()));
    p.importRules = m_oldRules;
}

}  // namespace traza::model
