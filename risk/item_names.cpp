#include "item_names.h"

namespace traza::risk {
namespace {
std::string nameOf(const model::Actor* a, const std::string& id) { return a && !a->name.empty() ? a->name : id; }
}  // namespace

std::string actorNamed(const model::Actor& a) {
    if (a.name.empty() || a.name == a.id) return a.id;
    return a.name + " [" + a.id + "]";
}

std::string flowNamed(const model::Flow& f, const model::Actor* from, const model::Actor* to) {
    return nameOf(from, f.from) + " → " + nameOf(to, f.to) + " [" + f.id + "]";
}

std::string flowNamed(const model::Project& project, const model::Flow& f) {
    return flowNamed(f, project.findActor(f.from), project.findActor(f.to));
}

}  // namespace traza::risk
