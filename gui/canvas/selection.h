#pragma once
// What the user has selected: actors and flows by id, plus the primary item the
// property grid shows. Shared by the canvas, the outline and the property grid.
#include <optional>
#include <set>
#include <string>

#include "project.h"
#include "observers.h"

namespace traza::gui {

enum class ItemKind { Actor, Flow };

struct ItemRef {
    ItemKind kind = ItemKind::Actor;
    std::string id;
    bool operator==(const ItemRef&) const = default;
};

class Selection {
public:
    const std::set<std::string>& actors() const { return m_actors; }
    const std::set<std::string>& flows() const { return m_flows; }
    bool empty() const { return m_actors.empty() && m_flows.empty(); }
    bool contains(const ItemRef& r) const;
    /// The item shown in the property grid: the last one added that is still selected.
    std::optional<ItemRef> primary() const { return m_primary; }

    void clear();
    /// Select exactly this item.
    void set(const ItemRef&);
    /// Add without clearing (Ctrl-click, rubber band).
    void add(const ItemRef&);
    /// Add if absent, remove if present.
    void toggle(const ItemRef&);
    /// Replace the whole selection at once (one notification).
    void assign(std::set<std::string> actors, std::set<std::string> flows);
    /// Carry an id change (the user renamed an actor or flow in the grid).
    void rename(const ItemRef& from, const std::string& newId);
    /// Drop ids the project no longer has (after undo or delete).
    void prune(const model::Project&);

    /// Fired after every change.
    Observers<> changed;

private:
    std::set<std::string>& setOf(ItemKind k) { return k == ItemKind::Actor ? m_actors : m_flows; }
    void fixPrimary();
    std::set<std::string> m_actors;
    std::set<std::string> m_flows;
    std::optional<ItemRef> m_primary;
};

}  // namespace traza::gui
