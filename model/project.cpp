#include "project.h"

#include <algorithm>
#include <unordered_set>

namespace traza::model {

Project Project::createEmpty() {
    Project p;
    p.catalogue = Catalogue::installed();
    return p;
}

namespace {
template <typename Vec, typename Key>
auto findIn(Vec& v, const std::string& id, Key key) -> decltype(&v[0]) {
    auto it = std::find_if(v.begin(), v.end(), [&](const auto& x) { return key(x) == id; });
    return it == v.end() ? nullptr : &*it;
}

// The keys are returned by reference: a copy of every id compared was most
// of a look-up's time.
const std::string& actorId(const Actor& a) { return a.id; }
const std::string& flowId(const Flow& f) { return f.id; }
}  // namespace

Actor* Project::findActor(const std::string& id) { return findIn(actors, id, actorId); }
const Actor* Project::findActor(const std::string& id) const { return findIn(actors, id, actorId); }
Flow* Project::findFlow(const std::string& id) { return findIn(flows, id, flowId); }
const Flow* Project::findFlow(const std::string& id) const { return findIn(flows, id, flowId); }
Checklist* Project::findChecklist(const std::string& scope) {
    return findIn(checklists, scope, [](const Checklist& c) { return c.scope; });
}
const Checklist* Project::findChecklist(const std::string& scope) const {
    return findIn(checklists, scope, [](const Checklist& c) { return c.scope; });
}
const ChecklistTemplate* Project::checklistTemplateOf(const std::string& scope) const {
    const Checklist* c = findChecklist(scope);
    return catalogue.checklistTemplate(c ? c->templateId : std::string());
}

std::string Project::unusedId(const std::string& prefix) const {
    std::unordered_set<std::string> used;
    for (const Actor& a : actors) used.insert(a.id);
    for (const Flow& f : flows) used.insert(f.id);
    for (std::size_t n = actors.size() + flows.size() + 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        if (!used.count(id)) return id;
    }
}

bool Project::sameChain(const Project& o) const {
    if (!(assessment == o.assessment && flows == o.flows && checklists == o.checklists && goals == o.goals &&
          supports == o.supports && findings == o.findings && actors.size() == o.actors.size()))
        return false;
    for (std::size_t i = 0; i < actors.size(); ++i)
        if (!actors[i].sameData(o.actors[i])) return false;
    return true;
}

}  // namespace traza::model
