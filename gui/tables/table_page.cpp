#include "table_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/grid.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "chain_grid_table.h"
#include "error.h"
#include "edit_label.h"
#include "error_dialog.h"
#include "labels.h"
#include "table_paste.h"
#include "tsv.h"

namespace traza::gui {

TablePage::TablePage(wxWindow* parent, const wxString& name, Document& doc, Selection& sel, std::unique_ptr<TableSpec> spec)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel), m_spec(std::move(spec)), m_filterTimer(this) {
    SetName(name);
    const int gap = FromDIP(4);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Filter:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_filterColumn = new wxChoice(this, wxID_ANY);
    m_filterColumn->SetName(name + "-filter-column");
    m_filterColumn->Append(_("All columns"));
    for (const TableColumn& c : m_spec->columns()) m_filterColumn->Append(c.title);
    m_filterColumn->SetSelection(0);
    bar->Add(m_filterColumn, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_filterText = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)), wxTE_PROCESS_ENTER);
    m_filterText->SetName(name + "-filter");
    m_filterText->SetHint(_("Text to look for"));
    bar->Add(m_filterText, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
    m_count = new wxStaticText(this, wxID_ANY, wxString());
    m_count->SetName(name + "-count");
    if (!m_spec->scopeLabel().empty()) {
        m_scope = new wxCheckBox(this, wxID_ANY, m_spec->scopeLabel());
        m_scope->SetName(name + "-scope");
        bar->Add(m_scope, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
        m_scope->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { setScoped(m_scope->GetValue()); });
    }
    bar->Add(m_count, 1, wxALIGN_CENTER_VERTICAL);
    m_add = new wxButton(this, wxID_ANY, _("Add row"));
    m_add->SetToolTip(_("Add a record below the last row (one undo step)"));
    bar->Add(m_add, 0, wxRIGHT, gap);
    m_delete = new wxButton(this, wxID_ANY, _("Delete rows"));
    m_delete->SetToolTip(_("Delete the records of the selected rows (one undo step; an actor's flows go with it)"));
    bar->Add(m_delete, 0);
    sizer->Add(bar, 0, wxEXPAND | wxALL, gap);

    m_grid = new wxGrid(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 200)));
    m_grid->SetName(name + "-grid");
    m_spec->prepare(m_doc.project());
    m_table = new ChainGridTable(m_doc, *m_spec, m_order, m_sort);
    m_table->onEdit = [this](int row, int col, const wxString& text) { onCellTyped(row, col, text); };
    rebuildOrder();
    m_grid->SetTable(m_table, true, wxGrid::wxGridSelectRows);
    m_gridRows = static_cast<int>(m_order.size());
    m_stale = false;
    m_grid->SetRowLabelSize(FromDIP(56));
    m_grid->DisableDragRowSize();
    // Selected rows in a light blue with dark text, focused or not: GTK's
    // unfocused selection was light grey text on grey, hard to read.
    m_grid->SetSelectionBackground(wxColour(0xc6, 0xdc, 0xf7));
    m_grid->SetSelectionForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    for (std::size_t i = 0; i < m_spec->columns().size(); ++i) {
        const TableColumn& c = m_spec->columns()[i];
        m_grid->SetColSize(static_cast<int>(i), FromDIP(c.width));
        auto* attr = new wxGridCellAttr;
        if (c.numeric) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
        if (!c.choices.empty()) attr->SetEditor(new wxGridCellChoiceEditor(c.choices));
        m_grid->SetColAttr(static_cast<int>(i), attr);
    }
    sizer->Add(m_grid, 1, wxEXPAND);
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetName(name + "-error");
    m_error->SetForegroundColour(wxColour(0xb0, 0x1c, 0x1c));
    sizer->Add(m_error, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    SetSizer(sizer);
    updateCount();

    m_grid->Bind(wxEVT_GRID_COL_SORT, &TablePage::onSort, this);
    m_grid->Bind(wxEVT_GRID_SELECT_CELL, &TablePage::onCursor, this);
    m_grid->Bind(wxEVT_GRID_RANGE_SELECTED, &TablePage::onRangeSelected, this);
    m_grid->Bind(wxEVT_KEY_DOWN, &TablePage::onKey, this);
    // A click on a column header sorts; it does not select the whole column.
    m_grid->Bind(wxEVT_GRID_LABEL_LEFT_CLICK, [](wxGridEvent& e) {
        if (e.GetRow() >= 0) e.Skip();
    });
    m_filterText->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_filterTimer.StartOnce(250); });
    m_filterText->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        m_filterTimer.Stop();
        rebuildOrder();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { rebuildOrder(); });
    m_filterColumn->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { rebuildOrder(); });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addRow(); });
    m_delete->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { deleteRows(); });
    // A hidden page does no work for an edit; it catches up when it is seen.
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        if (m_stale && IsShownOnScreen()) refresh();
        e.Skip();
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c != DocumentChange::Saved) m_stale = true;
    });
    m_selSlot = m_selection.changed.connect([this] {
        // Rows scoped to the selection are rebuilt (at idle); others mark the selected rows.
        if (m_scope && m_scope->GetValue()) m_stale = true;
        else if (!m_syncing) followSelection();
    });
}

TablePage::~TablePage() {
    m_doc.changed.disconnect(m_docSlot);
    m_selection.changed.disconnect(m_selSlot);
}

std::string TablePage::idAt(int row) const {
    const auto record = m_table->recordAt(row);
    return record ? m_spec->id(m_doc.project(), *record) : std::string();
}

wxString TablePage::errorText() const { return m_error->GetLabel(); }

wxString TablePage::countText() const { return m_count->GetLabel(); }

void TablePage::setScoped(bool scoped) {
    if (m_scope) m_scope->SetValue(scoped);
    m_spec->setScoped(scoped);
    refresh();
}

void TablePage::refresh() {
    m_stale = false;
    m_spec->prepare(m_doc.project());
    rebuildOrder();
    followSelection();
}

void TablePage::rebuildOrder() {
    const model::Project& p = m_doc.project();
    const RowOrder::Filter filter{m_filterColumn->GetSelection() - 1, toUtf8(m_filterText->GetValue())};
    m_order.rebuild(m_spec->count(p), static_cast<int>(m_spec->columns().size()), filter, m_sort,
                    [&](std::size_t r, int c) { return toUtf8(m_spec->cell(p, r, c)); },
                    [&](std::size_t r, int c) { return m_spec->number(p, r, c); });
    updateCount();
    if (!m_grid->GetTable()) return;  // still being built
    // Tell the grid how many rows it has now; it asks for the cells it shows.
    const int rows = static_cast<int>(m_order.size());
    // The grid may move its cursor as rows go: that is no choice of the user's.
    const bool syncing = m_syncing;
    m_syncing = true;
    m_grid->BeginBatch();
    if (rows < m_gridRows) {
        wxGridTableMessage m(m_table, wxGRIDTABLE_NOTIFY_ROWS_DELETED, rows, m_gridRows - rows);
        m_grid->ProcessTableMessage(m);
    } else if (rows > m_gridRows) {
        wxGridTableMessage m(m_table, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows - m_gridRows);
        m_grid->ProcessTableMessage(m);
    }
    m_gridRows = rows;
    m_grid->EndBatch();
    m_grid->ForceRefresh();
    m_syncing = syncing;
}

void TablePage::updateCount() {
    const std::size_t all = m_spec->count(m_doc.project());
    m_count->SetLabel(m_order.size() == all ? wxString::Format(_("%d rows"), static_cast<int>(all))
                                            : wxString::Format(_("%d of %d rows"), static_cast<int>(m_order.size()), static_cast<int>(all)));
}

void TablePage::execute(const std::function<void()>& edit) {
    try {
        edit();
        setErrorLine(wxString());
    } catch (const InvalidInput& e) {
        setErrorLine(wxString::Format("%s: %s", toWx(e.where()), toWx(e.reason())));
    } catch (const std::exception& e) {
        gui::showError(this, e);
    }
}

void TablePage::setErrorLine(const wxString& text) {
    if (m_error->GetLabel() == text) return;
    m_error->SetLabel(text);
    Layout();
}

void TablePage::onCellTyped(int row, int col, const wxString& text) {
    const auto record = m_table->recordAt(row);
    if (!record) return;
    // The grid is inside its editor's end here: the selection must not move its cursor now.
    m_syncing = true;
    execute([&] {
        const model::Project& p = m_doc.project();
        const std::string oldId = m_spec->id(p, *record);
        std::unique_ptr<model::Command> edit;
        try {
            edit = m_spec->edit(p, *record, {{col, text}});
        } catch (const InvalidInput& e) {
            throwForRow(e, m_spec->columns(), static_cast<std::size_t>(row) + 1);
        }
        // Undo names the field and the record: "tonnes of Organisation 1 → Exporter A".
        auto named = std::make_unique<model::CompositeCommand>(m_spec->editLabel(m_spec->columns()[static_cast<std::size_t>(col)].title, p, oldId));
        // A refusal when the edit is applied names the row itself (rowCommand).
        auto columns = std::make_shared<const std::vector<TableColumn>>(m_spec->columns());
        named->add(rowCommand(std::move(edit), columns, static_cast<std::size_t>(row) + 1));
        m_doc.execute(std::move(named));
        const std::string newId = m_spec->id(m_doc.project(), *record);
        if (newId != oldId && m_spec->rowsAreItems()) m_selection.rename({m_spec->kind(), oldId}, newId);
    });
    m_syncing = false;
}

void TablePage::onSort(wxGridEvent& e) {
    // Not skipped: the grid then marks the column as sorted, the way computed here.
    const int col = e.GetCol();
    if (col < 0) return;
    m_sort.column = col;
    m_sort.ascending = m_grid->IsSortingBy(col) ? !m_grid->IsSortOrderAscending() : true;
    m_sort.numeric = m_spec->columns()[static_cast<std::size_t>(col)].numeric;
    rebuildOrder();
    followSelection();
}

void TablePage::onCursor(wxGridEvent& e) {
    e.Skip();
    if (m_syncing) return;
    const auto record = m_table->recordAt(e.GetRow());
    if (!record) return;
    const ItemRef item{m_spec->kind(), m_spec->itemId(m_doc.project(), *record)};
    if (item.id.empty()) return;
    // A record's row selects its flow, unless that flow is selected already
    // (then the rows scoped to the selection stay as they are).
    if (m_spec->rowsAreItems() || !m_selection.contains(item)) {
        m_syncing = true;
        m_selection.set(item);
        m_syncing = false;
    }
    if (onItemChosen) onItemChosen(item);
}

void TablePage::onRangeSelected(wxGridRangeSelectEvent& e) {
    e.Skip();
    if (m_syncing || !m_spec->rowsAreItems()) return;
    std::set<std::string> ids;
    for (const wxGridBlockCoords& b : m_grid->GetSelectedRowBlocks())
        for (int r = b.GetTopRow(); r <= b.GetBottomRow(); ++r)
            if (std::string id = idAt(r); !id.empty()) ids.insert(std::move(id));
    if (ids.size() < 2) return;  // one row: the cursor event selected it
    m_syncing = true;
    if (m_spec->kind() == ItemKind::Actor) m_selection.assign(std::move(ids), {});
    else m_selection.assign({}, std::move(ids));
    m_syncing = false;
}

void TablePage::followSelection() {
    if (m_stale) return;  // the refresh after the change follows it
    if (!m_spec->rowsAreItems()) return;  // rows of records: scoped, not marked
    m_syncing = true;
    m_grid->ClearSelection();
    const auto& ids = m_spec->kind() == ItemKind::Actor ? m_selection.actors() : m_selection.flows();
    constexpr std::size_t kMaxMarked = 5000;  // "select all" of a national chain marks no rows one by one
    if (ids.size() <= kMaxMarked)
        for (const std::string& id : ids)
            if (auto record = m_spec->recordOf(id))
                if (auto row = m_order.rowOf(*record)) m_grid->SelectRow(static_cast<int>(*row), true);
    if (auto primary = m_selection.primary(); primary && primary->kind == m_spec->kind())
        if (auto record = m_spec->recordOf(primary->id))
            if (auto row = m_order.rowOf(*record)) {
                const int col = std::max(0, m_grid->GetGridCursorCol());
                m_grid->SetGridCursor(static_cast<int>(*row), col);
                m_grid->MakeCellVisible(static_cast<int>(*row), col);
            }
    m_syncing = false;
}

void TablePage::onKey(wxKeyEvent& e) {
    if (e.GetKeyCode() == 'V' && e.GetModifiers() == wxMOD_CONTROL) {
        wxString text;
        if (wxTheClipboard->Open()) {
            if (wxTheClipboard->IsSupported(wxDF_UNICODETEXT) || wxTheClipboard->IsSupported(wxDF_TEXT)) {
                wxTextDataObject data;
                if (wxTheClipboard->GetData(data)) text = data.GetText();
            }
            wxTheClipboard->Close();
        }
        if (!text.empty()) pasteText(text);
        return;
    }
    if (e.GetKeyCode() == WXK_DELETE && e.GetModifiers() == wxMOD_NONE && !m_grid->IsCellEditControlShown() &&
        !m_grid->GetSelectedRowBlocks().empty()) {
        deleteRows();
        return;
    }
    e.Skip();
}

bool TablePage::pasteText(const wxString& text) {
    if (m_stale) refresh();
    const auto rows = parseTsv(toUtf8(text));
    if (rows.empty()) return false;
    const std::size_t row = static_cast<std::size_t>(std::max(0, m_grid->GetGridCursorRow()));
    const int col = std::max(0, m_grid->GetGridCursorCol());
    bool done = false;
    execute([&] {
        m_doc.execute(pasteCommand(m_doc.project(), *m_spec, m_order, row, col, rows, m_selection));
        done = true;
    });
    if (done) refresh();
    return done;
}

void TablePage::addRow() {
    if (m_stale) refresh();
    std::string id;
    execute([&] {
        std::set<std::string> taken;
        auto c = m_spec->add(m_doc.project(), {}, taken, m_selection);
        const std::string newId = *taken.begin();
        auto columns = std::make_shared<const std::vector<TableColumn>>(m_spec->columns());
        m_doc.execute(rowCommand(std::move(c), columns, m_order.size() + 1));
        id = newId;
    });
    if (id.empty()) return;
    // The new row must be seen: a filter that hides it goes.
    if (!m_filterText->GetValue().empty()) m_filterText->ChangeValue(wxString());
    refresh();
    ItemRef item{m_spec->kind(), id};
    if (auto record = m_spec->recordOf(id)) item.id = m_spec->itemId(m_doc.project(), *record);
    if (m_spec->rowsAreItems() || !m_selection.contains(item)) {
        m_selection.set(item);
        refresh();  // a scoped page shows the new record's flow
    }
    if (auto record = m_spec->recordOf(id))
        if (auto row = m_order.rowOf(*record)) {
            m_syncing = true;
            m_grid->SetGridCursor(static_cast<int>(*row), 1);  // the name (actors) or the start (flows)
            m_grid->MakeCellVisible(static_cast<int>(*row), 1);
            m_syncing = false;
        }
    if (onItemChosen) onItemChosen(item);
    m_grid->SetFocus();
}

void TablePage::deleteRows() {
    if (m_stale) refresh();
    std::set<std::string> ids;
    for (const wxGridBlockCoords& b : m_grid->GetSelectedRowBlocks())
        for (int r = b.GetTopRow(); r <= b.GetBottomRow(); ++r)
            if (std::string id = idAt(r); !id.empty()) ids.insert(std::move(id));
    if (ids.empty())
        if (std::string id = idAt(m_grid->GetGridCursorRow()); !id.empty()) ids.insert(std::move(id));
    if (ids.empty()) return;
    execute([&] {
        auto c = std::make_unique<model::CompositeCommand>("Delete rows");
        for (const std::string& id : ids) c->add(m_spec->remove(id));
        m_doc.execute(std::move(c));
    });
}

}  // namespace traza::gui
