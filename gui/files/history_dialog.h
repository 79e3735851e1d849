#pragma once
// View > History (issue #22): the audit trail of a project on a server, newest
// first: when, who (the database user), the step's label, what it changed.
#include <wx/dialog.h>

#include <vector>

#include "server_reading.h"

namespace traza::gui {

class TableView;

class HistoryDialog : public wxDialog {
public:
    HistoryDialog(wxWindow* parent, const wxString& where, const std::vector<model::AuditEntry>&);
    TableView* table() const { return m_table; }

private:
    TableView* m_table = nullptr;
};

}  // namespace traza::gui
