#pragma once
// A project as the server keeps it: one row per object (the assessment, each
// actor, flow, record, checklist, goal, support, finding, the project's own
// catalogue), each holding the object's fragment of chain JSON. Reading hands
// the fragments in document order to projectFromJsonParts(), the chain JSON
// reader fed one object at a time, so a project from the server is validated
// exactly as a chain JSON file is.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <utility>

#include "project.h"

namespace traza::model {

/// (kind, id): kind is "assessment", "actor", "flow", "record", "checklist",
/// "goal", "support", "finding" or "catalogue" (chain JSON), or "position"
/// (an actor's canvas position, id the actor's) or "import_rules" (the
/// remembered spreadsheet column rules), which chain JSON does not carry; id is the object's own id
/// (a checklist's scope, a record's "flow/id", a goal's "actor>buyer", a
/// support's "actor>type>region"; a singleton's is ""), with "#n" appended
/// when two objects of a kind would share one.
using ObjectKey = std::pair<std::string, std::string>;

inline constexpr const char* kPositionKind = "position";
inline constexpr const char* kImportRulesKind = "import_rules";

struct ObjectRow {
    std::int64_t ordinal = 0;  ///< order key within its list (order_keys.h; 0 for singletons)
    std::string body;  ///< the object's chain JSON (compact)
    /// A record's flow id (projectObjects only): records are ordered within
    /// their flow, so moving a flow moves none of its records' rows. Follows
    /// from the body, so not compared.
    std::string group;
    bool operator==(const ObjectRow& o) const { return ordinal == o.ordinal && body == o.body; }
};

using ObjectRows = std::map<ObjectKey, ObjectRow>;

/// The kinds whose rows are a chain JSON list (actor, flow, record, ...), in
/// the order chain JSON writes them.
const std::vector<std::string>& listKinds();

/// Splits a project into its rows (through the chain JSON writer), plus a
/// "position" row per placed actor ({"x":…,"y":…}) and one "import_rules" row
/// ([{"header":…,"field":…,"factor":…}…]) when the project remembers rules.
/// A list's rows are numbered (index + 1) * kOrderGap, as a fresh list.
ObjectRows projectObjects(const Project&);

/// Joins rows into a project, validated as chain JSON; positions and column
/// rules are checked too (finite numbers, a positive factor). Throws InvalidInput
/// whose place is `location` followed by the object and its JSON path, e.g.
/// `postgresql://db/x?project=P: flow "F3" (flows[2].to)`.
Project projectFromObjects(const ObjectRows&, const Catalogue&, const std::string& location);

/// One row as the server sent it, viewed in place (no copy).
struct ObjectView {
    std::string_view kind;
    std::string_view id;
    std::int64_t ordinal = 0;
    std::string_view body;
};

/// As projectFromObjects, for rows viewed in a query's result (any order).
Project projectFromObjectViews(std::vector<ObjectView>, const Catalogue&, const std::string& location);

/// What turns `before` into `after`: the rows added or changed (with their new
/// value) and the keys removed.
struct ObjectChanges {
    ObjectRows upserts;
    std::vector<ObjectKey> removals;
    bool empty() const { return upserts.empty() && removals.empty(); }
};
ObjectChanges objectChanges(const ObjectRows& before, const ObjectRows& after);

}  // namespace traza::model
