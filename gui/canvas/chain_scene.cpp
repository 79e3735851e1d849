#include "chain_scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string_view>

#include "expanded_group_room.h"

namespace traza::gui {
namespace {

constexpr double kRowStep = kBoxHeight + 26;
constexpr std::size_t kGridRows = 20;  // expanded picker groups: rows per column

Rect boxAround(Point c) { return {c.x - kBoxWidth / 2, c.y - kBoxHeight / 2, kBoxWidth, kBoxHeight}; }

double distanceToSegment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

int riskOrder(const std::string& level) {
    if (level == "critical") return 4;
    if (level == "high") return 3;
    if (level == "medium") return 2;
    if (level == "low") return 1;
    return 0;
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A flow's ends as actor indexes, resolved once per build (kNone: unknown id).
struct FlowEnds {
    std::size_t from = kNone;
    std::size_t to = kNone;
};

// One key for a pair of node or actor indexes (both below 2^32 in any chain).
std::uint64_t pairKey(std::size_t a, std::size_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

// Which waste-picker groups are candidates for aggregation: no inflow and all
// outflow to a single actor. Returns, per actor, that target's index or kNone.
std::vector<std::size_t> pickerTargets(const model::Project& p, const std::vector<FlowEnds>& ends) {
    constexpr std::size_t kMany = kNone - 1;
    std::vector<std::size_t> target(p.actors.size(), kNone);
    std::vector<bool> hasInflow(p.actors.size(), false);
    for (const FlowEnds& e : ends) {
        if (e.from == kNone || e.to == kNone) continue;
        hasInflow[e.to] = true;
        std::size_t& t = target[e.from];
        t = (t == kNone || t == e.to) ? e.to : kMany;
    }
    for (std::size_t i = 0; i < p.actors.size(); ++i)
        if (p.actors[i].kind != model::ActorKind::WastePicker || hasInflow[i] || target[i] >= kMany) target[i] = kNone;
    return target;
}

}  // namespace

Point EdgeCurve::at(double t) const {
    const double u = 1 - t;
    const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
    return {a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y};
}

Rect EdgeCurve::bounds() const {
    // The curve lies inside the hull of its control points. (Not Rect::united:
    // a straight horizontal edge has zero height, which united() treats as empty.)
    const double l = std::min({p0.x, p1.x, p2.x, p3.x}), r = std::max({p0.x, p1.x, p2.x, p3.x});
    const double t = std::min({p0.y, p1.y, p2.y, p3.y}), b = std::max({p0.y, p1.y, p2.y, p3.y});
    return {l, t, r - l, b - t};
}

Point fallbackCentre(int stage, std::size_t rowInStage) {
    return {(std::max(stage, 1) - 1) * kColumnStep + kBoxWidth / 2, static_cast<double>(rowInStage) * kRowStep + kBoxHeight / 2};
}

EdgeCurve ChainScene::curveBetween(const Rect& from, const Rect& to, int parallelIndex, int parallelCount) {
    const double spread = std::min(12.0, (kBoxHeight - 10) / std::max(1, parallelCount));
    const double offset = (parallelIndex - (parallelCount - 1) / 2.0) * spread;
    Point p0 = handleOf(from), p3{to.x, to.y + to.h / 2};
    p0.y += offset;
    p3.y += offset;
    const double dx = std::max(50.0, std::abs(p3.x - p0.x) * 0.45);
    return {p0, {p0.x + dx, p0.y}, {p3.x - dx, p3.y}, p3};
}

ChainScene ChainScene::build(const model::Project& p, const ActorMarksMap& marks, const std::set<std::string>& expanded,
                             const SceneOptions& opt) {
    ChainScene s;
    // Indexes, not maps, wherever an actor is looked up per actor or per flow:
    // a national chain builds this scene on every edit (66 000 actors, 85 000 flows).
    std::unordered_map<std::string_view, std::size_t> index;  // views of the project's ids
    index.reserve(p.actors.size());
    for (std::size_t i = 0; i < p.actors.size(); ++i) index.emplace(p.actors[i].id, i);
    std::vector<FlowEnds> ends(p.flows.size());
    for (std::size_t k = 0; k < p.flows.size(); ++k) {
        auto from = index.find(p.flows[k].from), to = index.find(p.flows[k].to);
        if (from != index.end() && to != index.end()) ends[k] = {from->second, to->second};
    }

    // Which picker groups collapse into one box per organisation.
    s.m_targets = pickerTargets(p, ends);
    const std::vector<std::size_t>& targets = s.m_targets;
    std::vector<std::vector<std::size_t>> groupsOf(p.actors.size());  // target -> members, in actor order
    for (std::size_t i = 0; i < p.actors.size(); ++i)
        if (targets[i] != kNone) groupsOf[targets[i]].push_back(i);
    s.m_aggregatedInto.assign(p.actors.size(), kNone);  // member actor -> target actor
    s.m_gridSlot.assign(p.actors.size(), kNone);        // member of an expanded group -> slot
    std::vector<std::size_t>& aggregatedInto = s.m_aggregatedInto;
    std::vector<std::size_t>& gridSlot = s.m_gridSlot;
    std::vector<std::size_t>& expandedMembers = s.m_expandedMembers;
    for (std::size_t target = 0; target < groupsOf.size(); ++target) {
        const std::vector<std::size_t>& members = groupsOf[target];
        if (members.empty()) continue;
        const bool big = (p.actors.size() > opt.aggregateAboveActors && members.size() >= 2) ||
                         members.size() > opt.aggregateAbovePickers;
        if (!big) continue;
        const bool isExpanded = expanded.count(p.actors[target].id) > 0;
        for (std::size_t k = 0; k < members.size(); ++k) {
            if (isExpanded) {
                gridSlot[members[k]] = k;
                expandedMembers.push_back(members[k]);
            } else {
                aggregatedInto[members[k]] = target;
            }
        }
    }

    std::vector<std::size_t> nodeOfIndex(p.actors.size());
    auto addActorNode = [&](std::size_t i) {
        const model::Actor& a = p.actors[i];
        SceneNode n;
        n.id = a.id;
        n.actorKind = a.kind;
        n.stage = a.stage;
        n.name = a.name;
        n.region = a.region;
        n.headcount = a.headcount;
        if (auto m = marks.find(a.id); m != marks.end()) n.marks = m->second;
        if (gridSlot[i] != kNone) n.expandedGroupOf = p.actors[targets[i]].id;
        nodeOfIndex[i] = s.m_nodes.size();
        s.m_nodeOfActor.emplace(a.id, s.m_nodes.size());
        s.m_nodes.push_back(std::move(n));
        s.m_nodeActor.push_back(i);
    };
    for (std::size_t i = 0; i < p.actors.size(); ++i)
        if (aggregatedInto[i] == kNone) addActorNode(i);

    // One box per aggregated organisation, one column left of it.
    for (std::size_t target = 0; target < groupsOf.size(); ++target) {
        const std::vector<std::size_t>& members = groupsOf[target];
        if (members.empty() || aggregatedInto[members.front()] == kNone) continue;
        SceneNode g;
        g.kind = NodeKind::PickerGroup;
        g.id = p.actors[target].id;
        g.actorKind = model::ActorKind::WastePicker;
        g.stage = p.actors[members.front()].stage;
        g.positioned = true;
        for (std::size_t m : members) {
            const model::Actor& a = p.actors[m];
            g.members.push_back(a.id);
            g.people += std::max(0, a.headcount);
            if (auto mk = marks.find(a.id); mk != marks.end() && riskOrder(mk->second.riskLevel) > riskOrder(g.marks.riskLevel))
                g.marks.riskLevel = mk->second.riskLevel;
        }
        for (std::size_t m : members) {
            nodeOfIndex[m] = s.m_nodes.size();
            s.m_nodeOfActor.emplace(p.actors[m].id, s.m_nodes.size());
        }
        s.m_nodes.push_back(std::move(g));
        s.m_nodeActor.push_back(target);
        ++s.m_groupCount;
    }

    // Edges: one per flow, flows out of an aggregated group merged per target.
    std::unordered_map<std::uint64_t, std::size_t> merged;
    for (std::size_t k = 0; k < p.flows.size(); ++k) {
        const model::Flow& f = p.flows[k];
        const FlowEnds fe = ends[k];
        if (fe.from == kNone) continue;
        const std::size_t a = nodeOfIndex[fe.from], b = nodeOfIndex[fe.to];
        if (a == b) continue;
        const bool isMerged = aggregatedInto[fe.from] != kNone || aggregatedInto[fe.to] != kNone;
        if (isMerged) {
            auto [it, fresh] = merged.try_emplace(pairKey(a, b), s.m_edges.size());
            if (!fresh) {
                SceneEdge& e = s.m_edges[it->second];
                ++e.flowCount;
                e.tonnes += f.tonnes;
                e.documentedT += f.documentedT;
                e.evidence = std::min(e.evidence, f.evidence);
                e.sdT = std::hypot(e.sdT, f.sdT);
                e.tonnesUnknown = e.tonnesUnknown || f.tonnesUnknown;
                continue;
            }
        }
        SceneEdge e;
        e.from = a;
        e.to = b;
        if (!isMerged) e.flowId = f.id;
        e.tonnes = f.tonnes;
        e.documentedT = f.documentedT;
        e.evidence = f.evidence;
        e.sdT = f.sdT;
        e.tonnesUnknown = f.tonnesUnknown;
        if (!isMerged) s.m_edgeOfFlow.emplace(f.id, s.m_edges.size());
        s.m_edges.push_back(std::move(e));
    }

    std::unordered_map<std::uint64_t, int> pairCount;
    pairCount.reserve(s.m_edges.size());
    for (SceneEdge& e : s.m_edges) {
        s.m_maxTonnes = std::max(s.m_maxTonnes, e.tonnes);
        e.parallelIndex = pairCount[pairKey(e.from, e.to)]++;
    }
    for (SceneEdge& e : s.m_edges) {
        e.parallelCount = pairCount[pairKey(e.from, e.to)];
        e.width = 1.5 + 8.5 * std::sqrt(s.m_maxTonnes > 0 ? e.tonnes / s.m_maxTonnes : 0);
    }

    s.place(p);
    return s;
}

void ChainScene::place(const model::Project& p) {
    // Centres: saved positions; an actor without one goes below its stage's
    // placed actors (or into a default stage column when none is placed).
    std::vector<Point> centre(p.actors.size());
    struct Column { double sumX = 0; double maxY = -1e300; int count = 0; };
    std::map<int, Column> columns;
    for (const model::Actor& a : p.actors) {
        if (!a.hasPosition) continue;
        Column& c = columns[a.stage];
        c.sumX += a.x;
        c.maxY = std::max(c.maxY, a.y);
        ++c.count;
    }
    std::map<int, std::size_t> unplacedRows;
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        const model::Actor& a = p.actors[i];
        if (a.hasPosition) {
            centre[i] = {a.x, a.y};
        } else if (m_gridSlot[i] == kNone && m_aggregatedInto[i] == kNone) {
            const std::size_t row = unplacedRows[a.stage]++;
            auto c = columns.find(a.stage);
            centre[i] = c == columns.end() ? fallbackCentre(a.stage, row)
                                           : Point{c->second.sumX / c->second.count, c->second.maxY + (row + 1) * kRowStep};
        }
    }
    for (std::size_t member : m_expandedMembers) {
        if (p.actors[member].hasPosition) continue;
        const std::size_t slot = m_gridSlot[member];
        const Point t = centre[m_targets[member]];
        const double col = static_cast<double>(slot / kGridRows + 1), row = static_cast<double>(slot % kGridRows);
        centre[member] = {t.x - col * kColumnStep, t.y + (row - (kGridRows - 1) / 2.0) * kRowStep};
    }

    for (std::size_t k = 0; k < m_nodes.size(); ++k) {
        SceneNode& n = m_nodes[k];
        const std::size_t i = m_nodeActor[k];
        if (n.kind == NodeKind::Actor) {
            n.box = boxAround(centre[i]);
            n.positioned = p.actors[i].hasPosition;
        } else {  // one column left of the organisation it feeds
            n.box = boxAround({centre[i].x - kColumnStep, centre[i].y});
        }
    }

    makeRoomForExpandedGroups(m_nodes);
    m_bounds = {};
    m_bands.clear();
    std::map<int, StageBand> bands;
    for (const SceneNode& n : m_nodes) {
        m_bounds = m_bounds.united(n.box);
        auto [it, fresh] = bands.try_emplace(n.stage, StageBand{n.stage, n.box.x, n.box.right()});
        it->second.left = std::min(it->second.left, n.box.x);
        it->second.right = std::max(it->second.right, n.box.right());
    }
    for (const auto& [stage, band] : bands) m_bands.push_back(band);
}

bool ChainScene::relocate(const model::Project& p) {
    if (p.actors.size() != m_targets.size()) return false;
    for (std::size_t k = 0; k < m_nodes.size(); ++k)
        if (p.actors[m_nodeActor[k]].id != m_nodes[k].id) return false;
    place(p);
    return true;
}

void ChainScene::applyMarks(const ActorMarksMap& marks) {
    for (SceneNode& n : m_nodes) {
        if (n.kind == NodeKind::Actor) {
            auto m = marks.find(n.id);
            n.marks = m == marks.end() ? ActorMarks{} : m->second;
            continue;
        }
        n.marks = {};
        for (const std::string& id : n.members)
            if (auto mk = marks.find(id); mk != marks.end() && riskOrder(mk->second.riskLevel) > riskOrder(n.marks.riskLevel))
                n.marks.riskLevel = mk->second.riskLevel;
    }
}

void ChainScene::applyFlowMarks(const model::Project& p, const FlowMarks& implausible) {
    for (SceneEdge& e : m_edges) e.implausible = false;
    if (implausible.empty()) return;
    // Flows drawn on their own are found by id; a flow merged out of a picker
    // group by the boxes it joins (one pass over the flows, one over the edges).
    std::unordered_set<std::uint64_t> mergedPairs;
    for (const model::Flow& f : p.flows) {
        if (!implausible.count(f.id)) continue;
        if (auto it = m_edgeOfFlow.find(f.id); it != m_edgeOfFlow.end()) {
            m_edges[it->second].implausible = true;
            continue;
        }
        const auto a = nodeOfActor(f.from), b = nodeOfActor(f.to);
        if (a && b) mergedPairs.insert(pairKey(*a, *b));
    }
    if (mergedPairs.empty()) return;
    for (SceneEdge& e : m_edges)
        if (e.flowId.empty() && mergedPairs.count(pairKey(e.from, e.to))) e.implausible = true;
}

void ChainScene::applyPlanMarks(const model::Project& p, const PlanMarks& plan) {
    for (SceneEdge& e : m_edges) {
        e.planStep = 0;
        e.planGain = 0;
    }
    if (plan.empty()) return;
    auto mark = [](SceneEdge& e, const PlanMark& m) {
        e.planStep = e.planStep == 0 ? m.step : std::min(e.planStep, m.step);
        e.planGain += m.gain;
    };
    std::unordered_map<std::uint64_t, std::vector<PlanMark>> merged;
    for (const model::Flow& f : p.flows) {
        auto m = plan.find(f.id);
        if (m == plan.end()) continue;
        if (auto it = m_edgeOfFlow.find(f.id); it != m_edgeOfFlow.end()) {
            mark(m_edges[it->second], m->second);
            continue;
        }
        const auto a = nodeOfActor(f.from), b = nodeOfActor(f.to);
        if (a && b) merged[pairKey(*a, *b)].push_back(m->second);
    }
    if (merged.empty()) return;
    for (SceneEdge& e : m_edges)
        if (auto it = e.flowId.empty() ? merged.find(pairKey(e.from, e.to)) : merged.end(); it != merged.end())
            for (const PlanMark& m : it->second) mark(e, m);
}

std::optional<std::size_t> ChainScene::nodeOfActor(const std::string& id) const {
    auto it = m_nodeOfActor.find(id);
    return it == m_nodeOfActor.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> ChainScene::edgeOfFlow(const std::string& id) const {
    auto it = m_edgeOfFlow.find(id);
    return it == m_edgeOfFlow.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> ChainScene::nodeAt(Point p) const {
    for (std::size_t i = m_nodes.size(); i-- > 0;)
        if (m_nodes[i].box.contains(p)) return i;
    return std::nullopt;
}

std::optional<std::size_t> ChainScene::edgeAt(Point p, double tolerance) const {
    constexpr int kSegments = 24;
    std::optional<std::size_t> best;
    double bestDistance = tolerance;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const SceneEdge& e = m_edges[i];
        const double reach = tolerance + e.width / 2;
        const EdgeCurve c = curve(e);
        if (!c.bounds().inflated(reach).contains(p)) continue;
        Point prev = c.p0;
        for (int k = 1; k <= kSegments; ++k) {
            const Point next = c.at(static_cast<double>(k) / kSegments);
            const double d = distanceToSegment(p, prev, next) - e.width / 2;
            if (d <= bestDistance) {
                bestDistance = d;
                best = i;
            }
            prev = next;
        }
    }
    return best;
}

std::vector<std::size_t> ChainScene::nodesIn(const Rect& r) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].box.intersects(r)) out.push_back(i);
    return out;
}

}  // namespace traza::gui
