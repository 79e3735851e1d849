#pragma once
// What one table of the chain (actors or flows) shows, and how typed cells
// become commands. The grid (chain_grid_table.h) and the page around it
// (table_page.h) work on any TableSpec; actor_table.h and flow_table.h are the two.
#include <wx/arrstr.h>
#include <wx/string.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "command.h"
#include "project.h"
#include "selection.h"

namespace traza::gui {

struct TableColumn {
    std::string key;  ///< the chain JSON field it edits ("tonnes"); a refusal's place names it
    wxString title;
    int width = 100;
    bool numeric = false;   ///< right-aligned, sorted by value
    wxArrayString choices;  ///< offered in a drop-down; empty: free text
};

/// Typed cells of one row: (column, text).
using TypedCells = std::vector<std::pair<int, wxString>>;

class TableSpec {
public:
    virtual ~TableSpec() = default;
    virtual ItemKind kind() const = 0;
    virtual const std::vector<TableColumn>& columns() const = 0;

    /// Called after every change of the project, before cells are asked for:
    /// rebuild the indexes the cells need (ids to records, actor names).
    virtual void prepare(const model::Project&) = 0;
    virtual std::size_t count(const model::Project&) const = 0;
    virtual std::string id(const model::Project&, std::size_t record) const = 0;
    /// The record with `id` (as of the last prepare()).
    virtual std::optional<std::size_t> recordOf(const std::string& id) const = 0;
    virtual wxString cell(const model::Project&, std::size_t record, int column) const = 0;
    /// The value a numeric column sorts by.
    virtual double number(const model::Project&, std::size_t record, int column) const = 0;

    /// The command that gives `record` the typed cells. Throws InvalidInput
    /// (where: the column key) for a text that is no value of its column.
    virtual std::unique_ptr<model::Command> edit(const model::Project&, std::size_t record, const TypedCells&) const = 0;
    /// The command that adds a record with the typed cells and defaults for the
    /// rest; its id is new to the project and to `taken`, and is added to `taken`.
    /// `near` is the selection (a new flow starts at the selected actor). Throws InvalidInput.
    virtual std::unique_ptr<model::Command> add(const model::Project&, const TypedCells&, std::set<std::string>& taken,
                                                const Selection& near) const = 0;
    virtual std::unique_ptr<model::Command> remove(const std::string& id) const = 0;

    /// Whether a row is an actor or a flow of its own, which selecting the row
    /// selects. A record's row is not: it belongs to its flow (itemId).
    virtual bool rowsAreItems() const { return true; }
    /// The id of the canvas item (of kind()) that `record` shows or belongs to.
    virtual std::string itemId(const model::Project& p, std::size_t record) const { return id(p, record); }
    /// The undo label of a cell typed in `column` of the row whose id is `id`.
    virtual std::string editLabel(const wxString& column, const model::Project&, const std::string& id) const;
    /// A narrower set of rows the page offers as a check box ("Only the selected
    /// flows"); empty: none. The rows then depend on the selection.
    virtual wxString scopeLabel() const { return {}; }
    virtual void setScoped(bool) {}

    /// The column whose key is `key` (a validation path's first part), or -1.
    int columnOf(const std::string& key) const;
};

/// A fresh id "<prefix><n>" used by no actor or flow of `p` and not in `taken`.
std::string freshId(const model::Project& p, const std::string& prefix, const std::set<std::string>& taken);

}  // namespace traza::gui
