#include "chain_scene.h"

#include <algorithm>
#include <cmath>
#include <map>

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

// Which waste-picker groups are candidates for aggregation: no inflow and all
// outflow to a single actor. Returns actor index -> that target's index.
std::unordered_map<std::size_t, std::size_t> pickerTargets(const model::Project& p,
                                                           const std::unordered_map<std::string, std::size_t>& index) {
    constexpr std::size_t kNone = static_cast<std::size_t>(-1), kMany = kNone - 1;
    std::vector<std::size_t> target(p.actors.size(), kNone);
    std::vector<bool> hasInflow(p.actors.size(), false);
    for (const model::Flow& f : p.flows) {
        auto from = index.find(f.from), to = index.find(f.to);
        if (from == index.end() || to == index.end()) continue;
        hasInflow[to->second] = true;
        std::size_t& t = target[from->second];
        t = (t == kNone || t == to->second) ? to->second : kMany;
    }
    std::unordered_map<std::size_t, std::size_t> out;
    for (std::size_t i = 0; i < p.actors.size(); ++i)
        if (p.actors[i].kind == model::ActorKind::WastePicker && !hasInflow[i] && target[i] < kMany) out[i] = target[i];
    return out;
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
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(p.actors.size());
    for (std::size_t i = 0; i < p.actors.size(); ++i) index.emplace(p.actors[i].id, i);

    // Which picker groups collapse into one box per organisation.
    const auto targets = pickerTargets(p, index);
    std::map<std::size_t, std::vector<std::size_t>> groupsOf;  // target -> members (ordered: stable scenes)
    for (const auto& [member, target] : targets) groupsOf[target].push_back(member);
    std::unordered_map<std::size_t, std::size_t> aggregatedInto;  // member actor -> target actor
    std::unordered_map<std::size_t, std::size_t> gridSlot;        // member of an expanded group -> slot
    for (auto& [target, members] : groupsOf) {
        std::sort(members.begin(), members.end());
        const bool big = (p.actors.size() > opt.aggregateAboveActors && members.size() >= 2) ||
                         members.size() > opt.aggregateAbovePickers;
        if (!big) continue;
        const bool isExpanded = expanded.count(p.actors[target].id) > 0;
        for (std::size_t k = 0; k < members.size(); ++k) {
            if (isExpanded) gridSlot[members[k]] = k;
            else aggregatedInto[members[k]] = target;
        }
    }

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
        } else if (!gridSlot.count(i) && !aggregatedInto.count(i)) {
            const std::size_t row = unplacedRows[a.stage]++;
            auto c = columns.find(a.stage);
            centre[i] = c == columns.end() ? fallbackCentre(a.stage, row)
                                           : Point{c->second.sumX / c->second.count, c->second.maxY + (row + 1) * kRowStep};
        }
    }
    for (const auto& [member, slot] : gridSlot) {
        if (p.actors[member].hasPosition) continue;
        const Point t = centre[targets.at(member)];
        const double col = static_cast<double>(slot / kGridRows + 1), row = static_cast<double>(slot % kGridRows);
        centre[member] = {t.x - col * kColumnStep, t.y + (row - (kGridRows - 1) / 2.0) * kRowStep};
    }

    std::vector<std::size_t> nodeOfIndex(p.actors.size());
    auto addActorNode = [&](std::size_t i) {
        const model::Actor& a = p.actors[i];
        SceneNode n;
        n.id = a.id;
        n.box = boxAround(centre[i]);
        n.actorKind = a.kind;
        n.stage = a.stage;
        n.name = a.name;
        n.region = a.region;
        n.headcount = a.headcount;
        n.positioned = a.hasPosition;
        if (auto m = marks.find(a.id); m != marks.end()) n.marks = m->second;
        if (gridSlot.count(i)) n.expandedGroupOf = p.actors[targets.at(i)].id;
        nodeOfIndex[i] = s.m_nodes.size();
        s.m_nodeOfActor.emplace(a.id, s.m_nodes.size());
        s.m_nodes.push_back(std::move(n));
    };
    for (std::size_t i = 0; i < p.actors.size(); ++i)
        if (!aggregatedInto.count(i)) addActorNode(i);

    // One box per aggregated organisation, one column left of it.
    std::unordered_map<std::size_t, std::size_t> groupNode;  // target actor -> node
    for (const auto& [target, members] : groupsOf) {
        if (!aggregatedInto.count(members.front())) continue;
        SceneNode g;
        g.kind = NodeKind::PickerGroup;
        g.id = p.actors[target].id;
        const Point t = centre[target];
        g.box = boxAround({t.x - kColumnStep, t.y});
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
        groupNode[target] = s.m_nodes.size();
        for (std::size_t m : members) {
            nodeOfIndex[m] = s.m_nodes.size();
            s.m_nodeOfActor.emplace(p.actors[m].id, s.m_nodes.size());
        }
        s.m_nodes.push_back(std::move(g));
        ++s.m_groupCount;
    }

    // Edges: one per flow, flows out of an aggregated group merged per target.
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> merged;
    for (const model::Flow& f : p.flows) {
        auto from = index.find(f.from), to = index.find(f.to);
        if (from == index.end() || to == index.end()) continue;
        const std::size_t a = nodeOfIndex[from->second], b = nodeOfIndex[to->second];
        if (a == b) continue;
        const bool isMerged = aggregatedInto.count(from->second) || aggregatedInto.count(to->second);
        if (isMerged) {
            auto [it, fresh] = merged.try_emplace({a, b}, s.m_edges.size());
            if (!fresh) {
                SceneEdge& e = s.m_edges[it->second];
                ++e.flowCount;
                e.tonnes += f.tonnes;
                e.documentedT += f.documentedT;
                e.evidence = std::min(e.evidence, f.evidence);
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
        if (!isMerged) s.m_edgeOfFlow.emplace(f.id, s.m_edges.size());
        s.m_edges.push_back(std::move(e));
    }

    std::map<std::pair<std::size_t, std::size_t>, int> pairCount;
    for (SceneEdge& e : s.m_edges) {
        s.m_maxTonnes = std::max(s.m_maxTonnes, e.tonnes);
        e.parallelIndex = pairCount[{e.from, e.to}]++;
    }
    for (SceneEdge& e : s.m_edges) {
        e.parallelCount = pairCount[{e.from, e.to}];
        e.width = 1.5 + 8.5 * std::sqrt(s.m_maxTonnes > 0 ? e.tonnes / s.m_maxTonnes : 0);
    }

    std::map<int, StageBand> bands;
    for (const SceneNode& n : s.m_nodes) {
        s.m_bounds = s.m_bounds.united(n.box);
        auto [it, fresh] = bands.try_emplace(n.stage, StageBand{n.stage, n.box.x, n.box.right()});
        it->second.left = std::min(it->second.left, n.box.x);
        it->second.right = std::max(it->second.right, n.box.right());
    }
    for (const auto& [stage, band] : bands) s.m_bands.push_back(band);
    return s;
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
