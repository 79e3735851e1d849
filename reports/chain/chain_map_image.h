#pragma once
// The chain map as a PNG (or SVG), drawn with Graphviz (dot, left to right): one column
// per stage, actors coloured by risk level, line width by tonnes, flows without
// documentation dashed. Above kMaxMapActors actors the map groups actors by
// stage and kind, since a picture of 60 000 boxes says nothing.
#include <string>
#include <vector>

#include "analysis.h"
#include "labels.h"
#include "project.h"

namespace traza::reports {

constexpr std::size_t kMaxMapActors = 120;

struct ChainMapImage {
    std::vector<unsigned char> png;  ///< empty when Graphviz failed (see error)
    int widthPx = 0;
    int heightPx = 0;
    bool grouped = false;
    std::string error;
};

/// Draws the map in memory. Never throws for a Graphviz failure: the result then
/// has no picture and says why, and the report goes on without it.
ChainMapImage renderChainMap(const model::Project&, const risk::Analysis&, const Labels&);

/// The same map as SVG text (UTF-8), for a picture that scales. Never throws for
/// a Graphviz failure: returns an empty text and, if `error` is given, the reason.
std::string renderChainMapSvg(const model::Project&, const risk::Analysis&, const Labels&, std::string* error = nullptr);

/// The Graphviz "dot" text of the map (what renderChainMap lays out), for tests.
std::string chainMapDot(const model::Project&, const risk::Analysis&, const Labels&);

}  // namespace traza::reports
