#pragma once
// The suppliers' checklists, indexed once per analysis: progress on the
// supplier-scope steps of the template each follows (2–4 of the OECD six
// steps, 2–4 of the Minerals Guidance's five; the catalogue says which)
// for the risk mitigation, and whether the on-the-ground items are done for
// the high_risk_typology_without_site_checks red flag.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "project.h"

namespace traza::risk {

/// Checklist progress 0..1 of a supplier (scope = actor id), and the items counted.
struct ChecklistProgress {
    bool hasChecklist = false;
    double progress = 0;  ///< Σ item scores / applicable items
    double score = 0;     ///< Σ item scores: done 1, in progress ½, not started 0
    int applicable = 0;   ///< supplier-scope template items not marked not applicable
};

class SupplierChecklists {
public:
    explicit SupplierChecklists(const model::Project&);

    /// Items missing from a checklist count as not started.
    ChecklistProgress progress(const std::string& actorId) const;
    /// True when every on-the-ground supplier item is at `required` or not applicable.
    bool onTheGroundDone(const std::string& actorId, model::ItemStatus required) const;
    /// The on-the-ground supplier items not at `required` nor not applicable, with their
    /// status (not started when the actor has no checklist), in catalogue order.
    std::vector<std::pair<const model::ChecklistItemTemplate*, model::ItemStatus>> openOnTheGround(
        const std::string& actorId, model::ItemStatus required) const;
    bool hasChecklist(const std::string& actorId) const { return find(actorId) != nullptr; }

private:
    model::ItemStatus status(const model::Checklist*, const std::string& itemId) const;
    /// The supplier's checklist, or null. Most actors of a national chain have
    /// none: a bit per hash of the scopes answers them without the map.
    const model::Checklist* find(const std::string& actorId) const;
    static std::size_t filterBit(const std::string& id);

    /// The supplier-scope items of the checklist's template (the default for none or an unknown one).
    const std::vector<const model::ChecklistItemTemplate*>& itemsOf(const model::Checklist*) const;

    std::unordered_map<std::string, std::vector<const model::ChecklistItemTemplate*>> m_supplierItems;  ///< by template id
    std::unordered_map<std::string, const model::Checklist*> m_byScope;
    std::vector<std::uint64_t> m_scopeFilter;  ///< 2^16 bits, set at filterBit(scope)
};

}  // namespace traza::risk
