#include "chain_map_image.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <unordered_map>

#include <gvc.h>

namespace traza::reports {

namespace {

// cgraph's setters take char* but copy their arguments; these wrappers keep const-correct callers.
void set(void* obj, const char* name, const std::string& value) {
    std::string n = name, v = value, d;
    agsafeset(obj, n.data(), v.data(), d.data());
}

// Graphviz interprets backslash escapes in labels (\n, \N, \G...): keep text literal.
std::string escLabel(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string fillFor(const std::string& level) {
    if (level == "low") return "#C6EFCE";
    if (level == "medium") return "#FFEB9C";
    if (level == "high") return "#F8CBAD";
    if (level == "critical") return "#FF7C80";
    return "#E7E6E6";
}

std::string tonnesText(double t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f t", t);
    return buf;
}

struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

struct MapNode {
    std::string label;
    std::string level;
    int stage = 0;
};
struct MapEdge {
    double tonnes = 0;
    double byEvidence[5] = {0, 0, 0, 0, 0};  ///< tonnes by evidence level (an undocumented flow counts as none)
    /// The level that carries most of the link's tonnes (the lower one on a tie).
    int level() const {
        int best = 0;
        for (int l = 1; l < 5; ++l)
            if (byEvidence[l] > byEvidence[best]) best = l;
        return best;
    }
};

// Line style and colour of each evidence level, none .. verified (the legend says the same).
struct EvidenceStyle {
    const char* style;
    const char* colour;
};
constexpr EvidenceStyle kEvidenceStyles[5] = {
    {"dotted", "#7F7F7F"}, {"dashed", "#C00000"}, {"dashed", "#E69F00"}, {"solid", "#404040"}, {"bold", "#1F5FBF"}};

// Nodes and edges of the map: actors and flows, or groups of them by stage and kind.
struct MapModel {
    std::map<std::string, MapNode> nodes;                       // node key -> node
    std::map<std::pair<std::string, std::string>, MapEdge> edges;  // (from, to) -> summed flows
    bool grouped = false;
};

MapModel buildModel(const model::Project& p, const risk::Analysis& a, const Labels& text) {
    MapModel m;
    m.grouped = p.actors.size() > kMaxMapActors;
    std::unordered_map<std::string, const risk::ActorResult*> results;
    for (const risk::ActorResult& r : a.actors) results.emplace(r.id, &r);
    std::unordered_map<std::string, std::string> keyOf;
    std::map<std::string, int> groupCount;
    for (const model::Actor& actor : p.actors) {
        const risk::ActorResult* r = results.count(actor.id) ? results.at(actor.id) : nullptr;
        const std::string level = r ? r->risk.level : std::string();
        const std::string kind(model::toString(actor.kind));
        const std::string key = m.grouped ? std::to_string(actor.stage) + "/" + kind : actor.id;
        keyOf[actor.id] = key;
        MapNode& n = m.nodes[key];
        n.stage = actor.stage;
        if (!m.grouped) {
            n.level = level;
            n.label = escLabel(actor.name.empty() ? actor.id : actor.name);
            if (r && r->chokePoint) n.label += "\\n" + escLabel(text.format("map.choke", {std::to_string(r->chokeRank)}));
        } else {
            // A group shows its worst risk level.
            const auto rank = [](const std::string& l) {
                return l == "critical" ? 4 : l == "high" ? 3 : l == "medium" ? 2 : l == "low" ? 1 : 0;
            };
            if (rank(level) > rank(n.level)) n.level = level;
            const model::ActorKindInfo* info = p.catalogue.actorKind(kind);
            n.label = escLabel(info ? info->name.in(text.language()) : kind);
            ++groupCount[key];
        }
    }
    if (m.grouped)
        for (auto& [key, n] : m.nodes) n.label += "\\n" + escLabel(text.format("map.group_count", {std::to_string(groupCount[key])}));
    for (const model::Flow& f : p.flows) {
        auto from = keyOf.find(f.from), to = keyOf.find(f.to);
        if (from == keyOf.end() || to == keyOf.end()) continue;
        MapEdge& e = m.edges[{from->second, to->second}];
        e.tonnes += f.tonnes;
        const bool undocumented = f.evidence == model::Evidence::None || f.documentedT <= 0;
        e.byEvidence[undocumented ? 0 : std::clamp(static_cast<int>(f.evidence), 0, 4)] += f.tonnes;
    }
    return m;
}

GraphPtr buildGraph(const MapModel& m, const Labels& text) {
    std::string name = "chain";
    GraphPtr g(agopen(name.data(), Agdirected, nullptr));
    set(g.get(), "rankdir", "LR");
    set(g.get(), "size", "13,8");  // inches: at most 1248 x 768 px at 96 dpi
    set(g.get(), "dpi", "96");
    set(g.get(), "nodesep", "0.25");
    set(g.get(), "ranksep", "0.9");
    set(g.get(), "fontname", "DejaVu Sans");
    set(g.get(), "fontsize", "11");
    set(g.get(), "labelloc", "b");
    // One sentence of the legend per line: on one line it is wider than the chain
    // and shrinks the whole picture.
    std::string legend;
    {
        const std::string words = text("map.legend");
        std::size_t start = 0;
        while (start < words.size()) {
            std::size_t end = words.find(". ", start);
            end = end == std::string::npos ? words.size() : end + 1;
            if (!legend.empty()) legend += "\\n";
            legend += escLabel(words.substr(start, end - start));
            start = end;
            while (start < words.size() && words[start] == ' ') ++start;
        }
    }
    if (m.grouped) legend += "\\n" + escLabel(text("map.grouped"));
    set(g.get(), "label", legend);

    // One rank per stage, so the picture reads left to right like the chain.
    std::map<int, Agraph_t*> stages;
    std::map<std::string, Agnode_t*> nodes;
    for (const auto& [key, n] : m.nodes) {
        Agraph_t*& sg = stages[n.stage];
        if (!sg) {
            std::string sgName = "stage" + std::to_string(n.stage);
            sg = agsubg(g.get(), sgName.data(), 1);
            set(sg, "rank", "same");
        }
        std::string nodeName = key;
        Agnode_t* node = agnode(sg, nodeName.data(), 1);
        set(node, "label", n.label);
        set(node, "shape", "box");
        set(node, "style", "rounded,filled");
        set(node, "fillcolor", fillFor(n.level));
        set(node, "fontname", "DejaVu Sans");
        set(node, "fontsize", "10");
        nodes[key] = node;
    }
    double maxT = 0;
    for (const auto& [ends, e] : m.edges) maxT = std::max(maxT, e.tonnes);
    for (const auto& [ends, e] : m.edges) {
        Agedge_t* edge = agedge(g.get(), nodes.at(ends.first), nodes.at(ends.second), nullptr, 1);
        set(edge, "label", tonnesText(e.tonnes));
        set(edge, "fontname", "DejaVu Sans");
        set(edge, "fontsize", "9");
        char width[16];
        std::snprintf(width, sizeof width, "%.2f", 1.0 + 4.0 * (maxT > 0 ? e.tonnes / maxT : 0));
        set(edge, "penwidth", width);
        // Style and colour: the evidence level of most of the link's tonnes; the label
        // takes the line's colour so it reads as belonging to its arrow.
        const EvidenceStyle& st = kEvidenceStyles[e.level()];
        set(edge, "style", st.style);
        set(edge, "color", st.colour);
        set(edge, "fontcolor", st.colour);
    }
    return g;
}

// One Graphviz context for the life of the process, never freed: Graphviz's pango
// plugin keeps a pointer to the last font name across contexts, so freeing a
// context and creating another makes the next layout read freed memory (found by
// AddressSanitizer on the second report written in one process).
GVC_t* processContext() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}

// Lays the map out and renders it in `format` ("png", "svg"); empty data and a
// reason in `error` when there is nothing to draw or Graphviz fails.
std::string renderData(const MapModel& m, const Labels& text, const char* format, std::string& error) {
    if (m.nodes.empty()) {
        error = text("map.empty");
        return {};
    }
    agseterr(AGMAX);  // Graphviz warnings (fonts, sizes) would only clutter the CLI's stderr
    GVC_t* gvc = processContext();
    GraphPtr g = buildGraph(m, text);
    if (!gvc || gvLayout(gvc, g.get(), "dot") != 0) {
        error = "Graphviz could not lay out the chain";
        return {};
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, g.get(), format, &data, &length);
    gvFreeLayout(gvc, g.get());
    if (rc != 0 || !data || length < 24) {
        if (data) gvFreeRenderData(data);
        error = std::string("Graphviz could not render ") + format + " (is the Graphviz " + format + " plugin installed?)";
        return {};
    }
    std::string out(data, length);
    gvFreeRenderData(data);
    return out;
}

}  // namespace

ChainMapImage renderChainMap(const model::Project& p, const risk::Analysis& a, const Labels& text) {
    ChainMapImage img;
    const MapModel m = buildModel(p, a, text);
    img.grouped = m.grouped;
    const std::string data = renderData(m, text, "png", img.error);
    if (data.empty()) return img;
    img.png.assign(data.begin(), data.end());
    // Width and height from the PNG header (IHDR, big-endian, at bytes 16 and 20).
    auto be32 = [&](std::size_t at) {
        return int(img.png[at]) << 24 | int(img.png[at + 1]) << 16 | int(img.png[at + 2]) << 8 | int(img.png[at + 3]);
    };
    img.widthPx = be32(16);
    img.heightPx = be32(20);
    return img;
}

std::string renderChainMapSvg(const model::Project& p, const risk::Analysis& a, const Labels& text, std::string* error) {
    std::string reason;
    std::string svg = renderData(buildModel(p, a, text), text, "svg", reason);
    if (error) *error = reason;
    return svg;
}

std::string chainMapDot(const model::Project& p, const risk::Analysis& a, const Labels& text) {
    const MapModel m = buildModel(p, a, text);
    GraphPtr g = buildGraph(m, text);
    char* buf = nullptr;
    std::size_t size = 0;
    FILE* out = open_memstream(&buf, &size);
    if (!out) return {};
    agwrite(g.get(), out);
    std::fclose(out);
    std::string dot(buf, size);
    std::free(buf);
    return dot;
}

}  // namespace traza::reports
