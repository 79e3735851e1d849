#pragma once
// Find in the chain (Edit > Find, Ctrl+F): the actors whose id, name, region or
// notes hold the query and the flows whose id, material or notes do, ignoring
// case and accents. No wx; the search bar steps through the hits.
#include <string>
#include <vector>

#include "project.h"
#include "selection.h"

namespace traza::gui {

/// Every actor that matches, in the project's order, then every flow that
/// matches. An empty or blank query finds nothing.
std::vector<ItemRef> searchChain(const model::Project&, const std::string& query);

/// Steps through a list of hits: next() and previous() wrap around.
class SearchCursor {
public:
    void reset(std::vector<ItemRef> hits);
    /// Make `hit` the current one, if it is among the hits (a new search of the same text).
    void resume(const ItemRef& hit);
    const std::vector<ItemRef>& hits() const { return m_hits; }
    /// The hit shown, 0-based; -1 before the first step or without hits.
    int current() const { return m_current; }
    /// Move to the next / previous hit and return it; nullptr without hits.
    const ItemRef* next();
    const ItemRef* previous();

private:
    std::vector<ItemRef> m_hits;
    int m_current = -1;
};

}  // namespace traza::gui
