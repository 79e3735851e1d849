#include "graph_layout.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <set>

#include "error.h"

namespace traza::gui {
namespace {

constexpr double kPointsPerInch = 72.0;

// Graphviz reads "0.5", never "0,5": format without the C locale (the GUI may
// run with a Spanish LC_NUMERIC, and std::to_string follows it).
std::string inches(double units) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, units / kPointsPerInch, std::chars_format::fixed, 4);
    return std::string(buf, r.ptr);
}

// cgraph takes char* for names and values it never modifies; keep the cast in one place.
char* cstr(const std::string& s) { return const_cast<char*>(s.c_str()); }

// Declares an attribute with its default; returns the symbol for agxset.
Agsym_t* declare(Agraph_t* g, int kind, const std::string& name, const std::string& dflt) {
    return agattr(g, kind, cstr(name), cstr(dflt));
}

// One Graphviz context for the whole process, created on first use and kept:
// Graphviz keeps plugin tables across contexts, and freeing one context while
// another lives lets its plugins read freed memory (seen by ASan in reports/).
// Layouts run on the GUI thread only, so the context is never shared between threads.
GVC_t* context() {
    static GVC_t* const gvc = gvContext();
    if (!gvc) throw Error("Graphviz could not start (gvContext failed)");
    return gvc;
}

struct GraphCloser {
    GVC_t* gvc = nullptr;
    Agraph_t* g = nullptr;
    bool laidOut = false;
    ~GraphCloser() {
        if (g && laidOut) gvFreeLayout(gvc, g);
        if (g) agclose(g);
    }
};

// Distinct node pairs with summed weights (dot wants one edge per pair).
std::map<std::pair<std::size_t, std::size_t>, double> pairWeights(
    const std::unordered_map<std::string, std::size_t>& index, const std::vector<LayoutEdge>& edges) {
    std::map<std::pair<std::size_t, std::size_t>, double> out;
    for (const LayoutEdge& e : edges) {
        auto f = index.find(e.from), t = index.find(e.to);
        if (f == index.end() || t == index.end() || f->second == t->second) continue;
        out[{f->second, t->second}] += std::max(0.0, e.weight);
    }
    return out;
}

std::unordered_map<std::string, std::size_t> indexOf(const std::vector<LayoutNode>& nodes) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) index.emplace(nodes[i].id, i);
    return index;
}

}  // namespace

LayoutResult layoutWithDot(const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges,
                           const LayoutOptions& opt) {
    LayoutResult result;
    if (nodes.empty()) return result;
    const auto index = indexOf(nodes);

    GraphCloser gc;
    gc.gvc = context();
    gc.g = agopen(cstr("chain"), Agdirected, nullptr);
    Agraph_t* g = gc.g;
    agattr(g, AGRAPH, cstr("rankdir"), cstr("LR"));
    agattr(g, AGRAPH, cstr("ranksep"), cstr(inches(opt.rankSep)));
    agattr(g, AGRAPH, cstr("nodesep"), cstr(inches(opt.nodeSep)));
    agattr(g, AGRAPH, cstr("splines"), cstr("none"));  // only node positions are used
    if (nodes.size() > 300) {  // bound the crossing-minimisation passes on big graphs
        agattr(g, AGRAPH, cstr("mclimit"), cstr("0.3"));
        agattr(g, AGRAPH, cstr("nslimit"), cstr("2"));
    }
    declare(g, AGNODE, "shape", "box");
    declare(g, AGNODE, "fixedsize", "true");
    declare(g, AGNODE, "label", "");
    Agsym_t* width = declare(g, AGNODE, "width", "0.75");
    Agsym_t* height = declare(g, AGNODE, "height", "0.5");
    Agsym_t* style = declare(g, AGNODE, "style", "");
    Agsym_t* rank = declare(g, AGRAPH, "rank", "");
    Agsym_t* weight = declare(g, AGEDGE, "weight", "1");
    Agsym_t* constraint = declare(g, AGEDGE, "constraint", "true");
    Agsym_t* estyle = declare(g, AGEDGE, "style", "");

    // One rank=same subgraph per stage, chained by invisible anchors so stage
    // columns keep their order even when no flow joins two neighbouring stages.
    std::set<int> stages;
    for (const LayoutNode& n : nodes) stages.insert(n.stage);
    std::map<int, Agraph_t*> stageGraph;
    Agnode_t* previousAnchor = nullptr;
    for (int s : stages) {
        Agraph_t* sg = agsubg(g, cstr("stage" + std::to_string(s)), 1);
        agxset(sg, rank, cstr("same"));
        stageGraph[s] = sg;
        Agnode_t* anchor = agnode(sg, cstr("__stage_anchor" + std::to_string(s)), 1);
        agxset(anchor, width, cstr("0.01"));
        agxset(anchor, height, cstr("0.01"));
        agxset(anchor, style, cstr("invis"));
        if (previousAnchor) agxset(agedge(g, previousAnchor, anchor, nullptr, 1), estyle, cstr("invis"));
        previousAnchor = anchor;
    }

    std::vector<Agnode_t*> gvNodes(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        Agnode_t* n = agnode(stageGraph[nodes[i].stage], cstr("n" + std::to_string(i)), 1);
        agxset(n, width, cstr(inches(std::max(1.0, nodes[i].width))));
        agxset(n, height, cstr(inches(std::max(1.0, nodes[i].height))));
        gvNodes[i] = n;
    }
    for (const auto& [ends, w] : pairWeights(index, edges)) {
        Agedge_t* e = agedge(g, gvNodes[ends.first], gvNodes[ends.second], nullptr, 1);
        // dot wants integer weights; log scale keeps a 1000 t flow from flattening the rest.
        agxset(e, weight, cstr(std::to_string(1 + static_cast<int>(std::lround(std::log1p(w))))));
        if (nodes[ends.first].stage >= nodes[ends.second].stage) agxset(e, constraint, cstr("false"));
    }

    if (gvLayout(gc.gvc, g, "dot") != 0) throw Error("Graphviz dot could not lay out the chain");
    gc.laidOut = true;
    const boxf bb = GD_bb(g);
    result.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const pointf c = ND_coord(gvNodes[i]);
        result[nodes[i].id] = Point{c.x - bb.LL.x, bb.UR.y - c.y};  // dot's y grows upwards
    }
    return result;
}

LayoutResult layoutColumns(const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges,
                           const LayoutOptions& opt) {
    LayoutResult result;
    if (nodes.empty()) return result;
    const auto index = indexOf(nodes);
    const auto pairs = pairWeights(index, edges);
    std::vector<std::vector<std::size_t>> preds(nodes.size()), succs(nodes.size());
    for (const auto& [ends, w] : pairs) {
        succs[ends.first].push_back(ends.second);
        preds[ends.second].push_back(ends.first);
    }

    std::map<int, std::vector<std::size_t>> columns;
    for (std::size_t i = 0; i < nodes.size(); ++i) columns[nodes[i].stage].push_back(i);
    std::vector<double> slot(nodes.size());  // position of each node in its column
    auto renumber = [&](std::vector<std::size_t>& col) {
        for (std::size_t k = 0; k < col.size(); ++k) slot[col[k]] = static_cast<double>(k) / std::max<std::size_t>(1, col.size());
    };
    for (auto& [s, col] : columns) renumber(col);
    // Order a column by the mean slot of its neighbours on one side.
    auto sweep = [&](std::vector<std::size_t>& col, const std::vector<std::vector<std::size_t>>& side) {
        std::vector<double> key(col.size());
        for (std::size_t k = 0; k < col.size(); ++k) {
            const auto& nb = side[col[k]];
            if (nb.empty()) key[k] = slot[col[k]];
            else key[k] = std::accumulate(nb.begin(), nb.end(), 0.0, [&](double a, std::size_t j) { return a + slot[j]; }) / nb.size();
        }
        std::vector<std::size_t> order(col.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
        std::vector<std::size_t> sorted;
        sorted.reserve(col.size());
        for (std::size_t k : order) sorted.push_back(col[k]);
        col = std::move(sorted);
        renumber(col);
    };
    for (int pass = 0; pass < 2; ++pass) {
        for (auto it = std::next(columns.begin()); it != columns.end(); ++it) sweep(it->second, preds);
        for (auto it = std::next(columns.rbegin()); it != columns.rend(); ++it) sweep(it->second, succs);
    }

    // Columns start at the top: the top of the drawing then shows the first
    // boxes of every stage and the flows among them (the first view of a
    // national chain), where centred columns of 60 refiners and 5 000
    // organisations would leave the top to the organisations alone.
    double columnWidth = 0;
    for (const LayoutNode& n : nodes) columnWidth = std::max(columnWidth, n.width);
    int columnIndex = 0;
    for (auto& [s, col] : columns) {
        const double x = columnIndex++ * (columnWidth + opt.rankSep) + columnWidth / 2;
        double y = 0;
        for (std::size_t i : col) {
            result[nodes[i].id] = Point{x, y + nodes[i].height / 2};
            y += nodes[i].height + opt.nodeSep;
        }
    }
    return result;
}

LayoutResult layoutLayered(const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges,
                           const LayoutOptions& opt) {
    if (nodes.size() > opt.dotNodeLimit) return layoutColumns(nodes, edges, opt);
    return layoutWithDot(nodes, edges, opt);
}

}  // namespace traza::gui
