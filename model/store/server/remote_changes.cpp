#include "remote_changes.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace traza::model {
namespace {

template <typename T>
auto findId(std::vector<T>& items, const std::string& id) {
    return std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
}

template <typename T>
auto findId(const std::vector<T>& items, const std::string& id) {
    return std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
}

// Replaces, moves, adds or removes the element `id` of `local` as in `remote`:
// an element is put after the nearest one before it in `remote` that `local` has.
template <typename T>
void mergeElement(std::vector<T>& local, const std::vector<T>& remote, const std::string& id) {
    if (const auto l = findId(local, id); l != local.end()) local.erase(l);
    const auto r = findId(remote, id);
    if (r == remote.end()) return;
    auto at = local.begin();
    for (auto before = r; before != remote.begin();) {
        --before;
        if (const auto l = findId(local, before->id); l != local.end()) {
            at = l + 1;
            break;
        }
    }
    local.insert(at, *r);
}

// The flows a record's id ("flow/record") can belong to: flow ids may hold
// "/" too, so each "/" is tried; looked up in an index of the project's flows.
class RecordFlows {
public:
    explicit RecordFlows(const Project& p) {
        for (const Flow& f : p.flows) m_flows.emplace(f.id, &f);
    }
    std::vector<const Flow*> of(const std::string& recordId) const {
        std::vector<const Flow*> out;
        for (std::size_t slash = recordId.find('/'); slash != std::string::npos; slash = recordId.find('/', slash + 1))
            if (const auto it = m_flows.find(std::string_view(recordId).substr(0, slash)); it != m_flows.end())
                out.push_back(it->second);
        return out;
    }

private:
    std::unordered_map<std::string_view, const Flow*> m_flows;
};

// Above this many changed objects the window takes the server's copy whole:
// the same project (the window was in step with the server before), without a
// search per object through a national chain's lists.
constexpr std::size_t kMergeLimit = 256;

}  // namespace

Project mergeRemoteObjects(Project local, const Project& remote, const std::vector<ObjectKey>& changed) {
    if (changed.size() > kMergeLimit) return remote;
    const RecordFlows remoteFlows(remote);
    for (const auto& [kind, id] : changed) {
        if (kind == "actor") {
            mergeElement(local.actors, remote.actors, id);
        } else if (kind == "flow") {
            mergeElement(local.flows, remote.flows, id);
        } else if (kind == kPositionKind) {
            const auto l = findId(local.actors, id);
            const auto r = findId(remote.actors, id);
            if (l == local.actors.end() || r == remote.actors.end()) continue;
            l->hasPosition = r->hasPosition;
            l->x = r->x;
            l->y = r->y;
        } else if (kind == "record") {
            // (A record whose flow is gone went with it: the flow's own key is named too.)
            for (const Flow* r : remoteFlows.of(id))
                if (const auto l = findId(local.flows, r->id); l != local.flows.end()) l->records = r->records;
        } else if (kind == "assessment") {
            local.assessment = remote.assessment;
        } else if (kind == "catalogue") {
            local.catalogue = remote.catalogue;
        } else if (kind == "checklist") {
            local.checklists = remote.checklists;
        } else if (kind == "goal") {
            local.goals = remote.goals;
        } else if (kind == "support") {
            local.supports = remote.supports;
        } else if (kind == "finding") {
            local.findings = remote.findings;
        } else if (kind == kImportRulesKind) {
            local.importRules = remote.importRules;
        } else {
            return remote;  // a kind this Traza does not know: take all
        }
    }
    return local;
}

std::vector<CommandSubject> changedSubjects(const std::vector<ObjectKey>& changed, const Project& remote, bool& other) {
    std::vector<CommandSubject> out;
    other = false;
    const RecordFlows remoteFlows(remote);
    for (const auto& [kind, id] : changed) {
        if (kind == "actor" || kind == kPositionKind) out.push_back({false, id});
        else if (kind == "flow") out.push_back({true, id});
        else if (kind == "record") {
            const std::vector<const Flow*> flows = remoteFlows.of(id);
            if (flows.empty()) other = true;  // its flow is gone: a removal named by the flow's own key too
            for (const Flow* f : flows) out.push_back({true, f->id});
        } else other = true;
    }
    return out;
}

}  // namespace traza::model
