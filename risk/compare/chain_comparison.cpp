#include "chain_comparison.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace traza::risk {
namespace {

struct Shares {
    double share = 0;
    double firstMile = 0;
};

Shares documentedShares(const model::Project& p, model::Evidence level) {
    std::unordered_map<std::string, int> stage;
    for (const model::Actor& a : p.actors) stage.emplace(a.id, a.stage);
    double total = 0, documented = 0, firstTotal = 0, firstDocumented = 0;
    for (const model::Flow& f : p.flows) {
        if (!(f.tonnes > 0) || f.from == f.to) continue;  // as the analysis counts flows
        const double d = f.evidence >= level ? std::min(f.documentedT, f.tonnes) : 0.0;
        total += f.tonnes;
        documented += d;
        auto s = stage.find(f.from);
        if (s != stage.end() && s->second == 1) {
            firstTotal += f.tonnes;
            firstDocumented += d;
        }
    }
    return {total > 0 ? documented / total : 0.0, firstTotal > 0 ? firstDocumented / firstTotal : 0.0};
}

double flowTonnes(const model::Project& p) {
    double t = 0;
    for (const model::Flow& f : p.flows)
        if (f.tonnes > 0 && f.from != f.to) t += f.tonnes;
    return t;
}

template <typename Items, typename Id>
std::pair<std::size_t, std::size_t> addedRemoved(const Items& before, const Items& after, Id id) {
    std::unordered_set<std::string> b, a;
    for (const auto& x : before) b.insert(id(x));
    for (const auto& x : after) a.insert(id(x));
    std::size_t added = 0, removed = 0;
    for (const std::string& x : a) added += b.count(x) ? 0 : 1;
    for (const std::string& x : b) removed += a.count(x) ? 0 : 1;
    return {added, removed};
}

const TraceLevel* levelOf(const Analysis& a, model::Evidence level) {
    for (const TraceLevel& l : a.traceability.levels)
        if (l.level == level) return &l;
    return nullptr;
}

LevelComparison compareLevel(const model::Project& pb, const Analysis& ab, const model::Project& pa, const Analysis& aa,
                             model::Evidence level) {
    LevelComparison c;
    c.level = level;
    const Shares sb = documentedShares(pb, level), sa = documentedShares(pa, level);
    c.documentedShare = {sb.share, sa.share};
    c.firstMileDocumentedShare = {sb.firstMile, sa.firstMile};
    const TraceLevel* lb = levelOf(ab, level);
    const TraceLevel* la = levelOf(aa, level);
    if (lb) {
        for (const auto& [k, v] : lb->byStage) c.tracedByStage[k].before = v;
        c.horizonBefore = lb->horizon;
    }
    if (la) {
        for (const auto& [k, v] : la->byStage) c.tracedByStage[k].after = v;
        c.horizonAfter = la->horizon;
    }
    return c;
}

using FlagKey = std::tuple<std::string, std::string, std::string>;
FlagKey keyOf(const RedFlag& f) { return {f.rule, f.actor, f.flow}; }

std::vector<RedFlag> flagsOnlyIn(const std::vector<RedFlag>& these, const std::vector<RedFlag>& others) {
    std::set<FlagKey> seen;
    for (const RedFlag& f : others) seen.insert(keyOf(f));
    std::vector<RedFlag> out;
    for (const RedFlag& f : these)
        if (!seen.count(keyOf(f))) out.push_back(f);
    return out;
}

std::string nameOf(const model::Project& later, const model::Project& earlier, const std::string& id) {
    if (const model::Actor* a = later.findActor(id)) return a->name;
    if (const model::Actor* a = earlier.findActor(id)) return a->name;
    return id;
}

std::vector<ChokePointComparison> compareChokePoints(const model::Project& pb, const Analysis& ab,
                                                     const model::Project& pa, const Analysis& aa) {
    std::map<std::string, ChokePointComparison> byId;
    for (const Analysis* a : {&ab, &aa})
        for (const ActorResult& r : a->actors)
            if (r.chokePoint) byId[r.id];
    // Rank and share on each side, also where the actor is a choke point on one side only.
    for (const ActorResult& r : ab.actors)
        if (auto it = byId.find(r.id); it != byId.end()) it->second.rankBefore = r.chokeRank, it->second.flowShare.before = r.flowShare;
    for (const ActorResult& r : aa.actors)
        if (auto it = byId.find(r.id); it != byId.end()) it->second.rankAfter = r.chokeRank, it->second.flowShare.after = r.flowShare;
    std::vector<ChokePointComparison> out;
    for (auto& [id, c] : byId) {
        c.id = id;
        c.name = nameOf(pa, pb, id);
        out.push_back(std::move(c));
    }
    const auto rank = [](int r) { return r == 0 ? INT32_MAX : r; };
    std::sort(out.begin(), out.end(), [&](const auto& x, const auto& y) {
        return std::tuple(rank(x.rankAfter), rank(x.rankBefore), x.id) < std::tuple(rank(y.rankAfter), rank(y.rankBefore), y.id);
    });
    return out;
}

std::vector<ActorTonnes> compareActorTonnes(const model::Project& pb, const Analysis& ab, const model::Project& pa,
                                            const Analysis& aa) {
    std::map<std::string, ActorTonnes> byId;
    for (const ActorResult& r : ab.actors) {
        ActorTonnes& t = byId[r.id];
        t.outT.before = r.outT;
        t.removed = true;
    }
    for (const ActorResult& r : aa.actors) {
        auto [it, isNew] = byId.try_emplace(r.id);
        it->second.outT.after = r.outT;
        it->second.removed = false;
        it->second.added = isNew;
    }
    std::vector<ActorTonnes> out;
    for (auto& [id, t] : byId) {
        if (t.outT.delta() == 0 && !t.added && !t.removed) continue;
        t.id = id;
        t.name = nameOf(pa, pb, id);
        out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const ActorTonnes& x, const ActorTonnes& y) {
        return std::abs(x.outT.delta()) > std::abs(y.outT.delta());
    });
    return out;
}

}  // namespace

ChainComparison compareChains(const model::Project& pb, const Analysis& ab, const model::Project& pa,
                              const Analysis& aa) {
    ChainComparison c;
    c.totalT = {ab.totalT, aa.totalT};
    c.flowTonnes = {flowTonnes(pb), flowTonnes(pa)};
    c.actorCount = {static_cast<double>(pb.actors.size()), static_cast<double>(pa.actors.size())};
    c.flowCount = {static_cast<double>(pb.flows.size()), static_cast<double>(pa.flows.size())};
    std::tie(c.actorsAdded, c.actorsRemoved) =
        addedRemoved(pb.actors, pa.actors, [](const model::Actor& a) { return a.id; });
    std::tie(c.flowsAdded, c.flowsRemoved) = addedRemoved(pb.flows, pa.flows, [](const model::Flow& f) { return f.id; });
    for (model::Evidence level : {model::Evidence::SelfDeclared, model::Evidence::Reported, model::Evidence::Documented,
                                  model::Evidence::Verified})
        c.levels.push_back(compareLevel(pb, ab, pa, aa, level));
    c.chokePoints = compareChokePoints(pb, ab, pa, aa);
    c.newFlags = flagsOnlyIn(aa.redFlags, ab.redFlags);
    c.resolvedFlags = flagsOnlyIn(ab.redFlags, aa.redFlags);
    c.actorTonnes = compareActorTonnes(pb, ab, pa, aa);
    return c;
}

}  // namespace traza::risk
