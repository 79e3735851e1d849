#pragma once
// The analysis pane's Claims tab (issue #20): every claim account of the
// latest analysis (risk/claims/project_claims.h), one row per actor and period:
// eligible and not eligible input, what could be claimed (credits × yield plus
// what was carried in), what was claimed, the balance carried on and the
// credits that expired. A row selects its actor. The numbers are the library's.
#include <wx/panel.h>

#include <memory>

#include "analysis.h"
#include "project.h"
#include "selection.h"

class wxStaticText;

namespace traza::gui {

class TableView;

class ClaimsPage : public wxPanel {
public:
    ClaimsPage(wxWindow* parent, Selection&);
    void show(std::shared_ptr<const risk::Analysis>, const model::Project&);
    void clear();
    TableView* periods() const { return m_periods; }

private:
    wxStaticText* m_note = nullptr;
    TableView* m_periods = nullptr;
};

}  // namespace traza::gui
