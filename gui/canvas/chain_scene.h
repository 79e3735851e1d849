#pragma once
// What the canvas draws, derived from the project: one box per actor (or per
// aggregated set of waste-picker groups feeding one organisation), one edge per
// flow (aggregated flows merged), stage bands, bounds, hit tests. No wx: built
// on every edit, drawn by CanvasPainter, tested without a display.
//
// Actor::x, Actor::y are the CENTRE of the actor's box in world units.
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "enums.h"
#include "geometry.h"
#include "project.h"

namespace traza::gui {

constexpr double kBoxWidth = 176;
constexpr double kBoxHeight = 58;
constexpr double kColumnStep = kBoxWidth + 90;  ///< centre-to-centre distance of stage columns

/// What the analysis says about an actor, as far as the canvas cares.
struct ActorMarks {
    std::string riskLevel;  ///< low / medium / high / critical; empty = not known yet
    bool chokePoint = false;
    int chokeRank = 0;
};
using ActorMarksMap = std::unordered_map<std::string, ActorMarks>;
/// Ids of the flows whose figure the reconciliation finds implausible (issue #21).
using FlowMarks = std::unordered_set<std::string>;
/// A flow of the document-next plan (issue #20): its step (1 = first) and what
/// the step adds to the traced share (a fraction, 0.032 = 3.2 points).
struct PlanMark {
    int step = 0;
    double gain = 0;
};
using PlanMarks = std::unordered_map<std::string, PlanMark>;

enum class NodeKind { Actor, PickerGroup };

struct SceneNode {
    NodeKind kind = NodeKind::Actor;
    std::string id;  ///< actor id, or the organisation id for a picker group
    Rect box;
    model::ActorKind actorKind = model::ActorKind::Other;
    int stage = 1;
    std::string name;
    std::string region;
    int headcount = 0;
    bool positioned = false;  ///< has a saved position (else placed by the fallback)
    ActorMarks marks;
    std::string expandedGroupOf;  ///< for a picker group shown one by one: the organisation it feeds
    // Picker groups only:
    std::vector<std::string> members;  ///< the aggregated actors' ids
    int people = 0;                    ///< headcount summed over members
};

struct SceneEdge {
    std::size_t from = 0;  ///< node index
    std::size_t to = 0;
    std::string flowId;    ///< empty for a merged edge out of a picker group
    int flowCount = 1;     ///< flows merged into this edge
    double tonnes = 0;
    double documentedT = 0;
    model::Evidence evidence = model::Evidence::None;  ///< the weakest of merged flows
    double width = 1;      ///< stroke width in world units (sqrt of tonnes)
    double sdT = 0;        ///< standard deviation of tonnes (merged: of their sum, independent flows)
    bool tonnesUnknown = false;  ///< some flow's amount is unknown (tonnes counts the known ones)
    bool implausible = false;    ///< some flow's figure is implausible (FlowMarks)
    int planStep = 0;            ///< the plan's first step among its flows (PlanMarks); 0 = not in the plan
    double planGain = 0;         ///< what those steps add to the traced share (a fraction)
    int parallelIndex = 0; ///< among edges joining the same two nodes
    int parallelCount = 1;
    bool undocumented() const { return evidence == model::Evidence::None || documentedT <= 0; }
};

struct StageBand {
    int stage = 1;
    double left = 0;
    double right = 0;
};

/// Four control points of the cubic curve an edge is drawn along.
struct EdgeCurve {
    Point p0, p1, p2, p3;
    Point at(double t) const;
    Rect bounds() const;
};

struct SceneOptions {
    /// Above this many actors every organisation's picker groups are aggregated.
    std::size_t aggregateAboveActors = 2000;
    /// An organisation fed by more picker groups than this is aggregated anyway.
    std::size_t aggregateAbovePickers = 40;
};

class ChainScene {
public:
    /// Build from a project. `marks` colours the boxes; `expanded` lists the
    /// organisations whose picker groups are shown one by one.
    static ChainScene build(const model::Project&, const ActorMarksMap& marks, const std::set<std::string>& expanded,
                            const SceneOptions& = {});

    const std::vector<SceneNode>& nodes() const { return m_nodes; }
    const std::vector<SceneEdge>& edges() const { return m_edges; }
    const std::vector<StageBand>& bands() const { return m_bands; }
    Rect bounds() const { return m_bounds; }
    double maxTonnes() const { return m_maxTonnes; }

    /// Node index of an actor (its picker group when aggregated), if drawn.
    std::optional<std::size_t> nodeOfActor(const std::string& id) const;
    /// Edge index of a flow drawn on its own.
    std::optional<std::size_t> edgeOfFlow(const std::string& id) const;

    /// The top-most node whose box contains `p`.
    std::optional<std::size_t> nodeAt(Point p) const;
    /// The edge passing within `tolerance` of `p` (curves sampled as polylines).
    std::optional<std::size_t> edgeAt(Point p, double tolerance) const;
    /// Nodes whose boxes intersect `r` (culling, rubber band).
    std::vector<std::size_t> nodesIn(const Rect& r) const;

    /// The curve of an edge between two boxes (pass moved boxes while dragging).
    static EdgeCurve curveBetween(const Rect& from, const Rect& to, int parallelIndex, int parallelCount);
    EdgeCurve curve(const SceneEdge& e) const {
        return curveBetween(m_nodes[e.from].box, m_nodes[e.to].box, e.parallelIndex, e.parallelCount);
    }

    /// The right-edge handle of a node, from which a flow is dragged.
    static Point handleOf(const Rect& box) { return {box.right(), box.y + box.h / 2}; }

    /// Recolour the boxes from new analysis marks without rebuilding the scene
    /// (an aggregated box takes its members' worst risk level), as build() would.
    void applyMarks(const ActorMarksMap&);

    /// Mark the edges of implausible flows (a merged edge when one of its flows
    /// is), clearing the old marks; `project` is the one the scene was built from.
    void applyFlowMarks(const model::Project& project, const FlowMarks&);
    /// Mark the edges of the plan's flows with their step and gain (a merged
    /// edge takes its flows' first step and the sum of their gains), clearing the old marks.
    void applyPlanMarks(const model::Project& project, const PlanMarks&);

    /// How many aggregated picker-group boxes the scene has.
    std::size_t aggregateCount() const { return m_groupCount; }

    /// The actors of `p` moved and nothing else changed since the scene was
    /// built from it (a first layout, a drag): give the boxes, bands and bounds
    /// their new places without building the scene again, as build() would.
    /// Returns false, changing nothing, when `p` is not the project the scene
    /// was built from (another actor list): the caller builds anew.
    bool relocate(const model::Project& p);

private:
    /// Boxes, bands and bounds from the actors' positions (the rest of the scene made).
    void place(const model::Project& p);

    std::vector<SceneNode> m_nodes;
    std::vector<SceneEdge> m_edges;
    std::vector<StageBand> m_bands;
    std::unordered_map<std::string, std::size_t> m_nodeOfActor;
    std::unordered_map<std::string, std::size_t> m_edgeOfFlow;
    Rect m_bounds;
    double m_maxTonnes = 0;
    std::size_t m_groupCount = 0;
    // Kept from build() for place(): per actor, the organisation its picker
    // group feeds, the box it is aggregated into, its slot in an expanded
    // group (each SIZE_MAX for none); per node, the actor whose position places it.
    std::vector<std::size_t> m_targets;
    std::vector<std::size_t> m_aggregatedInto;
    std::vector<std::size_t> m_gridSlot;
    std::vector<std::size_t> m_expandedMembers;
    std::vector<std::size_t> m_nodeActor;
};

/// Where a new actor without a saved position is drawn: its stage column,
/// below the others (`rowInStage` counts earlier unplaced actors of the stage).
Point fallbackCentre(int stage, std::size_t rowInStage);

}  // namespace traza::gui
