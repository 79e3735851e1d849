#include "table_paste.h"

#include <algorithm>

#include "error.h"
#include "labels.h"

namespace traza::gui {
namespace {

std::string trimmedCell(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// "flows[3].documented_t" or "documented_t" -> "documented_t".
std::string keyOf(const std::string& where) {
    std::string key = where;
    if (const auto dot = key.rfind('.'); dot != std::string::npos) key = key.substr(dot + 1);
    if (const auto bracket = key.find('['); bracket != std::string::npos) key = key.substr(0, bracket);
    return key;
}

class RowCommand : public model::Command {
public:
    RowCommand(std::unique_ptr<model::Command> inner, std::shared_ptr<const std::vector<TableColumn>> columns, std::size_t row)
        : m_inner(std::move(inner)), m_columns(std::move(columns)), m_row(row) {}
    void apply(model::Project& p) override {
        try {
            m_inner->apply(p);
        } catch (const InvalidInput& e) {
            throwForRow(e, *m_columns, m_row);
        }
    }
    void revert(model::Project& p) override { m_inner->revert(p); }
    std::string label() const override { return m_inner->label(); }
    std::optional<model::CommandSubject> subject() const override { return m_inner->subject(); }

private:
    std::unique_ptr<model::Command> m_inner;
    std::shared_ptr<const std::vector<TableColumn>> m_columns;  // a copy: the history may outlive the table
    std::size_t m_row;
};

}  // namespace

void throwForRow(const std::exception& e, const std::vector<TableColumn>& columns, std::size_t row) {
    const auto* invalid = dynamic_cast<const InvalidInput*>(&e);
    if (!invalid) throw InvalidInput(toUtf8(wxString::Format(_("row %d"), static_cast<int>(row))), e.what());
    const std::string key = keyOf(invalid->where());
    const auto column = std::find_if(columns.begin(), columns.end(), [&](const TableColumn& c) { return c.key == key; });
    const wxString where = column != columns.end() ? wxString::Format(_("row %d, column %s"), static_cast<int>(row), column->title)
                           : invalid->where().empty() ? wxString::Format(_("row %d"), static_cast<int>(row))
                                                      : wxString::Format(_("row %d, %s"), static_cast<int>(row), toWx(invalid->where()));
    throw InvalidInput(toUtf8(where), invalid->reason());
}

std::unique_ptr<model::Command> rowCommand(std::unique_ptr<model::Command> c, std::shared_ptr<const std::vector<TableColumn>> columns,
                                           std::size_t row) {
    return std::make_unique<RowCommand>(std::move(c), std::move(columns), row);
}

std::unique_ptr<model::Command> pasteCommand(const model::Project& p, const TableSpec& spec, const RowOrder& order,
                                             std::size_t firstRow, int firstColumn,
                                             const std::vector<std::vector<std::string>>& cells, const Selection& sel) {
    auto paste = std::make_unique<model::CompositeCommand>("Paste rows");
    std::set<std::string> taken;
    const auto shared = std::make_shared<const std::vector<TableColumn>>(spec.columns());
    const int columns = static_cast<int>(spec.columns().size());
    // Rows pasted at the ID column are matched by their ID, wherever the cursor is:
    // a known ID edits its row, an empty or new one adds a row. Elsewhere rows are
    // placed from the cursor down, and those past the last row add rows.
    const bool byId = firstColumn == 0 && spec.columnOf("id") == 0;
    std::size_t added = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        // The 1-based row a refusal names: where the pasted row lands.
        std::size_t row = firstRow + i;
        std::optional<std::size_t> existing;
        if (byId) {
            const std::string id = cells[i].empty() ? std::string() : trimmedCell(cells[i][0]);
            if (!id.empty()) existing = spec.recordOf(id);
            const auto shown = existing ? order.rowOf(*existing) : std::nullopt;
            row = shown ? *shown : order.size() + added;
            if (!existing) ++added;
        }
        TypedCells typed;
        for (std::size_t j = 0; j < cells[i].size(); ++j) {
            const int column = firstColumn + static_cast<int>(j);
            if (column >= columns) {
                if (cells[i][j].empty()) continue;  // a trailing tab
                throw InvalidInput(toUtf8(wxString::Format(_("row %d"), static_cast<int>(row + 1))),
                                   toUtf8(wxString::Format(_("%d cells from column %s on, but the table ends %d columns later"),
                                                           static_cast<int>(cells[i].size()), spec.columns()[firstColumn].title,
                                                           columns - firstColumn)));
            }
            typed.emplace_back(column, toWx(cells[i][j]));
        }
        try {
            std::unique_ptr<model::Command> c;
            if (byId) {
                c = existing ? spec.edit(p, *existing, typed) : spec.add(p, typed, taken, sel);
            } else {
                c = row < order.size() ? spec.edit(p, order.record(row), typed) : spec.add(p, typed, taken, sel);
            }
            paste->add(rowCommand(std::move(c), shared, row + 1));
        } catch (const InvalidInput& e) {
            throwForRow(e, *shared, row + 1);
        }
    }
    return paste;
}

}  // namespace traza::gui
