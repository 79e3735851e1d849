#include "history_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "labels.h"
#include "table_view.h"

namespace traza::gui {
namespace {

wxString actionLabel(const std::string& action) {
    if (action == "insert") return _("added");
    if (action == "update") return _("changed");
    if (action == "delete") return _("deleted");
    return toWx(action);
}

}  // namespace

HistoryDialog::HistoryDialog(wxWindow* parent, const wxString& where, const std::vector<model::AuditEntry>& entries)
    : wxDialog(parent, wxID_ANY, _("History"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("history-dialog");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                wxString::Format(wxPLURAL("%d change to %s, newest first", "%d changes to %s, newest first",
                                                          static_cast<int>(entries.size())),
                                                 static_cast<int>(entries.size()), where)),
               0, wxALL, FromDIP(8));
    m_table = new TableView(this, "history");
    m_table->setColumns({{_("When"), 170}, {_("Who"), 110}, {_("Step"), 300}, {_("What"), 200}, {_("Change"), 80}});
    std::vector<TableView::Row> rows;
    rows.reserve(entries.size());
    for (const model::AuditEntry& e : entries) {
        TableView::Row row;
        row.cells = {toWx(e.at), toWx(e.user), toWx(e.label), toWx(e.kind + " " + e.objectId), actionLabel(e.action)};
        if (e.kind == "actor") row.item = ItemRef{ItemKind::Actor, e.objectId};
        else if (e.kind == "flow") row.item = ItemRef{ItemKind::Flow, e.objectId};
        rows.push_back(std::move(row));
    }
    m_table->setRows(std::move(rows));
    sizer->Add(m_table, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    SetSize(FromDIP(wxSize(900, 500)));
}

}  // namespace traza::gui
